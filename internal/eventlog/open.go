package eventlog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Defaults of the retry schedule of OpenRetrying.
const (
	DefaultOpenRetryBase = time.Second
	DefaultOpenRetryMax  = time.Minute
)

// ErrNotOpen wraps the errors of queries and writes on a log whose database could not be
// opened yet (OpenRetrying keeps trying).
var ErrNotOpen = errors.New("eventlog: the database is not open yet")

// Open opens or creates the event log at path and starts its writer.
//
// A file that is not a SQLite database or fails PRAGMA integrity_check is moved aside
// (path+".corrupt-<UTC timestamp>", with its -wal and -shm), never deleted; a fresh
// database takes its place and Health().MovedAside names the moved file. A file that a
// failed create left behind (shorter than 1024 bytes, no WAL: it cannot hold an event) is
// removed and created again. Open returns an error only when no usable database can be
// had at path at all (for example an unwritable directory or a full disk); OpenRetrying
// keeps trying instead.
func Open(path string, opts Options) (*Log, error) {
	l, err := newLog(path, opts)
	if err != nil {
		return nil, err
	}
	if err := l.open(context.Background()); err != nil {
		return nil, err
	}
	go l.run()
	return l, nil
}

// OpenRetrying is Open for the kiosk: when the database cannot be opened (a full disk, a
// directory not yet mounted or writable), it still returns a working *Log. Record then
// keeps stamped events in memory (at most RetryCap; beyond that the oldest are counted as
// Lost), the writer retries opening with a backoff from OpenRetryBase doubling to
// OpenRetryMax, and once the database opens the held events are written in recording
// order. Until then Health().Opening is true, queries and cursor writes fail with an error
// wrapping ErrNotOpen, and Flush returns such an error. It returns an error only for a
// path that can never work (one containing '?').
func OpenRetrying(path string, opts Options) (*Log, error) {
	l, err := newLog(path, opts)
	if err != nil {
		return nil, err
	}
	if err := l.open(context.Background()); err != nil {
		l.openFailed(err)
	}
	go l.run()
	return l, nil
}

// OpenInBackground is OpenRetrying with the first open — the integrity check of the whole
// file, migrations, the writer's state and the prune — done on the writer goroutine instead
// of the caller's: a kiosk paints its first frame without waiting for it (the check reads
// every page: about 0.75 s for 200,000 events on the kiosk's hardware, and it grows with
// the days kept). It returns at once; until the open is done Health().Starting is true,
// Record queues events as usual (QueueSize of them), queries and cursor writes fail with an
// error wrapping ErrNotOpen, and Flush waits for the open. A corrupt file is moved aside and
// a failed open retried exactly as with OpenRetrying.
func OpenInBackground(path string, opts Options) (*Log, error) {
	l, err := newLog(path, opts)
	if err != nil {
		return nil, err
	}
	l.openFirst = true
	l.starting.Store(true)
	go l.run()
	return l, nil
}

func newLog(path string, opts Options) (*Log, error) {
	opts = opts.withDefaults()
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("eventlog: open %s: path must not contain '?'", path)
	}
	l := &Log{
		path:   path,
		opts:   opts,
		log:    opts.Logger.With("component", "eventlog"),
		bootID: uuid.NewString(),
		start:  time.Now(),
		queue:  make(chan item, opts.QueueSize),
		ops:    make(chan op),
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	l.content.Store(&opts.ContentVersion)
	if opts.KioskID != "" {
		id := opts.KioskID
		l.kioskID.Store(&id)
	}
	return l, nil
}

