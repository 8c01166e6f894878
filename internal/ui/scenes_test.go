package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/scene"
	"github.com/jindu-edu/kiosk/internal/ui/panorama"
)

// sceneFits is noClipping for scene screens: the hotspot labels inside the panorama widget
// are checked against the widget's own bounds (the test driver does not place a widget
// renderer's objects in the window), everything else as noClipping does.
func (r *rig) sceneFits(where string) {
	r.t.Helper()
	inPano := map[string]bool{}
	for _, o := range r.objects() {
		p, ok := o.(*panorama.Panorama)
		if !ok || !p.Visible() {
			continue
		}
		for _, in := range test.LaidOutObjects(p) {
			tx, ok := in.(*canvas.Text)
			if !ok || !tx.Visible() {
				continue
			}
			inPano[tx.Text] = true
			pos, sz := tx.Position(), tx.MinSize()
			if pos.X < 0 || pos.Y < 0 || pos.X+sz.Width > p.Size().Width+1 || pos.Y+sz.Height > p.Size().Height+1 {
				r.t.Errorf("%s: hotspot label %q at %v lies outside the panorama (%v)", where, tx.Text, pos, p.Size())
			}
		}
	}
	var out []string
	for _, c := range r.clipped() {
		if !inPano[strings.TrimPrefix(c, "off screen: ")] {
			out = append(out, c)
		}
	}
	if len(out) > 0 {
		r.t.Errorf("%s at %v: %s", where, r.win.Canvas().Size(), strings.Join(out, "; "))
	}
}

// panoramaOnScreen is the look-around widget on screen, once its strip is decoded.
func (r *rig) panoramaOnScreen() *panorama.Panorama {
	r.t.Helper()
	for _, o := range r.objects() {
		if p, ok := o.(*panorama.Panorama); ok && p.Visible() {
			if !p.HasStrip() {
				r.t.Fatal("the panorama's strip was not decoded")
			}
			return p
		}
	}
	r.t.Fatalf("no panorama on screen; it shows:\n%s", r.dump())
	return nil
}

// tapHotspot turns the panorama towards a hotspot and taps its glow where it is drawn.
func (r *rig) tapHotspot(h content.Hotspot) {
	r.t.Helper()
	p := r.panoramaOnScreen()
	p.TurnTo(h.Yaw - 10) // a little off centre: the tap must find it where it is drawn
	pos, ok := p.HotspotPosition(h.ID)
	if !ok {
		r.t.Fatalf("hotspot %s not in view at yaw %.0f", h.ID, p.Yaw())
	}
	test.TapAt(p, pos.AddXY(20, -15))
}

// openScene goes from attract to the look-around view of scene id.
func (r *rig) openScene(sc content.Scene, age string) {
	r.t.Helper()
	r.tap("轻触屏幕 开始参观")
	r.tap("情景体验")
	if age != "" {
		r.tap(r.shell.d.Strings.T(content.Zh, "quiz.age."+age))
	}
	r.tap(sc.Title.Zh)
}

// walkPath taps a path's choices (continuing through multi-line steps) to its ending.
func (r *rig) walkPath(sc content.Scene, p scene.Path) {
	r.t.Helper()
	h, _ := sc.HotspotByID(p.Hotspot)
	r.tapHotspot(h)
	step, _ := sc.StepByID(h.Step)
	for _, id := range p.Choices {
		for range len(step.Lines) - 1 {
			r.mustHave(step.Lines[0].Text.Zh)
			r.tap("继续")
		}
		r.mustHave(step.Lines[len(step.Lines)-1].Text.Zh)
		for _, c := range step.Choices {
			if c.ID == id {
				r.tap(c.Text.Zh)
				step, _ = sc.StepByID(c.Next)
			}
		}
	}
}

