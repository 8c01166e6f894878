package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// flipLayouts finds the card-flip layers on screen.
func (r *rig) flipLayouts() []*flipLayout {
	var out []*flipLayout
	for _, o := range r.objects() {
		if c, ok := o.(*fyne.Container); ok {
			if f, ok := c.Layout.(*flipLayout); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

func TestPageTurnsSlideIn(t *testing.T) {
	r := newRig(t)
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒历史")
	if len(r.shell.anims) != 0 {
		t.Fatal("opening a zone is not a page turn")
	}
	r.tap("下一个")
	if len(r.shell.anims) != 1 {
		t.Fatalf("%d animations after 下一个, want the slide", len(r.shell.anims))
	}
	holder, ok := r.shell.page.Objects[0].(*fyne.Container)
	if !ok || len(holder.Objects) != 1 {
		t.Fatal("a page turn must draw the page in its sliding holder")
	}
	if pos := holder.Objects[0].Position(); pos.X != 0 || pos.Y != 0 {
		t.Fatalf("the page ends its slide at %v, not in place", pos)
	}
	// Mid-slide, a layout by the canvas keeps the page where the slide has got to (a page
	// moved by hand jumped back to rest for a frame).
	l := &slideLayout{dx: slideDistance}
	page := canvas.NewRectangle(colorBg)
	l.Layout([]fyne.CanvasObject{page}, fyne.NewSize(800, 600))
	l.Layout([]fyne.CanvasObject{page}, fyne.NewSize(800, 600))
	if page.Position().X != slideDistance || page.Size() != fyne.NewSize(800, 600) {
		t.Fatalf("mid-slide the page is at %v, %v", page.Position(), page.Size())
	}
	r.tap("首页")
	if len(r.shell.anims) != 0 {
		t.Fatal("a navigation must stop the running animations")
	}
}

func TestSpotCardFlipsOnTheAnswer(t *testing.T) {
	r := newRig(t)
	r.tap("轻触屏幕 开始参观")
	r.tap("毒品种类")
	r.tap("识破伪装")
	if len(r.flipLayouts()) != 0 {
		t.Fatal("no flip before the answer")
	}
	r.tap("正常商品")
	flips := r.flipLayouts()
	if len(flips) != 1 || flips[0].p != 1 {
		t.Fatalf("the answer turns its card over once (%d flips)", len(flips))
	}
	r.tap("中 / EN") // a redraw shows the answer without turning it again
	if len(r.flipLayouts()) != 0 {
		t.Fatal("the card turned again on a redraw")
	}
}

func TestAttractFadesToATeaserQuestion(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	per := time.Duration(r.shell.cat().Attract.SecondsPerSlide) * time.Second
	n := r.shell.slideCount()
	if n != len(r.shell.cat().Attract.Slides)+1 {
		t.Fatalf("%d slides: the teaser is one more than the content's", n)
	}
	var seen bool
	for i := 0; i < n && !seen; i++ {
		r.tick(per)
		if len(r.shell.anims) != 1 {
			t.Fatalf("slide %d came on with %d animations, want the fade", i, len(r.shell.anims))
		}
		seen = r.has("考考你  Quiz time")
	}
	if !seen {
		t.Fatal("the attract loop never asks its teaser question")
	}
	q := r.shell.teaserQuestion()
	r.mustHave(q.Prompt.Zh, english(q.Prompt))
	r.noClipping("attract teaser")
	test.Tap(r.shell.page.Objects[0].(*fyne.Container).Objects[0].(fyne.Tappable))
	if r.shell.Depth() != 1 {
		t.Fatal("a tap on the fading slide must start the visit at once")
	}
}

// Every question the teaser can ask fits every screen: a two-line question with its
// English ran under the title and the call at 1280×800.
func TestEveryTeaserQuestionFitsEveryScreen(t *testing.T) {
	for _, sz := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}, {Width: 1080, Height: 1920}} {
		r := newRig(t, withQuiz(&saves{}), withBundledBank(t))
		r.win.Resize(sz)
		r.settle()
		per := time.Duration(r.shell.cat().Attract.SecondsPerSlide) * time.Second
		loop := per * time.Duration(len(r.shell.cat().Attract.Slides)+1)
		seen := map[string]bool{}
		for q := r.shell.teaserQuestion(); !seen[q.ID]; q = r.shell.teaserQuestion() {
			seen[q.ID] = true
			r.shell.attractN = len(r.shell.cat().Attract.Slides) // the teaser's turn
			r.shell.page.Objects = []fyne.CanvasObject{r.shell.attractPage()}
			r.shell.page.Refresh()
			r.shell.main.Layout.Layout(r.shell.main.Objects, r.shell.main.Size())
			r.settle()
			if !r.has(q.Prompt.Zh) {
				t.Fatalf("at %v the teaser does not ask %s", sz, q.ID)
			}
			r.noClipping("teaser " + q.ID)
			r.noOverlap()
			r.clock.Advance(loop) // the next time round the loop asks the next question
		}
		if len(seen) < 2 {
			t.Fatalf("the teaser asks %d question(s): the bank changed", len(seen))
		}
	}
}

// A slide due a moment after the loop comes back (the staff panel closed, a visit ended)
// must not replace the one just drawn: each shows for its full time.
func TestAttractSlideShowsItsFullTimeAfterAVisit(t *testing.T) {
	r := newRig(t)
	per := time.Duration(r.shell.cat().Attract.SecondsPerSlide) * time.Second
	r.openStaff()
	now := r.clock.Now()
	r.clock.Advance(per - time.Duration(now.UnixNano()%int64(per)) - time.Second) // the clock's next slide is a second away
	r.tap("关闭面板")
	if r.shell.modal != "" || r.shell.Depth() != 0 {
		t.Fatal("关闭面板 must leave for the attract loop")
	}
	first := r.shell.attractN
	r.tick(2 * time.Second)
	if r.shell.attractN != first || len(r.shell.anims) != 0 {
		t.Fatalf("slide %d replaced by %d two seconds after the loop came back", first, r.shell.attractN)
	}
	r.tick(per - 2*time.Second)
	if r.shell.attractN == first {
		t.Fatal("the loop did not move on after a slide's time")
	}
}
