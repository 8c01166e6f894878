package boardgame

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// TimeLimits are the game lengths offered at the start.
var TimeLimits = []time.Duration{10 * time.Minute, 15 * time.Minute, 20 * time.Minute}

// A game in progress holds the visit longer than a walk-in visitor (the players talk a
// card over) before the 还要继续吗？ prompt, and the prompt waits longer too.
const (
	IdleTimeout   = 4 * time.Minute
	PromptTimeout = time.Minute
)

// Team counts of a game.
const (
	MinTeams = 2
	MaxTeams = 4
)

// End reasons.
const (
	EndRounds = "rounds" // every team has had its turns
	EndTime   = "time"   // the time limit was reached
)

// Config is what a game is made of.
type Config struct {
	Board    content.Board
	Teams    int
	Audience string        // primary, secondary or adult: picks the cards (the questions are dealt for it)
	Limit    time.Duration // the time limit; 0: none (the rounds still end the game)
	Seed     uint64        // the die and the card decks
	Clock    kiosk.Clock
	// Questions are dealt from the quiz bank for the audience (balanced, fresh first);
	// question squares use them in order, from the start again when they run out. Without
	// any, question squares deal knowledge cards.
	Questions []quiz.Presented
}

// Phase is where a turn is.
type Phase int

// Phases of a turn: the team on turn rolls, then deals with its card; Over at the end.
const (
	Rolling Phase = iota
	OnCard
	Over
)

// Card is what a square dealt: Kind is the square kind it plays as (a question square
// without questions plays as a knowledge card), and one of the pointers is set.
type Card struct {
	Kind     string
	Question *quiz.Presented
	Scenario *content.ScenarioCard
	Fact     *content.FactCard
	Trap     *content.TrapCard
	Sunshine *content.SunshineCard
}

// ID names the card (a question id or a card id of the board); "" for no card.
func (c Card) ID() string {
	switch {
	case c.Question != nil:
		return c.Question.ID
	case c.Scenario != nil:
		return c.Scenario.ID
	case c.Fact != nil:
		return c.Fact.ID
	case c.Trap != nil:
		return c.Trap.ID
	case c.Sunshine != nil:
		return c.Sunshine.ID
	}
	return ""
}

// Answerable reports whether the card asks for an answer (a question or a situation).
func (c Card) Answerable() bool { return c.Question != nil || c.Scenario != nil }

// Met is a card a team met, and how it went.
type Met struct {
	Card     Card
	Answered bool
	Right    bool // the right answer or a safe response
}

// Team is one side's state.
type Team struct {
	Pos    int // square index
	Score  int
	Turns  int // turns begun
	Asked  int // questions answered
	Right  int // questions answered right
	Met    []Met
	Passes int // times the start bonus was earned
}

// Move is one roll: the die, the squares the token steps on and what it lands on.
type Move struct {
	Team        int
	Die         int
	From, To    int
	Path        []int // the squares stepped on, in order; the last is To
	PassedStart bool  // the start bonus was earned on the way
	Bonus       int
	Card        Card // Kind "" when the square deals none (the start)
}

// Outcome is what answering or closing a card did.
type Outcome struct {
	Team        int
	Right       bool
	Points      int
	From, To    int
	Path        []int // squares moved over (forward after a right answer, back on a trap)
	PassedStart bool
	Bonus       int
}

// Game is one game in progress. It is not safe for concurrent use: the UI owns it.
type Game struct {
	c       Config
	rules   content.BoardRules
	rng     *rand.Rand
	started time.Time
	teams   []Team
	turn    int
	phase   Phase
	card    Card
	answer  *Outcome // the answer given on the current card, if any
	reason  string
	decks   map[string]*deck
	qNext   int
}

// ErrConfig is returned for a game that cannot be played.
var ErrConfig = errors.New("board game config")

// New starts a game: every token on the start, the first team to roll.
func New(c Config) (*Game, error) {
	if !c.Board.Present() {
		return nil, fmt.Errorf("%w: the content has no board", ErrConfig)
	}
	if c.Teams < MinTeams || c.Teams > MaxTeams {
		return nil, fmt.Errorf("%w: %d teams; a game has %d to %d", ErrConfig, c.Teams, MinTeams, MaxTeams)
	}
	if c.Clock == nil {
		return nil, fmt.Errorf("%w: no clock", ErrConfig)
	}
	g := &Game{c: c, rules: c.Board.Rules, rng: rand.New(rand.NewPCG(c.Seed, 0x626f617264)),
		started: c.Clock.Now(), teams: make([]Team, c.Teams), decks: map[string]*deck{}}
	if g.rules.Rounds <= 0 {
		g.rules.Rounds = 1
	}
	b := c.Board
	add := func(kind string, n int, ok func(int) bool) {
		d := &deck{}
		for i := 0; i < n; i++ {
			if ok(i) {
				d.cards = append(d.cards, i)
			}
		}
		g.decks[kind] = d
	}
	add(content.SquareScenario, len(b.Scenarios), func(i int) bool { return content.ForAudience(b.Scenarios[i].Audiences, c.Audience) })
	add(content.SquareFact, len(b.Facts), func(i int) bool { return content.ForAudience(b.Facts[i].Audiences, c.Audience) })
	add(content.SquareTrap, len(b.Traps), func(i int) bool { return content.ForAudience(b.Traps[i].Audiences, c.Audience) })
	add(content.SquareSunshine, len(b.Sunshine), func(i int) bool { return content.ForAudience(b.Sunshine[i].Audiences, c.Audience) })
	for _, d := range g.decks {
		d.shuffle(g.rng)
	}
	g.teams[0].Turns = 1
	return g, nil
}

