package dash

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/hub"
)

const testPassword = "正确的密码-correct-horse"

// seed fills a store with a small known dataset: two kiosks in two bases, one visit each
// day on 1 and 2 June, quiz answers in two age bands, a learning-gain pair, a team
// contest, and a heartbeat.
func seed(t testing.TB, s hub.Store) {
	t.Helper()
	ctx := context.Background()
	n := 0
	ev := func(kiosk string, seq int64, wall, typ, session, zone, item, payload string) eventlog.Event {
		n++
		w, err := time.Parse(time.RFC3339, wall)
		if err != nil {
			t.Fatal(err)
		}
		e := eventlog.Event{ID: fmt.Sprintf("%s-%d", kiosk, seq), KioskID: kiosk, SessionID: session, Seq: seq, WallTime: w,
			BootID: "b", Type: typ, Zone: zone, Item: item, ContentVersion: "c", AppVersion: "a"}
		if payload != "" {
			e.Payload = json.RawMessage(payload)
		}
		return e
	}
	data := map[string][]eventlog.Event{
		"kiosk-01": {
			ev("kiosk-01", 1, "2026-06-01T09:00:00+08:00", "session_start", "v1", "", "", ""),
			ev("kiosk-01", 2, "2026-06-01T09:01:00+08:00", "zone_leave", "v1", "history", "", `{"dwell_ms":120000}`),
			ev("kiosk-01", 3, "2026-06-01T09:02:00+08:00", "quiz_start", "v1", "quiz", "", `{"mode":"solo","audience":"primary"}`),
			ev("kiosk-01", 4, "2026-06-01T09:03:00+08:00", "quiz_answer", "v1", "quiz", "q1", `{"correct":true}`),
			ev("kiosk-01", 5, "2026-06-01T09:04:00+08:00", "quiz_answer", "v1", "quiz", "q2", `{"correct":false}`),
			ev("kiosk-01", 6, "2026-06-01T09:05:00+08:00", "gain_check", "v1", "", "g1", `{"phase":"before","topic":"drugs","audience":"primary","correct":false}`),
			ev("kiosk-01", 7, "2026-06-01T09:06:00+08:00", "gain_check", "v1", "", "g1", `{"phase":"after","topic":"drugs","audience":"primary","correct":true}`),
			ev("kiosk-01", 8, "2026-06-02T10:00:00+08:00", "session_start", "v2", "", "", ""),
			ev("kiosk-01", 9, "2026-06-02T10:30:00+08:00", "quiz_finish", "", "quiz", "",
				`{"mode":"team-buzz","audience":"secondary","group":"三中初二(3)班","scores":{"红队":3,"蓝队":5},"questions":8}`),
		},
		"kiosk-02": {
			ev("kiosk-02", 1, "2026-06-02T14:00:00+08:00", "session_start", "w1", "", "", ""),
			ev("kiosk-02", 2, "2026-06-02T14:01:00+08:00", "zone_leave", "w1", "drugs", "", `{"dwell_ms":60000}`),
			ev("kiosk-02", 3, "2026-06-02T14:02:00+08:00", "quiz_start", "w1", "quiz", "", `{"mode":"solo","audience":"adult"}`),
			ev("kiosk-02", 4, "2026-06-02T14:03:00+08:00", "quiz_answer", "w1", "quiz", "q1", `{"correct":true}`),
		},
	}
	for kiosk, events := range data {
		pub, _, _ := ed25519.GenerateKey(nil)
		if err := s.AddKiosk(ctx, kiosk, pub, hub.HashToken(kiosk+"-token-0123456789")); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Insert(ctx, kiosk, events); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetKioskBase(ctx, "kiosk-01", "花溪基地"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetKioskBase(ctx, "kiosk-02", "南明基地"); err != nil {
		t.Fatal(err)
	}
	st := &evsync.Status{AppVersion: "1.4.0", PackVersion: "2026.06", DiskFree: 20 << 30, DiskTotal: 64 << 30, Pending: 3, LagS: 120, LastError: "网络连接失败"}
	if err := s.Heartbeat(ctx, "kiosk-01", st, testNow.Add(-2*time.Minute)); err != nil {
		t.Fatal(err)
	}
}

var testNow = time.Date(2026, 6, 3, 9, 0, 0, 0, time.UTC)

// newTestDash is a dashboard over a seeded SQLite store with the admin password set,
// served by the hub's handler on loopback.
func newTestDash(t testing.TB) (*Dashboard, *httptest.Server, hub.Store) {
	t.Helper()
	ctx := context.Background()
	s, err := hub.Open(ctx, filepath.Join(t.TempDir(), "hub.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	seed(t, s)
	if err := SetPassword(ctx, s, testPassword); err != nil {
		t.Fatal(err)
	}
	now := testNow
	d := &Dashboard{Store: s, Now: func() time.Time { return now }, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	srv := httptest.NewServer(&hub.Handler{Store: s, Dashboard: d})
	t.Cleanup(srv.Close)
	return d, srv, s
}

// browser is an HTTP client with cookies that does not follow redirects. httptest serves
// plain HTTP on 127.0.0.1; Go's jar, unlike a browser, does not send Secure cookies
// there, so tests copy them over.
type browser struct {
	t       testing.TB
	base    string
	client  *http.Client
	cookies map[string]*http.Cookie
}

func newBrowser(t testing.TB, base string) *browser {
	return &browser{t: t, base: base, cookies: map[string]*http.Cookie{}, client: &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) keep(c *http.Cookie) {
	if c.MaxAge < 0 {
		delete(b.cookies, c.Name)
		return
	}
	b.cookies[c.Name] = c
}

func (b *browser) do(method, path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, b.base+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	for _, c := range b.cookies {
		if strings.HasPrefix(path, c.Path) {
			req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		}
	}
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	for _, c := range resp.Cookies() {
		b.keep(c)
	}
	return resp, string(data)
}

// formToken is the value of the csrf input of a page.
func formToken(t testing.TB, page string) string {
	t.Helper()
	_, rest, ok := strings.Cut(page, `name="csrf" value="`)
	if !ok {
		t.Fatalf("no csrf field in\n%s", page)
	}
	tok, _, _ := strings.Cut(rest, `"`)
	return tok
}

// login logs b in and returns the overview page.
func login(t testing.TB, b *browser) string {
	t.Helper()
	_, page := b.do("GET", "/dash/login", nil, nil)
	resp, _ := b.do("POST", "/dash/login", url.Values{"csrf": {formToken(t, page)}, "password": {testPassword}}, nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/dash/" {
		t.Fatalf("login: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	resp, page = b.do("GET", "/dash/", nil, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("overview after login: %s", resp.Status)
	}
	return page
}

func TestLoginSessionsAndCSRF(t *testing.T) {
	d, srv, _ := newTestDash(t)
	b := newBrowser(t, srv.URL)

	for _, path := range []string{"/", "/dash/", "/dash/quiz?from=2026-06-01"} {
		if resp, _ := b.do("GET", path, nil, nil); resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(resp.Header.Get("Location"), "/dash/login") && resp.Header.Get("Location") != "/dash/" {
			t.Errorf("GET %s logged out: %s to %q, want the login page", path, resp.Status, resp.Header.Get("Location"))
		}
	}
	resp, page := b.do("GET", "/dash/login", nil, nil)
	if resp.StatusCode != 200 || !strings.Contains(page, "管理员密码") {
		t.Fatalf("login page: %s", resp.Status)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("security headers: %v", resp.Header)
	}
	tok := formToken(t, page)

	// A form without the login cookie's token, or from another site, is refused.
	if resp, _ := b.do("POST", "/dash/login", url.Values{"csrf": {"forged"}, "password": {testPassword}}, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("forged token: %s", resp.Status)
	}
	_, page = b.do("GET", "/dash/login", nil, nil)
	tok = formToken(t, page)
	if resp, _ := b.do("POST", "/dash/login", url.Values{"csrf": {tok}, "password": {testPassword}},
		map[string]string{"Origin": "https://evil.example"}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site login: %s", resp.Status)
	}
	_, page = b.do("GET", "/dash/login", nil, nil)
	if resp, page := b.do("POST", "/dash/login", url.Values{"csrf": {formToken(t, page)}, "password": {"wrong password"}}, nil); resp.StatusCode != http.StatusUnauthorized || !strings.Contains(page, "密码不正确") {
		t.Errorf("wrong password: %s", resp.Status)
	}
	if _, ok := b.cookies[sessionCookie]; ok {
		t.Fatal("a session cookie after failed logins")
	}

	page = login(t, b)
	c := b.cookies[sessionCookie]
	if !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteStrictMode || c.Path != "/dash/" {
		t.Errorf("session cookie %+v: want HttpOnly, Secure, SameSite=Strict, Path=/dash/", c)
	}
	if !strings.Contains(page, `id="card-visits"`) {
		t.Error("overview has no visits card")
	}

	// Logout needs the session's token.
	if resp, _ := b.do("POST", "/dash/logout", url.Values{"csrf": {"forged"}}, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("forged logout: %s", resp.Status)
	}
	if resp, _ := b.do("POST", "/dash/logout", url.Values{"csrf": {formToken(t, page)}}, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("logout: %s", resp.Status)
	}
	if resp, _ := b.do("GET", "/dash/", nil, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after logout: %s", resp.Status)
	}

	// A session ends after its lifetime.
	login(t, b)
	later := testNow.Add(DefaultSessionLife + time.Minute)
	d.Now = func() time.Time { return later }
	if resp, _ := b.do("GET", "/dash/", nil, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("expired session: %s", resp.Status)
	}
}

func TestLoginThrottle(t *testing.T) {
	_, srv, _ := newTestDash(t)
	b := newBrowser(t, srv.URL)
	var last *http.Response
	for range maxFailures + 1 {
		_, page := b.do("GET", "/dash/login", nil, nil)
		last, _ = b.do("POST", "/dash/login", url.Values{"csrf": {formToken(t, page)}, "password": {"guess"}}, nil)
	}
	if last.StatusCode != http.StatusTooManyRequests {
		t.Errorf("after %d failures: %s, want 429", maxFailures, last.Status)
	}
	// Even the right password waits for the window to end.
	_, page := b.do("GET", "/dash/login", nil, nil)
	if resp, _ := b.do("POST", "/dash/login", url.Values{"csrf": {formToken(t, page)}, "password": {testPassword}}, nil); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("right password while throttled: %s", resp.Status)
	}
}

func TestSetPasswordRules(t *testing.T) {
	_, _, s := newTestDash(t)
	if err := SetPassword(context.Background(), s, "short"); err == nil {
		t.Error("a 5-character password was accepted")
	}
	h, _ := s.Setting(context.Background(), PasswordSetting)
	if !strings.HasPrefix(h, "$2a$") || strings.Contains(h, testPassword) {
		t.Errorf("stored %q, want a bcrypt hash", h)
	}
}

// TestPagesShowTheStore: every page renders with the seeded numbers, and the filter
// narrows them.
func TestPagesShowTheStore(t *testing.T) {
	_, srv, _ := newTestDash(t)
	b := newBrowser(t, srv.URL)
	login(t, b)
	want := map[string][]string{
		"/dash/":       {`id="card-visits"><div class="label">参观人次</div><div class="value">3</div>`, "花溪基地", "南明基地", `id="chart-days"`, "1 / 2"},
		"/dash/kiosks": {"在线", "从未连接", "1.4.0", "2026.06", "网络连接失败", "20.0 / 64.0 GB", "最早一条已等 2 分钟"},
		"/dash/visits": {`<td>2026-06-02</td><td>kiosk-02</td><td class="num">1</td>`},
		"/dash/dwell":  {`<td>history</td><td class="num">1</td><td class="num">2.0</td><td class="num">120.0</td>`},
		"/dash/quiz":   {`<td>q1</td><td>小学</td><td class="num">1</td><td class="num">1</td><td class="num">100.0%`, "成人", `id="card-accuracy"><div class="label">总体正确率</div><div class="value">66.7%`},
		"/dash/gain":   {`<td>小学</td><td>认识毒品</td><td class="num">1</td><td class="num">0</td><td class="num">0.0%</td><td class="num">1</td><td class="num">100.0%</td><td class="num">100.0</td>`},
		"/dash/groups": {"三中初二(3)班", "红队 3 · 蓝队 5", "抢答", "中学"},
		"/dash/visits?from=2026-06-02&to=2026-06-02&kiosk=kiosk-01": {`<div class="value">1</div>`, `value="2026-06-02"`, `<option value="kiosk-01" selected>`},
	}
	for path, parts := range want {
		resp, page := b.do("GET", path, nil, nil)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", path, resp.Status)
			continue
		}
		for _, p := range parts {
			if !strings.Contains(page, p) {
				t.Errorf("GET %s: no %q in the page", path, p)
			}
		}
	}
	if resp, page := b.do("GET", "/dash/visits?from=2026-13-01", nil, nil); resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "日期格式不对") {
		t.Errorf("bad date: %s", resp.Status)
	}
	if resp, _ := b.do("GET", "/dash/nothing", nil, nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown page: %s", resp.Status)
	}
	for _, f := range []string{"echarts.min.js", "dash.js", "dash.css", "font.otf"} {
		if resp, body := b.do("GET", "/dash/static/"+f, nil, nil); resp.StatusCode != 200 || len(body) < 1000 {
			t.Errorf("static %s: %s, %d bytes", f, resp.Status, len(body))
		}
	}
}

func TestExcelExport(t *testing.T) {
	_, srv, _ := newTestDash(t)
	b := newBrowser(t, srv.URL)
	login(t, b)
	resp, body := b.do("GET", "/dash/quiz?from=2026-06-01&format=xlsx", nil, nil)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "filename*=UTF-8''") {
		t.Fatalf("export: %s %v", resp.Status, resp.Header)
	}
	book, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, err := book.GetRows("各题各年龄段")
	if err != nil {
		t.Fatal(err)
	}
	// Title, header, then q1 小学, q1 成人, q2 小学 (by question, then band young to old).
	if len(rows) != 5 || rows[1][0] != "题目" || rows[2][0] != "q1" || rows[2][1] != "小学" || rows[3][1] != "成人" || rows[4][0] != "q2" {
		t.Fatalf("sheet rows %q", rows)
	}
	if v, _ := book.GetCellValue("各题各年龄段", "E5", excelize.Options{RawCellValue: true}); v != "0" {
		t.Errorf("q2 accuracy raw value %q, want 0", v)
	}
	if v, _ := book.GetCellValue("各题各年龄段", "E3", excelize.Options{RawCellValue: true}); v != "1" {
		t.Errorf("q1 小学 accuracy raw value %q, want 1", v)
	}
	if v, _ := book.GetCellValue("各题各年龄段", "C4", excelize.Options{RawCellValue: true}); v != "1" {
		t.Errorf("q1 成人 answered raw value %q, want 1", v)
	}
	// Logged out: no export.
	b2 := newBrowser(t, srv.URL)
	if resp, _ := b2.do("GET", "/dash/quiz?format=xlsx", nil, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("export logged out: %s", resp.Status)
	}
}

func edKey() (ed25519.PublicKey, ed25519.PrivateKey, error) { return ed25519.GenerateKey(nil) }
