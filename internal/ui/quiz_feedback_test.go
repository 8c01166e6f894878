package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// feedbackExplanation is as long as the bank's explanations: two lines at 1280×800.
const feedbackExplanation = "110是报警电话；也可以先告诉家长或老师，请他们帮忙报警。发现有人贩卖毒品，不要自己去阻止，先保护好自己。"

// withFourAnswers is the test bank with a fourth answer to every single-answer question,
// a bank-length explanation and, on every question, a picture.
func withFourAnswers(c *rigConfig) {
	withQuiz(&saves{})(c)
	for i := range c.pack.Bank.Questions {
		q := &c.pack.Bank.Questions[i]
		q.Image = "media/img/drugs/meth.png"
		q.Explanation.Zh = feedbackExplanation
		if q.Type == quiz.Single {
			q.Choices = append(q.Choices, content.Text{Zh: "错误三", En: "Wrong three"})
		}
	}
}

// inView reports how o lies outside what a visitor sees: the window above the bar, and
// the viewport of any drag-scroll it sits in. It returns "" when o is wholly in view.
func (r *rig) inView(o fyne.CanvasObject) string { return r.topInView(o, o.Size().Height) }

// topInView is inView for the top h px of o.
func (r *rig) topInView(o fyne.CanvasObject, h float32) string {
	r.settle()
	drv := fyne.CurrentApp().Driver()
	top, left := float32(0), float32(0)
	bottom := drv.AbsolutePositionForObject(r.shell.bar).Y
	right := r.win.Canvas().Size().Width
	for _, d := range pathTo(r.win.Canvas().Content(), o) {
		if _, ok := d.(*touch.DragScroll); ok {
			p := drv.AbsolutePositionForObject(d)
			top, left = max(top, p.Y), max(left, p.X)
			bottom, right = min(bottom, p.Y+d.Size().Height), min(right, p.X+d.Size().Width)
		}
	}
	p := drv.AbsolutePositionForObject(o)
	if p.Y+1 < top || p.X+1 < left || p.Y+h > bottom+1 || p.X+o.Size().Width > right+1 {
		return fmt.Sprintf("%v–%v of a view %v–%v", p.Y, p.Y+h, top, bottom)
	}
	return ""
}

// pathTo lists the objects from root down to target (both included), or nil. Unlike
// test.LaidOutObjects it lays nothing out again.
func pathTo(root, target fyne.CanvasObject) []fyne.CanvasObject {
	if root == target {
		return []fyne.CanvasObject{root}
	}
	var kids []fyne.CanvasObject
	switch x := root.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if p := pathTo(k, target); p != nil {
			return append([]fyne.CanvasObject{root}, p...)
		}
	}
	return nil
}

// shown finds the visible text object (canvas text or paragraph) that starts with s.
func (r *rig) shown(s string) fyne.CanvasObject {
	r.t.Helper()
	for _, o := range r.objects() {
		switch o.(type) {
		case *canvas.Text, *paraText:
			if o.Visible() && strings.HasPrefix(textOf(o), s) {
				return o
			}
		}
	}
	r.t.Fatalf("no text starts with %q; the screen shows:\n%s", s, r.dump())
	return nil
}

// TestFeedbackWholeOnShortScreens: at 1280×800 the answer cards of a three- or four-answer
// question left the feedback a thin strip, its verdict and right answer cut through and the
// explanation under "上滑查看更多". Once answered, the short screen keeps only the chosen
// and the right answer, in compact rows, and the whole feedback card is in view.
func TestFeedbackWholeOnShortScreens(t *testing.T) {
	for _, large := range []bool{false, true} {
		r := newRig(t, withFourAnswers)
		r.visitAt(fyne.NewSize(1280, 800), large)
		r.tap("知识竞答")
		r.tap("个人挑战")
		r.tap("中学生")
		v := r.shell.top().(*soloView)
		seen := map[string]bool{}
		for i := 0; i < 6; i++ { // a few questions: single, multi and true/false come up
			q := v.round.Current()
			seen[q.Type] = true
			right := q.RightPositions()
			wrong := (right[len(right)-1] + 1) % len(q.Order)
			for contains(right, wrong) {
				wrong = (wrong + 1) % len(q.Order)
			}
			r.tap(r.shell.tx(q.Choices[q.Order[wrong]]))
			if q.Type == quiz.Multi {
				r.tap("提交")
			}
			where := fmt.Sprintf("%s question %d (large text %v)", q.Type, i+1, large)
			r.mustHave("答错了", "正确答案：")
			next := r.tappableNow("下一题")
			for name, o := range map[string]fyne.CanvasObject{
				"the verdict": r.shown("答错了"), "the right answer": r.shown("正确答案："),
				"下一题": next, "the chosen answer": r.shown(r.shell.tx(q.Choices[q.Order[wrong]])),
			} {
				if out := r.inView(o); out != "" {
					t.Errorf("%s: %s is not wholly in view: %s", where, name, out)
				}
			}
			// At least the first two lines of the explanation, or all of it.
			expl := r.shown(feedbackExplanation[:12])
			lines := min(expl.Size().Height, 2*r.shell.size(sizeBody)*1.3)
			if out := r.topInView(expl, lines); out != "" {
				t.Errorf("%s: the explanation's first lines are not in view: %s", where, out)
			}
			if next.Size().Height < targetHeight {
				t.Errorf("%s: 下一题 is %v px tall", where, next.Size().Height)
			}
			if !large { // the whole card, down to its source, with no 上滑查看更多
				for _, o := range r.objects() {
					if d, ok := o.(*touch.DragScroll); ok && d.Visible() && d.MoreBelow() {
						t.Errorf("%s: the feedback card scrolls", where)
					}
				}
			}
			r.noClipping(where)
			r.tap("下一题")
		}
		if len(seen) != 3 {
			t.Fatalf("only %v questions came up", seen)
		}
	}
}

