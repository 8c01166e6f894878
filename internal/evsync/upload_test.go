package evsync

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

type hubFault int

const (
	faultNone            hubFault = iota
	fault500                      // answer 500 without storing
	faultDropAfterStore           // store, then cut the connection without an answer
	faultSlowAfterStore           // store, then answer only after the client gave up
	faultBadJSON                  // store, then answer 200 with something that is not an ack
	faultPartialAck               // store, then leave the batch's third id out of the ack
	faultHoldAfterStore           // store, signal held, wait for the client to go away
	faultHoldBeforeStore          // signal held, wait for the client to go away, store nothing
)

// fakeHub is the hub side of the protocol with injectable faults, keyed by request number.
type fakeHub struct {
	t     *testing.T
	token string
	kiosk string
	pub   ed25519.PublicKey
	held  chan struct{}
	// maxEvents, if set, makes batches larger than it a 413.
	maxEvents int
	// invalid ids make a batch holding any of them a 400, as the hub answers an event it
	// cannot store; refuseAll makes every batch a 400.
	invalid   map[string]bool
	refuseAll bool

	mu       sync.Mutex
	plan     map[int]hubFault
	requests int
	stored   map[string]eventlog.Event
	order    []string       // ids in the order first stored
	received map[string]int // how often each id arrived
}

func newFakeHub(t *testing.T, kiosk, token string, pub ed25519.PublicKey, plan map[int]hubFault) (*fakeHub, *httptest.Server) {
	h := &fakeHub{t: t, token: token, kiosk: kiosk, pub: pub, plan: plan, held: make(chan struct{}, 4),
		stored: map[string]eventlog.Event{}, received: map[string]int{}}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return h, srv
}

func (h *fakeHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != UploadPath {
		http.NotFound(w, r)
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+h.token {
		http.Error(w, "unknown token", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	if err := VerifyBatch(body, r.Header.Get(SignatureHeader), h.pub); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden) // as internal/hub answers
		return
	}
	var b Batch
	if err := json.Unmarshal(body, &b); err != nil || b.KioskID != h.kiosk || len(b.Events) == 0 {
		h.t.Errorf("hub: bad batch (kiosk %q, %d events): %v", b.KioskID, len(b.Events), err)
		http.Error(w, "bad batch", http.StatusBadRequest)
		return
	}

	if h.maxEvents > 0 && len(b.Events) > h.maxEvents {
		http.Error(w, "body too large; send smaller batches", http.StatusRequestEntityTooLarge)
		return
	}
	h.mu.Lock()
	h.requests++
	fault := h.plan[h.requests]
	bad := h.refuseAll
	for _, e := range b.Events {
		bad = bad || h.invalid[e.ID]
	}
	h.mu.Unlock()
	if bad {
		http.Error(w, "invalid event: payload too large", http.StatusBadRequest)
		return
	}
	switch fault {
	case fault500:
		http.Error(w, "database busy", http.StatusInternalServerError)
		return
	case faultHoldBeforeStore:
		h.held <- struct{}{}
		<-r.Context().Done()
		return
	}

	ids := make([]string, 0, len(b.Events))
	h.mu.Lock()
	for _, e := range b.Events {
		if e.KioskID != h.kiosk {
			h.t.Errorf("hub: event %s of kiosk %q", e.ID, e.KioskID)
		}
		h.received[e.ID]++
		if _, ok := h.stored[e.ID]; !ok {
			h.stored[e.ID] = e
			h.order = append(h.order, e.ID)
		}
		ids = append(ids, e.ID)
	}
	h.mu.Unlock()

	switch fault {
	case faultDropAfterStore:
		panic(http.ErrAbortHandler)
	case faultSlowAfterStore:
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	case faultBadJSON:
		w.Write([]byte("<html>502 proxy error</html>"))
		return
	case faultPartialAck:
		ids = append(ids[:2], ids[3:]...)
	case faultHoldAfterStore:
		h.held <- struct{}{}
		<-r.Context().Done()
		return
	}
	json.NewEncoder(w).Encode(Ack{Acked: ids})
}

// check fails unless the hub holds exactly the store's events, each once.
func (h *fakeHub) check(t *testing.T, store *memStore) (duplicates int) {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	want := store.all()
	if len(h.order) != len(h.stored) || len(h.stored) != len(want) {
		t.Fatalf("hub stored %d events (%d ids), the store has %d", len(h.order), len(h.stored), len(want))
	}
	var got []eventlog.Event
	for _, e := range h.stored {
		got = append(got, e)
	}
	sort.Slice(got, func(i, j int) bool { return got[i].Seq < got[j].Seq })
	sameEvents(t, got, want)
	for _, n := range h.received {
		duplicates += n - 1
	}
	return duplicates
}

// sleepRecorder stands in for time: waits shorter than an hour are recorded and return at
// once; longer ones (the idle poll in these tests) wait for their context.
type sleepRecorder struct {
	mu     sync.Mutex
	waits  []time.Duration
	onWait func(n int) // called after recording the n-th wait
}

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	if d >= time.Hour {
		<-ctx.Done()
		return ctx.Err()
	}
	s.mu.Lock()
	s.waits = append(s.waits, d)
	n := len(s.waits)
	s.mu.Unlock()
	if s.onWait != nil {
		s.onWait(n)
	}
	return ctx.Err()
}

