package pack

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRejections installs one crafted pack per refusal over an installed v1 and checks the
// code, that the message names the file and says why in Chinese, that v1 stays current and
// intact, and that nothing is left in the store or written outside it.
func TestRejections(t *testing.T) {
	pub, key := testKey(t, 1)
	_, stranger := testKey(t, 2)
	zeros := bytes.Repeat([]byte{0}, 8<<20)
	withFiles := func(extra ...member) []member { return append(sampleFiles(2, 2), extra...) }
	cases := []struct {
		name string
		s    spec
		opts func(*InstallOptions)
		code Code
		file string // must appear in the message
	}{
		{"absolute path", spec{extra: []member{{name: "/etc/passwd", data: []byte("x")}}}, nil, CodeBadPath, "/etc/passwd"},
		{"dot-dot", spec{extra: []member{{name: "root/../../evil.txt", data: []byte("x")}}}, nil, CodeBadPath, "evil.txt"},
		{"backslash", spec{extra: []member{{name: `root\..\evil.txt`, data: []byte("x")}}}, nil, CodeBadPath, "evil.txt"},
		{"symlink", spec{files: withFiles(member{name: "root/media/link", data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777})}, nil, CodeNotRegular, "root/media/link"},
		{"device", spec{files: withFiles(member{name: "root/media/dev", mode: fs.ModeDevice | 0o644})}, nil, CodeNotRegular, "root/media/dev"},
		{"fifo", spec{files: withFiles(member{name: "root/media/fifo", mode: fs.ModeNamedPipe | 0o644})}, nil, CodeNotRegular, "root/media/fifo"},
		{"duplicate", spec{extra: []member{{name: "root/content/meta.yaml", data: []byte("x")}}}, nil, CodeDuplicate, "root/content/meta.yaml"},
		{"case collision", spec{extra: []member{{name: "root/Content/meta.yaml", data: []byte("x")}}}, nil, CodeDuplicate, "root/Content/meta.yaml"},
		{"unicode collision", spec{files: withFiles(member{name: "root/media/caf\u00e9.txt", data: []byte("a")}, member{name: "root/media/cafe\u0301.txt", data: []byte("b")})}, nil, CodeDuplicate, "caf"},
		{"file and dir", spec{files: withFiles(member{name: "root/media", data: []byte("a")})}, nil, CodeDuplicate, "media"},
		{"not in manifest", spec{extra: []member{{name: "root/media/extra.txt", data: []byte("x")}}}, nil, CodeExtraFile, "root/media/extra.txt"},
		{"outside root", spec{extra: []member{{name: "autorun.inf", data: []byte("x")}}}, nil, CodeExtraFile, "autorun.inf"},
		{"missing", spec{edit: func(m *Manifest) {
			m.Files = append(m.Files, File{Path: "media/gone.png", Size: 1, SHA256: strings.Repeat("0", 64)})
			m.FileCount++
			m.TotalSize++
		}}, nil, CodeMissingFile, "root/media/gone.png"},
		{"size", spec{edit: func(m *Manifest) { m.Files[1].Size--; m.TotalSize-- }}, nil, CodeSize, "root/content/zones.yaml"},
		{"hash", spec{edit: func(m *Manifest) { m.Files[2].SHA256 = strings.Repeat("a", 64) }}, nil, CodeHash, "root/media/img/a.png"},
		{"too many files", spec{}, func(o *InstallOptions) { o.MaxFiles = 3 }, CodeBudget, "4 files"},
		{"too many bytes", spec{}, func(o *InstallOptions) { o.MaxBytes = 1000 }, CodeBudget, "this kiosk allows"},
		{"zip bomb", spec{files: withFiles(member{name: "root/media/zeros.bin", data: zeros})}, nil, CodeRatio, "root/media/zeros.bin"},
		{"unsigned", spec{noSigned: true}, nil, CodeUnsigned, "manifest.sig"},
		{"unknown key", spec{key: stranger}, nil, CodeUnknownKey, KeyID(stranger.Public().(ed25519.PublicKey))},
		{"tampered manifest", spec{tamper: func(b []byte) []byte { return bytes.Replace(b, []byte(`"version": 2`), []byte(`"version": 9`), 1) }}, nil, CodeBadSignature, "manifest.sig"},
		{"garbage signature", spec{sig: []byte("not a signature")}, nil, CodeBadSignature, "manifest.sig"},
		{"other kiosk", spec{edit: func(m *Manifest) { m.Target = Target{Kiosks: []string{"kiosk-09"}} }}, nil, CodeTarget, "kiosk-09"},
		{"not newer", spec{version: 1}, nil, CodeNotNewer, "installed 1"},
		{"not newer than option", spec{}, func(o *InstallOptions) { o.CurrentVersion = 5 }, CodeNotNewer, "installed 5"},
		{"app too old", spec{edit: func(m *Manifest) { m.MinAppVersion = "2.1" }}, nil, CodeAppTooOld, "needs 2.1"},
		{"content check", spec{files: []member{{name: "root/content/other.yaml", data: []byte("x")}}}, nil, CodeContent, "content/meta.yaml"},
		{"bad manifest", spec{edit: func(m *Manifest) { m.FileCount = 99 }}, nil, CodeManifest, "manifest.json"},
	}
	base := t.TempDir()
	store, err := OpenStore(filepath.Join(base, "store"), nil)
	if err != nil {
		t.Fatal(err)
	}
	packs := filepath.Join(base, "packs")
	os.Mkdir(packs, 0o755)
	opts := func() InstallOptions {
		return InstallOptions{Trust: []ed25519.PublicKey{pub}, KioskID: "kiosk-01", AppVersion: "v1.3.0", Check: checkMeta}
	}
	v1, err := store.Install(context.Background(), craft(t, packs, "v1.jkpack", spec{key: key}), opts())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := c.s
			if s.key == nil && !s.noSigned {
				s.key = key
			}
			if s.version == 0 {
				s.version = 2
			}
			o := opts()
			if c.opts != nil {
				c.opts(&o)
			}
			_, err := store.Install(context.Background(), craft(t, packs, "p.jkpack", s), o)
			if CodeOf(err) != c.code {
				t.Fatalf("code %d, want %d: %v", CodeOf(err), c.code, err)
			}
			msg := Message(err)
			t.Log(msg)
			if !strings.Contains(msg, c.code.Text()) || !strings.Contains(msg, c.file) {
				t.Fatalf("message %q does not name %q with the reason %q", msg, c.file, c.code.Text())
			}
			cur, ok := store.Current()
			if !ok || cur.Name != v1.Name {
				t.Fatalf("current changed to %+v", cur)
			}
			assertIntact(t, cur)
			assertOnly(t, base, "packs", "store")
			assertOnly(t, store.Dir(), stateFile, lockName, v1.Name)
		})
	}
}

