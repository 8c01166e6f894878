package quiz

import (
	"slices"
	"sort"
	"time"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// Contest modes.
const (
	Buzz  = "buzz"  // 抢答: the first team to answer locks the question
	Turns = "turns" // 轮流: teams answer in turn
)

// Points of the team contest. A wrong buzz-in answer costs points and shuts that team out
// of the question; the other teams may then answer.
const (
	PointsRight = 10
	PointsWrong = -5
)

// TeamNames are the preset team names: no personal names on screen.
var TeamNames = []content.Text{
	{Zh: "禁毒先锋队", En: "Pioneers"},
	{Zh: "阳光少年队", En: "Sunshine"},
	{Zh: "健康守护队", En: "Guardians"},
	{Zh: "远离毒品队", En: "Drug-Free"},
}

// Team is one side of the contest.
type Team struct {
	Name  content.Text
	Score int
}

// Outcome of a team's answer.
type Outcome int

// Outcomes.
const (
	Ignored    Outcome = iota // not this team's turn, question closed, or the team is shut out
	Right                     // the question is won
	Wrong                     // points lost; in buzz mode others may still answer
	AllWrong                  // nobody can answer any more: the question is closed
	TimeUp                    // the timer closed the question
	NotStarted                // no question on screen
)

// Contest is a team contest for a school group on one screen.
type Contest struct {
	clock   kiosk.Clock
	Mode    string
	Teams   []Team
	timer   time.Duration
	items   []Presented
	idx     int
	shownAt time.Time
	closed  bool
	out     map[int]bool // teams shut out of the current question
	turn    int
	winner  int // team that got the current question right, or -1
	first   int // team that answered the current question first (抢答: buzzed first), or -1
	// NoPenalty: a wrong buzz-in costs no points (primary-school groups: the contest should
	// encourage, not punish).
	NoPenalty bool
}

// NewContest starts a contest of 2–4 teams with preset names.
func NewContest(c kiosk.Clock, mode string, teams int, items []Presented, timer time.Duration) *Contest {
	teams = max(2, min(teams, len(TeamNames)))
	ct := &Contest{clock: c, Mode: mode, timer: timer, items: items, out: map[int]bool{}, winner: -1, first: -1}
	for i := 0; i < teams; i++ {
		ct.Teams = append(ct.Teams, Team{Name: TeamNames[i]})
	}
	ct.shownAt = c.Now()
	return ct
}

// Current is the question on screen.
func (c *Contest) Current() Presented { return c.items[c.idx] }

// Index is the current question's position; Len the number of questions.
func (c *Contest) Index() int { return c.idx }

// Len is the number of questions.
func (c *Contest) Len() int { return len(c.items) }

// Turn is the team whose turn it is (turns mode).
func (c *Contest) Turn() int { return c.turn }

// Closed reports whether the current question is over (won, all wrong, or time up).
func (c *Contest) Closed() bool { return c.closed }

// Winner is the team that answered the current question right, or -1.
func (c *Contest) Winner() int { return c.winner }

// First is the team that answered the current question first (in buzz mode: the team that
// buzzed first), or -1 before any answer.
func (c *Contest) First() int { return c.first }

// ShutOut reports whether team t may no longer answer the current question.
func (c *Contest) ShutOut(t int) bool { return c.out[t] }

// Elapsed is how long the current question has been on screen.
func (c *Contest) Elapsed() time.Duration { return c.clock.Now().Sub(c.shownAt) }

// Timer is the time per question (0: none).
func (c *Contest) Timer() time.Duration { return c.timer }

// Remaining is the current question's countdown.
func (c *Contest) Remaining() time.Duration {
	if c.timer <= 0 || c.closed {
		return c.timer
	}
	return max(0, c.timer-c.clock.Now().Sub(c.shownAt))
}

// Answer records team t picking the shown choice k.
func (c *Contest) Answer(t, k int) Outcome {
	if c.closed || t < 0 || t >= len(c.Teams) || c.out[t] || (c.Mode == Turns && t != c.turn) {
		return Ignored
	}
	if c.first < 0 {
		c.first = t
	}
	if c.Current().IsRight([]int{k}) {
		c.Teams[t].Score += PointsRight
		c.closed, c.winner = true, t
		return Right
	}
	c.out[t] = true
	if c.Mode == Buzz && !c.NoPenalty {
		c.Teams[t].Score += PointsWrong
	}
	if c.Mode == Turns || len(c.out) == len(c.Teams) {
		c.closed = true
		return AllWrong
	}
	return Wrong
}

// Tick closes the question when its time is up.
func (c *Contest) Tick() Outcome {
	if c.closed || c.timer <= 0 || c.clock.Now().Sub(c.shownAt) < c.timer {
		return Ignored
	}
	c.closed = true
	return TimeUp
}

// Next shows the following question; false when the contest is over.
func (c *Contest) Next() bool {
	if c.idx+1 >= len(c.items) {
		return false
	}
	c.idx++
	c.closed, c.winner, c.first, c.out = false, -1, -1, map[int]bool{}
	c.turn = (c.turn + 1) % len(c.Teams)
	c.shownAt = c.clock.Now()
	return true
}

// Peek is the contest as Next would leave it, to paint the next question ahead while the
// class reads the verdict; the contest itself does not change. false after the last
// question.
func (c *Contest) Peek() (*Contest, bool) {
	p := *c
	p.Teams = slices.Clone(c.Teams)
	if !p.Next() {
		return nil, false
	}
	return &p, true
}

// Standing is a team's place in the ranking; tied teams share a place.
type Standing struct {
	Team  int
	Place int
	Score int
}

// Ranking orders the teams by score.
func (c *Contest) Ranking() []Standing {
	scores := make([]int, len(c.Teams))
	for i, t := range c.Teams {
		scores[i] = t.Score
	}
	return Rank(scores)
}

// Rank orders teams by their scores (scores[i] is team i's), largest first; tied teams
// share a place. The team contest and the board game rank the same way.
func Rank(scores []int) []Standing {
	out := make([]Standing, len(scores))
	for i, sc := range scores {
		out[i] = Standing{Team: i, Score: sc}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	for i := range out {
		out[i].Place = i + 1
		if i > 0 && out[i].Score == out[i-1].Score {
			out[i].Place = out[i-1].Place
		}
	}
	return out
}
