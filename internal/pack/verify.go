package pack

import (
	"context"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Ext is the file name extension of a pack.
const Ext = ".jkpack"

// openFile opens a pack file and its archive directory.
func openFile(path string, lim Limits) (*os.File, *archive, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, wrapErr(CodeUnreadable, filepath.Base(path), err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, wrapErr(CodeUnreadable, filepath.Base(path), err)
	}
	a, err := openArchive(f, st.Size(), lim)
	if err != nil {
		f.Close()
		return nil, nil, named(err, path)
	}
	return f, a, nil
}

// Verify checks a pack completely without installing it: signature by a trusted key,
// strict manifest, names, limits, and the size and sha256 of every file (read in full).
func Verify(path string, trust []ed25519.PublicKey, lim Limits) (Manifest, error) {
	m, err := verify(path, trust, lim)
	return m, named(err, path)
}

func verify(path string, trust []ed25519.PublicKey, lim Limits) (Manifest, error) {
	f, a, err := openFile(path, lim)
	if err != nil {
		return Manifest{}, err
	}
	defer f.Close()
	if err := a.authenticate(trust); err != nil {
		return a.man, err
	}
	if err := a.matchEntries(lim); err != nil {
		return a.man, err
	}
	return a.man, a.stream(context.Background(), lim, discard, nil)
}

// Info reads a pack's manifest for display without checking the signature or the files.
// signed says whether it has a manifest.sig at all.
func Info(path string) (m Manifest, signed bool, err error) {
	f, a, err := openFile(path, Limits{})
	if err != nil {
		return Manifest{}, false, err
	}
	defer f.Close()
	err = a.parseUntrusted()
	return a.man, a.sig != nil, err
}

// State is what Scan found out about a pack's signature.
type State int

// Signature states, as the staff panel shows them.
const (
	StateValid      State = iota // signed by a trusted key, manifest and names in order
	StateUnknownKey              // well-formed but signed by a key this kiosk does not trust
	StateBad                     // unsigned, tampered, or refused for its names or manifest
	StateUnreadable              // not a readable zip
)

func (s State) String() string {
	return [...]string{"有效", "密钥不受信任", "无效", "无法读取"}[s]
}

// Found is one pack on a stick.
type Found struct {
	Path     string
	Size     int64    // bytes of the .jkpack file
	Manifest Manifest // zero when the manifest could not be read
	State    State
	Err      error  // nil when State is StateValid
	Reason   string // Chinese, for staff; "" when valid
}

// Scan lists the *.jkpack files directly in dir, newest version first. It checks the
// signature, manifest and member names, but does not read the file contents: that is
// Install's job (and Verify's), so a stick with a 1 GB pack lists in well under a second.
func Scan(dir string, trust []ed25519.PublicKey, lim Limits) []Found {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []Found
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), Ext) || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		out = append(out, scanOne(filepath.Join(dir, e.Name()), trust, lim))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Manifest.Version != out[j].Manifest.Version {
			return out[i].Manifest.Version > out[j].Manifest.Version
		}
		return out[i].Path < out[j].Path
	})
	return out
}

func scanOne(path string, trust []ed25519.PublicKey, lim Limits) Found {
	fd := Found{Path: path}
	if st, err := os.Stat(path); err == nil {
		fd.Size = st.Size()
	}
	f, a, err := openFile(path, lim)
	if err == nil {
		defer f.Close()
		if err = a.authenticate(trust); err == nil {
			err = a.matchEntries(lim)
		} else if a.man.ID == "" {
			_ = a.parseUntrusted() // still show the title of an untrusted pack
		}
		fd.Manifest = a.man
	}
	fd.Err = named(err, path)
	err = fd.Err
	switch CodeOf(err) {
	case 0:
		if err != nil {
			fd.State = StateUnreadable
		}
	case CodeUnreadable:
		fd.State = StateUnreadable
	case CodeUnknownKey:
		fd.State = StateUnknownKey
	default:
		fd.State = StateBad
	}
	if err != nil {
		fd.Reason = Message(err)
	}
	return fd
}

// CreatedLocal formats a manifest's creation time for the staff panel.
func (m Manifest) CreatedLocal() string { return m.Created.Local().Format(time.DateTime) }
