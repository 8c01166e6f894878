package hub

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
)

// testHub is a handler over a fresh SQLite store with kiosks k1 (token tok1) and k2 (tok2).
type testHub struct {
	store Store
	h     *Handler
	keys  map[string]ed25519.PrivateKey
}

func newTestHub(t testing.TB, dsn string) *testHub {
	t.Helper()
	s := openTest(t, dsn)
	th := &testHub{store: s, keys: map[string]ed25519.PrivateKey{}}
	for _, k := range []string{"k1", "k2"} {
		pub, priv := newKey(t)
		if err := s.AddKiosk(context.Background(), k, pub, HashToken("tok"+k[1:])); err != nil {
			t.Fatal(err)
		}
		th.keys[k] = priv
	}
	th.h = &Handler{Store: s, AdminToken: "admin-secret", MaxBody: 64 << 10, Logger: discardLogger()}
	return th
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func batchBody(t testing.TB, kiosk string, events []eventlog.Event) []byte {
	t.Helper()
	b, err := json.Marshal(evsync.Batch{KioskID: kiosk, Events: events})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// post sends body to the upload endpoint; sig "" leaves the header out.
func (th *testHub) post(token string, body []byte, sig string, mutate ...func(*http.Request)) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, evsync.UploadPath, bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if sig != "" {
		req.Header.Set(evsync.SignatureHeader, sig)
	}
	for _, m := range mutate {
		m(req)
	}
	rec := httptest.NewRecorder()
	th.h.ServeHTTP(rec, req)
	return rec
}

func (th *testHub) sign(kiosk string, body []byte) string {
	return evsync.SignBatch(body, th.keys[kiosk])
}

func TestUploadAuthAndSignature(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	events := genEvents("k1", 1, 5)
	body := batchBody(t, "k1", events)
	altered := bytes.Replace(body, []byte(`"k1-000001"`), []byte(`"k1-999999"`), 1)
	badJSON := []byte(`{"kiosk_id":"k1","events":[{`)
	trailing := append(append([]byte{}, body...), []byte(` {}`)...)
	otherKiosk := batchBody(t, "k2", genEvents("k2", 1, 2))
	mixed := batchBody(t, "k1", append(genEvents("k1", 1, 2), genEvents("k2", 3, 1)...))
	invalid := batchBody(t, "k1", []eventlog.Event{func() eventlog.Event { e := events[0]; e.Type = ""; return e }()})

	cases := []struct {
		name  string
		token string
		body  []byte
		sig   string
		code  int
	}{
		{"no token", "", body, th.sign("k1", body), http.StatusUnauthorized},
		{"unknown token", "nope", body, th.sign("k1", body), http.StatusUnauthorized},
		{"no signature", "tok1", body, "", http.StatusForbidden},
		{"garbage signature", "tok1", body, "not base64!", http.StatusForbidden},
		{"other kiosk's key", "tok1", body, th.sign("k2", body), http.StatusForbidden},
		{"altered body", "tok1", altered, th.sign("k1", body), http.StatusForbidden},
		{"batch of another kiosk", "tok1", otherKiosk, th.sign("k1", otherKiosk), http.StatusForbidden},
		{"batch signed and sent as the other kiosk", "tok2", body, th.sign("k2", body), http.StatusForbidden},
		{"event of another kiosk", "tok1", mixed, th.sign("k1", mixed), http.StatusForbidden},
		{"bad JSON", "tok1", badJSON, th.sign("k1", badJSON), http.StatusBadRequest},
		{"trailing data", "tok1", trailing, th.sign("k1", trailing), http.StatusBadRequest},
		{"invalid event", "tok1", invalid, th.sign("k1", invalid), http.StatusBadRequest},
	}
	for _, tc := range cases {
		rec := th.post(tc.token, tc.body, tc.sig)
		if rec.Code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, strings.TrimSpace(rec.Body.String()), tc.code)
		}
	}
	if n, _ := th.store.Count(context.Background()); n != 0 {
		t.Fatalf("rejected uploads stored %d events", n)
	}
	if rec := th.post("tok1", body, th.sign("k1", body)); rec.Code != http.StatusOK {
		t.Fatalf("good upload: %d %s", rec.Code, rec.Body)
	}
}

func TestUploadIdempotent(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	events := genEvents("k1", 1, 50)
	body := batchBody(t, "k1", events)
	for i := range 3 {
		rec := th.post("tok1", body, th.sign("k1", body))
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json" {
			t.Fatalf("post %d: %d %s", i, rec.Code, rec.Body)
		}
		var ack evsync.Ack
		if err := json.Unmarshal(rec.Body.Bytes(), &ack); err != nil {
			t.Fatal(err)
		}
		if !equalStrings(ack.Acked, ids(events)) {
			t.Fatalf("post %d acked %v", i, ack.Acked)
		}
	}
	got, err := th.store.Events(context.Background(), "k1")
	if err != nil {
		t.Fatal(err)
	}
	assertEvents(t, got, events)

	// An overlapping batch acks old and new ids alike.
	more := genEvents("k1", 40, 20)
	body = batchBody(t, "k1", more)
	rec := th.post("tok1", body, th.sign("k1", body))
	var ack evsync.Ack
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &ack) != nil || !equalStrings(ack.Acked, ids(more)) {
		t.Fatalf("overlapping post: %d %s", rec.Code, rec.Body)
	}
	if n, _ := th.store.Count(context.Background()); n != 59 {
		t.Fatalf("Count = %d, want 59", n)
	}
	// An empty batch is fine too.
	body = batchBody(t, "k1", nil)
	if rec := th.post("tok1", body, th.sign("k1", body)); rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != `{"acked":[]}` {
		t.Fatalf("empty batch: %d %s", rec.Code, rec.Body)
	}
}

