package panorama

import (
	"image"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/jindu-edu/kiosk/internal/pano"
)

var (
	glowColor  = color.NRGBA{R: 0xFF, G: 0xD5, B: 0x4F, A: 0xD0}
	ringColor  = color.NRGBA{R: 0xFF, G: 0xF3, B: 0xC4, A: 0xFF}
	labelBg    = color.NRGBA{R: 0x0D, G: 0x27, B: 0x47, A: 0xE0}
	labelColor = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}
	emptyColor = color.NRGBA{R: 0x1E, G: 0x3A, B: 0x5F, A: 0xFF}
)

// glowSide is the size of a hotspot's glow; the ring inside it is the tap target's centre.
const glowSide = 190

type spot struct {
	glow  *canvas.RadialGradient
	ring  *canvas.Circle
	bg    *canvas.Rectangle
	label *canvas.Text
	objs  [4]fyne.CanvasObject // the four above, for showing and hiding them together
}

// renderer draws the projected strip into one of two buffers: full resolution when the
// view is still or turning slowly, half resolution (a quarter of the pixels, scaled up by
// the GPU) while a finger or a flick moves it. The buffers and the projection tables are
// made on resize only, so a frame allocates nothing.
type renderer struct {
	p     *Panorama
	empty *canvas.Rectangle
	img   *canvas.Image
	spots []spot
	objs  []fyne.CanvasObject

	size  fyne.Size
	scale float32
	proj  *pano.Projector // full resolution
	projH *pano.Projector // half resolution
	full  *image.RGBA
	halfB *image.RGBA
	half  bool // the frame on screen is a half-resolution one
}

func newRenderer(p *Panorama) *renderer {
	r := &renderer{p: p, scale: 1}
	r.empty = canvas.NewRectangle(emptyColor)
	r.img = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleFastest}
	r.objs = []fyne.CanvasObject{r.empty, r.img}
	for _, h := range p.Hotspots {
		s := spot{
			glow:  canvas.NewRadialGradient(glowColor, color.Transparent),
			ring:  canvas.NewCircle(color.Transparent),
			bg:    canvas.NewRectangle(labelBg),
			label: canvas.NewText(h.Label, labelColor),
		}
		s.ring.StrokeColor, s.ring.StrokeWidth = ringColor, 6
		s.bg.CornerRadius = 24
		s.label.TextSize = theme.TextSize() * 1.6
		s.label.TextStyle.Bold = true
		s.objs = [4]fyne.CanvasObject{s.glow, s.ring, s.bg, s.label}
		r.spots = append(r.spots, s)
		r.objs = append(r.objs, s.objs[:]...)
	}
	return r
}

func (r *renderer) Layout(size fyne.Size) {
	r.empty.Resize(size)
	r.img.Resize(size)
	if size != r.size {
		r.size = size
		r.rebuild()
	}
	r.draw(false)
}

// rebuild makes the tables and buffers for the current size and strip.
func (r *renderer) rebuild() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.p); c != nil && c.Scale() > 0 {
		r.scale = c.Scale()
	}
	w, h := int(r.size.Width*r.scale), int(r.size.Height*r.scale)
	if r.p.strip == nil || w < 2 || h < 2 {
		r.proj = nil
		return
	}
	sw, sh := r.p.strip.Size()
	r.proj = pano.NewProjector(w, h, sw, sh)
	r.projH = pano.NewProjector(w/2, h/2, sw, sh)
	r.full = image.NewRGBA(image.Rect(0, 0, w, h))
	r.halfB = image.NewRGBA(image.Rect(0, 0, w/2, h/2))
}

// release drops the projection tables and the frame buffers; the next layout makes them
// again.
func (r *renderer) release() {
	r.proj, r.projH, r.full, r.halfB = nil, nil, nil, nil
	r.img.Image = nil
	r.size = fyne.Size{}
}

// draw renders a frame and moves the hotspots to where they now appear.
func (r *renderer) draw(half bool) {
	if r.proj == nil || r.p.strip == nil {
		r.empty.Show()
		for _, s := range r.spots {
			for _, o := range s.objs {
				o.Hide()
			}
		}
		return
	}
	if r.empty.Visible() { // under the picture it would only cost the rasteriser a screenful
		r.empty.Hide()
	}
	start := time.Now()
	yaw := r.p.motion.Yaw()
	if half {
		r.projH.Render(r.halfB, r.p.strip, yaw)
		r.img.Image = r.halfB
	} else {
		r.proj.Render(r.full, r.p.strip, yaw)
		r.img.Image = r.full
	}
	r.half = half
	r.img.Refresh()
	for i, h := range r.p.Hotspots {
		r.place(&r.spots[i], r.project(h))
	}
	st := &r.p.stats
	d := time.Since(start)
	st.Frames++
	if half {
		st.HalfFrames++
	}
	st.Total += d
	st.Max = max(st.Max, d)
}

// project is where a hotspot appears, in widget coordinates (off the view when behind).
func (r *renderer) project(h Hotspot) fyne.Position {
	pt := r.proj.Project(h.Yaw, h.Pitch, r.p.motion.Yaw())
	if !pt.Visible {
		return fyne.NewPos(-1000, -1000)
	}
	return fyne.NewPos(float32(pt.X)/r.scale, float32(pt.Y)/r.scale)
}

// place puts a hotspot's glow, ring and label at pos. It only moves them (Move repaints):
// a Refresh would make Fyne draw the glow's gradient and rasterise the label again, on the
// UI thread, every frame.
func (r *renderer) place(s *spot, pos fyne.Position) {
	if pos.X < -glowSide || pos.X > r.size.Width+glowSide {
		for _, o := range s.objs {
			if o.Visible() {
				o.Hide()
			}
		}
		return
	}
	s.glow.Resize(fyne.NewSize(glowSide, glowSide))
	s.glow.Move(pos.SubtractXY(glowSide/2, glowSide/2))
	ring := float32(96)
	s.ring.Resize(fyne.NewSize(ring, ring))
	s.ring.Move(pos.SubtractXY(ring/2, ring/2))
	ls := s.label.MinSize()
	bg := fyne.NewSize(ls.Width+40, ls.Height+16)
	top := pos.Y + ring/2 + 12
	if top+bg.Height > r.size.Height { // near the bottom edge: the label goes above
		top = pos.Y - ring/2 - 12 - bg.Height
	}
	top = max(0, min(top, r.size.Height-bg.Height))
	// The label stays whole inside the view, sliding along its edge.
	left := max(0, min(pos.X-bg.Width/2, r.size.Width-bg.Width))
	s.bg.Resize(bg)
	s.bg.Move(fyne.NewPos(left, top))
	s.label.Resize(ls)
	s.label.Move(fyne.NewPos(left+20, top+8))
	inView := pos.X >= 0 && pos.X <= r.size.Width
	for i, o := range s.objs {
		show := inView || i < 2 // the label (bg, text) only while the centre is in view
		if show && !o.Visible() {
			o.Show()
		} else if !show && o.Visible() {
			o.Hide()
		}
	}
}

func (r *renderer) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

func (r *renderer) Refresh() {
	for i, h := range r.p.Hotspots {
		if i < len(r.spots) && r.spots[i].label.Text != h.Label {
			r.spots[i].label.Text = h.Label
			r.spots[i].label.Refresh()
		}
	}
	r.draw(false)
}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *renderer) Destroy() { r.p.Stop() }
