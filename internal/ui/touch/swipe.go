package touch

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// SwipeThreshold is how far a horizontal drag must travel to count as a swipe.
const SwipeThreshold = 80

// Swipe wraps content and reports horizontal swipes: OnSwipe(+1) for a swipe to the left
// (next page), OnSwipe(-1) for a swipe to the right (previous page).
type Swipe struct {
	widget.BaseWidget
	Content fyne.CanvasObject
	OnSwipe func(dir int)
	OnTap   func()
	// HideCursor hides the pointer over the widget.
	HideCursor bool
	dx, dy     float32
}

// Cursor is hidden on kiosks.
func (s *Swipe) Cursor() desktop.Cursor { return cursor(s.HideCursor) }

func cursor(hidden bool) desktop.Cursor {
	if hidden {
		return desktop.HiddenCursor
	}
	return desktop.DefaultCursor
}

// NewSwipe wraps content.
func NewSwipe(content fyne.CanvasObject, onSwipe func(dir int)) *Swipe {
	s := &Swipe{Content: content, OnSwipe: onSwipe}
	s.ExtendBaseWidget(s)
	return s
}

// Dragged accumulates the drag.
func (s *Swipe) Dragged(e *fyne.DragEvent) {
	s.dx += e.Dragged.DX
	s.dy += e.Dragged.DY
}

// DragEnd decides whether the drag was a horizontal swipe.
func (s *Swipe) DragEnd() {
	dx, dy := s.dx, s.dy
	s.dx, s.dy = 0, 0
	if abs(dx) < SwipeThreshold || abs(dx) < 2*abs(dy) || s.OnSwipe == nil {
		return
	}
	if dx < 0 {
		s.OnSwipe(+1)
	} else {
		s.OnSwipe(-1)
	}
}

// Tapped lets a tap on the swipe area count as visitor activity.
func (s *Swipe) Tapped(*fyne.PointEvent) {
	if s.OnTap != nil {
		s.OnTap()
	}
}

// CreateRenderer draws the content.
func (s *Swipe) CreateRenderer() fyne.WidgetRenderer { return &contentRenderer{content: s.Content} }

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
