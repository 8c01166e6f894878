package quiz

import (
	"time"

	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// DefaultTimer is the time per question unless configured; 0 turns timing off.
const DefaultTimer = 30 * time.Second

// TimerFor is the time per question for an audience: primary-school children, who listen
// to the question read aloud and read more slowly, get twice the time. 0 stays 0 (no timer).
func TimerFor(audience string, base time.Duration) time.Duration {
	if audience == Primary {
		return 2 * base
	}
	return base
}

// Result is one answered (or timed-out) question.
type Result struct {
	Question Presented
	Picked   []int // shown positions
	Right    bool
	TimedOut bool
	Elapsed  time.Duration
}

// Round is a solo quiz: questions one at a time, each with an optional time limit. Score
// is the number of right answers; there is no streak or speed bonus, so slower readers
// are not shut out.
type Round struct {
	clock    kiosk.Clock
	timer    time.Duration
	items    []Presented
	idx      int
	shownAt  time.Time
	answered bool
	results  []Result
}

// NewRound starts a round; the first question is shown now.
func NewRound(c kiosk.Clock, items []Presented, timer time.Duration) *Round {
	return &Round{clock: c, timer: timer, items: items, shownAt: c.Now()}
}

// Current is the question on screen.
func (r *Round) Current() Presented { return r.items[r.idx] }

// Index and Len give the progress: question Index()+1 of Len().
func (r *Round) Index() int { return r.idx }

// Upcoming is the question Next will show; false on the last question.
func (r *Round) Upcoming() (Presented, bool) {
	if r.idx+1 >= len(r.items) {
		return Presented{}, false
	}
	return r.items[r.idx+1], true
}

// Len is the number of questions in the round.
func (r *Round) Len() int { return len(r.items) }

// Answered reports whether the current question has been answered or has timed out.
func (r *Round) Answered() bool { return r.answered }

// Remaining is the countdown for the current question (the full timer when off or answered).
func (r *Round) Remaining() time.Duration {
	if r.timer <= 0 || r.answered {
		return r.timer
	}
	return max(0, r.timer-r.clock.Now().Sub(r.shownAt))
}

// Timer is the configured time per question (0: none).
func (r *Round) Timer() time.Duration { return r.timer }

// Answer records the visitor's choice for the current question. A second answer is ignored.
func (r *Round) Answer(picked []int) (Result, bool) {
	if r.answered {
		return Result{}, false
	}
	r.answered = true
	res := Result{Question: r.Current(), Picked: picked, Right: r.Current().IsRight(picked),
		Elapsed: r.clock.Now().Sub(r.shownAt)}
	r.results = append(r.results, res)
	return res, true
}

// Tick ends the current question when its time is up; it reports the timeout once.
func (r *Round) Tick() (Result, bool) {
	if r.answered || r.timer <= 0 || r.clock.Now().Sub(r.shownAt) < r.timer {
		return Result{}, false
	}
	r.answered = true
	res := Result{Question: r.Current(), TimedOut: true, Elapsed: r.timer}
	r.results = append(r.results, res)
	return res, true
}

// Next moves to the following question; false when the round is over.
func (r *Round) Next() bool {
	if r.idx+1 >= len(r.items) {
		return false
	}
	r.idx++
	r.answered = false
	r.shownAt = r.clock.Now()
	return true
}

// Done reports whether the last question has been answered.
func (r *Round) Done() bool { return r.idx == len(r.items)-1 && r.answered }

// Score is the number of right answers so far.
func (r *Round) Score() int {
	n := 0
	for _, res := range r.results {
		if res.Right {
			n++
		}
	}
	return n
}

// Percent is the share of right answers over the whole round, 0–100.
func (r *Round) Percent() int {
	if len(r.items) == 0 {
		return 0
	}
	return r.Score() * 100 / len(r.items)
}

// Mistakes are the results that were wrong or timed out, for the review.
func (r *Round) Mistakes() []Result {
	var out []Result
	for _, res := range r.results {
		if !res.Right {
			out = append(out, res)
		}
	}
	return out
}

// CertificatePercent is the share of right answers that earns the 禁毒小卫士 certificate.
const CertificatePercent = 80

// Medals of a finished round: everyone who finishes earns one, so a child who got few right
// still leaves with something (and the advice to look round the exhibition again).
const (
	Gold   = "gold"
	Silver = "silver"
	Bronze = "bronze"
)

// SilverPercent is the share of right answers for two stars and silver.
const SilverPercent = 60

// Stars is 3 with the certificate, 2 from SilverPercent, else 1.
func (r *Round) Stars() int {
	switch p := r.Percent(); {
	case p >= CertificatePercent:
		return 3
	case p >= SilverPercent:
		return 2
	}
	return 1
}

// Medal is gold, silver or bronze, as the stars.
func (r *Round) Medal() string {
	return [...]string{Bronze, Silver, Gold}[r.Stars()-1]
}

// Certified reports whether the round earns the certificate.
func (r *Round) Certified() bool { return r.Percent() >= CertificatePercent }