func (s *sleepRecorder) recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

var quiet = slog.New(slog.DiscardHandler)

// start runs u in the background; the returned function cancels it and returns Run's error.
func start(u *Uploader) (stop func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- u.Run(ctx) }()
	return func() error {
		cancel()
		return <-done
	}
}

func TestUploadSurvivesFaults(t *testing.T) {
	const kiosk, token = "kiosk-5", "s3cret"
	store := newMemStore(kiosk, 1234)
	key, pub := testKey(t)
	hub, srv := newFakeHub(t, kiosk, token, pub, map[int]hubFault{
		2: faultDropAfterStore, 3: fault500, 5: faultSlowAfterStore, 6: faultBadJSON,
		8: faultPartialAck, 9: faultDropAfterStore, 11: fault500, 12: fault500,
	})
	sleeps := &sleepRecorder{}
	var (
		mu     sync.Mutex
		states []State
	)
	u := &Uploader{
		Store: store, URL: srv.URL + "/", Token: token, Key: key,
		Client:       &http.Client{Timeout: time.Second},
		BatchSize:    100,
		PollInterval: 2 * time.Hour,
		Sleep:        sleeps.sleep,
		Rand:         rand.New(rand.NewPCG(1, 2)),
		Logger:       quiet,
		OnState: func(s State) {
			mu.Lock()
			states = append(states, s)
			mu.Unlock()
		},
	}
	stop := start(u)
	allSent := func() bool {
		last, _ := store.LastSeq()
		return store.cursor(UploadCursor) == last && u.State().Status == StatusIdle
	}
	waitFor(t, "the first 1234 events", allSent)

	// New events while idle: Notify wakes the uploader.
	store.add(57)
	u.Notify()
	waitFor(t, "the 57 new events", allSent)
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v, want context.Canceled", err)
	}

	dups := hub.check(t, store)
	if dups < 200 {
		t.Fatalf("the hub saw %d duplicate events; the faults should have caused at least 200", dups)
	}
	if n := store.syncedCount(); n != 1291 {
		t.Fatalf("%d events marked synced, want 1291", n)
	}
	if got := len(sleeps.recorded()); got < 7 {
		t.Fatalf("%d backoff waits, want one per failed request (7): %v", got, sleeps.recorded())
	}
	mu.Lock()
	defer mu.Unlock()
	if states[0].Pending != 1234 {
		t.Fatalf("first state %+v, want 1234 pending", states[0])
	}
	var sawTimeout, saw500, sawBadJSON bool
	for _, s := range states {
		sawTimeout = sawTimeout || strings.Contains(s.LastError, "Timeout")
		saw500 = saw500 || strings.Contains(s.LastError, "500 Internal Server Error: database busy")
		sawBadJSON = sawBadJSON || strings.Contains(s.LastError, "not an ack")
	}
	if !sawTimeout || !saw500 || !sawBadJSON {
		t.Fatalf("states should show the timeout (%v), the 500 (%v) and the bad answer (%v)", sawTimeout, saw500, sawBadJSON)
	}
	final := states[len(states)-1]
	if final.Status != StatusStopped || final.Pending != 0 || final.LastError != "" || final.LastSuccess.IsZero() {
		t.Fatalf("final state %+v", final)
	}
}

