package pack

import (
	"io/fs"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// checkPath accepts a slash-separated relative path of at most 255-byte components: no
// leading "/", no "." or ".." or empty components, no backslash, colon or control
// characters, valid UTF-8, at most 1024 bytes.
func checkPath(p string) error {
	if p == "" || len(p) > 1024 {
		return fail(CodeBadPath, p, "empty or longer than 1024 bytes")
	}
	if strings.HasPrefix(p, "/") {
		return fail(CodeBadPath, p, "absolute path")
	}
	if !utf8.ValidString(p) {
		return fail(CodeBadPath, p, "not UTF-8")
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return fail(CodeBadPath, p, `".." component`)
		}
		if len(part) > 255 {
			return fail(CodeBadPath, p, "a component is longer than 255 bytes")
		}
	}
	if strings.ContainsAny(p, "\\:") {
		return fail(CodeBadPath, p, "backslash or colon")
	}
	for _, r := range p {
		if r < 0x20 || r == 0x7f {
			return fail(CodeBadPath, p, "control character")
		}
	}
	if !fs.ValidPath(p) || p == "." {
		return fail(CodeBadPath, p, `empty or "." component`)
	}
	return nil
}

// nameSet finds duplicates and names that would collide on a case-insensitive or
// Unicode-normalising file system (a USB stick, a Mac): "A.png" and "a.png", "é" in NFC and
// NFD, and a file "a" next to a directory "a/".
type nameSet struct {
	seen map[string]nameEntry
}

type nameEntry struct {
	orig string
	dir  bool
}

func newNameSet() *nameSet { return &nameSet{seen: map[string]nameEntry{}} }

func foldName(p string) string { return strings.ToLower(norm.NFC.String(p)) }

// add records a file path and its parent directories.
func (s *nameSet) add(p string) error {
	parts := strings.Split(p, "/")
	for i := range parts {
		name := strings.Join(parts[:i+1], "/")
		dir := i < len(parts)-1
		key := foldName(name)
		prev, ok := s.seen[key]
		if !ok {
			s.seen[key] = nameEntry{orig: name, dir: dir}
			continue
		}
		switch {
		case prev.orig == name && prev.dir && dir:
			continue // a shared parent directory
		case prev.orig == name && !dir && !prev.dir:
			return fail(CodeDuplicate, p, "listed twice")
		case prev.orig == name:
			return fail(CodeDuplicate, p, "%q is both a file and a directory", name)
		default:
			return fail(CodeDuplicate, p, "collides with %q (differs only in case or Unicode form)", prev.orig)
		}
	}
	return nil
}
