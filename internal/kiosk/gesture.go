package kiosk

import "time"

// Gesture detects the hidden staff gesture: Taps taps on the hidden corner within Window.
type Gesture struct {
	clock  Clock
	Taps   int
	Window time.Duration
	times  []time.Time
}

// NewGesture detects 5 taps within 3 seconds.
func NewGesture(c Clock) *Gesture { return &Gesture{clock: c, Taps: 5, Window: 3 * time.Second} }

// Tap records a tap on the hidden corner and reports whether the gesture is complete.
func (g *Gesture) Tap() bool {
	now := g.clock.Now()
	keep := g.times[:0]
	for _, t := range g.times {
		if now.Sub(t) < g.Window {
			keep = append(keep, t)
		}
	}
	g.times = append(keep, now)
	if len(g.times) >= g.Taps {
		g.times = g.times[:0]
		return true
	}
	return false
}