func TestUploadRestartMidRequest(t *testing.T) {
	const kiosk, token = "kiosk-6", "tok"
	store := newMemStore(kiosk, 500)
	key, pub := testKey(t)
	// Request 3 is stored but never answered; request 5 never reaches the database.
	hub, srv := newFakeHub(t, kiosk, token, pub, map[int]hubFault{3: faultHoldAfterStore, 5: faultHoldBeforeStore})
	newUploader := func() *Uploader {
		return &Uploader{Store: store, URL: srv.URL, Token: token, Key: key, BatchSize: 100,
			PollInterval: 2 * time.Hour, Sleep: (&sleepRecorder{}).sleep, Logger: quiet}
	}

	stop := start(newUploader())
	<-hub.held // batch 3 stored, the kiosk is waiting for the answer: power cut
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v", err)
	}
	if c := store.cursor(UploadCursor); c != 200 {
		t.Fatalf("upload cursor %d after the first run, want 200", c)
	}

	stop = start(newUploader()) // resends batch 3, then batch 4 is cut before the hub stores it
	<-hub.held
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v", err)
	}
	if c := store.cursor(UploadCursor); c != 300 {
		t.Fatalf("upload cursor %d after the second run, want 300", c)
	}

	u := newUploader()
	stop = start(u)
	waitFor(t, "all events", func() bool { return store.cursor(UploadCursor) == 500 && u.State().Status == StatusIdle })
	stop()
	if dups := hub.check(t, store); dups != 100 {
		t.Fatalf("%d duplicates at the hub, want the 100 of the unanswered batch", dups)
	}
	if n := store.syncedCount(); n != 500 {
		t.Fatalf("%d events synced, want 500", n)
	}
}

func TestUploadTokenRejected(t *testing.T) {
	key, pub := testKey(t)
	_, otherPub := testKey(t)
	t.Run("401 unknown token", func(t *testing.T) {
		testRejected(t, key, pub, "an-old-token", []string{"401 Unauthorized: unknown token", "upload token"})
	})
	t.Run("403 bad signature", func(t *testing.T) {
		testRejected(t, key, otherPub, "the-right-token", []string{"403 Forbidden: batch signature", PublicKeyString(pub)})
	})
}

// testRejected runs an uploader whose requests the hub refuses.
func testRejected(t *testing.T, key ed25519.PrivateKey, registered ed25519.PublicKey, token string, say []string) {
	const kiosk = "kiosk-7"
	store := newMemStore(kiosk, 20)
	_, srv := newFakeHub(t, kiosk, "the-right-token", registered, nil)
	now := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sleeps := &sleepRecorder{onWait: func(n int) {
		if n == 3 {
			cancel()
		}
	}}
	var states []State
	u := &Uploader{Store: store, URL: srv.URL, Token: token, Key: key,
		Backoff: Backoff{Base: time.Second, Cap: 5 * time.Minute},
		Clock:   func() time.Time { return now }, Sleep: sleeps.sleep, Logger: quiet,
		OnState: func(s State) { states = append(states, s) }}
	if err := u.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v", err)
	}
	for _, d := range sleeps.recorded() {
		if d != 5*time.Minute {
			t.Fatalf("waits %v after 401, want the cap every time", sleeps.recorded())
		}
	}
	var rejected *State
	for i := range states {
		if states[i].Status == StatusTokenRejected {
			rejected = &states[i]
		}
	}
	if rejected == nil {
		t.Fatalf("no %q state in %+v", StatusTokenRejected, states)
	}
	for _, w := range append(say, "token rejected") {
		if !strings.Contains(rejected.LastError, w) {
			t.Fatalf("LastError %q does not say %q", rejected.LastError, w)
		}
	}
	if rejected.Backoff != 5*time.Minute || !rejected.NextRetry.Equal(now.Add(5*time.Minute)) || rejected.Pending != 20 {
		t.Fatalf("state %+v", *rejected)
	}
	if store.cursor(UploadCursor) != 0 || store.syncedCount() != 0 {
		t.Fatal("events were marked uploaded although the hub refused them")
	}
}

