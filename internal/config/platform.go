package config

import "path/filepath"

// windowsDataDir is the Windows data directory rule: %ProgramData%\jindu-kiosk (shared by
// every account, survives reinstalls), else jindu-kiosk-data beside the program (exeDir),
// never in the working directory, which depends on how Windows started the kiosk.
// Untagged so that its test runs on Linux too.
func windowsDataDir(getenv func(string) string, exeDir string) string {
	if d := getenv("ProgramData"); d != "" {
		return filepath.Join(d, "jindu-kiosk")
	}
	return filepath.Join(exeDir, "jindu-kiosk-data")
}
