package mirror

import (
	"image"
	"math"
)

// Guide is the face oval the screen draws (请把脸放进框里), in frame pixels: the effect is
// drawn inside it. Without a face detector (none that builds here is served by the module
// proxy) the guide is the design: the visitor puts the face where the change is drawn.
var Guide = Oval{CX: FrameW / 2, CY: FrameH/2 - 4, RX: 118, RY: 158}

// Oval is an axis-aligned ellipse.
type Oval struct{ CX, CY, RX, RY float64 }

// Variant is the drug whose long-term look the effect draws.
type Variant int

const (
	// Meth leans on sores and scratching, damaged teeth, hollow cheeks.
	Meth Variant = iota
	// Heroin leans on pallor and emaciation.
	Heroin
)

// Params says how strong the change is: Years 0 (now), 1, 3 or 5; Soft is the primary-school
// version (pallor and tiredness only: no sores, no teeth).
type Params struct {
	Years   int
	Variant Variant
	Soft    bool
}

// severity maps years to 0..1.
func (p Params) severity() float64 {
	switch {
	case p.Years <= 0:
		return 0
	case p.Years == 1:
		return 0.35
	case p.Years <= 3:
		return 0.7
	default:
		return 1
	}
}

// Effect draws the change into frames. What depends only on where a pixel is in the oval
// (feathering, the shadows, the sores, the mouth) is worked out once, so a frame costs a
// few multiplications per face pixel and no allocation. Not safe for concurrent use (the
// station runs one).
type Effect struct {
	o     Oval
	cells []cell
}

// cell is one pixel inside the oval.
type cell struct {
	x, y  int
	w     float32 // 1 inside, falling to 0 at the feathered edge
	dark  float32 // eye and cheek shadow at full strength, before the cap
	sore  float32 // 0..1: on a sore
	teeth float32 // 0..1: in the mouth
	ramp  float32 // 0 above the eyes … 1 at the chin: how much the face narrows
}

type spot struct{ x, y, r float64 }

// NewEffect makes the effect for the face oval o.
func NewEffect(o Oval) *Effect {
	e := &Effect{o: o}
	spots := soreSpots()
	for y := int(o.CY - o.RY); y <= int(o.CY+o.RY); y++ {
		ny := (float64(y) - o.CY) / o.RY // -1 top … 1 chin
		for x := int(o.CX - o.RX); x <= int(o.CX+o.RX); x++ {
			nx := (float64(x) - o.CX) / o.RX
			d := nx*nx + ny*ny
			if d >= 1 {
				continue
			}
			c := cell{x: x, y: y, w: 1}
			if d > 0.72 { // feather the last part of the oval
				c.w = float32((1 - d) / 0.28)
			}
			var dark float64
			for _, ex := range [2]float64{-0.36, 0.36} { // dark circles, sunken eyes
				dx, dy := (nx-ex)/0.26, (ny+0.06)/0.12
				if q := dx*dx + dy*dy; q < 1 {
					dark += 0.45 * (1 - q)
				}
			}
			for _, cx := range [2]float64{-0.55, 0.55} { // hollow cheeks
				dx, dy := (nx-cx)/0.25, (ny-0.28)/0.3
				if q := dx*dx + dy*dy; q < 1 {
					dark += 0.3 * (1 - q)
				}
			}
			c.dark = float32(dark + 0.08) // tiredness: the whole face a little darker
			for _, sp := range spots {
				dx, dy := (nx-sp.x)/sp.r, (ny-sp.y)/(sp.r*o.RX/o.RY)
				if q := dx*dx + dy*dy; q < 1 {
					c.sore = max(c.sore, float32(1-q))
				}
			}
			if dx, dy := nx/0.3, (ny-0.52)/0.1; dx*dx+dy*dy < 1 {
				c.teeth = float32(1 - (dx*dx + dy*dy))
			}
			if ny > -0.1 {
				c.ramp = float32(math.Min(1, (ny+0.1)/0.6))
			}
			e.cells = append(e.cells, c)
		}
	}
	return e
}

// soreSpots places sores on cheeks, chin and forehead: a pseudo-random but fixed pattern,
// so they do not flicker between frames, never on the eyes or the mouth.
func soreSpots() []spot {
	seed := uint32(2463534242)
	rnd := func() float64 {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return float64(seed%10000) / 10000
	}
	var out []spot
	for len(out) < 18 {
		a, d := rnd()*2*math.Pi, 0.25+0.6*math.Sqrt(rnd())
		x, y := math.Cos(a)*d, math.Sin(a)*d
		if y < -0.55 || (y > -0.35 && y < 0.05 && math.Abs(x) < 0.6) || (math.Abs(x) < 0.25 && y > 0.25 && y < 0.55) {
			continue
		}
		out = append(out, spot{x: x, y: y, r: 0.035 + 0.03*rnd()})
	}
	return out
}

// Apply draws src into dst (same size) with the change of p inside the oval. Outside the
// oval the frame is copied as it is.
func (e *Effect) Apply(dst, src *image.RGBA, p Params) {
	copy(dst.Pix, src.Pix)
	s := float32(p.severity())
	if s == 0 {
		return
	}
	b := src.Bounds()
	heroin := p.Variant == Heroin
	sores := !p.Soft && s >= 0.7 && (!heroin || s >= 1)
	teeth := !p.Soft && !heroin && s >= 0.7
	cx := float32(e.o.CX)
	for i := range e.cells {
		c := &e.cells[i]
		if !(image.Point{c.x, c.y}.In(b)) {
			continue
		}
		w := c.w
		sx := c.x
		if c.ramp > 0 { // emaciation: below the eyes the face narrows
			sx = clampInt(int(cx+(float32(c.x)-cx)*(1+0.10*s*w*c.ramp)), b.Min.X, b.Max.X-1)
		}
		si := src.PixOffset(sx, c.y)
		r, g, bl := float32(src.Pix[si]), float32(src.Pix[si+1]), float32(src.Pix[si+2])
		lum := 0.299*r + 0.587*g + 0.114*bl
		// Dull, sallow skin (methamphetamine) or grey pallor (heroin): the colour drains.
		desat := 0.45 * s * w
		if heroin {
			desat = 0.65 * s * w
		}
		r, g, bl = r+(lum-r)*desat, g+(lum-g)*desat, bl+(lum-bl)*desat
		if heroin {
			r, g, bl = r+10*s*w, g+12*s*w, bl+14*s*w
		} else {
			r, g, bl = r+6*s*w, g+4*s*w, bl-18*s*w
		}
		dark := min(c.dark*s, 0.6) * w
		r, g, bl = r*(1-dark), g*(1-dark*1.05), bl*(1-dark*0.9)
		if sores && c.sore > 0 { // sores and scratch marks
			k := c.sore * 0.7 * w
			r, g, bl = r+(150-r)*k, g+(60-g)*k, bl+(50-bl)*k
		}
		if teeth && c.teeth > 0 && lum > 150 { // damaged teeth: the bright mouth turns brown
			k := 0.6 * s * c.teeth
			r, g, bl = r+(120-r)*k, g+(90-g)*k, bl+(40-bl)*k
		}
		di := dst.PixOffset(c.x, c.y)
		dst.Pix[di], dst.Pix[di+1], dst.Pix[di+2] = u8(r), u8(g), u8(bl)
	}
}

func u8(v float32) uint8 {
	if v <= 0 {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return uint8(v + 0.5)
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
