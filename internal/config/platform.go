package config

import "path/filepath"

// windowsDataDir is the Windows data directory rule: %ProgramData%\jindu-kiosk (shared by
// every account, survives reinstalls), else a folder beside the program. Untagged so that
// its test runs on Linux too.
func windowsDataDir(getenv func(string) string) string {
	if d := getenv("ProgramData"); d != "" {
		return filepath.Join(d, "jindu-kiosk")
	}
	return "jindu-kiosk-data"
}
