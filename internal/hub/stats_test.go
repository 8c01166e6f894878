package hub

import (
	"context"
	"reflect"
	"testing"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

// statsDataset is a small known dataset of two kiosks. k1's clock is at +08:00, and its
// s4 visit at 00:30 local on 2 May is still 1 May in UTC: days are the kiosk's own.
func statsDataset() map[string][]eventlog.Event {
	k1 := []eventlog.Event{
		ev("k1", 1, "2026-05-01T09:00:00+08:00", "session_start", "s1", "", "", ""),
		ev("k1", 2, "2026-05-01T09:01:00+08:00", "zone_enter", "s1", "history", "", ""),
		ev("k1", 3, "2026-05-01T09:05:00+08:00", "zone_leave", "s1", "history", "", `{"dwell_ms":240000}`),
		ev("k1", 4, "2026-05-01T09:06:00+08:00", "quiz_answer", "s1", "quiz", "q1", `{"choice":["A"],"correct":true,"ms":2000}`),
		ev("k1", 5, "2026-05-01T09:07:00+08:00", "quiz_answer", "s1", "quiz", "q2", `{"choice":["B"],"correct":false,"ms":2000}`),
		ev("k1", 6, "2026-05-01T10:00:00+08:00", "session_start", "s2", "", "", ""),
		ev("k1", 7, "2026-05-01T10:02:00+08:00", "zone_leave", "s2", "history", "", `{"dwell_ms":60000}`),
		ev("k1", 8, "2026-05-01T10:03:00+08:00", "zone_leave", "s2", "drugs", "", `{"dwell_ms":30000}`),
		ev("k1", 9, "2026-05-01T10:04:00+08:00", "quiz_answer", "s2", "quiz", "q1", `{"correct":true}`),
		ev("k1", 10, "2026-05-01T23:30:00+08:00", "session_start", "s3", "", "", ""),
		ev("k1", 11, "2026-05-02T00:30:00+08:00", "session_start", "s4", "", "", ""),
		ev("k1", 12, "2026-05-02T00:31:00+08:00", "quiz_answer", "s4", "quiz", "q1", `{"correct":false,"timed_out":true}`),
		ev("k1", 13, "2026-05-02T00:32:00+08:00", "quiz_answer", "s4", "quiz", "q3", `{"choice":[]}`), // no correct: not counted
		ev("k1", 14, "2026-05-02T08:00:00+08:00", "staff_login", "", "", "", `{"ok":true}`),
		ev("k1", 15, "2026-05-02T08:01:00+08:00", "quiz_finish", "s4", "quiz", "", `{"mode":"solo","score":3,"questions":5}`),
		ev("k1", 16, "2026-05-02T09:00:00+08:00", "quiz_finish", "", "quiz", "",
			`{"mode":"team-race","audience":"teen","group":"Class 3","scores":{"红队":3,"蓝队":5},"questions":8}`),
		ev("k1", 17, "2026-05-02T09:10:00+08:00", "zone_leave", "s4", "drugs", "", `{"dwell_ms":"abc"}`), // not a number
	}
	k2 := []eventlog.Event{
		ev("k2", 1, "2026-05-01T14:00:00Z", "session_start", "t1", "", "", ""),
		ev("k2", 2, "2026-05-01T14:02:00Z", "zone_leave", "t1", "history", "", `{"dwell_ms":120000}`),
		ev("k2", 3, "2026-05-01T14:03:00Z", "quiz_answer", "t1", "quiz", "q1", `{"correct":true}`),
		ev("k2", 4, "2026-05-01T15:00:00Z", "quiz_finish", "", "quiz", "",
			`{"mode":"team-relay","audience":"adult","group":"Scouts","scores":{"A":2},"questions":4}`),
	}
	return map[string][]eventlog.Event{"k1": k1, "k2": k2}
}

func loadStats(t *testing.T, s Store) {
	t.Helper()
	for kiosk, events := range statsDataset() {
		if _, _, err := s.Insert(context.Background(), kiosk, events); err != nil {
			t.Fatal(err)
		}
	}
}

func testStats(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	loadStats(t, s)

	visits, err := s.Visits(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	wantVisits := []VisitDay{
		{Day: "2026-05-01", KioskID: "k1", Visits: 3, Sessions: 3},
		{Day: "2026-05-01", KioskID: "k2", Visits: 1, Sessions: 1},
		{Day: "2026-05-02", KioskID: "k1", Visits: 1, Sessions: 1},
	}
	if !reflect.DeepEqual(visits, wantVisits) {
		t.Errorf("Visits =\n%+v\nwant\n%+v", visits, wantVisits)
	}

	dwell, err := s.Dwell(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	wantDwell := []ZoneDwell{
		{Zone: "drugs", Leaves: 2, TotalMS: 30000, AvgMS: 30000},
		{Zone: "history", Leaves: 3, TotalMS: 420000, AvgMS: 140000},
	}
	if !reflect.DeepEqual(dwell, wantDwell) {
		t.Errorf("Dwell =\n%+v\nwant\n%+v", dwell, wantDwell)
	}

	questions, err := s.Questions(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	wantQuestions := []QuestionStat{
		{Question: "q1", Answered: 4, Right: 3, Accuracy: 0.75},
		{Question: "q2", Answered: 1, Right: 0, Accuracy: 0},
	}
	if !reflect.DeepEqual(questions, wantQuestions) {
		t.Errorf("Questions =\n%+v\nwant\n%+v", questions, wantQuestions)
	}

	groups, err := s.Groups(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 {
		t.Fatalf("Groups = %+v, want 2", groups)
	}
	g0, g1 := groups[0], groups[1]
	if g0.KioskID != "k2" || g0.EventID != "k2-000004" || g0.Day != "2026-05-01" || g0.Mode != "team-relay" ||
		g0.Group != "Scouts" || g0.Audience != "adult" || g0.Questions != 4 || !reflect.DeepEqual(g0.Scores, map[string]float64{"A": 2}) {
		t.Errorf("Groups[0] = %+v", g0)
	}
	if g1.KioskID != "k1" || g1.Day != "2026-05-02" || g1.Mode != "team-race" || g1.Group != "Class 3" ||
		g1.Questions != 8 || !reflect.DeepEqual(g1.Scores, map[string]float64{"红队": 3, "蓝队": 5}) {
		t.Errorf("Groups[1] = %+v", g1)
	}
	if want := statsDataset()["k1"][15].WallTime; !g1.WallTime.Equal(want) {
		t.Errorf("Groups[1].WallTime = %v, want %v", g1.WallTime, want)
	}

	// Filters: by day (the kiosk's local day) and by kiosk.
	visits, err = s.Visits(ctx, Filter{From: "2026-05-02", To: "2026-05-31"})
	if err != nil || !reflect.DeepEqual(visits, wantVisits[2:]) {
		t.Errorf("Visits(from 2 May) = %+v, %v", visits, err)
	}
	visits, err = s.Visits(ctx, Filter{To: "2026-05-01", KioskID: "k2"})
	if err != nil || !reflect.DeepEqual(visits, wantVisits[1:2]) {
		t.Errorf("Visits(k2 to 1 May) = %+v, %v", visits, err)
	}
	questions, err = s.Questions(ctx, Filter{KioskID: "k1", From: "2026-05-02", To: "2026-05-02"})
	want := []QuestionStat{{Question: "q1", Answered: 1, Right: 0}}
	if err != nil || !reflect.DeepEqual(questions, want) {
		t.Errorf("Questions(k1, 2 May) = %+v, %v", questions, err)
	}
	dwell, err = s.Dwell(ctx, Filter{KioskID: "k2"})
	if err != nil || !reflect.DeepEqual(dwell, []ZoneDwell{{Zone: "history", Leaves: 1, TotalMS: 120000, AvgMS: 120000}}) {
		t.Errorf("Dwell(k2) = %+v, %v", dwell, err)
	}
	groups, err = s.Groups(ctx, Filter{From: "2026-05-02"})
	if err != nil || len(groups) != 1 || groups[0].Group != "Class 3" {
		t.Errorf("Groups(from 2 May) = %+v, %v", groups, err)
	}
}

// testStatsEmpty: an empty store answers empty (not nil) rows.
func testStatsEmpty(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	f := Filter{From: "2026-01-01", To: "2026-12-31", KioskID: "nobody"}
	v, err1 := s.Visits(ctx, f)
	d, err2 := s.Dwell(ctx, f)
	q, err3 := s.Questions(ctx, f)
	g, err4 := s.Groups(ctx, f)
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if v == nil || d == nil || q == nil || g == nil || len(v)+len(d)+len(q)+len(g) != 0 {
		t.Errorf("empty stats = %v %v %v %v", v, d, q, g)
	}
}

func TestFilterCheck(t *testing.T) {
	for _, f := range []Filter{{From: "2026-5-1"}, {To: "yesterday"}, {From: "2026-05-02", To: "2026-05-01"}} {
		if f.Check() == nil {
			t.Errorf("%+v accepted", f)
		}
	}
	if err := (Filter{From: "2026-05-01", To: "2026-05-01"}).Check(); err != nil {
		t.Error(err)
	}
}
