package hours

import (
	"strings"
	"testing"
	"time"
)

// at is a local time in the week of Monday 2026-11-30.
func at(day, hour, min int) time.Time {
	return time.Date(2026, 11, 30+day, hour, min, 0, 0, time.Local)
}

func mustParse(t *testing.T, weekly, closed []string) *Schedule {
	t.Helper()
	s, err := Parse(weekly, closed)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTuesdayToSunday(t *testing.T) {
	s := mustParse(t, []string{"周二至周日 09:00-17:00"}, nil)
	cases := []struct {
		t    time.Time
		open bool
	}{
		{at(0, 10, 0), false}, // Monday
		{at(1, 8, 59), false}, // Tuesday before opening
		{at(1, 9, 0), true},   // opening minute
		{at(1, 16, 59), true}, // last minute
		{at(1, 17, 0), false}, // closing minute
		{at(6, 12, 0), true},  // Sunday
		{at(7, 12, 0), false}, // next Monday
	}
	for _, c := range cases {
		if got := s.Open(c.t); got != c.open {
			t.Errorf("%s: open = %v, want %v", c.t.Format("Mon 15:04"), got, c.open)
		}
	}
	if !s.ClosedToday(at(0, 10, 0)) || s.ClosedToday(at(1, 18, 0)) {
		t.Error("ClosedToday: Monday is closed all day, Tuesday evening is not")
	}
}

func TestSpellingsAndSeveralRules(t *testing.T) {
	s := mustParse(t, []string{"Mon,Wed 9:00~12:00", "星期六、周天 10:00–16:30", "fri-sat 14:00至20:00"}, nil)
	for _, c := range []struct {
		t    time.Time
		open bool
	}{
		{at(0, 11, 0), true}, {at(0, 13, 0), false}, {at(1, 11, 0), false}, {at(2, 9, 30), true},
		{at(4, 15, 0), true}, {at(5, 10, 0), true}, {at(5, 19, 0), true}, {at(6, 16, 29), true}, {at(6, 16, 30), false},
	} {
		if got := s.Open(c.t); got != c.open {
			t.Errorf("%s: open = %v, want %v", c.t.Format("Mon 15:04"), got, c.open)
		}
	}
}

func TestWrappingRange(t *testing.T) {
	s := mustParse(t, []string{"周六至周一 10:00-18:00"}, nil)
	for d, want := range []bool{true, false, false, false, false, true, true} { // Mon..Sun
		if got := s.Open(at(d, 12, 0)); got != want {
			t.Errorf("day %d: %v, want %v", d, got, want)
		}
	}
}

func TestClosedDates(t *testing.T) {
	s := mustParse(t, []string{"周二至周日 09:00-17:00"}, []string{"2026-12-02", "2026-12-04..2026-12-05"})
	if s.Open(at(2, 10, 0)) || s.Open(at(4, 10, 0)) || s.Open(at(5, 10, 0)) || !s.Open(at(3, 10, 0)) || !s.Open(at(6, 10, 0)) {
		t.Error("closed dates not honoured")
	}
	if !s.ClosedToday(at(4, 10, 0)) {
		t.Error("a holiday is closed all day")
	}
	only := mustParse(t, nil, []string{"2026-12-01"})
	if !only.Open(at(0, 3, 0)) || only.Open(at(1, 12, 0)) || only.Always() {
		t.Error("closed dates without weekly hours: open every other day, all day")
	}
}

func TestAlwaysOpen(t *testing.T) {
	var none *Schedule
	empty := mustParse(t, nil, nil)
	for _, s := range []*Schedule{none, empty} {
		if !s.Always() || !s.Open(at(0, 3, 0)) || s.ClosedToday(at(0, 3, 0)) {
			t.Error("no schedule must always be open")
		}
	}
}

func TestBadInputSaysWhatIsWrong(t *testing.T) {
	for line, want := range map[string]string{
		"周二至周日":             "应写成",
		"周八 09:00-17:00":    "不认识的星期",
		"周二至周八 09:00-17:00": "不认识的星期范围",
		"周二 17:00-09:00":    "晚于",
		"周二 9点-17点":         "24 小时制",
		"周二 09:00":          "09:00-17:00",
		"周二 09:60-17:00":    "24 小时制",
	} {
		_, err := Parse([]string{line}, nil)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), line) {
			t.Errorf("%q: %v (want %q and the line)", line, err, want)
		}
	}
	for _, d := range []string{"2026-13-01", "2026-12-05..2026-12-01", "明天"} {
		if _, err := Parse(nil, []string{d}); err == nil || !strings.Contains(err.Error(), "闭馆日期") {
			t.Errorf("%q: %v", d, err)
		}
	}
}

