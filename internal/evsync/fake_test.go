package evsync

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

// memStore is an in-memory Store.
type memStore struct {
	mu        sync.Mutex
	kiosk     string
	events    []eventlog.Event // by seq
	nextSeq   int64
	cursors   map[string]int64
	synced    map[string]time.Time
	aside     map[string]string
	maxLimit  int   // largest limit After was called with
	maxResult int   // most events one After call returned
	cursorErr error // SetCursor fails with it when set
}

func newMemStore(kiosk string, n int) *memStore {
	s := &memStore{kiosk: kiosk, nextSeq: 1, cursors: map[string]int64{}, synced: map[string]time.Time{}, aside: map[string]string{}}
	s.add(n)
	return s
}

var eventTypes = []string{"session_start", "zone_enter", "quiz_answer", "item_view", "session_end"}

// add appends n events.
func (s *memStore) add(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	base := time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC)
	for range n {
		seq := s.nextSeq
		s.nextSeq++
		e := eventlog.Event{
			ID:             uuid.Must(uuid.NewV7()).String(),
			KioskID:        s.kiosk,
			SessionID:      fmt.Sprintf("sess-%d", seq/7),
			Seq:            seq,
			WallTime:       base.Add(time.Duration(seq) * 1234567 * time.Microsecond),
			MonoMS:         seq * 1234,
			BootID:         "boot-1",
			Type:           eventTypes[seq%int64(len(eventTypes))],
			ContentVersion: "2026.06",
			AppVersion:     "1.4.0",
		}
		if seq%3 == 0 {
			e.Zone = "历史展区 <history> & more"
			e.Item = fmt.Sprintf("item-%d", seq%11)
			e.Payload = json.RawMessage(fmt.Sprintf(`{"n":%d,"ok":true,"txt":"禁毒"}`, seq))
		}
		s.events = append(s.events, e)
	}
}

// drop removes the events with the given seqs, as retention would.
func (s *memStore) drop(seqs ...int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gone := map[int64]bool{}
	for _, q := range seqs {
		gone[q] = true
	}
	kept := s.events[:0]
	for _, e := range s.events {
		if !gone[e.Seq] {
			kept = append(kept, e)
		}
	}
	s.events = kept
}

func (s *memStore) all() []eventlog.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]eventlog.Event(nil), s.events...)
}

func (s *memStore) After(seq int64, limit int) ([]eventlog.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maxLimit = max(s.maxLimit, limit)
	i := sort.Search(len(s.events), func(i int) bool { return s.events[i].Seq > seq })
	j := min(len(s.events), i+limit)
	s.maxResult = max(s.maxResult, j-i)
	return append([]eventlog.Event(nil), s.events[i:j]...), nil
}

func (s *memStore) Range(from, to int64) ([]eventlog.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []eventlog.Event
	for _, e := range s.events {
		if e.Seq >= from && e.Seq <= to {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s *memStore) Cursor(name string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cursors[name], nil
}

func (s *memStore) SetCursor(name string, seq int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cursorErr != nil {
		return s.cursorErr
	}
	s.cursors[name] = seq
	return nil
}

func (s *memStore) MarkSynced(ids []string, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		s.synced[id] = at
	}
	return nil
}

func (s *memStore) SetAside(ids []string, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		if _, ok := s.aside[id]; !ok {
			s.aside[id] = reason
		}
	}
	return nil
}

func (s *memStore) SetAsideCount() (int64, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var last string
	var lastSeq int64 = -1
	for _, e := range s.events {
		if r, ok := s.aside[e.ID]; ok && e.Seq > lastSeq {
			last, lastSeq = r, e.Seq
		}
	}
	return int64(len(s.aside)), last, nil
}

func (s *memStore) LastSeq() (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nextSeq - 1, nil
}

func (s *memStore) KioskID() string { return s.kiosk }

func (s *memStore) cursor(name string) int64 {
	c, _ := s.Cursor(name)
	return c
}

func (s *memStore) syncedCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.synced)
}

// sameEvents fails unless got and want have the same JSON form, event by event.
func sameEvents(t *testing.T, got, want []eventlog.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for i := range want {
		g, _ := json.Marshal(got[i])
		w, _ := json.Marshal(want[i])
		if string(g) != string(w) {
			t.Fatalf("event %d:\n got %s\nwant %s", i, g, w)
		}
		if !got[i].WallTime.Equal(want[i].WallTime) {
			t.Fatalf("event %d: wall time %v, want %v", i, got[i].WallTime, want[i].WallTime)
		}
	}
}
