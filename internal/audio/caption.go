package audio

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sentences splits narration text into caption lines at sentence ends (。！？.!?).
func Sentences(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	rs := []rune(text)
	for i, r := range rs {
		b.WriteRune(r)
		switch r {
		case '。', '！', '？', '；':
			flush()
		case '.', '!', '?':
			if i+1 == len(rs) || rs[i+1] == ' ' {
				flush()
			}
		}
	}
	flush()
	return out
}

// CaptionAt picks the caption line for a playback progress in [0,1], assuming speech
// proceeds evenly through the characters of the text.
func CaptionAt(lines []string, progress float64) string {
	if len(lines) == 0 {
		return ""
	}
	total := 0
	for _, l := range lines {
		total += utf8.RuneCountInString(l)
	}
	target := int(progress * float64(total))
	for _, l := range lines {
		n := utf8.RuneCountInString(l)
		if target < n {
			return l
		}
		target -= n
	}
	return lines[len(lines)-1]
}

// ReadingTime is how long a caption line stays up when nothing is spoken: about four Chinese
// characters or fifteen Latin letters a second, and never under two seconds.
func ReadingTime(line string) time.Duration {
	var d time.Duration
	for _, r := range line {
		if unicode.Is(unicode.Han, r) {
			d += 250 * time.Millisecond
		} else {
			d += 65 * time.Millisecond
		}
	}
	return max(d, 2*time.Second)
}

// CaptionClock runs captions at reading pace when there is no sound to follow: the silent
// kiosk's stand-in for a playing clip. Times are passed in, so it is tested without sleeps.
type CaptionClock struct {
	lines    []string
	ends     []time.Duration // when each line has been read, from the start
	started  time.Time
	pausedAt time.Time
	paused   time.Duration // time spent paused before pausedAt
	state    State
}

// NewCaptionClock times lines at ReadingTime each; it starts stopped.
func NewCaptionClock(lines []string) *CaptionClock {
	c := &CaptionClock{lines: lines}
	var t time.Duration
	for _, l := range lines {
		t += ReadingTime(l)
		c.ends = append(c.ends, t)
	}
	return c
}

// Start runs the captions from the first line.
func (c *CaptionClock) Start(now time.Time) {
	c.started, c.paused, c.state = now, 0, Playing
}

// Pause holds the line on screen.
func (c *CaptionClock) Pause(now time.Time) {
	if c.state == Playing {
		c.pausedAt, c.state = now, Paused
	}
}

// Resume goes on from the line held.
func (c *CaptionClock) Resume(now time.Time) {
	if c.state == Paused {
		c.paused += now.Sub(c.pausedAt)
		c.state = Playing
	}
}

// Length is the time to read every line.
func (c *CaptionClock) Length() time.Duration {
	if len(c.ends) == 0 {
		return 0
	}
	return c.ends[len(c.ends)-1]
}

// Status is the captions' state at now, in the form the narration bar shows: a run that has
// reached its end is Stopped and Finished.
func (c *CaptionClock) Status(now time.Time) Status {
	st := Status{State: c.state, Length: c.Length()}
	switch c.state {
	case Playing:
		st.Position = now.Sub(c.started) - c.paused
	case Paused:
		st.Position = c.pausedAt.Sub(c.started) - c.paused
	}
	if c.state != Stopped && st.Position >= st.Length {
		c.state = Stopped
		return Status{State: Stopped, Length: st.Length, Position: st.Length, Finished: true}
	}
	return st
}

// Line is the caption line at position p.
func (c *CaptionClock) Line(p time.Duration) string {
	if len(c.lines) == 0 {
		return ""
	}
	return c.lines[c.Index(p)]
}

// Index is the number of the line at position p (the last line past the end).
func (c *CaptionClock) Index(p time.Duration) int {
	for i, end := range c.ends {
		if p < end {
			return i
		}
	}
	return max(0, len(c.lines)-1)
}
