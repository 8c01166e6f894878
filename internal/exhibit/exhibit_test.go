package exhibit

import (
	"errors"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/quizbank"
)

var bundled = Bundled{Root: assets.Content(), Bank: quizbank.Files()}

type log struct {
	mu  sync.Mutex
	all []event.Event
}

func (l *log) Record(e event.Event) { l.mu.Lock(); l.all = append(l.all, e); l.mu.Unlock() }

func (l *log) types() []string {
	var out []string
	for _, e := range l.all {
		out = append(out, e.Type)
	}
	return out
}

func (l *log) last(typ string) event.Event {
	for i := len(l.all) - 1; i >= 0; i-- {
		if l.all[i].Type == typ {
			return l.all[i]
		}
	}
	return event.Event{}
}

type volume struct{ v int }

func (v *volume) SetVolume(p int) { v.v = p }

func mustBundled(t *testing.T) *Pack {
	t.Helper()
	p, err := LoadOrBundled(nil, "", bundled)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func newVisit(t *testing.T) (*Visit, *kiosk.ManualClock, *log, *Shelf, *volume) {
	t.Helper()
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC))
	rec, vol := &log{}, &volume{}
	shelf := NewShelf(mustBundled(t))
	st := kiosk.DefaultSettings()
	v := NewVisit(VisitConfig{Clock: clock, Recorder: rec, Volume: vol, Shelf: shelf, Settings: st})
	return v, clock, rec, shelf, vol
}

func TestVisitLifecycleEvents(t *testing.T) {
	v, clock, rec, _, vol := newVisit(t)
	if vol.v != 80 {
		t.Fatalf("volume default not applied: %d", vol.v)
	}
	v.Touch()
	id := v.Session().ID()
	if id == "" || v.State() != kiosk.Active {
		t.Fatal("touch did not start a visit")
	}
	v.Show("history", "")
	clock.Advance(7 * time.Second)
	v.Show("history", "ev-1")
	v.ToggleLang()
	v.ToggleLarge()
	v.CycleVolume()
	v.Show("", "")
	want := []string{event.SessionStart, event.ZoneEnter, event.ItemView, event.Language, event.TextSize, event.ZoneLeave}
	if got := rec.types(); !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	if d := rec.last(event.ZoneLeave).Data[event.KeyDwellMS]; d != int64(7000) {
		t.Errorf("dwell %v, want 7000", d)
	}
	for _, e := range rec.all {
		if e.Session != id {
			t.Errorf("%s has session %q, want %q", e.Type, e.Session, id)
		}
		if e.Content != v.Pack().Version() || e.Content == "" {
			t.Errorf("%s has content %q", e.Type, e.Content)
		}
	}
	if v.Lang() != "en" || !v.Large() || v.Volume() != 60 || vol.v != 60 {
		t.Fatalf("visitor choices not kept: %s %v %d", v.Lang(), v.Large(), v.Volume())
	}

	// Idle: prompt at 90 s, reset 20 s later with the defaults back and a timed duration.
	clock.Advance(90 * time.Second)
	if v.Tick(false) != kiosk.Prompted {
		t.Fatal("no prompt after the idle timeout")
	}
	clock.Advance(20 * time.Second)
	if v.Tick(false) != kiosk.Reset {
		t.Fatal("no reset after the prompt")
	}
	end := rec.last(event.SessionEnd)
	if end.Data[event.KeyReason] != event.EndTimeout || end.Data[event.KeyDurationMS] != int64(117000) || end.Session != id {
		t.Fatalf("session end %+v", end)
	}
	if v.Lang() != "zh" || v.Large() || v.Volume() != 80 || vol.v != 80 {
		t.Fatal("defaults not restored at reset")
	}
}

func TestNarrationPausesIdle(t *testing.T) {
	v, clock, _, _, _ := newVisit(t)
	v.Touch()
	for range 10 {
		clock.Advance(60 * time.Second)
		if v.Tick(true) != kiosk.NoChange {
			t.Fatal("idle ran while narration played")
		}
	}
	v.Tick(false)
	clock.Advance(89 * time.Second)
	if v.Tick(false) != kiosk.NoChange {
		t.Fatal("the idle period did not restart when narration stopped")
	}
}

func TestStaffEventsCarryNoSession(t *testing.T) {
	v, _, rec, _, _ := newVisit(t)
	v.Touch()
	v.Record(event.NewStaffLogin(false)) // a wrong PIN during a visit: still not the visit's
	v.OpenStaff()
	if err := v.ChangeSetting("volume", func(s *kiosk.Settings) { s.Volume = 30 }); err != nil {
		t.Fatal(err)
	}
	v.Record(event.NewNarration("x", "y", event.NarrationPlay, "zh")) // anything while staff is in
	v.CloseStaff()
	for _, e := range rec.all[1:] {
		want := ""
		if e.Type == event.SessionEnd {
			want = rec.all[0].Session // the visit ends as itself
		}
		if e.Session != want {
			t.Errorf("%s carries session %q", e.Type, e.Session)
		}
	}
	if rec.last(event.SessionEnd).Data[event.KeyReason] != event.EndStaff {
		t.Error("opening the panel did not end the visit as staff")
	}
	if v.Volume() != 30 {
		t.Error("a changed default is not applied after the panel")
	}
	if err := v.ChangeSetting("volume", func(s *kiosk.Settings) { s.Volume = 300 }); err == nil {
		t.Error("an out-of-range setting was accepted")
	}
}

