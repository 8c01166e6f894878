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
	if err := noLinks(fsys, name); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if err := checkInfo(info, max); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	size := info.Size()
	if size < 0 || size > max {
		size = max
	}
	data, err := readAtMost(f, size+1, max+1)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrapPath(err)}
	}
	if int64(len(data)) > max {
		return nil, &fs.PathError{Op: "read", Path: name,
			Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)}
	}
	return data, nil
}

// readAtMost reads r to its end or to limit bytes, starting with a buffer of hint bytes.
func readAtMost(r io.Reader, hint, limit int64) ([]byte, error) {
	lr := io.LimitReader(r, limit)
	buf := make([]byte, 0, min(hint, limit))
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
