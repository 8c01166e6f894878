package evsync

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestUploadSetsAsideOnlyTheInvalidEvent: one event the hub refuses in a batch of 100 is
// found by splitting the batch and set aside alone; the rest arrive, and the upload goes on.
func TestUploadSetsAsideOnlyTheInvalidEvent(t *testing.T) {
	const kiosk, token = "kiosk-10", "tok"
	store := newMemStore(kiosk, 250)
	key, pub := testKey(t)
	hub, srv := newFakeHub(t, kiosk, token, pub, nil)
	bad := store.all()[72] // seq 73
	hub.invalid = map[string]bool{bad.ID: true}
	sleeps := &sleepRecorder{}
	u := &Uploader{Store: store, URL: srv.URL, Token: token, Key: key, BatchSize: 100,
		PollInterval: 2 * time.Hour, Sleep: sleeps.sleep, Logger: quiet}
	stop := start(u)
	waitFor(t, "all events", func() bool { return store.cursor(UploadCursor) == 250 && u.State().Status == StatusIdle })
	stop()

	hub.mu.Lock()
	stored, requests := len(hub.stored), hub.requests
	_, badStored := hub.stored[bad.ID]
	hub.mu.Unlock()
	if stored != 249 || badStored {
		t.Fatalf("hub stored %d events (bad one: %v), want the 249 valid ones", stored, badStored)
	}
	if len(store.aside) != 1 || store.aside[bad.ID] == "" {
		t.Fatalf("set aside %v, want only seq 73", store.aside)
	}
	if len(store.all()) != 250 {
		t.Fatal("the set-aside event must stay in the log")
	}
	if _, ok := store.synced[bad.ID]; ok {
		t.Fatal("the set-aside event must not be marked synced")
	}
	if requests > 20 || len(sleeps.recorded()) != 0 {
		t.Fatalf("%d requests and %d backoff waits; splitting needs about 2·log2(100) and no waits",
			requests, len(sleeps.recorded()))
	}
	s := u.State()
	if s.SetAside != 1 || !strings.Contains(s.SetAsideReason, "400 Bad Request: invalid event") ||
		!strings.Contains(s.StaffMessage, "导出到U盘") || s.LastError != "" {
		t.Fatalf("state %+v", s)
	}
}

// TestUploadSetsAsideEventsOfAnEarlierKioskID is the reproduction of "uploads refused for
// good (0 of 45 stored)": 20 events under the default id, then staff fixed the id.
func TestUploadSetsAsideEventsOfAnEarlierKioskID(t *testing.T) {
	const token = "tok"
	store := newMemStore("kiosk-01", 20)
	store.kiosk = "nanming-02"
	store.add(25)
	key, pub := testKey(t)
	hub, srv := newFakeHub(t, "nanming-02", token, pub, nil)
	u := &Uploader{Store: store, URL: srv.URL, Token: token, Key: key, BatchSize: 100,
		PollInterval: 2 * time.Hour, Sleep: (&sleepRecorder{}).sleep, Logger: quiet}
	stop := start(u)
	waitFor(t, "all events", func() bool { return store.cursor(UploadCursor) == 45 && u.State().Status == StatusIdle })
	stop()
	hub.mu.Lock()
	stored := len(hub.stored)
	hub.mu.Unlock()
	if stored != 25 || len(store.aside) != 20 {
		t.Fatalf("hub stored %d (want 25), set aside %d (want 20)", stored, len(store.aside))
	}
	if s := u.State(); s.SetAside != 20 || !strings.Contains(s.SetAsideReason, `"kiosk-01"`) {
		t.Fatalf("state %+v", s)
	}
}

// TestUploadStopsSettingAsideWhenTheHubRefusesEverything: a hub or proxy that answers 400
// to everything does not empty the upload into the set-aside pile.
func TestUploadStopsSettingAsideWhenTheHubRefusesEverything(t *testing.T) {
	const kiosk, token = "kiosk-11", "tok"
	store := newMemStore(kiosk, 300)
	key, pub := testKey(t)
	hub, srv := newFakeHub(t, kiosk, token, pub, nil)
	hub.refuseAll = true
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sleeps := &sleepRecorder{onWait: func(n int) {
		if n == 3 {
			cancel()
		}
	}}
	u := &Uploader{Store: store, URL: srv.URL, Token: token, Key: key, BatchSize: 64,
		Client: &http.Client{Timeout: 5 * time.Second}, Sleep: sleeps.sleep, Logger: quiet}
	u.Run(ctx)
	if n := len(store.aside); n != maxRefusedRun {
		t.Fatalf("%d events set aside, want at most %d before backing off", n, maxRefusedRun)
	}
	s := u.State()
	if !strings.Contains(s.LastError, "single events in a row") || s.SetAside != maxRefusedRun {
		t.Fatalf("state %+v", s)
	}
}
