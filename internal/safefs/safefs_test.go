package safefs_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/safefs"
)

// tree builds a root with a good file, links to /dev/zero, to a file outside the root and
// to a directory, and a FIFO. It returns the root and the outside directory.
func tree(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	root, outside := filepath.Join(base, "root"), filepath.Join(base, "outside")
	for _, d := range []string{root + "/media/img", outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, root+"/media/img/ok.png", "fine")
	write(t, outside+"/secret.png", "outside")
	link(t, "/dev/zero", root+"/media/img/zero.png")
	link(t, outside+"/secret.png", root+"/media/img/out.png")
	link(t, "ok.png", root+"/media/img/inside.png") // even a link inside the root
	link(t, outside, root+"/media/linked")
	if err := syscall.Mkfifo(root+"/media/img/fifo.png", 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// refused lists the names every reader must refuse, with the error each must wrap.
var refused = []struct {
	name string
	want error
}{
	{"media/img/zero.png", safefs.ErrSymlink},
	{"media/img/out.png", safefs.ErrSymlink},
	{"media/img/inside.png", safefs.ErrSymlink},
	{"media/linked/secret.png", safefs.ErrSymlink},
	{"media/img/fifo.png", safefs.ErrNotRegular},
}

// quickly fails the test if f takes more than a few seconds (a FIFO would block forever).
func quickly(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s blocked", what)
	}
}

func TestDirRefusesLinksAndSpecialFiles(t *testing.T) {
	root := tree(t)
	d, err := safefs.New(root, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, c := range refused {
		quickly(t, c.name, func() {
			if f, err := d.Open(c.name); !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.name) {
				t.Errorf("Open(%s) = %v, want %v naming the file", c.name, err, c.want)
				if f != nil {
					f.Close()
				}
			}
			if _, err := fs.ReadFile(d, c.name); !errors.Is(err, c.want) {
				t.Errorf("fs.ReadFile(%s) = %v, want %v", c.name, err, c.want)
			}
			if _, err := safefs.ReadFile(d, c.name, 1<<20); !errors.Is(err, c.want) {
				t.Errorf("ReadFile(%s) = %v, want %v", c.name, err, c.want)
			}
		})
	}
	if _, err := fs.Stat(d, "media/linked"); !errors.Is(err, safefs.ErrSymlink) {
		t.Errorf("Stat of a linked directory = %v", err)
	}
	data, err := safefs.ReadFile(d, "media/img/ok.png", 4)
	if err != nil || string(data) != "fine" {
		t.Fatalf("ok.png: %q %v", data, err)
	}
	if _, err := d.Open("../outside/secret.png"); err == nil {
		t.Fatal("a path out of the root was opened")
	}
	// Walking still works and lists the links, which then cannot be read.
	var names []string
	err = fs.WalkDir(d, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil || len(names) != 6 {
		t.Fatalf("walk: %v %v", names, err)
	}
	sub, err := fs.Sub(d, "media")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(sub, "img/zero.png"); !errors.Is(err, safefs.ErrSymlink) {
		t.Fatalf("Sub keeps the rules: %v", err)
	}
}

func TestReadFileRefusesLinksThroughDirFS(t *testing.T) {
	root := tree(t)
	fsys := os.DirFS(root)
	for _, c := range refused {
		quickly(t, c.name, func() {
			if _, err := safefs.ReadFile(fsys, c.name, 1<<20); !errors.Is(err, c.want) {
				t.Errorf("ReadFile(os.DirFS, %s) = %v, want %v", c.name, err, c.want)
			}
		})
	}
}

func TestSizeLimits(t *testing.T) {
	root := t.TempDir()
	write(t, root+"/big.yaml", strings.Repeat("x", 1000))
	d, err := safefs.New(root, 999)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Open("big.yaml"); !errors.Is(err, safefs.ErrTooLarge) {
		t.Fatalf("Open over the Dir's limit: %v", err)
	}
	if _, err := safefs.ReadFile(os.DirFS(root), "big.yaml", 999); !errors.Is(err, safefs.ErrTooLarge) ||
		!strings.Contains(err.Error(), "big.yaml") {
		t.Fatalf("ReadFile over the limit: %v", err)
	}
	if data, err := safefs.ReadFile(os.DirFS(root), "big.yaml", 1000); err != nil || len(data) != 1000 {
		t.Fatalf("ReadFile at the limit: %d %v", len(data), err)
	}
	// A Stat that lies is caught by reading max+1 bytes.
	liar := lyingFS{fstest.MapFS{"a.yaml": {Data: []byte(strings.Repeat("y", 5000))}}}
	if _, err := safefs.ReadFile(liar, "a.yaml", 100); !errors.Is(err, safefs.ErrTooLarge) {
		t.Fatalf("lying Stat: %v", err)
	}
	if _, err := safefs.ReadFile(fstest.MapFS{"d/x": {}}, "d", 100); !errors.Is(err, safefs.ErrNotRegular) {
		t.Fatalf("a directory: %v", err)
	}
}

func TestReadFileOnEmbeddedContent(t *testing.T) {
	root := assets.Content()
	data, err := safefs.ReadFile(root, "content/meta.yaml", 64<<10)
	if err != nil || len(data) == 0 {
		t.Fatalf("embedded meta.yaml: %v", err)
	}
	if _, err := safefs.ReadFile(root, "content/meta.yaml", 10); !errors.Is(err, safefs.ErrTooLarge) {
		t.Fatalf("the limit applies to embed.FS too: %v", err)
	}
}

// lyingFS reports every file as one byte long.
type lyingFS struct{ fstest.MapFS }

func (l lyingFS) Open(name string) (fs.File, error) {
	f, err := l.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return lyingFile{f}, nil
}

type lyingFile struct{ fs.File }

func (f lyingFile) Stat() (fs.FileInfo, error) {
	st, err := f.File.Stat()
	return lyingInfo{st}, err
}
func (f lyingFile) Read(p []byte) (int, error) { return f.File.Read(p) }

type lyingInfo struct{ fs.FileInfo }

func (lyingInfo) Size() int64 { return 1 }

var _ io.Reader = lyingFile{}
