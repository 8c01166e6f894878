package pano

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"syscall"
	"testing"
	"time"
)

// testStrip is a strip whose every pixel encodes its own column and row, so a rendered
// view says where on the strip each of its pixels came from.
func testStrip(w, h int) *Strip {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{uint8(x), uint8(x >> 8), uint8(y), uint8(y >> 8)})
		}
	}
	return NewStrip(img)
}

func source(img *image.RGBA, x, y int) (col, row int) {
	c := img.RGBAAt(x, y)
	return int(c.R) | int(c.G)<<8, int(c.B) | int(c.A)<<8
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestProjectionOfKnownPoints(t *testing.T) {
	p := NewProjector(1920, 800, 6144, 1536)
	if fov := p.FOV(); !near(fov, MaxFOV, 0.01) {
		t.Errorf("landscape FOV %.2f, want %d", fov, MaxFOV)
	}
	for _, tc := range []struct {
		name             string
		yaw, pitch, view float64
		x, y             float64
		visible          bool
	}{
		{"straight ahead", 90, 0, 90, 960, 400, true},
		{"across the seam", 2, 0, 358, 960 + p.f*math.Tan(4*math.Pi/180), 400, true},
		{"left edge", 40, 0, 90, 0, 400, true},
		{"right edge", 140, 0, 90, 1920, 400, true},
		{"behind", 270, 0, 90, 0, 0, false},
		{"just out on the right", 141, 0, 90, 1920 + 1, 400, false},
		{"above the horizon", 90, 20, 90, 960, 400 - p.f*math.Tan(20*math.Pi/180), true},
		{"below, off centre", 120, -10, 90, 960 + p.f*math.Tan(30*math.Pi/180),
			400 + math.Tan(10*math.Pi/180)*math.Hypot(p.f*math.Tan(30*math.Pi/180), p.f), true},
	} {
		pt := p.Project(tc.yaw, tc.pitch, tc.view)
		if pt.Visible != tc.visible {
			t.Errorf("%s: visible %v, want %v (%+v)", tc.name, pt.Visible, tc.visible, pt)
			continue
		}
		if tc.visible && (!near(pt.X, tc.x, 0.5) || !near(pt.Y, tc.y, 0.5)) {
			t.Errorf("%s: at (%.1f, %.1f), want (%.1f, %.1f)", tc.name, pt.X, pt.Y, tc.x, tc.y)
		}
	}
}

func TestProjectAndDirectionAreInverse(t *testing.T) {
	p := NewProjector(1280, 600, 6144, 1536)
	for _, view := range []float64{0, 90, 359} {
		for _, d := range [][2]float64{{view + 10, 5}, {view - 30, -20}, {view + 45, 25}} {
			pt := p.Project(d[0], d[1], view)
			yaw, pitch := p.Direction(pt.X, pt.Y, view)
			if !near(wrap180(yaw-d[0]), 0, 1e-6) || !near(pitch, d[1], 1e-6) {
				t.Errorf("view %v: (%v, %v) → (%.1f, %.1f) → (%v, %v)", view, d[0], d[1], pt.X, pt.Y, yaw, pitch)
			}
		}
	}
}

// TestRenderMatchesTheProjection renders a view and checks that each pixel came from the
// strip point its direction names.
func TestRenderMatchesTheProjection(t *testing.T) {
	s := testStrip(3600, 900)
	for _, size := range [][2]int{{960, 540}, {1080, 1400}, {400, 300}} {
		p := NewProjector(size[0], size[1], 3600, 900)
		dst := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
		for _, view := range []float64{0, 123.4, 359.9} {
			p.Render(dst, s, view)
			for _, pix := range [][2]int{{0, 0}, {size[0] / 2, size[1] / 2}, {size[0] - 1, size[1] - 1}, {size[0] / 3, size[1] - 5}} {
				yaw, pitch := p.Direction(float64(pix[0])+0.5, float64(pix[1])+0.5, view)
				wc, wr := p.StripPoint(yaw, pitch)
				col, row := source(dst, pix[0], pix[1])
				dc := math.Abs(wrap180((float64(col)-wc)/3600*360)) * 10
				if dc > 1.01 || math.Abs(float64(row)-math.Max(0, math.Min(899, wr))) > 1.01 {
					t.Errorf("%v view %v pixel %v: from strip (%d, %d), want (%.1f, %.1f)", size, view, pix, col, row, wc, wr)
				}
			}
		}
		// The strip covers the view's height: no row is clamped at the centre column.
		p.Render(dst, s, 0)
		if _, top := source(dst, size[0]/2, 0); top == 0 {
			t.Errorf("%v: the view's top row is past the strip's top", size)
		}
	}
}

func TestRenderAllocatesNothing(t *testing.T) {
	s := testStrip(2048, 512)
	p := NewProjector(640, 360, 2048, 512)
	dst := image.NewRGBA(image.Rect(0, 0, 640, 360))
	yaw := 0.0
	if n := testing.AllocsPerRun(20, func() { yaw += 7; p.Render(dst, s, yaw) }); n != 0 {
		t.Errorf("Render allocates %v times per frame", n)
	}
}

func TestPortraitNarrowsTheView(t *testing.T) {
	p := NewProjector(1080, 1500, 6144, 1536)
	if p.FOV() >= MaxFOV {
		t.Errorf("portrait FOV %.1f: the strip is not tall enough for %d°", p.FOV(), MaxFOV)
	}
	if top := p.Project(0, 0, 0); !top.Visible {
		t.Error("centre not visible")
	}
	if w := StripWidthFor(1920, 800, 6144, 1536); w < 5000 || w > 5200 {
		t.Errorf("strip width for 1920×800: %d", w)
	}
}

func TestMotion(t *testing.T) {
	t0 := time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	steps := func(m *Motion, from, to int) {
		for ms := from; ms <= to; ms += 16 {
			m.Step(at(ms))
		}
	}
	for _, tc := range []struct {
		name  string
		run   func(m *Motion)
		yaw   float64 // want, ±tol
		tol   float64
		fast  bool
		auto  bool
		atEnd int
	}{
		{"still before the idle time", func(m *Motion) { steps(m, 0, 4900) }, 10, 0, false, false, 4900},
		{"slow turn after it", func(m *Motion) { steps(m, 0, 7000) }, 10 + DefaultAutoSpeed*2, 0.1, false, true, 7000},
		{"a tap pauses the slow turn", func(m *Motion) { steps(m, 0, 6000); m.Touch(at(6000)); steps(m, 6000, 10000) },
			10 + DefaultAutoSpeed*1, 0.1, false, false, 10000},
		{"a drag follows the finger", func(m *Motion) {
			for i := range 10 {
				m.Drag(-2, at(1000+i*16))
			}
		}, 350, 1e-9, true, false, 1144},
		{"a flick coasts and stops", func(m *Motion) {
			for i := range 10 {
				m.Drag(3, at(1000+i*16))
			}
			m.Release(at(1150))
			steps(m, 1150, 4000)
		}, 40 + 187.5/-math.Log(DefaultFriction), 3, false, false, 4000},
		{"a finger that rests before lifting does not coast", func(m *Motion) {
			for i := range 10 {
				m.Drag(3, at(1000+i*16))
			}
			m.Release(at(1400))
			steps(m, 1400, 3000)
		}, 40, 1e-9, false, false, 3000},
	} {
		m := NewMotion(10, t0)
		tc.run(m)
		if d := math.Abs(wrap180(m.Yaw() - tc.yaw)); d > tc.tol {
			t.Errorf("%s: yaw %.2f, want %.2f ± %.2f", tc.name, m.Yaw(), tc.yaw, tc.tol)
		}
		if m.Fast() != tc.fast || m.Auto(at(tc.atEnd)) != tc.auto {
			t.Errorf("%s: fast %v auto %v, want %v %v", tc.name, m.Fast(), m.Auto(at(tc.atEnd)), tc.fast, tc.auto)
		}
	}
	// A flick coasts further than the drag itself, then the slow turn waits its idle time.
	m := NewMotion(0, t0)
	for i := range 10 {
		m.Drag(3, at(i*16))
	}
	m.Release(at(150))
	steps(m, 150, 3000)
	if m.Yaw() < 35 || m.Fast() {
		t.Errorf("after a flick: yaw %.1f fast %v", m.Yaw(), m.Fast())
	}
	y := m.Yaw()
	steps(m, 3000, 3500)
	if m.Yaw() != y {
		t.Errorf("slow turn started right after a flick")
	}
}

// BenchmarkRender prints the cost of one frame at the kiosk's sizes, full and half
// resolution (half is what a drag draws).
func BenchmarkRender(b *testing.B) {
	s := testStrip(6144, 1536)
	for _, size := range [][2]int{{1920, 860}, {960, 430}, {1280, 600}, {1080, 1000}, {3840, 1720}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			p := NewProjector(size[0], size[1], 6144, 1536)
			dst := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
			yaw := 0.0
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				yaw += 1.3
				p.Render(dst, s, yaw)
			}
			// CPU time, not wall time: on a shared machine the wall clock counts other work.
			b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(b.N), "cpu-ms/frame")
		})
	}
}

