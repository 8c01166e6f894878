package boardgame

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

var t0 = time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC)

func txt(s string) content.Text { return content.Text{Zh: s, En: s} }

// testBoard is a 12-square board with every kind; kinds lists the squares after the start.
func testBoard(kinds ...string) content.Board {
	if len(kinds) == 0 {
		kinds = []string{"question", "scenario", "fact", "trap", "sunshine", "question",
			"scenario", "fact", "trap", "sunshine", "question"}
	}
	b := content.Board{Rules: content.BoardRules{StartBonus: 20, QuestionPoints: 10, QuestionSteps: 1,
		ScenarioPoints: 10, FactPoints: 5, TrapBack: 2, SunshinePoints: 8, Rounds: 5}}
	b.Squares = append(b.Squares, content.BoardSquare{ID: "s0", Kind: content.SquareStart, Place: txt("起点")})
	for i, k := range kinds {
		b.Squares = append(b.Squares, content.BoardSquare{ID: fmt.Sprintf("s%d", i+1), Kind: k, Place: txt(k)})
	}
	b.Scenarios = []content.ScenarioCard{
		{ID: "sc-all", Situation: txt("offer"), Responses: []content.Response{
			{Text: txt("no"), Safe: true}, {Text: txt("yes")}}},
		{ID: "sc-adult", Audiences: []string{"adult"}, Situation: txt("offer"), Responses: []content.Response{
			{Text: txt("yes")}, {Text: txt("no"), Safe: true}}},
	}
	b.Facts = []content.FactCard{{ID: "f1", Title: txt("f1")}, {ID: "f2", Title: txt("f2"), Audiences: []string{"primary"}}}
	b.Traps = []content.TrapCard{{ID: "t1", Disguise: "milk-tea-powder"}}
	b.Sunshine = []content.SunshineCard{{ID: "h1"}}
	return b
}

// questions are single-choice questions whose right answer is bank choice 0, presented
// with a shuffle of their own.
func questions(n int) []quiz.Presented {
	var out []quiz.Presented
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < n; i++ {
		q := quiz.Question{ID: fmt.Sprintf("q%d", i), Type: quiz.Single, Choices: []content.Text{txt("a"), txt("b"), txt("c")},
			Answer: quiz.Answer{Indexes: []int{0}}}
		out = append(out, quiz.Present(q, r))
	}
	return out
}

// rightPos and wrongPos are the shown positions of a right and a wrong answer.
func rightPos(c Card) int {
	if c.Question != nil {
		return c.Question.RightPositions()[0]
	}
	for k, r := range c.Scenario.Responses {
		if r.Safe {
			return k
		}
	}
	return -1
}

func wrongPos(c Card) int {
	if c.Question != nil {
		for k := range c.Question.Order {
			if !c.Question.IsRight([]int{k}) {
				return k
			}
		}
	}
	for k, r := range c.Scenario.Responses {
		if !r.Safe {
			return k
		}
	}
	return -1
}

// play runs a game to its end: answer picks right (true) or wrong for each answerable
// card; step is how long each action takes.
func play(t *testing.T, g *Game, clock *kiosk.ManualClock, answer func(turn int, c Card) bool, step time.Duration) int {
	t.Helper()
	actions := 0
	for g.Phase() != Over {
		actions++
		if actions > 10000 {
			t.Fatal("the game does not end")
		}
		clock.Advance(step)
		switch g.Phase() {
		case Rolling:
			g.Roll()
		case OnCard:
			c := g.Card()
			if c.Answerable() {
				if _, done := g.Answered(); !done {
					k := wrongPos(c)
					if answer(g.Turn(), c) {
						k = rightPos(c)
					}
					if _, ok := g.Answer(k); !ok && g.Phase() != Over {
						t.Fatalf("answer %d refused", k)
					}
					continue
				}
			}
			g.Continue()
		}
	}
	return actions
}

