package quiz

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// pool makes n questions per audience × topic × difficulty.
func pool(n int) []Question {
	var qs []Question
	for _, a := range Audiences {
		for _, t := range Topics {
			for d := 1; d <= 3; d++ {
				for i := 0; i < n; i++ {
					qs = append(qs, Question{
						ID: fmt.Sprintf("%s-%s-%d-%d", t, a, d, i), Type: Single, Audience: a,
						Difficulty: d, Topic: t,
						Choices: []content.Text{{Zh: "甲"}, {Zh: "乙"}, {Zh: "丙"}, {Zh: "以上都是"}},
						Answer:  Answer{Indexes: []int{i % 4}},
					})
				}
			}
		}
	}
	return qs
}

func rng(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed)) }

func TestSelectRespectsAudienceNoRepeatsAndBalance(t *testing.T) {
	all := pool(3)
	for seed := uint64(0); seed < 50; seed++ {
		got := Select(all, Secondary, 10, nil, rng(seed))
		if len(got) != 10 {
			t.Fatalf("got %d questions", len(got))
		}
		ids := map[string]bool{}
		topics := map[string]int{}
		diffs := map[int]int{}
		for _, q := range got {
			if q.Audience != Secondary {
				t.Fatalf("%s is for %s", q.ID, q.Audience)
			}
			if ids[q.ID] {
				t.Fatalf("%s twice in one round", q.ID)
			}
			ids[q.ID] = true
			topics[q.Topic]++
			diffs[q.Difficulty]++
		}
		for _, tp := range Topics {
			if topics[tp] != 2 {
				t.Fatalf("seed %d: topics unbalanced: %v", seed, topics)
			}
		}
		for d := 1; d <= 3; d++ {
			if diffs[d] < 2 {
				t.Fatalf("seed %d: difficulties unbalanced: %v", seed, diffs)
			}
		}
	}
}

func TestSelectIsDeterministicUnderASeed(t *testing.T) {
	all := pool(3)
	a := Select(all, Primary, 10, nil, rng(7))
	b := Select(all, Primary, 10, nil, rng(7))
	c := Select(all, Primary, 10, nil, rng(8))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different rounds")
	}
	if reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave the same round")
	}
	pa, pb := Present(a[0], rng(3)), Present(a[0], rng(3))
	if !reflect.DeepEqual(pa.Order, pb.Order) {
		t.Fatal("same seed, different shuffles")
	}
}

func TestSelectAvoidsRecentQuestions(t *testing.T) {
	all := pool(2) // 30 per audience
	var recent Recent
	seen := map[string]int{}
	for round := 0; round < 3; round++ {
		got := Select(all, Adult, 10, recent.Set(), rng(uint64(round)))
		for _, q := range got {
			seen[q.ID]++
		}
		recent.Add(got)
	}
	for id, n := range seen {
		if n > 1 {
			t.Fatalf("%s served %d times in three rounds of a 30-question pool", id, n)
		}
	}
	// With everything recent, a round still fills up.
	if got := Select(all, Adult, 10, recent.Set(), rng(9)); len(got) != 10 {
		t.Fatalf("a small bank must still give full rounds, got %d", len(got))
	}
}

func TestPresentShufflesButPinsLast(t *testing.T) {
	q := pool(1)[0]
	q.PinLast = true
	moved := false
	for seed := uint64(0); seed < 30; seed++ {
		p := Present(q, rng(seed))
		if p.Order[3] != 3 {
			t.Fatalf("以上都是 moved: %v", p.Order)
		}
		if p.Order[0] != 0 {
			moved = true
		}
		right := p.RightPositions()
		if len(right) != 1 || !p.IsRight(right) || p.IsRight([]int{(right[0] + 1) % 4}) {
			t.Fatalf("scoring broke under shuffle: order %v right %v", p.Order, right)
		}
	}
	if !moved {
		t.Fatal("choices were never shuffled")
	}
	tf := Question{Type: TrueFalse, Choices: TrueFalseChoices, Answer: Answer{Indexes: []int{1}}}
	if p := Present(tf, rng(1)); !reflect.DeepEqual(p.Order, []int{0, 1}) || !p.IsRight([]int{1}) {
		t.Fatal("对/错 must keep their order")
	}
	multi := Question{Type: Multi, Choices: make([]content.Text, 4), Answer: Answer{Indexes: []int{0, 2}}}
	p := Present(multi, rng(2))
	if !p.IsRight(p.RightPositions()) || p.IsRight(p.RightPositions()[:1]) {
		t.Fatal("multi needs exactly all right answers")
	}
}

