package main

import (
	"runtime/debug"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// Garbage-collector pace. Between visits the kiosk shows its attract loop for hours and
// allocates little, so the heap is kept close to what is live (a quarter over it instead of
// Go's default of the same again): about 20 MB less idle memory. A visit gets the default
// pace, so the collector stays out of the way of taps.
const (
	idleGCPercent  = 25
	visitGCPercent = 100
)

// gcPacer passes events on to the visitor log and sets the collector's pace from them:
// a session_start the visit's, a session_end the idle one.
type gcPacer struct {
	next event.Recorder
	set  func(percent int) int // debug.SetGCPercent; a fake in tests
}

func newGCPacer(next event.Recorder) gcPacer { return gcPacer{next: next, set: debug.SetGCPercent} }

func (p gcPacer) Record(e event.Event) {
	switch e.Type {
	case event.SessionStart:
		p.set(visitGCPercent)
	case event.SessionEnd:
		p.set(idleGCPercent)
	}
	p.next.Record(e)
}
