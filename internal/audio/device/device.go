// Package device is the real sound output for package audio, on beep's speaker (oto, ALSA).
// It needs cgo and a sound card; call audio.DetectDevice first so that a machine without
// one never reaches speaker.Init.
package device

import (
	"fmt"
	"sync"
	"time"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/speaker"
)

// Speaker is an audio.Output on the system's default sound device: one narration voice,
// replaced by each Play, and any number of effects mixed over it.
type Speaker struct {
	rate beep.SampleRate

	mu   sync.Mutex
	narr *beep.Ctrl // the narration voice on the speaker's mixer
}

// Open initialises the speaker at 44.1 kHz with a 100 ms buffer.
func Open() (*Speaker, error) {
	rate := beep.SampleRate(44100)
	if err := speaker.Init(rate, rate.N(100*time.Millisecond)); err != nil {
		return nil, fmt.Errorf("open sound device: %w", err)
	}
	return &Speaker{rate: rate}, nil
}

// SampleRate is the device rate.
func (s *Speaker) SampleRate() beep.SampleRate { return s.rate }

// Play replaces the narration voice; effects still sounding go on.
func (s *Speaker) Play(st beep.Streamer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.narr != nil {
		speaker.Lock()
		s.narr.Streamer = nil // a Ctrl without a streamer ends, and the mixer drops it
		speaker.Unlock()
	}
	s.narr = &beep.Ctrl{Streamer: st}
	speaker.Play(s.narr)
}

// Mix adds an effect over the narration.
func (s *Speaker) Mix(st beep.Streamer) { speaker.Play(st) }

// Lock locks the speaker's streaming goroutine out.
func (s *Speaker) Lock() { speaker.Lock() }

// Unlock lets it stream again.
func (s *Speaker) Unlock() { speaker.Unlock() }
