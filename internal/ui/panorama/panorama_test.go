package panorama

import (
	"image"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/internal/pano"
)

// rig is a panorama in a test window with a clock the test moves. Start is called (the
// test driver runs no animations), so Frame stands for Fyne's frame loop.
type rig struct {
	t   *testing.T
	p   *Panorama
	now time.Time
}

func newRig(t *testing.T) *rig {
	t.Helper()
	test.NewTempApp(t)
	r := &rig{t: t, now: time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	strip := image.NewRGBA(image.Rect(0, 0, 2048, 512))
	for i := range strip.Pix {
		strip.Pix[i] = uint8(i * 7)
	}
	r.p = New(90, []Hotspot{{ID: "friend", Label: "好朋友", Yaw: 100}, {ID: "door", Label: "门", Yaw: 250}})
	r.p.Now = func() time.Time { return r.now }
	r.p.SetStrip(pano.NewStrip(strip))
	w := test.NewWindow(r.p)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 500))
	t.Cleanup(w.Close)
	r.p.Start()
	t.Cleanup(r.p.Stop)
	return r
}

// frame moves the clock one frame on and runs the frame loop once.
func (r *rig) frame() {
	r.now = r.now.Add(16 * time.Millisecond)
	r.p.Frame()
}

func (r *rig) drag(dx float32) {
	r.now = r.now.Add(16 * time.Millisecond)
	r.p.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: dx}})
}

// shown is the size of the picture on screen, in pixels.
func (r *rig) shown() image.Point {
	r.t.Helper()
	img, ok := r.p.r.img.Image.(*image.RGBA)
	if !ok {
		r.t.Fatalf("the view shows %T", r.p.r.img.Image)
	}
	return img.Rect.Size()
}

// TestHalfResolutionWhileMoving: frames drawn while a finger drags or a flick coasts are
// half the view's pixels a side; when the finger rests and lifts, or the coasting ends,
// the frame on screen is in full again. A burst of drag events between two frames is drawn
// once.
func TestHalfResolutionWhileMoving(t *testing.T) {
	r := newRig(t)
	full := r.shown()
	if full != (image.Point{X: 800, Y: 500}) || r.p.Half() {
		t.Fatalf("still view: %v (half %v), want 800×500 in full", full, r.p.Half())
	}
	half := image.Point{X: 400, Y: 250}

	before := r.p.Stats()
	for range 3 { // three touch events before the next frame
		r.drag(-15)
	}
	if got := r.p.Stats(); got.Frames != before.Frames {
		t.Errorf("drag events drew %d frames before the frame loop ran", got.Frames-before.Frames)
	}
	r.frame()
	if r.shown() != half || !r.p.Half() {
		t.Errorf("dragging: %v on screen, want %v", r.shown(), half)
	}
	if got := r.p.Stats(); got.Frames != before.Frames+1 || got.HalfFrames != before.HalfFrames+1 {
		t.Errorf("three drags and a frame: %+v after %+v, want one half frame", got, before)
	}
	r.frame() // no new touch: nothing to draw, the half frame stays while the finger is down
	if got := r.p.Stats(); got.Frames != before.Frames+1 {
		t.Errorf("a frame without a move drew: %+v", got)
	}

	// The finger rests, then lifts: no coasting, the full frame at once.
	r.now = r.now.Add(300 * time.Millisecond)
	r.p.DragEnd()
	if r.shown() != full || r.p.Half() {
		t.Errorf("after the finger lifted: %v on screen, want %v", r.shown(), full)
	}

	// A flick coasts at half resolution, then comes to rest in full.
	for range 5 {
		r.drag(-60)
		r.frame()
	}
	r.p.DragEnd()
	r.frame()
	if r.shown() != half {
		t.Fatalf("coasting: %v on screen, want %v", r.shown(), half)
	}
	coasting := 0
	for r.p.Half() && coasting < 1000 {
		r.frame()
		coasting++
	}
	if coasting < 5 || coasting == 1000 {
		t.Errorf("the flick coasted %d frames", coasting)
	}
	if r.shown() != full {
		t.Errorf("after coasting: %v on screen, want %v", r.shown(), full)
	}
	yaw := r.p.Yaw()
	r.frame()
	if r.p.Yaw() != yaw || r.p.Half() {
		t.Errorf("at rest the view moved (%.2f → %.2f) or went to half resolution", yaw, r.p.Yaw())
	}
}

// TestFramesAllocateNothing: a drag frame and a full frame allocate nothing of their own
// (buffers and tables are made on resize; the hotspots are moved, not rebuilt): only what
// Fyne's canvas.Image.Refresh allocates to hand the new pixels over.
func TestFramesAllocateNothing(t *testing.T) {
	r := newRig(t)
	fyneRefresh := testing.AllocsPerRun(20, r.p.r.img.Refresh)
	ev := &fyne.DragEvent{Dragged: fyne.Delta{DX: -7}}
	if n := testing.AllocsPerRun(50, func() {
		r.now = r.now.Add(16 * time.Millisecond)
		r.p.Dragged(ev)
		r.p.Frame()
	}); n != fyneRefresh {
		t.Errorf("a drag frame allocates %.1f times, Fyne's image refresh %.1f", n, fyneRefresh)
	}
	if n := testing.AllocsPerRun(20, func() { r.p.r.draw(false) }); n != fyneRefresh {
		t.Errorf("a full frame allocates %.1f times, Fyne's image refresh %.1f", n, fyneRefresh)
	}
}

// TestHotspotsFollowTheView: a hotspot is drawn where the projection puts it, and moves the
// other way when the view turns.
func TestHotspotsFollowTheView(t *testing.T) {
	r := newRig(t)
	pos, ok := r.p.HotspotPosition("friend")
	if !ok || pos.X <= 400 { // 10° right of the view's centre
		t.Fatalf("friend at %v (visible %v), want right of centre", pos, ok)
	}
	if _, ok := r.p.HotspotPosition("door"); ok {
		t.Error("a hotspot behind the camera is in view")
	}
	r.drag(-200) // finger to the left: the view turns right, the hotspot moves left
	r.frame()
	pos2, _ := r.p.HotspotPosition("friend")
	if pos2.X >= pos.X {
		t.Errorf("after turning right the hotspot moved from %v to %v", pos.X, pos2.X)
	}
	glow := r.p.r.spots[0].glow
	if c := glow.Position().Add(fyne.NewPos(glowSide/2, glowSide/2)); c != pos2 {
		t.Errorf("glow centred at %v, hotspot at %v", c, pos2)
	}
}
