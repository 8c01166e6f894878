package ink

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/jindu-edu/kiosk/internal/wall"
)

// rasterWidth is the width in pixels of the picture finished strokes are drawn into; it is
// sharp on a 1080p screen and costs one texture.
const rasterWidth = 1400

// padRenderer draws a Pad: paper, guide lines, the picture of finished strokes and, for
// the stroke under the finger, line segments with round joins (kept in a pool so a long
// stroke allocates nothing per move). Refresh catches up with the pen incrementally: a
// finished stroke is rasterised once, a move places one segment and one join.
type padRenderer struct {
	p      *Pad
	paper  *canvas.Rectangle
	guides []*canvas.Line
	pic    *canvas.Image
	img    *image.NRGBA
	live   []fyne.CanvasObject // joins (even) and segments (odd) of the current stroke
	nLive  int                 // how many of live are in use
	objs   []fyne.CanvasObject

	version  int // the pad's version the picture shows
	rastered int // strokes drawn into the picture
	placed   int // points of the current stroke placed as live objects
}

func newPadRenderer(p *Pad) *padRenderer {
	r := &padRenderer{p: p, paper: canvas.NewRectangle(p.Paper), version: -1}
	r.paper.CornerRadius = 18
	guide := color.NRGBA{R: p.Paper.R / 10 * 9, G: p.Paper.G / 10 * 9, B: p.Paper.B / 10 * 9, A: 255}
	for i := 0; i < 3; i++ {
		l := canvas.NewLine(guide)
		l.StrokeWidth = 2
		r.guides = append(r.guides, l)
	}
	r.img = image.NewNRGBA(image.Rect(0, 0, rasterWidth, int(rasterWidth/p.pen.Aspect())))
	r.pic = canvas.NewImageFromImage(r.img)
	r.pic.FillMode = canvas.ImageFillStretch
	r.pic.ScaleMode = canvas.ImageScaleSmooth
	r.objs = []fyne.CanvasObject{r.paper}
	for _, l := range r.guides {
		r.objs = append(r.objs, l)
	}
	r.objs = append(r.objs, r.pic)
	r.Refresh()
	return r
}

func (r *padRenderer) Layout(sz fyne.Size) {
	o, a := r.p.area(sz)
	r.paper.Move(o)
	r.paper.Resize(a)
	r.pic.Move(o)
	r.pic.Resize(a)
	for i, l := range r.guides { // three faint lines to write along
		y := o.Y + a.Height*float32(i+1)/4
		l.Position1 = fyne.NewPos(o.X+a.Width*0.04, y)
		l.Position2 = fyne.NewPos(o.X+a.Width*0.96, y)
	}
	r.placed = 0 // every live object moves with the paper
	r.catchUp()
}

func (r *padRenderer) MinSize() fyne.Size { return fyne.NewSize(320, 320/r.p.pen.Aspect()) }

func (r *padRenderer) Objects() []fyne.CanvasObject {
	return append(r.objs[:len(r.objs):len(r.objs)], r.live[:r.nLive]...)
}

func (r *padRenderer) Destroy() {}

// Refresh brings the picture and the live stroke up to the pen.
func (r *padRenderer) Refresh() {
	if r.paper.FillColor != r.p.Paper {
		r.paper.FillColor = r.p.Paper
		r.paper.Refresh()
	}
	r.catchUp()
	canvas.Refresh(r.p)
}

// finished is the number of strokes the pen has finished.
func (r *padRenderer) finished() int {
	n := r.p.pen.Strokes()
	if r.p.pen.Drawing() {
		n--
	}
	return n
}

func (r *padRenderer) catchUp() {
	width := r.p.Width * rasterWidth
	switch done := r.finished(); {
	case r.version != r.p.version || done < r.rastered: // strokes went away: paint again
		clear(r.img.Pix)
		ink := r.p.pen.Ink()
		wall.Render(r.img, &wall.Ink{Aspect: ink.Aspect, Strokes: ink.Strokes[:done]}, r.p.Colors, width)
		r.version, r.rastered = r.p.version, done
		r.pic.Refresh()
	case done > r.rastered:
		for i := r.rastered; i < done; i++ {
			s := r.p.pen.Stroke(i)
			wall.DrawStroke(r.img, s, r.color(s.Color), width)
		}
		r.rastered = done
		r.pic.Refresh()
	}
	cur := r.p.pen.Current()
	if cur == nil {
		r.nLive, r.placed = 0, 0
		return
	}
	n := len(cur.Points)
	r.grow(2*n - 1)
	if r.placed > n {
		r.placed = 0
	}
	for i := max(r.placed-1, 0); i < n; i++ { // the last placed point gains its segment
		r.placeOne(cur, i)
	}
	r.placed = n
}

func (r *padRenderer) color(c int) color.NRGBA {
	return r.p.Colors[min(max(c, 0), len(r.p.Colors)-1)]
}

// grow makes n live objects available: even ones joins, odd ones segments.
func (r *padRenderer) grow(n int) {
	for len(r.live) < n {
		if len(r.live)%2 == 0 {
			r.live = append(r.live, canvas.NewCircle(color.Black))
		} else {
			r.live = append(r.live, canvas.NewLine(color.Black))
		}
	}
	r.nLive = n
}

// placeOne positions the join of point i and the segment from point i to i+1, if any.
func (r *padRenderer) placeOne(s *wall.Stroke, i int) {
	o, a := r.p.area(r.p.Size())
	w := r.p.Width * a.Width
	c := r.color(s.Color)
	at := func(pt wall.Point) fyne.Position { return fyne.NewPos(o.X+pt.X*a.Width, o.Y+pt.Y*a.Width) }
	j := r.live[2*i].(*canvas.Circle)
	j.FillColor = c
	j.Move(at(s.Points[i]).SubtractXY(w/2, w/2))
	j.Resize(fyne.NewSize(w, w))
	if 2*i+1 < r.nLive && i+1 < len(s.Points) {
		l := r.live[2*i+1].(*canvas.Line)
		l.StrokeColor = c
		l.StrokeWidth = w
		l.Position1, l.Position2 = at(s.Points[i]), at(s.Points[i+1])
	}
}
