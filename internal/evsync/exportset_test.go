package evsync

import (
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportNeverReplacesAnEarlierExport is the reproduction of "exporting a range whose
// file name already exists deletes the older export": the log was moved aside and seqs
// restarted at 1, so the new export covers the same range with other events.
func TestExportNeverReplacesAnEarlierExport(t *testing.T) {
	key, pub := testKey(t)
	dir := t.TempDir()
	before, err := Export(newMemStore("k1", 20), key, dir, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	oldData, _ := os.ReadFile(filepath.Join(dir, before.File))

	restarted := newMemStore("k1", 20) // seq 1-20 again, other events
	after, err := Export(restarted, key, dir, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if after.File == before.File {
		t.Fatalf("both exports named %s", after.File)
	}
	// Exactly the same content again (a repeated range): a third, numbered name.
	again, err := Export(restarted, key, dir, ExportOptions{From: 1, To: 20})
	if err != nil {
		t.Fatal(err)
	}
	if again.File != baseOf(after)+"-2"+DataSuffix {
		t.Fatalf("repeated export named %s, want %s-2", again.File, baseOf(after))
	}
	// A file of that name that export did not write is left alone too.
	foreign := filepath.Join(dir, baseOf(after)+"-3"+ManifestSuffix)
	os.WriteFile(foreign, []byte("staff notes"), 0o644)
	fourth, err := Export(restarted, key, dir, ExportOptions{From: 1, To: 20})
	if err != nil || fourth.File != baseOf(after)+"-4"+DataSuffix {
		t.Fatalf("fourth export %s, %v", fourth.File, err)
	}
	if b, _ := os.ReadFile(foreign); string(b) != "staff notes" {
		t.Fatal("a file export did not write was changed")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, before.File)); string(b) != string(oldData) {
		t.Fatal("the first export's data file was changed")
	}
	for _, m := range []Manifest{before, after, again, fourth} {
		if _, evs, err := ReadExport(filepath.Join(dir, baseOf(m)+ManifestSuffix), trustOnly("k1", pub)); err != nil || len(evs) != 20 {
			t.Fatalf("%s: %d events, %v", m.File, len(evs), err)
		}
	}
}

// TestExportSplitsByKioskID is the reproduction of "kioskctl export fails for good (seq 21
// has kiosk_id kiosk-01)": the log holds 20 events of the default id, then 25 of the
// right one. Each run becomes its own signed set; the cursor passes both.
func TestExportSplitsByKioskID(t *testing.T) {
	store := newMemStore("kiosk-01", 20)
	store.kiosk = "nanming-02"
	store.add(25)
	store.kiosk = "kiosk-01" // and back again: three runs
	store.add(5)
	key, pub := testKey(t)
	dir := t.TempDir()
	var progress [][2]int
	sets, err := ExportSets(store, key, dir, ExportOptions{Progress: func(d, n int) { progress = append(progress, [2]int{d, n}) }})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kiosk    string
		from, to int64
	}{{"kiosk-01", 1, 20}, {"nanming-02", 21, 45}, {"kiosk-01", 46, 50}}
	if len(sets) != len(want) {
		t.Fatalf("%d sets, want 3: %+v", len(sets), sets)
	}
	trust := func(id string) (ed25519.PublicKey, bool) { return pub, id == "kiosk-01" || id == "nanming-02" }
	for i, w := range want {
		m := sets[i]
		if m.KioskID != w.kiosk || m.From != w.from || m.To != w.to || !strings.HasPrefix(m.File, w.kiosk+"_") {
			t.Fatalf("set %d: %+v, want %+v", i, m, w)
		}
		if _, evs, err := ReadExport(filepath.Join(dir, baseOf(m)+ManifestSuffix), trust); err != nil || len(evs) != int(w.to-w.from+1) {
			t.Fatalf("set %d: %d events, %v", i, len(evs), err)
		}
	}
	if c := store.cursor(ExportCursor); c != 50 {
		t.Fatalf("export cursor %d, want 50", c)
	}
	if last := progress[len(progress)-1]; last != [2]int{50, 50} {
		t.Fatalf("progress ends %v", last)
	}
	// Export (the staff panel's call) sums the sets up.
	store.kiosk = "nanming-02"
	store.add(3)
	m, err := Export(store, key, t.TempDir(), ExportOptions{From: 40})
	if err != nil || m.Count != 14 || m.From != 40 || m.To != 53 {
		t.Fatalf("summary %+v, %v", m, err)
	}
}
