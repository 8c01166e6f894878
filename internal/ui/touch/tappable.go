package touch

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Tappable makes any canvas object respond to taps. MinHeight enforces the touch-target
// size of the touch UX rules.
type Tappable struct {
	widget.BaseWidget
	Content   fyne.CanvasObject
	OnTapped  func()
	MinHeight float32
	MinWidth  float32
	// HideCursor hides the pointer over the widget (touchscreen kiosks).
	HideCursor bool
}

// Cursor is hidden on kiosks.
func (t *Tappable) Cursor() desktop.Cursor { return cursor(t.HideCursor) }

// NewTappable wraps content.
func NewTappable(content fyne.CanvasObject, onTapped func()) *Tappable {
	t := &Tappable{Content: content, OnTapped: onTapped}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs OnTapped.
func (t *Tappable) Tapped(*fyne.PointEvent) {
	if t.OnTapped != nil {
		t.OnTapped()
	}
}

// MinSize is the content's, raised to the minimum target size.
func (t *Tappable) MinSize() fyne.Size {
	s := t.BaseWidget.MinSize()
	return fyne.NewSize(max(s.Width, t.MinWidth), max(s.Height, t.MinHeight))
}

// CreateRenderer draws the content.
func (t *Tappable) CreateRenderer() fyne.WidgetRenderer {
	return &contentRenderer{content: t.Content}
}
