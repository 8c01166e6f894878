package audio

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/effects"
	"github.com/gopxl/beep/v2/mp3"
	"github.com/gopxl/beep/v2/vorbis"
	"github.com/gopxl/beep/v2/wav"
)

// State of the player.
type State int

// Player states.
const (
	Stopped State = iota // nothing loaded, or a clip finished
	Playing
	Paused
	Unavailable // no sound device: the Silent player
)

func (s State) String() string {
	return [...]string{"stopped", "playing", "paused", "unavailable"}[s]
}

// Status is a snapshot for the narration bar.
type Status struct {
	State    State
	Clip     string
	Position time.Duration
	Length   time.Duration
	Finished bool // the last clip played to its end (as opposed to being stopped)
}

// Progress is Position/Length in [0,1].
func (s Status) Progress() float64 {
	if s.Length <= 0 {
		return 0
	}
	return math.Min(1, float64(s.Position)/float64(s.Length))
}

// Player controls narration. All methods are safe to call from the UI thread: none waits
// for the device.
type Player interface {
	// Play starts clip (a path in fsys) from the beginning, replacing what was playing.
	Play(fsys fs.FS, clip string) error
	Pause()
	Resume()
	Stop()
	// SetVolume sets 0–100.
	SetVolume(v int)
	Status() Status
	// Available is false for the Silent player; Reason says why.
	Available() bool
	Reason() string
}

// Output is where samples go: the sound device (package device) or a fake in tests.
type Output interface {
	SampleRate() beep.SampleRate
	// Play replaces the narration voice with s; samples are then pulled by the output.
	Play(s beep.Streamer)
	// Mix adds s over the narration voice until s ends (sound effects).
	Mix(s beep.Streamer)
	// Lock and Unlock guard changes to a streamer the output is pulling from.
	Lock()
	Unlock()
}

// BeepPlayer decodes with beep and plays on an Output.
type BeepPlayer struct {
	out      Output
	onChange func(Status) // called from the output's goroutine when a clip ends

	mu       sync.Mutex // guards the fields below together with out.Lock for ctrl/vol
	clip     string
	src      beep.StreamSeekCloser
	format   beep.Format
	ctrl     *beep.Ctrl
	vol      *effects.Volume
	volume   int
	state    State
	finished bool
}

// NewBeepPlayer plays on out. onChange (may be nil) is called, on the output's goroutine,
// when a clip finishes; the UI must hop to its own thread (fyne.Do) before touching widgets.
func NewBeepPlayer(out Output, onChange func(Status)) *BeepPlayer {
	return &BeepPlayer{out: out, onChange: onChange, volume: 80}
}

// Available is true: a device was found.
func (p *BeepPlayer) Available() bool { return true }

// Reason is empty for a working device.
func (p *BeepPlayer) Reason() string { return "" }

// Play decodes clip and starts it.
func (p *BeepPlayer) Play(fsys fs.FS, clip string) error {
	f, err := fsys.Open(clip)
	if err != nil {
		return fmt.Errorf("open narration %s: %w", clip, err)
	}
	src, format, err := decode(clip, f)
	if err != nil {
		f.Close()
		return fmt.Errorf("decode narration %s: %w", clip, err)
	}
	p.Stop()

	var s beep.Streamer = src
	if sr := p.out.SampleRate(); format.SampleRate != sr {
		s = beep.Resample(3, format.SampleRate, sr, s)
	}
	p.mu.Lock()
	vol := &effects.Volume{Streamer: s, Base: 2}
	setGain(vol, p.volume)
	ctrl := &beep.Ctrl{Streamer: vol}
	p.clip, p.src, p.format, p.ctrl, p.vol = clip, src, format, ctrl, vol
	p.state, p.finished = Playing, false
	p.mu.Unlock()

	// The callback runs with the output locked; ended takes p.mu, so it must not run there
	// (Stop takes p.mu, then the output lock).
	p.out.Play(beep.Seq(ctrl, beep.Callback(func() { go p.ended(ctrl) })))
	return nil
}

// ended runs on the output goroutine when ctrl's clip has played to its end.
func (p *BeepPlayer) ended(ctrl *beep.Ctrl) {
	p.mu.Lock()
	if p.ctrl != ctrl { // a newer clip has replaced this one
		p.mu.Unlock()
		return
	}
	p.state, p.finished = Stopped, true
	p.mu.Unlock()
	if p.onChange != nil {
		p.onChange(p.Status())
	}
}

// Pause holds the clip where it is.
func (p *BeepPlayer) Pause() { p.setPaused(true) }

// Resume continues a paused clip.
func (p *BeepPlayer) Resume() { p.setPaused(false) }

func (p *BeepPlayer) setPaused(paused bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ctrl == nil || p.state == Stopped {
		return
	}
	p.out.Lock()
	p.ctrl.Paused = paused
	p.out.Unlock()
	if paused {
		p.state = Paused
	} else {
		p.state = Playing
	}
}

// Stop ends the clip and releases it.
func (p *BeepPlayer) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ctrl != nil {
		p.out.Lock()
		p.ctrl.Streamer = nil // a Ctrl with no streamer ends at once
		p.out.Unlock()
	}
	if p.src != nil {
		p.src.Close()
	}
	p.clip, p.src, p.ctrl, p.vol = "", nil, nil, nil
	p.state, p.finished = Stopped, false
}

// SetVolume sets 0–100, taking effect at once.
func (p *BeepPlayer) SetVolume(v int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.volume = max(0, min(100, v))
	if p.vol != nil {
		p.out.Lock()
		setGain(p.vol, p.volume)
		p.out.Unlock()
	}
}

// setGain maps 0–100 onto a perceptual curve: 100 is unity, each 20 steps halves.
func setGain(v *effects.Volume, volume int) {
	v.Silent = volume == 0
	v.Volume = float64(volume-100) / 20
}

// Status reports the clip's progress.
func (p *BeepPlayer) Status() Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := Status{State: p.state, Clip: p.clip, Finished: p.finished}
	if p.src != nil {
		p.out.Lock()
		pos, n := p.src.Position(), p.src.Len()
		p.out.Unlock()
		st.Position = p.format.SampleRate.D(pos)
		st.Length = p.format.SampleRate.D(n)
	}
	return st
}

func decode(name string, f fs.File) (beep.StreamSeekCloser, beep.Format, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".ogg":
		return vorbis.Decode(f)
	case ".mp3":
		return mp3.Decode(f)
	case ".wav":
		rs, ok := f.(io.ReadSeeker)
		if !ok {
			data, err := io.ReadAll(f)
			f.Close()
			if err != nil {
				return nil, beep.Format{}, err
			}
			rs = bytes.NewReader(data)
		}
		return wav.Decode(rs)
	}
	return nil, beep.Format{}, fmt.Errorf("unsupported narration format %q", path.Ext(name))
}
