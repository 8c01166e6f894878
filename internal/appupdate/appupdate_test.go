package appupdate

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/demo"
	"github.com/jindu-edu/kiosk/internal/pack"
)

// kit is a kiosk's app store, the office's signing key and a stick of app packs whose
// "programs" are tiny shell scripts answering --version.
type kit struct {
	t     *testing.T
	store *pack.Store
	dir   string
	pub   ed25519.PublicKey
	key   ed25519.PrivateKey
	stick string
}

func newKit(t *testing.T) *kit {
	if runtime.GOOS == "windows" {
		t.Skip("the fake programs are shell scripts")
	}
	dir := t.TempDir()
	store, err := pack.OpenStore(filepath.Join(dir, "data", Dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, ed25519.SeedSize))
	k := &kit{t: t, store: store, dir: dir, pub: priv.Public().(ed25519.PublicKey), key: priv, stick: filepath.Join(dir, "stick")}
	os.Mkdir(k.stick, 0o755)
	return k
}

// pack builds an app pack of version v whose kiosk prints says (v when "") to --version.
func (k *kit) pack(v, says string, key ed25519.PrivateKey) string {
	k.t.Helper()
	if says == "" {
		says = v
	}
	prog := filepath.Join(k.dir, "kiosk-"+v)
	os.WriteFile(prog, []byte("#!/bin/sh\necho "+says+"\n"), 0o755)
	out := filepath.Join(k.stick, "kiosk-"+v+pack.Ext)
	_, err := pack.BuildApp(prog, "", out, pack.App{Version: v, OS: runtime.GOOS, Arch: runtime.GOARCH},
		pack.BuildOptions{ID: "jindu-kiosk", Title: pack.Text{Zh: "禁毒展项程序", En: "Kiosk program"},
			Target: pack.Target{All: true}, Key: key})
	if err != nil {
		k.t.Fatal(err)
	}
	return out
}

func (k *kit) install(path, running string) (pack.Installed, error) {
	return Install(context.Background(), k.store, path, pack.InstallOptions{
		Trust: []ed25519.PublicKey{k.pub}, KioskID: "kiosk-01", AppVersion: running})
}

func (k *kit) mustInstall(v string) pack.Installed {
	k.t.Helper()
	in, err := k.install(k.pack(v, "", k.key), "1.4.0")
	if err != nil {
		k.t.Fatalf("install %s: %v", v, err)
	}
	return in
}

// starts is a fake exec: it records each program started and fails those in fail.
type starts struct {
	paths, installs []string
	rolled          []bool   // EnvRolledBack was set
	demos           []string // demo.Env's values
	fail            map[string]error
}

func (s *starts) exec(path string, argv, env []string) error {
	s.paths = append(s.paths, path)
	rolled := false
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, EnvInstall+"="); ok {
			s.installs = append(s.installs, v)
		}
		rolled = rolled || e == EnvRolledBack+"=1"
		if v, ok := strings.CutPrefix(e, demo.Env+"="); ok {
			s.demos = append(s.demos, v)
		}
	}
	s.rolled = append(s.rolled, rolled)
	if argv[0] != path {
		return fmt.Errorf("argv[0] %q", argv[0])
	}
	return s.fail[path]
}

// last is the install the last start ran with ("" for the packaged program).
func (s *starts) last() string { return s.installs[len(s.installs)-1] }

func (k *kit) launcher(packaged string, s *starts) *Launcher {
	return &Launcher{Store: k.store, Packaged: Program{Path: "/usr/bin/kiosk", Version: packaged},
		Env: []string{"LANG=zh_CN.UTF-8", EnvInstall + "=stale"}, Exec: s.exec,
		Demo: "/usr/share/jindu-kiosk/demo"}
}

func (k *kit) current() string {
	cur, ok := k.store.Current()
	if !ok {
		return ""
	}
	return cur.Manifest.App.Version
}

