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
	"github.com/jindu-edu/kiosk/internal/usbdrive"
)

// EventsFile is the visitor log inside the data directory.
const EventsFile = "events.db"

// openRecords opens the visitor log and, when a hub is configured, starts the uploader.
// Without a usable log the kiosk still runs: events go to the process log and the staff
// panel says why. The returned function stops the uploader and flushes the log.
func openRecords(cfg config.Config, contentVersion string, packVersion func() string, log *slog.Logger) (event.Recorder, ui.RecordsDeps, ui.DeviceInfo, func()) {
	dev := ui.DeviceInfo{KioskID: cfg.KioskID, Started: time.Now(), Disk: func() (uint64, uint64, error) {
		free, total := diskSpace(cfg.DataDir)
		if total <= 0 {
			return 0, 0, fmt.Errorf("disk space of %s unknown", cfg.DataDir)
		}
		return uint64(free), uint64(total), nil
	}}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		log.Error("data directory unusable, visitor log off", "err", err)
		return event.LogRecorder{Log: log}, ui.RecordsDeps{Unavailable: unusableDataDir(cfg.DataDir)}, dev, func() {}
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
		return event.LogRecorder{Log: log}, ui.RecordsDeps{Unavailable: unusableDataDir(cfg.DataDir)}, dev, func() {}
	}
	// A damaged log found by the background check is moved aside and logged by eventlog;
	// the staff panel reads it from Health.
	deps := ui.RecordsDeps{Health: l.Health, Trail: l.StaffTrail,
		Stats: func(from, to time.Time) (eventlog.Summary, error) { return l.Stats(from, to, time.Local) }}
	dev.KioskID = l.KioskID()
	ctx, cancel := context.WithCancel(context.Background())
	key, err := evsync.LoadOrCreateKey(cfg.DataDir)
	if err != nil {
		log.Error("kiosk signing key unusable: no export or upload", "err", err)
	} else {
		dev.PublicKey = evsync.PublicKeyString(key.Public().(ed25519.PublicKey))
		log.Info("kiosk key", "public_key", dev.PublicKey)
		deps.Export = func(all bool, progress func(done, total int)) (int, string, error) {
			dir := usbdrive.Resolve(cfg.Events.ExportDir)
			if dir == "" {
				dir = cfg.Events.ExportDir // "auto" and no removable drive found
			}
			if st, err := os.Stat(dir); dir == usbdrive.Auto || err != nil || !st.IsDir() {
				return 0, dir, fmt.Errorf("%w at %s: insert one (or set [events] export_dir)", ui.ErrNoStick, dir)
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
	return l, deps, dev, func() {
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

// unusableDataDir says in Chinese why there is no visitor log (the detail is in the log).
func unusableDataDir(dir string) string {
	return "数据目录 " + dir + " 无法写入（磁盘已满、只读或没有权限），访客记录只写入程序日志。请联系技术人员。"
}
