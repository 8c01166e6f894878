package evsync

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

var testNow = time.Date(2026, 7, 1, 8, 30, 0, 0, time.UTC)

func testKey(t *testing.T) (ed25519.PrivateKey, ed25519.PublicKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return priv, pub
}

// trustOnly trusts one kiosk with one key.
func trustOnly(kiosk string, pub ed25519.PublicKey) func(string) (ed25519.PublicKey, bool) {
	return func(id string) (ed25519.PublicKey, bool) {
		if id == kiosk {
			return pub, true
		}
		return nil, false
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestExportReadRoundTrip(t *testing.T) {
	store := newMemStore("kiosk-07", 2500)
	key, pub := testKey(t)
	dir := t.TempDir()

	var calls [][2]int
	m, err := Export(store, key, dir, ExportOptions{
		Chunk:    300,
		Clock:    func() time.Time { return testNow },
		Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) },
	})
	if err != nil {
		t.Fatal(err)
	}
	base := "kiosk-07_1-2500_" + m.SHA256[:hashInName]
	if got, want := listDir(t, dir), []string{base + ManifestSuffix, base + SignatureSuffix, base + DataSuffix}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	if m.Format != Format || m.KioskID != "kiosk-07" || m.From != 1 || m.To != 2500 || m.Count != 2500 ||
		m.File != base+DataSuffix || !m.Created.Equal(testNow) || m.PublicKey != PublicKeyString(pub) {
		t.Fatalf("manifest %+v", m)
	}
	if store.maxLimit != 300 || store.maxResult > 300 {
		t.Fatalf("After called with limit %d (returned up to %d), want chunks of 300", store.maxLimit, store.maxResult)
	}
	if len(calls) < 9 || calls[len(calls)-1] != [2]int{2500, 2500} {
		t.Fatalf("progress calls %v", calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Fatalf("progress went back: %v", calls)
		}
	}
	if c := store.cursor(ExportCursor); c != 2500 {
		t.Fatalf("export cursor %d, want 2500", c)
	}

	gotM, events, err := ReadExport(filepath.Join(dir, base+ManifestSuffix), trustOnly("kiosk-07", pub))
	if err != nil {
		t.Fatal(err)
	}
	if gotM.SHA256 != m.SHA256 || gotM.Count != m.Count || gotM.Size != m.Size {
		t.Fatalf("read manifest %+v, exported %+v", gotM, m)
	}
	sameEvents(t, events, store.all())

	// Nothing new: no files, cursor unchanged.
	if _, err := Export(store, key, dir, ExportOptions{}); !errors.Is(err, ErrNothingToExport) || err.Error() != "nothing new to export" {
		t.Fatalf("second export: %v, want ErrNothingToExport", err)
	}
	if n := len(listDir(t, dir)); n != 3 {
		t.Fatalf("%d files after an empty export, want 3", n)
	}

	// New events: the next export continues after the cursor.
	store.add(10)
	m2, err := Export(store, key, dir, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m2.From != 2501 || m2.To != 2510 || m2.Count != 10 || m2.File != "kiosk-07_2501-2510_"+m2.SHA256[:hashInName]+DataSuffix {
		t.Fatalf("second manifest %+v", m2)
	}
	_, events, err = ReadExport(filepath.Join(dir, baseOf(m2)+ManifestSuffix), trustOnly("kiosk-07", pub))
	if err != nil {
		t.Fatal(err)
	}
	sameEvents(t, events, store.all()[2500:])
	if c := store.cursor(ExportCursor); c != 2510 {
		t.Fatalf("export cursor %d, want 2510", c)
	}
}

func TestExportEmptyLog(t *testing.T) {
	store := newMemStore("k1", 0)
	key, _ := testKey(t)
	dir := t.TempDir()
	if _, err := Export(store, key, dir, ExportOptions{}); !errors.Is(err, ErrNothingToExport) {
		t.Fatalf("err = %v, want ErrNothingToExport", err)
	}
	if got := listDir(t, dir); len(got) != 0 {
		t.Fatalf("files written: %v", got)
	}
}

func TestExportMissingDirectory(t *testing.T) {
	store := newMemStore("k1", 5)
	key, _ := testKey(t)
	_, err := Export(store, key, filepath.Join(t.TempDir(), "usb"), ExportOptions{})
	if err == nil || !strings.Contains(err.Error(), "USB stick mounted") {
		t.Fatalf("err = %v", err)
	}
	if store.cursor(ExportCursor) != 0 {
		t.Fatal("cursor moved")
	}
}

// fullDisk is a temporary file whose writes fail with ENOSPC after limit bytes.
type fullDisk struct {
	*os.File
	limit, n int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if f.n+len(p) > f.limit {
		k, _ := f.File.Write(p[:max(f.limit-f.n, 0)])
		f.n += k
		return k, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	k, err := f.File.Write(p)
	f.n += k
	return k, err
}

func TestExportFailureLeavesCursorAndNoCompleteFile(t *testing.T) {
	for fail, what := range map[int]string{1: "data file", 2: "manifest", 3: "signature"} {
		t.Run(what, func(t *testing.T) {
			store := newMemStore("k1", 700)
			key, pub := testKey(t)
			dir := t.TempDir()
			opened := 0
			opts := ExportOptions{Chunk: 100, createTemp: func(dir, pattern string) (tempFile, error) {
				f, err := os.CreateTemp(dir, pattern)
				if err != nil {
					return nil, err
				}
				opened++
				if opened == fail {
					return &fullDisk{File: f, limit: 20}, nil
				}
				return f, nil
			}}
			_, err := Export(store, key, dir, opts)
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("err = %v, want ENOSPC", err)
			}
			if c := store.cursor(ExportCursor); c != 0 {
				t.Fatalf("export cursor moved to %d after a failed export", c)
			}
			if left := listDir(t, dir); len(left) != 0 {
				t.Fatalf("files left after a failed export: %v", left)
			}

			// The stick has room again: the same export succeeds and moves the cursor.
			m, err := Export(store, key, dir, ExportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if _, evs, err := ReadExport(filepath.Join(dir, baseOf(m)+ManifestSuffix), trustOnly("k1", pub)); err != nil || len(evs) != 700 {
				t.Fatalf("after retry: %d events, %v", len(evs), err)
			}
			if store.cursor(ExportCursor) != m.To {
				t.Fatal("cursor did not move after a good export")
			}
		})
	}
}

func TestExportCursorSaveFailure(t *testing.T) {
	store := newMemStore("k1", 10)
	store.cursorErr = errors.New("database is locked")
	key, pub := testKey(t)
	dir := t.TempDir()
	m, err := Export(store, key, dir, ExportOptions{})
	if err == nil || !strings.Contains(err.Error(), "cursor was not saved") {
		t.Fatalf("err = %v", err)
	}
	if _, _, err := ReadExport(filepath.Join(dir, strings.TrimSuffix(m.File, DataSuffix)+ManifestSuffix), trustOnly("k1", pub)); err != nil {
		t.Fatalf("the complete files should still be readable: %v", err)
	}
	if store.cursor(ExportCursor) != 0 {
		t.Fatal("cursor moved")
	}
}

func TestExportRange(t *testing.T) {
	store := newMemStore("k1", 100)
	key, pub := testKey(t)
	dir := t.TempDir()
	if _, err := Export(store, key, dir, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	store.add(20) // 101-120 not yet exported

	read := func(base string) []int64 {
		t.Helper()
		_, evs, err := ReadExport(filepath.Join(dir, base+ManifestSuffix), trustOnly("k1", pub))
		if err != nil {
			t.Fatal(err)
		}
		var seqs []int64
		for _, e := range evs {
			seqs = append(seqs, e.Seq)
		}
		return seqs
	}

	m, err := Export(store, key, dir, ExportOptions{From: 10, To: 20})
	if err != nil {
		t.Fatal(err)
	}
	if m.From != 10 || m.To != 20 || m.Count != 11 {
		t.Fatalf("manifest %+v", m)
	}
	if seqs := read(baseOf(m)); len(seqs) != 11 || seqs[0] != 10 || seqs[10] != 20 {
		t.Fatalf("seqs %v", seqs)
	}
	if c := store.cursor(ExportCursor); c != 100 {
		t.Fatalf("a range export moved the cursor to %d", c)
	}

	// The same range again is written beside the first (different content, different
	// name); a pruned event leaves a hole, not an error.
	first := baseOf(m)
	store.drop(15)
	if m, err = Export(store, key, dir, ExportOptions{From: 10, To: 20}); err != nil || m.Count != 10 {
		t.Fatalf("re-export: %+v, %v", m, err)
	}
	if seqs := read(baseOf(m)); len(seqs) != 10 || baseOf(m) == first {
		t.Fatalf("seqs %v, name %s", seqs, baseOf(m))
	}
	if seqs := read(first); len(seqs) != 11 {
		t.Fatalf("the earlier export of the range was changed: %v", seqs)
	}

	// From only, and a To past the end: up to the newest event.
	if m, err = Export(store, key, dir, ExportOptions{From: 110, To: 9999}); err != nil || m.To != 120 || m.Count != 11 {
		t.Fatalf("open range: %+v, %v", m, err)
	}
	if m, err = Export(store, key, dir, ExportOptions{From: 118}); err != nil || m.From != 118 || m.To != 120 {
		t.Fatalf("from only: %+v, %v", m, err)
	}
	if _, err = Export(store, key, dir, ExportOptions{From: 500, To: 600}); !errors.Is(err, ErrNothingToExport) {
		t.Fatalf("range past the end: %v", err)
	}
	if _, err = Export(store, key, dir, ExportOptions{From: 20, To: 10}); err == nil {
		t.Fatal("an inverted range must be an error")
	}
	if c := store.cursor(ExportCursor); c != 100 {
		t.Fatalf("range exports moved the cursor to %d", c)
	}
	for _, n := range listDir(t, dir) {
		if strings.HasPrefix(n, ".") {
			t.Fatalf("temporary file left: %s", n)
		}
	}

	// The normal export still picks up exactly what was never exported.
	if m, err = Export(store, key, dir, ExportOptions{}); err != nil || m.From != 101 || m.To != 120 {
		t.Fatalf("normal export after ranges: %+v, %v", m, err)
	}
}

// baseOf is the name of an export set without its suffix.
func baseOf(m Manifest) string { return strings.TrimSuffix(m.File, DataSuffix) }
