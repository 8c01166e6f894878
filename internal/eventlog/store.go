package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// Defaults for the zero values of Options.
const (
	DefaultQueueSize     = 4096
	DefaultBatchSize     = 256
	DefaultFlushEvery    = 200 * time.Millisecond
	DefaultRetentionDays = 90
)

// ErrClosed is returned by calls on a closed Log.
var ErrClosed = errors.New("eventlog: log is closed")

// Options configure a Log. The zero value of every field has a sensible default.
type Options struct {
	KioskID        string        // stamped on every event; "" uses an id generated once and kept in the database
	AppVersion     string        // stamped on every event
	ContentVersion string        // stamped on every event until SetContentVersion changes it
	Clock          kiosk.Clock   // wall time of events without At, and the age used by retention; default the system clock
	QueueSize      int           // events Record can buffer while the writer is busy; default 4096
	BatchSize      int           // most events per transaction; default 256
	FlushEvery     time.Duration // longest a partial batch waits for more events; default 200 ms
	Logger         *slog.Logger  // default slog.Default()
	DiskBudget     int64         // bytes for the database and its WAL; 0 means no budget
	RetentionDays  int           // age after which synced or exported events are pruned; default 90
	RetryCap       int           // most failed events kept in memory for a retry; default QueueSize
	// OnCommit, if set, is called by the writer goroutine after each transaction that stored
	// events has committed, with the highest seq now on disk. It must return quickly.
	OnCommit func(lastSeq int64)
	// OpenRetryBase and OpenRetryMax pace OpenRetrying's attempts to open the database:
	// the first wait, doubling up to the longest. Defaults 1 s and 1 min.
	OpenRetryBase, OpenRetryMax time.Duration

	// openFault, if set (tests only), runs before every attempt to open; an error fails it.
	openFault func() error
}