func TestUploadSizeLimit(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	th.h.MaxBody = 4 << 10
	small := batchBody(t, "k1", genEvents("k1", 1, 5))
	big := batchBody(t, "k1", genEvents("k1", 1, 100))
	if len(small) > 4<<10 || len(big) <= 4<<10 {
		t.Fatalf("test bodies of %d and %d bytes", len(small), len(big))
	}
	if rec := th.post("tok1", small, th.sign("k1", small)); rec.Code != http.StatusOK {
		t.Fatalf("small: %d %s", rec.Code, rec.Body)
	}
	if rec := th.post("tok1", big, th.sign("k1", big)); rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("big: %d %s", rec.Code, rec.Body)
	}
	// Without a Content-Length (chunked), the limit applies while reading.
	chunked := func(r *http.Request) { r.ContentLength = -1; r.Body = io.NopCloser(bytes.NewReader(big)) }
	if rec := th.post("tok1", big, th.sign("k1", big), chunked); rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("big chunked: %d %s", rec.Code, rec.Body)
	}
	if n, _ := th.store.Count(context.Background()); n != 5 {
		t.Fatalf("Count = %d, want 5", n)
	}
}

// failingStore fails every Insert.
type failingStore struct{ Store }

func (failingStore) Insert(context.Context, string, []eventlog.Event) ([]string, int, error) {
	return nil, 0, errors.New("disk on fire")
}

func TestUploadStoreError(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	th.h.Store = failingStore{th.store}
	body := batchBody(t, "k1", genEvents("k1", 1, 3))
	rec := th.post("tok1", body, th.sign("k1", body))
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "fire") {
		t.Fatalf("store error: %d %q", rec.Code, rec.Body)
	}
}

func TestRouting(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	for _, tc := range []struct {
		method, path string
		code         int
	}{
		{http.MethodGet, evsync.UploadPath, http.StatusMethodNotAllowed},
		{http.MethodPost, StatsVisitsPath, http.StatusMethodNotAllowed},
		{http.MethodGet, "/nope", http.StatusNotFound},
		{http.MethodGet, "/healthz", http.StatusOK},
	} {
		rec := httptest.NewRecorder()
		th.h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.code {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, rec.Code, tc.code)
		}
	}
}

func TestStatsEndpoints(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	loadStats(t, th.store)
	get := func(path, token string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		th.h.ServeHTTP(rec, req)
		return rec
	}
	if rec := get(StatsVisitsPath, ""); rec.Code != http.StatusUnauthorized {
		t.Errorf("no token: %d", rec.Code)
	}
	if rec := get(StatsVisitsPath, "tok1"); rec.Code != http.StatusUnauthorized {
		t.Errorf("kiosk token: %d", rec.Code)
	}
	if rec := get(StatsVisitsPath+"?from=May", "admin-secret"); rec.Code != http.StatusBadRequest {
		t.Errorf("bad from: %d", rec.Code)
	}

	rec := get(StatsVisitsPath+"?from=2026-05-01&to=2026-05-01&kiosk=k1", "admin-secret")
	want := `{
  "from": "2026-05-01",
  "to": "2026-05-01",
  "kiosk_id": "k1",
  "rows": [
    {
      "day": "2026-05-01",
      "kiosk_id": "k1",
      "visits": 3,
      "sessions": 3
    }
  ]
}
`
	if rec.Code != http.StatusOK || rec.Body.String() != want {
		t.Errorf("visits: %d\n%s\nwant\n%s", rec.Code, rec.Body, want)
	}
	for path, n := range map[string]int{StatsVisitsPath: 3, StatsDwellPath: 2, StatsQuestionsPath: 2, StatsGroupsPath: 2} {
		rec := get(path, "admin-secret")
		var rep struct {
			Rows []map[string]any `json:"rows"`
		}
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &rep) != nil || len(rep.Rows) != n {
			t.Errorf("%s: %d %s, want %d rows", path, rec.Code, rec.Body, n)
		}
	}
	rec = get(StatsQuestionsPath+"?kiosk=k2", "admin-secret")
	if !strings.Contains(rec.Body.String(), `"question": "q1"`) || !strings.Contains(rec.Body.String(), `"accuracy": 1`) {
		t.Errorf("questions k2: %s", rec.Body)
	}

	th.h.AdminToken = ""
	if rec := get(StatsVisitsPath, ""); rec.Code != http.StatusForbidden {
		t.Errorf("stats without an admin token configured: %d", rec.Code)
	}
}
