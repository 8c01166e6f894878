package ink

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/jindu-edu/kiosk/internal/wall"
)

// rasterWidth is the width in pixels of the picture finished strokes are drawn into; it is
// sharp on a 1080p screen and costs one 1400×1050 texture.
const rasterWidth = 1400

// padRenderer draws a Pad: paper, guide lines, the picture of finished strokes and, for
// the stroke under the finger, line segments with round joins (kept in a pool so a long
// stroke allocates nothing per move).
type padRenderer struct {
	p      *Pad
	paper  *canvas.Rectangle
	guides []*canvas.Line
	pic    *canvas.Image
	img    *image.NRGBA
	live   []fyne.CanvasObject // segments and joins of the current stroke
	nLive  int                 // how many of live are in use
	objs   []fyne.CanvasObject
}

func newPadRenderer(p *Pad) *padRenderer {
	r := &padRenderer{p: p, paper: canvas.NewRectangle(p.Paper)}
	r.paper.CornerRadius = 18
	guide := color.NRGBA{R: p.Paper.R / 10 * 9, G: p.Paper.G / 10 * 9, B: p.Paper.B / 10 * 9, A: 255}
	for i := 0; i < 3; i++ {
		l := canvas.NewLine(guide)
		l.StrokeWidth = 2
		r.guides = append(r.guides, l)
	}
	h := int(rasterWidth / p.pen.Aspect())
	r.img = image.NewNRGBA(image.Rect(0, 0, rasterWidth, h))
	r.pic = canvas.NewImageFromImage(r.img)
	r.pic.FillMode = canvas.ImageFillStretch
	r.pic.ScaleMode = canvas.ImageScaleSmooth
	r.repaint()
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
	r.place()
}

func (r *padRenderer) MinSize() fyne.Size { return fyne.NewSize(320, 320/r.p.pen.Aspect()) }

func (r *padRenderer) Refresh() {
	r.paper.FillColor = r.p.Paper
	r.paper.Refresh()
	r.repaint()
}

func (r *padRenderer) Objects() []fyne.CanvasObject {
	if r.objs == nil {
		r.objs = []fyne.CanvasObject{r.paper}
		for _, l := range r.guides {
			r.objs = append(r.objs, l)
		}
		r.objs = append(r.objs, r.pic)
	}
	return append(r.objs, r.live[:r.nLive]...)
}

func (r *padRenderer) Destroy() {}

func (r *padRenderer) color(c int) color.NRGBA {
	return r.p.Colors[min(max(c, 0), len(r.p.Colors)-1)]
}

// repaint draws every finished stroke into the picture again (after undo, clear or a
// new drawing); a stroke in progress stays vector segments.
func (r *padRenderer) repaint() {
	clear(r.img.Pix)
	ink := r.p.pen.Ink()
	if r.p.pen.Drawing() && len(ink.Strokes) > 0 {
		ink.Strokes = ink.Strokes[:len(ink.Strokes)-1]
	}
	wall.Render(r.img, ink, r.p.Colors, r.p.Width*rasterWidth)
	r.pic.Refresh()
	r.nLive = 0
	if s := r.p.pen.Current(); s != nil {
		r.grow(2*len(s.Points) - 1)
		r.place()
	}
}

// commit draws a finished stroke into the picture and drops its segments.
func (r *padRenderer) commit(s wall.Stroke) {
	wall.DrawStroke(r.img, s, r.color(s.Color), r.p.Width*rasterWidth)
	r.nLive = 0
	r.pic.Refresh()
	canvas.Refresh(r.p)
}

// extend adds the newest point of the current stroke as a segment and a round join.
func (r *padRenderer) extend() {
	s := r.p.pen.Current()
	if s == nil {
		return
	}
	n := len(s.Points)
	r.grow(2*n - 1) // a join per point, a segment between each two
	r.placeOne(s, n-1)
	if n > 1 {
		r.placeOne(s, n-2) // the segment to the new point
	}
	canvas.Refresh(r.p)
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

// place positions every live object (after a resize).
func (r *padRenderer) place() {
	s := r.p.pen.Current()
	if s == nil {
		return
	}
	for i := range s.Points {
		r.placeOne(s, i)
	}
}

// placeOne positions the join of point i and the segment from point i to i+1, if any.
func (r *padRenderer) placeOne(s *wall.Stroke, i int) {
	o, a := r.p.area(r.p.Size())
	w := r.p.Width * a.Width
	c := r.color(s.Color)
	at := func(pt wall.Point) fyne.Position { return fyne.NewPos(o.X+pt.X*a.Width, o.Y+pt.Y*a.Width) }
	if 2*i < r.nLive {
		j := r.live[2*i].(*canvas.Circle)
		j.FillColor = c
		p := at(s.Points[i])
		j.Move(p.SubtractXY(w/2, w/2))
		j.Resize(fyne.NewSize(w, w))
	}
	if 2*i+1 < r.nLive && i+1 < len(s.Points) {
		l := r.live[2*i+1].(*canvas.Line)
		l.StrokeColor = c
		l.StrokeWidth = w
		l.Position1, l.Position2 = at(s.Points[i]), at(s.Points[i+1])
	}
}
