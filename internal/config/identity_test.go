package config

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBrokenConfigKeepsTheKioskIdentity is the reproduction of "a broken config file makes
// the kiosk run as kiosk-01 without a hub".
func TestBrokenConfigKeepsTheKioskIdentity(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfgPath := filepath.Join(dir, "kiosk.toml")
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(cfgPath, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := "kiosk_id = \"nanming-07\"\ndata_dir = '" + data + "'\n[sync]\nhub_url = \"https://hub.example.org\"\ntoken = \"t0ken-0123456789\"\n"
	write(good)
	c, warns, err := LoadForKiosk(cfgPath, "")
	if err != nil || len(warns) != 0 || c.KioskID != "nanming-07" || c.DataDir != data {
		t.Fatalf("good file: %+v %v %v", c, warns, err)
	}
	// (Windows has no owner-only mode bits: only that the file is there.)
	if st, err := os.Stat(filepath.Join(data, IdentityFile)); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Fatalf("identity not saved: %v", err)
	}

	for name, broken := range map[string]string{
		"syntax":      "kiosk_id = \"nanming-07\n[sync",
		"unknown key": good + "[visitor]\nidle_timout = \"2m\"\n",
		"bad value":   good + "[quiz]\nround_size = 99\n",
		"missing":     "",
	} {
		t.Run(name, func(t *testing.T) {
			path, override := cfgPath, data
			if name == "missing" {
				path = filepath.Join(dir, "no-such.toml")
			} else {
				write(broken)
			}
			if name == "unknown key" {
				override = "" // data_dir comes from the file even though it fails validation
			}
			c, warns, err := LoadForKiosk(path, override)
			if err == nil {
				t.Fatal("a broken file must be reported")
			}
			if c.KioskID != "nanming-07" || c.Sync.HubURL != "https://hub.example.org" || c.Sync.Token != "t0ken-0123456789" {
				t.Fatalf("identity lost: %+v", c)
			}
			if c.DataDir != data || c.Validate() != nil {
				t.Fatalf("config %+v: %v", c, c.Validate())
			}
			if len(warns) != 1 || !strings.Contains(warns[0], "沿用上次的编号“nanming-07”") {
				t.Fatalf("warnings %q", warns)
			}
		})
	}

	// Staff change the id on purpose: a clean cut, reported once.
	write(strings.Replace(good, "nanming-07", "nanming-08", 1))
	c, warns, err = LoadForKiosk(cfgPath, "")
	if err != nil || c.KioskID != "nanming-08" || len(warns) != 1 || !strings.Contains(warns[0], "由“nanming-07”改为“nanming-08”") {
		t.Fatalf("id change: %+v %q %v", c, warns, err)
	}
	if _, warns, _ = LoadForKiosk(cfgPath, ""); len(warns) != 0 {
		t.Fatalf("the change must be reported once: %q", warns)
	}
	// A good file that does not set kiosk_id keeps the saved one, not "kiosk-01".
	write("data_dir = \"" + data + "\"\n")
	if c, _, err = LoadForKiosk(cfgPath, ""); err != nil || c.KioskID != "nanming-08" {
		t.Fatalf("file without kiosk_id: %+v %v", c, err)
	}
}

func TestBrokenConfigOnFirstStartHasNoIdentity(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kiosk.toml")
	os.WriteFile(path, []byte("kiosk_id = "), 0o644)
	c, warns, err := LoadForKiosk(path, filepath.Join(dir, "data"))
	if err == nil || c.KioskID != "" || c.Sync.HubURL != "" || len(warns) != 1 {
		t.Fatalf("%+v %q %v", c, warns, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", IdentityFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("no identity may be saved from a broken file")
	}
}