func TestScriptedGames(t *testing.T) {
	always := func(int, Card) bool { return true }
	never := func(int, Card) bool { return false }
	firstTeam := func(turn int, _ Card) bool { return turn == 0 }
	cases := []struct {
		name     string
		seed     uint64
		teams    int
		audience string
		limit    time.Duration
		step     time.Duration
		answer   func(int, Card) bool
		nq       int
		reason   string
		scores   []int
		pos      []int
		first    int // the team in first place
	}{
		{"two teams always right", 1, 2, "primary", 10 * time.Minute, 5 * time.Second, always, 20, EndRounds, []int{53, 25}, []int{2, 8}, 0},
		{"four teams never right", 7, 4, "adult", 20 * time.Minute, 5 * time.Second, never, 20, EndRounds, []int{28, 36, 25, 0}, []int{2, 7, 2, 7}, 1},
		{"first team right", 42, 3, "secondary", 15 * time.Minute, 5 * time.Second, firstTeam, 20, EndRounds, []int{60, 40, 13}, []int{0, 1, 10}, 0},
		{"no questions: knowledge cards", 3, 2, "primary", 10 * time.Minute, 5 * time.Second, always, 0, EndRounds, []int{28, 38}, []int{2, 7}, 1},
		{"time runs out", 5, 4, "primary", 10 * time.Minute, 40 * time.Second, always, 20, EndTime, []int{8, 8, 10, 10}, []int{7, 5, 2, 2}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clock := kiosk.NewManualClock(t0)
			g, err := New(Config{Board: testBoard(), Teams: tc.teams, Audience: tc.audience, Limit: tc.limit,
				Seed: tc.seed, Clock: clock, Questions: questions(tc.nq)})
			if err != nil {
				t.Fatal(err)
			}
			play(t, g, clock, tc.answer, tc.step)
			if g.EndReason() != tc.reason {
				t.Errorf("ended by %q, want %q", g.EndReason(), tc.reason)
			}
			var scores, pos []int
			for _, tm := range g.Teams() {
				scores = append(scores, tm.Score)
				pos = append(pos, tm.Pos)
			}
			if fmt.Sprint(scores) != fmt.Sprint(tc.scores) || fmt.Sprint(pos) != fmt.Sprint(tc.pos) {
				t.Errorf("scores %v at squares %v; want %v at %v", scores, pos, tc.scores, tc.pos)
			}
			if r := g.Ranking(); r[0].Team != tc.first || r[0].Place != 1 {
				t.Errorf("ranking %+v, want team %d first", r, tc.first)
			}
			if tc.nq == 0 {
				for _, tm := range g.Teams() {
					for _, m := range tm.Met {
						if m.Card.Question != nil {
							t.Errorf("a question was dealt from an empty deck")
						}
					}
				}
			}
		})
	}
}

