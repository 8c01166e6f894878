package mirror

import (
	"errors"
	"image"
	"image/draw"
	"sync"
	"time"
)

// ErrNoCamera means there is no camera to open (no device, or not on this platform).
var ErrNoCamera = errors.New("no camera")

// FrameW and FrameH are the size frames are captured and processed at.
const FrameW, FrameH = 640, 480

// Camera is a video source. Open starts it: frames arrive, already mirrored (the visitor
// sees themselves as in a mirror), on the returned channel until Close; the channel is
// closed when the camera stops (Close, or the device gone). Each frame is the receiver's
// until it takes the next one.
type Camera interface {
	Open() (<-chan *image.RGBA, error)
	Close() error
}

// Images is a camera that shows pictures in turn: for tests, for the bench, and for a
// kiosk without a camera (the illustrated faces). Interval is the time between frames.
type Images struct {
	Pictures []image.Image
	Interval time.Duration

	mu     sync.Mutex
	stop   chan struct{}
	done   chan struct{}
	opened int
	closed int
}

// Open starts emitting the pictures, scaled to FrameW×FrameH and mirrored.
func (c *Images) Open() (<-chan *image.RGBA, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.Pictures) == 0 {
		return nil, ErrNoCamera
	}
	if c.stop != nil {
		return nil, errors.New("camera already open")
	}
	frames := make([]*image.RGBA, len(c.Pictures))
	for i, p := range c.Pictures {
		frames[i] = Mirrored(Fit(p, FrameW, FrameH))
	}
	c.stop, c.done = make(chan struct{}), make(chan struct{})
	c.opened++
	out := make(chan *image.RGBA)
	go c.run(frames, out, c.stop, c.done)
	return out, nil
}

func (c *Images) run(frames []*image.RGBA, out chan<- *image.RGBA, stop, done chan struct{}) {
	defer close(done)
	defer close(out)
	iv := c.Interval
	if iv <= 0 {
		iv = 40 * time.Millisecond
	}
	t := time.NewTicker(iv)
	defer t.Stop()
	ring := newRing(3)
	for i := 0; ; i++ {
		buf := ring.next()
		copy(buf.Pix, frames[i%len(frames)].Pix)
		select {
		case out <- buf:
		case <-stop:
			return
		}
		select {
		case <-t.C:
		case <-stop:
			return
		}
	}
}

// Close stops the pictures; the frame channel is closed.
func (c *Images) Close() error {
	c.mu.Lock()
	stop, done := c.stop, c.done
	c.stop, c.done = nil, nil
	if stop != nil {
		c.closed++
	}
	c.mu.Unlock()
	if stop != nil {
		close(stop)
		<-done
	}
	return nil
}

// IsOpen reports whether the camera is running (tests: it must be closed after the zone).
func (c *Images) IsOpen() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stop != nil
}

// ring hands out n frame buffers in turn: the receiver of a frame holds it until it takes
// the next, so with three a frame is never written while it is shown.
type ring struct {
	bufs []*image.RGBA
	i    int
}

func newRing(n int) *ring {
	r := &ring{}
	for range n {
		r.bufs = append(r.bufs, image.NewRGBA(image.Rect(0, 0, FrameW, FrameH)))
	}
	return r
}

func (r *ring) next() *image.RGBA {
	b := r.bufs[r.i%len(r.bufs)]
	r.i++
	return b
}

// Fit scales img to cover w×h (cropping the overflow, centred), as a camera frames a scene.
func Fit(img image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	b := img.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 {
		return dst
	}
	// Nearest-neighbour cover scaling: fixed cost, no dependency; frames are photos or
	// illustrations already near the size.
	sx := float64(b.Dx()) / float64(w)
	sy := float64(b.Dy()) / float64(h)
	s := min(sx, sy)
	ox := float64(b.Min.X) + (float64(b.Dx())-s*float64(w))/2
	oy := float64(b.Min.Y) + (float64(b.Dy())-s*float64(h))/2
	src := image.NewRGBA(b)
	draw.Draw(src, b, img, b.Min, draw.Src)
	for y := 0; y < h; y++ {
		syi := int(oy + (float64(y)+0.5)*s)
		for x := 0; x < w; x++ {
			sxi := int(ox + (float64(x)+0.5)*s)
			si := src.PixOffset(sxi, syi)
			di := dst.PixOffset(x, y)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}

// Mirrored is img flipped left to right.
func Mirrored(img *image.RGBA) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			si := img.PixOffset(x, y)
			di := out.PixOffset(b.Max.X-1-(x-b.Min.X), y)
			copy(out.Pix[di:di+4], img.Pix[si:si+4])
		}
	}
	return out
}
