package hub

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
)

// dashDataset is a small known dataset for the dashboard's queries: quiz rounds in three age
// bands (one session plays two rounds), learning-gain pairs (one repeated after answer, one
// unpaired before, a skip, and a session id that two kiosks both use, which must not pair
// across kiosks). The expected numbers in testDashStats are counted by hand from it.
func dashDataset() map[string][]eventlog.Event {
	const d1, d2 = "2026-06-01T09:%02d:00+08:00", "2026-06-02T10:%02d:00+08:00"
	at := func(f string, m int) string { return sprintf(f, m) }
	a1 := []eventlog.Event{
		ev("a1", 1, at(d1, 1), "session_start", "v1", "", "", ""),
		ev("a1", 2, at(d1, 2), "quiz_start", "v1", "quiz", "", `{"mode":"solo","audience":"primary","questions":2}`),
		ev("a1", 3, at(d1, 3), "quiz_answer", "v1", "quiz", "q1", `{"correct":true}`),
		ev("a1", 4, at(d1, 4), "quiz_answer", "v1", "quiz", "q2", `{"correct":false}`),
		ev("a1", 5, at(d1, 5), "gain_check", "v1", "", "g1", `{"phase":"before","topic":"drugs","audience":"primary","correct":false}`),
		ev("a1", 6, at(d1, 6), "gain_check", "v1", "", "g1", `{"phase":"after","topic":"drugs","audience":"primary","correct":true}`),
		ev("a1", 7, at(d1, 7), "gain_check", "v1", "", "g1", `{"phase":"after","topic":"drugs","audience":"primary","correct":false}`), // second after: ignored
		ev("a1", 8, at(d1, 8), "session_start", "v2", "", "", ""),
		ev("a1", 9, at(d1, 9), "quiz_start", "v2", "quiz", "", `{"mode":"solo","audience":"secondary","questions":1}`),
		ev("a1", 10, at(d1, 10), "quiz_answer", "v2", "quiz", "q1", `{"correct":true}`),
		ev("a1", 11, at(d1, 11), "quiz_start", "v2", "quiz", "", `{"mode":"solo","audience":"adult","questions":2}`),
		ev("a1", 12, at(d1, 12), "quiz_answer", "v2", "quiz", "q1", `{"correct":false}`),
		ev("a1", 13, at(d1, 13), "quiz_answer", "v2", "quiz", "q2", `{"choice":[]}`), // no correct: not counted
		ev("a1", 14, at(d1, 14), "gain_check", "v2", "", "g2", `{"phase":"before","topic":"law","audience":"secondary","correct":true}`),
		ev("a1", 15, at(d1, 15), "gain_check", "v2", "", "g2", `{"phase":"after","topic":"law","audience":"secondary","correct":true}`),
		ev("a1", 16, at(d1, 16), "gain_check", "v2", "", "g1", `{"phase":"before","topic":"drugs","audience":"secondary","correct":true}`), // no after
		ev("a1", 17, at(d2, 1), "session_start", "v3", "", "", ""),
		ev("a1", 18, at(d2, 2), "quiz_answer", "v3", "quiz", "q1", `{"correct":true}`), // no quiz_start: audience unknown
		ev("a1", 19, at(d2, 3), "gain_check", "v3", "", "g1", `{"phase":"before","topic":"drugs","audience":"primary","correct":true}`),
		ev("a1", 20, at(d2, 4), "gain_check", "v3", "", "g1", `{"phase":"after","topic":"drugs","audience":"primary","correct":false}`),
		ev("a1", 21, at(d2, 5), "gain_check", "v3", "", "", `{"phase":"skip","topic":"drugs","audience":"primary","correct":false}`),
	}
	a2 := []eventlog.Event{
		ev("a2", 1, at(d1, 1), "session_start", "w1", "", "", ""),
		ev("a2", 2, at(d1, 2), "gain_check", "w1", "", "g1", `{"phase":"before","topic":"drugs","audience":"primary","correct":false}`),
		ev("a2", 3, at(d1, 3), "gain_check", "w1", "", "g1", `{"phase":"after","topic":"drugs","audience":"primary","correct":true}`),
		ev("a2", 4, at(d1, 4), "quiz_start", "w1", "quiz", "", `{"mode":"solo","audience":"primary","questions":1}`),
		ev("a2", 5, at(d1, 5), "quiz_answer", "w1", "quiz", "q1", `{"correct":true}`),
		ev("a2", 6, at(d1, 6), "gain_check", "v1", "", "g1", `{"phase":"after","topic":"drugs","audience":"primary","correct":false}`), // a1's session id, another kiosk
	}
	return map[string][]eventlog.Event{"a1": a1, "a2": a2}
}

func loadDash(t *testing.T, s Store) {
	t.Helper()
	for kiosk, events := range dashDataset() {
		if _, _, err := s.Insert(context.Background(), kiosk, events); err != nil {
			t.Fatal(err)
		}
	}
}

