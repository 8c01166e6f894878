package exhibit

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/jindu-edu/kiosk/internal/pack"
	"github.com/jindu-edu/kiosk/internal/usbdrive"
)

// PackDeskConfig is what the pack desk is made of.
type PackDeskConfig struct {
	Store      *pack.Store
	Shelf      *Shelf
	Bundled    Bundled
	Trust      []ed25519.PublicKey
	Limits     pack.Limits
	KioskID    string
	AppVersion string
	StickDir   string // where the USB stick is mounted (packs are read from it)
	// ReportDir is where install reports are written: the stick's writable mount, which on
	// Linux is not StickDir (deploy/usb mounts StickDir read-only). "": StickDir.
	ReportDir string
	// Apps is the store of program updates (data_dir/app); nil: app packs are refused.
	Apps *pack.Store
	// AppInstall is the app store directory this program was started from (the launcher's
	// appupdate.EnvInstall); "" for the program installed with the system.
	AppInstall string
	// Open makes an installed content root readable; nil: os.DirFS. The kiosk passes a file
	// system that refuses links and special files.
	Open  func(dir string) fs.FS
	Clock interface{ Now() time.Time }
	Log   *slog.Logger
}

// PackDesk is the kiosk's side of content packs: it lists the packs on the stick,
// installs one (verify, stage, check with the same loaders as lint, switch atomically),
// puts the new content on the shelf and writes a report to the stick (ReportDir); it rolls back.
// Its methods may run off the UI thread; one change runs at a time.
type PackDesk struct {
	c  PackDeskConfig
	mu sync.Mutex // one install or rollback at a time
}

