package eventlog

import (
	"reflect"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// TestStatsHandComputed records a small week by hand and checks every aggregate against
// numbers worked out on paper (see the comments).
func TestStatsHandComputed(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, cst)
	to := from.AddDate(0, 0, 7)
	l, _ := openTest(t, Options{Clock: kiosk.NewManualClock(t0)})
	at := func(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, cst) }
	rec := func(when time.Time, session string, e event.Event) {
		e.At, e.Session = when, session
		l.Record(e)
	}
	// Outside the range: the evening before, and the first second after.
	rec(time.Date(2026, 2, 28, 23, 59, 0, 0, cst), "s0", event.NewSessionStart("zh"))
	rec(to, "s9", event.NewSessionStart("zh"))

	// s1: 09:10 on day 1, history for 60 s, a primary round 1/2, gain law wrong then right, 300 s.
	rec(at(1, 9, 10), "s1", event.NewSessionStart("zh"))
	rec(at(1, 9, 10), "s1", event.NewGainCheck(event.GainBefore, "law-p-01", "law", "", false))
	rec(at(1, 9, 11), "s1", event.NewZoneEnter("history"))
	rec(at(1, 9, 12), "s1", event.NewZoneLeave("history", time.Minute))
	rec(at(1, 9, 12), "s1", event.NewSoloStart("quiz", "primary", 2))
	rec(at(1, 9, 13), "s1", event.NewSoloAnswer("quiz", "q1", []string{"A"}, false, false, time.Second))
	rec(at(1, 9, 13), "s1", event.NewSoloAnswer("quiz", "q2", []string{"B"}, true, false, time.Second))
	rec(at(1, 9, 14), "s1", event.NewSoloFinish("quiz", "primary", 1, 2))
	rec(at(1, 9, 14), "s1", event.NewGainCheck(event.GainAfter, "law-p-05", "law", "primary", true))
	rec(at(1, 9, 15), "s1", event.NewSessionEnd(event.EndTimeout, 300*time.Second))

	// s2: 09:40 on day 1, skips the check, drugs 120 s and history 30 s, 100 s.
	rec(at(1, 9, 40), "s2", event.NewSessionStart("en"))
	rec(at(1, 9, 40), "s2", event.NewGainCheck(event.GainSkip, "law-p-01", "law", "", false))
	rec(at(1, 9, 41), "s2", event.NewZoneEnter("drugs"))
	rec(at(1, 9, 43), "s2", event.NewZoneLeave("drugs", 2*time.Minute))
	rec(at(1, 9, 43), "s2", event.NewZoneLeave("history", 30*time.Second))
	// s2 also plays two scenes as a secondary visitor: one refused, one told an adult.
	rec(at(1, 9, 43), "s2", event.NewSceneStart("scenes", "milk-tea", "friend", "secondary"))
	rec(at(1, 9, 43), "s2", event.NewSceneEnd("scenes", "milk-tea", "refuse", "refuse", "secondary", []string{"no"}, time.Minute))
	rec(at(1, 9, 43), "s2", event.NewSceneStart("scenes", "vape", "cousin", "secondary"))
	rec(at(1, 9, 44), "s2", event.NewSceneEnd("scenes", "vape", "tell", "tell", "secondary", []string{"ask", "tell"}, time.Minute))
	rec(at(1, 9, 44), "s2", event.NewSessionEnd(event.EndTimeout, 100*time.Second))

	// s3: 14:05 on day 3, gain right, an adult round 3/5 with q1 and q3 missed, never ended.
	rec(at(3, 14, 5), "s3", event.NewSessionStart("zh"))
	rec(at(3, 14, 5), "s3", event.NewGainCheck(event.GainBefore, "law-p-01", "law", "", true))
	rec(at(3, 14, 6), "s3", event.NewSoloStart("quiz", "adult", 5))
	rec(at(3, 14, 6), "s3", event.NewSoloAnswer("quiz", "q1", nil, false, true, 20*time.Second))
	rec(at(3, 14, 7), "s3", event.NewSoloAnswer("quiz", "q3", []string{"C"}, false, false, time.Second))
	rec(at(3, 14, 8), "s3", event.NewSoloFinish("quiz", "adult", 3, 5))
	// s3 accepts in one scene and leaves another one before its ending.
	rec(at(3, 14, 9), "s3", event.NewSceneStart("scenes", "ktv-party", "friend", "adult"))
	rec(at(3, 14, 10), "s3", event.NewSceneEnd("scenes", "ktv-party", "drink", "accept", "adult", []string{"sip"}, time.Minute))
	rec(at(3, 14, 11), "s3", event.NewSceneStart("scenes", "diet-pills", "chat", "adult"))

	// A team contest on day 2 (no visit session), q1 missed again.
	rec(at(2, 10, 0), "", event.NewContestStart("quiz", "buzz", 2, "secondary", 10))
	rec(at(2, 10, 1), "", event.NewTeamAnswer("quiz", "q1", 0, []string{"A"}, false, time.Second))
	rec(at(2, 10, 20), "", event.NewContestFinish("quiz", "buzz", "secondary", "二中 初一(3)班",
		map[string]int{"红队": 3, "蓝队": 5}, 10))
	rec(at(2, 10, 21), "", event.NewStaffLogin(true))
	flush(t, l)

	s, err := l.Stats(from, to, cst)
	if err != nil {
		t.Fatal(err)
	}
	if s.Visits != 3 || s.Ended != 2 || s.AvgVisit != 200*time.Second {
		t.Errorf("visits %d ended %d avg %v, want 3, 2, 200s", s.Visits, s.Ended, s.AvgVisit)
	}
	var hours [24]int
	hours[9], hours[14] = 2, 1
	if s.PerHour != hours {
		t.Errorf("per hour %v", s.PerHour)
	}
	if len(s.PerDay) != 7 || s.PerDay[0].Visits != 2 || s.PerDay[1].Visits != 0 || s.PerDay[2].Visits != 1 ||
		!s.PerDay[6].Day.Equal(time.Date(2026, 3, 7, 0, 0, 0, 0, cst)) {
		t.Errorf("per day %+v", s.PerDay)
	}
	if want := []ZoneDwell{{"drugs", 2 * time.Minute, 1}, {"history", 90 * time.Second, 2}}; !reflect.DeepEqual(s.Dwell, want) {
		t.Errorf("dwell %+v, want %+v", s.Dwell, want)
	}
	if want := (Funnel{Visits: 3, Explored: 2, Quiz: 2, Finished: 2, GainAfter: 1}); s.Funnel != want {
		t.Errorf("funnel %+v, want %+v", s.Funnel, want)
	}
	if want := []BandQuiz{{"primary", 1, 1, 2}, {"adult", 1, 3, 5}}; !reflect.DeepEqual(s.Bands, want) {
		t.Errorf("bands %+v, want %+v", s.Bands, want)
	}
	if want := []Missed{{"q1", 3, 3}, {"q3", 1, 1}}; !reflect.DeepEqual(s.Missed, want) {
		t.Errorf("missed %+v, want %+v", s.Missed, want)
	}
	if len(s.Contests) != 1 || s.Contests[0].Group != "二中 初一(3)班" || s.Contests[0].Mode != "buzz" ||
		s.Contests[0].Audience != "secondary" || !reflect.DeepEqual(s.Contests[0].Scores, map[string]int{"红队": 3, "蓝队": 5}) {
		t.Errorf("contests %+v", s.Contests)
	}
	// The start-of-visit answers take the age band the visit later told the quiz.
	want := []GainRow{
		{Audience: "primary", Topic: "law", Before: 1, BeforeRight: 0, After: 1, AfterRight: 1, Pairs: 1},
		{Audience: "adult", Topic: "law", Before: 1, BeforeRight: 1},
	}
	if !reflect.DeepEqual(s.Gain, want) || s.Skipped != 1 {
		t.Errorf("gain %+v skipped %d, want %+v and 1", s.Gain, s.Skipped, want)
	}
	if !reflect.DeepEqual(s.Audience, map[string]int{"primary": 1, "adult": 1}) {
		t.Errorf("audience %v", s.Audience)
	}

	wantScenes := SceneSummary{Started: 4, Endings: []SceneEndings{
		{Audience: "secondary", Total: 2, Kinds: map[string]int{"refuse": 1, "tell": 1}},
		{Audience: "adult", Total: 1, Kinds: map[string]int{"accept": 1}},
	}}
	if !reflect.DeepEqual(s.Scenes, wantScenes) {
		t.Errorf("scenes %+v, want %+v", s.Scenes, wantScenes)
	}

	// An empty range is all zeros, with its days.
	e, err := l.Stats(to.AddDate(0, 0, 1), to.AddDate(0, 0, 2), cst)
	if err != nil || e.Visits != 0 || len(e.PerDay) != 1 || e.Dwell != nil || e.AvgVisit != 0 {
		t.Errorf("empty range: %+v %v", e, err)
	}
}

func TestStaffTrailNewestFirst(t *testing.T) {
	l, _ := openTest(t, Options{Clock: kiosk.NewManualClock(t0)})
	l.Record(event.NewStaffLogin(false))
	l.Record(event.NewSessionStart("zh"))
	l.Record(event.NewStaffSetting("volume"))
	l.Record(event.NewStaffExport(12, true, false))
	flush(t, l)
	evs, err := l.StaffTrail(2)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || evs[0].Type != event.StaffExport || evs[1].Type != event.StaffSetting {
		t.Fatalf("trail %+v", evs)
	}
	all, _ := l.StaffTrail(10)
	if len(all) != 3 || all[2].Type != event.StaffLogin {
		t.Fatalf("trail of 10: %d events", len(all))
	}
	if _, err := l.StaffTrail(0); err == nil {
		t.Fatal("limit 0 accepted")
	}
}