func testDashStats(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	loadDash(t, s)

	qa, err := s.QuestionsByAudience(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	wantQA := []QuestionAudience{
		{Question: "q1", Audience: "", Answered: 1, Right: 1, Accuracy: 1},
		{Question: "q1", Audience: "adult", Answered: 1, Right: 0, Accuracy: 0},
		{Question: "q1", Audience: "primary", Answered: 2, Right: 2, Accuracy: 1},
		{Question: "q1", Audience: "secondary", Answered: 1, Right: 1, Accuracy: 1},
		{Question: "q2", Audience: "primary", Answered: 1, Right: 0, Accuracy: 0},
	}
	if !reflect.DeepEqual(qa, wantQA) {
		t.Errorf("QuestionsByAudience =\n%+v\nwant\n%+v", qa, wantQA)
	}
	qa, err = s.QuestionsByAudience(ctx, Filter{KioskID: "a2"})
	if want := []QuestionAudience{{Question: "q1", Audience: "primary", Answered: 1, Right: 1, Accuracy: 1}}; err != nil || !reflect.DeepEqual(qa, want) {
		t.Errorf("QuestionsByAudience(a2) = %+v, %v; want %+v", qa, err, want)
	}

	g, err := s.Gain(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	wantGain := []GainStat{
		{Audience: "primary", Topic: "drugs", Pairs: 3, BeforeRight: 1, AfterRight: 2, BeforeRate: 1.0 / 3, AfterRate: 2.0 / 3},
		{Audience: "secondary", Topic: "law", Pairs: 1, BeforeRight: 1, AfterRight: 1, BeforeRate: 1, AfterRate: 1},
	}
	if !reflect.DeepEqual(g, wantGain) {
		t.Errorf("Gain =\n%+v\nwant\n%+v", g, wantGain)
	}
	g, err = s.Gain(ctx, Filter{From: "2026-06-02"})
	if want := []GainStat{{Audience: "primary", Topic: "drugs", Pairs: 1, BeforeRight: 1, AfterRight: 0, BeforeRate: 1}}; err != nil || !reflect.DeepEqual(g, want) {
		t.Errorf("Gain(from 06-02) = %+v, %v; want %+v", g, err, want)
	}

	// Overview: a1 is registered in a base, a2 is not.
	pub, _ := newKey(t)
	if err := s.AddKiosk(ctx, "a1", pub, HashToken("token-a1-0123456789")); err != nil {
		t.Fatal(err)
	}
	if err := s.SetKioskBase(ctx, "a1", "花溪基地"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetKioskBase(ctx, "nobody", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetKioskBase(unregistered) = %v, want ErrNotFound", err)
	}
	o, err := s.Overview(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	day1 := DayTotal{Day: "2026-06-01", Events: 22, Visits: 3, Sessions: 4, Answers: 5, Right: 3}
	day2 := DayTotal{Day: "2026-06-02", Events: 5, Visits: 1, Sessions: 1, Answers: 1, Right: 1}
	if !reflect.DeepEqual(o.Days, []DayTotal{day1, day2}) {
		t.Errorf("Overview.Days = %+v", o.Days)
	}
	if want := (DayTotal{Events: 27, Visits: 4, Sessions: 5, Answers: 6, Right: 4}); o.Totals != want || o.Kiosks != 1 || o.Active != 2 {
		t.Errorf("Overview totals %+v kiosks %d active %d; want %+v, 1, 2", o.Totals, o.Kiosks, o.Active, want)
	}
	wantKiosks := []KioskTotal{
		{KioskID: "a1", Base: "花溪基地", DayTotal: DayTotal{Events: 21, Visits: 3, Sessions: 3, Answers: 5, Right: 3}},
		{KioskID: "a2", Base: "", DayTotal: DayTotal{Events: 6, Visits: 1, Sessions: 2, Answers: 1, Right: 1}},
	}
	if !reflect.DeepEqual(o.PerKiosk, wantKiosks) {
		t.Errorf("Overview.PerKiosk = %+v\nwant %+v", o.PerKiosk, wantKiosks)
	}
	if len(o.PerBase) != 2 || o.PerBase[0].Base != "" || o.PerBase[1].Base != "花溪基地" || o.PerBase[1].Visits != 3 {
		t.Errorf("Overview.PerBase = %+v", o.PerBase)
	}
	o, err = s.Overview(ctx, Filter{From: "2026-06-02", KioskID: "a1"})
	if err != nil || len(o.Days) != 1 || o.Totals.Visits != 1 || o.Active != 1 {
		t.Errorf("Overview(06-02, a1) = %+v, %v", o, err)
	}

	// The rollup follows late events, and ignores events stored again.
	late := []eventlog.Event{ev("a1", 22, "2026-06-02T18:00:00+08:00", "session_start", "v4", "", "", "")}
	for range 2 {
		if _, _, err := s.Insert(ctx, "a1", late); err != nil {
			t.Fatal(err)
		}
		o, err = s.Overview(ctx, Filter{From: "2026-06-02"})
		if err != nil || o.Totals.Visits != 2 || o.Totals.Events != 6 {
			t.Errorf("after a late event: Overview(06-02) totals %+v, %v; want 2 visits of 6 events", o.Totals, err)
		}
	}
	if n, err := s.RefreshRollup(ctx); n != 0 || err != nil {
		t.Errorf("RefreshRollup with nothing new = %d, %v", n, err)
	}
}

// testOverviewMatchesStats: the rollup agrees with the stats queries over raw events.
func testOverviewMatchesStats(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	loadStats(t, s)
	o, err := s.Overview(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// statsDataset: 5 visits; zone_leave 3× history + 2× drugs (one without a numeric
	// dwell) = 240000+60000+30000+120000 ms; answers with correct: k1 4 (2 right), k2 1.
	if want := (DayTotal{Events: 21, Visits: 5, Sessions: 5, Answers: 5, Right: 3, Leaves: 5, DwellMS: 450000}); o.Totals != want {
		t.Errorf("Overview totals %+v, want %+v", o.Totals, want)
	}
}

func testHealth(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	for _, id := range []string{"k1", "k2", "k3"} {
		pub, _ := newKey(t)
		if err := s.AddKiosk(ctx, id, pub, HashToken("token-"+id+"-0123456789")); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetKioskBase(ctx, "k3", "A基地"); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 6, 1, 2, 0, 0, 0, time.UTC)
	st := &evsync.Status{SentAt: t0.Add(-time.Second), AppVersion: "1.4.0", PackVersion: "2026.06", DiskFree: 5 << 30,
		DiskTotal: 32 << 30, UptimeS: 3600, Pending: 12, LagS: 40, LastError: "无法连接"}
	if err := s.Heartbeat(ctx, "k1", st, t0); err != nil {
		t.Fatal(err)
	}
	// A later upload without a status moves last_seen only.
	if err := s.Heartbeat(ctx, "k1", nil, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.Heartbeat(ctx, "k2", nil, t0); err != nil {
		t.Fatal(err)
	}
	h, err := s.Health(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 || h[0].KioskID != "k1" || h[1].KioskID != "k2" || h[2].KioskID != "k3" || h[2].Base != "A基地" {
		t.Fatalf("Health order = %+v", h)
	}
	k1 := h[0]
	if !k1.LastSeen.Equal(t0.Add(time.Minute)) || !k1.StatusAt.Equal(t0) || !k1.SentAt.Equal(st.SentAt) ||
		k1.AppVersion != "1.4.0" || k1.PackVersion != "2026.06" || k1.DiskFree != 5<<30 || k1.DiskTotal != 32<<30 ||
		k1.UptimeS != 3600 || k1.Pending != 12 || k1.LagS != 40 || k1.LastError != "无法连接" {
		t.Errorf("k1 health %+v", k1)
	}
	if !h[1].LastSeen.Equal(t0) || !h[1].StatusAt.IsZero() || h[1].AppVersion != "" {
		t.Errorf("k2 (uploads, no status) health %+v", h[1])
	}
	if !h[2].LastSeen.IsZero() {
		t.Errorf("k3 (never seen) health %+v", h[2])
	}

	if _, err := s.Setting(ctx, "admin_password"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unset setting: %v", err)
	}
	for _, v := range []string{"one", "two"} {
		if err := s.SetSetting(ctx, "admin_password", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Setting(ctx, "admin_password"); got != v || err != nil {
			t.Errorf("Setting = %q, %v; want %q", got, err, v)
		}
	}
}

func sprintf(f string, a ...any) string { return fmt.Sprintf(f, a...) }

// testGainAcrossMidnight: a visit whose before answer is at 23:58 and after answer at 00:02,
// uploaded in two batches, counts once, on the day of the after answer; a visit whose two
// answers are two days apart (a session id reused, not one visit) does not pair.
func testGainAcrossMidnight(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	before := `{"phase":"before","topic":"law","audience":"adult","correct":false}`
	after := `{"phase":"after","topic":"law","audience":"adult","correct":true}`
	batches := [][]eventlog.Event{
		{ev("m", 1, "2026-06-01T23:58:00+08:00", "gain_check", "late", "", "g", before),
			ev("m", 2, "2026-06-01T09:00:00+08:00", "gain_check", "old", "", "g", before)},
		{ev("m", 3, "2026-06-02T00:02:00+08:00", "gain_check", "late", "", "g", after)},
		{ev("m", 4, "2026-06-03T09:00:00+08:00", "gain_check", "old", "", "g", after)},
	}
	for _, b := range batches {
		if _, _, err := s.Insert(ctx, "m", b); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Gain(ctx, Filter{}); err != nil { // refresh between uploads
			t.Fatal(err)
		}
	}
	want := []GainStat{{Audience: "adult", Topic: "law", Pairs: 1, BeforeRight: 0, AfterRight: 1, BeforeRate: 0, AfterRate: 1}}
	if g, err := s.Gain(ctx, Filter{}); err != nil || !reflect.DeepEqual(g, want) {
		t.Errorf("Gain = %+v, %v; want %+v", g, err, want)
	}
	if g, err := s.Gain(ctx, Filter{From: "2026-06-02", To: "2026-06-02"}); err != nil || !reflect.DeepEqual(g, want) {
		t.Errorf("Gain(06-02) = %+v, %v; want the pair on the after answer's day", g, err)
	}
}
