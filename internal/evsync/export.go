package evsync

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"
)

// ErrNothingToExport is Export's answer when there are no events to write; no file is
// created then.
var ErrNothingToExport = errors.New("nothing new to export")

// Suffixes of the three files of one export; the base name is <kiosk>_<from>-<to>.
const (
	DataSuffix      = ".ndjson.gz"
	ManifestSuffix  = ".manifest.json"
	SignatureSuffix = ".manifest.sig"
)

// DefaultExportChunk is how many events Export reads from the store at a time.
const DefaultExportChunk = 1000

// ExportOptions tune Export. The zero value exports everything not yet exported.
type ExportOptions struct {
	// From and To (inclusive) re-export a seq range; the export cursor does not move.
	// Both 0: every event after the "export" cursor, which then advances. To 0 with From
	// set: From to the newest event. A range past the newest event is cut at it.
	From, To int64
	// Progress, if set, is called after each chunk with the events written so far and an
	// upper bound of the total (the number of seqs in the range), and once more at the end
	// with done == total.
	Progress func(done, total int)
	Clock    func() time.Time // Manifest.Created; default time.Now
	Chunk    int              // events per Store.After call; default DefaultExportChunk
	Logger   *slog.Logger     // default slog.Default()

	// createTemp opens the temporary files; tests use it to make a write fail.
	createTemp func(dir, pattern string) (tempFile, error)
}

// tempFile is the part of *os.File that Export writes through.
type tempFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

func osCreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// Export writes the kiosk's events to dir (a mounted USB stick); see ExportSets. When the
// events span several kiosk ids (staff changed the id) several sets are written, and the
// Manifest returned sums them up: Count is the total, From and To span them all, File and
// KioskID are the last set's.
func Export(store Store, key ed25519.PrivateKey, dir string, opts ExportOptions) (Manifest, error) {
	sets, err := ExportSets(store, key, dir, opts)
	if len(sets) == 0 {
		return Manifest{}, err
	}
	sum := sets[len(sets)-1]
	sum.From, sum.Count = sets[0].From, 0
	for _, m := range sets {
		sum.Count += m.Count
	}
	return sum, err
}

// ExportSets writes the kiosk's events to dir as sets of three files, one set per run of
// events with the same kiosk_id: <kiosk>_<from>-<to>_<hash>.ndjson.gz (gzip of one JSON
// event per line, by seq; hash is the start of its SHA-256), the manifest
// <same>.manifest.json and its signature <same>.manifest.sig made with key. Each file is
// written under a temporary name, fsynced and renamed into place, the manifest last, and
// the directory is fsynced, so a stick pulled at any moment holds complete, verifiable
// sets and no manifest of an incomplete one. A name already on the stick is never
// replaced or deleted: the set takes the next free name (-2, -3, …), so repeated ranges
// (a re-export, or seqs that restarted after the log was moved aside) keep every earlier
// file. Only when every set is complete, and only for a normal (not range) export, does
// the "export" cursor advance to To (after a failure, over the sets completed before it).
// Events are streamed from the store in chunks.
//
// With nothing to export it returns ErrNothingToExport and writes nothing.
func ExportSets(store Store, key ed25519.PrivateKey, dir string, opts ExportOptions) ([]Manifest, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	if len(key) != ed25519.PrivateKeySize {
		return nil, errors.New("export: no valid kiosk signing key")
	}
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("export: target directory (is the USB stick mounted?): %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("export: %s is not a directory", dir)
	}
	from, to, ranged, err := exportRange(store, opts.From, opts.To)
	if err != nil {
		return nil, err
	}
	nothing := ErrNothingToExport
	if ranged {
		nothing = fmt.Errorf("%w: no events in seq %d-%d", ErrNothingToExport, from, to)
	}
	w := &exporter{store: store, key: key, dir: dir, opts: opts, total: int(to - from + 1)}
	w.init()
	var sets []Manifest
	for start := from; start <= to; {
		m, next, err := w.writeSet(start, to)
		if errors.Is(err, errNoEvents) {
			break
		}
		if err != nil {
			if !ranged && len(sets) > 0 {
				store.SetCursor(ExportCursor, sets[len(sets)-1].To) // the sets before stay valid
			}
			return sets, err
		}
		log.Info("events exported", "dir", dir, "file", m.File, "kiosk", m.KioskID, "from", m.From, "to", m.To,
			"count", m.Count, "range", ranged)
		sets = append(sets, m)
		start = next
	}
	if len(sets) == 0 {
		return nil, nothing
	}
	if opts.Progress != nil {
		opts.Progress(w.done, w.done)
	}
	if !ranged {
		if err := store.SetCursor(ExportCursor, to); err != nil {
			return sets, fmt.Errorf("export: files are complete, but the export cursor was not saved "+
				"(the next export will repeat these events): %w", err)
		}
	}
	return sets, nil
}

// exportRange resolves the seq range to export, cut at the newest event.
func exportRange(store Store, from, to int64) (int64, int64, bool, error) {
	last, err := store.LastSeq()
	if err != nil {
		return 0, 0, false, fmt.Errorf("export: read the event log: %w", err)
	}
	if from == 0 && to == 0 {
		cur, err := store.Cursor(ExportCursor)
		if err != nil {
			return 0, 0, false, fmt.Errorf("export: read the export cursor: %w", err)
		}
		return cur + 1, last, false, nil
	}
	if from < 0 || to < 0 || (to != 0 && to < from) {
		return 0, 0, true, fmt.Errorf("export: invalid seq range %d-%d", from, to)
	}
	if from == 0 {
		from = 1
	}
	if to == 0 || to > last {
		to = last
	}
	return from, to, true, nil
}

// writeTemp writes data to a new synced temporary file for name in dir and returns its path.
func writeTemp(create func(dir, pattern string) (tempFile, error), dir, name string, data []byte) (string, error) {
	f, err := create(dir, "."+name+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("create %s: %w", name, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return f.Name(), fmt.Errorf("write %s: %w", name, err)
	}
	return f.Name(), nil
}

// fileBase is <kiosk>_<from>-<to>, with characters that are unsafe in file names on a FAT
// stick replaced by '_'.
func fileBase(kiosk string, from, to int64) string {
	safe := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '.':
			return r
		}
		return '_'
	}, kiosk)
	return fmt.Sprintf("%s_%d-%d", safe, from, to)
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
