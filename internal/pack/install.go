package pack

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
)

// InstallOptions are the kiosk's side of an install.
type InstallOptions struct {
	Trust          []ed25519.PublicKey // config packs.trusted_keys
	KioskID        string              // config kiosk_id, matched against the pack's target
	AppVersion     string              // the kiosk software version (see AppSatisfies)
	CurrentVersion int64               // content version in use when no pack is installed (0: none)
	Limits                             // config packs.max_bytes, max_files, max_ratio
	// Check validates the staged content root; the kiosk and kioskctl pass content.Load and
	// quiz.Load. A non-nil error refuses the pack. Nil means no check.
	Check func(root fs.FS) error
	// CheckDir is like Check but gets the staged root's directory (an app pack's check runs
	// the staged program). A non-nil error refuses the pack.
	CheckDir func(dir string, m Manifest) error
	// Progress is called with bytes unpacked so far and the total, from Install's goroutine.
	Progress func(done, total int64)
	// Kind is the kind of pack this store takes: KindContent (the default) or KindApp.
	Kind string
	// OS and Arch are the platform an app pack must be built for; "" means this program's
	// runtime.GOOS and runtime.GOARCH.
	OS, Arch string
}

// Install verifies the pack at path and, only if every check passes, makes it current.
// Files are hashed while they are copied into a staging directory inside the store; the
// switch is one atomic replacement of state.json. The previous pack is kept for Rollback,
// older ones are deleted. On any error the current pack is unchanged.
func (s *Store) Install(ctx context.Context, path string, opts InstallOptions) (Installed, error) {
	in, err := s.install(ctx, path, opts)
	return in, named(err, path)
}

