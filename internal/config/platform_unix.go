//go:build !windows

package config

import (
	"os"
	"path/filepath"
)

// defaultUSBDir is where the USB stick is mounted read-only for content packs, and
// defaultExportDir where the same stick is mounted read-write for exports and reports
// (deploy/usb mounts it at both).
const (
	defaultUSBDir    = "/media/usb"
	defaultExportDir = "/media/usb-export"
)

// platformDataDir is $XDG_DATA_HOME/jindu-kiosk, else ~/.local/share/jindu-kiosk.
// (Packaged installs set data_dir = "/var/lib/jindu-kiosk" in /etc/jindu-kiosk/kiosk.toml.)
func platformDataDir(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "jindu-kiosk")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "jindu-kiosk-data"
	}
	return filepath.Join(home, ".local", "share", "jindu-kiosk")
}

// platformConfigPath is "": on Linux the config is named by --config or
// $JINDU_KIOSK_CONFIG (the systemd unit sets it to /etc/jindu-kiosk/kiosk.toml).
func platformConfigPath() string { return "" }