// TestEveryQuestionsFeedbackInView answers every question of the bundled bank wrong at
// 1280×800 and 1920×1080: the verdict, the right answer, 下一题 and the explanation's first
// line are in view each time (long questions, long answers, pictures and five answers
// fold the answer cards where they would push the feedback off the screen).
func TestEveryQuestionsFeedbackInView(t *testing.T) {
	if testing.Short() {
		t.Skip("plays the whole bank")
	}
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		r := newRig(t, withBundledBank(t))
		r.win.Resize(size)
		r.tap("轻触屏幕 开始参观")
		r.tap("知识竞答")
		r.tap("个人挑战")
		r.tap("中学生")
		v := r.shell.top().(*soloView)
		items := unshuffled(r.shell.pack().Bank.Questions, nil)
		v.round = quiz.NewRound(r.clock, items, 0)
		r.shell.replace(v)
		for range items {
			q := v.round.Current()
			right := q.RightPositions()
			wrong := 0
			for contains(right, wrong) {
				wrong++
			}
			v.answer(append([]int{wrong}, right[1:]...))
			next := "下一题"
			if v.round.Done() {
				next = "看成绩"
			}
			expl := r.shown(string([]rune(r.shell.tx(q.Explanation))[:6])).(*paraText)
			where := fmt.Sprintf("%s at %v", q.ID, size)
			for name, o := range map[string]fyne.CanvasObject{"the verdict": r.shown("答错了"),
				"the right answer": r.shown("正确答案："), next: r.tappableNow(next)} {
				if out := r.inView(o); out != "" {
					t.Errorf("%s: %s is not wholly in view: %s", where, name, out)
				}
			}
			if out := r.topInView(expl, expl.topLines(1)); out != "" {
				t.Errorf("%s: the explanation's first line is not in view: %s", where, out)
			}
			v.next()
		}
	}
}

// TestFeedbackKeepsTheCardsWhereTheyFit: at 1920×1080 a short question keeps its answer
// cards after the answer, as before; only where they would crowd the feedback do they fold.
func TestFeedbackKeepsTheCardsWhereTheyFit(t *testing.T) {
	r := newRig(t, withFourAnswers)
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("中学生")
	v := r.shell.top().(*soloView)
	for v.round.Current().Type != quiz.Single {
		r.answerRight(v)
		r.tap("下一题")
	}
	r.answerRight(v)
	r.mustHave("答对了！", "错误一", "错误二", "错误三") // the wrong answers' cards too
	for _, o := range r.objects() {
		if d, ok := o.(*touch.DragScroll); ok && d.Visible() && d.MoreBelow() {
			t.Error("the feedback card scrolls")
		}
	}
	r.noClipping("short feedback at 1920×1080")
}

// TestFeedbackIsPaintedAhead: half a second into a question, its feedback page (the
// explanation, the right answer) is painted once outside the window, so that its texts
// are made before the answer; this answers nothing, records nothing, leaves the countdown
// running, and the copy goes at the next tick.
func TestFeedbackIsPaintedAhead(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	v := r.startSolo("中学生")
	q := v.round.Current()
	events := len(r.events.all)
	warm := func() []fyne.CanvasObject { return test.LaidOutObjects(r.shell.warmer) }
	holds := func(text string) bool {
		for _, o := range warm() {
			if textOf(o) == text {
				return true
			}
		}
		return false
	}
	r.tick(250 * time.Millisecond)
	if len(r.shell.warmer.Objects) != 0 {
		t.Fatal("the feedback was painted ahead with the question's first frames")
	}
	r.tick(250 * time.Millisecond)
	if !holds(r.shell.tx(q.Explanation)) {
		t.Fatal("the explanation was not painted ahead")
	}
	if p := r.shell.warmer.Objects[0].Position(); p.X+r.shell.warmer.Objects[0].Size().Width > 0 {
		t.Errorf("the copy is in the window at %v", p)
	}
	if v.last != nil || v.round.Answered() || len(r.events.all) != events {
		t.Fatal("painting ahead answered the question or recorded something")
	}
	r.tick(250 * time.Millisecond)
	if len(r.shell.warmer.Objects) != 0 {
		t.Error("the copy outlived the next tick")
	}
	r.tick(2 * time.Second)
	r.mustHave("28 秒") // the countdown on screen still runs (2.75 s in)
	r.answerRight(v)
	r.mustHave("答对了！", r.shell.tx(q.Explanation))
	if len(r.shell.warmer.Objects) != 0 {
		t.Error("a copy is left beside the feedback")
	}
}

// On a portrait screen an answered question keeps its picture above it, as before the
// answer, not in a strip a quarter of the width beside it; every question of a round,
// whatever its feedback's length, fits.
func TestAnsweredPictureStaysAboveInPortrait(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}), withQuestionPictures)
	r.win.Resize(fyne.NewSize(1080, 1920))
	v := r.startSolo("中学生")
	wide := 0
	for i := 0; i < v.round.Len(); i++ {
		r.answerRight(v)
		r.settle()
		r.noClipping(fmt.Sprintf("answered question %d in portrait", i+1))
		for ci := range r.pictures() {
			sz := ci.Size()
			if sz.Height > sz.Width {
				t.Fatalf("question %d: its picture is a %v strip", i+1, sz)
			}
			if sz.Width >= 400 {
				wide++
			}
		}
		r.tap(map[bool]string{true: "看成绩", false: "下一题"}[i == v.round.Len()-1])
	}
	if wide == 0 {
		t.Fatal("no answered question showed its picture above it")
	}
}
