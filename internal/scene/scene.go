// Package scene walks the branching stories of 情景体验 (content scenes): from the hotspot
// a visitor taps, through the lines of each step and the responses chosen, to an ending as
// the visitor's age band sees it. It remembers what was chosen and when, for the events the
// office counts. It has no Fyne and takes its time from a clock, so it is tested with tables.
package scene

import (
	"fmt"
	"time"

	"github.com/jindu-edu/kiosk/internal/content"
)

// Clock tells the time (kiosk.Clock satisfies it).
type Clock interface {
	Now() time.Time
}

// Choice is one response the visitor picked.
type Choice struct {
	Step   string        // the step it was picked on
	Choice string        // the choice's id
	After  time.Duration // from the step's start (its first line) to the pick
}

// Walk is one visitor's way through one scene, started at a hotspot. The zero Walk is not
// usable; Start makes one.
type Walk struct {
	sc      content.Scene
	age     string
	hotspot string
	clock   Clock
	started time.Time

	step      content.Step
	line      int // the line of the step on show
	stepSince time.Time
	chosen    []Choice
	ending    *content.Ending // as the age band sees it, once reached
	endedAt   time.Time
}

// Start begins sc at the hotspot with id for a visitor of age band age.
func Start(sc content.Scene, hotspot, age string, clock Clock) (*Walk, error) {
	h, ok := sc.HotspotByID(hotspot)
	if !ok {
		return nil, fmt.Errorf("scene %q has no hotspot %q", sc.ID, hotspot)
	}
	st, ok := sc.StepByID(h.Step)
	if !ok {
		return nil, fmt.Errorf("scene %q: hotspot %q leads to missing step %q", sc.ID, hotspot, h.Step)
	}
	now := clock.Now()
	return &Walk{sc: sc, age: age, hotspot: hotspot, clock: clock, started: now, step: st, stepSince: now}, nil
}

// Scene is the scene walked.
func (w *Walk) Scene() content.Scene { return w.sc }

// Age is the visitor's age band.
func (w *Walk) Age() string { return w.age }

// Hotspot is the id of the hotspot the walk started at.
func (w *Walk) Hotspot() string { return w.hotspot }

// Step is the step on show (the last one once the walk has ended).
func (w *Walk) Step() content.Step { return w.step }

// Line is the index of the step's line on show.
func (w *Walk) Line() int { return w.line }

// Lines are the step's lines shown so far (up to and including the current one).
func (w *Walk) Lines() []content.Line { return w.step.Lines[:w.line+1] }

// Current is the line on show.
func (w *Walk) Current() content.Line { return w.step.Lines[w.line] }

// MoreLines reports whether the step has lines after the current one; its choices are
// offered after the last line.
func (w *Walk) MoreLines() bool { return w.line < len(w.step.Lines)-1 }

// NextLine shows the step's next line; false when the current line is the last.
func (w *Walk) NextLine() bool {
	if !w.MoreLines() || w.Ended() {
		return false
	}
	w.line++
	return true
}

// Choices are the responses offered: none until the step's last line is shown, and none
// once the walk has ended.
func (w *Walk) Choices() []content.Choice {
	if w.MoreLines() || w.Ended() {
		return nil
	}
	return w.step.Choices
}

// Choose picks the response with id and moves to the step or ending it leads to. It
// returns the choice as recorded.
func (w *Walk) Choose(id string) (Choice, error) {
	if w.Ended() {
		return Choice{}, fmt.Errorf("scene %q has already ended", w.sc.ID)
	}
	if w.MoreLines() {
		return Choice{}, fmt.Errorf("scene %q step %q: choices come after its last line", w.sc.ID, w.step.ID)
	}
	for _, c := range w.step.Choices {
		if c.ID != id {
			continue
		}
		now := w.clock.Now()
		rec := Choice{Step: w.step.ID, Choice: c.ID, After: now.Sub(w.stepSince)}
		if st, ok := w.sc.StepByID(c.Next); ok {
			w.chosen = append(w.chosen, rec)
			w.step, w.line, w.stepSince = st, 0, now
			return rec, nil
		}
		e, ok := w.sc.EndingByID(c.Next)
		if !ok {
			return Choice{}, fmt.Errorf("scene %q choice %q leads to missing %q", w.sc.ID, c.ID, c.Next)
		}
		w.chosen = append(w.chosen, rec)
		e = e.For(w.age)
		w.ending, w.endedAt = &e, now
		return rec, nil
	}
	return Choice{}, fmt.Errorf("scene %q step %q has no choice %q", w.sc.ID, w.step.ID, id)
}

// Ended reports whether the walk has reached an ending.
func (w *Walk) Ended() bool { return w.ending != nil }

// Ending is the ending reached, as the visitor's age band sees it (primary: softened).
func (w *Walk) Ending() (content.Ending, bool) {
	if w.ending == nil {
		return content.Ending{}, false
	}
	return *w.ending, true
}

// Chosen lists the responses picked, in order.
func (w *Walk) Chosen() []Choice { return append([]Choice(nil), w.chosen...) }

// Path is the ids of the responses picked, in order.
func (w *Walk) Path() []string {
	out := make([]string, len(w.chosen))
	for i, c := range w.chosen {
		out[i] = c.Choice
	}
	return out
}

// Duration is the time from the start to the ending (or to now, before it).
func (w *Walk) Duration() time.Duration {
	if w.ending != nil {
		return w.endedAt.Sub(w.started)
	}
	return w.clock.Now().Sub(w.started)
}