func (s *Store) install(ctx context.Context, path string, opts InstallOptions) (Installed, error) {
	unlock, err := lockFile(filepath.Join(s.dir, lockName))
	if err != nil {
		return Installed{}, err
	}
	defer unlock()
	st, err := s.readState()
	if err != nil {
		return Installed{}, err
	}
	f, a, err := openFile(path, opts.Limits)
	if err != nil {
		return Installed{}, err
	}
	defer f.Close()
	if err := s.admit(a, st, opts); err != nil {
		return Installed{}, err
	}
	m := a.man
	if free, err := freeBytes(s.dir); err == nil && free < m.TotalSize+64<<20 {
		return Installed{}, fail(CodeIO, "", "needs %s, %s free", humanBytes(m.TotalSize), humanBytes(free))
	}
	stage, err := os.MkdirTemp(s.dir, stagePrefix)
	if err != nil {
		return Installed{}, wrapErr(CodeIO, "", err)
	}
	keep := false
	defer func() {
		if !keep {
			os.RemoveAll(stage)
		}
	}()
	if err := s.unpack(ctx, a, stage, opts); err != nil {
		return Installed{}, err
	}
	if opts.Check != nil {
		if err := opts.Check(os.DirFS(filepath.Join(stage, installRoot))); err != nil {
			return Installed{}, wrapErr(CodeContent, "", err)
		}
	}
	if opts.CheckDir != nil {
		if err := opts.CheckDir(filepath.Join(stage, installRoot), m); err != nil {
			if CodeOf(err) == 0 {
				err = wrapErr(CodeContent, "", err)
			}
			return Installed{}, err
		}
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	name := fmt.Sprintf("v%d-%s", m.Version, hex.EncodeToString(rnd[:]))
	if err := os.Rename(stage, filepath.Join(s.dir, name)); err != nil {
		return Installed{}, wrapErr(CodeIO, name, err)
	}
	keep = true
	if err := syncDir(s.dir); err != nil {
		os.RemoveAll(filepath.Join(s.dir, name))
		return Installed{}, err
	}
	next := state{Current: name, Previous: st.Current}
	if err := s.writeState(next); err != nil {
		os.RemoveAll(filepath.Join(s.dir, name))
		return Installed{}, err
	}
	s.log.Info("pack installed", "id", m.ID, "version", m.Version, "dir", name, "previous", st.Current)
	s.prune(next)
	return Installed{Name: name, Dir: filepath.Join(s.dir, name, installRoot), Manifest: m}, nil
}

// admit runs every check that needs no file content: signature, manifest, names, limits,
// target, app version and version order.
func (s *Store) admit(a *archive, st state, opts InstallOptions) error {
	if err := a.authenticate(opts.Trust); err != nil {
		return err
	}
	if err := a.matchEntries(opts.Limits); err != nil {
		return err
	}
	m := a.man
	if m.Kind != opts.Kind {
		return fail(CodeKind, "", "%s offered where %s belongs", kindName(m.Kind), kindName(opts.Kind))
	}
	if m.IsApp() {
		goos, arch := or(opts.OS, runtime.GOOS), or(opts.Arch, runtime.GOARCH)
		if m.App.OS != goos || m.App.Arch != arch {
			return fail(CodePlatform, "", "program for %s/%s, this kiosk is %s/%s", m.App.OS, m.App.Arch, goos, arch)
		}
	}
	if !m.Target.Allows(opts.KioskID) {
		return fail(CodeTarget, "", "pack for %v, this kiosk is %q", m.Target.Kiosks, opts.KioskID)
	}
	if !AppSatisfies(opts.AppVersion, m.MinAppVersion) {
		return fail(CodeAppTooOld, "", "pack needs %s, kiosk runs %s", m.MinAppVersion, opts.AppVersion)
	}
	if !AppAtMost(opts.AppVersion, m.MaxAppVersion) {
		return fail(CodeAppTooNew, "", "pack allows up to %s, kiosk runs %s", m.MaxAppVersion, opts.AppVersion)
	}
	cur := opts.CurrentVersion
	if st.Current != "" {
		if in, err := s.load(st.Current); err == nil {
			cur = max(cur, in.Manifest.Version)
		}
	}
	if m.Version <= cur {
		return fail(CodeNotNewer, "", "pack version %d, installed %d", m.Version, cur)
	}
	return nil
}

// unpack streams the content into stage/root, keeps the manifest beside it and fsyncs
// every file and directory.
func (s *Store) unpack(ctx context.Context, a *archive, stage string, opts InstallOptions) error {
	root := filepath.Join(stage, installRoot)
	dirs := map[string]bool{stage: true, root: true}
	if err := os.Mkdir(root, 0o755); err != nil {
		return wrapErr(CodeIO, "", err)
	}
	to := func(f File) (io.Writer, func() error, error) {
		dst := filepath.Join(root, filepath.FromSlash(f.Path))
		if rel, err := filepath.Rel(root, dst); err != nil || !filepath.IsLocal(rel) {
			return nil, nil, fail(CodeBadPath, RootPrefix+f.Path, "escapes the staging directory")
		}
		for d := filepath.Dir(dst); !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, nil, wrapErr(CodeIO, RootPrefix+f.Path, err)
		}
		out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode(a.man, f.Path))
		if err != nil {
			return nil, nil, wrapErr(CodeIO, RootPrefix+f.Path, err)
		}
		return out, func() error {
			err := out.Sync()
			if cerr := out.Close(); err == nil {
				err = cerr
			}
			return err
		}, nil
	}
	if err := a.stream(ctx, opts.Limits, to, opts.Progress); err != nil {
		return err
	}
	for name, data := range map[string][]byte{ManifestName: a.manifest, SigName: a.sig} {
		if err := writeSynced(filepath.Join(stage, name), data); err != nil {
			return err
		}
	}
	list := make([]string, 0, len(dirs))
	for d := range dirs {
		list = append(list, d)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(list))) // children before parents
	for _, d := range list {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return wrapErr(CodeIO, filepath.Base(path), err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return wrapErr(CodeIO, filepath.Base(path), err)
	}
	return nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
