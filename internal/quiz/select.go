package quiz

import (
	"math/rand/v2"
	"sort"
)

// DefaultRoundSize is how many questions a round has unless configured.
const DefaultRoundSize = 10

// Select picks n questions of one audience, balanced over topics and difficulties: topics
// take turns (in an order shuffled by rng), and within a topic difficulties take turns
// 1, 2, 3. Questions in recent (served on this kiosk lately) are used only when the fresh
// ones run out. No question appears twice, and a draft (status: draft) is never picked,
// even when a caller passes one in. The result is deterministic for a given rng.
func Select(pool []Question, audience string, n int, recent map[string]bool, rng *rand.Rand) []Question {
	byTopic := map[string][][]Question{} // topic → difficulty-1 → questions, fresh first
	var topics []string
	for _, q := range pool {
		if q.Audience != audience || q.IsDraft() || q.Difficulty < 1 || q.Difficulty > 3 {
			continue
		}
		if byTopic[q.Topic] == nil {
			byTopic[q.Topic] = make([][]Question, 3)
			topics = append(topics, q.Topic)
		}
		byTopic[q.Topic][q.Difficulty-1] = append(byTopic[q.Topic][q.Difficulty-1], q)
	}
	sort.Strings(topics)
	rng.Shuffle(len(topics), func(i, j int) { topics[i], topics[j] = topics[j], topics[i] })
	for _, t := range topics {
		for d := range byTopic[t] {
			qs := byTopic[t][d]
			rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
			sort.SliceStable(qs, func(i, j int) bool { return !recent[qs[i].ID] && recent[qs[j].ID] })
		}
	}

	var out []Question
	// Two passes: first only fresh questions, then recent ones to fill up.
	for pass := 0; pass < 2 && len(out) < n; pass++ {
		for progress := true; progress && len(out) < n; {
			progress = false
			for _, t := range topics {
				if len(out) >= n {
					break
				}
				// Difficulty cycles over the whole round, so that every level is asked.
				if q, ok := take(byTopic[t], len(out)%3, recent, pass == 1); ok {
					out = append(out, q)
					progress = true
				}
			}
		}
	}
	return out
}

// take removes a question from levels, preferring difficulty index want.
func take(levels [][]Question, want int, recent map[string]bool, allowRecent bool) (Question, bool) {
	for tries := 0; tries < 3; tries++ {
		d := (want + tries) % 3
		qs := levels[d]
		if len(qs) > 0 && (allowRecent || !recent[qs[0].ID]) {
			levels[d] = qs[1:]
			return qs[0], true
		}
	}
	return Question{}, false
}

// Presented is a question as shown: Order[k] is the bank index of the choice shown k-th.
type Presented struct {
	Question
	Order []int
}

// Present shuffles a question's choices with rng. True/false keeps 对 before 错; PinLast
// keeps the last choice ("以上都是") last.
func Present(q Question, rng *rand.Rand) Presented {
	order := make([]int, len(q.Choices))
	for i := range order {
		order[i] = i
	}
	if q.Type != TrueFalse {
		free := order
		if q.PinLast && len(order) > 1 {
			free = order[:len(order)-1]
		}
		rng.Shuffle(len(free), func(i, j int) { free[i], free[j] = free[j], free[i] })
	}
	return Presented{Question: q, Order: order}
}

// IsRight reports whether the shown positions picked are exactly the right answers.
func (p Presented) IsRight(picked []int) bool {
	want := map[int]bool{}
	for _, i := range p.Correct() {
		want[i] = true
	}
	got := map[int]bool{}
	for _, k := range picked {
		if k < 0 || k >= len(p.Order) {
			return false
		}
		got[p.Order[k]] = true
	}
	if len(got) != len(want) {
		return false
	}
	for i := range want {
		if !got[i] {
			return false
		}
	}
	return true
}

// RightPositions are the shown positions of the right answers, for feedback.
func (p Presented) RightPositions() []int {
	var out []int
	for k, i := range p.Order {
		for _, c := range p.Correct() {
			if i == c {
				out = append(out, k)
			}
		}
	}
	return out
}
