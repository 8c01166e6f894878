package kiosk

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC)

func TestIdlePromptThenReset(t *testing.T) {
	c := NewManualClock(t0)
	s := NewSession(c, 90*time.Second, 20*time.Second)
	if s.State() != Attract || s.Tick() != NoChange {
		t.Fatal("a new session must wait in attract")
	}
	if !s.Touch() || s.State() != Active || s.ID() == "" {
		t.Fatal("the first tap must start a visit with an id")
	}
	id := s.ID()
	c.Advance(89 * time.Second)
	if s.Tick() != NoChange {
		t.Fatal("prompted before the idle timeout")
	}
	s.Touch() // a tap restarts the idle period
	c.Advance(89 * time.Second)
	if s.Tick() != NoChange {
		t.Fatal("a tap did not restart the idle period")
	}
	c.Advance(time.Second)
	if s.Tick() != Prompted || s.State() != Prompt {
		t.Fatal("no prompt after 90 s idle")
	}
	if r := s.PromptRemaining(); r != 20*time.Second {
		t.Fatalf("prompt countdown %v", r)
	}
	c.Advance(19 * time.Second)
	if s.Tick() != NoChange || s.PromptRemaining() != time.Second {
		t.Fatal("reset too early")
	}
	c.Advance(time.Second)
	if s.Tick() != Reset || s.State() != Attract || s.ID() != "" {
		t.Fatal("no reset when the prompt ran out")
	}
	if !s.Touch() || s.ID() == id {
		t.Fatal("the next visitor must get a new session id")
	}
}

func TestTapDismissesPrompt(t *testing.T) {
	c := NewManualClock(t0)
	s := NewSession(c, 90*time.Second, 20*time.Second)
	s.Touch()
	id := s.ID()
	c.Advance(90 * time.Second)
	s.Tick()
	if s.Touch() {
		t.Fatal("dismissing the prompt must not start a new visit")
	}
	if s.State() != Active || s.ID() != id {
		t.Fatal("the visit must continue after the prompt")
	}
	c.Advance(89 * time.Second)
	if s.Tick() != NoChange {
		t.Fatal("the dismissal did not give a fresh idle period")
	}
}

func TestNarrationPausesIdle(t *testing.T) {
	c := NewManualClock(t0)
	s := NewSession(c, 90*time.Second, 20*time.Second)
	s.Touch()
	c.Advance(60 * time.Second)
	s.SetNarrating(true)
	for i := 0; i < 10; i++ { // five minutes of narration, ticked every 30 s
		c.Advance(30 * time.Second)
		if s.Tick() != NoChange {
			t.Fatalf("prompted while narration plays (after %d ticks)", i+1)
		}
	}
	s.SetNarrating(false)
	c.Advance(89 * time.Second)
	if s.Tick() != NoChange {
		t.Fatal("the idle period must restart when narration ends")
	}
	c.Advance(time.Second)
	if s.Tick() != Prompted {
		t.Fatal("idle timeout must run again after narration")
	}
}

func TestGestureNeedsFiveQuickTaps(t *testing.T) {
	c := NewManualClock(t0)
	g := NewGesture(c)
	for i := 0; i < 4; i++ {
		if g.Tap() {
			t.Fatal("opened before five taps")
		}
		c.Advance(time.Second) // too slow: the first tap falls out of the 3 s window
	}
	if g.Tap() {
		t.Fatal("five slow taps must not open the panel")
	}
	c2 := NewManualClock(t0)
	g2 := NewGesture(c2)
	opened := false
	for i := 0; i < 5; i++ {
		opened = g2.Tap()
		c2.Advance(200 * time.Millisecond)
	}
	if !opened {
		t.Fatal("five quick taps must open the panel")
	}
}
