// Package instance makes sure only one kiosk runs per data directory: two copies would
// fight over the screen, the event log and the pack store. The lock is an OS file lock
// (flock on Unix, LockFileEx on Windows), so it is released when the process dies, however
// it dies: no stale lock file blocks the next start.
package instance

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// File is the lock file's name in the data directory.
const File = "kiosk.lock"

// ErrRunning means another process holds the lock.
var ErrRunning = errors.New("another kiosk is already running on this data directory")

// Lock is a held single-instance lock.
type Lock struct{ f *os.File }

// Acquire takes the lock in dir (creating dir), writing this process id into the file for
// whoever looks. It fails at once with an error wrapping ErrRunning (and naming the holder's
// pid when known) if another process has it.
func Acquire(dir string) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("single-instance lock: %w", err)
	}
	path := filepath.Join(dir, File)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o640)
	if err != nil {
		return nil, fmt.Errorf("single-instance lock: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errBusy) {
			if pid := holder(path); pid != "" {
				return nil, fmt.Errorf("%w (pid %s, lock %s)", ErrRunning, pid, path)
			}
			return nil, fmt.Errorf("%w (lock %s)", ErrRunning, path)
		}
		return nil, fmt.Errorf("single-instance lock %s: %w", path, err)
	}
	// The pid is information only; the lock is what counts. A failed write is harmless.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f}, nil
}

// Release gives the lock up (exiting does too).
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

// errBusy is what lockFile returns when another process holds the lock.
var errBusy = errors.New("locked")

// holder reads the pid the holder wrote, "" if unknown.
func holder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	s := strings.TrimSpace(string(b))
	if _, err := strconv.Atoi(s); err != nil {
		return ""
	}
	return s
}
