// Package appupdate delivers newer kiosk programs like content packs: an app pack (package
// pack, kind "app") is verified and installed into data_dir/app by the same store code,
// with the previous version kept; a small launcher (`kioskctl app launch`, what the
// systemd unit starts) chooses the program to run, counts its starts and returns to the
// previous version when the new one twice fails to reach its first frame. It imports no
// Fyne. Workflow and files: docs/content-packs.md, "Program updates".
//
//	store, _ := pack.OpenStore(filepath.Join(dataDir, appupdate.Dir), log)
//	appupdate.Install(ctx, store, path, opts)          // staff panel or kioskctl
//	(&appupdate.Launcher{…}).Run(args)                   // before the kiosk: choose, count (TrialStarting), exec
//	appupdate.Confirm(store, os.Getenv(appupdate.EnvInstall)) // the kiosk, after its first frame
package appupdate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/jindu-edu/kiosk/internal/pack"
)

// Dir is the app store's directory inside the data directory.
const Dir = "app"

// EnvInstall is set by the launcher for the kiosk it starts: the store directory of the
// program ("" or unset: the program installed with the system). Only that install's start
// is confirmed by Confirm.
const EnvInstall = "JINDU_APP_INSTALL"

// EnvRolledBack is set ("1") by the launcher when it has just returned to an earlier
// program: the failed starts were the program's, so the kiosk does not count them against
// its content pack (the content store would otherwise roll back a good pack too).
const EnvRolledBack = "JINDU_APP_ROLLED_BACK"

// CheckTimeout bounds the `--version` run of a staged program.
const CheckTimeout = 20 * time.Second

// Install verifies the app pack at path and installs it into store: signature, manifest,
// platform, version above the running program's and the installed update's, every file's
// hash, then the staged program is run once with --version and must print the pack's
// version; only then the store switches (one atomic rename). The program starts at the
// next start of the kiosk. opts.AppVersion is the running program's version.
func Install(ctx context.Context, store *pack.Store, path string, opts pack.InstallOptions) (pack.Installed, error) {
	opts.Kind = pack.KindApp
	if serial, ok := pack.AppSerial(opts.AppVersion); ok {
		opts.CurrentVersion = max(opts.CurrentVersion, serial)
	}
	if opts.CheckDir == nil {
		opts.CheckDir = func(dir string, m pack.Manifest) error {
			return CheckProgram(ctx, ProgramIn(dir), m.App.Version)
		}
	}
	return store.Install(ctx, path, opts)
}

// ProgramIn is the kiosk program inside an installed app root.
func ProgramIn(root string) string { return filepath.Join(root, filepath.FromSlash(pack.AppKiosk)) }

// CheckProgram runs program --version and checks that it prints want (as a release number:
// "v1.5.0" matches "1.5.0"). It proves the program runs on this machine (architecture,
// libraries) and is the version the manifest names.
func CheckProgram(ctx context.Context, program, want string) error {
	ctx, cancel := context.WithTimeout(ctx, CheckTimeout)
	defer cancel()
	var out bytes.Buffer
	var err error
	for try := 0; try < 3; try++ {
		out.Reset()
		cmd := exec.CommandContext(ctx, program, "--version")
		cmd.Stdout, cmd.Stderr = &out, &out
		// A program written a moment ago may still be open for writing in a child that
		// another goroutine forked meanwhile ("text file busy"): try again shortly.
		if err = cmd.Run(); !errors.Is(err, syscall.ETXTBSY) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err != nil {
		return &pack.Error{Code: pack.CodeProgram, File: pack.RootPrefix + pack.AppKiosk,
			Detail: fmt.Sprintf("%s --version: %v: %s", filepath.Base(program), err, firstLine(out.String()))}
	}
	got := firstLine(out.String())
	g, gok := pack.AppSerial(got)
	w, wok := pack.AppSerial(want)
	if !gok || !wok || g != w {
		return &pack.Error{Code: pack.CodeProgram, File: pack.RootPrefix + pack.AppKiosk,
			Detail: fmt.Sprintf("the program says it is version %q, the pack says %s", got, want)}
	}
	return nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// Confirm is called by the kiosk once its first frame is on screen: the start of the
// install named by install (the EnvInstall the launcher set) succeeded, so it is no longer
// on trial. A kiosk started otherwise (install "") confirms nothing.
func Confirm(store *pack.Store, install string) error {
	if store == nil || install == "" {
		return nil
	}
	cur, ok := store.Current()
	if !ok || cur.Name != install {
		return nil
	}
	return store.BootOK()
}
