// Package safefs opens content roots that may be hostile: a directory tree whose files are
// read only if they are regular files reached without following any symbolic link, and only
// up to a size limit. Dir is an fs.FS over such a directory; ReadFile is a bounded read
// that works on any fs.FS (a Dir, an embed.FS, an fstest.MapFS).
//
// Dir is built on os.Root, so no name, however it is spelled or raced, reaches outside the
// directory. On top of that every path component is checked with Lstat and refused if it
// is a symbolic link, and a file is refused unless it is a regular file (or, for Open, a
// directory): a FIFO, a device or a socket is never read. Files are opened non-blocking, so
// a FIFO swapped in after the check cannot hang the reader either.
package safefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
)

// Errors, wrapped in an *fs.PathError that names the file.
var (
	ErrSymlink    = errors.New("is a symbolic link, which a content root may not hold")
	ErrNotRegular = errors.New("is not a regular file")
	ErrTooLarge   = errors.New("is larger than the limit")
)

// DefaultMaxFile bounds every file a Dir hands out when New is given no other limit: the
// largest file a content root may hold (audio; see content.Limits).
const DefaultMaxFile = 64 << 20

// Dir is an fs.FS over a directory that never follows symbolic links and refuses
// non-regular files. It also implements fs.StatFS, fs.ReadFileFS, fs.ReadDirFS and
// fs.ReadLinkFS. Close releases the directory.
type Dir struct {
	root    *os.Root
	maxFile int64
}

// New opens dir. maxFile bounds every file Open or ReadFile hands out (0 means
// DefaultMaxFile); callers that know a file's kind read it with ReadFile and a tighter limit.
func New(dir string, maxFile int64) (*Dir, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open content root: %w", err)
	}
	if maxFile <= 0 {
		maxFile = DefaultMaxFile
	}
	return &Dir{root: r, maxFile: maxFile}, nil
}

// Close releases the directory.
func (d *Dir) Close() error { return d.root.Close() }

// Name is the directory as given to New.
func (d *Dir) Name() string { return d.root.Name() }

// check refuses a name that is invalid or that has a symbolic link as any component, and
// returns the Lstat of the last component.
func (d *Dir) check(op, name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return d.root.Lstat(".")
	}
	var info fs.FileInfo
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		prefix := name[:i]
		var err error
		info, err = d.root.Lstat(prefix)
		if err != nil {
			return nil, &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: op, Path: name, Err: linkErr(prefix, name)}
		}
	}
	return info, nil
}

// linkErr says which component is the link when it is not the file itself.
func linkErr(prefix, name string) error {
	if prefix == name {
		return ErrSymlink
	}
	return fmt.Errorf("%s: %w", prefix, ErrSymlink)
}

// unwrapPath strips os.Root's own PathError so that ours names the file once.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Open opens a regular file (bounded by the Dir's limit) or a directory.
func (d *Dir) Open(name string) (fs.File, error) {
	info, err := d.check("open", name)
	if err != nil {
		return nil, err
	}
	if err := d.allowed(info); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	f, err := d.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
	}
	// The file may have been swapped since the Lstat: check what was actually opened.
	info, err = f.Stat()
	if err == nil {
		err = d.allowed(info)
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if info.IsDir() {
		return f, nil
	}
	return &file{f: f, name: name, max: d.maxFile, left: d.maxFile}, nil
}

// allowed accepts directories and regular files within the size limit.
func (d *Dir) allowed(info fs.FileInfo) error {
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return ErrSymlink
	case info.IsDir():
		return nil
	case !info.Mode().IsRegular():
		return fmt.Errorf("%w (%s)", ErrNotRegular, kind(info.Mode()))
	case info.Size() > d.maxFile:
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, info.Size(), d.maxFile)
	}
	return nil
}

// kind names a non-regular file type for error messages.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "mode " + m.String()
}

// Stat describes name without following links; a link anywhere in the path is an error.
func (d *Dir) Stat(name string) (fs.FileInfo, error) { return d.check("stat", name) }

// Lstat is Stat: Dir never follows links, and reports a link as an error.
func (d *Dir) Lstat(name string) (fs.FileInfo, error) { return d.check("lstat", name) }

// ReadLink always fails: a content root holds no links that may be followed.
func (d *Dir) ReadLink(name string) (string, error) {
	if _, err := d.check("readlink", name); err != nil {
		return "", err
	}
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
}

// ReadDir lists a directory. Links are listed (with ModeSymlink) but cannot be opened.
func (d *Dir) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := d.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd, ok := f.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	list, err := rd.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrapPath(err)}
	}
	return sortEntries(list), nil
}

// ReadFile reads name within the Dir's limit.
func (d *Dir) ReadFile(name string) ([]byte, error) { return ReadFile(d, name, d.maxFile) }

// file is an open regular file whose reads stop at the Dir's limit even if it grows.
type file struct {
	f    *os.File
	name string
	max  int64 // the Dir's limit
	left int64 // bytes that may still be read
}

func (f *file) Stat() (fs.FileInfo, error) { return f.f.Stat() }
func (f *file) Close() error               { return f.f.Close() }

func (f *file) Read(p []byte) (int, error) {
	if f.left <= 0 {
		// One byte more than the limit: the file grew after it was opened.
		var one [1]byte
		if n, _ := f.f.Read(one[:]); n > 0 {
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: ErrTooLarge}
		}
		return 0, io.EOF
	}
	if int64(len(p)) > f.left {
		p = p[:f.left]
	}
	n, err := f.f.Read(p)
	f.left -= int64(n)
	return n, err
}

// Seek and ReadAt let decoders (WAV) seek; both stay within what was checked at open.
func (f *file) Seek(offset int64, whence int) (int64, error) {
	pos, err := f.f.Seek(offset, whence)
	if err == nil {
		f.left = f.max - pos
	}
	return pos, err
}

func (f *file) ReadAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) > f.max {
		return 0, &fs.PathError{Op: "read", Path: f.name, Err: ErrTooLarge}
	}
	return f.f.ReadAt(p, off)
}

func sortEntries(list []fs.DirEntry) []fs.DirEntry {
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list
}
