//go:build linux

package mirror

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"sync"

	"github.com/blackjack/webcam"
)

// V4L2 pixel formats the station reads.
const (
	fmtYUYV  = webcam.PixelFormat(0x56595559) // 'YUYV'
	fmtMJPEG = webcam.PixelFormat(0x47504a4d) // 'MJPG'
)

// V4L2 is a USB or built-in camera on Linux (/dev/video0 by default), read at 640×480.
type V4L2 struct {
	Device string

	mu   sync.Mutex
	cam  *webcam.Webcam
	stop chan struct{}
	done chan struct{}
}

// Open opens the device and starts streaming.
func (c *V4L2) Open() (<-chan *image.RGBA, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cam != nil {
		return nil, errors.New("camera already open")
	}
	dev := c.Device
	if dev == "" {
		dev = "/dev/video0"
	}
	if _, err := os.Stat(dev); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNoCamera, dev)
	}
	cam, err := webcam.Open(dev)
	if err != nil {
		return nil, fmt.Errorf("camera %s: %w", dev, err)
	}
	formats := cam.GetSupportedFormats()
	pf := fmtYUYV
	if _, ok := formats[fmtYUYV]; !ok {
		if _, ok := formats[fmtMJPEG]; !ok {
			cam.Close()
			return nil, fmt.Errorf("camera %s: neither YUYV nor MJPEG offered", dev)
		}
		pf = fmtMJPEG
	}
	got, w, h, err := cam.SetImageFormat(pf, FrameW, FrameH)
	if err != nil {
		cam.Close()
		return nil, fmt.Errorf("camera %s: format: %w", dev, err)
	}
	_ = cam.SetBufferCount(3)
	if err := cam.StartStreaming(); err != nil {
		cam.Close()
		return nil, fmt.Errorf("camera %s: start: %w", dev, err)
	}
	c.cam, c.stop, c.done = cam, make(chan struct{}), make(chan struct{})
	out := make(chan *image.RGBA)
	go c.run(cam, got, int(w), int(h), out, c.stop, c.done)
	return out, nil
}

func (c *V4L2) run(cam *webcam.Webcam, pf webcam.PixelFormat, w, h int, out chan<- *image.RGBA, stop, done chan struct{}) {
	defer close(done)
	defer close(out)
	ring := newRing(3)
	for {
		select {
		case <-stop:
			return
		default:
		}
		err := cam.WaitForFrame(1)
		var timeout *webcam.Timeout
		if errors.As(err, &timeout) {
			continue
		}
		if err != nil {
			return // unplugged: the channel closes and the station falls back
		}
		data, idx, err := cam.GetFrame()
		if err != nil {
			return
		}
		buf := ring.next()
		ok := false
		switch pf {
		case fmtYUYV:
			ok = yuyvMirrored(buf, data, w, h)
		case fmtMJPEG:
			if img, err := jpeg.Decode(bytes.NewReader(data)); err == nil {
				copy(buf.Pix, Mirrored(Fit(img, FrameW, FrameH)).Pix)
				ok = true
			}
		}
		_ = cam.ReleaseFrame(idx)
		if !ok {
			continue
		}
		select {
		case out <- buf:
		case <-stop:
			return
		}
	}
}

// Close stops streaming and closes the device.
func (c *V4L2) Close() error {
	c.mu.Lock()
	cam, stop, done := c.cam, c.stop, c.done
	c.cam, c.stop, c.done = nil, nil, nil
	c.mu.Unlock()
	if cam == nil {
		return nil
	}
	close(stop)
	<-done
	return cam.Close()
}

// yuyvMirrored converts a w×h YUYV frame into dst (FrameW×FrameH), mirrored and
// nearest-neighbour scaled when the camera gave another size.
func yuyvMirrored(dst *image.RGBA, data []byte, w, h int) bool {
	if w <= 0 || h <= 0 || len(data) < w*h*2 {
		return false
	}
	for y := 0; y < FrameH; y++ {
		sy := y * h / FrameH
		row := data[sy*w*2:]
		for x := 0; x < FrameW; x++ {
			sx := (FrameW - 1 - x) * w / FrameW
			pair := row[(sx/2)*4:]
			yy := int(pair[0])
			if sx%2 == 1 {
				yy = int(pair[2])
			}
			u, v := int(pair[1])-128, int(pair[3])-128
			r := yy + (91881*v)>>16
			g := yy - (22554*u+46802*v)>>16
			b := yy + (116130*u)>>16
			i := dst.PixOffset(x, y)
			dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = clamp8(r), clamp8(g), clamp8(b), 255
		}
	}
	return true
}

func clamp8(v int) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}
