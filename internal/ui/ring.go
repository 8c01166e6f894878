package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// timerRing is a big countdown seen from the back of a class: a ring that empties
// clockwise around the seconds left. It is a few canvas objects updated in place.
type timerRing struct {
	track, left *canvas.Arc
	secs        *canvas.Text
	obj         fyne.CanvasObject
}

// newTimerRing makes a ring of diameter d.
func (s *Shell) newTimerRing(d float32) *timerRing {
	r := &timerRing{
		track: canvas.NewArc(0, 360, 0.8, colorSurfaceHi),
		left:  canvas.NewArc(0, 360, 0.8, colorHeading),
		secs:  s.label("", sizeHeading, true, colorText),
	}
	r.secs.Alignment = fyne.TextAlignCenter
	r.obj = container.NewGridWrap(fyne.NewSize(d, d),
		container.NewStack(r.track, r.left, container.NewCenter(r.secs)))
	return r
}

// set shows secs seconds left of a fraction left in [0,1]; the last five seconds warn.
func (r *timerRing) set(secs int, left float64) {
	end := float32(360 * max(0, min(1, left)))
	c := color.Color(colorHeading)
	if secs <= 5 {
		c = colorText
	}
	if r.left.EndAngle != end || r.left.FillColor != c {
		r.left.EndAngle, r.left.FillColor = end, c
		r.left.Refresh()
	}
	if t := fmt.Sprint(secs); r.secs.Text != t {
		r.secs.Text = t
		r.secs.Refresh()
	}
}
