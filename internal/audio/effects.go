package audio

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/effects"
)

// Sound names a short sound effect, a file <name>.wav among the effects.
type Sound string

// The kiosk's sound effects.
const (
	SoundTap   Sound = "tap"   // a button was pressed
	SoundRight Sound = "right" // a right answer
	SoundWrong Sound = "wrong" // a wrong answer or time up
	SoundWin   Sound = "win"   // a finished quiz, a contest's ranking
	SoundBuzz  Sound = "buzz"  // a team buzzed first (抢答)
)

// Sounds are every effect the kiosk plays.
var Sounds = []Sound{SoundTap, SoundRight, SoundWrong, SoundWin, SoundBuzz}

// Effects plays sound effects on a voice of their own, mixed over narration. Play never
// waits for the device.
type Effects interface {
	Play(s Sound)
	// SetVolume sets 0–100, with the same curve as narration.
	SetVolume(v int)
}

// NoEffects is the effects voice when there is no sound device: it plays nothing.
type NoEffects struct{}

// Play does nothing.
func (NoEffects) Play(Sound) {}

// SetVolume does nothing.
func (NoEffects) SetVolume(int) {}

// BeepEffects holds every effect decoded in memory (they are short) and mixes a fresh
// streamer of one into the output on each Play.
type BeepEffects struct {
	out    Output
	clips  map[Sound]*beep.Buffer
	mu     sync.Mutex
	volume int
}

// NewBeepEffects decodes every sound in Sounds from fsys (<name>.wav) at the output's rate.
func NewBeepEffects(out Output, fsys fs.FS) (*BeepEffects, error) {
	e := &BeepEffects{out: out, clips: map[Sound]*beep.Buffer{}, volume: 80}
	for _, s := range Sounds {
		name := string(s) + ".wav"
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("sound effect %s: %w", name, err)
		}
		src, format, err := decode(name, f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("sound effect %s: %w", name, err)
		}
		var st beep.Streamer = src
		rate := out.SampleRate()
		if format.SampleRate != rate {
			st = beep.Resample(3, format.SampleRate, rate, src)
		}
		buf := beep.NewBuffer(beep.Format{SampleRate: rate, NumChannels: 2, Precision: 2})
		buf.Append(st)
		src.Close()
		if st, ok := st.(interface{ Err() error }); ok && st.Err() != nil {
			return nil, fmt.Errorf("sound effect %s: %w", name, st.Err())
		}
		e.clips[s] = buf
	}
	return e, nil
}

// Length is how long an effect plays (0 for an unknown one).
func (e *BeepEffects) Length(s Sound) int {
	if b := e.clips[s]; b != nil {
		return b.Len()
	}
	return 0
}

// Play mixes s over whatever plays; at volume 0 it plays nothing.
func (e *BeepEffects) Play(s Sound) {
	buf := e.clips[s]
	e.mu.Lock()
	volume := e.volume
	e.mu.Unlock()
	if buf == nil || volume == 0 {
		return
	}
	v := &effects.Volume{Streamer: buf.Streamer(0, buf.Len()), Base: 2}
	setGain(v, volume)
	e.out.Mix(v)
}

// SetVolume sets 0–100 for the effects played from now on.
func (e *BeepEffects) SetVolume(v int) {
	e.mu.Lock()
	e.volume = max(0, min(100, v))
	e.mu.Unlock()
}

// Volumes sets one volume on several voices (narration and effects).
type Volumes []interface{ SetVolume(int) }

// SetVolume sets v on every voice.
func (vs Volumes) SetVolume(v int) {
	for _, x := range vs {
		x.SetVolume(v)
	}
}
