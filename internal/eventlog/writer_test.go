package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// TestQueueFullBackPressureAndDropped holds the writer inside a transaction (a test hook),
// fills a tiny queue and checks that Record waits up to 50 ms for room, then drops and
// counts, and that a burst of drops costs the caller the wait only once.
func TestQueueFullBackPressureAndDropped(t *testing.T) {
	gate := make(chan struct{})
	entered := make(chan struct{}, 100)
	l, _ := openTest(t, Options{QueueSize: 4, BatchSize: 1})
	var release sync.Once
	t.Cleanup(func() { release.Do(func() { close(gate) }) }) // runs before the log's Close
	l.beforeCommit = func(int) error {
		entered <- struct{}{}
		<-gate
		return nil
	}
	l.Record(event.Event{Type: "held"}) // the writer takes it and blocks in the hook
	<-entered
	recordN(l, 4, "queued") // fills the queue
	if h := l.Health(); h.Dropped != 0 || h.Pending != 5 {
		t.Fatalf("before overflow: %+v", h)
	}

	start := time.Now()
	l.Record(event.Event{Type: "dropped"})
	if waited := time.Since(start); waited < waitForRoom {
		t.Fatalf("Record dropped after %v, before waiting %v for room", waited, waitForRoom)
	}
	start = time.Now()
	l.Record(event.Event{Type: "dropped"})
	if waited := time.Since(start); waited >= waitForRoom {
		t.Fatalf("within a burst Record waited %v again", waited)
	}
	if h := l.Health(); h.Dropped != 2 || !strings.Contains(h.LastError, "queue full") {
		t.Fatalf("after overflow: %+v", h)
	}

	// Room that appears within the wait is taken: back-pressure, not loss. The burst ended
	// only when an event got in, so this Record is still in the burst and does not wait;
	// end it first by letting the writer take one event.
	gate <- struct{}{} // commit "held"; the writer takes the next queued event and blocks
	<-entered
	l.Record(event.Event{Type: "fits"}) // room for one: enqueued, burst over
	done := make(chan time.Duration)
	go func() {
		start := time.Now()
		l.Record(event.Event{Type: "waits"})
		done <- time.Since(start)
	}()
	time.Sleep(10 * time.Millisecond) // let Record start waiting
	gate <- struct{}{}
	<-entered
	if waited := <-done; waited >= 500*time.Millisecond {
		t.Fatalf("Record waited %v", waited)
	}
	if h := l.Health(); h.Dropped != 2 {
		t.Fatalf("an event that got room in time was dropped: %+v", h)
	}

	release.Do(func() { close(gate) })
	flush(t, l)
	evs, _ := l.After(0, 100)
	var types []string
	for _, e := range evs {
		types = append(types, e.Type)
	}
	want := []string{"held", "queued", "queued", "queued", "queued", "fits", "waits"}
	if !slices.Equal(types, want) {
		t.Fatalf("stored %v, want %v", types, want)
	}
}

// failSwitch is a beforeCommit hook that fails while on.
type failSwitch struct{ on atomic.Bool }

var errInjected = errors.New("injected write failure (disk full)")

func (f *failSwitch) hook(int) error {
	if f.on.Load() {
		return errInjected
	}
	return nil
}

func TestWriteFailureIsCountedRetriedAndRecovers(t *testing.T) {
	l, _ := openTest(t, Options{BatchSize: 4, FlushEvery: time.Millisecond})
	var fault failSwitch
	l.beforeCommit = fault.hook
	recordN(l, 3, "before")
	flush(t, l)

	fault.on.Store(true)
	recordN(l, 10, "during")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := l.Flush(ctx); !errors.Is(err, errInjected) {
		t.Fatalf("Flush during the fault = %v", err)
	}
	h := l.Health()
	if h.Failed < 4 || h.Failed > 10 || !h.WriteFailing || h.Events != 3 || h.Pending != 10 || h.Lost != 0 {
		t.Fatalf("during the fault: %+v", h)
	}
	if !strings.Contains(h.LastError, "injected") {
		t.Fatalf("LastError %q", h.LastError)
	}

	fault.on.Store(false)
	recordN(l, 2, "after")
	flush(t, l)
	h = l.Health()
	if h.Events != 15 || h.WriteFailing || h.Pending != 0 || h.Lost != 0 {
		t.Fatalf("after the fault cleared: %+v", h)
	}
	evs, _ := l.After(0, 100)
	want := make([]int64, 15)
	for i := range want {
		want[i] = int64(i + 1)
	}
	if !slices.Equal(seqs(evs), want) {
		t.Fatalf("seqs after recovery %v", seqs(evs))
	}
	if evs[3].Type != "during" || evs[13].Type != "after" {
		t.Fatalf("order after recovery: %s ... %s", evs[3].Type, evs[13].Type)
	}
}

