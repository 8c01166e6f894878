package eventlog

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

func TestRecordStampsAndQueries(t *testing.T) {
	clock := kiosk.NewManualClock(t0)
	l, _ := openTest(t, Options{KioskID: "nanming-01", AppVersion: "1.2.0", ContentVersion: "c7", Clock: clock})
	at := t0.Add(-time.Minute).In(time.FixedZone("CST", 8*3600))
	l.Record(event.Event{At: at, Type: event.ZoneEnter, Session: "s1", Zone: "history",
		Data: map[string]any{"from": "home"}})
	l.SetContentVersion("c8")
	l.Record(event.Event{Type: event.ItemView, Session: "s1", Zone: "history", Item: "1839"})
	recordN(l, 8, "quiz_answer")
	flush(t, l)

	evs, err := l.After(0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := seqs(evs), []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}; !slices.Equal(got, want) {
		t.Fatalf("seqs %v, want %v", got, want)
	}
	e := evs[0]
	if e.KioskID != "nanming-01" || e.AppVersion != "1.2.0" || e.ContentVersion != "c7" ||
		e.SessionID != "s1" || e.Zone != "history" || e.Type != event.ZoneEnter || e.BootID != l.BootID() {
		t.Fatalf("stamped wrongly: %+v", e)
	}
	if !e.WallTime.Equal(at) || e.WallTime.Location() != time.UTC {
		t.Fatalf("wall time %v, want %v in UTC", e.WallTime, at)
	}
	if string(e.Payload) != `{"from":"home"}` {
		t.Fatalf("payload %s", e.Payload)
	}
	if e1 := evs[1]; !e1.WallTime.Equal(t0) || e1.ContentVersion != "c8" || e1.Payload != nil || e1.Item != "1839" {
		t.Fatalf("second event: %+v", e1)
	}
	for i, e := range evs {
		id, err := uuid.Parse(e.ID)
		if err != nil || id.Version() != 7 {
			t.Fatalf("id %q is not a UUIDv7 (%v)", e.ID, err)
		}
		if i > 0 && e.ID <= evs[i-1].ID {
			t.Fatalf("UUIDv7 ids not increasing: %s after %s", e.ID, evs[i-1].ID)
		}
		if e.MonoMS < 0 || (i > 0 && e.MonoMS < evs[i-1].MonoMS) {
			t.Fatalf("mono_ms %d after %d", e.MonoMS, evs[i-1].MonoMS)
		}
	}

	if evs, _ := l.After(5, 3); !slices.Equal(seqs(evs), []int64{6, 7, 8}) {
		t.Fatalf("After(5, 3) = %v", seqs(evs))
	}
	if evs, _ := l.After(10, 3); len(evs) != 0 {
		t.Fatalf("After(10, 3) = %v", seqs(evs))
	}
	if _, err := l.After(0, 0); err == nil {
		t.Fatal("After with limit 0 must be an error")
	}
	if evs, _ := l.Range(3, 5); !slices.Equal(seqs(evs), []int64{3, 4, 5}) {
		t.Fatalf("Range(3, 5) = %v", seqs(evs))
	}
	if evs, _ := l.Range(9, 20); !slices.Equal(seqs(evs), []int64{9, 10}) {
		t.Fatalf("Range(9, 20) = %v", seqs(evs))
	}
	if evs, err := l.Range(5, 3); err != nil || len(evs) != 0 {
		t.Fatalf("Range(5, 3) = %v, %v", seqs(evs), err)
	}
	if n, _ := l.LastSeq(); n != 10 || l.Committed() != 10 {
		t.Fatalf("LastSeq %d, Committed %d", n, l.Committed())
	}
}

