package appupdate

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/jindu-edu/kiosk/internal/demo"
	"github.com/jindu-edu/kiosk/internal/pack"
)

// Program is a kiosk program the launcher may start.
type Program struct {
	Path    string
	Version string // "" or a development build: unknown
	Install string // store directory of an installed update; "" for the packaged program
}

// Choose picks the program to start: the installed update when there is one and it is
// newer than the program installed with the system (or the system's version is unknown: a
// development build), else the system's. A .deb newer than the update therefore wins.
func Choose(packaged Program, cur pack.Installed, ok bool) Program {
	if !ok || !cur.Manifest.IsApp() || cur.Manifest.App == nil {
		return packaged
	}
	if p, known := pack.AppSerial(packaged.Version); known && p >= cur.Manifest.Version {
		return packaged
	}
	return Program{Path: ProgramIn(cur.Dir), Version: cur.Manifest.App.Version, Install: cur.Name}
}

// Launcher starts the kiosk: it chooses the program, counts the start of an update on
// trial (pack.Store.TrialStarting: after CrashLimit starts without a first frame the store
// returns to the previous version; once it has shown one, it is no longer on trial) and replaces itself with the program, so that the
// service manager sees one process (Type=notify, the watchdog).
type Launcher struct {
	Store    *pack.Store // data_dir/app; nil: always the packaged program
	Packaged Program     // the program installed with the system
	Env      []string    // the environment to pass on (EnvInstall is added)
	// Demo is the demo content installed with the system (package demo), passed on as
	// demo.Env unless Env names one: an update's program lives in the store, where no
	// demo is beside it.
	Demo string
	// Exec replaces the process with path (syscall.Exec) and so returns only on failure;
	// nil means the program ran (where the launcher waits for it, and in tests).
	Exec func(path string, argv, env []string) error
	Log  *slog.Logger
}

// Run starts the kiosk with args and returns only when no program could be started. An
// update that cannot be executed at all is withdrawn at once and the next one tried.
func (l *Launcher) Run(args []string) error {
	log := l.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	counted, rolled := false, false
	for range 8 { // each withdrawal shortens the store's chain; the packaged program ends it
		p := l.Packaged
		if l.Store != nil {
			cur, ok := l.Store.Current()
			p = Choose(l.Packaged, cur, ok)
		}
		if p.Install != "" && !counted {
			counted = true
			notice, err := l.Store.TrialStarting()
			if err != nil {
				log.Warn("app update: start not counted", "err", err)
			}
			if notice != "" {
				log.Warn("app update rolled back", "notice", notice)
				rolled = true
				continue // the rollback counted this start for what it returned to
			}
		}
		log.Info("starting the kiosk", "program", p.Path, "version", p.Version, "install", p.Install)
		err := l.Exec(p.Path, append([]string{p.Path}, args...), l.env(p.Install, rolled))
		if err == nil {
			return nil
		}
		if p.Install == "" {
			return fmt.Errorf("start %s: %w", p.Path, err)
		}
		log.Error("app update cannot be started", "program", p.Path, "err", err)
		notice, ferr := l.Store.FailCurrent(fmt.Sprintf("无法运行（%v）", err))
		if ferr != nil {
			log.Error("app update not withdrawn: starting the packaged program", "err", ferr)
			if err := l.Exec(l.Packaged.Path, append([]string{l.Packaged.Path}, args...), l.env("", true)); err != nil {
				return fmt.Errorf("start %s: %w", l.Packaged.Path, err)
			}
			return nil
		}
		log.Warn("app update withdrawn", "notice", notice)
		rolled = true
	}
	return errors.New("app update: no program could be started")
}

// env is the launcher's environment with EnvInstall set to install, EnvRolledBack set
// when this start follows a rollback (earlier values of both removed) and demo.Env set
// to Demo when the environment has none.
func (l *Launcher) env(install string, rolled bool) []string {
	out := make([]string, 0, len(l.Env)+3)
	hasDemo := false
	for _, e := range l.Env {
		if strings.HasPrefix(e, EnvInstall+"=") || strings.HasPrefix(e, EnvRolledBack+"=") {
			continue
		}
		hasDemo = hasDemo || strings.HasPrefix(e, demo.Env+"=")
		out = append(out, e)
	}
	if l.Demo != "" && !hasDemo {
		out = append(out, demo.Env+"="+l.Demo)
	}
	out = append(out, EnvInstall+"="+install)
	if rolled {
		out = append(out, EnvRolledBack+"=1")
	}
	return out
}
