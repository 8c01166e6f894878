package main

import (
	"log/slog"
	"runtime/debug"
	"time"

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

// The Go heap's soft ceiling (debug.SetMemoryLimit): memoryBase plus memoryScreens
// screenfuls of RGBA pixels. What a visit keeps live is about 130–200 MB at 1920×1080 (the
// picture cache's 64 MB, the scene panorama's strip and frame buffers, the CJK font's
// tables, Fyne's text caches); at the default pace the heap may grow to twice that, and the
// runtime keeps freed pages for a while. Under the ceiling the collector runs sooner and
// returns freed pages, so memory stays flat over days (issue 8's soak). It is soft: a heap
// that needs more gets it, with the collector held to half the CPU by the runtime.
const (
	memoryBase    = 176 << 20
	memoryScreens = 6
)

// memoryLimit is the ceiling for a screen of w×h pixels (1920×1080 when unknown):
// 223 MiB at 1920×1080, 365 MiB at 3840×2160.
func memoryLimit(w, h int) int64 {
	if w <= 0 || h <= 0 {
		w, h = 1920, 1080
	}
	return memoryBase + memoryScreens*int64(w)*int64(h)*4
}

// setMemoryLimits sets the Go heap's ceiling for the screen and makes the C allocator give
// large freed blocks back to the system (mallocBig).
func setMemoryLimits(w, h int, log *slog.Logger) {
	limit := memoryLimit(w, h)
	debug.SetMemoryLimit(limit)
	log.Info("memory", "go_limit_mib", limit>>20, "c_big_blocks_returned", mallocBig())
}

// trimEvery is how often the C heap's free pages are given back (mallocTrim): a few
// milliseconds of work on a goroutine, never on the UI thread.
const trimEvery = 20 * time.Second

// trimLoop runs trim every period until stop is closed.
func trimLoop(stop <-chan struct{}, period time.Duration, trim func()) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			trim()
		}
	}
}

// freeMemory gives freed memory back to the system, Go's and the C heap's (Deps.FreeMemory).
func freeMemory() {
	debug.FreeOSMemory()
	mallocTrim()
}