// assertOnly fails when dir holds names other than those given.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		found := false
		for _, n := range names {
			found = found || n == e.Name()
		}
		if !found {
			t.Fatalf("%s: unexpected %s", dir, e.Name())
		}
	}
}

func TestNotAZip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "junk.jkpack")
	os.WriteFile(p, []byte("PK\x03\x04 definitely not a zip"), 0o644)
	_, err := Verify(p, nil, Limits{})
	if CodeOf(err) != CodeUnreadable || !strings.Contains(Message(err), "junk.jkpack") {
		t.Fatalf("got %v", err)
	}
}

// TestLyingHeader: a member whose zip header claims 100 bytes but which inflates to 8 MiB
// is stopped after reading about 100 bytes, whatever the header says.
func TestLyingHeader(t *testing.T) {
	pub, key := testKey(t, 1)
	files := sampleFiles(1, 1)
	files[1].data = bytes.Repeat([]byte{'z'}, 100)
	dir := t.TempDir()
	p := craft(t, dir, "p.jkpack", spec{files: files, key: key})
	raw, _ := os.ReadFile(p)
	// Re-inflate zones.yaml to 8 MiB, keeping its header sizes and CRC.
	zr, _ := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != "root/content/zones.yaml" {
			zw.Copy(f)
			continue
		}
		h := f.FileHeader
		w, _ := zw.CreateRaw(&h)
		var comp bytes.Buffer
		fw, _ := newDeflate(&comp)
		fw.Write(bytes.Repeat([]byte{'z'}, 8<<20))
		fw.Close()
		w.Write(comp.Bytes())
	}
	zw.Close()
	os.WriteFile(p, out.Bytes(), 0o644)
	_, err := Verify(p, []ed25519.PublicKey{pub}, Limits{})
	if c := CodeOf(err); c != CodeUnreadable && c != CodeSize {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(Message(err), "zones.yaml") {
		t.Fatalf("message does not name the file: %s", Message(err))
	}
}
