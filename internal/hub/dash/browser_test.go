package dash

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/hub"
)

// browserEnv set to "require" makes a missing Chromium a failure instead of a skip
// (make test sets it after installing Debian's chromium).
const browserEnv = "KIOSK_BROWSER"

func findChromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv(browserEnv) == "require" {
		t.Fatalf("no chromium on PATH and %s=require (apt-get install chromium)", browserEnv)
	}
	t.Skipf("no chromium on PATH: the dashboard's browser test needs Debian's chromium (apt-get install chromium; %s=require makes this a failure)", browserEnv)
	return ""
}

// seedMore adds generated visits (kiosks bench-01..06 in three bases, 30 days) and
// heartbeats, so that the charts have something to draw.
func seedMore(t *testing.T, s hub.Store) {
	ctx := context.Background()
	first := time.Date(2026, 5, 4, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for k := range 6 {
		id := fmt.Sprintf("bench-%02d", k+1)
		pub, _, _ := edKey()
		if err := s.AddKiosk(ctx, id, pub, hub.HashToken(id+"-token-0123456789")); err != nil {
			t.Fatal(err)
		}
		if err := s.SetKioskBase(ctx, id, []string{"花溪基地", "南明基地", "观山湖基地"}[k%3]); err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(uint64(k), 3))
		seq := int64(0)
		for d := range 30 {
			if _, _, err := s.Insert(ctx, id, hub.GenerateDay(rng, id, first.AddDate(0, 0, d), &seq, 60+rng.IntN(120))); err != nil {
				t.Fatal(err)
			}
		}
		if k == 5 {
			continue // never heard from
		}
		st := &evsync.Status{AppVersion: "1.4.0", PackVersion: "2026.06", DiskFree: int64(10+k*7) << 30, DiskTotal: 64 << 30,
			UptimeS: int64(3600 * (k + 1) * 5), Pending: int64(k * 40), LagS: int64(k * 95)}
		at := testNow.Add(-time.Duration(k) * time.Minute)
		if k == 4 {
			at = testNow.Add(-26 * time.Hour)
			st.LastError = "无法连接数据中心：网络不通，将自动重试"
		}
		if err := s.Heartbeat(ctx, id, st, at); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDashboardInBrowser drives the dashboard in headless Chromium: it logs in through the
// form, opens every page, waits for ECharts to finish each chart and checks that the cards,
// tables and chart data show the store's numbers, and uses the date filter. With
// UPDATE_SCREENSHOTS=DIR it saves a screenshot of each page there as NAME.jpg (make screenshots: docs/screenshots/hub).
func TestDashboardInBrowser(t *testing.T) {
	chromium := findChromium(t)
	d, srv, s := newTestDash(t)
	seedMore(t, s)
	d.Scenes = seedSceneWalks(t, s)
	d.InsecureCookies = false // Chromium keeps Secure cookies on http://127.0.0.1 (a trustworthy origin)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.WindowSize(1440, 1000), chromedp.Flag("lang", "zh-CN"), chromedp.Flag("disable-gpu", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	shots := os.Getenv("UPDATE_SCREENSHOTS")
	shot := func(name string) {
		if shots == "" {
			return
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
		if err != nil {
			t.Fatal(err)
		}
		// FullScreenshot with quality < 100 is a JPEG.
		if err := os.WriteFile(filepath.Join(shots, name+".jpg"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Logged out, every page leads to the login form.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/dash/quiz"), chromedp.WaitVisible(chromedp.ID("password"))); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(loc, "/dash/login") {
		t.Fatalf("logged out at %s", loc)
	}
	shot("login")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("password"), "wrong password"), chromedp.Click(chromedp.ID("login-submit")),
		chromedp.WaitVisible(chromedp.ID("login-error"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("password"), testPassword), chromedp.Click(chromedp.ID("login-submit")),
		chromedp.WaitVisible(chromedp.ID("card-visits"))); err != nil {
		t.Fatal(err)
	}

	sctx := context.Background()
	o, err := s.Overview(sctx, hub.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	qa, _ := s.QuestionsByAudience(sctx, hub.Filter{})
	gain, _ := s.Gain(sctx, hub.Filter{})
	visits, _ := s.Visits(sctx, hub.Filter{})
	dwell, _ := s.Dwell(sctx, hub.Filter{})
	groups, _ := s.Groups(sctx, hub.Filter{})
	health, _ := s.Health(sctx)
	var answered, pairs int64
	for _, r := range qa {
		answered += r.Answered
	}
	for _, g := range gain {
		pairs += g.Pairs
	}
	dayVisits := make([]float64, len(o.Days))
	for i, day := range o.Days {
		dayVisits[i] = float64(day.Visits)
	}

	sc, err := s.Scenes(context.Background(), hub.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var starts int64
	for _, r := range sc.Starts {
		starts += r.Count
	}
	sceneIDs := map[string]bool{}
	for _, r := range sc.Choices {
		sceneIDs[r.Scene] = true
	}

	type check struct {
		path   string
		charts int
		cards  map[string]string // card id → value shown
		rows   map[string]int    // table id → rows
	}
	checks := []check{
		{"/dash/", 2, map[string]string{"visits": group(o.Totals.Visits), "answers": group(o.Totals.Answers),
			"kiosks": fmt.Sprintf("%d / %d", o.Active, o.Kiosks)}, map[string]int{"kiosks": len(o.PerKiosk), "bases": len(o.PerBase)}},
		{"/dash/kiosks", 0, map[string]string{"online": "5", "never": "2"}, map[string]int{"health": len(health)}},
		{"/dash/visits", 1, map[string]string{"visits": group(o.Totals.Visits)}, map[string]int{"visits": len(visits)}},
		{"/dash/dwell", 1, nil, map[string]int{"dwell": len(dwell)}},
		{"/dash/quiz", 1, map[string]string{"answered": group(answered)}, map[string]int{"questions": len(qa)}},
		{"/dash/gain", 1, map[string]string{"pairs": group(pairs)}, map[string]int{"gain": len(gain)}},
		{"/dash/groups", 1, map[string]string{"contests": strconv.Itoa(len(groups))}, map[string]int{"groups": len(groups)}},
		{"/dash/scenes", 1 + len(sceneIDs), map[string]string{"starts": group(starts)},
			map[string]int{"choices": len(sc.Choices), "endings": len(sc.Endings)}},
	}
	for _, c := range checks {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+c.path), chromedp.WaitVisible(chromedp.ID("page-title"))); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		waitCharts(t, ctx, c.path, c.charts)
		for id, want := range c.cards {
			got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#card-"+id+" .value")))
			if err != nil {
				t.Fatalf("%s card %s: %v", c.path, id, err)
			}
			if got != want {
				t.Errorf("%s card %s shows %q, the store says %q", c.path, id, got, want)
			}
		}
		for id, want := range c.rows {
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll("#table-%s tbody tr").length`, id)))
			if err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("%s table %s has %d rows, the store %d", c.path, id, n, want)
			}
		}
		shot(strings.Trim(strings.ReplaceAll(strings.TrimPrefix(c.path, "/dash/"), "/", "-"), "-") + map[bool]string{true: "overview"}[c.path == "/dash/"])
	}

	// The overview's line chart holds the store's visits per day.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/dash/")); err != nil {
		t.Fatal(err)
	}
	waitCharts(t, ctx, "/dash/", 2)
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`echarts.getInstanceByDom(document.getElementById("chart-days")).getOption().series[0].data`))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(drawn) != fmt.Sprint(dayVisits) {
		t.Errorf("chart of visits per day holds\n%v\nthe store says\n%v", drawn, dayVisits)
	}

	// The date filter: one day of one kiosk.
	f := hub.Filter{From: "2026-05-10", To: "2026-05-10", KioskID: "bench-02"}
	of, _ := s.Overview(sctx, f)
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#filter input[name=from]`), f.From),
		chromedp.SetValue(chromedp.CSS(`#filter input[name=to]`), f.To),
		chromedp.SetValue(chromedp.CSS(`#filter select[name=kiosk]`), f.KioskID),
		chromedp.Submit(chromedp.CSS(`#filter`))); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ { // the form's navigation replaces the page under the query
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`location.search.includes("kiosk=bench-02") && document.readyState === "complete"`))
		if err == nil && ok {
			break
		}
		if i == 100 {
			t.Fatalf("the filter form did not load its page: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	loc, _ = chromedp.Run(ctx, chromedp.Location())
	got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#card-visits .value")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "from=2026-05-10") || !strings.Contains(loc, "kiosk=bench-02") || got != group(of.Totals.Visits) || of.Totals.Visits == 0 {
		t.Errorf("filtered to %s: visits %q, the store says %d", loc, got, of.Totals.Visits)
	}
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.ID("export-kiosks"), "href"))
	if err != nil {
		t.Fatal(err)
	}
	href := attr.Value
	if !strings.Contains(href, "from=2026-05-10") || !strings.HasSuffix(href, "format=xlsx") {
		t.Errorf("export link %q does not carry the filter", href)
	}

	// Logging out ends the session.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("logout")), chromedp.WaitVisible(chromedp.ID("password")),
		chromedp.Navigate(srv.URL+"/dash/"), chromedp.WaitVisible(chromedp.ID("password"))); err != nil {
		t.Fatal(err)
	}
}

// waitCharts waits until the page's n charts report ECharts' finished event and each holds
// a canvas.
func waitCharts(t *testing.T, ctx context.Context, page string, n int) {
	t.Helper()
	var drawn, canvases int
	for range 100 {
		var err error
		if drawn, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".chart[data-drawn='1']").length`)); err != nil {
			t.Fatal(err)
		}
		if canvases, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".chart canvas").length`)); err != nil {
			t.Fatal(err)
		}
		if drawn == n && canvases >= n {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: %d of %d charts drawn (%d canvases)", page, drawn, n, canvases)
}
