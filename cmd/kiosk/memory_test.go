package main

import (
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

func TestGCPacerFollowsVisits(t *testing.T) {
	var got []int
	var passed []string
	p := gcPacer{
		next: event.RecorderFunc(func(e event.Event) { passed = append(passed, e.Type) }),
		set:  func(v int) int { got = append(got, v); return 0 },
	}
	p.Record(event.NewSessionStart("zh"))
	p.Record(event.Event{Type: event.ZoneEnter})
	p.Record(event.NewSessionEnd("timeout", 0))
	if len(got) != 2 || got[0] != visitGCPercent || got[1] != idleGCPercent {
		t.Fatalf("GC percent set to %v, want [%d %d]", got, visitGCPercent, idleGCPercent)
	}
	if len(passed) != 3 {
		t.Fatalf("events passed on: %v", passed)
	}
}

func TestMemoryLimitGrowsWithTheScreen(t *testing.T) {
	hd, uhd, unknown := memoryLimit(1920, 1080), memoryLimit(3840, 2160), memoryLimit(0, 0)
	if hd>>20 != 223 || uhd>>20 != 365 || unknown != hd {
		t.Fatalf("limits %d, %d, %d MiB; want 223 at 1920×1080 (also when unknown), 365 at 3840×2160",
			hd>>20, uhd>>20, unknown>>20)
	}
	if small := memoryLimit(1280, 800); small >= hd || small < memoryBase {
		t.Fatalf("1280×800 limit %d MiB, want between %d and %d", small>>20, memoryBase>>20, hd>>20)
	}
}

func TestTrimLoopRunsUntilStopped(t *testing.T) {
	stop, done := make(chan struct{}), make(chan struct{})
	n := make(chan struct{}, 10)
	go func() {
		trimLoop(stop, time.Millisecond, func() { n <- struct{}{} })
		close(done)
	}()
	<-n
	<-n
	close(stop)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("trimLoop did not stop")
	}
}
