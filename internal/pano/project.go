// Package pano draws a 360° panorama strip as a camera inside a cylinder sees it, and
// moves that camera the way a finger does (drag, inertia after a flick, a slow turn when
// nobody touches it). It is the Fyne-free core of the 情景体验 panorama widget: the
// projection is computed once per view size into lookup tables, so a frame is one table
// walk over a pre-scaled strip with no allocation.
//
// Geometry: the strip is the unrolled wall of a cylinder of radius R = stripW / 2π strip
// pixels. A direction (yaw, pitch) lies on the strip at column yaw/360·stripW and row
// stripH/2 − tan(pitch)·R. A view of w×h pixels with focal length f sees, at view pixel
// (x, y) measured from its centre, the strip column yaw + atan(x/f)·R and the row
// stripH/2 + y·R/√(x²+f²).
package pano

import (
	"encoding/binary"
	"image"
	"image/draw"
	"math"
)

// Strip is a panorama in memory: RGBA pixels whose left and right edges meet.
type Strip struct {
	img *image.RGBA
}

// NewStrip copies img into a strip (its pixels as RGBA, read row by row per frame).
func NewStrip(img image.Image) *Strip {
	if rgba, ok := img.(*image.RGBA); ok && rgba.Rect.Min == (image.Point{}) {
		return &Strip{img: rgba}
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, img, b.Min, draw.Src)
	return &Strip{img: dst}
}

// Size is the strip's width and height in pixels.
func (s *Strip) Size() (w, h int) { return s.img.Rect.Dx(), s.img.Rect.Dy() }

// MaxFOV is the widest horizontal field of view a projector uses, in degrees: wider looks
// like a fish-eye on a flat screen.
const MaxFOV = 100

// fixed-point shift for the row step
const fix = 16

// Projector maps a view of one size onto a strip of one size. Build one per view size;
// Render reuses its tables, so drawing a frame allocates nothing.
type Projector struct {
	w, h           int
	stripW, stripH int
	f, r           float64 // focal length (view px), cylinder radius (strip px)
	colOff         []float64
	rowStep        []int64 // strip rows per view row, per view column, in 1/2^fix
	col            []int   // strip column per view column for the frame being drawn
}

// NewProjector builds the tables for a w×h view of a stripW×stripH strip. The horizontal
// field of view is MaxFOV degrees, narrowed when the strip is not tall enough to fill the
// view's height (portrait screens).
func NewProjector(w, h, stripW, stripH int) *Projector {
	w, h = max(w, 1), max(h, 1)
	p := &Projector{w: w, h: h, stripW: max(stripW, 1), stripH: max(stripH, 1)}
	p.r = float64(p.stripW) / (2 * math.Pi)
	f := float64(w) / 2 / math.Tan(MaxFOV/2*math.Pi/180)
	// The strip covers heights ±(stripH/2)/R on the unit cylinder; the view's centre
	// column must not see past them (2% margin).
	maxTan := float64(p.stripH) / 2 / p.r * 0.98
	f = max(f, float64(h)/2/maxTan)
	p.f = f
	p.colOff = make([]float64, w)
	p.rowStep = make([]int64, w)
	p.col = make([]int, w)
	for x := range w {
		sx := float64(x) + 0.5 - float64(w)/2
		p.colOff[x] = math.Atan2(sx, f) * p.r
		p.rowStep[x] = int64(p.r / math.Hypot(sx, f) * (1 << fix))
	}
	return p
}

// Size is the view size the projector was built for.
func (p *Projector) Size() (w, h int) { return p.w, p.h }

// FOV is the horizontal field of view in degrees.
func (p *Projector) FOV() float64 { return 2 * math.Atan(float64(p.w)/2/p.f) * 180 / math.Pi }

