package main

import (
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/jindu-edu/kiosk/internal/appupdate"
	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/pack"
)

// PacksDir is where installed content packs live inside the data directory.
const PacksDir = "packs"

// packStore opens the pack store and counts this start against the installed pack; a pack
// that failed to reach the first frame twice in a row is rolled back here (the notice goes
// to the log and the staff panel). nil when the data directory cannot hold a store.
func packStore(cfg config.Config, log *slog.Logger) (*pack.Store, string) {
	store, err := pack.OpenStore(filepath.Join(cfg.DataDir, PacksDir), log)
	if err != nil {
		log.Error("content pack store unusable: no pack can be installed", "err", err)
		return nil, ""
	}
	if os.Getenv(appupdate.EnvRolledBack) != "" {
		// The launcher has just replaced a program update that failed to start: those
		// failed starts were the program's, not the content pack's.
		if err := store.BootOK(); err != nil {
			log.Error("content pack start count not reset after the program rollback", "err", err)
		}
	}
	notice, err := store.BootStarting()
	if err != nil {
		log.Error("content pack start count not kept", "err", err)
	}
	if notice != "" {
		log.Warn("content pack rolled back at start", "notice", notice)
	}
	return store, notice
}

// startContent chooses what the screens show: the installed pack, else the configured
// content directory, else the bundled demo.
func startContent(cfg config.Config, desk *exhibit.PackDesk, b exhibit.Bundled, log *slog.Logger) *exhibit.Pack {
	if desk != nil {
		p, err := desk.LoadInstalled()
		if err != nil {
			log.Error("installed content pack unusable, using the configured content", "err", err)
		}
		if p != nil {
			return p
		}
	}
	return loadContent(cfg.ContentDir, b, log)
}

// appStore opens the store of program updates (data_dir/app); nil when the data directory
// cannot hold it (app packs are then refused with a message). The launcher counts starts.
func appStore(cfg config.Config, log *slog.Logger) *pack.Store {
	store, err := pack.OpenStore(filepath.Join(cfg.DataDir, appupdate.Dir), log)
	if err != nil {
		log.Error("program update store unusable: no app pack can be installed", "err", err)
		return nil
	}
	return store
}

// packDesk makes the staff panel's pack service over store (nil store: no service).
func packDesk(cfg config.Config, store, apps *pack.Store, shelf *exhibit.Shelf, b exhibit.Bundled, log *slog.Logger) *exhibit.PackDesk {
	if store == nil {
		return nil
	}
	trust, err := cfg.Packs.PublicKeys()
	if err != nil {
		log.Error("trusted pack keys unusable: no pack can be installed", "err", err)
	}
	return exhibit.NewPackDesk(exhibit.PackDeskConfig{
		Store: store, Shelf: shelf, Bundled: b, Trust: trust,
		Limits:  pack.Limits{MaxBytes: cfg.Packs.MaxBytes, MaxFiles: cfg.Packs.MaxFiles, MaxRatio: cfg.Packs.MaxRatio},
		KioskID: cfg.KioskID, AppVersion: version, StickDir: cfg.Packs.USBDir,
		ReportDir: cfg.Events.ExportDir, Log: log,
		Apps: apps, AppInstall: os.Getenv(appupdate.EnvInstall),
		Open: func(dir string) fs.FS {
			root, err := openRoot(dir)
			if err != nil {
				log.Error("installed content pack unreadable", "dir", dir, "err", err)
				return emptyRoot{}
			}
			return root
		},
	})
}
