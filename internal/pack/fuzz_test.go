package pack

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestManifestStrict(t *testing.T) {
	good, _ := manifestFor(sampleFiles(1, 1), 1).Marshal()
	if _, err := ParseManifest(good); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"unknown field":  bytes.Replace(good, []byte(`"id"`), []byte(`"extra": 1, "id"`), 1),
		"trailing data":  append(append([]byte{}, good...), []byte(`{}`)...),
		"wrong format":   bytes.Replace(good, []byte(Format), []byte("jindu-pack/9"), 1),
		"bad sha":        bytes.Replace(good, []byte(`"sha256": "`), []byte(`"sha256": "Z`), 1),
		"absolute path":  bytes.Replace(good, []byte(`"path": "content/meta.yaml"`), []byte(`"path": "/content/meta.yaml"`), 1),
		"dot-dot path":   bytes.Replace(good, []byte(`"path": "content/meta.yaml"`), []byte(`"path": "../meta.yaml"`), 1),
		"too big":        append(bytes.Repeat([]byte(" "), MaxManifestBytes), good...),
		"no target":      bytes.Replace(good, []byte(`"all": true`), []byte(`"kiosks": []`), 1),
		"version 0":      bytes.Replace(good, []byte(`"version": 1`), []byte(`"version": 0`), 1),
		"bad min app":    bytes.Replace(good, []byte(`"target"`), []byte(`"min_app_version": "soon", "target"`), 1),
		"duplicate path": bytes.Replace(good, []byte(`"path": "content/zones.yaml"`), []byte(`"path": "content/meta.yaml"`), 1),
	}
	for name, data := range bad {
		if _, err := ParseManifest(data); CodeOf(err) != CodeManifest && CodeOf(err) != CodeBadPath && CodeOf(err) != CodeDuplicate {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

func TestAppSatisfies(t *testing.T) {
	for _, c := range []struct {
		app, min string
		ok       bool
	}{{"v1.4.2", "1.4", true}, {"1.3.9", "1.4", false}, {"v2.0.0-3-gabc-dirty", "1.9.9", true},
		{"dev", "9.0", true}, {"6941cad", "1.0", true}, {"1.0", "", true}, {"1.10", "1.9", true}} {
		if AppSatisfies(c.app, c.min) != c.ok {
			t.Errorf("%s vs %s", c.app, c.min)
		}
	}
}

// FuzzManifest: the parser never panics, and what it accepts survives a round trip.
func FuzzManifest(f *testing.F) {
	good, _ := manifestFor(sampleFiles(1, 1), 1).Marshal()
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"format":"jindu-pack/1","files":[{"path":"a/../b"}]}`))
	f.Add(bytes.Replace(good, []byte(`"all": true`), []byte(`"kiosks": ["k1","k2"]`), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest(data)
		if err != nil {
			return
		}
		out, err := m.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		m2, err := ParseManifest(out)
		if err != nil || !reflect.DeepEqual(m.Files, m2.Files) || m.Version != m2.Version {
			t.Fatalf("round trip: %v", err)
		}
	})
}

// FuzzArchive feeds arbitrary bytes to the archive reader: open, authenticate (or parse
// without trust), match entries and stream every file. It must never panic, never read
// past the limits, and accept only names that are safe to create.
func FuzzArchive(f *testing.F) {
	pub, key := testKey(f, 1)
	dir := f.TempDir()
	for i, s := range []spec{
		{key: key},
		{key: key, extra: []member{{name: "root/../x", data: []byte("x")}}},
		{key: key, files: append(sampleFiles(1, 1), member{name: "root/l", data: []byte("/"), mode: fs.ModeSymlink | 0o777})},
		{key: key, files: []member{{name: "root/z.bin", data: bytes.Repeat([]byte{0}, 200<<10)}}},
		{noSigned: true},
	} {
		p := craft(f, dir, "seed.jkpack", s)
		data, _ := os.ReadFile(p)
		f.Add(data)
		if i == 0 {
			f.Add(data[:len(data)/2])
		}
	}
	trust := []ed25519.PublicKey{pub}
	lim := Limits{MaxBytes: 1 << 20, MaxFiles: 64, MaxRatio: 50}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := openArchive(bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			return
		}
		for name := range a.content {
			if checkPath(name) != nil || !filepath.IsLocal(filepath.FromSlash(name)) {
				t.Fatalf("unsafe name accepted: %q", name)
			}
		}
		if a.authenticate(trust) != nil && a.parseUntrusted() != nil {
			return
		}
		if a.matchEntries(lim) != nil {
			return
		}
		var total int64
		counter := writerFunc(func(p []byte) (int, error) { total += int64(len(p)); return len(p), nil })
		_ = a.stream(context.Background(), lim, func(File) (io.Writer, func() error, error) {
			return counter, func() error { return nil }, nil
		}, nil)
		if total > lim.MaxBytes+int64(len(a.man.Files)) {
			t.Fatalf("streamed %d bytes, limit %d", total, lim.MaxBytes)
		}
	})
}

type writerFunc func([]byte) (int, error)

func (w writerFunc) Write(p []byte) (int, error) { return w(p) }
