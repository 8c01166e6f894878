package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
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
	if pos := r.shell.page.Objects[0].Position(); pos.X != 0 || pos.Y != 0 {
		t.Fatalf("the page ends its slide at %v, not in place", pos)
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
