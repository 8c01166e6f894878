package hub

import (
	"context"
	"crypto/ed25519"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

func TestE2ESetAsideSQLite(t *testing.T) { testE2ESetAside(t, sqliteTestDSN(t)) }

func TestE2ESetAsidePostgres(t *testing.T) { testE2ESetAside(t, pgTestDSN(t)) }

// testE2ESetAside: a real kiosk log holds one event the hub cannot store (a payload over
// its limit) among 300; the real uploader, through the faulty network, delivers every
// other event exactly once, sets that one aside (kept in the log, unsynced) and goes on.
// A USB export still carries it.
func testE2ESetAside(t *testing.T, dsn string) {
	store := openTest(t, dsn)
	k := newTestKiosk(t, store, "kiosk-aside")
	k.record(t, 150)
	k.log.Record(event.Event{At: k.at, Type: "quiz_finish", Zone: "quiz",
		Data: map[string]any{"notes": strings.Repeat("字", maxPayloadLen)}}) // > 16 KiB: refused
	k.n++
	k.record(t, 149)
	all := k.all(t)
	bad := all[150]

	var f faults
	const clientTimeout = 300 * time.Millisecond
	srv := httptest.NewServer(faultyNetwork(&Handler{Store: store, Logger: discardLogger()}, 2*clientTimeout, &f))
	defer srv.Close()
	up := &evsync.Uploader{
		Store: k.log, URL: srv.URL, Token: k.token, Key: k.priv,
		Client:       &http.Client{Timeout: clientTimeout},
		BatchSize:    100,
		Backoff:      evsync.Backoff{Base: 5 * time.Millisecond, Cap: 40 * time.Millisecond},
		PollInterval: 20 * time.Millisecond,
		Logger:       discardLogger(),
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- up.Run(ctx) }()
	stop := sync.OnceFunc(func() { cancel(); <-done })
	defer stop()

	deadline := time.Now().Add(60 * time.Second)
	for {
		cur, _ := k.log.Cursor(evsync.UploadCursor)
		n, _ := store.Count(context.Background())
		if cur == all[len(all)-1].Seq && n == int64(len(all)-1) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("upload stuck: cursor %d, hub has %d of %d; state %+v", cur, n, len(all)-1, up.State())
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	srv.Close()

	got, err := store.Events(context.Background(), k.id)
	if err != nil {
		t.Fatal(err)
	}
	want := append(all[:150:150], all[151:]...)
	assertEvents(t, got, want) // exactly once each, the bad one absent
	s := up.State()
	if s.SetAside != 1 || !strings.Contains(s.SetAsideReason, "payload too large") || !strings.Contains(s.StaffMessage, "导出到U盘") {
		t.Fatalf("state %+v", s)
	}
	if n, _ := k.log.Unsynced(); n != 1 {
		t.Fatalf("%d unsynced events, want the set-aside one", n)
	}
	path, _ := k.export(t)
	_, events, err := evsync.ReadExport(path, func(string) (ed25519.PublicKey, bool) { return k.pub, true })
	if err != nil || len(events) != 300 || events[150].ID != bad.ID {
		t.Fatalf("USB export: %d events, %v", len(events), err)
	}
	t.Logf("%d events over %d requests (%d 503, %d answers dropped, %d delayed); 1 set aside",
		len(all), f.requests.Load(), f.unavailable.Load(), f.dropped.Load(), f.delayed.Load())
}
