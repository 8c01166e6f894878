package wall

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

const day = 24 * time.Hour

func approved(t *testing.T, s *Store, text string) Message {
	t.Helper()
	m, err := s.Add(Message{Kind: KindText, Text: text, State: Approved})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func ids(ms []Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func gone(s *Store, m Message) bool {
	_, err := s.Get(m.ID)
	return errors.Is(err, ErrNotFound)
}

// TestSettleKeepsWhatTheOfficeLacks: past a year an approved message goes only once its
// events have left the kiosk; one still waiting stays; one whose event was lost is handed
// back to be sent again; pending ones go by age alone.
func TestSettleKeepsWhatTheOfficeLacks(t *testing.T) {
	c := &clock{time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	s := openTest(t, filepath.Join(t.TempDir(), "wall.db"), c)
	sent, waiting, lost := approved(t, s, "一"), approved(t, s, "二"), approved(t, s, "三")
	pending, err := s.Add(Message{Kind: KindText, Text: "四"})
	if err != nil {
		t.Fatal(err)
	}

	c.t = c.t.Add(366 * day)
	resend, err := s.Settle(Delivery{sent.ID: true, waiting.ID: false})
	if err != nil {
		t.Fatal(err)
	}
	if !gone(s, sent) || gone(s, waiting) || gone(s, lost) || !gone(s, pending) {
		t.Fatalf("after a year: sent gone %v, waiting gone %v, lost gone %v, pending gone %v",
			gone(s, sent), gone(s, waiting), gone(s, lost), gone(s, pending))
	}
	if !slices.Equal(ids(resend), []string{lost.ID}) {
		t.Fatalf("resend %v, want the message whose event was lost", ids(resend))
	}
	if w := s.Waiting(); w.Kept != 2 || w.Dropped != 0 {
		t.Fatalf("waiting %+v", w)
	}
	if _, err := s.Prune(); err != nil || gone(s, waiting) {
		t.Fatal("a plain prune deleted a message the office lacks")
	}

	// The resent event and the waiting one arrive: both go.
	if _, err := s.Settle(Delivery{waiting.ID: true, lost.ID: true}); err != nil {
		t.Fatal(err)
	}
	if !gone(s, waiting) || !gone(s, lost) || s.Waiting().Kept != 0 {
		t.Fatalf("delivered at last: waiting gone %v, lost gone %v, %+v", gone(s, waiting), gone(s, lost), s.Waiting())
	}
}

// TestSettleGraceAndDecide: a message changed within the grace is left alone (its event
// may still be on its way into the log), and a change of state clears the delivery mark.
func TestSettleGraceAndDecide(t *testing.T) {
	c := &clock{time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	s := openTest(t, filepath.Join(t.TempDir(), "wall.db"), c)
	m := approved(t, s, "珍爱生命")
	if resend, _ := s.Settle(Delivery{}); len(resend) != 0 {
		t.Fatal("a message just written is not lost yet")
	}
	c.t = c.t.Add(SettleGrace + time.Minute)
	if resend, _ := s.Settle(Delivery{}); !slices.Equal(ids(resend), []string{m.ID}) {
		t.Fatalf("resend %v", ids(resend))
	}
	if _, err := s.Settle(Delivery{m.ID: true}); err != nil { // marked delivered
		t.Fatal(err)
	}
	// Hidden and shown again: the new state has to reach the office before it may go.
	if err := s.Decide(Hidden, m.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Decide(Approved, m.ID); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(366 * day)
	if _, err := s.Prune(); err != nil || gone(s, m) {
		t.Fatal("the mark survived a change of state")
	}
}

// TestWaitingIsBounded: past MaxWaiting the oldest undelivered messages go, and the
// store says so.
func TestWaitingIsBounded(t *testing.T) {
	c := &clock{time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	s, err := Open(filepath.Join(t.TempDir(), "wall.db"), Options{Now: c.now, MaxWaiting: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ms []Message
	for _, txt := range []string{"一", "二", "三", "四", "五"} {
		ms = append(ms, approved(t, s, txt))
		c.t = c.t.Add(time.Minute)
	}
	c.t = c.t.Add(366 * day)
	n, err := s.Prune()
	if err != nil || n != 2 {
		t.Fatalf("pruned %d, %v", n, err)
	}
	if !gone(s, ms[0]) || !gone(s, ms[1]) || gone(s, ms[2]) {
		t.Fatal("the oldest must go first")
	}
	if w := s.Waiting(); w != (Waiting{Kept: 3, Dropped: 2, Max: 3}) {
		t.Fatalf("waiting %+v", w)
	}
	if _, err := s.Prune(); err != nil || s.Waiting().Dropped != 2 {
		t.Fatalf("a drop must stay reported: %+v", s.Waiting())
	}
}
