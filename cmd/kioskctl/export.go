package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
)

const exportUsage = `usage: kioskctl export --to DIR [--data DIR] [--config FILE] [--from N [--to-seq M]]

Writes the kiosk's visitor events to DIR (a mounted USB stick) for the district office
(docs/sync-format.md): <kiosk>_<from>-<to>_<hash>.ndjson.gz, .manifest.json and
.manifest.sig, one such set per kiosk id the events were recorded under. Files already on
the stick are never replaced. Bring every set (all three files of each) to the office.

  --to DIR        where to write the export (the USB stick)
  --data DIR      the kiosk's data directory (default: data_dir of the configuration)
  --config FILE   configuration file, for kiosk_id and data_dir (default: $JINDU_KIOSK_CONFIG)
  --from N        re-export events from seq N (to --to-seq M, default the newest); a
                  re-export does not change what the next normal export contains

Without --from, exports every event not yet exported and remembers how far it got.
Exit codes: 0 exported, or nothing new to export; 1 failed; 2 usage.
`

// Compile-time check that the event log is what export and upload expect.
var _ evsync.Store = (*eventlog.Log)(nil)

// runExport is `kioskctl export`.
func runExport(args []string, stdout io.Writer) (int, error) {
	flags := flag.NewFlagSet("kioskctl export", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	to := flags.String("to", "", "export directory")
	dataDir := flags.String("data", "", "kiosk data directory")
	cfgPath := flags.String("config", "", "configuration file")
	from := flags.Int64("from", 0, "first seq of a re-export")
	toSeq := flags.Int64("to-seq", 0, "last seq of a re-export")
	if err := flags.Parse(args); err != nil {
		fmt.Fprint(stdout, exportUsage)
		if errors.Is(err, flag.ErrHelp) {
			return 0, nil
		}
		return 2, err
	}
	switch {
	case *to == "" || flags.NArg() != 0:
		fmt.Fprint(stdout, exportUsage)
		return 2, errors.New("export needs --to DIR and no other arguments")
	case *from < 0 || *toSeq < 0:
		return 2, errors.New("--from and --to-seq must not be negative")
	case *toSeq != 0 && *from == 0:
		return 2, errors.New("--to-seq needs --from")
	case *toSeq != 0 && *toSeq < *from:
		return 2, fmt.Errorf("--to-seq %d is before --from %d", *toSeq, *from)
	}

	cfg, err := config.Load(config.Path(*cfgPath))
	if err != nil {
		return 1, err
	}
	if *dataDir != "" {
		cfg.DataDir = *dataDir
	}
	store, closeStore, err := openEventLog(cfg.DataDir, cfg.KioskID)
	if err != nil {
		return 1, err
	}
	defer closeStore()
	key, err := evsync.LoadOrCreateKey(cfg.DataDir)
	if err != nil {
		return 1, err
	}

	last := -1
	sets, err := evsync.ExportSets(store, key, *to, evsync.ExportOptions{
		From: *from,
		To:   *toSeq,
		Progress: func(done, total int) {
			if total > 0 && done < total && done*10/total != last {
				last = done * 10 / total
				fmt.Fprintf(stdout, "  %d events written…\n", done)
			}
		},
	})
	if errors.Is(err, evsync.ErrNothingToExport) {
		fmt.Fprintln(stdout, err)
		return 0, nil
	}
	for _, m := range sets {
		base := strings.TrimSuffix(m.File, evsync.DataSuffix)
		fmt.Fprintf(stdout, "exported %d events of kiosk %s (seq %d-%d) to %s:\n  %s\n  %s\n  %s\n",
			m.Count, m.KioskID, m.From, m.To, *to, m.File, base+evsync.ManifestSuffix, base+evsync.SignatureSuffix)
	}
	if len(sets) > 1 {
		fmt.Fprintf(stdout, "the kiosk id changed within these events: %d sets, bring all of them to the office\n", len(sets))
	}
	if len(sets) > 0 {
		fmt.Fprintf(stdout, "kiosk public key (registered at the office): %s\n", sets[0].PublicKey)
	}
	if err != nil { // a later set failed, or the files are complete but the cursor was not saved
		return 1, err
	}
	return 0, nil
}

// openEventLog opens the kiosk's existing event log; the only use of the eventlog
// implementation here.
func openEventLog(dataDir, kioskID string) (evsync.Store, func() error, error) {
	path := filepath.Join(dataDir, "events.db")
	if _, err := os.Stat(path); err != nil {
		return nil, nil, fmt.Errorf("no event log at %s (wrong --data or --config?): %w", path, err)
	}
	l, err := eventlog.Open(path, eventlog.Options{KioskID: kioskID})
	if err != nil {
		return nil, nil, err
	}
	// The events carry the id the kiosk had when it recorded them; export under that id
	// even when kioskctl runs without the kiosk's configuration.
	if last, err := l.LastSeq(); err == nil && last > 0 {
		if evs, err := l.Range(last, last); err == nil && len(evs) == 1 && evs[0].KioskID != kioskID {
			l.Close()
			if l, err = eventlog.Open(path, eventlog.Options{KioskID: evs[0].KioskID}); err != nil {
				return nil, nil, err
			}
		}
	}
	return l, l.Close, nil
}
