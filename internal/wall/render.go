package wall

import (
	"image"
	"image/color"
	"math"
)

// Render draws ink onto dst, scaled to dst's width, with smooth strokes width pixels wide
// in the given colours (indexed by Stroke.Color). It costs time in proportion to the
// stroke length, not the picture size, and is used once per card: the wall never redraws
// a drawing per frame.
func Render(dst *image.NRGBA, ink *Ink, colors []color.NRGBA, width float32) {
	if ink == nil {
		return
	}
	for _, s := range ink.Strokes {
		DrawStroke(dst, s, colors[min(max(s.Color, 0), len(colors)-1)], width)
	}
}

// DrawStroke draws one stroke onto dst: quadratic curves through the midpoints of its
// points (a smooth line from a jittery finger), stamped with soft-edged discs.
func DrawStroke(dst *image.NRGBA, s Stroke, c color.NRGBA, width float32) {
	scale := float32(dst.Rect.Dx())
	pts := make([][2]float32, len(s.Points))
	for i, p := range s.Points {
		pts[i] = [2]float32{p.X * scale, p.Y * scale}
	}
	r := max(width/2, 0.75)
	switch len(pts) {
	case 0:
		return
	case 1, 2:
		stamp(dst, pts[0], r, c)
		if len(pts) == 2 {
			segment(dst, pts[0], pts[1], r, c)
		}
		return
	}
	from := pts[0]
	for i := 1; i < len(pts)-1; i++ {
		to := mid(pts[i], pts[i+1])
		curve(dst, from, pts[i], to, r, c)
		from = to
	}
	segment(dst, from, pts[len(pts)-1], r, c)
}

func mid(a, b [2]float32) [2]float32 { return [2]float32{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2} }

func dist(a, b [2]float32) float32 {
	return float32(math.Hypot(float64(a[0]-b[0]), float64(a[1]-b[1])))
}

// curve stamps a quadratic Bézier from a to b with control point c.
func curve(dst *image.NRGBA, a, ctl, b [2]float32, r float32, c color.NRGBA) {
	n := int((dist(a, ctl)+dist(ctl, b))/(r*0.5)) + 1
	for i := 0; i <= n; i++ {
		t := float32(i) / float32(n)
		u := 1 - t
		p := [2]float32{u*u*a[0] + 2*u*t*ctl[0] + t*t*b[0], u*u*a[1] + 2*u*t*ctl[1] + t*t*b[1]}
		stamp(dst, p, r, c)
	}
}

func segment(dst *image.NRGBA, a, b [2]float32, r float32, c color.NRGBA) {
	n := int(dist(a, b)/(r*0.5)) + 1
	for i := 0; i <= n; i++ {
		t := float32(i) / float32(n)
		stamp(dst, [2]float32{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t}, r, c)
	}
}

// stamp draws a disc of radius r at p with a one-pixel soft edge, keeping the most opaque
// coverage where stamps overlap (so a stroke has no darker beads along it).
func stamp(dst *image.NRGBA, p [2]float32, r float32, c color.NRGBA) {
	b := dst.Rect
	x0, x1 := max(int(p[0]-r-1), b.Min.X), min(int(p[0]+r+2), b.Max.X)
	y0, y1 := max(int(p[1]-r-1), b.Min.Y), min(int(p[1]+r+2), b.Max.Y)
	for y := y0; y < y1; y++ {
		dy := float32(y) + 0.5 - p[1]
		for x := x0; x < x1; x++ {
			dx := float32(x) + 0.5 - p[0]
			d := float32(math.Sqrt(float64(dx*dx+dy*dy))) - r
			if d >= 0.5 {
				continue
			}
			cov := min(1, 0.5-d)
			a := uint8(float32(c.A) * cov)
			i := dst.PixOffset(x, y)
			px := dst.Pix[i : i+4 : i+4]
			if a <= px[3] && px[0] == c.R && px[1] == c.G && px[2] == c.B {
				continue
			}
			if px[3] == 0 || a == c.A {
				px[0], px[1], px[2], px[3] = c.R, c.G, c.B, max(a, sameOr(px, c))
				continue
			}
			// Over another colour: blend.
			fa := float32(a) / 255
			px[0] = uint8(float32(c.R)*fa + float32(px[0])*(1-fa))
			px[1] = uint8(float32(c.G)*fa + float32(px[1])*(1-fa))
			px[2] = uint8(float32(c.B)*fa + float32(px[2])*(1-fa))
			px[3] = max(px[3], a)
		}
	}
}

// sameOr is the pixel's alpha if it already has colour c, else 0.
func sameOr(px []uint8, c color.NRGBA) uint8 {
	if px[0] == c.R && px[1] == c.G && px[2] == c.B {
		return px[3]
	}
	return 0
}
