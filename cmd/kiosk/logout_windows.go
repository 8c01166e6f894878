//go:build windows

package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/jindu-edu/kiosk/internal/config"
)

// logOutput is %ProgramData%\jindu-kiosk\kiosk.log: a GUI-subsystem program (-H windowsgui)
// has no console to write to. Falls back to stderr when the file cannot be opened.
func logOutput() io.Writer {
	dir := config.DefaultDataDir()
	if err := os.MkdirAll(dir, 0o750); err == nil {
		if f, err := os.OpenFile(filepath.Join(dir, "kiosk.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640); err == nil {
			return f
		}
	}
	return os.Stderr
}
