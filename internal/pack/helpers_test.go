package pack

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// member is one zip entry of a crafted pack. Names are full zip names ("root/…").
type member struct {
	name   string
	data   []byte
	mode   fs.FileMode // 0: regular 0644
	method uint16
}

// spec describes a pack to craft; the manifest is computed from the content members and
// then changed by edit, signed by key (nil: unsigned) and possibly tampered afterwards.
type spec struct {
	files    []member // content, listed in the manifest
	extra    []member // written to the zip but not listed
	version  int64
	edit     func(*Manifest)
	key      ed25519.PrivateKey
	sig      []byte                // replaces the signature when set
	tamper   func(m []byte) []byte // applied to manifest bytes after signing
	noSigned bool
}

func testKey(t testing.TB, seed byte) (ed25519.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
	return priv.Public().(ed25519.PublicKey), priv
}

// sampleFiles is a small content root: a meta file the test Check requires, text and
// binary media, nested directories.
func sampleFiles(v int64, seed uint64) []member {
	r := rand.New(rand.NewPCG(seed, 7))
	img := make([]byte, 20<<10)
	for i := range img {
		img[i] = byte(r.Uint32())
	}
	return []member{
		{name: "root/content/meta.yaml", data: fmt.Appendf(nil, "version: %d\ntitle: 南明区禁毒\n", v)},
		{name: "root/content/zones.yaml", data: bytes.Repeat([]byte("zone: history\n"), 50)},
		{name: "root/media/img/a.png", data: img, method: zip.Store},
		{name: "root/quizbank/q.yaml", data: []byte("questions: []\n")},
	}
}

func manifestFor(files []member, version int64) Manifest {
	m := Manifest{Format: Format, ID: "nanming", Title: Text{Zh: "南明内容", En: "Nanming"},
		Version: version, Created: time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC),
		Target: Target{All: true}, Files: []File{}}
	for _, f := range files {
		sum := sha256.Sum256(f.data)
		m.Files = append(m.Files, File{Path: f.name[len(RootPrefix):], Size: int64(len(f.data)), SHA256: hex.EncodeToString(sum[:])})
		m.TotalSize += int64(len(f.data))
	}
	m.FileCount = len(m.Files)
	return m
}

// craft writes the pack described by s into dir and returns its path.
func craft(t testing.TB, dir, name string, s spec) string {
	t.Helper()
	if s.version == 0 {
		s.version = 1
	}
	if s.files == nil {
		s.files = sampleFiles(s.version, uint64(s.version))
	}
	m := manifestFor(s.files, s.version)
	if s.key != nil {
		m.KeyID = KeyID(s.key.Public().(ed25519.PublicKey))
	}
	if s.edit != nil {
		s.edit(&m)
	}
	mb, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var sig []byte
	if s.key != nil {
		sig = SignManifest(mb, s.key)
	}
	if s.sig != nil {
		sig = s.sig
	}
	if s.tamper != nil {
		mb = s.tamper(mb)
	}
	all := append(append([]member{}, s.files...), s.extra...)
	all = append(all, member{name: ManifestName, data: mb})
	if sig != nil {
		all = append(all, member{name: SigName, data: sig})
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, zipBytes(t, all), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func zipBytes(t testing.TB, members []member) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, mb := range members {
		h := &zip.FileHeader{Name: mb.name, Method: mb.method}
		if mb.method == 0 && len(mb.data) > 0 && mb.mode == 0 {
			h.Method = zip.Deflate
		}
		if mb.mode != 0 {
			h.SetMode(mb.mode)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(mb.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkMeta is the injected content check of these tests: content/meta.yaml must exist.
func checkMeta(root fs.FS) error {
	if _, err := fs.Stat(root, "content/meta.yaml"); err != nil {
		return fmt.Errorf("content/meta.yaml: %w", err)
	}
	return nil
}

// assertIntact checks that in's content root holds exactly its manifest's files.
func assertIntact(t testing.TB, in Installed) {
	t.Helper()
	want := map[string]File{}
	for _, f := range in.Manifest.Files {
		want[f.Path] = f
	}
	err := filepath.WalkDir(in.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(in.Dir, p)
		f, ok := want[filepath.ToSlash(rel)]
		if !ok {
			return fmt.Errorf("extra file %s", rel)
		}
		delete(want, f.Path)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != f.SHA256 {
			return fmt.Errorf("%s: content differs from manifest", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("pack v%d: %v", in.Manifest.Version, err)
	}
	if len(want) > 0 {
		t.Fatalf("pack v%d: %d files missing", in.Manifest.Version, len(want))
	}
}

func newDeflate(w *bytes.Buffer) (*flate.Writer, error) {
	return flate.NewWriter(w, flate.BestCompression)
}