func TestUploadBackoffGrowsCapsAndResets(t *testing.T) {
	const kiosk, token = "kiosk-8", "tok"
	store := newMemStore(kiosk, 150)
	key, pub := testKey(t)
	plan := map[int]hubFault{9: fault500, 10: fault500}
	for i := 1; i <= 7; i++ {
		plan[i] = fault500
	}
	hub, srv := newFakeHub(t, kiosk, token, pub, plan)
	sleeps := &sleepRecorder{}
	var ceilings []time.Duration
	u := &Uploader{Store: store, URL: srv.URL, Token: token, Key: key, BatchSize: 100,
		Backoff: Backoff{Base: time.Second, Cap: 16 * time.Second}, PollInterval: 2 * time.Hour,
		Sleep: sleeps.sleep, Rand: rand.New(rand.NewPCG(7, 7)), Logger: quiet,
		OnState: func(s State) {
			if s.Status == StatusRetrying {
				ceilings = append(ceilings, s.Backoff)
			}
		}}
	stop := start(u)
	waitFor(t, "all events", func() bool { return store.cursor(UploadCursor) == 150 && u.State().Status == StatusIdle })
	stop()
	hub.check(t, store)

	s := time.Second
	want := []time.Duration{s, 2 * s, 4 * s, 8 * s, 16 * s, 16 * s, 16 * s, s, 2 * s}
	if len(ceilings) != len(want) {
		t.Fatalf("backoff ceilings %v, want %v", ceilings, want)
	}
	waits := sleeps.recorded()
	jittered := false
	for i := range want {
		if ceilings[i] != want[i] {
			t.Fatalf("backoff ceilings %v, want %v", ceilings, want)
		}
		if waits[i] < 0 || waits[i] > ceilings[i] {
			t.Fatalf("wait %v outside [0, %v]", waits[i], ceilings[i])
		}
		jittered = jittered || waits[i] != ceilings[i]
	}
	if !jittered {
		t.Fatalf("waits %v have no jitter", waits)
	}
}

func TestUploadHalvesBatchOn413(t *testing.T) {
	const kiosk, token = "kiosk-9", "tok"
	store := newMemStore(kiosk, 230)
	key, pub := testKey(t)
	hub, srv := newFakeHub(t, kiosk, token, pub, nil)
	hub.maxEvents = 30
	sleeps := &sleepRecorder{}
	u := &Uploader{Store: store, URL: srv.URL, Token: token, Key: key, BatchSize: 100,
		PollInterval: 2 * time.Hour, Sleep: sleeps.sleep, Logger: quiet}
	stop := start(u)
	waitFor(t, "all events", func() bool { return store.cursor(UploadCursor) == 230 && u.State().Status == StatusIdle })
	stop()
	hub.check(t, store)
	if n := len(sleeps.recorded()); n != 2 {
		t.Fatalf("%d retries, want 2 (100 → 50 → 25)", n)
	}
}

func TestUploaderConfig(t *testing.T) {
	key, _ := testKey(t)
	for _, u := range []*Uploader{
		{URL: "http://hub", Key: key},
		{Store: newMemStore("k", 1), URL: "http://hub"},
		{Store: newMemStore("k", 1), URL: "hub.example.org", Key: key},
	} {
		if err := u.Run(context.Background()); err == nil || errors.Is(err, context.Canceled) {
			t.Fatalf("Run with %+v: %v, want a configuration error", u, err)
		}
	}
	var u Uploader
	u.Notify() // never blocks, even before Run
	u.Notify()
}