func TestChoose(t *testing.T) {
	cur := pack.Installed{Name: "v1006000-ab", Dir: "/data/app/v1006000-ab/root",
		Manifest: pack.Manifest{Kind: pack.KindApp, Version: 1006000, App: &pack.App{Version: "1.6.0"}}}
	sys := func(v string) Program { return Program{Path: "/usr/bin/kiosk", Version: v} }
	cases := []struct {
		name     string
		packaged string
		ok       bool
		want     string // install chosen; "" the packaged program
	}{
		{"nothing installed", "1.4.0", false, ""},
		{"update newer than the system's", "1.4.0", true, "v1006000-ab"},
		{"same version: the system's", "1.6.0", true, ""},
		{"newer .deb since", "1.7.0", true, ""},
		{"development build of the system's", "f92a6dd", true, "v1006000-ab"},
	}
	for _, c := range cases {
		got := Choose(sys(c.packaged), cur, c.ok)
		if got.Install != c.want {
			t.Errorf("%s: chose %+v", c.name, got)
		}
		if c.want != "" && (got.Path != filepath.Join(cur.Dir, "bin", "kiosk") || got.Version != "1.6.0") {
			t.Errorf("%s: program %+v", c.name, got)
		}
	}
}

func TestInstallRefusesAndSwitchesAtomically(t *testing.T) {
	k := newKit(t)
	_, stranger, _ := ed25519.GenerateKey(nil)
	refusals := []struct {
		name, path, running string
		want                pack.Code
	}{
		{"wrong signature", k.pack("1.5.0", "", stranger), "1.4.0", pack.CodeUnknownKey},
		{"not above the running program", k.pack("1.4.0", "", k.key), "1.4.0", pack.CodeNotNewer},
		{"program names another version", k.pack("1.5.1", "1.4.0", k.key), "1.4.0", pack.CodeProgram},
		{"program does not run", k.pack("1.5.2", "1.5.2; exit 3", k.key), "1.4.0", pack.CodeProgram},
	}
	for _, c := range refusals {
		if _, err := k.install(c.path, c.running); pack.CodeOf(err) != c.want {
			t.Errorf("%s: %v, want code %d", c.name, err, c.want)
		} else if msg := pack.Message(err); msg == "" {
			t.Errorf("%s: no message for staff", c.name)
		}
	}
	if _, ok := k.store.Current(); ok {
		t.Fatal("a refused pack was installed")
	}
	k.mustInstall("1.5.0")
	in := k.mustInstall("1.6.0")
	// The switch: state.json names the new install, the previous one is kept whole, and
	// nothing else (no staging directory of the refused installs) is left.
	if prev, ok := k.store.Previous(); !ok || prev.Manifest.App.Version != "1.5.0" {
		t.Fatal("previous version not kept")
	}
	entries, _ := os.ReadDir(k.store.Dir())
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) != 2 {
		t.Fatalf("store holds %v, want the current and previous installs only", dirs)
	}
	out, err := os.ReadFile(filepath.Join(in.Dir, "bin", "kiosk"))
	if err != nil || !strings.Contains(string(out), "1.6.0") {
		t.Fatalf("installed program: %q %v", out, err)
	}
	// Versions only go up: 1.5.0 again is refused while 1.6.0 is installed.
	if _, err := k.install(filepath.Join(k.stick, "kiosk-1.5.0.jkpack"), "1.4.0"); pack.CodeOf(err) != pack.CodeNotNewer {
		t.Fatalf("older than the installed update: %v", err)
	}
}