// TestThumbnailIsTheOpeningView: the card picture is the view from the start yaw, scaled
// down: a red block drawn around yaw 90 is at its centre when looking at 90, off to the
// right when looking at 70, and absent when looking the other way.
func TestThumbnailIsTheOpeningView(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3600, 900))
	for y := range 900 {
		for x := range 3600 {
			c := color.RGBA{0, 0, 200, 255}
			if x >= 850 && x < 950 && y >= 350 && y < 550 { // yaw 85–95, around the horizon
				c = color.RGBA{220, 0, 0, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	s := NewStrip(img)
	red := func(th *image.RGBA, x, y int) bool {
		c := th.RGBAAt(x, y)
		return c.R > 150 && c.B < 80
	}
	th := Thumbnail(s, 90, 320, 180)
	if th.Rect.Dx() != 320 || th.Rect.Dy() != 180 {
		t.Fatalf("thumbnail %v, want 320×180", th.Rect)
	}
	if !red(th, 160, 90) || red(th, 40, 90) || red(th, 280, 90) {
		t.Errorf("looking at 90: the block is not alone at the centre")
	}
	p := NewProjector(320, 180, 3600, 900)
	at := p.Project(90, 0, 70)
	if th70 := Thumbnail(s, 70, 320, 180); !at.Visible || !red(th70, int(at.X), 90) || red(th70, 160, 90) {
		t.Errorf("looking at 70: no block at x=%.0f where the projection puts yaw 90", at.X)
	}
	back := Thumbnail(s, 270, 320, 180)
	for x := 0; x < 320; x += 8 {
		if red(back, x, 90) {
			t.Fatalf("looking at 270: red at x=%d", x)
		}
	}
}