func TestRetryCapLosesOldest(t *testing.T) {
	l, _ := openTest(t, Options{BatchSize: 4, RetryCap: 8, QueueSize: 64, FlushEvery: time.Millisecond})
	var fault failSwitch
	fault.on.Store(true)
	l.beforeCommit = fault.hook
	recordN(l, 20, "t")
	if err := l.Flush(context.Background()); err == nil {
		t.Fatal("Flush succeeded during the fault")
	}
	if h := l.Health(); h.Lost != 12 || h.Pending != 8 {
		t.Fatalf("at the cap: %+v", h)
	}
	fault.on.Store(false)
	flush(t, l)
	evs, _ := l.After(0, 100)
	if len(evs) != 8 || evs[0].Item != "12" || evs[7].Item != "19" {
		t.Fatalf("kept %d events, first %q", len(evs), evs[0].Item)
	}
}

// TestDiskFullFromSQLite makes SQLite itself report SQLITE_FULL, by capping the writer
// connection's max_page_count at the current size, then lifts the cap.
func TestDiskFullFromSQLite(t *testing.T) {
	l, _ := openTest(t, Options{BatchSize: 50, FlushEvery: time.Millisecond})
	setMaxPages := func(q string) {
		t.Helper()
		err := l.do(func(ctx context.Context, c *sql.Conn) error {
			_, err := c.ExecContext(ctx, q)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	setMaxPages(`PRAGMA max_page_count = 1`) // clamps to the current page count
	big := strings.Repeat("x", 1000)
	for i := range 300 {
		l.Record(event.Event{Type: "t", Data: map[string]any{"i": i, "pad": big}})
	}
	err := l.Flush(context.Background())
	if err == nil || !strings.Contains(err.Error(), "full") {
		t.Fatalf("Flush with a full database = %v", err)
	}
	if h := l.Health(); h.Failed == 0 || !h.WriteFailing {
		t.Fatalf("disk full not reported: %+v", h)
	}
	setMaxPages(`PRAGMA max_page_count = 1073741823`)
	flush(t, l)
	if h := l.Health(); h.Events != 300 || h.WriteFailing || h.Lost != 0 {
		t.Fatalf("after space came back: %+v", h)
	}
	if n, _ := l.Unsynced(); n != 300 {
		t.Fatalf("unsynced %d", n)
	}
}

func TestCloseFlushesAndLaterCallsAreSafe(t *testing.T) {
	l, path := openTest(t, Options{})
	recordN(l, 1000, "t")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	l.Record(event.Event{Type: "late"})
	if h := l.Health(); h.Dropped != 1 {
		t.Fatalf("Record after Close not counted: %+v", h)
	}
	if err := l.Flush(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("Flush after Close = %v", err)
	}
	if err := l.SetCursor("export", 1); !errors.Is(err, ErrClosed) {
		t.Fatalf("SetCursor after Close = %v", err)
	}
	l = openAt(t, path, Options{})
	if h := l.Health(); h.Events != 1000 || h.LastSeq != 1000 {
		t.Fatalf("after reopen: %+v", h)
	}
}

// TestOnCommitRunsAfterCommit checks from another connection that the seq OnCommit
// reports is already visible, i.e. committed.
func TestOnCommitRunsAfterCommit(t *testing.T) {
	var mu sync.Mutex
	var reported []int64
	var problems []string
	var path string
	opts := Options{BatchSize: 7, OnCommit: func(seq int64) {
		db := rawDB(t, path)
		var n int64
		if err := db.QueryRow(`SELECT COUNT(*) FROM events WHERE seq <= ?`, seq).Scan(&n); err != nil || n != seq {
			mu.Lock()
			problems = append(problems, "seq not visible at OnCommit")
			mu.Unlock()
		}
		db.Close()
		mu.Lock()
		reported = append(reported, seq)
		mu.Unlock()
	}}
	path = t.TempDir() + "/events.db"
	l := openAt(t, path, opts)
	recordN(l, 50, "t")
	flush(t, l)
	mu.Lock()
	defer mu.Unlock()
	if len(problems) > 0 || len(reported) == 0 || reported[len(reported)-1] != 50 || l.Committed() != 50 {
		t.Fatalf("reported %v, problems %v", reported, problems)
	}
}

func TestConcurrentRecord(t *testing.T) {
	l, path := openTest(t, Options{QueueSize: 8192})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				l.Record(event.Event{Type: "t", Session: string(rune('a' + g)), Data: map[string]any{"i": i}})
			}
		}()
	}
	wg.Wait()
	flush(t, l)
	h := l.Health()
	if h.Events+h.Dropped != 4000 {
		t.Fatalf("events %d + dropped %d != 4000", h.Events, h.Dropped)
	}
	db := rawDB(t, path)
	if n := queryInt(t, db, `SELECT COUNT(DISTINCT id) FROM events`); n != h.Events {
		t.Fatalf("%d distinct ids for %d events", n, h.Events)
	}
	if n := queryInt(t, db, `SELECT MAX(seq) FROM events`); n != h.Events {
		t.Fatalf("max seq %d for %d events", n, h.Events)
	}
}
