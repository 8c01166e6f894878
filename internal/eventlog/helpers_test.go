package eventlog

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// t0 is the manual clocks' starting time in these tests.
var t0 = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

// openTest opens a log in a fresh temporary directory and closes it at the end of the test.
func openTest(t testing.TB, opts Options) (*Log, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.db")
	return openAt(t, path, opts), path
}

func openAt(t testing.TB, path string, opts Options) *Log {
	t.Helper()
	if opts.KioskID == "" {
		opts.KioskID = "k-test"
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	l, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func flush(t testing.TB, l *Log) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := l.Flush(ctx); err != nil {
		t.Fatalf("flush: %v", err)
	}
}

// recordN records n events of type typ with items "0".."n-1".
func recordN(l *Log, n int, typ string) {
	for i := range n {
		l.Record(event.Event{Type: typ, Session: "s1", Zone: "quiz", Item: fmt.Sprint(i),
			Data: map[string]any{"i": i}})
	}
}

// rawDB opens the database file directly, as another process would.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func queryInt(t testing.TB, db *sql.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func seqs(evs []Event) []int64 {
	s := make([]int64, len(evs))
	for i, e := range evs {
		s[i] = e.Seq
	}
	return s
}