// Render draws the view looking at yaw (degrees) into dst, which must be w×h. Rows of the
// view that fall outside the strip repeat its top or bottom row.
func (p *Projector) Render(dst *image.RGBA, s *Strip, yaw float64) {
	sw, sh := s.Size()
	if sw != p.stripW || sh != p.stripH || dst.Rect.Dx() != p.w || dst.Rect.Dy() != p.h {
		return // built for another size: the widget rebuilds before the next frame
	}
	base := yaw / 360 * float64(sw)
	for x := range p.w {
		c := int(math.Floor(base + p.colOff[x]))
		c %= sw
		if c < 0 {
			c += sw
		}
		p.col[x] = c * 4
	}
	src := s.img.Pix
	stride := s.img.Stride
	cy2 := int64(sh) << fix // the strip's middle row, in 1/2^(fix+1)
	last := int64(sh - 1)
	for y := range p.h {
		d2 := int64(2*y + 1 - p.h) // twice the view row's distance from the centre
		out := dst.Pix[y*dst.Stride : y*dst.Stride+p.w*4]
		for x, c := range p.col {
			r := (cy2 + d2*p.rowStep[x]) >> (fix + 1)
			if r < 0 {
				r = 0
			} else if r > last {
				r = last
			}
			// one 32-bit load and store per pixel
			binary.NativeEndian.PutUint32(out[x*4:], binary.NativeEndian.Uint32(src[int(r)*stride+c:]))
		}
	}
}

// Point is where a direction appears in the view, in view pixels from its top left;
// Visible is false when it lies behind the camera or outside the view.
type Point struct {
	X, Y    float64
	Visible bool
}

// Project is where the direction (yaw, pitch), in degrees, appears in a view looking at
// viewYaw.
func (p *Projector) Project(yaw, pitch, viewYaw float64) Point {
	theta := wrap180(yaw-viewYaw) * math.Pi / 180
	if math.Abs(theta) >= math.Pi/2 {
		return Point{}
	}
	sx := p.f * math.Tan(theta)
	sy := -math.Tan(pitch*math.Pi/180) * math.Hypot(sx, p.f)
	x, y := sx+float64(p.w)/2, sy+float64(p.h)/2
	vis := x >= 0 && x <= float64(p.w) && y >= 0 && y <= float64(p.h)
	return Point{X: x, Y: y, Visible: vis}
}

// Direction is the yaw and pitch (degrees) seen at view pixel (x, y) when looking at
// viewYaw: the inverse of Project.
func (p *Projector) Direction(x, y, viewYaw float64) (yaw, pitch float64) {
	sx, sy := x-float64(p.w)/2, y-float64(p.h)/2
	yaw = wrap360(viewYaw + math.Atan2(sx, p.f)*180/math.Pi)
	pitch = -math.Atan(sy/math.Hypot(sx, p.f)) * 180 / math.Pi
	return yaw, pitch
}

// StripPoint is the strip pixel (column, row) a direction lies at.
func (p *Projector) StripPoint(yaw, pitch float64) (col, row float64) {
	return wrap360(yaw) / 360 * float64(p.stripW), float64(p.stripH)/2 - math.Tan(pitch*math.Pi/180)*p.r
}

// PixelsPerDegree is how far the view moves, in view pixels at its centre, per degree of
// yaw: a drag of that many pixels turns the view by one degree.
func (p *Projector) PixelsPerDegree() float64 { return p.f * math.Pi / 180 }

// StripWidthFor is the strip width at which a view of width w shows the strip at about one
// strip pixel per view pixel at its centre: the size to scale a strip down to.
func StripWidthFor(w, h, stripW, stripH int) int {
	p := NewProjector(w, h, stripW, stripH)
	return int(math.Ceil(2 * math.Pi * p.f))
}

func wrap360(d float64) float64 {
	d = math.Mod(d, 360)
	if d < 0 {
		d += 360
	}
	return d
}

func wrap180(d float64) float64 {
	d = wrap360(d)
	if d > 180 {
		d -= 360
	}
	return d
}
