package wall

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func openTest(t *testing.T, path string, c *clock) *Store {
	t.Helper()
	s, err := Open(path, Options{KioskID: "k1", Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStoreFlow(t *testing.T) {
	c := &clock{time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	path := filepath.Join(t.TempDir(), "wall.db")
	s := openTest(t, path, c)
	ink := &Ink{Aspect: 4.0 / 3, Strokes: []Stroke{{Color: 2, Points: []Point{{0.1, 0.1}, {0.2, 0.3}}}}}
	a, err := s.Add(Message{Kind: KindInk, Ink: ink, Group: "初二(3)班", Lang: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(time.Minute)
	b, err := s.Add(Message{Kind: KindPhrase, Text: "珍爱生命", Phrase: "cherish", Lang: "zh", State: Approved})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(Message{Kind: KindText}); !errors.Is(err, ErrEmpty) {
		t.Fatalf("empty message: %v", err)
	}
	if a.State != Pending || a.ID == "" || a.KioskID != "k1" {
		t.Fatalf("added %+v", a)
	}
	got, err := s.Get(a.ID)
	if err != nil || got.Ink.Points() != 2 || got.Ink.Strokes[0].Color != 2 || got.Group != "初二(3)班" || !got.Created.Equal(a.Created) {
		t.Fatalf("get: %+v %v", got, err)
	}
	wall, _ := s.List(Approved, 0, 10)
	if len(wall) != 1 || wall[0].ID != b.ID {
		t.Fatalf("wall before review: %+v", wall)
	}
	if err := s.Decide(Hidden, a.ID); !errors.Is(err, ErrTransition) {
		t.Fatalf("hide a pending message: %v", err)
	}
	if err := s.Decide(Approved, a.ID, "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown id: %v", err)
	}
	if got, _ := s.Get(a.ID); got.State != Pending {
		t.Fatal("a failed batch changed a message")
	}
	if err := s.Decide(Approved, a.ID); err != nil {
		t.Fatal(err)
	}
	wall, _ = s.List(Approved, 0, 10)
	if len(wall) != 2 || wall[0].ID != b.ID || wall[1].ID != a.ID {
		t.Fatal("the wall is newest first by writing order")
	}
	if err := s.Decide(Hidden, b.ID); err != nil {
		t.Fatal(err)
	}
	counts, _ := s.Counts()
	if counts[Approved] != 1 || counts[Hidden] != 1 || counts[Pending] != 0 {
		t.Fatalf("counts %v", counts)
	}
	today, _ := s.Since(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), 10)
	if len(today) != 1 {
		t.Fatalf("today: %d", len(today))
	}

	// Retention: hidden goes after 30 days, approved after a year once the office has it.
	c.t = c.t.Add(31 * 24 * time.Hour)
	if n, err := s.Prune(); err != nil || n != 1 {
		t.Fatalf("prune after 31 days: %d %v", n, err)
	}
	c.t = c.t.Add(340 * 24 * time.Hour)
	if n, err := s.Prune(); err != nil || n != 0 || s.Waiting().Kept != 1 {
		t.Fatalf("prune after a year, not delivered: %d %v %+v", n, err, s.Waiting())
	}
	if _, err := s.Settle(Delivery{a.ID: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(a.ID); !errors.Is(err, ErrNotFound) || s.Waiting().Kept != 0 {
		t.Fatalf("a delivered message past a year is kept: %v %+v", err, s.Waiting())
	}
}

// TestCorruptMovedAside: a store that is not a database is renamed aside, never deleted,
// and a fresh one works at once.
func TestCorruptMovedAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "wall.db")
	junk := []byte(strings.Repeat("this is not a database ", 200))
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	c := &clock{time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	s := openTest(t, path, c)
	moved := s.MovedAside()
	if moved == "" || !strings.Contains(moved, ".corrupt-20260601T090000Z") {
		t.Fatalf("moved aside to %q", moved)
	}
	if b, err := os.ReadFile(moved); err != nil || string(b) != string(junk) {
		t.Fatal("the corrupt file was not kept as it was")
	}
	if _, err := s.Add(Message{Kind: KindText, Text: "好"}); err != nil {
		t.Fatal(err)
	}

	// A damaged page in a real database.
	s.Close()
	b, _ := os.ReadFile(path)
	for i := 4096; i < len(b) && i < 8192; i++ {
		b[i] = 0xA5
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	os.WriteFile(path, b, 0o600)
	c.t = c.t.Add(time.Hour)
	s2 := openTest(t, path, c)
	if s2.MovedAside() == "" {
		t.Fatal("a damaged database was not moved aside")
	}
}

func TestOpenFails(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	os.WriteFile(file, nil, 0o600)
	if _, err := Open(filepath.Join(file, "wall.db"), Options{}); err == nil {
		t.Fatal("opened a store under a file")
	}
	if _, err := Open("a?b", Options{}); err == nil {
		t.Fatal("took a path with '?'")
	}
}

func BenchmarkAdd(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "wall.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if _, err := s.Add(Message{Kind: KindText, Text: "珍爱生命，远离毒品", State: Approved}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkListWall(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "wall.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 500; i++ {
		s.Add(Message{Kind: KindText, Text: "珍爱生命，远离毒品", State: Approved})
	}
	for b.Loop() {
		if ms, _ := s.List(Approved, 0, 12); len(ms) != 12 {
			b.Fatal(len(ms))
		}
	}
}
