package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

func TestCaseThumbnailsStayInTheirCards(t *testing.T) {
	thumb, text := canvas.NewRectangle(colorCard), canvas.NewRectangle(colorBg)
	objs := []fyne.CanvasObject{thumb, text}
	for _, card := range []fyne.Size{{Width: 560, Height: 105}, {Width: 560, Height: 400}, {Width: 200, Height: 300}} {
		thumbLayout{}.Layout(objs, card)
		p, sz := thumb.Position(), thumb.Size()
		if p.Y < 0 || p.Y+sz.Height > card.Height+0.5 || sz.Width > card.Width*0.4+0.5 || sz.Height > 165.5 {
			t.Errorf("in a %v card the picture is %v at %v", card, sz, p)
		}
		if r := sz.Width / sz.Height; r < 1.32 || r > 1.34 {
			t.Errorf("in a %v card the picture is %.2f:1, not 4:3", card, r)
		}
		if text.Position().X < sz.Width || text.Position().X+text.Size().Width > card.Width+0.5 {
			t.Errorf("in a %v card the text overlaps the picture or the edge", card)
		}
	}
}

func TestBarHintMatchesTheScreen(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	r.tap("轻触屏幕 开始参观")
	r.mustHave("请选择展区")
	r.tap("危害案例")
	r.mustHave("点一项，看详细内容")
	if r.has("请选择展区") {
		t.Fatal("the home screen's hint on a zone")
	}
	r.tap("首页")
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("成人")
	r.mustHave("点选你的答案")
	r.answerRight(r.shell.top().(*soloView))
	if r.has("点选你的答案") || r.has("请选择展区") {
		t.Fatal("an answered question still asks for an answer")
	}
}

// TestScreenRedrawnWhenTheWindowResizes: views choose their layout from the window's size,
// and the kiosk's first screen is built before the window has gone full screen. When the
// window's size changes the screen on show is drawn again for it: the attract slide at
// 1280×800 drops its English body, home at 800 px high takes compact tiles.
func TestScreenRedrawnWhenTheWindowResizes(t *testing.T) {
	r := newRig(t)
	r.settle()
	slide := r.shell.cat().Attract.Slides[r.shell.attractN%len(r.shell.cat().Attract.Slides)]
	body := english(slide.Body)
	if !r.has(body) {
		t.Fatalf("the first slide at 1920×1080 lacks its English body %q", body)
	}
	r.win.Resize(fyne.NewSize(1280, 800))
	r.settle()
	if r.has(body) {
		t.Fatal("after the window went to 1280×800 the slide was not drawn again for it")
	}
	r.noClipping("attract redrawn at 1280×800")
	r.win.Resize(fyne.NewSize(1920, 1080))
	r.settle()
	if !r.has(body) {
		t.Fatal("back at 1920×1080 the slide was not drawn again")
	}
}
