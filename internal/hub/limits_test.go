package hub

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/evsync"
)

// slowUpload opens a connection to srv and sends an upload's headers and the start of a
// body that never finishes, as a slow or stuck client does.
func slowUpload(t *testing.T, srv *httptest.Server) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer tok1\r\nContent-Length: 10000\r\n\r\n{\"kiosk_id\":", evsync.UploadPath)
	return c
}

// TestUploadBodiesAreCapped is the reproduction of "no cap on concurrent request bodies":
// uploads beyond MaxUploads get 503 with Retry-After at once instead of queuing.
func TestUploadBodiesAreCapped(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	th.h.MaxUploads = 2
	th.h.BodyTimeout = 3 * time.Second
	srv := httptest.NewServer(th.h)
	defer srv.Close()
	slowUpload(t, srv)
	slowUpload(t, srv)

	var resp *http.Response
	deadline := time.Now().Add(10 * time.Second)
	for {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+evsync.UploadPath, strings.NewReader("{}"))
		req.Header.Set("Authorization", "Bearer tok1")
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode == http.StatusServiceUnavailable {
			resp = r
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a third upload beside two slow ones got %s, want 503", r.Status)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if resp.Header.Get("Retry-After") == "" {
		t.Fatal("503 without Retry-After")
	}
}

// TestSlowUploadBodyTimesOut: a body that does not arrive within BodyTimeout gets 408
// (which the kiosk retries), and frees its place.
func TestSlowUploadBodyTimesOut(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	th.h.MaxUploads = 1
	th.h.BodyTimeout = 200 * time.Millisecond
	srv := httptest.NewServer(th.h)
	defer srv.Close()
	c := slowUpload(t, srv)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil && !errors.Is(err, net.ErrClosed) && line == "" {
		t.Fatalf("no answer to a slow body: %v", err)
	}
	if !strings.Contains(line, "408") || time.Since(start) > 3*time.Second {
		t.Fatalf("answer %q after %v, want 408 after about 200ms", line, time.Since(start))
	}
	rec := th.post("tok1", batchBody(t, "k1", nil), th.sign("k1", batchBody(t, "k1", nil)))
	if rec.Code == http.StatusServiceUnavailable {
		t.Fatal("the timed-out upload still holds its place")
	}
}

// TestImportNamesTheKiosksKey: an export made under another id than the one its key is
// registered for says which id that is, and how to accept it.
func TestImportNamesTheKiosksKey(t *testing.T) {
	ctx := context.Background()
	store := openTest(t, sqliteTestDSN(t))
	k := newTestKiosk(t, nil, "kiosk-01") // ran on the default id while its config was broken
	k.record(t, 20)
	if err := store.AddKiosk(ctx, "nanming-02", k.pub, HashToken("token-nanming-02")); err != nil {
		t.Fatal(err)
	}
	path, _ := k.export(t)
	_, err := Import(ctx, store, path)
	if !errors.Is(err, evsync.ErrUnknownKiosk) || !strings.Contains(err.Error(), "registered for kiosk nanming-02") ||
		!strings.Contains(err.Error(), "--same-kiosk-as nanming-02") {
		t.Fatalf("import: %v", err)
	}
	// The key is refused for a plain registration of the other id, naming the holder.
	var inUse *KeyInUseError
	if err := store.AddKiosk(ctx, "kiosk-01", k.pub, HashToken("token-kiosk-01")); !errors.As(err, &inUse) || inUse.Others[0] != "nanming-02" {
		t.Fatalf("AddKiosk: %v", err)
	}
	if err := store.AddKioskSharingKey(ctx, "kiosk-01", k.pub, HashToken("token-kiosk-01"), "nanming-02"); err != nil {
		t.Fatal(err)
	}
	if res, err := Import(ctx, store, path); err != nil || res.Inserted != 20 {
		t.Fatalf("import after registering the same kiosk: %+v %v", res, err)
	}
}
