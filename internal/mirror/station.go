package mirror

import (
	"errors"
	"image"
	"sync"
	"time"
)

// FaceInterval is the time between frames of an illustrated face (25 frames/s).
const FaceInterval = 40 * time.Millisecond

// Config wires a station.
type Config struct {
	// Camera is the real camera; nil means none (the illustrated faces at once).
	Camera Camera
	// Faces are the illustrated faces (boy, girl, woman, man) shown without a camera;
	// each is drawn so that the face sits in Guide.
	Faces []image.Image
	// Deliver hands a frame pair (live, changed) to the screen. It is called on the
	// station's goroutine and must not block: the app hands the pair to the UI thread,
	// which calls Station.Shown once it shows it. Until then no other pair is delivered,
	// and a pair stays untouched until the one after it has been shown.
	Deliver func(live, aged *image.RGBA)
	// CameraProblem tells staff (not the visitor) why the camera is not used; nil: ignored.
	CameraProblem func(err error)
	// Effect is the effect for Guide made ahead (NewEffect takes milliseconds, which the
	// screen's first frame waited for); nil: the station makes it. Apply only reads it.
	Effect *Effect
}

// Station runs the mirror while its zone is on screen. Methods are called from the UI
// thread; frames flow on a goroutine of the station's own.
type Station struct {
	cfg Config
	fx  *Effect

	mu     sync.Mutex
	params Params
	cam    Camera // open camera or face source; nil when closed
	live   bool   // cam is the real camera
	face   int
	stop   chan struct{}
	done   chan struct{}
	tokens chan struct{} // one token: a pair may be delivered
	in     bool          // between Enter and Leave
}

// NewStation makes a closed station.
func NewStation(cfg Config) *Station {
	fx := cfg.Effect
	if fx == nil {
		fx = NewEffect(Guide)
	}
	return &Station{cfg: cfg, fx: fx, tokens: make(chan struct{}, 1)}
}

// Enter opens the camera (or, without one, the chosen illustrated face) and starts
// delivering frames. It reports whether the real camera is in use.
func (s *Station) Enter() bool {
	s.Leave()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.in = true
	if s.cfg.Camera != nil {
		frames, err := s.cfg.Camera.Open()
		if err == nil {
			s.startLocked(s.cfg.Camera, frames, true)
			return true
		}
		if s.cfg.CameraProblem != nil {
			s.cfg.CameraProblem(err)
		}
	} else if s.cfg.CameraProblem != nil {
		s.cfg.CameraProblem(ErrNoCamera)
	}
	s.openFaceLocked()
	return false
}

// UsingCamera reports whether the live camera is on (the 摄像头已开启 marker).
func (s *Station) UsingCamera() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cam != nil && s.live
}

// PickFace shows illustrated face i (the visitor's choice without a camera).
func (s *Station) PickFace(i int) {
	s.mu.Lock()
	if !s.in || s.live || len(s.cfg.Faces) == 0 {
		s.mu.Unlock()
		return
	}
	s.face = ((i % len(s.cfg.Faces)) + len(s.cfg.Faces)) % len(s.cfg.Faces)
	s.mu.Unlock()
	s.closeSource()
	s.mu.Lock()
	s.openFaceLocked()
	s.mu.Unlock()
}

// Face is the illustrated face on show (meaningful without a camera).
func (s *Station) Face() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.face
}

// SetParams changes the effect from the next frame on.
func (s *Station) SetParams(p Params) {
	s.mu.Lock()
	s.params = p
	s.mu.Unlock()
}

// Shown tells the station the last pair delivered is on screen: the next may come.
func (s *Station) Shown() {
	select {
	case s.tokens <- struct{}{}:
	default:
	}
}

// Leave closes the camera and forgets every frame. Safe to call when closed.
func (s *Station) Leave() {
	s.mu.Lock()
	s.in = false
	s.mu.Unlock()
	s.closeSource()
}

func (s *Station) closeSource() {
	s.mu.Lock()
	cam, stop, done := s.cam, s.stop, s.done
	s.cam, s.stop, s.done, s.live = nil, nil, nil, false
	s.mu.Unlock()
	if cam == nil {
		return
	}
	close(stop)
	_ = cam.Close() // closes the frame channel; the goroutine ends
	<-done
}

// openFaceLocked starts the illustrated face source.
func (s *Station) openFaceLocked() {
	if len(s.cfg.Faces) == 0 {
		return
	}
	// 25 frames/s, as a camera would give: the illustrated face goes through the same
	// pipeline (effect, one pair in flight), so a kiosk without a camera costs what one
	// with a camera does.
	src := &Images{Pictures: []image.Image{s.cfg.Faces[s.face%len(s.cfg.Faces)]}, Interval: FaceInterval}
	frames, err := src.Open()
	if err != nil {
		return
	}
	s.startLocked(src, frames, false)
}

func (s *Station) startLocked(cam Camera, frames <-chan *image.RGBA, live bool) {
	s.cam, s.live = cam, live
	s.stop, s.done = make(chan struct{}), make(chan struct{})
	select { // a fresh start may deliver at once
	case s.tokens <- struct{}{}:
	default:
	}
	go s.run(frames, s.stop, s.done, live)
}

// run applies the effect to each frame and delivers pairs, dropping frames while the
// screen is busy. A live camera that stops by itself (unplugged) is replaced by a face.
func (s *Station) run(frames <-chan *image.RGBA, stop, done chan struct{}, live bool) {
	defer close(done)
	var ring [3]struct{ live, aged *image.RGBA }
	for i := range ring {
		ring[i].live = image.NewRGBA(image.Rect(0, 0, FrameW, FrameH))
		ring[i].aged = image.NewRGBA(image.Rect(0, 0, FrameW, FrameH))
	}
	n := 0
	for {
		var f *image.RGBA
		var ok bool
		select {
		case f, ok = <-frames:
		case <-stop:
			return
		}
		if !ok {
			select {
			case <-stop: // closed by Leave
			default:
				if live {
					go s.cameraLost()
				}
			}
			return
		}
		select {
		case <-s.tokens:
		default:
			continue // the screen has not shown the last pair: drop this frame
		}
		s.mu.Lock()
		p := s.params
		s.mu.Unlock()
		pair := &ring[n%len(ring)]
		n++
		copy(pair.live.Pix, f.Pix)
		s.fx.Apply(pair.aged, f, p)
		if s.cfg.Deliver != nil {
			s.cfg.Deliver(pair.live, pair.aged)
		}
	}
}

// errUnplugged is what staff see when the camera stops in the middle of a visit.
var errUnplugged = errors.New("camera stopped (unplugged?)")

// cameraLost switches a visit whose camera stopped to the illustrated faces, and tells staff.
func (s *Station) cameraLost() {
	s.closeSource()
	if s.cfg.CameraProblem != nil {
		s.cfg.CameraProblem(errUnplugged)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.in && s.cam == nil {
		s.openFaceLocked()
	}
}
