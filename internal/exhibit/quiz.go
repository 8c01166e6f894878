package exhibit

import (
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// GroupsKept is how many days of group results the kiosk keeps for its "today" board.
const GroupsKept = 30 * 24 * time.Hour

// QuizConfig is the quiz's rules and where this kiosk keeps its quiz state.
type QuizConfig struct {
	Clock     kiosk.Clock
	Timer     time.Duration // per question; 0 turns the countdown off
	RoundSize int           // 0: quiz.DefaultRoundSize
	Rand      *rand.Rand    // nil: seeded from the clock
	Recent    *quiz.Recent  // questions served lately (loaded state); nil: none
	Groups    *quiz.Groups  // group results (loaded state); nil: none
	// Save persists Recent and Groups; nil keeps them in memory. It runs off the UI thread.
	Save func(*quiz.Recent, *quiz.Groups) error
	Log  *slog.Logger
}

// Quizzes deals solo rounds and team contests from a pack's bank, so that the next
// visitors get questions the last ones did not, and keeps today's group results. Its
// methods run on the UI thread; saving happens on a goroutine of its own.
type Quizzes struct {
	c      QuizConfig
	recent *quiz.Recent
	groups *quiz.Groups

	saveSeq  int        // snapshots taken (UI thread)
	saveMu   sync.Mutex // serialises writes
	savedSeq int        // newest snapshot written (under saveMu)
	saving   sync.WaitGroup
}

// NewQuizzes starts from the loaded state, pruning group results older than GroupsKept.
func NewQuizzes(c QuizConfig) *Quizzes {
	if c.Rand == nil {
		c.Rand = rand.New(rand.NewPCG(uint64(c.Clock.Now().UnixNano()), 0x6a64))
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	q := &Quizzes{c: c, recent: c.Recent, groups: c.Groups}
	if q.recent == nil {
		q.recent = &quiz.Recent{}
	}
	if q.groups == nil {
		q.groups = &quiz.Groups{}
	}
	q.prune()
	return q
}

// RoundSize is the number of questions in a solo round.
func (q *Quizzes) RoundSize() int {
	if q.c.RoundSize > 0 {
		return q.c.RoundSize
	}
	return quiz.DefaultRoundSize
}

// Timer is the time per question.
func (q *Quizzes) Timer() time.Duration { return q.c.Timer }

// deal picks n questions of an audience from pool, shuffles their choices and remembers
// them as served.
func (q *Quizzes) deal(pool []quiz.Question, audience string, n int) []quiz.Presented {
	picked, items := q.draw(pool, audience, n)
	if items != nil {
		q.served(picked)
	}
	return items
}

// draw picks n questions of an audience from pool, not served lately, and shuffles their
// choices; nil when there is none.
func (q *Quizzes) draw(pool []quiz.Question, audience string, n int) ([]quiz.Question, []quiz.Presented) {
	picked := quiz.Select(pool, audience, n, q.recent.Set(), q.c.Rand)
	if len(picked) == 0 {
		return nil, nil
	}
	items := make([]quiz.Presented, len(picked))
	for i, p := range picked {
		items[i] = quiz.Present(p, q.c.Rand)
	}
	return picked, items
}

// served remembers questions as served, so that the next rounds get others.
func (q *Quizzes) served(picked []quiz.Question) {
	q.recent.Add(picked)
	q.save()
}

// Solo deals a round for one visitor; nil when the bank has no question for the audience.
func (q *Quizzes) Solo(bank *quiz.Bank, audience string) *quiz.Round {
	return q.StartSolo(q.DrawSolo(bank, audience))
}

// SoloDraw is a solo round dealt ahead of the visitor's choice (DrawSolo), not started.
type SoloDraw struct {
	audience string
	picked   []quiz.Question
	items    []quiz.Presented
}

// First is the question the round opens with.
func (d *SoloDraw) First() quiz.Presented { return d.items[0] }

// Question is the round's question k (from 0).
func (d *SoloDraw) Question(k int) quiz.Presented { return d.items[k] }

// Pictured is the position of the round's first question with a picture; false when none
// has one.
func (d *SoloDraw) Pictured() (int, bool) {
	for i, it := range d.items {
		if it.Image != "" {
			return i, true
		}
	}
	return 0, false
}

// DrawSolo deals a solo round for audience ahead of the visitor's choice: its questions
// count as served only once StartSolo starts it. The quiz's age page draws one round per
// age while the visitor chooses, so that the first question's picture is decoded by then.
// nil when the bank has no question for the audience.
func (q *Quizzes) DrawSolo(bank *quiz.Bank, audience string) *SoloDraw {
	if bank == nil {
		return nil
	}
	picked, items := q.draw(bank.Questions, audience, q.RoundSize())
	if items == nil {
		return nil
	}
	return &SoloDraw{audience: audience, picked: picked, items: items}
}

// PreviewSolo is a drawn round as it would start, for laying its first page out ahead;
// nothing is served.
func (q *Quizzes) PreviewSolo(d *SoloDraw) *quiz.Round { return q.PreviewSoloFrom(d, 0) }

// PreviewSoloFrom is PreviewSolo opening at the drawn round's question k (its first with a
// picture, to lay that picture's box out ahead); nothing is served.
func (q *Quizzes) PreviewSoloFrom(d *SoloDraw, k int) *quiz.Round {
	return quiz.NewRound(q.c.Clock, d.items[k:], quiz.TimerFor(d.audience, q.c.Timer))
}

// StartSolo starts a drawn round: its questions count as served from now. nil for nil.
func (q *Quizzes) StartSolo(d *SoloDraw) *quiz.Round {
	if d == nil {
		return nil
	}
	q.served(d.picked)
	return q.PreviewSolo(d)
}

// Contest deals a team contest of n questions. Only single-choice and true/false
// questions are used: one tap answers them.
func (q *Quizzes) Contest(bank *quiz.Bank, mode string, teams int, audience string, n int) *quiz.Contest {
	items := q.OneTap(bank, audience, n)
	if items == nil {
		return nil
	}
	c := quiz.NewContest(q.c.Clock, mode, teams, items, quiz.TimerFor(audience, q.c.Timer))
	c.NoPenalty = audience == quiz.Primary // children are encouraged, never set back
	return c
}

// OneTap deals n single-choice and true/false questions (one tap answers them) for the
// team contest and the board game, with the balance and no-repeat rules of every round;
// nil without a bank or a question for the audience.
func (q *Quizzes) OneTap(bank *quiz.Bank, audience string, n int) []quiz.Presented {
	if bank == nil {
		return nil
	}
	var pool []quiz.Question
	for _, x := range bank.Questions {
		if x.Type != quiz.Multi {
			pool = append(pool, x)
		}
	}
	return q.deal(pool, audience, n)
}

// FinishContest keeps a finished contest on today's board under the teacher's label.
func (q *Quizzes) FinishContest(label string, c *quiz.Contest) quiz.GroupResult {
	g := quiz.GroupResult{At: q.c.Clock.Now(), Label: label, Mode: c.Mode, Teams: slices.Clone(c.Teams)}
	q.groups.Results = append(q.groups.Results, g)
	q.prune()
	q.save()
	return g
}

// Today is today's group results, newest first.
func (q *Quizzes) Today() []quiz.GroupResult { return q.groups.Today(q.c.Clock.Now()) }

// RecentIDs are the question ids served lately, oldest first.
func (q *Quizzes) RecentIDs() []string { return slices.Clone(q.recent.IDs) }

// Groups are all kept group results, oldest first.
func (q *Quizzes) Groups() []quiz.GroupResult { return slices.Clone(q.groups.Results) }

// prune drops group results older than GroupsKept.
func (q *Quizzes) prune() {
	cut := q.c.Clock.Now().Add(-GroupsKept)
	q.groups.Results = slices.DeleteFunc(q.groups.Results, func(g quiz.GroupResult) bool { return g.At.Before(cut) })
}

// save persists a snapshot of the state off the UI thread (the write is fsynced). A save
// that finds a newer snapshot already written is skipped, so the files always end with
// the latest state. Failures are logged; the quiz goes on.
func (q *Quizzes) save() {
	if q.c.Save == nil {
		return
	}
	recent := &quiz.Recent{IDs: slices.Clone(q.recent.IDs)}
	groups := &quiz.Groups{Results: slices.Clone(q.groups.Results)}
	q.saveSeq++
	seq := q.saveSeq
	q.saving.Add(1)
	go func() {
		defer q.saving.Done()
		q.saveMu.Lock()
		defer q.saveMu.Unlock()
		if seq < q.savedSeq {
			return
		}
		q.savedSeq = seq
		if err := q.c.Save(recent, groups); err != nil {
			q.c.Log.Error("saving quiz state failed", "err", err)
		}
	}()
}

// Flush waits for the saves started so far (shutdown and tests).
func (q *Quizzes) Flush() { q.saving.Wait() }

// QuizState loads this kiosk's quiz state from dataDir and returns a Save that writes it
// back atomically. A damaged file is reported and starts afresh (it is rewritten).
func QuizState(dataDir string) (*quiz.Recent, *quiz.Groups, func(*quiz.Recent, *quiz.Groups) error, error) {
	recent, groups := &quiz.Recent{}, &quiz.Groups{}
	err := errors.Join(quiz.LoadJSON(dataDir, quiz.RecentFile, recent), quiz.LoadJSON(dataDir, quiz.GroupsFile, groups))
	if err != nil {
		err = fmt.Errorf("quiz state ignored: %w", err)
	}
	save := func(r *quiz.Recent, g *quiz.Groups) error {
		return errors.Join(quiz.SaveJSON(dataDir, quiz.RecentFile, r), quiz.SaveJSON(dataDir, quiz.GroupsFile, g))
	}
	return recent, groups, save, err
}