// deck deals the cards of one kind in a shuffled order, reshuffling when it runs out.
type deck struct {
	cards []int // indexes into the board's list
	next  int
}

func (d *deck) shuffle(r *rand.Rand) {
	r.Shuffle(len(d.cards), func(i, j int) { d.cards[i], d.cards[j] = d.cards[j], d.cards[i] })
	d.next = 0
}

func (d *deck) draw(r *rand.Rand) (int, bool) {
	if len(d.cards) == 0 {
		return 0, false
	}
	if d.next == len(d.cards) {
		d.shuffle(r)
	}
	d.next++
	return d.cards[d.next-1], true
}

// Board is the board being played.
func (g *Game) Board() content.Board { return g.c.Board }

// Rules are the numbers in force.
func (g *Game) Rules() content.BoardRules { return g.rules }

// Audience is the age band the game was set up for.
func (g *Game) Audience() string { return g.c.Audience }

// Teams is every team's state (a copy).
func (g *Game) Teams() []Team {
	out := make([]Team, len(g.teams))
	copy(out, g.teams)
	return out
}

// Turn is the team on turn.
func (g *Game) Turn() int { return g.turn }

// Round is the round in play, from 1.
func (g *Game) Round() int { return g.teams[g.turn].Turns }

// Phase is where the turn is (Over once the game has ended: check Tick first).
func (g *Game) Phase() Phase { return g.phase }

// Card is the card on the table (OnCard).
func (g *Game) Card() Card { return g.card }

// Answered is the answer given on the current card, if any.
func (g *Game) Answered() (Outcome, bool) {
	if g.answer == nil {
		return Outcome{}, false
	}
	return *g.answer, true
}

// EndReason is EndRounds or EndTime once Over.
func (g *Game) EndReason() string { return g.reason }

// Elapsed is the time since the game began.
func (g *Game) Elapsed() time.Duration { return g.c.Clock.Now().Sub(g.started) }

// Remaining is the time left (the limit when there is none: never 0).
func (g *Game) Remaining() time.Duration {
	if g.c.Limit <= 0 {
		return g.c.Limit
	}
	return max(0, g.c.Limit-g.Elapsed())
}

// Tick ends the game when the time limit is reached; it reports that it just did.
func (g *Game) Tick() bool {
	if g.phase == Over || g.c.Limit <= 0 || g.Elapsed() < g.c.Limit {
		return false
	}
	g.end(EndTime)
	return true
}

func (g *Game) end(reason string) {
	g.phase = Over
	g.reason = reason
	g.card = Card{}
	g.answer = nil
}

// Roll throws the die for the team on turn and walks its token; false when it is not time
// to roll (a card is open, or the game is over).
func (g *Game) Roll() (Move, bool) {
	if g.Tick() || g.phase != Rolling {
		return Move{}, false
	}
	t := g.turn
	die := g.rng.IntN(6) + 1
	m := Move{Team: t, Die: die, From: g.teams[t].Pos}
	m.Path, m.To, m.PassedStart = g.walk(m.From, die)
	g.teams[t].Pos = m.To
	if m.PassedStart {
		m.Bonus = g.rules.StartBonus
		g.teams[t].Score += m.Bonus
		g.teams[t].Passes++
	}
	m.Card = g.deal(g.c.Board.Squares[m.To].Kind)
	if m.Card.Kind == "" {
		g.endTurn()
		return m, true
	}
	g.card = m.Card
	g.answer = nil
	g.phase = OnCard
	g.teams[t].Met = append(g.teams[t].Met, Met{Card: m.Card})
	return m, true
}

// walk steps n squares from pos (backwards for n < 0). Passing or landing on the start
// going forward earns the bonus; going back never costs it.
func (g *Game) walk(pos, n int) (path []int, to int, passedStart bool) {
	size := len(g.c.Board.Squares)
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for i := 0; i < n; i++ {
		pos = (pos + dir + size) % size
		path = append(path, pos)
		if dir > 0 && pos == 0 {
			passedStart = true
		}
	}
	return path, pos, passedStart
}

