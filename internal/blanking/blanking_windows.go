//go:build windows

package blanking

import (
	"fmt"
	"runtime"

	"golang.org/x/sys/windows"
)

const (
	esContinuous      = 0x80000000
	esSystemRequired  = 0x00000001
	esDisplayRequired = 0x00000002
)

// prevent holds ES_DISPLAY_REQUIRED on a thread of its own: the state belongs to the
// calling thread, and goroutines move between threads.
func prevent(Env) (func(), error) {
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("SetThreadExecutionState")
	if err := proc.Find(); err != nil {
		return func() {}, fmt.Errorf("turn screen blanking off: %w", err)
	}
	done, started := make(chan struct{}), make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if r, _, err := proc.Call(esContinuous | esSystemRequired | esDisplayRequired); r == 0 {
			started <- fmt.Errorf("turn screen blanking off: SetThreadExecutionState: %w", err)
			return
		}
		started <- nil
		<-done
		proc.Call(esContinuous)
	}()
	if err := <-started; err != nil {
		return func() {}, err
	}
	return func() { close(done) }, nil
}
