package ui

import (
	"encoding/json"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/mirror"
)

// testCamera is a camera made of one illustrated face (never a photograph of a person).
func testCamera(t *testing.T) *mirror.Images {
	f, err := assets.Content().Open("media/img/mirror/boy.png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return &mirror.Images{Pictures: []image.Image{img}, Interval: 50 * time.Millisecond}
}

func (r *rig) mirrorView() *mirrorView {
	r.t.Helper()
	v, ok := r.shell.top().(*mirrorView)
	if !ok {
		r.t.Fatalf("not on the mirror; screen:\n%s", r.dump())
	}
	return v
}

// waitFrame lets the station deliver a frame pair to the screen.
func (r *rig) waitFrame() {
	r.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		r.settle()
		if v := r.mirrorView(); r.shell.images.drawn(v.live) && r.shell.images.drawn(v.aged) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	r.t.Fatal("no frame reached the screen")
}

func TestMirrorShowsTheLiveFaceChangedAndClosesTheCamera(t *testing.T) {
	cam := testCamera(t)
	r := newRig(t, func(c *rigConfig) { c.deps.Camera = cam })
	r.tap("轻触屏幕 开始参观")
	r.tap("看看“吸毒后的你”")
	if v := r.mirrorView(); v.live.Image == nil || v.aged.Image == nil {
		t.Fatal("the frames wait as no image: Fyne would paint and convert a box-sized blank")
	}
	r.waitFrame()
	if !cam.IsOpen() {
		t.Fatal("the camera is not open in the zone")
	}
	r.mustHave("摄像头已开启", "现在", "1年后", "3年后", "5年后", "请把脸放进框里", "模拟效果 · 画面不保存、不上传")
	v := r.mirrorView()
	now := append([]byte(nil), v.aged.Image.(*image.RGBA).Pix...)
	r.tap("5年后")
	r.mustHave("面容憔悴，看起来比实际年龄老很多。", "冰毒还会让人多疑偏执、冲动暴力，过量可能中毒死亡。", "来源：[NNCC]")
	r.mustHave("这只是模拟。珍爱生命，远离毒品：有人给你毒品，要坚决说“不”，马上离开，告诉家长或老师。")
	v.live.Image, v.aged.Image = r.shell.images.blank, r.shell.images.blank
	r.waitFrame()
	if string(v.aged.Image.(*image.RGBA).Pix) == string(now) {
		t.Fatal("five years on looks the same as now")
	}
	r.tap("海洛因")
	r.mustHave("海洛因过量会导致呼吸衰竭甚至死亡，注射吸毒还会传播艾滋病。")
	if r.has("冰毒还会让人多疑偏执、冲动暴力，过量可能中毒死亡。") {
		t.Fatal("the methamphetamine caption stayed on the heroin variant")
	}

	r.tap("首页")
	r.settle()
	if cam.IsOpen() {
		t.Fatal("the camera stayed open after leaving the zone")
	}
	if r.shell.images.drawn(v.live) || r.shell.images.drawn(v.aged) {
		t.Fatal("a frame was kept after leaving")
	}
	e, ok := r.events.last(event.MirrorUse)
	if !ok {
		t.Fatal("no mirror_use event")
	}
	if e.Data[event.KeyYears] != 5 || e.Data[event.KeyCamera] != true || e.Data[event.KeyDrug] != "heroin" {
		t.Fatalf("mirror_use %v", e.Data)
	}
	// Nothing but small facts is logged: no frame, no face.
	for _, ev := range r.events.all {
		b, _ := json.Marshal(ev)
		if len(b) > 1024 {
			t.Fatalf("an event of %d bytes (%s): frames must never be logged", len(b), ev.Type)
		}
	}
}

func TestMirrorWithoutCameraShowsIllustratedFaces(t *testing.T) {
	r := newRig(t) // no camera
	r.tap("轻触屏幕 开始参观")
	r.tap("看看“吸毒后的你”")
	r.waitFrame()
	if r.has("摄像头已开启") {
		t.Fatal("the camera marker without a camera")
	}
	r.mustHave("选一个人物，看看会变成什么样", "男孩", "女孩", "女士", "男士")
	r.tap("女孩")
	if r.mirrorView().st.Face() != 1 {
		t.Fatal("the face picked was not shown")
	}
	r.tap("1年后")
	r.mustHave("睡不好、吃不下，脸色开始发暗，没有了光泽。")
	if r.shell.cameraNote == "" {
		t.Fatal("staff were not told there is no camera")
	}
	// The idle reset closes the station like leaving does.
	r.tick(10 * time.Minute)
	if _, ok := r.shell.top().(*mirrorView); ok {
		t.Fatal("still on the mirror after the idle reset")
	}
}

func TestMirrorSoftVersionForPrimaryGroups(t *testing.T) {
	r := newRig(t, func(c *rigConfig) {
		c.deps.Camera = testCamera(t)
		c.settings.SoftenGraphic = true
	})
	r.tap("轻触屏幕 开始参观")
	r.tap("看看“吸毒后的你”")
	r.waitFrame()
	r.tap("3年后")
	r.mustHave("人越来越瘦，眼圈发黑，眼窝和脸颊凹了下去。")
	if r.has("皮肤上出现疮和抓痕，牙齿受损、变色。") {
		t.Fatal("primary groups were shown sores")
	}
	if !r.mirrorView().params().Soft {
		t.Fatal("the effect is not the soft one")
	}
	r.tap("首页")
}

func TestMirrorCanBeTurnedOff(t *testing.T) {
	r := newRig(t, func(c *rigConfig) { c.settings.MirrorOff = true })
	r.tap("轻触屏幕 开始参观")
	if r.has("看看“吸毒后的你”") {
		t.Fatal("the mirror tile shows while staff turned the station off")
	}
}

// Home decodes the faces ahead: the mirror comes on with its station running, so that the
// page is drawn once, with the right marker, and the first frame pair follows at once.
// Between visits the faces are dropped.
func TestMirrorFacesAreDecodedAhead(t *testing.T) {
	r := newRig(t) // no camera: the illustrated faces
	r.tap("轻触屏幕 开始参观")
	r.tick(750 * time.Millisecond) // home's work ahead
	if r.shell.faces.fx == nil {
		t.Fatal("the station's effect was not made ahead with the faces")
	}
	if len(r.shell.readyFaces()) != len(r.shell.cat().Mirror.Faces) {
		t.Fatalf("%d faces decoded ahead, want %d", len(r.shell.readyFaces()), len(r.shell.cat().Mirror.Faces))
	}
	r.tap("看看“吸毒后的你”")
	v := r.mirrorView()
	if v.st == nil {
		t.Fatal("the station waited for a decode with the faces decoded ahead")
	}
	if !r.shell.images.drawn(v.live) || !r.shell.images.drawn(v.aged) {
		t.Fatal("the page's first frame waits for the station's first pair")
	}
	first := append([]byte(nil), v.aged.Image.(*image.RGBA).Pix...)
	v.live.Image, v.aged.Image = r.shell.images.blank, r.shell.images.blank
	r.waitFrame()
	if string(v.aged.Image.(*image.RGBA).Pix) != string(first) || string(v.live.Image.(*image.RGBA).Pix) != string(first) {
		t.Fatal("the station's first pair differs from the face shown before it: the screen changes again")
	}
	r.tick(10 * time.Minute) // the visit ends
	if r.shell.readyFaces() != nil || r.shell.faces.fx != nil || r.shell.faces.first != nil {
		t.Fatal("the faces were kept between visits")
	}
}