// deal draws the card a square of kind deals.
func (g *Game) deal(kind string) Card {
	b := &g.c.Board
	switch kind {
	case content.SquareQuestion:
		if n := len(g.c.Questions); n > 0 {
			q := g.c.Questions[g.qNext%n]
			g.qNext++
			return Card{Kind: kind, Question: &q}
		}
		return g.deal(content.SquareFact)
	case content.SquareScenario:
		if i, ok := g.decks[kind].draw(g.rng); ok {
			return Card{Kind: kind, Scenario: &b.Scenarios[i]}
		}
	case content.SquareFact:
		if i, ok := g.decks[kind].draw(g.rng); ok {
			return Card{Kind: kind, Fact: &b.Facts[i]}
		}
	case content.SquareTrap:
		if i, ok := g.decks[kind].draw(g.rng); ok {
			return Card{Kind: kind, Trap: &b.Traps[i]}
		}
	case content.SquareSunshine:
		if i, ok := g.decks[kind].draw(g.rng); ok {
			return Card{Kind: kind, Sunshine: &b.Sunshine[i]}
		}
	}
	return Card{} // the start, or a deck the content left empty for this age band
}

// Answer answers the open question or situation with the choice at shown position k (a
// question's shuffled order; a situation's responses in order). A right answer scores and
// moves a question's team forward. False when there is nothing to answer.
func (g *Game) Answer(k int) (Outcome, bool) {
	if g.Tick() || g.phase != OnCard || !g.card.Answerable() || g.answer != nil {
		return Outcome{}, false
	}
	t := g.turn
	team := &g.teams[t]
	o := Outcome{Team: t, From: team.Pos, To: team.Pos}
	switch {
	case g.card.Question != nil:
		q := g.card.Question
		if k < 0 || k >= len(q.Order) {
			return Outcome{}, false
		}
		o.Right = q.IsRight([]int{k})
		team.Asked++
		if o.Right {
			team.Right++
			o.Points = g.rules.QuestionPoints
			o.Path, o.To, o.PassedStart = g.walk(team.Pos, g.rules.QuestionSteps)
		}
	case g.card.Scenario != nil:
		rs := g.card.Scenario.Responses
		if k < 0 || k >= len(rs) {
			return Outcome{}, false
		}
		o.Right = rs[k].Safe
		if o.Right {
			o.Points = g.rules.ScenarioPoints
		}
	}
	if o.PassedStart {
		o.Bonus = g.rules.StartBonus
		team.Passes++
	}
	team.Score += o.Points + o.Bonus
	team.Pos = o.To
	last := &team.Met[len(team.Met)-1]
	last.Answered, last.Right = true, o.Right
	g.answer = &o
	return o, true
}

// Continue closes the card and passes the turn. A knowledge card and a sunshine square
// score here, a trap moves the token back. An open question or situation must be
// answered first; false then, and when no card is open.
func (g *Game) Continue() (Outcome, bool) {
	if g.Tick() || g.phase != OnCard {
		return Outcome{}, false
	}
	if g.card.Answerable() && g.answer == nil {
		return Outcome{}, false
	}
	t := g.turn
	team := &g.teams[t]
	o := Outcome{Team: t, From: team.Pos, To: team.Pos}
	switch {
	case g.card.Fact != nil:
		o.Points = g.rules.FactPoints
	case g.card.Sunshine != nil:
		o.Points = g.rules.SunshinePoints
	case g.card.Trap != nil:
		o.Path, o.To, _ = g.walk(team.Pos, -g.rules.TrapBack)
	}
	if g.answer != nil {
		o = *g.answer
		o.Points, o.Bonus, o.Path, o.PassedStart = 0, 0, nil, false // already counted
		o.From = o.To
	}
	team.Score += o.Points
	team.Pos = o.To
	g.endTurn()
	return o, true
}

// endTurn passes the die to the next team, or ends the game after the last round.
func (g *Game) endTurn() {
	g.card = Card{}
	g.answer = nil
	next := (g.turn + 1) % len(g.teams)
	if next == 0 && g.teams[len(g.teams)-1].Turns >= g.rules.Rounds {
		g.end(EndRounds)
		return
	}
	g.turn = next
	g.teams[next].Turns++
	g.phase = Rolling
}

// Standing is a team's place in the ranking; teams with the same score share a place.
type Standing = quiz.Standing

// Ranking orders the teams by score, largest first.
func (g *Game) Ranking() []Standing {
	scores := make([]int, len(g.teams))
	for i, t := range g.teams {
		scores[i] = t.Score
	}
	return quiz.Rank(scores)
}

// QuizScore is the questions answered right and asked over all teams (the certificate's).
func (g *Game) QuizScore() (right, asked int) {
	for _, t := range g.teams {
		right += t.Right
		asked += t.Asked
	}
	return right, asked
}
