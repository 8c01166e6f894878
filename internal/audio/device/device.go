// Package device is the real sound output for package audio, on beep's speaker (oto, ALSA).
// It needs cgo and a sound card; call audio.DetectDevice first so that a machine without
// one never reaches speaker.Init.
package device

import (
	"fmt"
	"time"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/speaker"
)

// Speaker is an audio.Output on the system's default sound device.
type Speaker struct {
	rate beep.SampleRate
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

// Play replaces what is playing.
func (s *Speaker) Play(st beep.Streamer) {
	speaker.Clear()
	speaker.Play(st)
}

// Lock locks the speaker's streaming goroutine out.
func (s *Speaker) Lock() { speaker.Lock() }

// Unlock lets it stream again.
func (s *Speaker) Unlock() { speaker.Unlock() }
