package touch

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// DragScroll lays a transparent touch surface over a scroll container of read-only
// content (text): vertical drags scroll it, horizontal swipes page, taps count as
// activity. Fyne's Scroll ignores drags on desktop touchscreens (Fyne issue 5755).
type DragScroll struct {
	widget.BaseWidget
	Scroll  *container.Scroll
	OnSwipe func(dir int)
	OnTap   func()
	// HideCursor hides the pointer over the widget.
	HideCursor bool
	// Cue, if set, is laid along the bottom edge while there is more content below the
	// fold (a fade and "上滑查看更多"), so that a visitor knows to scroll.
	Cue    fyne.CanvasObject
	dx, dy float32
	axis   int // 0 undecided, 1 horizontal, 2 vertical
}

// NewDragScroll makes content scrollable by dragging.
func NewDragScroll(content fyne.CanvasObject, onSwipe func(dir int), onTap func()) *DragScroll {
	d := &DragScroll{Scroll: container.NewVScroll(content), OnSwipe: onSwipe, OnTap: onTap}
	d.Scroll.OnScrolled = func(fyne.Position) { d.updateCue() }
	d.ExtendBaseWidget(d)
	return d
}

// MoreBelow reports whether content lies below the visible part.
func (d *DragScroll) MoreBelow() bool {
	s := d.Scroll
	overflow := s.Content.MinSize().Height - s.Size().Height
	return overflow > 4 && s.Offset.Y < overflow-4
}

// updateCue shows the cue while there is more below.
func (d *DragScroll) updateCue() {
	if d.Cue == nil {
		return
	}
	if more := d.MoreBelow(); more != d.Cue.Visible() {
		if more {
			d.Cue.Show()
		} else {
			d.Cue.Hide()
		}
	}
}

// Dragged scrolls once the drag is clearly vertical.
func (d *DragScroll) Dragged(e *fyne.DragEvent) {
	d.dx += e.Dragged.DX
	d.dy += e.Dragged.DY
	if d.axis == 0 && (abs(d.dx) > 12 || abs(d.dy) > 12) {
		d.axis = 1
		if abs(d.dy) > abs(d.dx) {
			d.axis = 2
		}
	}
	if d.axis == 2 {
		d.ScrollBy(-e.Dragged.DY)
	}
}

// ScrollBy moves the content by dy, within bounds.
func (d *DragScroll) ScrollBy(dy float32) {
	s := d.Scroll
	maxY := s.Content.MinSize().Height - s.Size().Height
	y := s.Offset.Y + dy
	y = max(0, min(y, maxY))
	if y != s.Offset.Y {
		s.ScrollToOffset(fyne.NewPos(s.Offset.X, y))
	}
	d.updateCue()
}

// DragEnd pages on a horizontal swipe.
func (d *DragScroll) DragEnd() {
	dx, axis := d.dx, d.axis
	d.dx, d.dy, d.axis = 0, 0, 0
	if axis == 1 && abs(dx) >= SwipeThreshold && d.OnSwipe != nil {
		if dx < 0 {
			d.OnSwipe(+1)
		} else {
			d.OnSwipe(-1)
		}
	}
}

// Tapped counts as activity.
func (d *DragScroll) Tapped(*fyne.PointEvent) {
	if d.OnTap != nil {
		d.OnTap()
	}
}

// CreateRenderer draws the scroll with the touch surface on top. The surface must be a
// sibling drawn after the scroll: Fyne sends a drag to the last draggable object under the
// pointer, and the Scroll itself is draggable (ignoring drags on desktop).
func (d *DragScroll) CreateRenderer() fyne.WidgetRenderer {
	s := &surface{owner: d}
	s.ExtendBaseWidget(s)
	return &dragScrollRenderer{d: d, surface: s}
}

// surface is the transparent layer that receives the touches for a DragScroll.
type surface struct {
	widget.BaseWidget
	owner *DragScroll
}

func (s *surface) Dragged(e *fyne.DragEvent) { s.owner.Dragged(e) }
func (s *surface) DragEnd()                  { s.owner.DragEnd() }
func (s *surface) Tapped(e *fyne.PointEvent) { s.owner.Tapped(e) }
func (s *surface) Cursor() desktop.Cursor    { return cursor(s.owner.HideCursor) }
func (s *surface) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
