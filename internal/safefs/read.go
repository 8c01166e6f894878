package safefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// ReadFile reads name from fsys if it is a regular file of at most max bytes. The size is
// checked twice: by Stat before anything is read, and by reading at most max+1 bytes, so a
// file whose Stat lies (or that grows) is refused too. When fsys can report links
// (fs.ReadLinkFS, as os.DirFS can), a link anywhere in the path is refused; a Dir refuses
// them itself. Errors are *fs.PathError naming the file, wrapping ErrTooLarge,
// ErrNotRegular or ErrSymlink where they apply.
func ReadFile(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := Open(fsys, name, max)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hint := max
	if info, err := f.Stat(); err == nil && info.Size() >= 0 && info.Size() < max {
		hint = info.Size()
	}
	data, err := readAtMost(f, hint+1, max+1)
	if err != nil {
		return nil, err
	}
	return data, nil
}

// Open opens name from fsys with the checks of ReadFile: no links (where fsys can tell),
// a regular file, at most max bytes by Stat. Reading the returned file past max bytes fails
// with ErrTooLarge, so a file that grows or whose Stat lies is refused as well.
func Open(fsys fs.FS, name string, max int64) (fs.File, error) {
	if err := noLinks(fsys, name); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if err := checkInfo(info, max); err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &bounded{File: f, name: name, left: max}, nil
}

// bounded is a file that fails instead of reading more than its limit.
type bounded struct {
	fs.File
	name string
	left int64
}

func (b *bounded) Read(p []byte) (int, error) {
	if b.left <= 0 {
		var one [1]byte
		if n, _ := b.File.Read(one[:]); n > 0 {
			return 0, &fs.PathError{Op: "read", Path: b.name, Err: fmt.Errorf("%w: it grew past it", ErrTooLarge)}
		}
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.File.Read(p)
	b.left -= int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		err = &fs.PathError{Op: "read", Path: b.name, Err: unwrapPath(err)}
	}
	return n, err
}

// readAtMost reads r to its end or to limit bytes, starting with a buffer of hint bytes.
func readAtMost(r io.Reader, hint, limit int64) ([]byte, error) {
	lr := io.LimitReader(r, limit)
	buf := make([]byte, 0, max(min(hint, limit), 512))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// checkInfo accepts a regular file of at most max bytes. A zero mode counts as regular,
// since fstest.MapFS leaves it zero.
func checkInfo(info fs.FileInfo, max int64) error {
	m := info.Mode()
	switch {
	case m&fs.ModeSymlink != 0:
		return ErrSymlink
	case info.IsDir():
		return fmt.Errorf("%w (a directory)", ErrNotRegular)
	case !m.IsRegular():
		return fmt.Errorf("%w (%s)", ErrNotRegular, kind(m))
	case info.Size() > max:
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, info.Size(), max)
	}
	return nil
}

// noLinks refuses name when fsys reports a symbolic link at any component, or a special
// file at the last. File systems
// that cannot report links (embed.FS) have none.
func noLinks(fsys fs.FS, name string) error {
	if _, ok := fsys.(*Dir); ok {
		return nil // Dir.Open checks every component itself
	}
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok || !fs.ValidPath(name) || name == "." {
		return nil
	}
	for i := range strings.Count(name, "/") + 1 {
		prefix := firstN(name, i+1)
		info, err := rl.Lstat(prefix)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
			}
			return &fs.PathError{Op: "lstat", Path: name, Err: unwrapPath(err)}
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return &fs.PathError{Op: "open", Path: name, Err: linkErr(prefix, name)}
		}
		if prefix == name && !info.IsDir() && !info.Mode().IsRegular() {
			// Refused before Open, which would block on a FIFO.
			return &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(info.Mode()))}
		}
	}
	return nil
}

// firstN returns the first n components of a slash-separated path.
func firstN(name string, n int) string {
	parts := strings.SplitN(name, "/", n+1)
	if len(parts) > n {
		parts = parts[:n]
	}
	return path.Join(parts...)
}
