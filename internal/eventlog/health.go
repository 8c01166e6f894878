package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// Health is a snapshot of the log for the staff panel and for monitoring.
type Health struct {
	Path              string
	Events            int64 // events stored
	Unsynced          int64 // stored events the hub has not acknowledged
	SizeBytes         int64 // database file plus its WAL, on disk
	Budget            int64 // Options.DiskBudget; 0 means none
	OverBudgetWarning bool  // SizeBytes >= 80% of Budget
	Dropped           int64 // events Record could not queue (queue full for 50 ms, or log closed)
	Failed            int64 // events whose write failed at least once (kept for a retry)
	Lost              int64 // events given up on: beyond RetryCap while writes failed, or unstored at Close
	Pending           int64 // events queued or held for a retry, not yet committed
	WriteFailing      bool  // the writer's latest attempt failed; it keeps retrying
	LastSeq           int64 // highest committed seq
	MovedAside        string
	LastError         string // English detail for the process log
	// Opening: the database could not be opened yet (OpenRetrying); events are held in
	// memory (Pending) and opening is retried.
	Opening bool
	// Starting: OpenInBackground's first open (the integrity check) is still running; events
	// wait in the queue (Pending) meanwhile. Nothing is wrong.
	Starting bool
}

// Health reports the log's state. It runs no SQL (counts are kept by the writer) and costs
// two stat calls, so it is cheap enough for a staff screen to poll.
func (l *Log) Health() Health {
	l.errMu.Lock()
	lastErr := l.lastErr
	l.errMu.Unlock()
	starting := l.starting.Load() // before ready: the writer sets ready, then clears starting
	h := Health{
		Path:         l.path,
		Events:       l.events.Load(),
		Unsynced:     l.unsynced.Load(),
		SizeBytes:    l.sizeBytes(),
		Budget:       l.opts.DiskBudget,
		Dropped:      l.dropped.Load(),
		Failed:       l.failed.Load(),
		Lost:         l.lost.Load(),
		Pending:      l.retained.Load() + int64(len(l.queue)),
		WriteFailing: l.failingFlag.Load(),
		LastSeq:      l.committed.Load(),
		LastError:    lastErr,
		Opening:      !starting && !l.ready.Load(),
		Starting:     starting,
	}
	if p := l.movedAside.Load(); p != nil {
		h.MovedAside = *p
	}
	h.OverBudgetWarning = h.Budget > 0 && h.SizeBytes*5 >= h.Budget*4
	return h
}

func (l *Log) sizeBytes() int64 {
	var n int64
	for _, name := range []string{l.path, l.path + "-wal"} {
		if st, err := os.Stat(name); err == nil {
			n += st.Size()
		}
	}
	return n
}

// pruneChunk bounds the rows one DELETE removes, so the writer never holds the lock long.
const pruneChunk = 1000

// Prune deletes events that are safe to delete — acknowledged by the hub (synced_at set) or
// exported (seq <= the "export" cursor) — and older than RetentionDays at now, by their
// wall_time. An event neither synced nor exported is never deleted. When the files are over
// the disk budget it also deletes safe events younger than that, oldest first, until the live
// data is under 80% of the budget. Freed pages are returned to the file system. It returns
// the number of events deleted. The writer runs it at Open and once a day by Options.Clock.
func (l *Log) Prune(now time.Time) (int64, error) {
	var n int64
	err := l.do(func(ctx context.Context, _ *sql.Conn) error {
		var err error
		n, err = l.prune(ctx, now)
		return err
	})
	return n, err
}

func (l *Log) prune(ctx context.Context, now time.Time) (int64, error) {
	l.lastPrune = now
	c := l.wconn
	var export int64
	err := c.QueryRowContext(ctx, `SELECT seq FROM cursors WHERE name = 'export'`).Scan(&export)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("eventlog: prune: export cursor: %w", err)
	}
	const safe = `(synced_at IS NOT NULL OR seq <= ?)`
	cutoff := formatTime(now.AddDate(0, 0, -l.opts.RetentionDays))
	total, err := deleteChunks(ctx, c, func() bool { return true },
		`DELETE FROM events WHERE rowid IN (SELECT rowid FROM events
			WHERE wall_time < ? AND `+safe+` LIMIT ?)`, cutoff, export, pruneChunk)
	if err != nil {
		return total, l.afterPrune(ctx, total, fmt.Errorf("eventlog: prune: %w", err))
	}
	if budget := l.opts.DiskBudget; budget > 0 && l.sizeBytes() >= budget {
		overBudget := func() bool {
			live, err := liveBytes(ctx, c)
			return err == nil && live*5 >= budget*4
		}
		n, err := deleteChunks(ctx, c, overBudget,
			`DELETE FROM events WHERE rowid IN (SELECT rowid FROM events
				WHERE `+safe+` ORDER BY seq LIMIT ?)`, export, pruneChunk)
		total += n
		if err != nil {
			return total, l.afterPrune(ctx, total, fmt.Errorf("eventlog: prune for disk budget: %w", err))
		}
		if overBudget() {
			l.setErr("over disk budget with only unsynced events left: export or sync")
			l.log.Warn("over disk budget and nothing safe to delete; export or sync the log",
				"budget", budget, "size", l.sizeBytes())
		}
	}
	return total, l.afterPrune(ctx, total, nil)
}

