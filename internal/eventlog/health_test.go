package eventlog

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// TestRetention: events older than RetentionDays go once they are synced or exported, by
// the manual clock; unsynced, unexported events stay however old they are.
func TestRetention(t *testing.T) {
	clock := kiosk.NewManualClock(t0)
	l, _ := openTest(t, Options{Clock: clock, RetentionDays: 90})
	old, young := t0.AddDate(0, 0, -100), t0.AddDate(0, 0, -10)
	for i := range 4 {
		l.Record(event.Event{At: old, Type: "old", Item: fmt.Sprint(i)})
	}
	for i := range 4 {
		l.Record(event.Event{At: young, Type: "young", Item: fmt.Sprint(i)})
	}
	flush(t, l)
	evs, _ := l.After(0, 100) // seqs 1-4 old, 5-8 young
	mustMark := func(at time.Time, evs ...Event) {
		t.Helper()
		var ids []string
		for _, e := range evs {
			ids = append(ids, e.ID)
		}
		if err := l.MarkSynced(ids, at); err != nil {
			t.Fatal(err)
		}
	}
	mustMark(t0, evs[1], evs[4])                     // old seq 2 synced, young seq 5 synced
	if err := l.SetCursor("export", 3); err != nil { // old seqs 1-3 exported
		t.Fatal(err)
	}
	if err := l.SetCursor("upload", 8); err != nil { // other cursors do not make events prunable
		t.Fatal(err)
	}

	n, err := l.Prune(clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	left, _ := l.After(0, 100)
	if n != 3 || !slices.Equal(seqs(left), []int64{4, 5, 6, 7, 8}) {
		t.Fatalf("pruned %d, left %v; want 3 pruned, 4..8 left", n, seqs(left))
	}
	if h := l.Health(); h.Events != 5 || h.Unsynced != 4 {
		t.Fatalf("health after prune: %+v", h)
	}
	if n, _ := l.Prune(clock.Now()); n != 0 {
		t.Fatalf("second prune deleted %d", n)
	}

	// The writer prunes by itself once a day of the injected clock has passed.
	mustMark(t0, evs[3])
	clock.Advance(25 * time.Hour)
	l.Record(event.Event{Type: "tick"})
	flush(t, l)
	left, _ = l.After(0, 100)
	if !slices.Equal(seqs(left), []int64{5, 6, 7, 8, 9}) {
		t.Fatalf("daily prune left %v, want 5..9", seqs(left))
	}

	// Ninety days on, the young synced event goes; unsynced, unexported ones never do.
	clock.Advance(90 * 24 * time.Hour)
	if _, err := l.Prune(clock.Now()); err != nil {
		t.Fatal(err)
	}
	left, _ = l.After(0, 100)
	if !slices.Equal(seqs(left), []int64{6, 7, 8, 9}) {
		t.Fatalf("left %v, want 6..9", seqs(left))
	}
}

// TestSeqNeverReused: after every event is pruned, seqs continue, across a restart too.
func TestSeqNeverReused(t *testing.T) {
	clock := kiosk.NewManualClock(t0)
	l, path := openTest(t, Options{Clock: clock, RetentionDays: 1})
	recordN(l, 5, "t")
	flush(t, l)
	if err := l.SetCursor("export", 5); err != nil {
		t.Fatal(err)
	}
	clock.Advance(48 * time.Hour)
	if n, err := l.Prune(clock.Now()); n != 5 || err != nil {
		t.Fatalf("pruned %d, %v", n, err)
	}
	l.Close()
	l = openAt(t, path, Options{Clock: clock})
	recordN(l, 1, "t")
	flush(t, l)
	evs, _ := l.After(0, 10)
	if len(evs) != 1 || evs[0].Seq != 6 {
		t.Fatalf("after pruning everything and reopening: %v", seqs(evs))
	}
	if n, _ := l.LastSeq(); n != 6 {
		t.Fatalf("LastSeq %d", n)
	}
}

// TestDiskBudget: the warning at 80%, and pruning of synced events (however young) when
// over the budget, which gives the space back to the file system.
func TestDiskBudget(t *testing.T) {
	const budget = 1 << 20
	l, _ := openTest(t, Options{DiskBudget: budget, BatchSize: 512})
	pad := strings.Repeat("x", 400)
	for i := range 3000 {
		l.Record(event.Event{Type: "t", Data: map[string]any{"i": i, "pad": pad}})
	}
	flush(t, l)
	if _, err := l.Prune(time.Now()); err != nil { // checkpoints, so the size is the file's
		t.Fatal(err)
	}
	h := l.Health()
	if h.SizeBytes < budget || !h.OverBudgetWarning || h.Budget != budget || h.Events != 3000 {
		t.Fatalf("over budget with nothing safe to delete: %+v", h)
	}
	if !strings.Contains(h.LastError, "budget") {
		t.Fatalf("LastError %q", h.LastError)
	}

	evs, _ := l.After(0, 2000)
	var ids []string
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	if err := l.MarkSynced(ids, time.Now()); err != nil {
		t.Fatal(err)
	}
	n, err := l.Prune(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	h = l.Health()
	t.Logf("pruned %d events for the budget: %d bytes on disk", n, h.SizeBytes)
	if n == 0 || h.OverBudgetWarning || h.Unsynced != 1000 || h.Events != 3000-n {
		t.Fatalf("pruned %d for the budget: %+v", n, h)
	}
	left, _ := l.After(0, 1)
	if left[0].Seq != n+1 {
		t.Fatalf("budget prune did not take the oldest first: first left %d after %d pruned", left[0].Seq, n)
	}
}
