package eventlog

import (
	"log/slog"
	"os"
	"path/filepath"
	"testing"
)

// OpenInBackground returns before the database is opened (the integrity check), keeps the
// events recorded meanwhile, and writes them after the events already in the file.
func TestOpenInBackgroundDoesNotWaitForTheCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.db")
	old := openAt(t, path, Options{KioskID: "k-bg"})
	recordN(old, 100, "before")
	flush(t, old)
	old.Close()

	release := make(chan struct{})
	opening := make(chan struct{}, 10)
	l, err := OpenInBackground(path, Options{KioskID: "k-bg", Logger: slog.New(slog.DiscardHandler),
		openFault: func() error { opening <- struct{}{}; <-release; return nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	<-opening // the writer is opening, and OpenInBackground has returned
	recordN(l, 10, "during")
	if h := l.Health(); !h.Starting || h.Opening || h.StaffMessage() != "" {
		t.Fatalf("health while opening: %+v, staff message %q", h, h.StaffMessage())
	}
	close(release)
	flush(t, l) // waits for the open
	recordN(l, 5, "after")
	flush(t, l)
	evs, err := l.After(0, 1000)
	if err != nil || len(evs) != 115 {
		t.Fatalf("%d events (%v), want 100 + 10 + 5", len(evs), err)
	}
	for i, e := range evs {
		if e.Seq != int64(i+1) {
			t.Fatalf("event %d has seq %d", i, e.Seq)
		}
	}
	if evs[99].Type != "before" || evs[100].Type != "during" || evs[110].Type != "after" {
		t.Fatalf("order: %s %s %s", evs[99].Type, evs[100].Type, evs[110].Type)
	}
	if h := l.Health(); h.Starting || h.Opening || h.Pending != 0 || h.LastError != "" {
		t.Fatalf("health after the open: %+v", h)
	}
}

// A corrupt file found by the background check is moved aside as by Open.
func TestOpenInBackgroundMovesACorruptFileAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.db")
	if err := os.WriteFile(path, make([]byte, 8192), 0o644); err != nil { // not a database
		t.Fatal(err)
	}
	l, err := OpenInBackground(path, Options{KioskID: "k-bg", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	recordN(l, 3, "x")
	flush(t, l)
	h := l.Health()
	if h.MovedAside == "" || h.Opening || h.Events != 3 {
		t.Fatalf("health: %+v", h)
	}
	if _, err := os.Stat(h.MovedAside); err != nil {
		t.Fatalf("moved-aside file: %v", err)
	}
}
