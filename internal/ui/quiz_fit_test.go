package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/quiz"
)

// TestEveryUnansweredQuestionFits walks every question of the bundled bank before it is
// answered, at 1280×800, 1920×1080 and 1080×1920, in normal and large text, read aloud
// where the bank has a clip and with the countdown on: the question, every answer card
// (a full touch target) and, on a multi-answer question, 提交 lie wholly in the window
// above the bar. At 1280×800 a four- or five-answer multi question had 提交 cut in half
// by the bar.
func TestEveryUnansweredQuestionFits(t *testing.T) {
	if testing.Short() {
		t.Skip("walks the whole bank")
	}
	sizes := []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}}
	for _, size := range sizes {
		for _, large := range []bool{false, true} {
			r := newRig(t, withBundledBank(t))
			r.visitAt(size, large)
			r.tap("知识竞答")
			r.tap("个人挑战")
			r.tap("小学生") // primary: the questions with a clip are read aloud, with their bar
			v := r.shell.top().(*soloView)
			items := unshuffled(r.shell.pack().Bank.Questions, nil)
			v.round = quiz.NewRound(r.clock, items, 30*time.Second)
			r.shell.replace(v)
			for range items {
				q := v.round.Current()
				where := fmt.Sprintf("%s (%s, %d answers) at %v, large text %v", q.ID, q.Type, len(q.Choices), size, large)
				if q.Type == quiz.Multi { // one answer picked: the card changes colour only
					v.choose(0)
				}
				r.settle()
				if out := r.inView(r.shown(string([]rune(r.shell.tx(q.Prompt))[:4]))); out != "" {
					t.Errorf("%s: the question is not wholly in view: %s", where, out)
				}
				for _, c := range q.Choices {
					card := r.tappableNow(r.shell.tx(c))
					if out := r.inView(card); out != "" {
						t.Errorf("%s: the answer %q is not wholly in view: %s", where, r.shell.tx(c), out)
					}
					if card.Size().Height < targetHeight {
						t.Errorf("%s: the answer %q is %.0f px tall", where, r.shell.tx(c), card.Size().Height)
					}
				}
				if q.Type == quiz.Multi {
					submit := r.tappableNow("提交")
					if out := r.inView(submit); out != "" {
						t.Errorf("%s: 提交 is not wholly in view: %s", where, out)
					}
					if submit.Size().Height < targetHeight {
						t.Errorf("%s: 提交 is %.0f px tall", where, submit.Size().Height)
					}
				}
				r.noClipping(where)
				v.round.Answer([]int{0})
				v.last = nil
				if !v.round.Next() {
					break
				}
				v.picked = nil
				r.shell.replace(v)
			}
		}
	}
}

// unshuffled presents the questions keep accepts (all when nil) in the bank's order, each
// with its choices as written.
func unshuffled(qs []quiz.Question, keep func(quiz.Question) bool) []quiz.Presented {
	var items []quiz.Presented
	for _, q := range qs {
		if keep != nil && !keep(q) {
			continue
		}
		order := make([]int, len(q.Choices))
		for i := range order {
			order[i] = i
		}
		items = append(items, quiz.Presented{Question: q, Order: order})
	}
	return items
}
