package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// inWindow reports how o lies outside the window (the contest has no bar), "" if it is
// wholly inside.
func (r *rig) inWindow(o fyne.CanvasObject) string {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	win := r.win.Canvas().Size()
	if p.X < -1 || p.Y < -1 || p.X+o.Size().Width > win.Width+1 || p.Y+o.Size().Height > win.Height+1 {
		return fmt.Sprintf("%v %v in a window %v", p, o.Size(), win)
	}
	return ""
}

// TestEveryContestQuestionFits plays every one-tap question of the bundled bank in a
// team contest of two and of four teams, at 1280×800 and 1920×1080, in normal and large
// text: before the answer the question, every answer and every team's answer pads are
// wholly on the screen (the pads full touch targets); after it, the verdict, the
// explanation and 下一题 too, and no text is cut.
func TestEveryContestQuestionFits(t *testing.T) {
	if testing.Short() {
		t.Skip("plays the whole bank")
	}
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		for _, teams := range []int{2, 4} {
			for _, large := range []bool{false, true} {
				r := newRig(t, withBundledBank(t))
				r.win.Resize(size)
				v := r.startContest("抢答", "中学生", fmt.Sprintf("%d 队", teams))
				if large {
					r.shell.toggleTextSize()
				}
				items := unshuffled(r.shell.pack().Bank.Questions, func(q quiz.Question) bool { return q.Type != quiz.Multi })
				v.c = quiz.NewContest(r.clock, quiz.Buzz, teams, items, 30*time.Second)
				r.shell.replace(v)
				for range items {
					q := v.c.Current()
					where := fmt.Sprintf("%s (%d answers) at %v, %d teams, large text %v", q.ID, len(q.Choices), size, teams, large)
					r.settle()
					check := func(name string, o fyne.CanvasObject) {
						if out := r.inWindow(o); out != "" {
							t.Errorf("%s: %s is not wholly on the screen: %s", where, name, out)
						}
					}
					check("the question", r.shown(string([]rune(r.shell.tx(q.Prompt))[:4])))
					for _, c := range q.Choices {
						check("the answer "+r.shell.tx(c), r.shown(r.shell.tx(c)))
					}
					pads := 0
					for _, o := range r.objects() {
						if p, ok := o.(*touch.Tappable); ok && p.Visible() && p.OnTapped != nil && p != r.hotCorner() {
							check("a tappable", p)
							if p.Size().Height < targetHeight {
								t.Errorf("%s: a tappable is %.0f px tall", where, p.Size().Height)
							}
							pads++
						}
					}
					if pads < teams*len(q.Choices) {
						t.Errorf("%s: %d tappables", where, pads)
					}
					r.noClipping(where + ", unanswered")
					v.answer(0, q.RightPositions()[0])
					r.settle()
					next := "下一题"
					if v.c.Index()+1 == v.c.Len() {
						next = "看排名"
					}
					check("the verdict", r.shown(v.note))
					expl := r.shown(string([]rune(r.shell.tx(q.Explanation))[:6]))
					check("the explanation", expl)
					if r.has(next) {
						check(next, r.tappableNow(next))
					}
					r.noClipping(where + ", answered")
					if !v.c.Next() {
						break
					}
					v.note = ""
					r.shell.replace(v)
				}
			}
		}
	}
}
