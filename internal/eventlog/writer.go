package eventlog

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

var _ event.Recorder = (*Log)(nil)

// waitForRoom is how long Record waits for queue room before dropping the event.
const waitForRoom = 50 * time.Millisecond

// maintainEvery is how often an idle writer checks whether retention or the disk budget is due.
const maintainEvery = time.Minute

// item is one element of the writer's queue: an event, or a Flush marker.
type item struct {
	ev    Event
	flush chan error
}

// op is a write other than events (cursor, sync marks, prune), run by the writer goroutine.
type op struct {
	fn   func(ctx context.Context, c *sql.Conn) error
	done chan error
}

// pendingEvent is an event taken off the queue and not yet committed.
type pendingEvent struct {
	ev     Event
	failed bool // a write of it failed once and was counted in Failed
}

const insertEvent = `INSERT INTO events(` + eventColumns + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`

// Record implements event.Recorder. It never touches the disk: it stamps the event and puts
// it on the writer's queue. When the queue is full it waits up to 50 ms for room, then
// counts the event in Health().Dropped. Within a burst of drops it does not wait again, so
// a stuck disk costs the UI thread 50 ms once, not per event.
func (l *Log) Record(e event.Event) {
	it := item{ev: l.newEvent(e)}
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed {
		l.dropped.Add(1)
		return
	}
	select {
	case l.queue <- it:
		l.endBurst()
		return
	default:
	}
	if l.dropping.Load() {
		l.drop()
		return
	}
	t := time.NewTimer(waitForRoom)
	defer t.Stop()
	select {
	case l.queue <- it:
		l.endBurst()
	case <-t.C:
		l.drop()
	}
}

func (l *Log) drop() {
	n := l.dropped.Add(1)
	if l.dropping.CompareAndSwap(false, true) {
		l.setErr("event queue full: dropping events")
		go l.log.Warn("queue full, dropping events until the writer catches up",
			"queue", l.opts.QueueSize, "dropped_total", n)
	}
}

func (l *Log) endBurst() {
	if l.dropping.Load() && l.dropping.CompareAndSwap(true, false) {
		go l.log.Info("queue accepting events again", "dropped_total", l.dropped.Load())
	}
}

// newEvent stamps a kiosk event with ids, times and versions.
func (l *Log) newEvent(e event.Event) Event {
	wall := e.At
	if wall.IsZero() {
		wall = l.opts.Clock.Now()
	}
	id, err := uuid.NewV7()
	if err != nil { // crypto/rand failed; still unique within this boot
		id = uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "%s/%d", l.bootID, time.Now().UnixNano()))
	}
	ev := Event{
		ID:             id.String(),
		KioskID:        l.KioskID(), // "" before a retried open; the writer fills it in
		SessionID:      e.Session,
		WallTime:       wall.UTC(),
		MonoMS:         time.Since(l.start).Milliseconds(),
		BootID:         l.bootID,
		Type:           e.Type,
		Zone:           e.Zone,
		Item:           e.Item,
		ContentVersion: *l.content.Load(),
		AppVersion:     l.opts.AppVersion,
	}
	if e.Content != "" { // the visit knows which pack it shows
		ev.ContentVersion = e.Content
	}
	if len(e.Data) > 0 {
		p, err := json.Marshal(e.Data)
		if err != nil {
			p, _ = json.Marshal(map[string]string{"payload_error": err.Error()})
		}
		ev.Payload = p
	}
	return ev
}

// Flush waits until every event recorded before it is committed, or ctx ends. It returns the
// write error if those events could not be stored (they stay queued for a retry).
func (l *Log) Flush(ctx context.Context) error {
	done := make(chan error, 1)
	l.mu.RLock()
	if l.closed {
		l.mu.RUnlock()
		return ErrClosed
	}
	select {
	case l.queue <- item{flush: done}:
		l.mu.RUnlock()
	case <-ctx.Done():
		l.mu.RUnlock()
		return ctx.Err()
	}
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("eventlog: flush: %w", err)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Committed is the highest seq known to be committed to disk.
func (l *Log) Committed() int64 { return l.committed.Load() }

// do runs fn on the writer goroutine, after the writer's current step, and returns its error.
func (l *Log) do(fn func(ctx context.Context, c *sql.Conn) error) error {
	o := op{fn: fn, done: make(chan error, 1)}
	l.mu.RLock()
	if l.closed {
		l.mu.RUnlock()
		return ErrClosed
	}
	l.ops <- o
	l.mu.RUnlock()
	return <-o.done
}

// run is the writer goroutine: it batches queued events into transactions of up to
// BatchSize events, committing a partial batch FlushEvery after its first event.
func (l *Log) run() {
	defer close(l.done)
	ctx := context.Background()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	armed := false
	maint := time.NewTicker(maintainEvery)
	defer maint.Stop()
	if l.openFirst { // OpenInBackground: the first open happens here, before any queued item
		t0 := time.Now()
		if err := l.open(ctx); err != nil {
			l.openFailed(err)
		} else {
			l.log.Info("event log opened in the background", "path", l.path, "took", time.Since(t0).Round(time.Millisecond))
		}
		l.starting.Store(false)
	}
	var retry <-chan time.Time // fires while the database is not open
	if !l.ready.Load() {
		rt := time.NewTimer(l.openDelay())
		defer rt.Stop()
		retry = rt.C
		l.retryTimer = rt
	}
	for {
		select {
		case it := <-l.queue:
			if it.flush != nil {
				it.flush <- l.commitAll(ctx)
				break
			}
			l.add(it.ev)
			if l.ready.Load() && !l.failing && len(l.pending) >= l.opts.BatchSize {
				l.commitAll(ctx)
			}
		case <-retry:
			if l.retryOpen(ctx) {
				retry = nil
			} else {
				l.retryTimer.Reset(l.openDelay())
			}
		case <-timer.C:
			armed = false
			l.commitAll(ctx)
		case o := <-l.ops:
			if !l.ready.Load() {
				o.done <- l.notOpen()
				break
			}
			o.done <- o.fn(ctx, l.wconn)
		case <-maint.C:
			if l.ready.Load() {
				l.maintain(ctx)
			}
		case <-l.stop:
			if !l.ready.Load() {
				l.retryOpen(ctx) // one last try, so that held events are not lost needlessly
			}
			l.drain(ctx)
			return
		}
		if l.ready.Load() && !armed && len(l.pending) > 0 {
			timer.Reset(l.opts.FlushEvery)
			armed = true
		}
	}
}

// add appends ev to the pending events, discarding the oldest beyond RetryCap (counted as
// lost) while writes are failing.
func (l *Log) add(ev Event) {
	l.pending = append(l.pending, pendingEvent{ev: ev})
	defer func() { l.retained.Store(int64(len(l.pending))) }()
	if over := len(l.pending) - max(l.opts.RetryCap, l.opts.BatchSize); over > 0 {
		l.lost.Add(int64(over))
		l.pending = append(l.pending[:0], l.pending[over:]...)
		if !l.lossLogged {
			l.lossLogged = true
			l.log.Error("retry buffer full, losing the oldest unstored events",
				"retry_cap", max(l.opts.RetryCap, l.opts.BatchSize), "lost_total", l.lost.Load())
		}
	}
}

// drain commits everything still queued when the log closes.
func (l *Log) drain(ctx context.Context) {
	var flushers []chan error
	for more := true; more; {
		select {
		case it := <-l.queue:
			if it.flush != nil {
				flushers = append(flushers, it.flush)
			} else {
				l.add(it.ev)
			}
		default:
			more = false
		}
	}
	err := l.commitAll(ctx)
	if err != nil {
		l.lost.Add(int64(len(l.pending)))
		l.closeErr = fmt.Errorf("%d events not stored: %w", len(l.pending), err)
		l.log.Error("events lost at close", "lost", len(l.pending), "err", err)
		l.pending = nil
	}
	l.retained.Store(0)
	for _, f := range flushers {
		f <- err
	}
}

// commitAll writes the pending events in transactions of up to BatchSize. On failure the
// events stay pending for the next attempt.
func (l *Log) commitAll(ctx context.Context) error {
	if !l.ready.Load() {
		return l.notOpen()
	}
	wrote := false
	for len(l.pending) > 0 {
		n := min(len(l.pending), l.opts.BatchSize)
		if err := l.writeBatch(ctx, l.pending[:n]); err != nil {
			l.writeFailed(l.pending[:n], err)
			return err
		}
		l.pending = append(l.pending[:0], l.pending[n:]...)
		l.retained.Store(int64(len(l.pending)))
		wrote = true
	}
	if wrote {
		if l.failing {
			l.failing = false
			l.lossLogged = false
			l.failingFlag.Store(false)
			l.log.Info("writes recovered", "failed_total", l.failed.Load(), "lost_total", l.lost.Load())
		}
		l.maintain(ctx)
	}
	return nil
}

func (l *Log) writeFailed(batch []pendingEvent, err error) {
	for i := range batch {
		if !batch[i].failed {
			batch[i].failed = true
			l.failed.Add(1)
		}
	}
	l.setErr("write events: " + err.Error())
	if !l.failing {
		l.failing = true
		l.failingFlag.Store(true)
		l.log.Error("cannot store events; keeping them in memory for a retry",
			"pending", len(l.pending), "retry_cap", l.opts.RetryCap, "err", err)
	}
}

// writeBatch stores batch in one transaction and assigns the seqs. An id already stored (a
// retry after an ambiguous commit) is skipped without using up a seq.
func (l *Log) writeBatch(ctx context.Context, batch []pendingEvent) (err error) {
	tx, err := l.wconn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
			// A failed COMMIT may leave the transaction open (SQLITE_BUSY) or already
			// rolled back; an explicit ROLLBACK is right either way.
			l.wconn.ExecContext(ctx, `ROLLBACK`)
		}
	}()
	stmt, err := tx.PrepareContext(ctx, insertEvent)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	seq := l.lastSeq
	stored := 0
	for i := range batch {
		ev := &batch[i].ev
		if ev.KioskID == "" { // recorded before a retried open learnt the kiosk id
			ev.KioskID = l.KioskID()
		}
		res, err := stmt.ExecContext(ctx, ev.ID, seq+1, ev.KioskID, ev.SessionID,
			formatTime(ev.WallTime), ev.MonoMS, ev.BootID, ev.Type, ev.Zone, ev.Item,
			nullJSON(ev.Payload), ev.ContentVersion, ev.AppVersion)
		if err != nil {
			return fmt.Errorf("insert: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			seq++
			ev.Seq = seq
			stored++
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = ? WHERE key = 'last_seq'`, seq); err != nil {
		return fmt.Errorf("update last_seq: %w", err)
	}
	if l.beforeCommit != nil {
		if err := l.beforeCommit(len(batch)); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	l.lastSeq = seq
	l.committed.Store(seq)
	l.events.Add(int64(stored))
	l.unsynced.Add(int64(stored))
	if stored > 0 && l.opts.OnCommit != nil {
		l.opts.OnCommit(seq)
	}
	return nil
}

// nullJSON stores an empty payload as NULL.
func nullJSON(p json.RawMessage) any {
	if len(p) == 0 {
		return nil
	}
	return string(p)
}
