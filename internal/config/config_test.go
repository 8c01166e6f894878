package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExampleIsTheDefaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.toml")
	os.WriteFile(path, []byte(Example), 0o644)
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != Default() {
		t.Fatalf("the documented example differs from the defaults:\n%+v\n%+v", got, Default())
	}
	if time.Duration(got.Visitor.IdleTimeout) != 90*time.Second || got.Visitor.Language != "zh" {
		t.Fatalf("design defaults: %+v", got.Visitor)
	}
}

func TestOverridesAndErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "k.toml")
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	c, err := Load(write("kiosk_id = \"nanming-2\"\n[visitor]\nidle_timeout = \"2m\"\n"))
	if err != nil || c.KioskID != "nanming-2" || time.Duration(c.Visitor.IdleTimeout) != 2*time.Minute {
		t.Fatalf("%+v %v", c, err)
	}
	for bad, want := range map[string]string{
		"idle_timout = \"2m\"":                 "unknown keys: idle_timout",
		"[visitor]\nidle_timeout = \"soon\"":   "duration \"soon\"",
		"[visitor]\nidle_timeout = \"1s\"":     "between 15s and 1h",
		"[visitor]\ndefault_language = \"fr\"": "must be zh or en",
		"kiosk_id = ":                          "k.toml",
	} {
		if _, err := Load(write(bad)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", bad, err, want)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.toml")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing file: %v", err)
	}
}

func TestConfigInDataDir(t *testing.T) {
	dir := t.TempDir()
	if got := configInDataDir(dir); got != "" {
		t.Fatalf("no kiosk.toml, yet %q", got)
	}
	if err := os.Mkdir(filepath.Join(dir, "kiosk.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := configInDataDir(dir); got != "" {
		t.Fatalf("a directory named kiosk.toml taken for the config: %q", got)
	}
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "kiosk.toml"), []byte(Example), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := configInDataDir(other); got != filepath.Join(other, "kiosk.toml") {
		t.Fatalf("kiosk.toml in the data dir not found: %q", got)
	}
}

func TestPathAndDataDirFromEnvironment(t *testing.T) {
	t.Setenv(EnvConfig, "/etc/jindu/kiosk.toml")
	t.Setenv(EnvData, "/var/lib/jindu")
	if Path("") != "/etc/jindu/kiosk.toml" || Path("/x.toml") != "/x.toml" {
		t.Fatal("flag, then environment")
	}
	if DefaultDataDir() != "/var/lib/jindu" {
		t.Fatal(DefaultDataDir())
	}
}

func TestHoursSection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.toml")
	os.WriteFile(path, []byte("[hours]\nopen = [\"周二至周日 09:00-17:00\"]\nclosed_dates = [\"2027-02-10..2027-02-16\"]\nnightly_restart = \"03:30\"\n"), 0o644)
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Hours.Schedule()
	if err != nil {
		t.Fatal(err)
	}
	tue := time.Date(2026, 12, 1, 10, 0, 0, 0, time.Local)
	if !s.Open(tue) || s.Open(tue.AddDate(0, 0, -1)) || s.Open(time.Date(2027, 2, 11, 10, 0, 0, 0, time.Local)) {
		t.Fatal("schedule from the config not applied")
	}
	n, _ := c.Hours.Nightly()
	if !n.Due(tue, tue.AddDate(0, 0, 1)) {
		t.Fatal("nightly restart not read")
	}
	os.WriteFile(path, []byte("[hours]\nopen = [\"周二至周八 09:00-17:00\"]\nnightly_restart = \"25:00\"\n"), 0o644)
	_, err = Load(path)
	if err == nil || !strings.Contains(err.Error(), "不认识的星期范围") || !strings.Contains(err.Error(), "nightly_restart") {
		t.Fatalf("bad hours: %v", err)
	}
}

func TestWindowsDataDir(t *testing.T) {
	env := map[string]string{"ProgramData": `C:\ProgramData`}
	exe := `C:\Program Files\JinduKiosk`
	if got := windowsDataDir(func(k string) string { return env[k] }, exe); !strings.HasSuffix(got, "jindu-kiosk") || !strings.HasPrefix(got, `C:\ProgramData`) {
		t.Fatalf("windows data dir %q", got)
	}
	// Without %ProgramData%: beside the program, not in the working directory.
	if got := windowsDataDir(func(string) string { return "" }, exe); !strings.HasPrefix(got, exe) || !strings.HasSuffix(got, "jindu-kiosk-data") {
		t.Fatalf("no ProgramData: %q", got)
	}
}