func TestEventJSONForm(t *testing.T) {
	e := Event{ID: "0190a000-0000-7000-8000-000000000000", KioskID: "k", SessionID: "s", Seq: 7,
		WallTime: t0, MonoMS: 1500, BootID: "b", Type: "zone_enter", Zone: "history",
		Payload: json.RawMessage(`{"a":1}`), ContentVersion: "c", AppVersion: "v"}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"id":"0190a000-0000-7000-8000-000000000000","kiosk_id":"k","session_id":"s","seq":7,` +
		`"wall_time":"2026-03-01T09:30:00Z","mono_ms":1500,"boot_id":"b","type":"zone_enter",` +
		`"zone":"history","payload":{"a":1},"content_version":"c","app_version":"v"}`
	if string(b) != want {
		t.Fatalf("JSON form changed:\n got %s\nwant %s", b, want)
	}
}

func TestCursors(t *testing.T) {
	l, path := openTest(t, Options{})
	if n, err := l.Cursor("export"); n != 0 || err != nil {
		t.Fatalf("unset cursor = %d, %v", n, err)
	}
	recordN(l, 10, "t")
	flush(t, l)
	if err := l.SetCursor("export", 7); err != nil {
		t.Fatal(err)
	}
	if err := l.SetCursor("upload", 3); err != nil {
		t.Fatal(err)
	}
	if err := l.SetCursor("export", 11); err == nil {
		t.Fatal("a cursor past the last committed seq must be refused")
	}
	if err := l.SetCursor("export", -1); err == nil {
		t.Fatal("a negative cursor must be refused")
	}
	if err := l.SetCursor("", 1); err == nil {
		t.Fatal("an empty cursor name must be refused")
	}
	if n, _ := l.Cursor("export"); n != 7 {
		t.Fatalf("export cursor %d", n)
	}
	if err := l.SetCursor("export", 5); err != nil { // re-export moves it back
		t.Fatal(err)
	}
	evs, _ := l.After(5, 100)
	if !slices.Equal(seqs(evs), []int64{6, 7, 8, 9, 10}) {
		t.Fatalf("after the export cursor: %v", seqs(evs))
	}
	l.Close()
	l = openAt(t, path, Options{})
	if e, _ := l.Cursor("export"); e != 5 {
		t.Fatalf("export cursor after reopen %d", e)
	}
	if u, _ := l.Cursor("upload"); u != 3 {
		t.Fatalf("upload cursor after reopen %d", u)
	}
}

func TestMarkSynced(t *testing.T) {
	l, path := openTest(t, Options{})
	recordN(l, 10, "t")
	flush(t, l)
	evs, _ := l.After(0, 100)
	ids := []string{evs[0].ID, evs[1].ID, evs[2].ID}
	t1 := t0.Add(time.Hour)
	if err := l.MarkSynced(ids, t1); err != nil {
		t.Fatal(err)
	}
	// Idempotent: a repeated acknowledgement (with unknown ids) changes nothing.
	if err := l.MarkSynced(append(ids, "no-such-id"), t1.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := l.MarkSynced(nil, t1); err != nil {
		t.Fatal(err)
	}
	if n, _ := l.Unsynced(); n != 7 {
		t.Fatalf("unsynced %d, want 7", n)
	}
	if h := l.Health(); h.Unsynced != 7 || h.Events != 10 {
		t.Fatalf("health %+v", h)
	}
	db := rawDB(t, path)
	var at string
	if err := db.QueryRow(`SELECT synced_at FROM events WHERE id = ?`, ids[0]).Scan(&at); err != nil {
		t.Fatal(err)
	}
	if at != formatTime(t1) {
		t.Fatalf("synced_at %s, want the first acknowledgement %s", at, formatTime(t1))
	}
	if n := queryInt(t, db, `SELECT COUNT(*) FROM events WHERE synced_at IS NULL AND seq > 3`); n != 7 {
		t.Fatalf("wrong events marked: %d unsynced after seq 3", n)
	}
}

func TestGeneratedKioskIDIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.db")
	l, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id := l.KioskID()
	if !strings.HasPrefix(id, "kiosk-") {
		t.Fatalf("generated kiosk id %q", id)
	}
	l.Close()
	l, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.KioskID() != id {
		t.Fatalf("kiosk id changed from %q to %q", id, l.KioskID())
	}
	if l2 := openAt(t, filepath.Join(t.TempDir(), "b.db"), Options{KioskID: "cfg"}); l2.KioskID() != "cfg" {
		t.Fatalf("configured kiosk id ignored: %q", l2.KioskID())
	}
}

// TestDelivered: an item is delivered once every event of the type about it is
// acknowledged or exported; other types and items without events do not show.
func TestDelivered(t *testing.T) {
	l, _ := openTest(t, Options{})
	for _, item := range []string{"a", "b", "a", "c", "b"} { // seqs 1..5
		l.Record(event.Event{Type: "wall_message", Item: item})
	}
	l.Record(event.Event{Type: "wall_post", Item: "d"}) // seq 6: another type
	flush(t, l)
	got, err := l.Delivered("wall_message")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got["a"] || got["b"] || got["c"] {
		t.Fatalf("nothing sent yet: %v", got)
	}
	if err := l.SetCursor("export", 3); err != nil { // a, b, a on the stick
		t.Fatal(err)
	}
	evs, _ := l.After(0, 10)
	if err := l.MarkSynced([]string{evs[3].ID}, t0); err != nil { // c uploaded
		t.Fatal(err)
	}
	got, _ = l.Delivered("wall_message")
	if !got["a"] || got["b"] || !got["c"] {
		t.Fatalf("a exported, c uploaded, b's second event waiting: %v", got)
	}
	if _, ok := got["d"]; ok {
		t.Fatal("an item of another type")
	}
}