// deleteChunks runs a chunked DELETE while more() holds and the last chunk was full.
func deleteChunks(ctx context.Context, c *sql.Conn, more func() bool, query string, args ...any) (int64, error) {
	var total int64
	for more() {
		res, err := c.ExecContext(ctx, query, args...)
		if err != nil {
			return total, err
		}
		n, _ := res.RowsAffected()
		total += n
		if n < pruneChunk {
			break
		}
	}
	return total, nil
}

// afterPrune recounts, gives freed pages back to the file system and logs.
func (l *Log) afterPrune(ctx context.Context, deleted int64, err error) error {
	if deleted > 0 {
		var events, unsynced int64
		if qerr := l.wconn.QueryRowContext(ctx,
			`SELECT COUNT(*), COALESCE(SUM(synced_at IS NULL), 0) FROM events`).Scan(&events, &unsynced); qerr == nil {
			l.events.Store(events)
			l.unsynced.Store(unsynced)
		}
		l.wconn.ExecContext(ctx, `PRAGMA incremental_vacuum`)
		l.wconn.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		l.log.Info("pruned events", "deleted", deleted, "remaining", l.events.Load())
	}
	if err != nil {
		l.setErr(err.Error())
	}
	return err
}

// liveBytes is the size of the pages in use (the file less its free list).
func liveBytes(ctx context.Context, c *sql.Conn) (int64, error) {
	var pages, free, size int64
	err := c.QueryRowContext(ctx, `SELECT p.page_count, f.freelist_count, s.page_size
		FROM pragma_page_count() p, pragma_freelist_count() f, pragma_page_size() s`).Scan(&pages, &free, &size)
	return (pages - free) * size, err
}

// maintain runs retention when a day has passed by Options.Clock, and budget pruning at most
// hourly while the files are over the disk budget. Called by the writer between batches.
func (l *Log) maintain(ctx context.Context) {
	now := l.opts.Clock.Now()
	if now.Before(l.lastPrune) { // the clock was set back: count the day from now
		l.lastPrune = now
	}
	due := now.Sub(l.lastPrune) >= 24*time.Hour
	if !due && l.opts.DiskBudget > 0 && now.Sub(l.lastPrune) >= time.Hour {
		due = l.sizeBytes() >= l.opts.DiskBudget
	}
	if !due {
		return
	}
	if _, err := l.prune(ctx, now); err != nil {
		l.log.Warn("scheduled prune", "err", err)
	}
}

// StaffMessage says in Chinese what is wrong with the log and what staff can do; "" when
// all is well. LastError keeps the English detail for the process log.
func (h Health) StaffMessage() string {
	var msgs []string
	switch {
	case h.Opening:
		msgs = append(msgs, fmt.Sprintf("访客记录暂时无法保存到磁盘（磁盘已满或无法写入），%d 条记录暂存在内存中，正在自动重试。"+
			"请联系技术人员清理磁盘；在此之前请不要关机。", h.Pending))
	case h.WriteFailing:
		msgs = append(msgs, fmt.Sprintf("访客记录写入磁盘失败，%d 条记录暂存在内存中，正在自动重试。请联系技术人员检查磁盘空间。", h.Pending))
	}
	if h.Lost > 0 {
		msgs = append(msgs, fmt.Sprintf("已有 %d 条访客记录因无法保存而丢失。", h.Lost))
	}
	if h.MovedAside != "" {
		msgs = append(msgs, "原记录文件已损坏，已另存为 "+h.MovedAside+"，并开始新的记录文件。请把旧文件交给技术人员。")
	}
	if h.OverBudgetWarning {
		msgs = append(msgs, "记录文件快占满给它的磁盘空间：请用“导出到U盘”导出，或检查网络上传。")
	}
	return strings.Join(msgs, "\n")
}