func TestSettingSaveFailureIsReported(t *testing.T) {
	clock := kiosk.NewManualClock(time.Now())
	v := NewVisit(VisitConfig{Clock: clock, Shelf: NewShelf(mustBundled(t)), Settings: kiosk.DefaultSettings(),
		SaveSettings: func(kiosk.Settings) error { return errors.New("disk full") }})
	err := v.ChangeSetting("volume", func(s *kiosk.Settings) { s.Volume = 0 })
	if err == nil || v.Settings().Volume != 0 {
		t.Fatalf("err %v, volume %d: the change should hold for this run and the failure be told", err, v.Settings().Volume)
	}
}

func TestPackSwapWaitsForTheVisit(t *testing.T) {
	v, clock, rec, shelf, _ := newVisit(t)
	old := v.Pack()
	notified := 0
	cancel := shelf.Subscribe(func(*Pack) { notified++ })
	defer cancel()

	v.Touch()
	next := mustBundled(t)
	shelf.Swap(next)
	if notified != 1 {
		t.Fatal("subscriber not told")
	}
	if v.Adopt() || v.Pack() != old {
		t.Fatal("the pack changed in the middle of a visit")
	}
	v.Show("history", "x")
	clock.Advance(200 * time.Second)
	v.Tick(false)
	clock.Advance(200 * time.Second)
	v.Tick(false) // reset: the next attract shows the new pack
	if v.Pack() != next {
		t.Fatal("the new pack was not adopted after the visit")
	}
	if next.Serial() <= old.Serial() {
		t.Fatal("serials do not tell packs apart")
	}
	v.Touch()
	if rec.last(event.SessionStart).Content != next.Version() {
		t.Fatal("events after the swap do not carry the new version")
	}

	// From the staff panel the swap is at once.
	v.OpenStaff()
	third := mustBundled(t)
	shelf.Swap(third)
	if !v.Adopt() || v.Pack() != third {
		t.Fatal("the staff panel did not adopt the new pack at once")
	}
	shelf.Swap(nil) // ignored
	if shelf.Current() != third {
		t.Fatal("a nil pack replaced the current one")
	}
}

func TestLoadFallsBack(t *testing.T) {
	broken := fstest.MapFS{"content/zones.yaml": {Data: []byte("zones: [")}}
	p, err := LoadOrBundled(broken, "/srv/content", bundled)
	if err != nil {
		t.Fatal(err)
	}
	if p.Source != BundledSource || p.Fallback == "" || len(p.Problems) == 0 {
		t.Fatalf("fallback not told: source %q fallback %q problems %d", p.Source, p.Fallback, len(p.Problems))
	}
	if !p.HasQuiz() || p.Version() == "" {
		t.Fatal("bundled pack incomplete")
	}
	if err := Check(broken, bundled.Bank).Err(); err == nil {
		t.Fatal("Check passed a broken root")
	}
	if err := Check(bundled.Root, bundled.Bank).Err(); err != nil {
		t.Fatalf("Check refused the bundled root: %v", err)
	}
}

func TestQuizDealingAvoidsRecentAndKeepsGroups(t *testing.T) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC))
	pack := mustBundled(t)
	var mu sync.Mutex
	var saved []int
	old := quiz.GroupResult{At: clock.Now().Add(-40 * 24 * time.Hour), Label: "old"}
	q := NewQuizzes(QuizConfig{Clock: clock, Timer: 30 * time.Second, Rand: rand.New(rand.NewPCG(1, 2)),
		Groups: &quiz.Groups{Results: []quiz.GroupResult{old}},
		Save: func(r *quiz.Recent, g *quiz.Groups) error {
			mu.Lock()
			saved = append(saved, len(r.IDs))
			mu.Unlock()
			return nil
		}})
	if len(q.Groups()) != 0 {
		t.Fatal("a 40-day-old group result was kept")
	}
	r1 := q.Solo(pack.Bank, quiz.Primary)
	r2 := q.Solo(pack.Bank, quiz.Primary)
	if r1 == nil || r2 == nil || r1.Len() != q.RoundSize() {
		t.Fatal("no round dealt")
	}
	if r1.Timer() != 60*time.Second {
		t.Fatalf("primary children get %v a question, want twice the 30 s", r1.Timer())
	}
	if r := q.Solo(pack.Bank, quiz.Adult); r.Timer() != 30*time.Second {
		t.Fatalf("adults get %v a question", r.Timer())
	}
	seen := map[string]bool{}
	for i := range r1.Len() {
		seen[r1.Current().ID] = true
		r1.Answer([]int{0})
		r1.Next()
		_ = i
	}
	for range r2.Len() {
		if seen[r2.Current().ID] {
			t.Errorf("question %s dealt twice in a row", r2.Current().ID)
		}
		r2.Answer([]int{0})
		r2.Next()
	}
	c := q.Contest(pack.Bank, quiz.Buzz, 3, quiz.Secondary, 5)
	if c == nil || c.Len() != 5 {
		t.Fatal("no contest dealt")
	}
	for i := range c.Len() {
		if c.Current().Type == quiz.Multi {
			t.Errorf("contest question %d is multi-choice", i)
		}
		c.Next()
	}
	q.FinishContest("初二(3)班", c)
	if today := q.Today(); len(today) != 1 || today[0].Label != "初二(3)班" || len(today[0].Teams) != 3 {
		t.Fatalf("today's board %+v", today)
	}
	q.Flush()
	mu.Lock()
	defer mu.Unlock()
	if len(saved) == 0 || saved[len(saved)-1] != len(q.RecentIDs()) {
		t.Fatalf("the last save %v is not the latest state (%d ids)", saved, len(q.RecentIDs()))
	}
	if q.Solo(nil, quiz.Primary) != nil || q.Solo(pack.Bank, "nobody") != nil {
		t.Fatal("dealt from nothing")
	}
}