// NewPackDesk makes a desk over an opened store.
func NewPackDesk(c PackDeskConfig) *PackDesk {
	if c.Open == nil {
		c.Open = os.DirFS
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	if c.ReportDir == "" {
		c.ReportDir = c.StickDir
	}
	return &PackDesk{c: c}
}

// StickDir is where packs are looked for: the configured path, or for usbdrive.Auto the
// drive found now (the configured value while none is found).
func (d *PackDesk) StickDir() string {
	if dir := usbdrive.Resolve(d.c.StickDir); dir != "" {
		return dir
	}
	return d.c.StickDir
}

// Scan lists the packs on the stick, newest version first; nil when no stick is there.
func (d *PackDesk) Scan() []pack.Found {
	dir := usbdrive.Resolve(d.c.StickDir)
	if dir == "" {
		return nil
	}
	return pack.Scan(dir, d.c.Trust, d.c.Limits)
}

// StickPresent reports whether the stick directory exists.
func (d *PackDesk) StickPresent() bool {
	dir := usbdrive.Resolve(d.c.StickDir)
	if dir == "" {
		return false
	}
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

// Trusted reports whether any publisher key is configured.
func (d *PackDesk) Trusted() bool { return len(d.c.Trust) > 0 }

// Current and Previous are the installed packs (false: none).
func (d *PackDesk) Current() (pack.Installed, bool)  { return d.c.Store.Current() }
func (d *PackDesk) Previous() (pack.Installed, bool) { return d.c.Store.Previous() }

// Notice is the last automatic rollback notice ("" when none).
func (d *PackDesk) Notice() (string, time.Time) { return d.c.Store.LastNotice() }

// Outcome is what an install or rollback did, for the staff panel and the audit trail.
type Outcome struct {
	Manifest pack.Manifest // the pack installed or returned to (zero when refused)
	Err      error         // nil on success
	Message  string        // Chinese, for staff
	Report   string        // path of the report written to the stick ("" when none)
}

// LoadInstalled loads the current installed pack, if any; an installed pack that does not
// load (damaged since) is reported and not used.
func (d *PackDesk) LoadInstalled() (*Pack, error) {
	in, ok := d.c.Store.Current()
	if !ok {
		return nil, nil
	}
	return d.load(in)
}

func (d *PackDesk) load(in pack.Installed) (*Pack, error) {
	p, rep := loadCached(d.c.Open(in.Dir), fmt.Sprintf("%s v%d", in.Manifest.ID, in.Manifest.Version),
		d.c.Bundled.Bank, d.c.Bundled.BankCache)
	if err := rep.Err(); err != nil {
		return nil, fmt.Errorf("installed pack %s v%d does not load: %w", in.Manifest.ID, in.Manifest.Version, err)
	}
	p.PackID, p.PackVersion = in.Manifest.ID, in.Manifest.Version
	return p, nil
}

// Install verifies and installs the pack at path, then shows it. progress gets bytes
// unpacked so far and the total. The running content is untouched on any failure. A
// report goes back to the stick either way. An app pack is installed as the next program
// (installApp).
func (d *PackDesk) Install(ctx context.Context, path string, progress func(done, total int64)) Outcome {
	d.mu.Lock()
	defer d.mu.Unlock()
	if m, _, err := pack.Info(path); err == nil && m.IsApp() {
		return d.installApp(ctx, path, progress)
	}
	curVersion := d.c.Shelf.Current().Number()
	var problems []string
	in, err := d.c.Store.Install(ctx, path, pack.InstallOptions{
		Trust: d.c.Trust, KioskID: d.c.KioskID, AppVersion: d.c.AppVersion,
		CurrentVersion: curVersion, Limits: d.c.Limits, Progress: progress,
		Check: func(root fs.FS) error {
			rep := Check(root, d.c.Bundled.Bank)
			for _, p := range rep.Errors() {
				problems = append(problems, p.String())
			}
			return rep.Err()
		},
	})
	out := Outcome{Manifest: in.Manifest, Err: err}
	if err == nil {
		var p *Pack
		if p, err = d.load(in); err == nil {
			d.c.Shelf.Swap(p)
		} else {
			out.Err = err
		}
	}
	result := "installed"
	switch {
	case out.Err == nil:
		out.Message = fmt.Sprintf("已安装“%s”（版本 %d）。", in.Manifest.Title.Zh, in.Manifest.Version)
		d.c.Log.Info("content pack installed", "pack", in.Manifest.ID, "version", in.Manifest.Version)
	default:
		result = "rejected"
		out.Message = pack.Message(out.Err)
		d.c.Log.Error("content pack refused", "file", path, "err", out.Err)
	}
	out.Report = d.report(path, in.Manifest, result, out.Message, problems)
	return out
}

// Rollback returns to the previous installed pack and shows it.
func (d *PackDesk) Rollback() Outcome {
	d.mu.Lock()
	defer d.mu.Unlock()
	in, err := d.c.Store.Rollback()
	if err != nil {
		return Outcome{Err: err, Message: pack.Message(err)}
	}
	p, err := d.load(in)
	if err != nil {
		return Outcome{Manifest: in.Manifest, Err: err, Message: "上一版本无法读取：" + err.Error()}
	}
	d.c.Shelf.Swap(p)
	d.c.Log.Info("content pack rolled back", "to", in.Manifest.ID, "version", in.Manifest.Version)
	return Outcome{Manifest: in.Manifest,
		Message: fmt.Sprintf("已回退到“%s”（版本 %d）。", in.Manifest.Title.Zh, in.Manifest.Version)}
}

// report writes the install report to the stick's writable mount; a stick that cannot
// take it is logged.
func (d *PackDesk) report(path string, m pack.Manifest, result, msg string, problems []string) string {
	dir := usbdrive.Resolve(d.c.ReportDir)
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		d.c.Log.Warn("install report not written: no stick at the export path", "dir", d.c.ReportDir)
		return ""
	}
	now := time.Now()
	if d.c.Clock != nil {
		now = d.c.Clock.Now()
	}
	where, err := pack.WriteReport(dir, pack.Report{KioskID: d.c.KioskID, Time: now,
		PackFile: filepath.Base(path), PackID: m.ID, Version: m.Version, Result: result,
		Message: msg, Problems: problems})
	if err != nil {
		d.c.Log.Warn("install report not written to the stick", "err", err)
		return ""
	}
	return where
}