func TestLauncherTrialFailureRollsBack(t *testing.T) {
	k := newKit(t)
	k.mustInstall("1.5.0")
	s := &starts{}
	if err := k.launcher("1.4.0", s).Run(nil); err != nil {
		t.Fatal(err)
	}
	first := s.last()
	if err := Confirm(k.store, first); err != nil { // 1.5.0 reached its first frame
		t.Fatal(err)
	}
	k.mustInstall("1.6.0")
	// 1.6.0 starts twice and never reaches its first frame (no Confirm) …
	for i := range pack.CrashLimit {
		if err := k.launcher("1.4.0", s).Run([]string{"--windowed"}); err != nil {
			t.Fatal(err)
		}
		if k.current() != "1.6.0" || !strings.Contains(s.paths[len(s.paths)-1], "v1006000") {
			t.Fatalf("start %d: ran %s, current %s", i+1, s.paths[len(s.paths)-1], k.current())
		}
	}
	// … so the third start returns to 1.5.0 and says so.
	if err := k.launcher("1.4.0", s).Run(nil); err != nil {
		t.Fatal(err)
	}
	if k.current() != "1.5.0" || s.last() != first {
		t.Fatalf("after %d failed starts: current %s, ran %s", pack.CrashLimit, k.current(), s.last())
	}
	if !s.rolled[len(s.rolled)-1] || s.rolled[len(s.rolled)-2] {
		t.Fatalf("%s told the kiosk only after the rollback: %v", EnvRolledBack, s.rolled)
	}
	notice, _ := k.store.LastNotice()
	for _, want := range []string{"版本 1.6.0", "连续 2 次启动未能显示画面", "已自动恢复为上一版本 1.5.0", "不要再安装这个更新包"} {
		if !strings.Contains(notice, want) {
			t.Errorf("notice %q lacks %q", notice, want)
		}
	}
	if lines := strings.Join(Status(k.store, Program{Version: "1.5.0", Install: first}), "\n"); !strings.Contains(lines, "程序自动回退") {
		t.Errorf("status does not show the rollback:\n%s", lines)
	}
	// 1.5.0 now works and stays.
	Confirm(k.store, s.last())
	for range 3 {
		k.launcher("1.4.0", s).Run(nil)
		Confirm(k.store, s.last())
	}
	if k.current() != "1.5.0" || s.last() != first {
		t.Fatalf("1.5.0 did not stay: %s", k.current())
	}
}

func TestLauncherSuccessKeepsPrevious(t *testing.T) {
	k := newKit(t)
	k.mustInstall("1.5.0")
	k.mustInstall("1.6.0")
	s := &starts{}
	for range 5 { // every start reaches its first frame
		if err := k.launcher("1.4.0", s).Run(nil); err != nil {
			t.Fatal(err)
		}
		if err := Confirm(k.store, s.last()); err != nil {
			t.Fatal(err)
		}
	}
	if k.current() != "1.6.0" {
		t.Fatalf("confirmed update rolled back: %s", k.current())
	}
	if prev, ok := k.store.Previous(); !ok || prev.Manifest.App.Version != "1.5.0" {
		t.Fatal("the previous version is not kept as a fallback")
	}
	if n, _ := k.store.LastNotice(); n != "" {
		t.Fatalf("notice without a rollback: %q", n)
	}
	// Every program, the update's too, is told where the system's demo content is.
	if len(s.demos) != len(s.paths) || s.demos[0] != "/usr/share/jindu-kiosk/demo" {
		t.Fatalf("demo directory not passed on to every start: %q for %d starts", s.demos, len(s.paths))
	}
	// The stale EnvInstall of the launcher's own environment is replaced, never doubled.
	for _, v := range s.installs {
		if v == "stale" {
			t.Fatal("stale EnvInstall passed on")
		}
	}
	// Once it has shown its first frame the update is off trial: later crashes before a
	// frame (a bad content pack, a driver) do not roll the program back.
	for range 2 * pack.CrashLimit {
		k.launcher("1.4.0", s).Run(nil)
	}
	if k.current() != "1.6.0" {
		t.Fatalf("a confirmed update was rolled back for later crashes: %s", k.current())
	}
}

func TestConfirmNeedsTheLaunchedInstall(t *testing.T) {
	k := newKit(t)
	k.mustInstall("1.5.0")
	s := &starts{}
	// A kiosk started by hand (no EnvInstall) confirms nothing: its frames say nothing
	// about the update on trial.
	for range pack.CrashLimit {
		k.launcher("1.4.0", s).Run(nil)
		Confirm(k.store, "")
		Confirm(k.store, "v1005000-other")
	}
	k.launcher("1.4.0", s).Run(nil)
	if k.current() != "" || s.last() != "" {
		t.Fatalf("unconfirmed starts did not roll back: current %q, ran %q", k.current(), s.last())
	}
}