func TestRoundTimerScoringAndCertificate(t *testing.T) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 10, 0, 0, 0, time.UTC))
	var items []Presented
	for _, q := range pool(1)[:5] {
		items = append(items, Present(q, rng(1)))
	}
	r := NewRound(clock, items, 30*time.Second)
	clock.Advance(12 * time.Second)
	if r.Remaining() != 18*time.Second {
		t.Fatalf("remaining %v", r.Remaining())
	}
	res, ok := r.Answer(r.Current().RightPositions())
	if !ok || !res.Right || res.Elapsed != 12*time.Second {
		t.Fatalf("%+v", res)
	}
	if _, ok := r.Answer([]int{0}); ok {
		t.Fatal("a second answer must be ignored")
	}
	r.Next()
	clock.Advance(29 * time.Second)
	if _, ok := r.Tick(); ok {
		t.Fatal("timed out early")
	}
	clock.Advance(time.Second)
	if res, ok := r.Tick(); !ok || !res.TimedOut || res.Right {
		t.Fatal("no timeout at 30 s")
	}
	if _, ok := r.Tick(); ok {
		t.Fatal("timeout reported twice")
	}
	for r.Next() {
		clock.Advance(time.Minute) // slow but right: no penalty for speed
		r.Answer(r.Current().RightPositions())
	}
	if !r.Done() || r.Score() != 4 || r.Percent() != 80 || !r.Certified() || len(r.Mistakes()) != 1 {
		t.Fatalf("score %d, %d%%, certified %v, mistakes %d", r.Score(), r.Percent(), r.Certified(), len(r.Mistakes()))
	}
	untimed := NewRound(clock, items, 0)
	clock.Advance(time.Hour)
	if _, ok := untimed.Tick(); ok || untimed.Remaining() != 0 {
		t.Fatal("timer 0 must turn timing off")
	}
}

func TestUpcomingIsWhatNextShows(t *testing.T) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 10, 0, 0, 0, time.UTC))
	var items []Presented
	for _, q := range pool(1)[:3] {
		items = append(items, Present(q, rng(1)))
	}
	r := NewRound(clock, items, 0)
	for i := 0; i < 2; i++ {
		up, ok := r.Upcoming()
		if !ok {
			t.Fatalf("question %d: no upcoming question", i+1)
		}
		if r.Index() != i || r.Answered() {
			t.Fatal("Upcoming must not move the round")
		}
		r.Answer(r.Current().RightPositions())
		r.Next()
		if !reflect.DeepEqual(r.Current(), up) {
			t.Fatalf("question %d: upcoming %s, Next showed %s", i+2, up.ID, r.Current().ID)
		}
	}
	if _, ok := r.Upcoming(); ok {
		t.Fatal("the last question has none after it")
	}
}

func TestBuzzInContest(t *testing.T) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 10, 0, 0, 0, time.UTC))
	var items []Presented
	for _, q := range pool(1)[:3] {
		items = append(items, Present(q, rng(4)))
	}
	c := NewContest(clock, Buzz, 3, items, 20*time.Second)
	right := c.Current().RightPositions()[0]
	wrong := (right + 1) % 4
	if c.First() != -1 {
		t.Fatal("nobody has buzzed yet")
	}
	if c.Answer(0, wrong) != Wrong || c.Teams[0].Score != PointsWrong {
		t.Fatal("a wrong buzz costs points")
	}
	if c.Answer(0, right) != Ignored {
		t.Fatal("a team that buzzed wrong is shut out of the question")
	}
	if c.Answer(1, right) != Right || c.Teams[1].Score != PointsRight || c.Winner() != 1 {
		t.Fatal("the first right answer wins the question")
	}
	if c.Answer(2, right) != Ignored {
		t.Fatal("a won question is locked")
	}
	if c.First() != 0 {
		t.Fatalf("team 0 buzzed first, First says %d", c.First())
	}
	c.Next()
	if c.First() != -1 {
		t.Fatal("a new question has no first buzzer")
	}
	right = c.Current().RightPositions()[0]
	wrong = (right + 1) % 4
	c.Answer(0, wrong)
	c.Answer(1, wrong)
	if c.Answer(2, wrong) != AllWrong || !c.Closed() {
		t.Fatal("all teams wrong closes the question")
	}
	c.Next()
	clock.Advance(20 * time.Second)
	if c.Tick() != TimeUp || c.Answer(2, c.Current().RightPositions()[0]) != Ignored {
		t.Fatal("time up closes the question")
	}
	if c.Next() {
		t.Fatal("three questions only")
	}
	rank := c.Ranking() // team 1: +10 -5; team 2: -5; team 0: -5 -5
	if rank[0].Team != 1 || rank[1].Team != 2 || rank[2].Team != 0 || rank[2].Place != 3 {
		t.Fatalf("ranking %+v", rank)
	}
	tie := NewContest(clock, Turns, 2, items, 0)
	if r := tie.Ranking(); r[0].Place != 1 || r[1].Place != 1 {
		t.Fatalf("tied teams share a place: %+v", r)
	}
}