// A round drawn ahead (the age page draws one per age) counts as served only once it
// starts: the rounds not chosen leave their questions in the pool.
func TestDrawnRoundIsServedOnlyWhenStarted(t *testing.T) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC))
	pack := mustBundled(t)
	q := NewQuizzes(QuizConfig{Clock: clock, Timer: 30 * time.Second, Rand: rand.New(rand.NewPCG(1, 2))})
	drafts := map[string]*SoloDraw{}
	for _, a := range quiz.Audiences {
		if drafts[a] = q.DrawSolo(pack.Bank, a); drafts[a] == nil {
			t.Fatalf("no round drawn for %s", a)
		}
	}
	if len(q.RecentIDs()) != 0 {
		t.Fatalf("drawing served %d questions", len(q.RecentIDs()))
	}
	first := drafts[quiz.Secondary].First()
	r := q.StartSolo(drafts[quiz.Secondary])
	if r == nil || r.Current().ID != first.ID || r.Len() != q.RoundSize() || r.Timer() != 30*time.Second {
		t.Fatal("the round started is not the one drawn")
	}
	if len(q.RecentIDs()) != r.Len() {
		t.Fatalf("starting served %d questions, want the round's %d", len(q.RecentIDs()), r.Len())
	}
	if q.StartSolo(nil) != nil || q.DrawSolo(nil, quiz.Primary) != nil {
		t.Fatal("started or drew from nothing")
	}
}

// The age page lays out ahead the round's first question with a picture: a preview opening
// there, which serves nothing.
func TestPreviewOpensAtTheFirstPicture(t *testing.T) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC))
	pack := mustBundled(t)
	q := NewQuizzes(QuizConfig{Clock: clock, Timer: 30 * time.Second, Rand: rand.New(rand.NewPCG(1, 2))})
	d := q.DrawSolo(pack.Bank, quiz.Secondary)
	k, ok := d.Pictured()
	if !ok {
		t.Fatal("no question of the round has a picture: the bundled bank changed")
	}
	for i := range k {
		if d.Question(i).Image != "" {
			t.Fatalf("question %d has a picture, before the one Pictured found (%d)", i, k)
		}
	}
	p := q.PreviewSoloFrom(d, k)
	if p.Current().ID != d.Question(k).ID || p.Current().Image == "" || len(q.RecentIDs()) != 0 {
		t.Fatal("the preview does not open at the first picture, or served questions")
	}
}

func TestQuizStateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	_, _, save, err := QuizState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := save(&quiz.Recent{IDs: []string{"a", "b"}}, &quiz.Groups{}); err != nil {
		t.Fatal(err)
	}
	r, _, _, err := QuizState(dir)
	if err != nil || !slices.Equal(r.IDs, []string{"a", "b"}) {
		t.Fatalf("state not kept: %v %v", r.IDs, err)
	}
}

func TestPrimaryContestHasNoPenalty(t *testing.T) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC))
	q := NewQuizzes(QuizConfig{Clock: clock, Rand: rand.New(rand.NewPCG(3, 4))})
	pack := mustBundled(t)
	for _, aud := range []string{quiz.Primary, quiz.Adult} {
		c := q.Contest(pack.Bank, quiz.Buzz, 2, aud, 3)
		wrong := 0
		for k := range c.Current().Order {
			if !c.Current().IsRight([]int{k}) {
				wrong = k
				break
			}
		}
		c.Answer(0, wrong)
		if got, want := c.Teams[0].Score, map[string]int{quiz.Primary: 0, quiz.Adult: quiz.PointsWrong}[aud]; got != want {
			t.Errorf("%s: a wrong buzz-in scores %d, want %d", aud, got, want)
		}
	}
}
