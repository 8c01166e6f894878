package hub

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// End-to-end: a real kiosk event log (eventlog) uploads through a real evsync.Uploader to a
// real hub server on loopback, behind a middleware that injects the failures a district
// network has. The hub must end with exactly the kiosk's events.

// testKiosk is a kiosk's event log and signing key, registered at a hub's store.
type testKiosk struct {
	id    string
	log   *eventlog.Log
	pub   ed25519.PublicKey
	priv  ed25519.PrivateKey
	token string
	at    time.Time // wall time of the next recorded event
	n     int       // events recorded so far
}

func newTestKiosk(t testing.TB, s Store, id string) *testKiosk {
	t.Helper()
	l, err := eventlog.Open(filepath.Join(t.TempDir(), "events.db"), eventlog.Options{
		KioskID: id, AppVersion: "test", ContentVersion: "c1", FlushEvery: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatalf("eventlog.Open: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	pub, priv := newKey(t)
	k := &testKiosk{id: id, log: l, pub: pub, priv: priv, token: "token-" + id,
		at: time.Date(2026, 5, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))}
	if s != nil {
		if err := s.AddKiosk(context.Background(), id, pub, HashToken(k.token)); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

// record adds n varied visitor events and waits until they are committed.
func (k *testKiosk) record(t testing.TB, n int) {
	t.Helper()
	for range n {
		i := k.n
		k.n++
		k.at = k.at.Add(7 * time.Second)
		session := fmt.Sprintf("v%d", i/8)
		e := event.Event{At: k.at, Session: session, Zone: "history"}
		switch i % 8 {
		case 0:
			e.Type, e.Zone = event.SessionStart, ""
		case 1:
			e.Type = event.ZoneEnter
		case 2:
			e.Type, e.Item = event.ItemView, "opium-war"
		case 3:
			e.Type, e.Data = event.ZoneLeave, map[string]any{"dwell_ms": 1000 + i}
		case 4, 5:
			e.Type, e.Zone, e.Item = "quiz_answer", "quiz", fmt.Sprintf("q%d", i%5)
			e.Data = map[string]any{"choice": []string{"A"}, "correct": i%3 == 0, "ms": 2500}
		case 6:
			e.Type, e.Zone = "quiz_finish", "quiz"
			e.Data = map[string]any{"mode": "team-race", "group": fmt.Sprintf("class %d", i), "scores": map[string]int{"红队": i % 4, "蓝队": 2}}
		default:
			e.Type, e.Zone = event.SessionEnd, ""
		}
		k.log.Record(e)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := k.log.Flush(ctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
}

// all is every event in the kiosk's log.
func (k *testKiosk) all(t testing.TB) []eventlog.Event {
	t.Helper()
	last, err := k.log.LastSeq()
	if err != nil {
		t.Fatal(err)
	}
	events, err := k.log.Range(1, last)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != k.n {
		t.Fatalf("kiosk log holds %d events, recorded %d", len(events), k.n)
	}
	return events
}

// faults counts what faultyNetwork did.
type faults struct {
	requests, unavailable, dropped, delayed atomic.Int64
}

// faultyNetwork wraps the hub: of every 7 requests, the 2nd gets a 503 without reaching
// the hub, the 4th is stored but its answer is lost (connection closed), and the 6th is
// held longer than the client's timeout before the hub stores it.
func faultyNetwork(next http.Handler, delay time.Duration, f *faults) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch f.requests.Add(1) % 7 {
		case 2:
			f.unavailable.Add(1)
			http.Error(w, "gateway says no", http.StatusServiceUnavailable)
		case 4:
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			if rec.Code == http.StatusOK {
				f.dropped.Add(1)
			}
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				panic(err)
			}
			conn.Close()
		case 6:
			f.delayed.Add(1)
			time.Sleep(delay)
			// The hub goes on although the client gave up, as a slow server would.
			next.ServeHTTP(w, r.WithContext(context.WithoutCancel(r.Context())))
		default:
			next.ServeHTTP(w, r)
		}
	})
}

func TestE2EUploadSQLite(t *testing.T) { testE2EUpload(t, sqliteTestDSN(t)) }

func TestE2EUploadPostgres(t *testing.T) { testE2EUpload(t, pgTestDSN(t)) }

func testE2EUpload(t *testing.T, dsn string) {
	store := openTest(t, dsn)
	k := newTestKiosk(t, store, "kiosk-e2e")
	k.record(t, 400)

	var f faults
	const clientTimeout = 300 * time.Millisecond
	srv := httptest.NewServer(faultyNetwork(&Handler{Store: store, Logger: discardLogger()}, 2*clientTimeout, &f))
	defer srv.Close()

	up := &evsync.Uploader{
		Store: k.log, URL: srv.URL, Token: k.token, Key: k.priv,
		Client:       &http.Client{Timeout: clientTimeout},
		BatchSize:    40,
		Backoff:      evsync.Backoff{Base: 5 * time.Millisecond, Cap: 40 * time.Millisecond},
		PollInterval: 20 * time.Millisecond,
		Logger:       discardLogger(),
		// The kiosk's heartbeat rides on every batch (and on an empty one when idle).
		Status: func() evsync.Status {
			return evsync.Status{AppVersion: "e2e-1", PackVersion: "pack-e2e", DiskTotal: 1 << 30}
		},
		HeartbeatInterval: 50 * time.Millisecond,
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- up.Run(ctx) }()
	stop := sync.OnceFunc(func() {
		cancel()
		<-done
	})
	defer stop()

	// The kiosk keeps recording while it uploads.
	for range 4 {
		time.Sleep(30 * time.Millisecond)
		k.record(t, 50)
		up.Notify()
	}
	want := k.all(t)

	deadline := time.Now().Add(60 * time.Second)
	for {
		cur, err := k.log.Cursor(evsync.UploadCursor)
		if err != nil {
			t.Fatal(err)
		}
		n, err := store.Count(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if cur == want[len(want)-1].Seq && n == int64(len(want)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("upload stuck: cursor %d of %d, hub has %d of %d events; state %+v",
				cur, want[len(want)-1].Seq, n, len(want), up.State())
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	srv.Close() // waits for delayed requests still in the hub

	got, err := store.Events(context.Background(), k.id)
	if err != nil {
		t.Fatal(err)
	}
	assertEvents(t, got, want) // none missing, none doubled, all fields intact
	health, err := store.Health(context.Background())
	if err != nil || len(health) != 1 || health[0].AppVersion != "e2e-1" || health[0].PackVersion != "pack-e2e" || health[0].LastSeen.IsZero() {
		t.Errorf("the hub's health of the kiosk: %+v, %v", health, err)
	}
	if f.unavailable.Load() == 0 || f.dropped.Load() == 0 || f.delayed.Load() == 0 {
		t.Errorf("not every fault happened: %d requests, %d 503, %d dropped, %d delayed",
			f.requests.Load(), f.unavailable.Load(), f.dropped.Load(), f.delayed.Load())
	}
	unsynced, err := k.log.Unsynced()
	if err != nil || unsynced != 0 {
		t.Errorf("kiosk has %d unsynced events (%v)", unsynced, err)
	}
	t.Logf("%d events over %d requests: %d answered 503, %d answers dropped after commit, %d delayed past the client timeout",
		len(want), f.requests.Load(), f.unavailable.Load(), f.dropped.Load(), f.delayed.Load())
}
