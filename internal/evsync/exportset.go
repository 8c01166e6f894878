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
	"os"
	"path/filepath"
	"time"
)

// errNoEvents: the range holds no (more) events.
var errNoEvents = errors.New("no events")

// hashInName is how many hex digits of the data file's SHA-256 go into the set's name.
const hashInName = 12

// exporter writes the sets of one ExportSets call.
type exporter struct {
	store  Store
	key    ed25519.PrivateKey
	dir    string
	opts   ExportOptions
	clock  func() time.Time
	chunk  int
	create func(dir, pattern string) (tempFile, error)
	total  int // upper bound of the events of the whole range, for Progress
	done   int // events written so far
}

func (w *exporter) init() {
	w.clock, w.chunk, w.create = w.opts.Clock, w.opts.Chunk, w.opts.createTemp
	if w.clock == nil {
		w.clock = time.Now
	}
	if w.chunk <= 0 {
		w.chunk = DefaultExportChunk
	}
	if w.create == nil {
		w.create = osCreateTemp
	}
}

// writeSet writes the run of events from seq start (at most to) that share the first
// one's kiosk_id, and returns its manifest and the seq where the next run begins.
func (w *exporter) writeSet(start, to int64) (m Manifest, next int64, err error) {
	var temps []string // removed unless renamed into place
	defer func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}()
	dataTmp, err := w.create(w.dir, ".export.ndjson.gz.tmp-*")
	if err != nil {
		return m, 0, fmt.Errorf("export: create data file: %w", err)
	}
	temps = append(temps, dataTmp.Name())
	run, err := w.writeEvents(dataTmp, start, to)
	if err == nil {
		err = dataTmp.Sync()
	}
	if cerr := dataTmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return m, 0, fmt.Errorf("export: write events from seq %d: %w", start, err)
	}
	if run.count == 0 {
		return m, 0, errNoEvents
	}
	m = Manifest{
		Format:    Format,
		KioskID:   run.kiosk,
		PublicKey: PublicKeyString(w.key.Public().(ed25519.PublicKey)),
		From:      start,
		To:        min(run.next-1, to),
		Count:     run.count,
		Size:      run.size,
		SHA256:    run.sum,
		Created:   w.clock().UTC(),
	}
	base := w.freeBase(fileBase(m.KioskID, m.From, m.To) + "_" + m.SHA256[:hashInName])
	m.File = base + DataSuffix
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, 0, fmt.Errorf("export: manifest: %w", err)
	}
	manifest = append(manifest, '\n')
	sig := base64.StdEncoding.EncodeToString(ed25519.Sign(w.key, manifest)) + "\n"
	manTmp, err := writeTemp(w.create, w.dir, base+ManifestSuffix, manifest)
	if manTmp != "" {
		temps = append(temps, manTmp)
	}
	if err != nil {
		return m, 0, fmt.Errorf("export: %w", err)
	}
	sigTmp, err := writeTemp(w.create, w.dir, base+SignatureSuffix, []byte(sig))
	if sigTmp != "" {
		temps = append(temps, sigTmp)
	}
	if err != nil {
		return m, 0, fmt.Errorf("export: %w", err)
	}

	// Into place: data, signature, manifest last. The names were free (freeBase); every
	// file removed on failure below was written by this call.
	final := []string{
		filepath.Join(w.dir, m.File),
		filepath.Join(w.dir, base+SignatureSuffix),
		filepath.Join(w.dir, base+ManifestSuffix),
	}
	for i, tmp := range []string{dataTmp.Name(), sigTmp, manTmp} {
		os.Chmod(tmp, 0o644) // readable by office staff on a Unix stick; FAT ignores it
		if err := os.Rename(tmp, final[i]); err != nil {
			for _, f := range final[:i] {
				os.Remove(f)
			}
			return m, 0, fmt.Errorf("export: %w", err)
		}
	}
	temps = nil
	if err := syncDir(w.dir); err != nil {
		for _, f := range final {
			os.Remove(f)
		}
		return m, 0, fmt.Errorf("export: %w", err)
	}
	return m, run.next, nil
}

// freeBase is base, or base-2, base-3, … : the first for which none of the three files
// exists in the directory.
func (w *exporter) freeBase(base string) string {
	for i := 1; ; i++ {
		b := base
		if i > 1 {
			b = fmt.Sprintf("%s-%d", base, i)
		}
		taken := false
		for _, suffix := range []string{DataSuffix, ManifestSuffix, SignatureSuffix} {
			if _, err := os.Lstat(filepath.Join(w.dir, b+suffix)); err == nil || !errors.Is(err, os.ErrNotExist) {
				taken = true
			}
		}
		if !taken {
			return b
		}
	}
}

// eventRun describes the events one data file holds.
type eventRun struct {
	kiosk string
	count int
	size  int64
	sum   string
	next  int64 // the seq where the next run (another kiosk id) begins; to+1 at the end
}

// writeEvents streams, as gzipped NDJSON, the events from seq start to to that have the
// kiosk_id of the first of them, stopping before the first event of another id.
func (w *exporter) writeEvents(out io.Writer, start, to int64) (eventRun, error) {
	run := eventRun{next: to + 1}
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(out, h)}
	bw := bufio.NewWriterSize(cw, 64<<10)
	gz := gzip.NewWriter(bw)
	enc := json.NewEncoder(gz)
	enc.SetEscapeHTML(false)
	seq := start - 1
scan:
	for seq < to {
		evs, err := w.store.After(seq, w.chunk)
		if err != nil {
			return run, fmt.Errorf("read events after seq %d: %w", seq, err)
		}
		for _, e := range evs {
			if e.Seq > to {
				break scan
			}
			if e.Seq <= seq {
				return run, fmt.Errorf("event log returned seq %d after seq %d", e.Seq, seq)
			}
			if run.count == 0 {
				if e.KioskID == "" {
					return run, fmt.Errorf("event seq %d has no kiosk_id", e.Seq)
				}
				run.kiosk = e.KioskID
			} else if e.KioskID != run.kiosk {
				run.next = e.Seq // the kiosk id changed here: the next set begins
				break scan
			}
			if err := enc.Encode(e); err != nil {
				return run, err
			}
			run.count++
			w.done++
			seq = e.Seq
		}
		if w.opts.Progress != nil && len(evs) > 0 {
			w.opts.Progress(w.done, w.total)
		}
		if len(evs) < w.chunk {
			break
		}
	}
	if err := gz.Close(); err != nil {
		return run, err
	}
	if err := bw.Flush(); err != nil {
		return run, err
	}
	run.size, run.sum = cw.n, hex.EncodeToString(h.Sum(nil))
	return run, nil
}
