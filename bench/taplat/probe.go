package main

import (
	"bytes"
	"time"
)

// rect is a region left out of comparisons.
type rect struct{ x, y, w, h int }

// probe watches the screen for changes.
type probe struct {
	s     *screen
	prev  []byte
	masks []rect
	poll  time.Duration
	// trace, when set, is told the bounding box of every change grab finds.
	trace func(box rect)
}

func newProbe(s *screen, poll time.Duration) *probe {
	return &probe{s: s, prev: make([]byte, len(s.pix)), poll: poll}
}

// grab snaps the screen, blanks the masks and reports whether it differs from the last grab.
func (p *probe) grab() (bool, error) {
	if err := p.s.snap(); err != nil {
		return false, err
	}
	for _, m := range p.masks {
		for y := max(0, m.y); y < min(p.s.H, m.y+m.h); y++ {
			row := p.s.pix[y*p.s.Stride:]
			clear(row[max(0, m.x)*4 : min(p.s.W, m.x+m.w)*4])
		}
	}
	if bytes.Equal(p.s.pix, p.prev) {
		return false, nil
	}
	if p.trace != nil {
		p.trace(p.changed())
	}
	copy(p.prev, p.s.pix)
	return true, nil
}

// changed is the bounding box of the pixels that differ from the last grab.
func (p *probe) changed() rect {
	x0, y0, x1, y1 := p.s.W, p.s.H, -1, -1
	for y := 0; y < p.s.H; y++ {
		a := p.s.pix[y*p.s.Stride : y*p.s.Stride+p.s.W*4]
		b := p.prev[y*p.s.Stride : y*p.s.Stride+p.s.W*4]
		if bytes.Equal(a, b) {
			continue
		}
		y0, y1 = min(y0, y), y
		for x := 0; x < p.s.W; x++ {
			if !bytes.Equal(a[4*x:4*x+3], b[4*x:4*x+3]) {
				x0, x1 = min(x0, x), max(x1, x)
			}
		}
	}
	return rect{x0, y0, x1 - x0 + 1, y1 - y0 + 1}
}

// quiet waits until the screen has not changed for d (at most limit).
func (p *probe) quiet(d, limit time.Duration) error {
	t0 := time.Now()
	last := t0
	for time.Since(t0) < limit {
		ch, err := p.grab()
		if err != nil {
			return err
		}
		if ch {
			last = time.Now()
		} else if time.Since(last) >= d {
			return nil
		}
		time.Sleep(p.poll)
	}
	return nil
}

// measure taps (x, y) and returns the time to the first changed frame and to the last
// change before the screen stayed still for settle; -1 when nothing changed within limit.
func (p *probe) measure(x, y int, settle, limit time.Duration) (first, last time.Duration, err error) {
	if _, err = p.grab(); err != nil {
		return
	}
	first, last = -1, -1
	t0 := time.Now()
	p.s.tap(x, y)
	for {
		ch, err := p.grab()
		if err != nil {
			return first, last, err
		}
		now := time.Since(t0)
		if ch {
			last = now
			if first < 0 {
				first = now
			}
		}
		if first >= 0 && now-last > settle {
			return first, last, nil
		}
		if now > limit {
			return first, last, nil
		}
		time.Sleep(p.poll)
	}
}

// colours counts the distinct colours on screen (every 2nd pixel of every 2nd row), up to n.
func (s *screen) colours(n int) int {
	seen := make(map[uint32]struct{}, n)
	for y := 0; y < s.H; y += 2 {
		row := s.pix[y*s.Stride:]
		for x := 0; x < s.W; x += 2 {
			c := uint32(row[4*x]) | uint32(row[4*x+1])<<8 | uint32(row[4*x+2])<<16
			if _, ok := seen[c]; !ok {
				seen[c] = struct{}{}
				if len(seen) >= n {
					return n
				}
			}
		}
	}
	return len(seen)
}
