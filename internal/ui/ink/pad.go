// Package ink is the finger-ink canvas of the message wall: a Fyne widget that turns drags
// into smooth strokes (wall.Pen) in a few ink colours, with undo and clear. Finished
// strokes are rasterised once into a picture; only the stroke under the finger is drawn
// as vector segments, so a frame costs the same however much is already written.
package ink

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/wall"
)

// Pad is the ink canvas widget. It keeps the aspect of its pen: the writing area is the
// largest rectangle of that aspect centred in the widget.
type Pad struct {
	widget.BaseWidget
	pen *wall.Pen
	// Colors are the inks, indexed by a stroke's colour (wall.InkColors of them).
	Colors []color.NRGBA
	// Paper is the colour of the writing area.
	Paper color.NRGBA
	// Ink is the colour new strokes use, an index into Colors.
	Ink int
	// Width is the stroke width as a fraction of the writing area's width.
	Width float32
	// OnChanged runs after a stroke ends, an undo or a clear.
	OnChanged func()
	// HideCursor hides the pointer (touchscreens).
	HideCursor bool

	// version counts the changes that take strokes away (undo, clear, a new drawing): the
	// renderer then paints the picture again instead of adding to it.
	version int
}

// NewPad makes an empty canvas of the given aspect (width over height).
func NewPad(aspect float32, colors []color.NRGBA, paper color.NRGBA) *Pad {
	p := &Pad{pen: wall.NewPen(aspect), Colors: colors, Paper: paper, Width: 0.012}
	p.ExtendBaseWidget(p)
	return p
}

// Drawing is a copy of what is written.
func (p *Pad) Drawing() *wall.Ink { return p.pen.Ink() }

// Empty reports a canvas with nothing on it.
func (p *Pad) Empty() bool { return p.pen.Strokes() == 0 }

// Full reports that the drawing reached its bounds: more strokes are not taken.
func (p *Pad) Full() bool { return p.pen.Full() }

// Undo removes the last stroke.
func (p *Pad) Undo() {
	if p.pen.Undo() {
		p.redraw()
	}
}

// Clear removes every stroke.
func (p *Pad) Clear() {
	p.pen.Clear()
	p.redraw()
}

// SetDrawing replaces the drawing (a redraw after a language change keeps it).
func (p *Pad) SetDrawing(k *wall.Ink) {
	p.pen = wall.NewPen(p.pen.Aspect())
	if k != nil {
		for _, s := range k.Strokes {
			if len(s.Points) == 0 || !p.pen.Begin(s.Points[0], s.Color) {
				continue
			}
			for _, pt := range s.Points[1:] {
				p.pen.Move(pt)
			}
			p.pen.End()
		}
	}
	p.version++
	p.Refresh()
}

func (p *Pad) redraw() {
	p.version++
	p.Refresh()
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

// area is the writing rectangle inside a widget of size sz.
func (p *Pad) area(sz fyne.Size) (fyne.Position, fyne.Size) {
	a := p.pen.Aspect()
	w, h := sz.Width, sz.Width/a
	if h > sz.Height {
		h, w = sz.Height, sz.Height*a
	}
	return fyne.NewPos((sz.Width-w)/2, (sz.Height-h)/2), fyne.NewSize(w, h)
}

// point converts a widget position to canvas coordinates.
func (p *Pad) point(pos fyne.Position) wall.Point {
	o, sz := p.area(p.Size())
	if sz.Width <= 0 {
		return wall.Point{}
	}
	return wall.Point{X: (pos.X - o.X) / sz.Width, Y: (pos.Y - o.Y) / sz.Width}
}

// MouseDown starts a stroke where the finger lands (before any drag is reported).
func (p *Pad) MouseDown(e *desktop.MouseEvent) { p.begin(e.Position) }

// MouseUp ends a stroke; a touch without a drag leaves a dot.
func (p *Pad) MouseUp(*desktop.MouseEvent) { p.end() }

// Tapped leaves a dot (drivers that report a tap without a mouse press).
func (p *Pad) Tapped(e *fyne.PointEvent) {
	if !p.pen.Drawing() {
		p.begin(e.Position)
		p.end()
	}
}

// Dragged extends the stroke.
func (p *Pad) Dragged(e *fyne.DragEvent) {
	if !p.pen.Drawing() {
		p.begin(e.Position.Subtract(e.Dragged))
	}
	if p.pen.Move(p.point(e.Position)) {
		p.Refresh()
	}
}

// DragEnd ends the stroke.
func (p *Pad) DragEnd() { p.end() }

// Cursor is hidden on kiosks.
func (p *Pad) Cursor() desktop.Cursor {
	if p.HideCursor {
		return desktop.HiddenCursor
	}
	return desktop.CrosshairCursor
}

func (p *Pad) begin(pos fyne.Position) {
	if p.pen.Drawing() {
		return
	}
	if p.pen.Begin(p.point(pos), p.Ink) {
		p.Refresh()
	}
}

func (p *Pad) end() {
	if !p.pen.Drawing() {
		return
	}
	p.pen.End()
	p.Refresh()
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

// CreateRenderer draws the paper, the finished strokes and the stroke in progress.
func (p *Pad) CreateRenderer() fyne.WidgetRenderer {
	return newPadRenderer(p)
}
