package config

import (
	"os"
	"path/filepath"
)

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

// configInDataDir is the Windows config rule: dataDir\kiosk.toml when it exists (so an
// operator need not set a system environment variable), else "" (defaults only).
// Untagged so that its test runs on Linux too.
func configInDataDir(dataDir string) string {
	p := filepath.Join(dataDir, "kiosk.toml")
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return p
	}
	return ""
}
