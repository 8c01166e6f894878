package hub

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

// The shared storage suite: every Store implementation runs the same tests on a fresh,
// empty database named by the DSN that newDSN returns.

func TestSQLiteStore(t *testing.T) {
	runStoreSuite(t, sqliteTestDSN)
}

func TestPostgresStore(t *testing.T) {
	pgBaseDSN(t) // skips (or fails under KIOSK_TEST_PG=require) before any subtest
	runStoreSuite(t, pgTestDSN)
}

// sqliteTestDSN is a new database file in a temporary directory.
func sqliteTestDSN(t testing.TB) string {
	return filepath.Join(t.TempDir(), "hub.db")
}

// pgBaseDSN is KIOSK_TEST_PG_DSN after checking that the server answers. Without it the
// test is skipped, unless KIOSK_TEST_PG=require, which makes a missing or unreachable
// server a failure.
func pgBaseDSN(t testing.TB) string {
	t.Helper()
	required := os.Getenv("KIOSK_TEST_PG") == "require"
	dsn := os.Getenv("KIOSK_TEST_PG_DSN")
	if dsn == "" {
		if required {
			t.Fatal("KIOSK_TEST_PG=require but KIOSK_TEST_PG_DSN is not set (scripts/ci-postgres.sh prints one)")
		}
		t.Skip("KIOSK_TEST_PG_DSN not set; PostgreSQL tests skipped (scripts/ci-postgres.sh starts a server)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err == nil {
		err = conn.Ping(ctx)
		conn.Close(ctx)
	}
	if err != nil {
		if required {
			t.Fatalf("KIOSK_TEST_PG=require but PostgreSQL at KIOSK_TEST_PG_DSN is unreachable: %v", err)
		}
		t.Skipf("PostgreSQL at KIOSK_TEST_PG_DSN is unreachable, tests skipped: %v", err)
	}
	return dsn
}

// pgTestDSN creates a schema of its own for the test, dropped at cleanup, and returns the
// DSN with search_path set to it.
func pgTestDSN(t testing.TB) string {
	t.Helper()
	base := pgBaseDSN(t)
	var b [6]byte
	rand.Read(b[:])
	schema := fmt.Sprintf("hubtest_%d_%s", os.Getpid(), hex.EncodeToString(b[:]))
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("KIOSK_TEST_PG_DSN: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// openTest opens the store at dsn and closes it at cleanup.
func openTest(t testing.TB, dsn string) Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func runStoreSuite(t *testing.T, newDSN func(testing.TB) string) {
	tests := []struct {
		name string
		fn   func(t *testing.T, dsn string)
	}{
		{"Migrations", testMigrations},
		{"Registry", testRegistry},
		{"InsertIdempotent", testInsertIdempotent},
		{"InsertRejects", testInsertRejects},
		{"InsertLarge", testInsertLarge},
		{"InsertConcurrent", testInsertConcurrent},
		{"Stats", testStats},
		{"StatsFilterAndEmpty", testStatsEmpty},
		{"DashStats", testDashStats},
		{"OverviewMatchesStats", testOverviewMatchesStats},
		{"Health", testHealth},
		{"GainAcrossMidnight", testGainAcrossMidnight},
		{"SceneStats", testSceneStats},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, newDSN(t)) })
	}
}

