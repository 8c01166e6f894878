// Package exhibittest makes content roots and signed packs for tests: the bundled demo
// written out to a directory (with edits), and a pack built from it with a fresh key.
package exhibittest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/pack"
	"github.com/jindu-edu/kiosk/quizbank"
)

// DemoRoot writes the bundled content root, with the default quiz bank under quizbank/,
// into a new directory and applies edits: file path → function of its bytes (a new file
// when it did not exist). It returns the directory.
func DemoRoot(t testing.TB, edits map[string]func([]byte) []byte) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if f, ok := edits[name]; ok {
			data = f(data)
			delete(edits, name)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFS := func(fsys fs.FS, prefix string) {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			write(path.Join(prefix, p), data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	copyFS(assets.Content(), "")
	copyFS(quizbank.Files(), "quizbank")
	for name, f := range edits {
		write(name, f(nil))
	}
	return dir
}

// Replace is an edit that replaces old with new in a file.
func Replace(old, new string) func([]byte) []byte {
	return func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(old), []byte(new)) }
}

// Key is a fresh publisher key pair.
func Key(t testing.TB) (ed25519.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

// Build packs root into dir/name as a signed pack of version v for all kiosks.
func Build(t testing.TB, root, dir, name, id string, v int64, key ed25519.PrivateKey) string {
	t.Helper()
	out := filepath.Join(dir, name)
	if _, err := pack.Build(root, out, pack.BuildOptions{ID: id,
		Title: pack.Text{Zh: "测试内容包", En: "Test pack"}, Version: v, Key: key,
		Target: pack.Target{All: true}}); err != nil {
		t.Fatal(err)
	}
	return out
}