// TestSceneEveryPath walks every path of the milk-tea scene through the UI, for secondary
// visitors and in the primary-school mode: each ends on its ending with the lesson and the
// refusal script, the accepting path with the help card (softened for primary), and the
// events say what was chosen.
func TestSceneEveryPath(t *testing.T) {
	for _, primary := range []bool{false, true} {
		r := newRig(t, func(c *rigConfig) { c.settings.SoftenGraphic = primary })
		sc, ok := r.shell.cat().Scenes.SceneByID("milk-tea")
		if !ok {
			t.Fatal("no milk-tea scene in the bundled content")
		}
		age := content.AgeSecondary
		if primary {
			age = content.AgePrimary
		}
		r.openScene(sc, "")
		r.mustHave(r.shell.d.Strings.T(content.Zh, "scenes.hint"))
		paths := scene.Paths(sc)
		if len(paths) < 6 {
			t.Fatalf("%d paths", len(paths))
		}
		for i, p := range paths {
			n := len(r.events.all)
			r.clock.Advance(time.Second)
			r.walkPath(sc, p)
			e, _ := sc.EndingByID(p.Ending)
			e = e.For(age)
			r.mustHave(e.Title.Zh, e.Text.Zh, e.Lesson.Zh, "拒绝可以这样说", "我不要，谢谢！")
			if help := r.has(r.shell.cat().Meta.Help.Title.Zh); help != (e.Kind == content.EndAccept) {
				t.Errorf("%v: help card shown %v on a %s ending", p, help, e.Kind)
			}
			if primary && e.Kind == content.EndAccept && (r.has("毒品会伤害身体") || !r.has(e.Text.Zh)) {
				t.Errorf("primary mode shows the unsoftened ending")
			}
			var got []string
			var end event.Event
			for _, ev := range r.events.all[n:] {
				switch ev.Type {
				case event.SceneStart:
					got = append(got, "start:"+ev.Data[event.KeyHotspot].(string))
				case event.SceneChoice:
					got = append(got, ev.Data[event.KeyChoice].(string))
					if ev.Data[event.KeyAudience] != age {
						t.Errorf("choice event for age %v, want %s", ev.Data[event.KeyAudience], age)
					}
				case event.SceneEnd:
					end = ev
				}
			}
			want := append([]string{"start:" + p.Hotspot}, p.Choices...)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("path %d events %v, want %v", i, got, want)
			}
			if end.Item != sc.ID || end.Data[event.KeyEnding] != p.Ending || end.Data[event.KeyKind] != e.Kind ||
				!reflect.DeepEqual(end.Data[event.KeyPath], p.Choices) {
				t.Errorf("path %d end event %+v", i, end)
			}
			r.sceneFits("ending " + p.Ending)
			r.tap("再试一次")
		}
		r.tap("返回")
		r.mustHave(sc.Title.Zh) // back on the list (its summary gives way to the picture at 1920×1080)
	}
}

// TestScenesByAgeBand: primary mode lists only primary scenes, with no age chips; the
// adult chip lists the adult ones.
func TestScenesByAgeBand(t *testing.T) {
	r := newRig(t, func(c *rigConfig) { c.settings.SoftenGraphic = true })
	r.tap("轻触屏幕 开始参观")
	r.tap("情景体验")
	all := r.shell.cat().Scenes.Scenes
	for _, sc := range all {
		if got, want := r.has(sc.Title.Zh), sc.For(content.AgePrimary); got != want {
			t.Errorf("primary mode: %s shown %v", sc.ID, got)
		}
	}
	if r.has("成人") {
		t.Error("primary mode offers the age chips")
	}
	r2 := newRig(t)
	r2.tap("轻触屏幕 开始参观")
	r2.tap("情景体验")
	r2.tap("成人")
	for _, sc := range all {
		if got, want := r2.has(sc.Title.Zh), sc.For(content.AgeAdult); got != want {
			t.Errorf("adult chip: %s shown %v", sc.ID, got)
		}
	}
}

// TestPanoramaLooksAround drags the panorama, lets it coast and turn by itself, and checks
// a tap away from every hotspot opens nothing.
func TestPanoramaLooksAround(t *testing.T) {
	r := newRig(t)
	sc, _ := r.shell.cat().Scenes.SceneByID("ktv-party")
	r.openScene(sc, "")
	p := r.panoramaOnScreen()
	y0 := p.Yaw()
	for range 10 { // finger to the right: the view turns left (a frame after each event)
		r.clock.Advance(16 * time.Millisecond)
		p.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 20}})
		p.Frame()
	}
	r.clock.Advance(200 * time.Millisecond) // the finger rests, then lifts: no coasting
	p.DragEnd()
	if d := p.Yaw() - y0; !(d < -5 && d > -30) {
		t.Errorf("a 200 px drag turned the view by %.1f°", d)
	}
	y1 := p.Yaw()
	r.clock.Advance(10 * time.Second)
	p.Frame()
	r.clock.Advance(time.Second)
	p.Frame()
	if p.Yaw() == y1 {
		t.Error("no slow turn after ten idle seconds")
	}
	before := r.shell.Depth()
	test.TapAt(p, fyne.NewPos(5, 5))
	if _, ok := r.shell.top().(*sceneLookView); !ok || r.shell.Depth() != before {
		t.Error("a tap on empty panorama opened something")
	}
	if st := p.Stats(); st.Frames == 0 || st.HalfFrames == 0 {
		t.Errorf("frames drawn: %+v (a drag draws at half resolution)", st)
	}
}