func TestTurnsContest(t *testing.T) {
	c, _ := turnsContest(4, 5)
	right := c.Current().RightPositions()[0]
	if c.Answer(1, right) != Ignored {
		t.Fatal("not team 2's turn")
	}
	if c.Answer(0, (right+1)%4) != AllWrong || c.Teams[0].Score != 0 {
		t.Fatal("a wrong answer in turns mode loses the turn, not points")
	}
	c.Next()
	if c.Turn() != 1 || c.Answer(1, c.Current().RightPositions()[0]) != Right {
		t.Fatal("turns alternate")
	}
}

// turnsContest is a two-team contest in turns over the pool's first n questions, their
// answers shuffled by seed.
func turnsContest(n int, seed uint64) (*Contest, []Presented) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 10, 0, 0, 0, time.UTC))
	var items []Presented
	for _, q := range pool(1)[:n] {
		items = append(items, Present(q, rng(seed)))
	}
	return NewContest(clock, Turns, 2, items, 0), items
}

// Peek shows the next question as Next will, and changes nothing of the contest.
func TestContestPeekChangesNothing(t *testing.T) {
	c, items := turnsContest(2, 6)
	right := c.Current().RightPositions()[0]
	c.Answer(0, right)
	p, ok := c.Peek()
	if !ok || p.Current().ID != items[1].ID || p.Closed() || p.Turn() != 1 || p.Teams[0].Score != PointsRight {
		t.Fatal("the peek is not the contest as Next leaves it")
	}
	p.Teams[0].Score = 0
	p.Answer(1, p.Current().RightPositions()[0])
	if c.Index() != 0 || !c.Closed() || c.Winner() != 0 || c.Teams[0].Score != PointsRight || c.Teams[1].Score != 0 {
		t.Fatal("peeking changed the contest")
	}
	c.Next()
	if _, ok := c.Peek(); ok {
		t.Fatal("the last question has none after it")
	}
}

func TestGroupsToday(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 6, 26, 15, 0, 0, 0, time.Local)
	g := Groups{Results: []GroupResult{
		{At: now.Add(-24 * time.Hour), Label: "昨天"},
		{At: now.Add(-2 * time.Hour), Label: "五年级2班"},
		{At: now.Add(-1 * time.Hour), Label: "六年级1班"},
	}}
	if err := SaveJSON(dir, GroupsFile, g); err != nil {
		t.Fatal(err)
	}
	var back Groups
	if err := LoadJSON(dir, GroupsFile, &back); err != nil {
		t.Fatal(err)
	}
	today := back.Today(now)
	if len(today) != 2 || today[0].Label != "六年级1班" {
		t.Fatalf("%+v", today)
	}
}

func TestStarsAndMedals(t *testing.T) {
	clock := kiosk.NewManualClock(time.Date(2026, 6, 26, 10, 0, 0, 0, time.UTC))
	var items []Presented
	for _, q := range pool(1)[:10] {
		items = append(items, Present(q, rng(3)))
	}
	for _, c := range []struct {
		right, stars int
		medal        string
	}{{10, 3, Gold}, {8, 3, Gold}, {7, 2, Silver}, {6, 2, Silver}, {5, 1, Bronze}, {0, 1, Bronze}} {
		r := NewRound(clock, items, 0)
		for i := 0; i < r.Len(); i++ {
			q := r.Current()
			pick := q.RightPositions()
			if i >= c.right {
				pick = []int{(pick[0] + 1) % len(q.Order)}
			}
			r.Answer(pick)
			r.Next()
		}
		if r.Score() != c.right || r.Stars() != c.stars || r.Medal() != c.medal {
			t.Errorf("%d right: %d stars, %s (score %d)", c.right, r.Stars(), r.Medal(), r.Score())
		}
	}
}
