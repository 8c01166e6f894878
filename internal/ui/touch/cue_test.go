package touch

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// The "more below" cue shows while content lies below the fold, and goes once the visitor
// has scrolled to the end.
func TestCueShowsWhileMoreBelow(t *testing.T) {
	test.NewTempApp(t)
	tall := canvas.NewRectangle(nil)
	tall.SetMinSize(fyne.NewSize(100, 1000))
	d := NewDragScroll(tall, nil, nil)
	d.Cue = canvas.NewRectangle(nil)
	w := test.NewWindow(d)
	defer w.Close()
	w.Resize(fyne.NewSize(200, 300))
	if !d.Cue.Visible() {
		t.Fatal("no cue over content that goes on below")
	}
	d.ScrollBy(2000)
	if d.Cue.Visible() {
		t.Fatal("the cue stayed at the end of the content")
	}
	d.ScrollBy(-100)
	if !d.Cue.Visible() {
		t.Fatal("the cue did not come back after scrolling up")
	}
	short := NewDragScroll(canvas.NewRectangle(nil), nil, nil)
	short.Cue = canvas.NewRectangle(nil)
	w.SetContent(short)
	if short.Cue.Visible() {
		t.Fatal("a cue over content that fits")
	}
}