// A panorama that leaves the screen lets go of its strip and buffers (a soak of random
// taps kept one 16 MB strip and 30 MB of buffers per scene visit until Fyne dropped its
// renderer), and the views of one scene share one strip.
func TestPanoramaReleasedWhenLeft(t *testing.T) {
	r := newRig(t)
	sc, _ := r.shell.cat().Scenes.SceneByID("ktv-party")
	r.openScene(sc, "")
	look := r.panoramaOnScreen()
	h := sc.Hotspots[0]
	r.tapHotspot(h)
	moment := r.panoramaOnScreen()
	if moment == look {
		t.Fatal("the moment shows the look view's widget")
	}
	if look.HasStrip() {
		t.Error("the look view's panorama kept its strip after the view left")
	}
	if _, ok := r.shell.top().(*sceneMomentView); !ok {
		t.Fatalf("top view %T, want the moment", r.shell.top())
	}
	if r.shell.strip.strip == nil {
		t.Fatal("the shell does not keep the scene's strip for the moment")
	}
	r.tap("首页")
	if moment.HasStrip() {
		t.Error("the moment's panorama kept its strip after going home")
	}
	if r.shell.strip.strip != nil {
		t.Error("the shell kept the scene's strip after the visitor left the scene")
	}
}

// A panorama that leaves before its strip is decoded does not take the strip when the
// decode ends: a soak of random taps (faster than a decode) kept nine 16 MB strips and
// their frame buffers this way, in panoramas Fyne had not yet dropped.
func TestPanoramaLeftWhileLoadingStaysEmpty(t *testing.T) {
	r := newRig(t)
	sc, _ := r.shell.cat().Scenes.SceneByID("ktv-party")
	r.tap("轻触屏幕 开始参观")
	r.tap("情景体验")
	r.tap(sc.Title.Zh) // the strip's decode starts; its result waits for the UI thread
	lv, ok := r.shell.top().(*sceneLookView)
	if !ok || lv.pano == nil {
		t.Fatalf("top view %T, want the scene's look view with its panorama", r.shell.top())
	}
	p := lv.pano
	r.shell.home() // the visitor leaves at once
	r.settle()     // the decode ends
	if p.HasStrip() {
		t.Error("a panorama that had left took its strip when the decode ended")
	}
	// Coming back still shows the scene.
	r.tap("情景体验")
	r.tap(sc.Title.Zh)
	r.panoramaOnScreen()
}

// TestSceneScreensFit opens a scene's look, moment and ending at every supported size.
func TestSceneScreensFit(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}, {Width: 1080, Height: 1920}} {
		r := newRig(t)
		r.win.Resize(size)
		sc, _ := r.shell.cat().Scenes.SceneByID("ktv-party")
		r.openScene(sc, "")
		r.sceneFits("look")
		p := scene.Paths(sc)[0]
		for _, pp := range scene.Paths(sc) {
			if len(pp.Choices) > len(p.Choices) {
				p = pp
			}
		}
		h, _ := sc.HotspotByID(p.Hotspot)
		r.tapHotspot(h)
		r.sceneFits("moment")
		r.walkPathFrom(sc, p)
		r.sceneFits("ending")
	}
}

// walkPathFrom continues a path whose hotspot has been tapped.
func (r *rig) walkPathFrom(sc content.Scene, p scene.Path) {
	h, _ := sc.HotspotByID(p.Hotspot)
	step, _ := sc.StepByID(h.Step)
	for _, id := range p.Choices {
		for range len(step.Lines) - 1 {
			r.tap("继续")
		}
		i := slices.IndexFunc(step.Choices, func(c content.Choice) bool { return c.ID == id })
		r.tap(step.Choices[i].Text.Zh)
		step, _ = sc.StepByID(step.Choices[i].Next)
	}
}

// TestSceneGallery saves the scene screens with UPDATE_SCREENSHOTS=DIR (make screenshots):
// the list, the panorama, a moment with its choices and an accepting ending with the help
// card, at 1920×1080, and the panorama and a moment at 1280×800 and 1080×1920.
func TestSceneGallery(t *testing.T) {
	dir := os.Getenv("UPDATE_SCREENSHOTS")
	shot := func(r *rig, name string) {
		t.Helper()
		r.sceneFits(name)
		if dir == "" {
			return
		}
		r.settle()
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, r.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}, {Width: 1080, Height: 1920}} {
		r := newRig(t)
		r.win.Resize(size)
		suffix := ""
		if size.Width != 1920 {
			suffix = "-" + sizeName(size)
		}
		sc, _ := r.shell.cat().Scenes.SceneByID("ktv-party")
		r.tap("轻触屏幕 开始参观")
		if suffix == "" {
			shot(r, "50-home-with-scenes")
		}
		r.tap("情景体验")
		shot(r, "51-scenes"+suffix)
		r.tap(sc.Title.Zh)
		p := r.panoramaOnScreen()
		p.TurnTo(sc.Hotspots[0].Yaw + 12)
		shot(r, "52-scene-look"+suffix)
		r.tapHotspot(sc.Hotspots[0])
		shot(r, "53-scene-moment"+suffix)
		if suffix != "" {
			continue
		}
		r.tap(sc.Steps[0].Choices[0].Text.Zh) // no → the follow-up
		shot(r, "54-scene-pressure")
		r.tap("那……好吧")
		shot(r, "55-scene-ending-accept")
	}
}

