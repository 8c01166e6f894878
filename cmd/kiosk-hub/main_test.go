package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/hub"
)

const token = "0123456789abcdef0123"

// runCLI runs the program with args and an environment of env.
func runCLI(t *testing.T, ctx context.Context, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := cli{stdout: &out, stderr: &errOut, getenv: func(k string) string { return env[k] }}
	code := c.run(ctx, args)
	return code, out.String(), errOut.String()
}

// kioskExport records n events in a new kiosk event log and exports them; it returns the
// kiosk's public key and the manifest's path.
func kioskExport(t *testing.T, id string, n int) (ed25519.PublicKey, string) {
	t.Helper()
	l, err := eventlog.Open(filepath.Join(t.TempDir(), "events.db"), eventlog.Options{KioskID: id})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for i := range n {
		typ := event.ZoneEnter
		if i%4 == 0 {
			typ = event.SessionStart
		}
		l.Record(event.Event{At: at.Add(time.Duration(i) * time.Minute), Type: typ, Session: "s" + string(rune('a'+i/4)), Zone: "history"})
	}
	if err := l.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	dir := t.TempDir()
	m, err := evsync.Export(l, priv, dir, evsync.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return pub, filepath.Join(dir, strings.TrimSuffix(m.File, evsync.DataSuffix)+evsync.ManifestSuffix)
}

func TestUsage(t *testing.T) {
	ctx := context.Background()
	for _, args := range [][]string{{}, {"frobnicate"}, {"kiosk"}, {"kiosk", "add", "--id", "k1"}, {"stats"}, {"stats", "weather"},
		{"stats", "visits", "--from", "May"}, {"import"}, {"serve", "extra"}, {"serve", "--nope"}} {
		if code, _, stderr := runCLI(t, ctx, nil, args...); code != exitUsage || !strings.Contains(stderr, "usage:") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, out, _ := runCLI(t, ctx, nil, "help"); code != exitOK || !strings.Contains(out, "kiosk-hub serve") {
		t.Errorf("help: %d %q", code, out)
	}
}

func TestKioskImportStats(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "hub.db")
	env := map[string]string{envDB: db} // --db comes from the environment here
	pub, manifest := kioskExport(t, "k1", 12)

	if code, _, stderr := runCLI(t, ctx, env, "kiosk", "add", "--id", "k1", "--key", "not-a-key", "--token", token); code != exitFailed {
		t.Errorf("bad key: exit %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, ctx, env, "kiosk", "add", "--id", "k1", "--key", evsync.PublicKeyString(pub), "--token", "short"); code != exitFailed {
		t.Errorf("short token: exit %d %s", code, stderr)
	}
	// Before registration the export is rejected with ReadExport's reason.
	code, out, _ := runCLI(t, ctx, env, "import", manifest)
	if code != exitFailed || !strings.Contains(out, "REJECTED") || !strings.Contains(out, "not registered") {
		t.Errorf("import of an unknown kiosk: exit %d %q", code, out)
	}
	code, out, stderr := runCLI(t, ctx, env, "kiosk", "add", "--id", "k1", "--key", evsync.PublicKeyString(pub), "--token", token)
	if code != exitOK || !strings.Contains(out, "kiosk k1 registered") {
		t.Fatalf("kiosk add: exit %d %q %q", code, out, stderr)
	}
	if code, out, _ := runCLI(t, ctx, env, "kiosk", "list"); code != exitOK || !strings.HasPrefix(out, "k1\t"+evsync.PublicKeyString(pub)) {
		t.Errorf("kiosk list: %d %q", code, out)
	}

	code, out, stderr = runCLI(t, ctx, env, "import", manifest)
	if code != exitOK || out != manifest+": kiosk=k1 range=1-12 count=12 inserted=12\n" {
		t.Fatalf("import: exit %d %q %q", code, out, stderr)
	}
	// Again, with the flag after the file: nothing new.
	code, out, _ = runCLI(t, ctx, nil, "import", manifest, "--db", db)
	if code != exitOK || out != manifest+": kiosk=k1 range=1-12 count=12 inserted=0\n" {
		t.Fatalf("second import: exit %d %q", code, out)
	}
	// A tampered copy beside a good file: the good one is imported, the run fails.
	bad := filepath.Join(t.TempDir(), filepath.Base(manifest))
	for _, suffix := range []string{evsync.DataSuffix, evsync.ManifestSuffix, evsync.SignatureSuffix} {
		src := strings.TrimSuffix(manifest, evsync.ManifestSuffix) + suffix
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if suffix == evsync.DataSuffix {
			b = b[:len(b)-10]
		}
		os.WriteFile(filepath.Join(filepath.Dir(bad), filepath.Base(src)), b, 0o644)
	}
	code, out, _ = runCLI(t, ctx, env, "import", manifest, bad)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitFailed || len(lines) != 2 || !strings.HasSuffix(lines[0], "inserted=0") ||
		!strings.HasPrefix(lines[1], bad+": REJECTED: ") || !strings.Contains(lines[1], "truncated") {
		t.Errorf("import with a truncated file: exit %d %q", code, out)
	}

	code, out, _ = runCLI(t, ctx, env, "stats", "visits", "--from", "2026-05-01")
	var rep struct {
		From string         `json:"from"`
		Rows []hub.VisitDay `json:"rows"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &rep) != nil || rep.From != "2026-05-01" ||
		len(rep.Rows) != 1 || rep.Rows[0] != (hub.VisitDay{Day: "2026-05-01", KioskID: "k1", Visits: 3, Sessions: 3}) {
		t.Errorf("stats visits: exit %d %s", code, out)
	}
	for _, kind := range []string{"dwell", "questions", "groups"} {
		if code, out, _ := runCLI(t, ctx, env, "stats", kind); code != exitOK || !strings.Contains(out, `"rows": [`) {
			t.Errorf("stats %s: exit %d %s", kind, code, out)
		}
	}
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hub.db")
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	if code, _, stderr := runCLI(t, context.Background(), nil, "kiosk", "add", "--db", db, "--id", "k1",
		"--key", evsync.PublicKeyString(pub), "--token", token); code != exitOK {
		t.Fatal(stderr)
	}

	if code, _, stderr := runCLIStdin(t, strings.NewReader("dashboard-password-1\n"), "admin", "set-password", "--db", db); code != exitOK {
		t.Fatal(stderr)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan net.Addr, 1)
	var stderr syncBuffer
	c := cli{stdout: io.Discard, stderr: &stderr, getenv: func(k string) string {
		if k == envAdmin {
			return "admin-token-from-env"
		}
		return ""
	}, ready: func(a net.Addr) { addrc <- a }}
	done := make(chan int, 1)
	go func() {
		done <- c.run(ctx, []string{"serve", "--db", db, "--listen", "127.0.0.1:0", "--insecure-cookies"})
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}

	body, _ := json.Marshal(evsync.Batch{KioskID: "k1", Events: []eventlog.Event{{
		ID: "e1", KioskID: "k1", SessionID: "s1", Seq: 1, WallTime: time.Date(2026, 5, 3, 10, 0, 0, 0, time.UTC),
		BootID: "b", Type: event.SessionStart,
	}}})
	req, _ := http.NewRequest(http.MethodPost, base+evsync.UploadPath, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set(evsync.SignatureHeader, evsync.SignBatch(body, priv))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || strings.TrimSpace(string(b)) != `{"acked":["e1"]}` {
		t.Fatalf("upload: %s %s", resp.Status, b)
	}

	req, _ = http.NewRequest(http.MethodGet, base+hub.StatsVisitsPath+"?from=2026-05-03", nil)
	req.Header.Set("Authorization", "Bearer admin-token-from-env")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"visits": 1`) {
		t.Fatalf("stats: %s %s", resp.Status, b)
	}

	// The dashboard, logged in with the password set by admin set-password, shows the upload.
	client, err := dashClient(base, "dashboard-password-1")
	if err != nil {
		t.Fatal(err)
	}
	resp, err = client.Get(base + "/dash/visits")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `<td>2026-05-03</td><td>k1</td><td class="num">1</td>`) {
		t.Fatalf("dashboard visits: %s %s", resp.Status, b)
	}
	if _, err := dashClient(base, "wrong-password-1"); err == nil {
		t.Error("the dashboard let a wrong password in")
	}

	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("serve exited %d: %s", code, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	if log := stderr.String(); !strings.Contains(log, "kiosk-hub listening") || !strings.Contains(log, "upload stored") {
		t.Errorf("log: %s", log)
	}
}

// runCLIStdin runs the program with stdin and an empty environment.
func runCLIStdin(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := cli{stdin: stdin, stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	code := c.run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func TestAdminBaseAndBench(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hub.db")
	if code, _, stderr := runCLIStdin(t, strings.NewReader("short\n"), "admin", "set-password", "--db", db); code != exitFailed || !strings.Contains(stderr, "at least") {
		t.Errorf("short password: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLIStdin(t, strings.NewReader("x"), "admin", "set-password", "--db", db, "on-the-command-line"); code != exitUsage {
		t.Errorf("password as an argument: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLIStdin(t, nil, "kiosk", "set-base", "--db", db, "--id", "nobody", "--base", "x"); code != exitFailed || !strings.Contains(stderr, "not found") {
		t.Errorf("set-base of an unregistered kiosk: exit %d, %s", code, stderr)
	}
	code, out, stderr := runCLIStdin(t, nil, "bench", "--db", db, "--kiosks", "2", "--days", "3", "--per-day", "40", "--runs", "2")
	if code != exitOK {
		t.Fatalf("bench: exit %d, %s", code, stderr)
	}
	for _, want := range []string{"load: 240 events", "rollup: 6 kiosk-days", "events stored: 240", "overview query, all days", "overview page GET /dash/"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output has no %q:\n%s", want, out)
		}
	}
	if code, out, _ := runCLIStdin(t, nil, "kiosk", "list", "--db", db); code != exitOK || !strings.Contains(out, "bench-001") || !strings.Contains(out, "基地01") {
		t.Errorf("kiosk list after bench: %s", out)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestReadOnlyCommandsCreateNoDatabase: kiosk list and stats at a mistyped --db fail and
// leave no empty database behind.
func TestReadOnlyCommandsCreateNoDatabase(t *testing.T) {
	ctx := context.Background()
	typo := filepath.Join(t.TempDir(), "hbu.db")
	for _, args := range [][]string{{"kiosk", "list", "--db", typo}, {"stats", "visits", "--db", typo}} {
		code, _, stderr := runCLI(t, ctx, nil, args...)
		if code != exitFailed || !strings.Contains(stderr, "no hub database at "+typo) {
			t.Errorf("%q: exit %d %q", args, code, stderr)
		}
		if _, err := os.Stat(typo); err == nil {
			t.Fatalf("%q created %s", args, typo)
		}
	}
}
