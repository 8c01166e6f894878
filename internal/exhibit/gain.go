package exhibit

import (
	"math/rand/v2"

	"github.com/jindu-edu/kiosk/internal/quiz"
)

// The learning-gain check (event.NewGainCheck): one question at the start of a visit and
// a question on the same topic later in it. These pick the questions; the UI asks them.

// GainBeforeQuestion picks the start-of-visit question: a true/false question of the
// easiest level written for primary pupils, so that every age can answer it with one tap.
// seed (the visit's) makes the pick repeatable; false when the bank has none.
func GainBeforeQuestion(b *quiz.Bank, seed uint64) (quiz.Question, bool) {
	if b == nil {
		return quiz.Question{}, false
	}
	var pool []quiz.Question
	for _, q := range b.For(quiz.Primary) {
		if q.Type == quiz.TrueFalse && q.Difficulty == 1 && q.Topic != "" {
			pool = append(pool, q)
		}
	}
	if len(pool) == 0 {
		return quiz.Question{}, false
	}
	return pool[rand.New(rand.NewPCG(seed, 0x9a17)).IntN(len(pool))], true
}

// GainAfterQuestion picks the second question: the same topic, for the visitor's age band,
// a true/false question if there is one and another question than the first if there is
// one (the same one otherwise: the skill is what is asked again).
func GainAfterQuestion(b *quiz.Bank, topic, audience, first string, seed uint64) (quiz.Question, bool) {
	if b == nil {
		return quiz.Question{}, false
	}
	var best []quiz.Question
	rank := -1
	consider := func(qs []quiz.Question) {
		for _, q := range qs {
			if q.Topic != topic {
				continue
			}
			r := 0
			if q.Type == quiz.TrueFalse {
				r += 2
			}
			if q.ID != first {
				r++
			}
			switch {
			case r > rank:
				best, rank = []quiz.Question{q}, r
			case r == rank:
				best = append(best, q)
			}
		}
	}
	consider(b.For(audience))
	if len(best) == 0 { // an age band with no question on the topic: ask the first again
		for _, q := range b.Questions {
			if q.ID == first {
				return q, true
			}
		}
		return quiz.Question{}, false
	}
	return best[rand.New(rand.NewPCG(seed, 0x9a18)).IntN(len(best))], true
}