// Every rule, on a board whose squares are all of one kind and a die the seed fixes.
func TestSquareEffects(t *testing.T) {
	start := func(kind string, nq int) (*Game, *kiosk.ManualClock) {
		kinds := make([]string, 11)
		for i := range kinds {
			kinds[i] = kind
		}
		clock := kiosk.NewManualClock(t0)
		g, err := New(Config{Board: testBoard(kinds...), Teams: 2, Audience: "primary", Seed: 9, Clock: clock, Questions: questions(nq)})
		if err != nil {
			t.Fatal(err)
		}
		return g, clock
	}

	// A question: right → points and a step forward; the turn passes on Continue.
	g, _ := start(content.SquareQuestion, 3)
	m, _ := g.Roll()
	if m.Card.Question == nil || len(m.Path) != m.Die || m.To != m.Die || m.Die < 1 || m.Die > 6 {
		t.Fatalf("move %+v", m)
	}
	if _, ok := g.Roll(); ok {
		t.Error("rolled again with a card open")
	}
	if _, ok := g.Continue(); ok {
		t.Error("closed a question without an answer")
	}
	o, ok := g.Answer(rightPos(m.Card))
	if !ok || !o.Right || o.Points != 10 || o.To != m.To+1 || len(o.Path) != 1 {
		t.Fatalf("right answer: %+v", o)
	}
	if _, ok := g.Answer(0); ok {
		t.Error("answered twice")
	}
	g.Continue()
	if tm := g.Teams()[0]; tm.Score != 10 || tm.Pos != m.To+1 || tm.Right != 1 || !tm.Met[0].Right || g.Turn() != 1 {
		t.Errorf("after a right answer: %+v, turn %d", tm, g.Turn())
	}
	// A wrong answer: nothing lost, nothing moved.
	m, _ = g.Roll()
	o, _ = g.Answer(wrongPos(m.Card))
	if o.Right || o.Points != 0 || o.To != m.To || o.Path != nil {
		t.Errorf("wrong answer: %+v", o)
	}

	// A trap sends the token back; going back past the start costs nothing.
	g, _ = start(content.SquareTrap, 0)
	m, _ = g.Roll()
	o, _ = g.Continue()
	want := (m.To - 2 + 12) % 12
	if o.To != want || len(o.Path) != 2 || g.Teams()[0].Score != 0 || g.Teams()[0].Pos != want {
		t.Errorf("trap from %d: %+v, team %+v", m.To, o, g.Teams()[0])
	}

	// A sunshine square only helps; a knowledge card scores for reading it.
	g, _ = start(content.SquareSunshine, 0)
	g.Roll()
	if o, _ := g.Continue(); o.Points != 8 || g.Teams()[0].Score != 8 {
		t.Errorf("sunshine: %+v", o)
	}
	g, _ = start(content.SquareFact, 0)
	m, _ = g.Roll()
	if o, _ := g.Continue(); m.Card.Fact == nil || o.Points != 5 {
		t.Errorf("fact: %+v %+v", m, o)
	}

	// A situation: a safe response scores; the card is the one for the age band.
	g, _ = start(content.SquareScenario, 0)
	for i := 0; i < 4; i++ {
		m, _ = g.Roll()
		if m.Card.Scenario.ID != "sc-all" {
			t.Fatalf("a primary game dealt %q", m.Card.Scenario.ID)
		}
		o, _ := g.Answer(rightPos(m.Card))
		if !o.Right || o.Points != 10 {
			t.Errorf("safe response: %+v", o)
		}
		g.Continue()
	}

	// Passing the start earns the bonus once per pass, landing on it too.
	g, _ = start(content.SquareFact, 0)
	passes := 0
	for g.Phase() != Over {
		if g.Phase() == Rolling {
			m, _ := g.Roll()
			if m.PassedStart != (m.From+m.Die >= 12) || (m.PassedStart && m.Bonus != 20) {
				t.Errorf("move %+v: passed start %v", m, m.PassedStart)
			}
			if m.PassedStart {
				passes++
			}
			if m.To == 0 && m.Card.Kind != "" {
				t.Error("the start dealt a card")
			}
			continue
		}
		g.Continue()
	}
	if passes == 0 {
		t.Error("five rounds of two teams never passed the start (seed 9)")
	}
}

func TestConfigErrors(t *testing.T) {
	clock := kiosk.NewManualClock(t0)
	for _, c := range []Config{
		{Board: testBoard(), Teams: 1, Clock: clock},
		{Board: testBoard(), Teams: 5, Clock: clock},
		{Board: content.Board{}, Teams: 2, Clock: clock},
		{Board: testBoard(), Teams: 2},
	} {
		if _, err := New(c); err == nil {
			t.Errorf("config %d teams, %d squares accepted", c.Teams, len(c.Board.Squares))
		}
	}
}

