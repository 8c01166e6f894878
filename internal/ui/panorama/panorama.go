// Package panorama is the 情景体验 look-around view: a 360° strip drawn as a camera inside
// a cylinder sees it (package pano), turned by dragging, coasting after a flick and turning
// slowly by itself when nobody touches it, with glowing hotspots the visitor taps.
package panorama

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/pano"
)

// Hotspot is a person or object drawn at a direction of the panorama.
type Hotspot struct {
	ID         string
	Label      string
	Yaw, Pitch float64 // degrees
}

// hitRadius is how far from a hotspot's centre a tap still counts (a 150 px target).
const hitRadius = 75

// Stats are the frames drawn since the widget was made: how many, at which resolution,
// and the time spent drawing them (projection and texture hand-over, not the GPU).
type Stats struct {
	Frames, HalfFrames int
	Total, Max         time.Duration
}

// Panorama shows a strip as a look-around view. Set Strip (decoded and pre-scaled off the
// UI thread) when it is ready; until then the view shows its background colour.
type Panorama struct {
	widget.BaseWidget
	Hotspots []Hotspot
	// OnHotspot is called with a tapped hotspot's id; OnTouch on every touch (visitor
	// activity).
	OnHotspot func(id string)
	OnTouch   func()
	// Now is the clock of the motion (time.Now when nil).
	Now func() time.Time
	// Still turns the slow turn off (a view behind a dialogue).
	Still bool
	// HideCursor hides the pointer (touchscreens).
	HideCursor bool

	strip *pano.Strip
	// released is set by Release: the view has left the screen for good, and a strip
	// handed to it later (a decode that ends after the visitor left) is not taken.
	released bool
	motion   *pano.Motion
	anim     *fyne.Animation
	// moved is set by a drag while the frame loop runs: the next frame draws it, so a burst
	// of touch events between two frames costs one projection, not one each.
	moved bool
	stats Stats
	r     *renderer
}

// New makes a view looking at yaw (degrees) with hotspots.
func New(yaw float64, hotspots []Hotspot) *Panorama {
	p := &Panorama{Hotspots: hotspots}
	p.motion = pano.NewMotion(yaw, time.Now())
	p.ExtendBaseWidget(p)
	return p
}

func (p *Panorama) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// SetStrip shows a strip. Views of one scene share one strip (pano.NewStrip makes it once,
// off the UI thread): a 4096×1024 strip is 16 MB.
func (p *Panorama) SetStrip(st *pano.Strip) {
	if p.released {
		return
	}
	p.strip = st
	if p.r != nil {
		p.r.rebuild()
		p.r.draw(false)
	}
}

// Release stops the view and lets go of its strip and frame buffers (about 30 MB at
// 1920×1080), for a view that has left the screen; Fyne may keep its renderer for a while.
// A released view shows nothing from then on: SetStrip does nothing; a view that
// comes back builds a new Panorama.
func (p *Panorama) Release() {
	p.Stop()
	p.released = true
	p.strip = nil
	if p.r != nil {
		p.r.release()
	}
}

// HasStrip reports whether the strip is shown.
func (p *Panorama) HasStrip() bool { return p.strip != nil }

// Yaw is the direction the view looks, in degrees.
func (p *Panorama) Yaw() float64 { return p.motion.Yaw() }

// TurnTo looks at yaw at once.
func (p *Panorama) TurnTo(yaw float64) {
	p.motion.TurnTo(yaw)
	if p.r != nil {
		p.r.draw(false)
	}
}

// Start runs the frame loop (inertia, slow turn) on Fyne's animation clock; Stop ends it.
// A view that is never started still follows drags.
func (p *Panorama) Start() {
	if p.anim != nil {
		return
	}
	p.motion = pano.NewMotion(p.motion.Yaw(), p.now()) // idle time counts from now
	p.anim = &fyne.Animation{Duration: time.Second, RepeatCount: fyne.AnimationRepeatForever,
		Tick: func(float32) { p.Frame() }}
	p.anim.Start()
}