// open opens, checks and migrates the database, loads the writer's state and prunes. It
// runs before the writer starts, or on the writer goroutine (a retry).
func (l *Log) open(ctx context.Context) error {
	if l.opts.openFault != nil {
		if err := l.opts.openFault(); err != nil {
			return fmt.Errorf("eventlog: open %s: %w", l.path, err)
		}
	}
	path := l.path
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("eventlog: open %s: %w", path, err)
	}
	db, corrupt, err := openChecked(ctx, path, l.log)
	if err != nil {
		return fmt.Errorf("eventlog: open %s: %w", path, err)
	}
	if corrupt != "" {
		moved, err := moveAside(path, l.opts.Clock.Now())
		if err != nil {
			return fmt.Errorf("eventlog: open %s: move corrupt database aside: %w", path, err)
		}
		l.movedAside.Store(&moved)
		l.setErr(fmt.Sprintf("database was unusable (%s); moved to %s", corrupt, moved))
		l.log.Error("database unusable, moved aside; starting a fresh one",
			"path", path, "reason", corrupt, "moved_to", moved)
		db, corrupt, err = openChecked(ctx, path, l.log)
		if err == nil && corrupt != "" {
			err = errors.New(corrupt)
		}
		if err != nil {
			return fmt.Errorf("eventlog: open %s: fresh database: %w", path, err)
		}
	}
	l.db = db
	if err := l.load(ctx); err != nil {
		if l.wconn != nil {
			l.wconn.Close()
			l.wconn = nil
		}
		db.Close()
		l.db = nil
		return fmt.Errorf("eventlog: open %s: %w", path, err)
	}
	if _, err := l.prune(ctx, l.opts.Clock.Now()); err != nil {
		l.setErr(err.Error())
		l.log.Warn("prune at open", "err", err)
	}
	l.openErr.Store(nil)
	l.ready.Store(true) // after db and wconn: readers check ready first
	return nil
}

// openFailed notes a failed attempt to open; the writer retries after openDelay.
func (l *Log) openFailed(err error) {
	l.openTries++
	msg := err.Error()
	prev := l.openErr.Swap(&msg)
	l.setErr("cannot open the event log (events are held in memory, retrying): " + msg)
	l.failingFlag.Store(true)
	if prev == nil || *prev != msg {
		l.log.Error("cannot open the event log; holding events in memory and retrying",
			"path", l.path, "err", err, "retry_in", l.openDelay())
	}
}

// openDelay is the wait before the next attempt to open: OpenRetryBase doubling per
// failure, up to OpenRetryMax.
func (l *Log) openDelay() time.Duration {
	d := l.opts.OpenRetryBase
	for i := 1; i < l.openTries && d < l.opts.OpenRetryMax; i++ {
		d *= 2
	}
	return min(d, l.opts.OpenRetryMax)
}

// retryOpen is the writer's attempt to open the database; on success the held events are
// written at once.
func (l *Log) retryOpen(ctx context.Context) bool {
	if err := l.open(ctx); err != nil {
		l.openFailed(err)
		return false
	}
	l.failingFlag.Store(false)
	l.setErr("")
	if p := l.movedAside.Load(); p != nil {
		l.setErr("database was unusable; moved to " + *p)
	}
	l.log.Info("event log opened after retrying", "path", l.path, "attempts", l.openTries+1,
		"held_events", len(l.pending))
	l.commitAll(ctx)
	return true
}

// notOpen is the error of a call that needs the database before it is open.
func (l *Log) notOpen() error {
	if p := l.openErr.Load(); p != nil {
		return fmt.Errorf("%w: %s", ErrNotOpen, *p)
	}
	return ErrNotOpen
}

// reader is the database for queries, or an error wrapping ErrNotOpen.
func (l *Log) reader() (dbQuerier, error) {
	if !l.ready.Load() {
		return nil, l.notOpen()
	}
	return l.db, nil
}

// failedCreate reports whether the file at path is what an interrupted create leaves
// (SQLite had not written two pages of its smallest size, so no event can be in it) and
// there is no WAL that could hold committed data.
func failedCreate(path string, st os.FileInfo) bool {
	if !st.Mode().IsRegular() || st.Size() >= 1024 {
		return false
	}
	wal, err := os.Stat(path + "-wal")
	return err != nil || wal.Size() == 0
}

// removeFailedCreate deletes such a file with its -wal and -shm.
func removeFailedCreate(path string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}
