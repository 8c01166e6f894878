package pack

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/jindu-edu/kiosk/internal/atomicfile"
)

// Files and directories of a store.
const (
	stateFile    = "state.json" // the pointer: which install is current and which previous
	bootFile     = "boot.json"  // starts of the current pack not yet confirmed by BootOK
	lockName     = "lock"
	stagePrefix  = "stage-"
	installRoot  = "root" // inside an install directory: the content root
	installsGlob = "v*"
)

// Store holds the installed packs under one directory (data_dir/packs):
//
//	state.json          {"current": "v3-…", "previous": "v2-…"}, replaced atomically
//	v3-<random>/root/   the current content root; manifest.json and manifest.sig beside it
//	v2-<random>/root/   the previous one, kept for Rollback
//	stage-<random>/     an install in progress (removed when a Store is opened)
//
// A Store may be opened by several processes; changes take a file lock and fail with
// CodeBusy while another holds it. Readers never lock: state.json names whole, complete
// directories only.
type Store struct {
	dir string
	log *slog.Logger
}

// Installed is an installed pack.
type Installed struct {
	Name     string // directory name inside the store
	Dir      string // the content root: pass os.DirFS(Dir) to content.Load
	Manifest Manifest
}

// FS is the content root as a file system.
func (i Installed) FS() fs.FS { return os.DirFS(i.Dir) }

type state struct {
	Current  string `json:"current"`
	Previous string `json:"previous,omitempty"`
}

// OpenStore opens (creating it if needed) the store at dir and removes what a killed
// install left behind: staging directories and installs that state.json does not name.
func OpenStore(dir string, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("pack store: %w", err)
	}
	s := &Store{dir: dir, log: log}
	unlock, err := lockFile(filepath.Join(dir, lockName))
	if CodeOf(err) == CodeBusy {
		return s, nil // an install is running elsewhere; it cleans up after itself
	}
	if err != nil {
		return nil, err
	}
	defer unlock()
	st, err := s.readState()
	if err != nil {
		return nil, err
	}
	s.prune(st)
	return s, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// Current is the pack in use; false when none is installed (the kiosk shows its bundled
// content).
func (s *Store) Current() (Installed, bool) {
	st, err := s.readState()
	if err != nil || st.Current == "" {
		return Installed{}, false
	}
	in, err := s.load(st.Current)
	if err != nil {
		s.log.Warn("pack store: current pack unreadable", "dir", st.Current, "err", err)
		return Installed{}, false
	}
	return in, true
}

// Previous is the pack Rollback would return to.
func (s *Store) Previous() (Installed, bool) {
	st, err := s.readState()
	if err != nil || st.Previous == "" {
		return Installed{}, false
	}
	in, err := s.load(st.Previous)
	return in, err == nil
}

// Rollback makes the previous pack current again and deletes the one it replaces.
func (s *Store) Rollback() (Installed, error) {
	in, _, err := s.withdraw(false)
	return in, err
}

// Withdraw is Rollback that may also leave nothing installed (ok false): the kiosk then
// runs its bundled content, or for programs the version installed with the system.
func (s *Store) Withdraw() (in Installed, ok bool, err error) { return s.withdraw(true) }

func (s *Store) withdraw(toNone bool) (Installed, bool, error) {
	unlock, err := lockFile(filepath.Join(s.dir, lockName))
	if err != nil {
		return Installed{}, false, err
	}
	defer unlock()
	st, err := s.readState()
	if err != nil {
		return Installed{}, false, err
	}
	if st.Previous == "" && (!toNone || st.Current == "") {
		return Installed{}, false, fail(CodeNoPrevious, "", "store %s", s.dir)
	}
	var prev Installed
	if st.Previous != "" {
		if prev, err = s.load(st.Previous); err != nil {
			return Installed{}, false, err
		}
	}
	if err := s.writeState(state{Current: st.Previous}); err != nil {
		return Installed{}, false, err
	}
	s.log.Info("pack rolled back", "from", st.Current, "to", st.Previous)
	s.prune(state{Current: st.Previous})
	return prev, st.Previous != "", nil
}

func (s *Store) load(name string) (Installed, error) {
	dir := filepath.Join(s.dir, name)
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return Installed{}, wrapErr(CodeIO, name, err)
	}
	m, err := ParseManifest(data)
	if err != nil {
		return Installed{}, err
	}
	return Installed{Name: name, Dir: filepath.Join(dir, installRoot), Manifest: m}, nil
}

func (s *Store) readState() (state, error) {
	var st state
	data, err := os.ReadFile(filepath.Join(s.dir, stateFile))
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, wrapErr(CodeIO, stateFile, err)
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return st, wrapErr(CodeIO, stateFile, err)
	}
	for _, n := range []string{st.Current, st.Previous} {
		if n != "" && (!filepath.IsLocal(n) || strings.ContainsRune(n, '/')) {
			return state{}, fail(CodeIO, stateFile, "bad directory name %q", n)
		}
	}
	return st, nil
}

// writeState is the atomic switch: temporary file, fsync, rename, fsync of the directory.
func (s *Store) writeState(st state) error {
	data, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("pack store: %w", err)
	}
	if err := atomicfile.WriteFile(filepath.Join(s.dir, stateFile), append(data, '\n'), 0o644); err != nil {
		return wrapErr(CodeIO, stateFile, err)
	}
	return syncDir(s.dir)
}

// prune removes staging directories and installs other than st's two. Call with the lock.
func (s *Store) prune(st state) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || n == st.Current || n == st.Previous {
			continue
		}
		if ok, _ := filepath.Match(installsGlob, n); ok || strings.HasPrefix(n, stagePrefix) {
			if err := os.RemoveAll(filepath.Join(s.dir, n)); err != nil {
				s.log.Warn("pack store: cannot remove", "dir", n, "err", err)
			} else {
				s.log.Info("pack store: removed", "dir", n)
			}
		}
	}
}

// syncDir makes a rename or new entry in dir durable. Not on Windows: a directory cannot be
// flushed through the read-only handle os.Open gives (FlushFileBuffers: access denied), and
// NTFS journals directory changes itself.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return wrapErr(CodeIO, dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return wrapErr(CodeIO, dir, err)
	}
	return nil
}
