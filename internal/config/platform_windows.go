//go:build windows

package config

import (
	"os"
	"path/filepath"

	"github.com/jindu-edu/kiosk/internal/usbdrive"
)

// defaultUSBDir and defaultExportDir are "auto": the first removable drive with a medium
// in it, looked up each time (Windows gives a stick whatever letter is free). A PC whose
// card reader holds a card, or whose stick reports itself as a fixed disk, needs the
// letter set in [packs] usb_dir and [events] export_dir (docs/install.md shows how to pin
// it).
const (
	defaultUSBDir    = usbdrive.Auto
	defaultExportDir = usbdrive.Auto
)

// platformDataDir is %ProgramData%\jindu-kiosk (shared by every account, survives
// reinstalls), else jindu-kiosk-data beside kiosk.exe.
func platformDataDir(getenv func(string) string) string {
	exe, err := os.Executable()
	if err != nil {
		exe = "."
	}
	return windowsDataDir(getenv, filepath.Dir(exe))
}

// platformConfigPath is kiosk.toml in the data directory, if it is there.
func platformConfigPath() string { return configInDataDir(DefaultDataDir()) }
