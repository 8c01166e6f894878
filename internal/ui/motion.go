package ui

import (
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Motion is cheap on purpose: a few canvas objects moved, resized or recoloured by
// fyne.Animation, started once the new screen is already drawn, so that an animation
// never delays a tap. Every animation ends where the still layout is (Fyne's test driver
// jumps straight to the end, so tests see the final state), and a navigation stops them.

// animate starts an animation that the next navigation stops.
func (s *Shell) animate(d time.Duration, curve fyne.AnimationCurve, tick func(p float32)) *fyne.Animation {
	a := fyne.NewAnimation(d, tick)
	if curve != nil {
		a.Curve = curve
	}
	s.anims = append(s.anims, a)
	a.Start()
	return a
}

// stopMotion ends the running animations (the screen they move is going away).
func (s *Shell) stopMotion() {
	for _, a := range s.anims {
		a.Stop()
	}
	s.anims = nil
}

// confettiColors are the palette's warm and team colours.
var confettiColors = []color.NRGBA{hex("#F5B94A"), hex("#E69F00"), hex("#56B4E9"), hex("#009E73"), hex("#CC79A7"), hex("#F3EEE6")}

// confetti is a layer of paper pieces that fall once across the screen and are gone: the
// celebration at the end of a quiz. It draws nothing once it has fallen.
type confetti struct {
	layer  *fyne.Container
	pieces []*canvas.Rectangle
}

// celebrate lays confetti over body and lets it fall (about three seconds).
func (s *Shell) celebrate(body fyne.CanvasObject) (fyne.CanvasObject, *confetti) {
	c := &confetti{layer: container.NewWithoutLayout()}
	for i := 0; i < 36; i++ {
		r := canvas.NewRectangle(confettiColors[i%len(confettiColors)])
		r.CornerRadius = 3
		w := float32(10 + (i*7)%10)
		r.Resize(fyne.NewSize(w, w*1.6))
		r.Move(fyne.NewPos(-100, -100))
		c.pieces = append(c.pieces, r)
		c.layer.Add(r)
	}
	s.animate(3*time.Second, fyne.AnimationLinear, c.fall)
	return container.NewStack(body, c.layer), c
}

// fall places every piece at progress p: each starts at its own moment and column, sways
// as it falls, and is hidden at the end.
func (c *confetti) fall(p float32) {
	size := c.layer.Size()
	for i, r := range c.pieces {
		if p >= 1 {
			r.Hide()
			continue
		}
		// A fixed spread from the index: the same celebration every time, no random state.
		start := float32((i*37)%100) / 250 // starts within the first 0.4
		t := (p - start) / (1 - start)
		if t <= 0 {
			r.Move(fyne.NewPos(-100, -100))
			continue
		}
		col := float32((i*53)%97) / 97
		sway := float32(math.Sin(float64(t)*8+float64(i))) * 30
		r.Move(fyne.NewPos(col*size.Width+sway, -40+t*(size.Height+80)))
	}
	c.layer.Refresh()
}

// fallen reports whether the confetti has gone (for tests).
func (c *confetti) fallen() bool {
	for _, r := range c.pieces {
		if r.Visible() {
			return false
		}
	}
	return true
}

// popIn grows texts one after another to their size: stars coming on.
func (s *Shell) popIn(texts []*canvas.Text, each time.Duration) {
	full := make([]float32, len(texts))
	for i, t := range texts {
		full[i] = t.TextSize
	}
	n := float32(len(texts))
	s.animate(time.Duration(len(texts))*each, fyne.AnimationEaseOut, func(p float32) {
		for i, t := range texts {
			k := min(1, max(0, p*n-float32(i))) // this star's own progress
			if sz := full[i] * (0.2 + 0.8*k); t.TextSize != sz {
				t.TextSize = sz
				t.Refresh()
			}
		}
	})
}

// slideDistance is how far a new page travels as it slides in, and slideTime how long.
// The slide is a nudge that says which way the story went, over within the two frames of
// a bare window that issue 8 gives a tap to settle (a 250 ms slide kept the screen
// moving for four of them).
const (
	slideDistance = 120
	slideTime     = 56 * time.Millisecond
)

// slideIn returns page in a holder that slides it in from the side it comes from (dir +1:
// from the right, as the next page), fast at first and easing into place. The holder lays
// the page out where the slide has got to, from the very first frame (a page moved after
// its layout jumped back to rest for a frame whenever the canvas laid it out again), at
// whole pixels, so that the last moments of the slide, under half a pixel from rest, are
// not frames at all. Taps land on the page throughout.
func (s *Shell) slideIn(page fyne.CanvasObject, dir int) fyne.CanvasObject {
	l := &slideLayout{dx: float32(dir) * slideDistance}
	holder := container.New(l, page)
	scale := s.pixelScale()
	s.animate(slideTime, fyne.AnimationLinear, func(p float32) {
		q := (1 - p) * (1 - p)
		rest := q * q // quartic ease-out: the distance still to go
		dx := float32(math.Round(float64(float32(dir)*slideDistance*rest*scale))) / scale
		if dx != l.dx {
			l.dx = dx
			l.Layout(holder.Objects, holder.Size())
		}
	})
	return holder
}

// slideLayout lays its one object out over its whole size, dx to the right.
type slideLayout struct{ dx float32 }

func (l *slideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(l.dx, 0))
	}
}

func (l *slideLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

// flipIn turns a card over onto face: the card's back (amber, with a question mark)
// narrows to its middle edge-on and the face is revealed, as a card turned by hand. Only
// the back is drawn and moved; the face underneath is laid out and tappable at once.
func (s *Shell) flipIn(face fyne.CanvasObject) fyne.CanvasObject {
	back := canvas.NewRectangle(colorHeading)
	back.CornerRadius = 24
	mark := s.label("?", sizeDisplay, true, colorBg)
	fl := &flipLayout{}
	layer := container.New(fl, back, mark)
	s.animate(400*time.Millisecond, fyne.AnimationEaseIn, func(p float32) {
		fl.p = p
		layer.Refresh()
	})
	return container.NewStack(face, layer)
}

// flipLayout places a card's back at turning progress p: full width at 0, edge-on (gone)
// at 1. It is a layout so that the very first frame already covers the face.
type flipLayout struct{ p float32 }

func (f *flipLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	back, mark := objs[0], objs[1]
	if f.p >= 1 {
		back.Hide()
		mark.Hide()
		return
	}
	w := size.Width * (1 - f.p)
	back.Resize(fyne.NewSize(w, size.Height))
	back.Move(fyne.NewPos((size.Width-w)/2, 0))
	ms := mark.MinSize()
	mark.Resize(ms)
	mark.Move(fyne.NewPos((size.Width-ms.Width)/2, (size.Height-ms.Height)/2))
	if ms.Width > w {
		mark.Hide()
	}
}

func (f *flipLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// fadeIn shows page rising out of the background: a veil of the background colour over it
// clears in 0.8 s. Used between attract slides, where no tap is waiting.
func (s *Shell) fadeIn(page fyne.CanvasObject) fyne.CanvasObject {
	veil := canvas.NewRectangle(colorBg)
	s.animate(800*time.Millisecond, fyne.AnimationEaseInOut, func(p float32) {
		if p >= 1 {
			veil.Hide()
			return
		}
		veil.FillColor = withAlpha(colorBg, uint8(255*(1-p)))
		veil.Refresh()
	})
	return container.NewStack(page, veil)
}
