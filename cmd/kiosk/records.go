package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/ui"
)

// EventsFile is the visitor log inside the data directory.
const EventsFile = "events.db"

// openRecords opens the visitor log and, when a hub is configured, starts the uploader.
// Without a usable log the kiosk still runs: events go to the process log and the staff
// panel says why. The returned function stops the uploader and flushes the log.
func openRecords(cfg config.Config, contentVersion string, packVersion func() string, log *slog.Logger) (event.Recorder, ui.RecordsDeps, func()) {
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		log.Error("data directory unusable, visitor log off", "err", err)
		return event.LogRecorder{Log: log}, ui.RecordsDeps{Unavailable: err.Error()}, func() {}
	}
	// OpenInBackground always gives a working log at once: the integrity check runs on the
	// log's own goroutine after the first frame, and on a full disk events wait in memory
	// while opening is retried with backoff (the staff panel says so).
	l, err := eventlog.OpenInBackground(filepath.Join(cfg.DataDir, EventsFile), eventlog.Options{
		KioskID:        cfg.KioskID,
		AppVersion:     version,
		ContentVersion: contentVersion,
		Logger:         log,
		DiskBudget:     int64(cfg.Events.DiskBudgetMB) << 20,
		RetentionDays:  cfg.Events.RetentionDays,
	})
	if err != nil {
		log.Error("visitor log unusable, events go to the process log only", "err", err)
		return event.LogRecorder{Log: log}, ui.RecordsDeps{Unavailable: err.Error()}, func() {}
	}
	// A damaged log found by the background check is moved aside and logged by eventlog;
	// the staff panel reads it from Health.
	deps := ui.RecordsDeps{Health: l.Health}
	ctx, cancel := context.WithCancel(context.Background())
	key, err := evsync.LoadOrCreateKey(cfg.DataDir)
	if err != nil {
		log.Error("kiosk signing key unusable: no export or upload", "err", err)
	} else {
		log.Info("kiosk key", "public_key", evsync.PublicKeyString(key.Public().(ed25519.PublicKey)))
		deps.Export = func(all bool, progress func(done, total int)) (int, string, error) {
			dir := cfg.Events.ExportDir
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return 0, dir, fmt.Errorf("no USB stick found at %s: insert one (or set [events] export_dir)", dir)
			}
			opts := evsync.ExportOptions{Progress: progress, Logger: log}
			if all {
				opts.From = 1 // a range: every stored event again; the export cursor stays
			}
			m, err := evsync.Export(l, key, dir, opts)
			return m.Count, dir, err
		}
		if cfg.Sync.HubURL != "" {
			up := &evsync.Uploader{Store: l, URL: cfg.Sync.HubURL, Token: cfg.Sync.Token, Key: key, Logger: log,
				PollInterval: time.Duration(cfg.Sync.PollInterval), BatchSize: cfg.Sync.BatchSize,
				Status: heartbeat(cfg.DataDir, packVersion, l)}
			deps.Sync = up.State
			go up.Run(ctx)
		}
	}
	return l, deps, func() {
		cancel()
		if err := l.Close(); err != nil {
			log.Error("closing the visitor log", "err", err)
		}
	}
}

// heartbeat is the kiosk's status for the hub's dashboard: versions, the data disk, uptime
// and the event log's newest problem (the uploader adds its queue and last error).
func heartbeat(dataDir string, packVersion func() string, l *eventlog.Log) func() evsync.Status {
	started := time.Now()
	return func() evsync.Status {
		free, total := diskSpace(dataDir)
		st := evsync.Status{AppVersion: version, PackVersion: packVersion(), DiskFree: free, DiskTotal: total,
			UptimeS: int64(time.Since(started) / time.Second)}
		if h := l.Health(); h.LastError != "" {
			st.LastError = h.LastError
		}
		return st
	}
}
