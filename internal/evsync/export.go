package evsync

import (
	"bufio"
	"compress/gzip"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
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

// Export writes the kiosk's events to dir (a mounted USB stick) as three files:
// <kiosk>_<from>-<to>.ndjson.gz (gzip of one JSON event per line, by seq), the manifest
// <same>.manifest.json and its signature <same>.manifest.sig made with key. Each is
// written under a temporary name, fsynced and renamed into place, the manifest last, and
// the directory is fsynced, so a stick pulled at any moment holds either a complete,
// verifiable set or no manifest. Only then, and only for a normal (not range) export,
// does the "export" cursor advance to To. Events are streamed from the store in chunks.
//
// With nothing to export it returns ErrNothingToExport and writes nothing.
func Export(store Store, key ed25519.PrivateKey, dir string, opts ExportOptions) (Manifest, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	clock := opts.Clock
	if clock == nil {
		clock = time.Now
	}
	chunk := opts.Chunk
	if chunk <= 0 {
		chunk = DefaultExportChunk
	}
	create := opts.createTemp
	if create == nil {
		create = osCreateTemp
	}
	if len(key) != ed25519.PrivateKeySize {
		return Manifest{}, errors.New("export: no valid kiosk signing key")
	}
	kiosk := store.KioskID()
	if strings.TrimSpace(kiosk) == "" {
		return Manifest{}, errors.New("export: the event log has no kiosk id")
	}
	if st, err := os.Stat(dir); err != nil {
		return Manifest{}, fmt.Errorf("export: target directory (is the USB stick mounted?): %w", err)
	} else if !st.IsDir() {
		return Manifest{}, fmt.Errorf("export: %s is not a directory", dir)
	}

	from, to, ranged, err := exportRange(store, opts.From, opts.To)
	if err != nil {
		return Manifest{}, err
	}
	nothing := ErrNothingToExport
	if ranged {
		nothing = fmt.Errorf("%w: no events in seq %d-%d", ErrNothingToExport, from, to)
	}
	if from > to {
		return Manifest{}, nothing
	}

	base := fileBase(kiosk, from, to)
	m := Manifest{
		Format:    Format,
		KioskID:   kiosk,
		PublicKey: PublicKeyString(key.Public().(ed25519.PublicKey)),
		File:      base + DataSuffix,
		From:      from,
		To:        to,
	}

	var temps []string // removed on failure
	defer func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}()

	// 1. The data file, streamed.
	dataTmp, err := create(dir, "."+m.File+".tmp-*")
	if err != nil {
		return Manifest{}, fmt.Errorf("export: create data file: %w", err)
	}
	temps = append(temps, dataTmp.Name())
	m.Count, m.Size, m.SHA256, err = writeEvents(dataTmp, store, kiosk, from, to, chunk, opts.Progress)
	if err == nil {
		err = dataTmp.Sync()
	}
	if cerr := dataTmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Manifest{}, fmt.Errorf("export: write %s: %w", m.File, err)
	}
	if m.Count == 0 {
		return Manifest{}, nothing
	}

	// 2. The manifest and its signature.
	m.Created = clock().UTC()
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return Manifest{}, fmt.Errorf("export: manifest: %w", err)
	}
	manifest = append(manifest, '\n')
	sig := base64.StdEncoding.EncodeToString(ed25519.Sign(key, manifest)) + "\n"
	manTmp, err := writeTemp(create, dir, base+ManifestSuffix, manifest)
	if manTmp != "" {
		temps = append(temps, manTmp)
	}
	if err != nil {
		return Manifest{}, fmt.Errorf("export: %w", err)
	}
	sigTmp, err := writeTemp(create, dir, base+SignatureSuffix, []byte(sig))
	if sigTmp != "" {
		temps = append(temps, sigTmp)
	}
	if err != nil {
		return Manifest{}, fmt.Errorf("export: %w", err)
	}

	// 3. Into place: data, signature, manifest last. An older export of the same range
	// loses its manifest first, so no moment shows an old manifest beside new files.
	final := []string{
		filepath.Join(dir, m.File),
		filepath.Join(dir, base+SignatureSuffix),
		filepath.Join(dir, base+ManifestSuffix),
	}
	if err := os.Remove(final[2]); err == nil {
		if err := syncDir(dir); err != nil {
			return Manifest{}, fmt.Errorf("export: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return Manifest{}, fmt.Errorf("export: replace the earlier export of this range: %w", err)
	}
	for i, tmp := range []string{dataTmp.Name(), sigTmp, manTmp} {
		os.Chmod(tmp, 0o644) // readable by office staff on a Unix stick; FAT ignores it
		if err := os.Rename(tmp, final[i]); err != nil {
			for _, f := range final[:i] {
				os.Remove(f)
			}
			return Manifest{}, fmt.Errorf("export: %w", err)
		}
	}
	temps = nil
	if err := syncDir(dir); err != nil {
		for _, f := range final {
			os.Remove(f)
		}
		return Manifest{}, fmt.Errorf("export: %w", err)
	}
	if opts.Progress != nil {
		opts.Progress(m.Count, m.Count)
	}
	log.Info("events exported", "dir", dir, "file", m.File, "from", m.From, "to", m.To,
		"count", m.Count, "range", ranged)

	// 4. Only now is the export done.
	if !ranged {
		if err := store.SetCursor(ExportCursor, to); err != nil {
			return m, fmt.Errorf("export: files are complete, but the export cursor was not saved "+
				"(the next export will repeat these events): %w", err)
		}
	}
	return m, nil
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

// writeEvents streams the events with from <= seq <= to as gzipped NDJSON to w.
func writeEvents(w io.Writer, store Store, kiosk string, from, to int64, chunk int,
	progress func(done, total int)) (count int, size int64, sum string, err error) {
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(w, h)}
	bw := bufio.NewWriterSize(cw, 64<<10)
	gz := gzip.NewWriter(bw)
	enc := json.NewEncoder(gz)
	enc.SetEscapeHTML(false)
	total := int(to - from + 1)
	seq := from - 1
	for seq < to {
		evs, err := store.After(seq, chunk)
		if err != nil {
			return 0, 0, "", fmt.Errorf("read events after seq %d: %w", seq, err)
		}
		for _, e := range evs {
			if e.Seq > to {
				break
			}
			if e.Seq <= seq {
				return 0, 0, "", fmt.Errorf("event log returned seq %d after seq %d", e.Seq, seq)
			}
			if e.KioskID != kiosk {
				return 0, 0, "", fmt.Errorf("event seq %d has kiosk_id %q, but this kiosk is %q", e.Seq, e.KioskID, kiosk)
			}
			if err := enc.Encode(e); err != nil {
				return 0, 0, "", err
			}
			count++
			seq = e.Seq
		}
		if progress != nil && len(evs) > 0 {
			progress(count, total)
		}
		if len(evs) < chunk || (len(evs) > 0 && evs[len(evs)-1].Seq >= to) {
			break
		}
	}
	if err := gz.Close(); err != nil {
		return 0, 0, "", err
	}
	if err := bw.Flush(); err != nil {
		return 0, 0, "", err
	}
	return count, cw.n, hex.EncodeToString(h.Sum(nil)), nil
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
