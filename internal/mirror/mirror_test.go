package mirror

import (
	"image"
	"image/color"
	"sort"
	"sync"
	"testing"
	"time"
)

// face is a flat test picture: a skin-coloured oval in the guide with white "teeth".
func face() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, FrameW, FrameH))
	for y := 0; y < FrameH; y++ {
		for x := 0; x < FrameW; x++ {
			c := color.RGBA{40, 60, 90, 255}
			nx, ny := (float64(x)-Guide.CX)/Guide.RX, (float64(y)-Guide.CY)/Guide.RY
			if nx*nx+ny*ny < 1 {
				c = color.RGBA{224, 172, 140, 255}
				if dx, dy := nx/0.3, (ny-0.52)/0.1; dx*dx+dy*dy < 0.5 {
					c = color.RGBA{245, 245, 240, 255}
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func diff(a, b *image.RGBA, r image.Rectangle) float64 {
	var sum, n float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i := a.PixOffset(x, y)
			for k := 0; k < 3; k++ {
				d := float64(a.Pix[i+k]) - float64(b.Pix[i+k])
				if d < 0 {
					d = -d
				}
				sum += d
			}
			n++
		}
	}
	return sum / n
}

func TestEffectGrowsWithTheYearsAndStaysInTheOval(t *testing.T) {
	src := face()
	fx := NewEffect(Guide)
	dst := image.NewRGBA(src.Bounds())
	faceBox := image.Rect(int(Guide.CX-Guide.RX/2), int(Guide.CY-Guide.RY/2), int(Guide.CX+Guide.RX/2), int(Guide.CY+Guide.RY/2))
	outside := image.Rect(0, 0, 150, FrameH)
	prev := -1.0
	for _, years := range []int{0, 1, 3, 5} {
		fx.Apply(dst, src, Params{Years: years})
		d := diff(src, dst, faceBox)
		if years == 0 && d != 0 {
			t.Fatalf("now: the face changed (%.2f)", d)
		}
		if years > 0 && d <= prev {
			t.Errorf("%d years: change %.2f not more than before (%.2f)", years, d, prev)
		}
		if o := diff(src, dst, outside); o != 0 {
			t.Errorf("%d years: the picture outside the oval changed (%.2f)", years, o)
		}
		prev = d
	}
}

func TestSoftVersionHasNoSoresNorTeeth(t *testing.T) {
	src := face()
	fx := NewEffect(Guide)
	hard, soft := image.NewRGBA(src.Bounds()), image.NewRGBA(src.Bounds())
	fx.Apply(hard, src, Params{Years: 5})
	fx.Apply(soft, src, Params{Years: 5, Soft: true})
	// Sores are red-brown blotches: the hard version has pixels far redder than green.
	reddish := func(img *image.RGBA) int {
		n := 0
		for i := 0; i < len(img.Pix); i += 4 {
			if int(img.Pix[i])-int(img.Pix[i+1]) > 70 {
				n++
			}
		}
		return n
	}
	if reddish(hard) == 0 {
		t.Fatal("five years of methamphetamine drew no sores")
	}
	if reddish(soft) != 0 {
		t.Fatal("the primary-school version drew sores")
	}
	mouth := image.Pt(int(Guide.CX), int(Guide.CY+0.52*Guide.RY))
	if h, s := hard.RGBAAt(mouth.X, mouth.Y), soft.RGBAAt(mouth.X, mouth.Y); int(h.B) >= int(s.B)-20 {
		t.Fatalf("teeth: hard %v soft %v: the hard version should be browner", h, s)
	}
	heroin := image.NewRGBA(src.Bounds())
	fx.Apply(heroin, src, Params{Years: 3, Variant: Heroin})
	meth := image.NewRGBA(src.Bounds())
	fx.Apply(meth, src, Params{Years: 3})
	if diff(heroin, meth, src.Bounds()) == 0 {
		t.Fatal("the heroin variant looks like the methamphetamine one")
	}
}

// collector is a screen: it shows each pair and says so.
type collector struct {
	mu    sync.Mutex
	pairs int
	st    *Station
	auto  bool
	got   chan struct{}
}

func (c *collector) deliver(live, aged *image.RGBA) {
	c.mu.Lock()
	c.pairs++
	c.mu.Unlock()
	select {
	case c.got <- struct{}{}:
	default:
	}
	if c.auto {
		go c.st.Shown()
	}
}

func (c *collector) n() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pairs
}

func (c *collector) wait(t testing.TB) {
	t.Helper()
	select {
	case <-c.got:
	case <-time.After(5 * time.Second):
		t.Fatal("no frame delivered")
	}
}

func TestStationOpensTheCameraOnlyWhileEntered(t *testing.T) {
	cam := &Images{Pictures: []image.Image{face()}, Interval: 5 * time.Millisecond}
	c := &collector{got: make(chan struct{}, 1)}
	st := NewStation(Config{Camera: cam, Faces: []image.Image{face()}, Deliver: c.deliver})
	c.st = st
	if cam.IsOpen() {
		t.Fatal("open before the zone")
	}
	if !st.Enter() || !st.UsingCamera() || !cam.IsOpen() {
		t.Fatal("entering did not open the camera")
	}
	c.wait(t)
	time.Sleep(50 * time.Millisecond)
	if n := c.n(); n != 1 {
		t.Fatalf("%d pairs delivered before the first was shown", n)
	}
	st.Shown()
	c.wait(t)
	st.Leave()
	if cam.IsOpen() || st.UsingCamera() {
		t.Fatal("the camera stayed open after leaving")
	}
	n := c.n()
	st.Shown()
	time.Sleep(50 * time.Millisecond)
	if c.n() != n {
		t.Fatal("frames after leaving")
	}
}

// unpluggable is a camera whose frames stop when the test says so.
type unpluggable struct {
	ch     chan *image.RGBA
	closed bool
}

func (u *unpluggable) Open() (<-chan *image.RGBA, error) {
	u.ch = make(chan *image.RGBA, 1)
	u.ch <- face()
	return u.ch, nil
}

func (u *unpluggable) Close() error { return nil }

func TestStationFallsBackToFacesWhenTheCameraGoes(t *testing.T) {
	cam := &unpluggable{}
	c := &collector{got: make(chan struct{}, 1), auto: true}
	problems := make(chan error, 4)
	st := NewStation(Config{Camera: cam, Faces: []image.Image{face(), face()}, Deliver: c.deliver,
		CameraProblem: func(err error) { problems <- err }})
	c.st = st
	if !st.Enter() {
		t.Fatal("camera not used")
	}
	c.wait(t)
	close(cam.ch) // unplugged
	select {
	case <-problems:
	case <-time.After(5 * time.Second):
		t.Fatal("staff were not told the camera went")
	}
	deadline := time.Now().Add(5 * time.Second)
	for st.UsingCamera() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	n := c.n()
	c.wait(t)
	c.wait(t)
	if c.n() <= n || st.UsingCamera() {
		t.Fatal("no illustrated face after the camera went")
	}
	st.PickFace(1)
	if st.Face() != 1 {
		t.Fatal("the visitor's choice of face was ignored")
	}
	st.Leave()
}

func TestStationWithoutCameraShowsFaces(t *testing.T) {
	c := &collector{got: make(chan struct{}, 1), auto: true}
	var why error
	st := NewStation(Config{Faces: []image.Image{face()}, Deliver: c.deliver, CameraProblem: func(err error) { why = err }})
	c.st = st
	if st.Enter() {
		t.Fatal("a camera where there is none")
	}
	c.wait(t)
	if why == nil {
		t.Fatal("staff were not told there is no camera")
	}
	st.Leave()
}

// BenchmarkEffect is the cost of drawing the change into one 640×480 frame (the station
// does it for every frame shown); it prints p50 and p99.
func BenchmarkEffect(b *testing.B) {
	src := face()
	dst := image.NewRGBA(src.Bounds())
	fx := NewEffect(Guide)
	var ds []time.Duration
	for b.Loop() {
		t0 := time.Now()
		fx.Apply(dst, src, Params{Years: 5})
		ds = append(ds, time.Since(t0))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkPipeline runs the station on a 60 frames/s picture source with a screen that
// shows every pair at once: the frames per second it sustains with the effect on.
func BenchmarkPipeline(b *testing.B) {
	cam := &Images{Pictures: []image.Image{face()}, Interval: time.Second / 60}
	c := &collector{got: make(chan struct{}, 1), auto: true}
	st := NewStation(Config{Camera: cam, Deliver: c.deliver})
	c.st = st
	st.SetParams(Params{Years: 5})
	st.Enter()
	t0 := time.Now()
	for b.Loop() {
		c.wait(b)
	}
	el := time.Since(t0)
	st.Leave()
	b.ReportMetric(float64(b.N)/el.Seconds(), "frames/s")
}