func TestLinesAndNextText(t *testing.T) {
	s := mustParse(t, []string{"周二至周日 09:00-17:00", "Mon,Wed 9:00-12:00"}, []string{"2026-12-02..2026-12-03"})
	if got := strings.Join(s.Lines("zh"), "|"); got != "周二至周日 9:00–17:00|周一、周三 9:00–12:00" {
		t.Errorf("zh lines %q", got)
	}
	if got := strings.Join(s.Lines("en"), "|"); got != "Tue–Sun 9:00–17:00|Mon, Wed 9:00–12:00" {
		t.Errorf("en lines %q", got)
	}
	daily := mustParse(t, []string{"周一至周日 08:30-18:00"}, nil)
	if got := daily.Lines("zh")[0] + "|" + daily.Lines("en")[0]; got != "每天 8:30–18:00|Daily 8:30–18:00" {
		t.Errorf("daily %q", got)
	}
	for _, c := range []struct {
		now    time.Time
		zh, en string
	}{
		{at(0, 7, 0), "今天 9:00 开馆", "Opens today at 9:00"},              // Monday morning rule
		{at(0, 13, 0), "明天（周二）9:00 开馆", "Opens tomorrow (Tue) at 9:00"}, // after Monday's hours
		{at(1, 18, 0), "12月4日（周五）9:00 开馆", "Opens Fri 4 Dec at 9:00"},   // Wed, Thu are holidays
		{at(1, 10, 0), "今天 10:00 开馆", "Opens today at 10:00"},           // open now
	} {
		if got := s.NextText(c.now, "zh"); got != c.zh {
			t.Errorf("%s zh: %q, want %q", c.now.Format("Mon 15:04"), got, c.zh)
		}
		if got := s.NextText(c.now, "en"); got != c.en {
			t.Errorf("%s en: %q, want %q", c.now.Format("Mon 15:04"), got, c.en)
		}
	}
	never := mustParse(t, []string{"周一 09:00-10:00"}, []string{"2026-11-01..2027-12-31"})
	if got := never.NextText(at(0, 12, 0), "zh"); got != "" {
		t.Errorf("closed for a year: %q", got)
	}
}

func TestNightly(t *testing.T) {
	n, err := ParseNightly("03:30")
	if err != nil {
		t.Fatal(err)
	}
	started := at(0, 9, 0)
	for _, c := range []struct {
		now  time.Time
		want bool
	}{
		{at(0, 23, 0), false}, {at(1, 3, 29), false}, {at(1, 3, 30), true}, {at(1, 12, 0), true},
	} {
		if got := n.Due(started, c.now); got != c.want {
			t.Errorf("%s: due = %v, want %v", c.now.Format("Mon 15:04"), got, c.want)
		}
	}
	// restarted at 03:30: not due again until the next night
	if n.Due(at(1, 3, 30), at(1, 3, 31)) || !n.Due(at(1, 3, 30), at(2, 3, 30)) {
		t.Error("a fresh start must wait for the next night")
	}
	off, _ := ParseNightly("")
	if off.Due(started, at(9, 0, 0)) {
		t.Error("no restart time, yet due")
	}
	if _, err := ParseNightly("24:00"); err == nil {
		t.Error("24:00 accepted as a restart time")
	}
}
