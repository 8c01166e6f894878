package main

import (
	"testing"

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
