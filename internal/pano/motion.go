package pano

import (
	"math"
	"time"
)

// Motion is where the camera looks and how it moves: a drag turns it with the finger, a
// flick keeps it turning and slowing down (inertia), and when nobody has touched it for a
// while it turns slowly by itself. Time is passed in, so it is tested without waiting.
type Motion struct {
	// AutoSpeed is the slow turn, in degrees per second; IdleBeforeAuto how long after the
	// last touch it starts; Friction the fraction of a flick's speed left after a second.
	AutoSpeed      float64
	IdleBeforeAuto time.Duration
	Friction       float64

	yaw      float64
	vel      float64 // degrees per second, while coasting after a flick
	dragging bool
	lastDrag time.Time
	lastTap  time.Time // last touch of any kind
	last     time.Time // last Step
}

// Defaults of a Motion.
const (
	DefaultAutoSpeed = 4.0 // degrees per second: a full turn in a minute and a half
	DefaultIdle      = 5 * time.Second
	DefaultFriction  = 0.04
	minCoast         = 2.0 // degrees per second below which a flick stops
	maxCoast         = 360.0
)

// NewMotion starts looking at yaw (degrees), with the default speeds.
func NewMotion(yaw float64, now time.Time) *Motion {
	return &Motion{AutoSpeed: DefaultAutoSpeed, IdleBeforeAuto: DefaultIdle, Friction: DefaultFriction,
		yaw: wrap360(yaw), lastTap: now, last: now}
}

// Yaw is the direction the camera looks, in degrees 0–360.
func (m *Motion) Yaw() float64 { return m.yaw }

// TurnTo looks at yaw at once and stops any coasting.
func (m *Motion) TurnTo(yaw float64) {
	m.yaw = wrap360(yaw)
	m.vel = 0
}

// Touch marks a touch that is not a drag (a tap): the slow turn pauses.
func (m *Motion) Touch(now time.Time) {
	m.lastTap = now
	m.vel = 0
}

// Drag turns the camera by deg (a finger moving right turns the view left: the caller
// passes the sign it wants) and measures the finger's speed for the flick.
func (m *Motion) Drag(deg float64, now time.Time) {
	if !m.dragging {
		m.dragging = true
		m.vel = 0
		m.lastDrag = now
	}
	m.yaw = wrap360(m.yaw + deg)
	if dt := now.Sub(m.lastDrag).Seconds(); dt > 0.001 {
		v := deg / dt
		m.vel = 0.6*v + 0.4*m.vel // smooth the jitter of touch events
	}
	m.lastDrag, m.lastTap, m.last = now, now, now
}

// Release ends a drag: the camera coasts at the finger's speed unless the finger rested
// before lifting.
func (m *Motion) Release(now time.Time) {
	m.dragging = false
	if now.Sub(m.lastDrag) > 80*time.Millisecond || math.Abs(m.vel) < minCoast {
		m.vel = 0
	}
	m.vel = max(-maxCoast, min(maxCoast, m.vel))
	m.lastTap, m.last = now, now
}

// Fast reports whether the camera follows a finger or a flick: the frames that may be
// drawn at half resolution.
func (m *Motion) Fast() bool { return m.dragging || m.vel != 0 }

// Auto reports whether the slow turn is running at now.
func (m *Motion) Auto(now time.Time) bool {
	return !m.dragging && m.vel == 0 && m.AutoSpeed != 0 && now.Sub(m.lastTap) >= m.IdleBeforeAuto
}

// Step advances coasting and the slow turn to now and reports whether the yaw changed.
func (m *Motion) Step(now time.Time) bool {
	dt := now.Sub(m.last).Seconds()
	m.last = now
	if dt <= 0 || m.dragging {
		return false
	}
	dt = min(dt, 0.25) // a stalled frame does not jump the view
	switch {
	case m.vel != 0:
		decay := math.Pow(m.Friction, dt)
		m.yaw = wrap360(m.yaw + m.vel*(1-decay)/-math.Log(m.Friction))
		m.vel *= decay
		if math.Abs(m.vel) < minCoast {
			m.vel = 0
			m.lastTap = now // the slow turn waits its idle time after a flick, too
		}
		return true
	case m.Auto(now):
		m.yaw = wrap360(m.yaw + m.AutoSpeed*dt)
		return true
	}
	return false
}