// Stop ends the frame loop.
func (p *Panorama) Stop() {
	if p.anim != nil {
		p.anim.Stop()
		p.anim = nil
	}
}

// Frame advances the motion to now and draws if the view moved: at half resolution while
// a finger or a flick moves it, in full once it has stopped. The animation calls it every
// frame, just before Fyne paints; tests call it after moving their clock.
func (p *Panorama) Frame() {
	now := p.now()
	if p.Still && !p.motion.Fast() {
		p.motion.Touch(now) // keeps the slow turn off
	}
	moved := p.motion.Step(now) || p.moved
	p.moved = false
	if p.r == nil {
		return
	}
	switch {
	case moved:
		p.r.draw(p.motion.Fast())
	case p.r.half && !p.motion.Fast(): // the motion has stopped: the last frame in full
		p.r.draw(false)
	}
}

// Half reports whether the frame on screen was drawn at half resolution.
func (p *Panorama) Half() bool { return p.r != nil && p.r.half }

// Stats reports the frames drawn so far.
func (p *Panorama) Stats() Stats { return p.stats }

// HotspotPosition is where a hotspot is drawn, if it is in view.
func (p *Panorama) HotspotPosition(id string) (fyne.Position, bool) {
	if p.r == nil || p.r.proj == nil {
		return fyne.Position{}, false
	}
	for _, h := range p.Hotspots {
		if h.ID == id {
			pt := p.r.project(h)
			return pt, pt.X >= 0 && pt.Y >= 0 && pt.X <= p.Size().Width && pt.Y <= p.Size().Height
		}
	}
	return fyne.Position{}, false
}

// Dragged turns the view with the finger: dragging right looks left.
func (p *Panorama) Dragged(e *fyne.DragEvent) {
	if p.OnTouch != nil {
		p.OnTouch()
	}
	ppd := 10.0
	if p.r != nil && p.r.proj != nil {
		ppd = p.r.proj.PixelsPerDegree() / float64(p.r.scale)
	}
	p.motion.Drag(-float64(e.Dragged.DX)/ppd, p.now())
	switch {
	case p.anim != nil: // the frame loop draws it, once per frame
		p.moved = true
	case p.r != nil:
		p.r.draw(true)
	}
}

// DragEnd lets the view coast; a view that stops draws its last frame in full at once.
func (p *Panorama) DragEnd() {
	p.motion.Release(p.now())
	p.moved = false
	if p.r != nil && !p.motion.Fast() {
		p.r.draw(false)
	} else if p.anim != nil {
		p.moved = true // coasting: the next frame
	}
}

// Tapped opens the nearest hotspot within reach of the tap.
func (p *Panorama) Tapped(e *fyne.PointEvent) {
	p.motion.Touch(p.now())
	if p.OnTouch != nil {
		p.OnTouch()
	}
	best, bestD := "", math.Inf(1)
	for _, h := range p.Hotspots {
		pos, ok := p.HotspotPosition(h.ID)
		if !ok {
			continue
		}
		if d := math.Hypot(float64(pos.X-e.Position.X), float64(pos.Y-e.Position.Y)); d <= hitRadius && d < bestD {
			best, bestD = h.ID, d
		}
	}
	if best != "" && p.OnHotspot != nil {
		p.OnHotspot(best)
	}
}

// Cursor is hidden on kiosks.
func (p *Panorama) Cursor() desktop.Cursor {
	if p.HideCursor {
		return desktop.HiddenCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer draws the view.
func (p *Panorama) CreateRenderer() fyne.WidgetRenderer {
	r := newRenderer(p)
	p.r = r
	return r
}

// IdleBeforeAuto is how long after the last touch the slow turn starts.
func IdleBeforeAuto() time.Duration { return pano.DefaultIdle }