func (o Options) withDefaults() Options {
	if o.Clock == nil {
		o.Clock = kiosk.SystemClock{}
	}
	if o.QueueSize <= 0 {
		o.QueueSize = DefaultQueueSize
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = DefaultFlushEvery
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.RetentionDays <= 0 {
		o.RetentionDays = DefaultRetentionDays
	}
	if o.RetryCap <= 0 {
		o.RetryCap = o.QueueSize
	}
	if o.OpenRetryBase <= 0 {
		o.OpenRetryBase = DefaultOpenRetryBase
	}
	if o.OpenRetryMax < o.OpenRetryBase {
		o.OpenRetryMax = max(DefaultOpenRetryMax, o.OpenRetryBase)
	}
	return o
}

// Log is the durable event log. Record is safe to call from any goroutine and never waits
// on disk; all writes happen on one writer goroutine. Queries read concurrently (WAL).
type Log struct {
	path    string
	opts    Options
	log     *slog.Logger
	db      *sql.DB
	wconn   *sql.Conn              // the writer's connection; used only by the writer goroutine (or Open)
	kioskID atomic.Pointer[string] // "" until the database is open when Options.KioskID is empty
	bootID  string                 // random UUID, new on every Open
	start   time.Time              // origin of mono_ms; carries Go's monotonic reading
	content atomic.Pointer[string]

	queue chan item
	ops   chan op
	stop  chan struct{}
	done  chan struct{}

	mu     sync.RWMutex // held shared while sending to queue/ops, exclusively to close
	closed bool

	dropped   atomic.Int64
	failed    atomic.Int64
	lost      atomic.Int64
	dropping  atomic.Bool // inside a burst of dropped events
	committed atomic.Int64
	events    atomic.Int64 // rows in events, kept by the writer
	unsynced  atomic.Int64 // rows with synced_at NULL, kept by the writer
	retained  atomic.Int64 // events taken off the queue, not yet committed

	failingFlag atomic.Bool // the writer's last attempt failed

	errMu   sync.Mutex
	lastErr string

	movedAside atomic.Pointer[string] // set when the database is opened

	// ready is set (after db and wconn) once the database is open; until then the writer
	// holds events in memory and retries opening (OpenRetrying).
	ready     atomic.Bool
	openErr   atomic.Pointer[string] // why the last attempt to open failed; nil once open
	openTries int                    // failed attempts so far (writer goroutine)
	openFirst bool                   // OpenInBackground: run opens the database first
	starting  atomic.Bool            // OpenInBackground's first open is running

	// Writer goroutine state.
	lastSeq    int64
	pending    []pendingEvent
	failing    bool
	lossLogged bool
	lastPrune  time.Time
	closeErr   error
	retryTimer *time.Timer // paces attempts to open while the database is not open

	// beforeCommit, if set (tests only), runs inside each event transaction just before
	// COMMIT; an error makes the transaction roll back as a failed write would.
	beforeCommit func(n int) error
}

// load reads the writer's starting state and takes the writer's connection.
func (l *Log) load(ctx context.Context) error {
	c, err := l.db.Conn(ctx)
	if err != nil {
		return err
	}
	l.wconn = c
	var metaSeq sql.NullInt64
	var maxSeq, events, unsynced int64
	err = c.QueryRowContext(ctx, `SELECT
		(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_seq'),
		(SELECT COALESCE(MAX(seq), 0) FROM events),
		(SELECT COUNT(*) FROM events),
		(SELECT COUNT(*) FROM events WHERE synced_at IS NULL)`).
		Scan(&metaSeq, &maxSeq, &events, &unsynced)
	if err != nil {
		return fmt.Errorf("read state: %w", err)
	}
	l.lastSeq = max(metaSeq.Int64, maxSeq) // never reuse a seq, even after everything was pruned
	l.committed.Store(l.lastSeq)
	l.events.Store(events)
	l.unsynced.Store(unsynced)

	var stored string
	err = c.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'kiosk_id'`).Scan(&stored)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("kiosk id: %w", err)
	}
	id := l.opts.KioskID
	switch {
	case id == "" && stored != "":
		l.log.Warn("no kiosk id configured; continuing with the one kept in the database", "kiosk_id", stored)
		id = stored
	case id == "":
		id = "kiosk-" + uuid.NewString()
		l.log.Warn("no kiosk id configured; using a generated one, kept in the database", "kiosk_id", id)
	case stored != "" && stored != id:
		l.log.Warn("kiosk id changed; events from now on carry the new id, earlier ones keep theirs",
			"from", stored, "to", id)
	}
	if id != stored {
		// The id in force is kept, so that a start without one continues it, and the cut
		// between two ids is visible in the log (events carry their own kiosk_id).
		if _, err := c.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES ('kiosk_id', ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, id); err != nil {
			return fmt.Errorf("kiosk id: %w", err)
		}
	}
	l.kioskID.Store(&id)
	l.lastPrune = l.opts.Clock.Now()
	return nil
}

// Close stops accepting events, commits everything queued, stops the writer and closes the
// database. Events that still cannot be written are counted as lost.
func (l *Log) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	l.mu.Unlock()
	close(l.stop)
	<-l.done
	err := l.closeErr
	if l.ready.Load() {
		if cerr := l.wconn.Close(); err == nil {
			err = cerr
		}
		if cerr := l.db.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("eventlog: close %s: %w", l.path, err)
	}
	return nil
}

// KioskID is the kiosk id stamped on events ("" while a log opened by OpenRetrying without
// Options.KioskID has not been able to open its database yet).
func (l *Log) KioskID() string {
	if p := l.kioskID.Load(); p != nil {
		return *p
	}
	return ""
}

// BootID is this Open's boot id, stamped on every event it records.
func (l *Log) BootID() string { return l.bootID }

// SetContentVersion changes the content version stamped on events recorded from now on
// (after a content pack was installed).
func (l *Log) SetContentVersion(v string) { l.content.Store(&v) }

func (l *Log) setErr(s string) {
	l.errMu.Lock()
	l.lastErr = s
	l.errMu.Unlock()
}
