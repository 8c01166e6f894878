package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/hub"
)

// flaky sits between the kiosk and the hub: of every 6 requests the 2nd is refused with a
// 503, the 4th is stored but its answer is lost, and the 6th waits past the client's patience.
type flaky struct {
	next                          http.Handler
	n, refused, dropped, held, ok atomic.Int64
}

func (f *flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch f.n.Add(1) % 6 {
	case 2:
		f.refused.Add(1)
		http.Error(w, "proxy says no", http.StatusServiceUnavailable)
	case 4:
		f.dropped.Add(1)
		f.next.ServeHTTP(httptest.NewRecorder(), r)
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
	default:
		f.ok.Add(1)
		f.next.ServeHTTP(w, r)
	}
}

// TestRealKioskUploadsThroughFaults runs the real binary with a hub behind a flaky network,
// taps through the exhibit, kills the kiosk once in the middle (a power cut) and restarts it:
// every event the kiosk logged reaches the hub exactly once.
func TestRealKioskUploadsThroughFaults(t *testing.T) {
	needX(t)
	if testing.Short() {
		t.Skip("the real binary under Xvfb: not in -short")
	}
	ctx := context.Background()
	store, err := hub.Open(ctx, filepath.Join(t.TempDir(), "hub.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	data := t.TempDir()
	key, err := evsync.LoadOrCreateKey(data) // the kiosk keeps this key; the office registers it
	if err != nil {
		t.Fatal(err)
	}
	const id, token = "kiosk-fault", "secret-token"
	if err := store.AddKiosk(ctx, id, key.Public().(ed25519.PublicKey), hub.HashToken(token)); err != nil {
		t.Fatal(err)
	}
	net := &flaky{next: &hub.Handler{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}}
	srv := httptest.NewServer(net)
	defer srv.Close()
	cfg := filepath.Join(t.TempDir(), "kiosk.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`kiosk_id = %q
data_dir = %q
[sync]
hub_url = %q
token = %q
poll_interval = "300ms"
batch_size = 4
`, id, data, srv.URL, token)), 0o600)

	x := startXvfb(t, "1920x1080")
	bin := kioskBinary(t)
	walk := func(rounds int) {
		for range rounds {
			x.tap(960, 540)  // attract → home (or a tap on home)
			x.tap(480, 520)  // a zone tile
			x.tap(1400, 520) // something in the zone
			x.tap(110, 1025) // 首页
			time.Sleep(150 * time.Millisecond)
		}
	}
	k := x.startKiosk(bin, "--config", cfg)
	walk(4)
	time.Sleep(400 * time.Millisecond)
	k.kill() // a power cut in the middle of uploading
	k = x.startKiosk(bin, "--config", cfg)
	walk(4)

	// Wait until the hub stops growing, then stop the kiosk and compare.
	var last int64 = -1
	stable := time.Now()
	for deadline := time.Now().Add(90 * time.Second); time.Since(stable) < 4*time.Second; time.Sleep(200 * time.Millisecond) {
		n, err := store.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != last {
			last, stable = n, time.Now()
		}
		if time.Now().After(deadline) {
			t.Fatal("the hub never settled")
		}
	}
	k.stop(t)

	l, err := eventlog.Open(filepath.Join(data, EventsFile), eventlog.Options{KioskID: id})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	logged, err := l.After(0, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := store.Events(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, e := range stored {
		seen[e.ID]++
	}
	missing := 0
	for _, e := range logged {
		switch seen[e.ID] {
		case 0:
			missing++
		case 1:
		default:
			t.Errorf("event %s stored %d times", e.ID, seen[e.ID])
		}
	}
	t.Logf("kiosk logged %d events; hub stored %d; requests %d (503 %d, answers lost %d)",
		len(logged), len(stored), net.n.Load(), net.refused.Load(), net.dropped.Load())
	if len(logged) < 20 || missing > 0 || len(stored) != len(logged) {
		t.Fatalf("%d of %d logged events never reached the hub; the hub has %d", missing, len(logged), len(stored))
	}
	if net.refused.Load() == 0 || net.dropped.Load() == 0 {
		t.Fatal("the faults never happened: the test proves nothing")
	}
}
