package main

import (
	"io"
	"log/slog"
	"testing"
	"time"
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
