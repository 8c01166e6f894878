package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/hub"
	"github.com/jindu-edu/kiosk/internal/hub/dash"
)

// benchBatch is about how many events go into one Store.Insert (whole kiosk-days): a
// kiosk's upload batch is 500 events, but the bench loads months at once.
const benchBatch = 5000

// benchPassword logs the bench's own client into the dashboard it times.
const benchPassword = "bench-password-not-for-use"

// bench is `kiosk-hub bench`: it fills the database with generated visits (kiosks × days ×
// events a day, one batch per kiosk-day through Store.Insert), builds the daily rollup,
// then times the dashboard's overview: the store query, and the whole page (login cookie,
// query, template) through the HTTP handler. It prints what it measured.
func (c cli) bench(ctx context.Context, args []string) error {
	fs, db := c.flags("bench")
	kiosks := fs.Int("kiosks", 100, "kiosks")
	days := fs.Int("days", 90, "days per kiosk")
	perDay := fs.Int("per-day", 500, "events per kiosk and day")
	runs := fs.Int("runs", 20, "timed overview requests")
	skipLoad := fs.Bool("skip-load", false, "time an already filled database")
	pages := fs.Bool("pages", false, "also time every other dashboard page (they query the events)")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) > 0 || *kiosks < 1 || *days < 1 || *perDay < 10 || *runs < 1 {
		return fmt.Errorf("%w: bench takes positive --kiosks, --days, --per-day (≥ 10), --runs", errUsage)
	}
	store, err := c.open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	out := c.stdout
	first := time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))

	if !*skipLoad {
		start := time.Now()
		total := 0
		var inserting time.Duration
		for k := range *kiosks {
			id := fmt.Sprintf("bench-%03d", k+1)
			pub, _, _ := ed25519.GenerateKey(nil)
			if err := store.AddKiosk(ctx, id, pub, hub.HashToken(id+"-bench-token-0123456789")); err != nil {
				return err
			}
			if err := store.SetKioskBase(ctx, id, fmt.Sprintf("基地%02d", k/10+1)); err != nil {
				return err
			}
			rng := rand.New(rand.NewPCG(uint64(k), 7))
			seq := int64(0)
			var batch []eventlog.Event
			for d := range *days {
				batch = append(batch, hub.GenerateDay(rng, id, first.AddDate(0, 0, d), &seq, *perDay)...)
				if len(batch) >= benchBatch || d == *days-1 {
					t0 := time.Now()
					if _, _, err := store.Insert(ctx, id, batch); err != nil {
						return err
					}
					inserting += time.Since(t0)
					total += len(batch)
					batch = batch[:0]
				}
			}
			if (k+1)%10 == 0 {
				el := time.Since(start)
				fmt.Fprintf(out, "loaded %d kiosks, %d events, %.0f events/s\n", k+1, total, float64(total)/el.Seconds())
			}
		}
		load := time.Since(start)
		fmt.Fprintf(out, "load: %d events in %s (%.0f events/s; %s in Store.Insert, %.0f events/s)\n", total, load.Round(time.Millisecond),
			float64(total)/load.Seconds(), inserting.Round(time.Millisecond), float64(total)/inserting.Seconds())
	}
	start := time.Now()
	n, err := store.RefreshRollup(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "rollup: %d kiosk-days in %s\n", n, time.Since(start).Round(time.Millisecond))
	count, err := store.Count(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "events stored: %d\n", count)

	// One new batch first, as after an upload: the overview folds it in.
	seq := int64(1 << 40)
	late := hub.GenerateDay(rand.New(rand.NewPCG(1, 1)), "bench-001", first.AddDate(0, 0, *days-1), &seq, 50)
	if _, _, err := store.Insert(ctx, "bench-001", late); err != nil {
		return err
	}
	t0 := time.Now()
	if _, err := store.Overview(ctx, hub.Filter{}); err != nil {
		return err
	}
	fmt.Fprintf(out, "overview query after one new upload (refreshes one kiosk-day): %s\n", time.Since(t0).Round(time.Microsecond))

	filters := map[string]hub.Filter{
		"all days":     {},
		"last 30 days": {From: first.AddDate(0, 0, *days-30).Format(time.DateOnly), To: first.AddDate(0, 0, *days-1).Format(time.DateOnly)},
		"one kiosk":    {KioskID: "bench-042"},
	}
	for _, name := range []string{"all days", "last 30 days", "one kiosk"} {
		var ds []time.Duration
		for range *runs {
			t0 := time.Now()
			if _, err := store.Overview(ctx, filters[name]); err != nil {
				return err
			}
			ds = append(ds, time.Since(t0))
		}
		fmt.Fprintf(out, "overview query, %s: %s\n", name, summary(ds))
	}

	// The whole page through the handler, logged in.
	if err := dash.SetPassword(ctx, store, benchPassword); err != nil {
		return err
	}
	d := &dash.Dashboard{Store: store, InsecureCookies: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	srv := httptest.NewServer(&hub.Handler{Store: store, Dashboard: d})
	defer srv.Close()
	client, err := dashClient(srv.URL, benchPassword)
	if err != nil {
		return err
	}
	for _, path := range []string{"/dash/", "/dash/?from=" + filters["last 30 days"].From} {
		var ds []time.Duration
		for range *runs {
			t0 := time.Now()
			resp, err := client.Get(srv.URL + path)
			if err != nil {
				return err
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("GET %s: %s", path, resp.Status)
			}
			ds = append(ds, time.Since(t0))
		}
		fmt.Fprintf(out, "overview page GET %s: %s\n", path, summary(ds))
	}
	if !*pages {
		return nil
	}
	// The other pages read the events themselves (no rollup): timed for the record.
	for _, p := range dash.Pages[1:] {
		for _, q := range []string{"", "?from=" + filters["last 30 days"].From, "?kiosk=bench-042"} {
			var ds []time.Duration
			for range min(*runs, 3) {
				t0 := time.Now()
				resp, err := client.Get(srv.URL + dash.Prefix + p.Path + q)
				if err != nil {
					return err
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					return fmt.Errorf("GET %s: %s", p.Path+q, resp.Status)
				}
				ds = append(ds, time.Since(t0))
			}
			fmt.Fprintf(out, "page %s GET /dash/%s%s: %s\n", p.Title, p.Path, q, summary(ds))
		}
	}
	return nil
}

// summary is the median and the slowest of ds.
func summary(ds []time.Duration) string {
	slices.Sort(ds)
	return fmt.Sprintf("median %s, max %s (%d runs)", ds[len(ds)/2].Round(time.Microsecond), ds[len(ds)-1].Round(time.Microsecond), len(ds))
}

// dashClient is an HTTP client logged into the dashboard at base, as a browser would: it
// fetches the login form for its CSRF token, then posts the password.
func dashClient(base, password string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: time.Minute}
	resp, err := client.Get(base + dash.Prefix + "login")
	if err != nil {
		return nil, err
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	_, rest, ok := strings.Cut(string(page), `name="csrf" value="`)
	token, _, _ := strings.Cut(rest, `"`)
	if !ok {
		return nil, fmt.Errorf("dashboard login page has no form token")
	}
	resp, err = client.PostForm(base+dash.Prefix+"login", url.Values{"csrf": {token}, "password": {password}})
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != dash.Prefix {
		return nil, fmt.Errorf("dashboard login: %s at %s", resp.Status, resp.Request.URL.Path)
	}
	return client, nil
}