func TestLauncherExecFailureFallsBackAtOnce(t *testing.T) {
	k := newKit(t)
	k.mustInstall("1.5.0")
	in := k.mustInstall("1.6.0")
	prev, _ := k.store.Previous()
	broken := errors.New("exec format error")
	s := &starts{fail: map[string]error{ProgramIn(in.Dir): broken, ProgramIn(prev.Dir): broken}}
	if err := k.launcher("1.4.0", s).Run(nil); err != nil {
		t.Fatal(err)
	}
	if len(s.paths) != 3 || s.paths[2] != "/usr/bin/kiosk" || s.last() != "" {
		t.Fatalf("starts %v with installs %q: want 1.6.0, 1.5.0, then the system's", s.paths, s.installs)
	}
	if _, ok := k.store.Current(); ok {
		t.Fatal("unrunnable updates still installed")
	}
	notice, _ := k.store.LastNotice()
	if !strings.Contains(notice, "无法运行") || !strings.Contains(notice, "随系统安装的版本") {
		t.Fatalf("notice %q", notice)
	}
	// When even the system's program fails, Run says so.
	s = &starts{fail: map[string]error{"/usr/bin/kiosk": broken}}
	if err := k.launcher("1.4.0", s).Run(nil); !errors.Is(err, broken) {
		t.Fatalf("packaged failure: %v", err)
	}
}

func TestLauncherPrefersNewerSystemProgram(t *testing.T) {
	k := newKit(t)
	k.mustInstall("1.5.0")
	s := &starts{}
	for range 4 { // never confirmed: the update is not on trial, so it is never counted
		if err := k.launcher("1.7.0", s).Run(nil); err != nil {
			t.Fatal(err)
		}
	}
	if s.last() != "" || s.paths[0] != "/usr/bin/kiosk" || k.current() != "1.5.0" {
		t.Fatalf("ran %v, current %s", s.paths, k.current())
	}
	// No store (unreadable config): the system's program.
	l := k.launcher("1.4.0", s)
	l.Store = nil
	if err := l.Run(nil); err != nil || s.last() != "" {
		t.Fatal("without a store the system's program must start")
	}
}

func TestStatusAndWithdraw(t *testing.T) {
	k := newKit(t)
	k.mustInstall("1.5.0")
	lines := strings.Join(Status(k.store, Program{Version: "1.4.0"}), "\n")
	for _, want := range []string{"程序版本：1.4.0（随系统安装）", "已安装程序更新 1.5.0：下次启动展项时启用"} {
		if !strings.Contains(lines, want) {
			t.Errorf("status lacks %q:\n%s", want, lines)
		}
	}
	k.mustInstall("1.6.0")
	cur, _ := k.store.Current()
	lines = strings.Join(Status(k.store, Program{Version: "1.6.0", Install: cur.Name}), "\n")
	if !strings.Contains(lines, "程序更新包安装") || !strings.Contains(lines, "上一程序版本 1.5.0 已保留") || strings.Contains(lines, "下次启动") {
		t.Errorf("status while running the update:\n%s", lines)
	}
	m, msg, err := Withdraw(k.store)
	if err != nil || m.App.Version != "1.5.0" || !strings.Contains(msg, "已恢复为上一程序版本 1.5.0") {
		t.Fatalf("withdraw: %v %q", err, msg)
	}
	if _, msg, err = Withdraw(k.store); err != nil || !strings.Contains(msg, "随系统安装的版本") {
		t.Fatalf("withdraw the last update: %v %q", err, msg)
	}
	if _, msg, err = Withdraw(k.store); err == nil || msg == "" {
		t.Fatal("withdraw with nothing installed must say so")
	}
}
