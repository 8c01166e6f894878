package eventlog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// diskFull makes every attempt to open fail with ENOSPC while full is set, as a kiosk
// started on a full disk sees it.
type diskFull struct {
	full  atomic.Bool
	tries atomic.Int64
}

func (d *diskFull) fault() error {
	d.tries.Add(1)
	if d.full.Load() {
		return fmt.Errorf("create events.db: %w", syscall.ENOSPC)
	}
	return nil
}

func TestOpenFailsOnAFullDisk(t *testing.T) {
	d := &diskFull{}
	d.full.Store(true)
	path := filepath.Join(t.TempDir(), "events.db")
	if _, err := Open(path, Options{KioskID: "k", openFault: d.fault, Logger: slog.New(slog.DiscardHandler)}); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Open on a full disk: %v, want ENOSPC", err)
	}
}

// TestOpenRetryingHoldsEventsUntilTheDiskHasRoom is the reproduction of "a kiosk started on
// a full disk never retries opening its log for that boot".
func TestOpenRetryingHoldsEventsUntilTheDiskHasRoom(t *testing.T) {
	d := &diskFull{}
	d.full.Store(true)
	path := filepath.Join(t.TempDir(), "events.db")
	l, err := OpenRetrying(path, Options{
		KioskID: "k-full", openFault: d.fault, Logger: slog.New(slog.DiscardHandler),
		OpenRetryBase: 5 * time.Millisecond, OpenRetryMax: 20 * time.Millisecond, RetryCap: 300,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	recordN(l, 500, "while_full") // 200 more than the cap: the oldest are lost
	waitUntil(t, "held events", func() bool { return l.Health().Pending == 300 })
	h := l.Health()
	if !h.Opening || !h.WriteFailing || h.Lost != 200 || h.LastError == "" {
		t.Fatalf("health while the disk is full: %+v", h)
	}
	if _, err := l.After(0, 10); !errors.Is(err, ErrNotOpen) {
		t.Fatalf("After before the open: %v, want ErrNotOpen", err)
	}
	if err := l.SetCursor("export", 0); !errors.Is(err, ErrNotOpen) {
		t.Fatalf("SetCursor before the open: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := l.Flush(ctx); !errors.Is(err, ErrNotOpen) {
		t.Fatalf("Flush before the open: %v", err)
	}
	waitUntil(t, "several attempts", func() bool { return d.tries.Load() >= 4 })
	if st, err := os.Stat(path); err == nil {
		t.Fatalf("a failed open left a %d-byte file", st.Size())
	}

	d.full.Store(false) // staff freed some space
	waitUntil(t, "the open", func() bool { return !l.Health().Opening })
	flush(t, l)
	recordN(l, 10, "after")
	flush(t, l)
	evs, err := l.After(0, 1000)
	if err != nil || len(evs) != 310 {
		t.Fatalf("%d events after the open (%v), want the 300 held and 10 new", len(evs), err)
	}
	for i, e := range evs {
		if e.Seq != int64(i+1) || e.KioskID != "k-full" {
			t.Fatalf("event %d: seq %d kiosk %q", i, e.Seq, e.KioskID)
		}
	}
	if evs[0].Item != "200" || evs[299].Item != "499" || evs[300].Type != "after" {
		t.Fatalf("held events out of order: first %q, last held %q", evs[0].Item, evs[299].Item)
	}
	if h := l.Health(); h.WriteFailing || h.Opening || h.Pending != 0 || h.MovedAside != "" {
		t.Fatalf("health after the open: %+v", h)
	}
}

// TestOpenRetryingWithoutKioskIDStampsTheStoredOne: events held before the open get the
// kiosk id the database keeps.
func TestOpenRetryingWithoutKioskIDStampsTheStoredOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.db")
	l := openAt(t, path, Options{KioskID: "nanming-03"})
	l.Close()
	d := &diskFull{}
	d.full.Store(true)
	l, err := OpenRetrying(path, Options{openFault: d.fault, Logger: slog.New(slog.DiscardHandler),
		OpenRetryBase: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.Record(event.Event{Type: "held"})
	d.full.Store(false)
	waitUntil(t, "the open", func() bool { return !l.Health().Opening })
	flush(t, l)
	evs, err := l.After(0, 10)
	if err != nil || len(evs) != 1 || evs[0].KioskID != "nanming-03" || l.KioskID() != "nanming-03" {
		t.Fatalf("events %+v (%v), kiosk %q", evs, err, l.KioskID())
	}
}

// TestEmptyFileOfAFailedCreateIsNotCorruption: a 0-byte or header-less file (what a create
// on a full disk leaves) is removed and created again, not moved aside as corrupt.
func TestEmptyFileOfAFailedCreateIsNotCorruption(t *testing.T) {
	for name, content := range map[string][]byte{
		"zero bytes":   nil,
		"torn header":  []byte("SQLite format 3\x00\x10\x00"),
		"zeroed page":  make([]byte, 512),
		"with shm too": nil,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "events.db")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			if name == "with shm too" {
				os.WriteFile(path+"-shm", make([]byte, 100), 0o644)
				os.WriteFile(path+"-wal", nil, 0o644)
			}
			l := openAt(t, path, Options{})
			if h := l.Health(); h.MovedAside != "" || h.LastError != "" {
				t.Fatalf("reported as corruption: %+v", h)
			}
			if m, _ := filepath.Glob(path + ".corrupt-*"); len(m) != 0 {
				t.Fatalf("moved aside: %v", m)
			}
			recordN(l, 3, "t")
			flush(t, l)
			if n, _ := l.LastSeq(); n != 3 {
				t.Fatalf("last seq %d", n)
			}
		})
	}
	// A short file beside a WAL that holds data is not a failed create: it is moved aside.
	path := filepath.Join(t.TempDir(), "events.db")
	os.WriteFile(path, nil, 0o644)
	os.WriteFile(path+"-wal", make([]byte, 4096), 0o644)
	l := openAt(t, path, Options{})
	if l.Health().MovedAside == "" {
		t.Fatal("a 0-byte file with a non-empty WAL must be moved aside, not deleted")
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestSetAsideKeepsEventsAndCounts(t *testing.T) {
	l, _ := openTest(t, Options{})
	recordN(l, 5, "t")
	flush(t, l)
	evs, _ := l.After(0, 5)
	if err := l.SetAside([]string{evs[1].ID, evs[3].ID, "unknown"}, "400 Bad Request: payload too large"); err != nil {
		t.Fatal(err)
	}
	l.SetAside([]string{evs[3].ID}, "again") // keeps its first reason
	n, reason, err := l.SetAsideCount()
	if err != nil || n != 2 || reason != "400 Bad Request: payload too large" {
		t.Fatalf("count %d reason %q err %v", n, reason, err)
	}
	if all, _ := l.After(0, 10); len(all) != 5 {
		t.Fatal("set-aside events must stay in the log")
	}
	if u, _ := l.Unsynced(); u != 5 {
		t.Fatalf("unsynced %d: set-aside events are not at the hub", u)
	}
}

func TestHealthStaffMessage(t *testing.T) {
	if msg := (Health{}).StaffMessage(); msg != "" {
		t.Fatalf("healthy log: %q", msg)
	}
	msg := Health{Opening: true, Pending: 12, Lost: 3}.StaffMessage()
	if !strings.Contains(msg, "12 条记录暂存在内存中") || !strings.Contains(msg, "3 条") {
		t.Fatalf("%q", msg)
	}
}
