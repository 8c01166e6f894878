// Package blanking keeps the kiosk's screen on while the program runs: no screen saver,
// no display power management. On X (and Xwayland) it turns them off with xset; on Windows
// it holds ES_DISPLAY_REQUIRED; under a Wayland kiosk compositor such as cage nothing
// blanks the screen to begin with. Restore gives the settings back at exit.
package blanking

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// Env is what Prevent needs to know about its surroundings (os.Getenv and exec in the
// program, fakes in tests).
type Env struct {
	Getenv func(string) string
	// Run runs a command and returns its error (with output when it failed).
	Run func(name string, args ...string) error
}

// System is the real environment.
func System() Env {
	return Env{Getenv: os.Getenv, Run: func(name string, args ...string) error {
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %w: %s", name, err, out)
		}
		return nil
	}}
}

// ErrNothingToDo means there is no screen saver this package knows how to control here
// (a Wayland session without X, or no display at all): not a problem.
var ErrNothingToDo = errors.New("no X display: screen blanking left to the compositor")

// Prevent turns screen blanking off and returns a function that turns it back on. With an
// error the returned function is still safe to call.
func Prevent(env Env) (restore func(), err error) { return prevent(env) }

// xPrevent is the X11 way, used on every OS that has X.
func xPrevent(env Env) (func(), error) {
	if env.Getenv("DISPLAY") == "" {
		return func() {}, ErrNothingToDo
	}
	if err := env.Run("xset", "s", "off", "-dpms", "s", "noblank"); err != nil {
		return func() {}, fmt.Errorf("turn screen blanking off: %w", err)
	}
	return func() { env.Run("xset", "s", "on", "+dpms") }, nil
}
