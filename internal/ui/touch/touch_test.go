package touch

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

func TestTappableKeepsTheTargetSize(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	b := NewTappable(canvas.NewText("x", nil), func() { taps++ })
	b.MinHeight, b.MinWidth = 88, 120
	if s := b.MinSize(); s.Height < 88 || s.Width < 120 {
		t.Fatalf("min size %v", s)
	}
	test.Tap(b)
	if taps != 1 {
		t.Fatal("tap not delivered")
	}
}

func TestSwipeDirections(t *testing.T) {
	test.NewTempApp(t)
	var got []int
	s := NewSwipe(canvas.NewRectangle(nil), func(d int) { got = append(got, d) })
	drag := func(dx, dy float32) {
		s.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: dx, DY: dy}})
		s.DragEnd()
	}
	drag(-120, 10) // to the left: next
	drag(130, -5)  // to the right: previous
	drag(-40, 0)   // too short
	drag(-100, 90) // too diagonal
	if len(got) != 2 || got[0] != 1 || got[1] != -1 {
		t.Fatalf("swipes %v", got)
	}
}

func TestDragScrollScrollsVerticallyAndPagesHorizontally(t *testing.T) {
	test.NewTempApp(t)
	tall := canvas.NewRectangle(nil)
	tall.SetMinSize(fyne.NewSize(100, 1000))
	var pages []int
	d := NewDragScroll(container.NewVBox(tall), func(dir int) { pages = append(pages, dir) }, nil)
	w := test.NewWindow(d)
	defer w.Close()
	w.Resize(fyne.NewSize(200, 300))
	d.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -200}})
	d.DragEnd()
	if d.Scroll.Offset.Y < 150 {
		t.Fatalf("drag up did not scroll: offset %v", d.Scroll.Offset)
	}
	d.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -5000}})
	d.DragEnd()
	if max := float32(1000) - d.Scroll.Size().Height; d.Scroll.Offset.Y > max+1 {
		t.Fatalf("scrolled past the end: %v > %v", d.Scroll.Offset.Y, max)
	}
	d.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -150, DY: 3}})
	d.DragEnd()
	if len(pages) != 1 || pages[0] != 1 {
		t.Fatalf("horizontal swipe: %v", pages)
	}
}
