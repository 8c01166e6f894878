package evsync

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestHeartbeat: every batch carries the status with the upload's queue filled in, and an
// idle uploader sends an empty batch with it once per interval, not on every poll.
func TestHeartbeat(t *testing.T) {
	key, pub := testKey(t)
	store := newMemStore("kiosk-01", 3)
	var mu sync.Mutex
	var got []Batch
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := VerifyBatch(body, r.Header.Get(SignatureHeader), pub); err != nil {
			t.Errorf("signature: %v", err)
		}
		var b Batch
		if err := json.Unmarshal(body, &b); err != nil {
			t.Errorf("body: %v", err)
		}
		mu.Lock()
		got = append(got, b)
		mu.Unlock()
		ack := Ack{Acked: []string{}}
		for _, e := range b.Events {
			ack.Acked = append(ack.Acked, e.ID)
		}
		json.NewEncoder(w).Encode(ack)
	}))
	defer srv.Close()

	now := time.Date(2026, 6, 26, 10, 0, 0, 0, time.UTC)
	var clockMu sync.Mutex
	clock := func() time.Time { clockMu.Lock(); defer clockMu.Unlock(); return now }
	polls := 0
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	u := &Uploader{Store: store, URL: srv.URL, Token: "t", Key: key, Clock: clock,
		HeartbeatInterval: 5 * time.Minute,
		Status: func() Status {
			return Status{AppVersion: "1.4.0", PackVersion: "2026.06", DiskFree: 5 << 30, DiskTotal: 32 << 30}
		},
		Sleep: func(ctx context.Context, d time.Duration) error {
			polls++
			clockMu.Lock()
			now = now.Add(time.Minute) // each idle poll is a minute
			clockMu.Unlock()
			if polls == 11 {
				cancel()
			}
			return nil
		}}
	u.Run(ctx)

	mu.Lock()
	defer mu.Unlock()
	if len(got) < 3 {
		t.Fatalf("%d requests, want the events and two heartbeats", len(got))
	}
	first := got[0]
	if len(first.Events) != 3 || first.Status == nil {
		t.Fatalf("first batch: %d events, status %v", len(first.Events), first.Status)
	}
	// The first event was recorded at 09:00:01.23 and all three still wait when the batch
	// leaves at 10:00.
	if s := first.Status; s.Pending != 3 || s.LagS != 3598 || s.AppVersion != "1.4.0" || s.DiskFree != 5<<30 {
		t.Errorf("first status %+v", s)
	}
	var beats []Batch
	for _, b := range got[1:] {
		if len(b.Events) != 0 || b.Status == nil {
			t.Fatalf("idle batch %+v, want an empty heartbeat", b)
		}
		if b.Status.Pending != 0 || b.Status.LagS != 0 {
			t.Errorf("heartbeat after everything was acked: %+v", b.Status)
		}
		beats = append(beats, b)
	}
	// 11 idle minutes, one heartbeat every 5: at minutes 5 and 10.
	if len(beats) != 2 {
		t.Errorf("%d heartbeats in 11 idle minutes, want 2", len(beats))
	}
	for i := 1; i < len(beats); i++ {
		if d := beats[i].Status.SentAt.Sub(beats[i-1].Status.SentAt); d < 5*time.Minute {
			t.Errorf("heartbeats %v apart", d)
		}
	}
}

// TestNoStatusNoHeartbeat: without a Status source batches carry none and an idle
// uploader sends nothing (the protocol before heartbeats).
func TestNoStatusNoHeartbeat(t *testing.T) {
	key, _ := testKey(t)
	requests := 0
	var withStatus bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		var b Batch
		json.NewDecoder(r.Body).Decode(&b)
		withStatus = withStatus || b.Status != nil
		ack := Ack{}
		for _, e := range b.Events {
			ack.Acked = append(ack.Acked, e.ID)
		}
		json.NewEncoder(w).Encode(ack)
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	u := &Uploader{Store: newMemStore("k", 2), URL: srv.URL, Token: "t", Key: key,
		Sleep: func(context.Context, time.Duration) error {
			if polls++; polls == 5 {
				cancel()
			}
			return nil
		}}
	u.Run(ctx)
	if requests != 1 || withStatus {
		t.Errorf("%d requests (status sent: %v), want the one batch without status", requests, withStatus)
	}
}
