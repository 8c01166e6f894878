package pack

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type fixture struct {
	t     *testing.T
	base  string
	store *Store
	pub   ed25519.PublicKey
	key   ed25519.PrivateKey
}

func newFixture(t *testing.T) *fixture {
	pub, key := testKey(t, 1)
	base := t.TempDir()
	s, err := OpenStore(filepath.Join(base, "store"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, base: base, store: s, pub: pub, key: key}
}

func (f *fixture) opts() InstallOptions {
	return InstallOptions{Trust: []ed25519.PublicKey{f.pub}, KioskID: "kiosk-01", AppVersion: "dev", Check: checkMeta}
}

func (f *fixture) install(v int64) Installed {
	f.t.Helper()
	p := craft(f.t, f.base, "p.jkpack", spec{version: v, key: f.key})
	in, err := f.store.Install(context.Background(), p, f.opts())
	if err != nil {
		f.t.Fatalf("install v%d: %v", v, err)
	}
	return in
}

func (f *fixture) current() int64 {
	in, ok := f.store.Current()
	if !ok {
		return 0
	}
	assertIntact(f.t, in)
	return in.Manifest.Version
}

func TestInstallKeepsPreviousAndPrunes(t *testing.T) {
	f := newFixture(t)
	if _, ok := f.store.Current(); ok {
		t.Fatal("an empty store has no current pack")
	}
	var last int64
	opts := f.opts()
	opts.Progress = func(done, total int64) { last = done; _ = total }
	in, err := f.store.Install(context.Background(), craft(t, f.base, "p.jkpack", spec{version: 1, key: f.key}), opts)
	if err != nil || last != in.Manifest.TotalSize {
		t.Fatalf("install: %v, progress ended at %d of %d", err, last, in.Manifest.TotalSize)
	}
	data, _ := os.ReadFile(filepath.Join(in.Dir, "content/meta.yaml"))
	if !strings.Contains(string(data), "version: 1") {
		t.Fatalf("installed content: %q", data)
	}
	v2 := f.install(2)
	if f.current() != 2 {
		t.Fatal("v2 is not current")
	}
	if p, ok := f.store.Previous(); !ok || p.Manifest.Version != 1 {
		t.Fatal("v1 is not kept as previous")
	}
	f.install(3)
	if p, _ := f.store.Previous(); p.Name != v2.Name {
		t.Fatal("previous is not v2")
	}
	if _, err := os.Stat(filepath.Dir(in.Dir)); !os.IsNotExist(err) {
		t.Fatal("v1 was not pruned")
	}
	// Reopening sees the same state.
	s2, err := OpenStore(f.store.Dir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := s2.Current(); c.Manifest.Version != 3 {
		t.Fatal("reopened store lost v3")
	}
}

func TestRollback(t *testing.T) {
	f := newFixture(t)
	if _, err := f.store.Rollback(); CodeOf(err) != CodeNoPrevious {
		t.Fatalf("rollback of an empty store: %v", err)
	}
	f.install(1)
	f.install(2)
	in, err := f.store.Rollback()
	if err != nil || in.Manifest.Version != 1 || f.current() != 1 {
		t.Fatalf("rollback: %v %+v", err, in)
	}
	if _, err := f.store.Rollback(); CodeOf(err) != CodeNoPrevious || !strings.Contains(Message(err), "没有可恢复的上一版本") {
		t.Fatalf("second rollback: %v", err)
	}
	// v2 can be installed again after a rollback (it is newer than v1 again).
	f.install(2)
	if f.current() != 2 {
		t.Fatal("reinstall after rollback")
	}
}

func TestBootCrashRollback(t *testing.T) {
	f := newFixture(t)
	f.install(1)
	f.install(2)
	// A start that reaches the first frame resets the count.
	for i := 0; i < 3; i++ {
		if n, err := f.store.BootStarting(); n != "" || err != nil {
			t.Fatalf("start %d: %q %v", i, n, err)
		}
		if err := f.store.BootOK(); err != nil {
			t.Fatal(err)
		}
	}
	// Two starts that crash before the first frame, then the third rolls back.
	for i := 0; i < CrashLimit; i++ {
		if n, _ := f.store.BootStarting(); n != "" || f.current() != 2 {
			t.Fatalf("crash %d rolled back too early", i)
		}
	}
	notice, err := f.store.BootStarting()
	if err != nil || f.current() != 1 || !strings.Contains(notice, "已自动恢复为上一版本") || !strings.Contains(notice, "版本 2") {
		t.Fatalf("after %d crashes: %q %v, current v%d", CrashLimit, notice, err, f.current())
	}
	if n, at := f.store.LastNotice(); n != notice || time.Since(at) > time.Minute {
		t.Fatal("notice not kept for the staff panel")
	}
	f.store.BootOK()
	// v1 crashing too falls back to the bundled content.
	f.store.BootStarting()
	f.store.BootStarting()
	notice, _ = f.store.BootStarting()
	if _, ok := f.store.Current(); ok || !strings.Contains(notice, "内置内容") {
		t.Fatalf("no fallback to bundled content: %q", notice)
	}
}

func TestOpenCleansLeftovers(t *testing.T) {
	f := newFixture(t)
	in := f.install(1)
	for _, d := range []string{"stage-123/root/content", "v7-deadbeef/root"} {
		os.MkdirAll(filepath.Join(f.store.Dir(), d), 0o755)
	}
	if _, err := OpenStore(f.store.Dir(), nil); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(f.store.Dir())
	for _, e := range entries {
		if e.IsDir() && e.Name() != in.Name {
			t.Fatalf("leftover %s not removed", e.Name())
		}
	}
	if f.current() != 1 {
		t.Fatal("current lost")
	}
}

func TestBusy(t *testing.T) {
	f := newFixture(t)
	unlock, err := lockFile(filepath.Join(f.store.Dir(), lockName))
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, err = f.store.Install(context.Background(), craft(t, f.base, "p.jkpack", spec{key: f.key}), f.opts())
	if CodeOf(err) != CodeBusy {
		t.Fatalf("got %v", err)
	}
}

func TestCancel(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := f.store.Install(ctx, craft(t, f.base, "p.jkpack", spec{key: f.key}), f.opts())
	if err == nil || !strings.Contains(Message(err), "安装已取消") {
		t.Fatalf("got %v", err)
	}
}

func TestScanVerifyInfo(t *testing.T) {
	f := newFixture(t)
	_, stranger := testKey(t, 9)
	stick := t.TempDir()
	craft(t, stick, "good.jkpack", spec{version: 3, key: f.key})
	craft(t, stick, "stranger.jkpack", spec{version: 2, key: stranger})
	craft(t, stick, "tampered.jkpack", spec{key: f.key, tamper: func(b []byte) []byte { return append(b, ' ') }})
	os.WriteFile(filepath.Join(stick, "broken.jkpack"), []byte("nope"), 0o644)
	os.WriteFile(filepath.Join(stick, "notes.txt"), []byte("x"), 0o644)
	found := Scan(stick, []ed25519.PublicKey{f.pub}, Limits{})
	want := map[string]State{"good.jkpack": StateValid, "stranger.jkpack": StateUnknownKey,
		"tampered.jkpack": StateBad, "broken.jkpack": StateUnreadable}
	if len(found) != len(want) {
		t.Fatalf("found %d packs", len(found))
	}
	for _, fd := range found {
		name := filepath.Base(fd.Path)
		if fd.State != want[name] || (fd.State == StateValid) != (fd.Reason == "") {
			t.Errorf("%s: state %s, reason %q", name, fd.State, fd.Reason)
		}
		if name != "broken.jkpack" && fd.Manifest.Title.Zh != "南明内容" {
			t.Errorf("%s: no title for display", name)
		}
	}
	if filepath.Base(found[0].Path) != "good.jkpack" {
		t.Error("newest version is not listed first")
	}
	if m, err := Verify(filepath.Join(stick, "good.jkpack"), []ed25519.PublicKey{f.pub}, Limits{}); err != nil || m.Version != 3 {
		t.Fatalf("verify: %v", err)
	}
	if m, signed, err := Info(filepath.Join(stick, "stranger.jkpack")); err != nil || !signed || m.Version != 2 {
		t.Fatalf("info: %v", err)
	}
}

func TestWriteReportNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	r := Report{KioskID: "kiosk/01", Time: time.Date(2026, 6, 26, 10, 0, 0, 0, time.UTC),
		PackFile: "a.jkpack", PackID: "nanming", Version: 3, Result: "rejected", Message: "签名校验失败"}
	p1, err := WriteReport(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := WriteReport(dir, r)
	if err != nil || p1 == p2 {
		t.Fatalf("second report: %s %v", p2, err)
	}
	var back Report
	data, _ := os.ReadFile(p1)
	if err := json.Unmarshal(data, &back); err != nil || back.Message != r.Message || !strings.Contains(p1, "kiosk_01") {
		t.Fatalf("report %s: %v %+v", p1, err, back)
	}
}

func TestBuildAndSign(t *testing.T) {
	f := newFixture(t)
	root := t.TempDir()
	for _, m := range sampleFiles(4, 4) {
		p := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(m.name, RootPrefix)))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, m.data, 0o644)
	}
	os.WriteFile(filepath.Join(root, ".DS_Store"), []byte("x"), 0o644)
	out := filepath.Join(f.base, "built.jkpack")
	if _, err := Build(root, out, BuildOptions{ID: "nanming", Title: Text{"南明", "Nanming"}, Version: 4, Target: Target{All: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Install(context.Background(), out, f.opts()); CodeOf(err) != CodeUnsigned {
		t.Fatalf("unsigned build installed: %v", err)
	}
	if _, err := Sign(out, f.key); err != nil {
		t.Fatal(err)
	}
	in, err := f.store.Install(context.Background(), out, f.opts())
	if err != nil || in.Manifest.FileCount != 4 || in.Manifest.KeyID != KeyID(f.pub) {
		t.Fatalf("signed build: %v %+v", err, in.Manifest)
	}
	assertIntact(t, in)
	os.Symlink("/etc/passwd", filepath.Join(root, "link"))
	if _, err := Build(root, out, BuildOptions{ID: "x", Title: Text{"a", "b"}, Version: 5, Target: Target{All: true}}); err == nil {
		t.Fatal("a symlink in the root must fail the build")
	}
}
