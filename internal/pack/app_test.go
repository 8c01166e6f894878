package pack

import (
	"context"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// appFixture is a store of program updates with a signing key and two fake programs.
type appFixture struct {
	*fixture
	kiosk, ctl string
}

func newAppFixture(t *testing.T) *appFixture {
	f := newFixture(t)
	a := &appFixture{fixture: f, kiosk: filepath.Join(f.base, "kiosk"), ctl: filepath.Join(f.base, "kioskctl")}
	os.WriteFile(a.kiosk, []byte("#!/bin/sh\necho 1.5.0\n"), 0o755)
	os.WriteFile(a.ctl, []byte("#!/bin/sh\necho ctl\n"), 0o755)
	return a
}

func (a *appFixture) appOpts() InstallOptions {
	return InstallOptions{Trust: []ed25519.PublicKey{a.pub}, KioskID: "kiosk-01", AppVersion: "1.4.0",
		Kind: KindApp, OS: "linux", Arch: "amd64"}
}

// build makes a signed app pack of version v for linux/amd64 (edit may change the options).
func (a *appFixture) build(v string, edit func(*App, *BuildOptions)) string {
	a.t.Helper()
	app := App{Version: v, OS: "linux", Arch: "amd64"}
	o := BuildOptions{ID: "jindu-kiosk", Title: Text{"禁毒展项程序", "Kiosk program"}, Target: Target{All: true}, Key: a.key}
	if edit != nil {
		edit(&app, &o)
	}
	out := filepath.Join(a.base, "app-"+v+".jkpack")
	if _, err := BuildApp(a.kiosk, a.ctl, out, app, o); err != nil {
		a.t.Fatalf("build app %s: %v", v, err)
	}
	return out
}

func TestAppSerial(t *testing.T) {
	for in, want := range map[string]int64{"1.5.0": 1005000, "v1.5": 1005000, "0.1.0-5-gabc": 1000, "12.0.3": 12000003} {
		if got, ok := AppSerial(in); !ok || got != want {
			t.Errorf("AppSerial(%q) = %d %v, want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"dev", "f92a6dd", "1.1000.0", ""} {
		if _, ok := AppSerial(in); ok {
			t.Errorf("AppSerial(%q) accepted", in)
		}
	}
}

func TestAppPackInstallsExecutablePrograms(t *testing.T) {
	a := newAppFixture(t)
	in, err := a.store.Install(context.Background(), a.build("1.5.0", nil), a.appOpts())
	if err != nil {
		t.Fatal(err)
	}
	if !in.Manifest.IsApp() || in.Manifest.Version != 1005000 || in.Manifest.App.Version != "1.5.0" || in.Manifest.FileCount != 2 {
		t.Fatalf("manifest %+v", in.Manifest)
	}
	assertIntact(t, in)
	for _, p := range []string{AppKiosk, AppKioskctl} {
		st, err := os.Stat(filepath.Join(in.Dir, p))
		if err != nil || st.Mode().Perm()&0o100 == 0 {
			t.Fatalf("%s not executable: %v %v", p, st.Mode(), err)
		}
	}
	// The pack's label names the program version, not the serial.
	if l := in.Manifest.Label(); !strings.Contains(l, "1.5.0") || strings.Contains(l, "1005000") {
		t.Fatalf("label %q", l)
	}
}

func TestAppPackRefusals(t *testing.T) {
	a := newAppFixture(t)
	good := a.build("1.5.0", nil)
	other := a.opts()
	_, stranger := testKey(t, 9)
	cases := []struct {
		name string
		path string
		opts func(InstallOptions) InstallOptions
		want Code
	}{
		{"content store", good, func(InstallOptions) InstallOptions { return other }, CodeKind},
		{"content pack in the app store", craft(t, a.base, "c.jkpack", spec{version: 9, key: a.key}), nil, CodeKind},
		{"unknown key", a.build("1.6.0", func(_ *App, o *BuildOptions) { o.Key = stranger }), nil, CodeUnknownKey},
		{"other arch", good, func(o InstallOptions) InstallOptions { o.Arch = "arm64"; return o }, CodePlatform},
		{"other os", good, func(o InstallOptions) InstallOptions { o.OS = "windows"; return o }, CodePlatform},
		{"older than running", good, func(o InstallOptions) InstallOptions { o.CurrentVersion = 1005000; return o }, CodeNotNewer},
		{"too new a kiosk", a.build("1.7.0", func(_ *App, o *BuildOptions) { o.MaxAppVersion = "1.3" }), nil, CodeAppTooNew},
		{"too old a kiosk", a.build("1.8.0", func(_ *App, o *BuildOptions) { o.MinAppVersion = "1.4.1" }), nil, CodeAppTooOld},
	}
	for _, c := range cases {
		o := a.appOpts()
		if c.opts != nil {
			o = c.opts(o)
		}
		if _, err := a.store.Install(context.Background(), c.path, o); CodeOf(err) != c.want {
			t.Errorf("%s: %v, want code %d", c.name, err, c.want)
		}
	}
	if _, ok := a.store.Current(); ok {
		t.Fatal("a refused pack was installed")
	}
	// Versions only go up: after 1.5.0, 1.5.0 again and 1.4.9 are refused.
	if _, err := a.store.Install(context.Background(), good, a.appOpts()); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"1.5.0", "1.4.9"} {
		if _, err := a.store.Install(context.Background(), a.build(v, nil), a.appOpts()); CodeOf(err) != CodeNotNewer {
			t.Errorf("%s after 1.5.0: %v", v, err)
		}
	}
}

func TestAppManifestValidation(t *testing.T) {
	bad := map[string]func(*Manifest){
		"serial differs":    func(m *Manifest) { m.Version = 7 },
		"suffix":            func(m *Manifest) { m.App.Version = "1.5.0-rc1" },
		"no app":            func(m *Manifest) { m.App = nil },
		"app on content":    func(m *Manifest) { m.Kind = KindContent },
		"unknown kind":      func(m *Manifest) { m.Kind = "firmware" },
		"bad arch":          func(m *Manifest) { m.App.Arch = "x86/64" },
		"no kiosk program":  func(m *Manifest) { m.Files[0].Path = "bin/other" },
		"bad max_app_value": func(m *Manifest) { m.MaxAppVersion = "latest" },
	}
	for name, edit := range bad {
		m := Manifest{Format: Format, Kind: KindApp, ID: "k", Title: Text{"a", "b"}, Version: 1005000,
			Created: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Target: Target{All: true}, App: &App{Version: "1.5.0", OS: "linux", Arch: "amd64"},
			Files: []File{{Path: AppKiosk, Size: 1, SHA256: strings.Repeat("a", 64)}}, FileCount: 1, TotalSize: 1}
		if err := m.Validate(); err != nil {
			t.Fatalf("the base manifest is invalid: %v", err)
		}
		edit(&m)
		if err := m.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestAppWithdrawAndFailCurrent(t *testing.T) {
	a := newAppFixture(t)
	for _, v := range []string{"1.5.0", "1.6.0"} {
		if _, err := a.store.Install(context.Background(), a.build(v, nil), a.appOpts()); err != nil {
			t.Fatal(err)
		}
	}
	// A program that cannot run at all is withdrawn at once, with words for staff.
	notice, err := a.store.FailCurrent("无法运行（exec format error）")
	if err != nil || !strings.Contains(notice, "程序“禁毒展项程序”（版本 1.6.0）无法运行") || !strings.Contains(notice, "上一版本 1.5.0") {
		t.Fatalf("fail current: %q %v", notice, err)
	}
	if cur, ok := a.store.Current(); !ok || cur.Manifest.App.Version != "1.5.0" {
		t.Fatal("not back on 1.5.0")
	}
	// Staff withdraw the last update: nothing installed, the system's program runs.
	if _, err := a.store.Rollback(); CodeOf(err) != CodeNoPrevious {
		t.Fatalf("rollback without a previous version: %v", err)
	}
	if _, ok, err := a.store.Withdraw(); ok || err != nil {
		t.Fatalf("withdraw: %v %v", ok, err)
	}
	if _, ok := a.store.Current(); ok {
		t.Fatal("still installed after withdraw")
	}
	if _, _, err := a.store.Withdraw(); CodeOf(err) != CodeNoPrevious {
		t.Fatalf("withdraw from nothing: %v", err)
	}
}

// TestTrialStartingEndsAtTheFirstFrame: an install is on trial until its first BootOK;
// then its starts are no longer counted, while BootStarting (content packs) keeps counting.
func TestTrialStartingEndsAtTheFirstFrame(t *testing.T) {
	a := newAppFixture(t)
	for _, v := range []string{"1.5.0", "1.6.0"} {
		if _, err := a.store.Install(context.Background(), a.build(v, nil), a.appOpts()); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := a.store.TrialStarting(); n != "" || err != nil {
		t.Fatalf("first start: %q %v", n, err)
	}
	if err := a.store.BootOK(); err != nil {
		t.Fatal(err)
	}
	for i := range 3 * CrashLimit {
		if n, _ := a.store.TrialStarting(); n != "" {
			t.Fatalf("start %d after the first frame rolled back: %q", i, n)
		}
	}
	if cur, _ := a.store.Current(); cur.Manifest.App.Version != "1.6.0" {
		t.Fatal("rolled back")
	}
	// BootStarting has no trial: the same starts count.
	for range CrashLimit {
		a.store.BootStarting()
	}
	if n, _ := a.store.BootStarting(); !strings.Contains(n, "上一版本 1.5.0") {
		t.Fatalf("BootStarting did not count: %q", n)
	}
}
