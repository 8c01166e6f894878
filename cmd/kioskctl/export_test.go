package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

func TestExportToUSBAndReadBack(t *testing.T) {
	data, usb := t.TempDir(), t.TempDir()
	l, err := eventlog.Open(filepath.Join(data, "events.db"), eventlog.Options{KioskID: "nanming-01"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		l.Record(event.Event{Type: event.ItemView, Zone: "drugs", Item: "meth"})
	}
	if err := l.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	l.Close()
	key, err := evsync.LoadOrCreateKey(data)
	if err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	if code, err := run([]string{"export", "--to", usb, "--data", data}, nil, &out); code != 0 {
		t.Fatalf("export: %v\n%s", err, out.String())
	}
	manifests, _ := filepath.Glob(filepath.Join(usb, "*.manifest.json"))
	if len(manifests) != 1 {
		t.Fatalf("manifests %v\n%s", manifests, out.String())
	}
	trust := func(id string) (ed25519.PublicKey, bool) {
		return key.Public().(ed25519.PublicKey), id == "nanming-01"
	}
	m, events, err := evsync.ReadExport(manifests[0], trust)
	if err != nil || m.Count != 50 || len(events) != 50 {
		t.Fatalf("read back: %v, %d events", err, len(events))
	}
	out.Reset()
	if code, _ := run([]string{"export", "--to", usb, "--data", data}, nil, &out); code != 0 ||
		!strings.Contains(out.String(), "nothing new") {
		t.Fatalf("a second export must have nothing new: %d\n%s", code, out.String())
	}
	out.Reset()
	if code, err := run([]string{"export", "--to", t.TempDir(), "--data", data, "--from", "10", "--to-seq", "20"}, nil, &out); code != 0 {
		t.Fatalf("re-export a range: %v\n%s", err, out.String())
	}
	if code, _ := run([]string{"export", "--data", data}, nil, &out); code != 2 {
		t.Fatal("export without --to is a usage error")
	}
}

// TestExportAcrossAKioskIDChange: the log holds 20 events of the default id "kiosk-01",
// then 25 after staff set the right id; the export writes both and never fails.
func TestExportAcrossAKioskIDChange(t *testing.T) {
	data, usb := t.TempDir(), t.TempDir()
	for _, id := range []string{"kiosk-01", "nanming-02"} {
		l, err := eventlog.Open(filepath.Join(data, "events.db"), eventlog.Options{KioskID: id})
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{"kiosk-01": 20, "nanming-02": 25}[id]
		for range n {
			l.Record(event.Event{Type: event.ItemView, Zone: "drugs"})
		}
		if err := l.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		l.Close()
	}
	var out bytes.Buffer
	if code, err := run([]string{"export", "--to", usb, "--data", data}, nil, &out); code != 0 {
		t.Fatalf("export: %v\n%s", err, out.String())
	}
	manifests, _ := filepath.Glob(filepath.Join(usb, "*.manifest.json"))
	if len(manifests) != 2 || !strings.Contains(out.String(), "2 sets") {
		t.Fatalf("manifests %v\n%s", manifests, out.String())
	}
	key, _ := evsync.LoadOrCreateKey(data)
	trust := func(string) (ed25519.PublicKey, bool) { return key.Public().(ed25519.PublicKey), true }
	total := 0
	for _, m := range manifests {
		_, evs, err := evsync.ReadExport(m, trust)
		if err != nil {
			t.Fatal(err)
		}
		total += len(evs)
	}
	if total != 45 {
		t.Fatalf("%d events exported, want 45", total)
	}
}
