package main

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"fyne.io/fyne/v2/app"
)

// A stop that hangs ends after the grace: the clean-up runs once and the process exits
// with the status the stop asked for; a stop that finishes in time never exits from the timer.
func TestStopperEndsAHungStop(t *testing.T) {
	cleaned := 0
	exited := make(chan int, 1)
	s := newStopper(func() { cleaned++ }, slog.New(slog.NewTextHandler(io.Discard, nil)))
	s.exit = func(code int) { exited <- code }
	s.grace = 10 * time.Millisecond
	quitCalled := false
	s.quitting(exitRestart, func() { quitCalled = true })()
	if !quitCalled {
		t.Fatal("quit was not called")
	}
	select {
	case code := <-exited:
		if code != exitRestart {
			t.Fatalf("exit status %d, want %d", code, exitRestart)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a hung stop did not exit")
	}
	s.finish() // the normal path arriving late runs nothing twice
	if cleaned != 1 {
		t.Fatalf("clean-up ran %d times, want 1", cleaned)
	}
}

// Fyne's app queues no stop hook once the kiosk has dropped it (see dropFyneStopHook).
func TestNoFyneStopHook(t *testing.T) {
	a := app.NewWithID("cn.nanming.jindu.kiosk.test")
	l, ok := a.Lifecycle().(interface{ OnStopped() func() })
	if !ok {
		t.Fatal("Fyne's lifecycle no longer reports its stop hook: look at dropFyneStopHook again")
	}
	if l.OnStopped() == nil {
		t.Fatal("Fyne has no stop hook of its own: dropFyneStopHook may go")
	}
	dropFyneStopHook(a)
	if l.OnStopped() != nil {
		t.Fatal("a stop hook is still queued when the kiosk quits")
	}
}