// TestSceneCardsArePictures: each scene card of the list shows its thumbnail (the view on
// opening the scene), decoded through the picture cache to cover the card's picture area
// at the size shown, and never the panorama strip itself.
func TestSceneCardsArePictures(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}} {
		r := newRig(t)
		r.win.Resize(size)
		r.tap("轻触屏幕 开始参观")
		r.tap("情景体验")
		r.settle()
		scenes := r.shell.cat().Scenes.ForAge(scene.AgeOf(false, ""))
		if len(scenes) < 2 {
			t.Fatalf("only %d scenes for the default band", len(scenes))
		}
		shown := map[string]*canvasImage{}
		for _, o := range r.objects() {
			if ci, ok := o.(*canvasImage); ok && ci.Visible() && r.shell.images.drawn(ci) {
				shown[r.shell.images.nameOf(ci)] = ci
			}
		}
		for _, sc := range scenes {
			if sc.Thumbnail == "" {
				t.Errorf("%s: the bundled scene has no thumbnail", sc.ID)
				continue
			}
			ci := shown[sc.Thumbnail]
			if ci == nil {
				t.Errorf("%v: the card of %s shows no picture %s", size, sc.ID, sc.Thumbnail)
				continue
			}
			if shown[sc.Panorama] != nil {
				t.Errorf("%v: the list decoded the strip %s", size, sc.Panorama)
			}
			ib, box := ci.Image.Bounds(), ci.Size()
			cw, ch := coverBox(ib.Dx(), ib.Dy(), int(box.Width+0.5), int(box.Height+0.5))
			if ci.FillMode != canvas.ImageFillCover || ib.Dx() < cw*9/10 || ib.Dx() > cw*11/10 || ib.Dy() < ch*9/10 {
				t.Errorf("%v: %s decoded %dx%d for a %vx%v box it should cover (%dx%d), fill %v",
					size, sc.Thumbnail, ib.Dx(), ib.Dy(), box.Width, box.Height, cw, ch, ci.FillMode)
			}
			t.Logf("%v: %s in a %vx%v box", size, sc.ID, box.Width, box.Height)
			if size.Height >= 900 && box.Height < box.Width*9/16*2/3-1 {
				t.Errorf("%v: %s in a band %vx%v: less than two thirds of the picture, people cut at the neck", size, sc.Thumbnail, box.Width, box.Height)
			}
			if box.Width < 140 || box.Height < 78 {
				t.Errorf("%v: %s shown at only %vx%v", size, sc.Thumbnail, box.Width, box.Height)
			}
		}
		r.sceneFits("list")
	}
}

// TestSceneCardsDecodedAheadOfTheVisit: home decodes the scene cards' pictures while the
// visitor chooses a zone, so the scene list's first visit shows them as it comes on
// instead of starting six decodes with the tap; the attract loop does not (idle memory).
func TestSceneCardsDecodedAheadOfTheVisit(t *testing.T) {
	r := newRig(t)
	r.shell.Tick()
	r.settle()
	if n := r.warmCards(); n != 0 {
		t.Errorf("the attract loop decoded %d scene cards", n)
	}
	r.tap("轻触屏幕 开始参观")
	r.tick(time.Second) // home is on screen: the work ahead has started (aheadDelay)
	if n, want := r.warmCards(), len(r.shell.cat().Scenes.Scenes); n != want {
		t.Fatalf("home decoded %d of %d scene cards", n, want)
	}
	r.tap("情景体验")
	cards := 0
	for _, o := range test.LaidOutObjects(r.win.Canvas().Content()) { // not settled: no decode the tap started has finished
		if ci, ok := o.(*canvas.Image); ok && strings.Contains(r.shell.images.nameOf(ci), "pano/thumb/") {
			cards++
			if !r.shell.images.drawn(ci) {
				t.Errorf("%s had no picture when the list came on", r.shell.images.nameOf(ci))
			}
		}
	}
	if cards == 0 {
		t.Fatal("no scene card pictures on the list")
	}
}

// warmCards counts the scene cards' pictures decoded and kept.
func (r *rig) warmCards() int {
	c := &r.shell.images
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k := range c.entries {
		if strings.Contains(k.path, "pano/thumb/") {
			n++
		}
	}
	return n
}
