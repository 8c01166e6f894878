package kiosk

import (
	"time"

	"github.com/google/uuid"
)

// State is where the kiosk is in the visitor cycle.
type State int

// The visitor cycle: attract loop, a visit, the "还在吗？" prompt.
const (
	Attract State = iota
	Active
	Prompt
)

func (s State) String() string {
	return [...]string{"attract", "active", "prompt"}[s]
}

// Change is what a Tick did.
type Change int

// Changes reported by Tick.
const (
	NoChange Change = iota
	Prompted        // idle timeout reached: show "还在吗？"
	Reset           // prompt ran out: back to attract, defaults restored
)

// Session is the visitor session and idle-reset state machine. It is not safe for
// concurrent use: the UI owns it and calls it from its thread (a ticker calls Tick about
// once a second).
type Session struct {
	clock     Clock
	idle      time.Duration
	prompt    time.Duration
	state     State
	id        string
	started   time.Time
	last      time.Time
	promptAt  time.Time
	narrating bool
	lastDur   time.Duration
	lastID    string
}

// NewSession makes a session machine in the attract state.
func NewSession(c Clock, idle, prompt time.Duration) *Session {
	return &Session{clock: c, idle: idle, prompt: prompt}
}

// SetTimeouts changes the idle and prompt durations (a staff setting).
func (s *Session) SetTimeouts(idle, prompt time.Duration) { s.idle, s.prompt = idle, prompt }

// IdleTimeout returns the configured idle timeout.
func (s *Session) IdleTimeout() time.Duration { return s.idle }

// State returns the current state.
func (s *Session) State() State { return s.state }

// ID returns the current visit's id, or "" in attract.
func (s *Session) ID() string { return s.id }

// Touch records visitor activity. It starts a visit from attract (returning true) and
// dismisses the prompt.
func (s *Session) Touch() (started bool) {
	now := s.clock.Now()
	s.last = now
	switch s.state {
	case Attract:
		s.state = Active
		s.id = newID()
		s.started = now
		return true
	case Prompt:
		s.state = Active
	}
	return false
}

// SetNarrating pauses the idle timer while narration plays; when narration stops, the
// visitor gets a full idle period from that moment.
func (s *Session) SetNarrating(on bool) {
	if s.narrating && !on {
		s.last = s.clock.Now()
	}
	s.narrating = on
}

// Tick advances the machine to the clock's time.
func (s *Session) Tick() Change {
	now := s.clock.Now()
	switch s.state {
	case Active:
		if s.narrating {
			s.last = now
			return NoChange
		}
		if s.idle > 0 && now.Sub(s.last) >= s.idle {
			s.state = Prompt
			s.promptAt = now
			return Prompted
		}
	case Prompt:
		if now.Sub(s.promptAt) >= s.prompt {
			s.End()
			return Reset
		}
	}
	return NoChange
}

// PromptRemaining is the countdown shown in the prompt.
func (s *Session) PromptRemaining() time.Duration {
	if s.state != Prompt {
		return 0
	}
	r := s.prompt - s.clock.Now().Sub(s.promptAt)
	if r < 0 {
		return 0
	}
	return r
}

// Duration is how long the current visit has lasted.
func (s *Session) Duration() time.Duration {
	if s.state == Attract {
		return 0
	}
	return s.clock.Now().Sub(s.started)
}

// LastDuration is how long the visit that ended last lasted (a timed-out visit included).
func (s *Session) LastDuration() time.Duration { return s.lastDur }

// LastID is the id of the visit that ended last.
func (s *Session) LastID() string { return s.lastID }

// End returns to attract at once (timeout or staff).
func (s *Session) End() {
	if s.state != Attract {
		s.lastDur = s.clock.Now().Sub(s.started)
		s.lastID = s.id
	}
	s.state = Attract
	s.id = ""
	s.narrating = false
}

func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}