func testMigrations(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	v, err := s.SchemaVersion(ctx)
	if err != nil || v != latestVersion() || v < 2 {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, latestVersion())
	}
	key, _ := newKey(t)
	if err := s.AddKiosk(ctx, "k1", key, HashToken("t")); err != nil {
		t.Fatal(err)
	}
	// Opening again (and concurrently) applies nothing and keeps the data.
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	for range 3 {
		wg.Go(func() {
			s2, err := Open(ctx, dsn)
			if err != nil {
				errs <- err
				return
			}
			defer s2.Close()
			if v, err := s2.SchemaVersion(ctx); err != nil || v != latestVersion() {
				errs <- fmt.Errorf("reopened SchemaVersion = %d, %v", v, err)
			}
			if _, err := s2.Kiosk(ctx, "k1"); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func testRegistry(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	pub1, _ := newKey(t)
	pub2, _ := newKey(t)
	if _, err := s.Kiosk(ctx, "k1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Kiosk(unknown) = %v, want ErrNotFound", err)
	}
	if err := s.AddKiosk(ctx, "k1", pub1, HashToken("token-1")); err != nil {
		t.Fatal(err)
	}
	if err := s.AddKiosk(ctx, "k2", pub2, HashToken("token-2")); err != nil {
		t.Fatal(err)
	}
	k, err := s.Kiosk(ctx, "k1")
	if err != nil || k.ID != "k1" || !k.PublicKey.Equal(pub1) || string(k.TokenHash) != string(HashToken("token-1")) || k.Added.IsZero() {
		t.Fatalf("Kiosk(k1) = %+v, %v", k, err)
	}
	k, err = s.KioskByToken(ctx, HashToken("token-2"))
	if err != nil || k.ID != "k2" || !k.PublicKey.Equal(pub2) {
		t.Fatalf("KioskByToken(token-2) = %+v, %v", k, err)
	}
	if _, err := s.KioskByToken(ctx, HashToken("nope")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("KioskByToken(unknown) = %v, want ErrNotFound", err)
	}
	// Registering again replaces key and token; a key of another kiosk is refused,
	// naming that kiosk.
	var inUse *KeyInUseError
	if err := s.AddKiosk(ctx, "k1", pub2, HashToken("token-1b")); !errors.As(err, &inUse) || !strings.Contains(err.Error(), "kiosk k2") {
		t.Fatalf("k1 with k2's key: %v", err)
	}
	pub2, _ = newKey(t)
	if err := s.AddKiosk(ctx, "k1", pub2, HashToken("token-1b")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.KioskByToken(ctx, HashToken("token-1")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("old token still works: %v", err)
	}
	if k, err := s.KioskByToken(ctx, HashToken("token-1b")); err != nil || k.ID != "k1" || !k.PublicKey.Equal(pub2) {
		t.Fatalf("after re-add: %+v, %v", k, err)
	}
	// One token, one kiosk.
	if err := s.AddKiosk(ctx, "k3", pub1, HashToken("token-2")); err == nil {
		t.Fatal("AddKiosk with another kiosk's token succeeded")
	}
	if err := s.AddKiosk(ctx, "k4", pub1[:10], HashToken("x")); err == nil {
		t.Fatal("AddKiosk with a short key succeeded")
	}
	if err := s.AddKiosk(ctx, "k4", pub1, []byte("x")); err == nil {
		t.Fatal("AddKiosk with a bad token hash succeeded")
	}
	list, err := s.Kiosks(ctx)
	if err != nil || len(list) != 2 || list[0].ID != "k1" || list[1].ID != "k2" {
		t.Fatalf("Kiosks = %+v, %v", list, err)
	}
	// Another id of the same kiosk may share its key only when asked, and only with it.
	if err := s.AddKioskSharingKey(ctx, "k1-old", pub2, HashToken("token-old"), "k2"); err == nil {
		t.Fatal("sharing a key with a kiosk that does not have it succeeded")
	}
	if err := s.AddKioskSharingKey(ctx, "k1-old", pub2, HashToken("token-old"), "k1"); err != nil {
		t.Fatal(err)
	}
	holders, err := s.KiosksByKey(ctx, pub2)
	if err != nil || len(holders) != 2 || holders[0].ID != "k1" || holders[1].ID != "k1-old" {
		t.Fatalf("KiosksByKey = %+v, %v", holders, err)
	}
	if err := s.AddKiosk(ctx, "k5", pub2, HashToken("token-5")); !errors.As(err, &inUse) || len(inUse.Others) != 2 {
		t.Fatalf("a third id without --same-kiosk-as: %v", err)
	}
}

func testInsertIdempotent(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	a := []eventlog.Event{
		ev("k1", 1, "2026-05-01T09:00:00.123456789+08:00", "session_start", "s1", "", "", ""),
		ev("k1", 2, "2026-05-01T09:01:00+08:00", "zone_leave", "s1", "history", "", `{"dwell_ms": 1200, "x": [1, "二"]}`),
		ev("k1", 3, "2026-05-01T09:02:00Z", "staff_login", "", "", "", "null"),
	}
	acked, n, err := s.Insert(ctx, "k1", a)
	if err != nil || n != 3 || !equalStrings(acked, ids(a)) {
		t.Fatalf("Insert = %v, %d, %v", acked, n, err)
	}
	// The same batch again, plus a new event and a repeat inside the batch.
	b := append(append([]eventlog.Event{}, a...), ev("k1", 4, "2026-05-01T09:03:00+08:00", "session_end", "s1", "", "", ""), a[0])
	acked, n, err = s.Insert(ctx, "k1", b)
	if err != nil || n != 1 || !equalStrings(acked, ids(b[:4])) {
		t.Fatalf("re-Insert = %v, %d, %v; want 4 acked, 1 inserted", acked, n, err)
	}
	acked, n, err = s.Insert(ctx, "k1", nil)
	if err != nil || n != 0 || len(acked) != 0 {
		t.Fatalf("empty Insert = %v, %d, %v", acked, n, err)
	}
	got, err := s.Events(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	assertEvents(t, got, b[:4])
	if c, err := s.Count(ctx); err != nil || c != 4 {
		t.Fatalf("Count = %d, %v", c, err)
	}
	if got, err := s.Events(ctx, "k2"); err != nil || len(got) != 0 {
		t.Fatalf("Events(k2) = %v, %v", got, err)
	}
}

func testInsertRejects(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	good := ev("k1", 1, "2026-05-01T09:00:00+08:00", "session_start", "s1", "", "", "")
	other := ev("k2", 2, "2026-05-01T09:00:00+08:00", "session_start", "s1", "", "", "")
	_, _, err := s.Insert(ctx, "k1", []eventlog.Event{good, other})
	var mismatch *KioskMismatchError
	if !errors.As(err, &mismatch) || mismatch.Event != other.ID || mismatch.EventOf != "k2" {
		t.Fatalf("Insert with another kiosk's event = %v, want KioskMismatchError", err)
	}
	bad := map[string]eventlog.Event{
		"no id":        func() eventlog.Event { e := good; e.ID = ""; return e }(),
		"no type":      func() eventlog.Event { e := good; e.Type = ""; return e }(),
		"no time":      func() eventlog.Event { e := good; e.WallTime = time.Time{}; return e }(),
		"bad payload":  func() eventlog.Event { e := good; e.Payload = json.RawMessage(`{"a":`); return e }(),
		"NUL":          func() eventlog.Event { e := good; e.Zone = "a\x00b"; return e }(),
		"NUL payload":  func() eventlog.Event { e := good; e.Payload = json.RawMessage(`{"a":"\u0000"}`); return e }(),
		"long id":      func() eventlog.Event { e := good; e.ID = strings.Repeat("x", 200); return e }(),
		"invalid utf8": func() eventlog.Event { e := good; e.Item = "\xff"; return e }(),
	}
	for name, e := range bad {
		if _, _, err := s.Insert(ctx, "k1", []eventlog.Event{good, e}); !errors.Is(err, ErrInvalidEvent) {
			t.Errorf("%s: Insert = %v, want ErrInvalidEvent", name, err)
		}
	}
	if c, err := s.Count(ctx); err != nil || c != 0 {
		t.Fatalf("rejected batches stored %d events (%v)", c, err)
	}
}

func testInsertLarge(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	events := genEvents("k1", 1, 2345)
	acked, n, err := s.Insert(ctx, "k1", events)
	if err != nil || n != len(events) || len(acked) != len(events) {
		t.Fatalf("Insert = %d acked, %d, %v", len(acked), n, err)
	}
	acked, n, err = s.Insert(ctx, "k1", events)
	if err != nil || n != 0 || len(acked) != len(events) {
		t.Fatalf("re-Insert = %d acked, %d, %v", len(acked), n, err)
	}
	got, err := s.Events(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	assertEvents(t, got, events)
}

// testInsertConcurrent posts overlapping batches from several goroutines, as retrying
// kiosks do: every event is stored once and the inserted counts add up.
func testInsertConcurrent(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	events := genEvents("k1", 1, 600)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for w := range 6 {
		wg.Go(func() {
			for i := 0; i < len(events); i += 100 {
				lo := (i + w*50) % len(events)
				batch := events[lo:min(lo+150, len(events))]
				acked, n, err := s.Insert(ctx, "k1", batch)
				if err != nil || len(acked) != len(batch) {
					t.Errorf("worker %d: Insert = %d acked, %v", w, len(acked), err)
					return
				}
				mu.Lock()
				total += n
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if total != len(events) {
		t.Errorf("inserted counts add up to %d, want %d", total, len(events))
	}
	if c, err := s.Count(ctx); err != nil || c != int64(len(events)) {
		t.Fatalf("Count = %d, %v; want %d", c, err, len(events))
	}
}

// --- helpers shared by the package's tests ---

func newKey(t testing.TB) (ed25519.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

// ev makes an event; its id is derived from kiosk and seq.
func ev(kiosk string, seq int64, wall, typ, session, zone, item, payload string) eventlog.Event {
	t, err := time.Parse(time.RFC3339Nano, wall)
	if err != nil {
		panic(err)
	}
	e := eventlog.Event{
		ID: fmt.Sprintf("%s-%06d", kiosk, seq), KioskID: kiosk, SessionID: session, Seq: seq,
		WallTime: t, MonoMS: seq * 1000, BootID: "boot-1", Type: typ, Zone: zone, Item: item,
		ContentVersion: "c1", AppVersion: "a1",
	}
	if payload != "" {
		e.Payload = json.RawMessage(payload)
	}
	return e
}

// genEvents makes n varied events of kiosk with seqs from first.
func genEvents(kiosk string, first int64, n int) []eventlog.Event {
	base := time.Date(2026, 5, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	types := []string{"session_start", "zone_enter", "item_view", "zone_leave", "quiz_answer", "session_end"}
	out := make([]eventlog.Event, n)
	for i := range out {
		seq := first + int64(i)
		typ := types[i%len(types)]
		e := ev(kiosk, seq, base.Add(time.Duration(seq)*time.Second).Format(time.RFC3339Nano), typ,
			fmt.Sprintf("s%d", seq/6), "history", "", "")
		switch typ {
		case "zone_leave":
			e.Payload = json.RawMessage(fmt.Sprintf(`{"dwell_ms":%d}`, 1000+seq))
		case "quiz_answer":
			e.Item = fmt.Sprintf("q%d", seq%7)
			e.Payload = json.RawMessage(fmt.Sprintf(`{"choice":["A"],"correct":%t,"ms":3000}`, seq%3 == 0))
		case "item_view":
			e.Item = "heroin"
		}
		out[i] = e
	}
	return out
}

func ids(events []eventlog.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// assertEvents checks that got holds exactly want's events, field by field.
func assertEvents(t testing.TB, got, want []eventlog.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	byID := map[string]eventlog.Event{}
	for _, e := range got {
		if _, dup := byID[e.ID]; dup {
			t.Fatalf("event %s twice", e.ID)
		}
		byID[e.ID] = e
	}
	for _, w := range want {
		g, ok := byID[w.ID]
		if !ok {
			t.Fatalf("event %s missing", w.ID)
		}
		if !g.WallTime.Equal(w.WallTime) || string(g.Payload) != string(w.Payload) {
			t.Fatalf("event %s: got %v %s, want %v %s", w.ID, g.WallTime, g.Payload, w.WallTime, w.Payload)
		}
		g.WallTime, g.Payload, w.WallTime, w.Payload = time.Time{}, nil, time.Time{}, nil
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("event %s:\n got %+v\nwant %+v", w.ID, g, w)
		}
	}
}