func TestDieIsFair(t *testing.T) {
	clock := kiosk.NewManualClock(t0)
	b := testBoard()
	b.Rules.Rounds = 50
	counts := make([]int, 7)
	n := 0
	for seed := uint64(0); seed < 120; seed++ {
		g, _ := New(Config{Board: b, Teams: 4, Audience: "adult", Seed: seed, Clock: clock})
		for g.Phase() != Over {
			if g.Phase() == Rolling {
				m, _ := g.Roll()
				counts[m.Die]++
				n++
				continue
			}
			if c := g.Card(); c.Answerable() {
				g.Answer(0)
			}
			g.Continue()
		}
	}
	for face := 1; face <= 6; face++ {
		if got, want := float64(counts[face]), float64(n)/6; got < want*0.95 || got > want*1.05 {
			t.Errorf("face %d came up %v times of %d (want about %.0f)", face, got, n, want)
		}
	}
	// The same seed gives the same game.
	a, _ := New(Config{Board: b, Teams: 2, Seed: 77, Clock: clock})
	c, _ := New(Config{Board: b, Teams: 2, Seed: 77, Clock: clock})
	for i := 0; i < 20; i++ {
		ma, _ := a.Roll()
		mc, _ := c.Roll()
		if ma.Die != mc.Die || ma.Card.ID() != mc.Card.ID() {
			t.Fatalf("roll %d differs: %+v vs %+v", i, ma, mc)
		}
		for _, g := range []*Game{a, c} {
			if g.Card().Answerable() {
				g.Answer(0)
			}
			g.Continue()
		}
	}
}

// Random games, random answers, random pauses: every one ends, by its rounds or at its time
// limit, never after it, and never before either is reached.
func TestRandomGamesEndWithinTheLimit(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 11))
	for i := 0; i < 500; i++ {
		clock := kiosk.NewManualClock(t0)
		b := testBoard()
		b.Rules.Rounds = 1 + r.IntN(15)
		b.Rules.TrapBack = 1 + r.IntN(6)
		b.Rules.QuestionSteps = r.IntN(7)
		limit := TimeLimits[r.IntN(len(TimeLimits))]
		teams := MinTeams + r.IntN(MaxTeams-MinTeams+1)
		g, err := New(Config{Board: b, Teams: teams, Audience: content.BoardAudiences[r.IntN(3)], Limit: limit,
			Seed: r.Uint64(), Clock: clock, Questions: questions(r.IntN(8))})
		if err != nil {
			t.Fatal(err)
		}
		maxMoves := b.Rules.Rounds * teams * 3 // a roll, an answer and a close per turn
		for moves, tries := 0, 0; g.Phase() != Over; tries++ {
			if moves > maxMoves || tries > 100*maxMoves {
				t.Fatalf("game %d: still going after %d moves", i, moves)
			}
			clock.Advance(time.Duration(r.IntN(90)) * time.Second)
			before := g.Elapsed()
			var ok bool
			switch {
			case g.Phase() == Rolling:
				_, ok = g.Roll()
			case g.Card().Answerable() && r.IntN(2) == 0:
				_, ok = g.Answer(r.IntN(5) - 1) // sometimes out of range
			default:
				_, ok = g.Continue()
			}
			if ok {
				moves++
			}
			if before >= limit && g.Phase() != Over {
				t.Fatalf("game %d: still going %v into a %v game", i, before, limit)
			}
		}
		for k, tm := range g.Teams() {
			if tm.Turns > b.Rules.Rounds || tm.Pos < 0 || tm.Pos >= len(b.Squares) || tm.Score < 0 {
				t.Fatalf("game %d team %d: %+v after %d rounds", i, k, tm, b.Rules.Rounds)
			}
		}
		switch g.EndReason() {
		case EndRounds:
			for k, tm := range g.Teams() {
				if tm.Turns != b.Rules.Rounds {
					t.Fatalf("game %d ended by rounds with team %d at %d turns of %d", i, k, tm.Turns, b.Rules.Rounds)
				}
			}
		case EndTime:
			if g.Elapsed() < limit {
				t.Fatalf("game %d ended by time at %v of %v", i, g.Elapsed(), limit)
			}
		default:
			t.Fatalf("game %d ended by %q", i, g.EndReason())
		}
		if _, ok := g.Roll(); ok {
			t.Fatalf("game %d: rolled after the end", i)
		}
	}
}
