package main

import (
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// stopGrace bounds how long the kiosk may take to stop once asked (a signal, the staff
// panel's 退出程序, the nightly restart). Fyne 2.7.1's Run can wait for ever on its event
// queue after Quit when the request lands mid-frame (seen under Xvfb: the window gone, the
// process left running until the service manager kills it). After the grace the visitor
// log and the other stores are closed as on a normal stop, and the process exits itself.
const stopGrace = 10 * time.Second

// stopper runs the clean-up once, whichever comes first: the normal return from run, or the
// grace timer of a stop that hangs.
type stopper struct {
	once    sync.Once
	cleanup func()
	code    atomic.Int32 // the exit status a hung stop ends with
	log     *slog.Logger
	exit    func(int) // os.Exit; a fake in tests
	grace   time.Duration
}

func newStopper(cleanup func(), log *slog.Logger) *stopper {
	return &stopper{cleanup: cleanup, log: log, exit: os.Exit, grace: stopGrace}
}

// finish runs the clean-up (once).
func (s *stopper) finish() { s.once.Do(s.cleanup) }

// quitting wraps quit: the stop is asked for, with the exit status it should end with, and
// the grace timer armed.
func (s *stopper) quitting(code int, quit func()) func() {
	return func() {
		s.code.Store(int32(code))
		time.AfterFunc(s.grace, func() {
			s.log.Error("the window did not close in time after the stop request: closing the records and exiting", "grace", s.grace.String())
			s.finish()
			s.exit(int(s.code.Load()))
		})
		quit()
	}
}

// dropFyneStopHook removes Fyne's own stop hook, which only saves Fyne's preferences (the
// kiosk keeps none there). Fyne 2.7.1 queues that hook when it quits and hands it to its
// main-thread queue from another goroutine; when the loop closes the queue between that
// goroutine's check and its send, the process panics on its way out ("send on closed
// channel", seen once in CI on a SIGTERM) and the deferred clean-up never runs. With no
// hook, nothing is queued. Fyne's app type has the setter; another app type is left alone.
func dropFyneStopHook(a fyne.App) {
	if l, ok := a.Lifecycle().(interface{ SetOnStoppedHookExecuted(func()) }); ok {
		l.SetOnStoppedHookExecuted(nil)
	}
}
