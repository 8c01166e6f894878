package hub

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/evsync"
)

// export writes the kiosk's not yet exported events to a new directory and returns the
// manifest's path.
func (k *testKiosk) export(t testing.TB) (string, evsync.Manifest) {
	t.Helper()
	dir := t.TempDir()
	m, err := evsync.Export(k.log, k.priv, dir, evsync.ExportOptions{Logger: discardLogger()})
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	return filepath.Join(dir, strings.TrimSuffix(m.File, evsync.DataSuffix)+evsync.ManifestSuffix), m
}

// copyExport copies the three files of an export to a new directory.
func copyExport(t testing.TB, manifest string) string {
	t.Helper()
	dir := t.TempDir()
	base := strings.TrimSuffix(filepath.Base(manifest), evsync.ManifestSuffix)
	for _, suffix := range []string{evsync.DataSuffix, evsync.ManifestSuffix, evsync.SignatureSuffix} {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(manifest), base+suffix))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, base+suffix), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, filepath.Base(manifest))
}

func TestImportSQLite(t *testing.T) { testImport(t, sqliteTestDSN(t)) }

func TestImportPostgres(t *testing.T) { testImport(t, pgTestDSN(t)) }

func testImport(t *testing.T, dsn string) {
	ctx := context.Background()
	store := openTest(t, dsn)
	k := newTestKiosk(t, store, "kiosk-usb")
	k.record(t, 120)
	path, m := k.export(t)

	res, err := Import(ctx, store, path)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	want := ImportResult{Path: path, KioskID: k.id, From: m.From, To: m.To, Count: 120, Inserted: 120}
	if res != want {
		t.Fatalf("Import = %+v, want %+v", res, want)
	}
	// The same stick again adds nothing.
	res, err = Import(ctx, store, path)
	if err != nil || res.Inserted != 0 || res.Count != 120 {
		t.Fatalf("second Import = %+v, %v; want inserted 0", res, err)
	}

	// A later export holds only the new events; importing an older one again changes nothing.
	k.record(t, 30)
	path2, _ := k.export(t)
	if res, err := Import(ctx, store, path2); err != nil || res.Inserted != 30 || res.From != m.To+1 {
		t.Fatalf("Import of the next export = %+v, %v", res, err)
	}
	if res, err := Import(ctx, store, path); err != nil || res.Inserted != 0 {
		t.Fatalf("Import of the first export again = %+v, %v", res, err)
	}
	got, err := store.Events(ctx, k.id)
	if err != nil {
		t.Fatal(err)
	}
	assertEvents(t, got, k.all(t))

	// Damaged copies are rejected with ReadExport's reason and add nothing.
	dataOf := func(manifest string) string {
		return strings.TrimSuffix(manifest, evsync.ManifestSuffix) + evsync.DataSuffix
	}
	rejects := []struct {
		name   string
		damage func(manifest string)
		want   error
		say    string
	}{
		{"tampered data file", func(p string) {
			b, _ := os.ReadFile(dataOf(p))
			b[len(b)/2] ^= 0x55
			os.WriteFile(dataOf(p), b, 0o644)
		}, evsync.ErrDataMismatch, "altered"},
		{"truncated data file", func(p string) {
			b, _ := os.ReadFile(dataOf(p))
			os.WriteFile(dataOf(p), b[:len(b)-100], 0o644)
		}, evsync.ErrDataMismatch, "truncated"},
		{"tampered manifest", func(p string) {
			b, _ := os.ReadFile(p)
			os.WriteFile(p, regexp.MustCompile(`"count":\s*30`).ReplaceAll(b, []byte(`"count": 29`)), 0o644)
		}, evsync.ErrBadSignature, "altered"},
		{"missing signature", func(p string) {
			os.Remove(strings.TrimSuffix(p, evsync.ManifestSuffix) + evsync.SignatureSuffix)
		}, evsync.ErrIncomplete, "missing"},
	}
	before, _ := store.Count(ctx)
	for _, tc := range rejects {
		p := copyExport(t, path2)
		tc.damage(p)
		_, err := Import(ctx, store, p)
		var rejected *RejectedError
		if !errors.As(err, &rejected) || !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.say) {
			t.Errorf("%s: Import = %v, want a rejection %v saying %q", tc.name, err, tc.want, tc.say)
		}
	}
	if after, _ := store.Count(ctx); after != before {
		t.Errorf("rejected imports changed the event count from %d to %d", before, after)
	}

	// A kiosk the hub does not know, and one signed with another key than the registered.
	stranger := newTestKiosk(t, nil, "kiosk-stranger")
	stranger.record(t, 5)
	p, _ := stranger.export(t)
	if _, err := Import(ctx, store, p); !errors.Is(err, evsync.ErrUnknownKiosk) {
		t.Errorf("unknown kiosk: %v", err)
	}
	other, _ := newKey(t)
	if err := store.AddKiosk(ctx, stranger.id, other, HashToken("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := Import(ctx, store, p); !errors.Is(err, evsync.ErrWrongKey) {
		t.Errorf("wrong key: %v", err)
	}
}
