package audio

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/gopxl/beep/v2"
)

// fakeOutput pulls samples only when the test says so.
type fakeOutput struct {
	mu    sync.Mutex
	rate  beep.SampleRate
	s     beep.Streamer
	mixed []beep.Streamer
	plays int // narration voices started
}

func (o *fakeOutput) SampleRate() beep.SampleRate { return o.rate }
func (o *fakeOutput) Play(s beep.Streamer)        { o.mu.Lock(); o.s = s; o.plays++; o.mu.Unlock() }
func (o *fakeOutput) Mix(s beep.Streamer)         { o.mu.Lock(); o.mixed = append(o.mixed, s); o.mu.Unlock() }
func (o *fakeOutput) Lock()                       { o.mu.Lock() }
func (o *fakeOutput) Unlock()                     { o.mu.Unlock() }

// pull streams n samples as the device would; it reports whether anything was playing.
func (o *fakeOutput) pull(n int) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.s == nil {
		return false
	}
	buf := make([][2]float64, n)
	_, ok := o.s.Stream(buf)
	if !ok {
		o.s = nil
	}
	return true
}

// makeWAV makes a mono 16-bit PCM clip of d at rate.
func makeWAV(rate int, d time.Duration) []byte {
	n := int(float64(rate) * d.Seconds())
	var b bytes.Buffer
	w := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	w(uint32(36 + 2*n))
	b.WriteString("WAVEfmt ")
	w(uint32(16))
	w(uint16(1))
	w(uint16(1))
	w(uint32(rate))
	w(uint32(rate * 2))
	w(uint16(2))
	w(uint16(16))
	b.WriteString("data")
	w(uint32(2 * n))
	for i := 0; i < n; i++ {
		w(int16(i % 2000))
	}
	return b.Bytes()
}

func TestPlayPauseResumeFinish(t *testing.T) {
	fsys := fstest.MapFS{"a.wav": {Data: makeWAV(8000, 500*time.Millisecond)}}
	out := &fakeOutput{rate: 16000} // exercises resampling
	done := make(chan Status, 1)
	p := NewBeepPlayer(out, func(s Status) { done <- s })
	if err := p.Play(fsys, "a.wav"); err != nil {
		t.Fatal(err)
	}
	st := p.Status()
	if st.State != Playing || st.Clip != "a.wav" || st.Length != 500*time.Millisecond {
		t.Fatalf("status %+v", st)
	}
	out.pull(4000) // 250 ms at 16 kHz
	if pr := p.Status().Progress(); pr < 0.4 || pr > 0.6 {
		t.Fatalf("progress %.2f after half the clip", pr)
	}
	p.Pause()
	before := p.Status().Position
	out.pull(4000)
	if p.Status().State != Paused || p.Status().Position != before {
		t.Fatal("a paused clip must not advance")
	}
	p.Resume()
	for i := 0; i < 20 && out.pull(1600); i++ {
	}
	select {
	case st := <-done:
		if !st.Finished || st.State != Stopped {
			t.Fatalf("end status %+v", st)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the end of the clip was not reported")
	}
}

func TestStopAndReplace(t *testing.T) {
	fsys := fstest.MapFS{"a.wav": {Data: makeWAV(8000, time.Second)}, "b.wav": {Data: makeWAV(8000, time.Second)}}
	out := &fakeOutput{rate: 8000}
	p := NewBeepPlayer(out, nil)
	p.SetVolume(0)
	if err := p.Play(fsys, "a.wav"); err != nil {
		t.Fatal(err)
	}
	if err := p.Play(fsys, "b.wav"); err != nil {
		t.Fatal(err)
	}
	if p.Status().Clip != "b.wav" {
		t.Fatal("the second clip must replace the first")
	}
	p.Stop()
	if st := p.Status(); st.State != Stopped || st.Finished || st.Clip != "" {
		t.Fatalf("after stop: %+v", st)
	}
	p.Pause() // harmless when nothing plays
	p.Resume()
}

func TestBrokenClipIsAnErrorNotAHang(t *testing.T) {
	fsys := fstest.MapFS{"bad.ogg": {Data: []byte("OggS but not really")}, "x.flac": {Data: []byte("fLaC")}}
	p := NewBeepPlayer(&fakeOutput{rate: 8000}, nil)
	for _, name := range []string{"bad.ogg", "x.flac", "missing.wav"} {
		if err := p.Play(fsys, name); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
	if p.Status().State != Stopped {
		t.Fatal("a failed play must leave the player stopped")
	}
}

func TestBundledNarrationDecodes(t *testing.T) {
	files, _ := filepath.Glob("../../assets/content/media/audio/*/*.ogg")
	if len(files) == 0 {
		t.Skip("no narration generated")
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	p := NewBeepPlayer(&fakeOutput{rate: 44100}, nil)
	if err := p.Play(fstest.MapFS{"n.ogg": {Data: data}}, "n.ogg"); err != nil {
		t.Fatal(err)
	}
	if p.Status().Length < time.Second {
		t.Fatalf("narration of %v", p.Status().Length)
	}
}

func TestSilentFallback(t *testing.T) {
	dir := t.TempDir()
	none := filepath.Join(dir, "cards-none")
	os.WriteFile(none, []byte("--- no soundcards ---\n"), 0o644)
	one := filepath.Join(dir, "cards-one")
	os.WriteFile(one, []byte(" 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n"), 0o644)

	if ok, why := DetectDevice(filepath.Join(dir, "missing")); ok || why == "" {
		t.Error("a machine without ALSA must be detected as silent, with a reason")
	}
	if ok, why := DetectDevice(none); ok || why != "no sound card is connected" {
		t.Errorf("no cards: %v %q", ok, why)
	}
	if ok, _ := DetectDevice(one); !ok {
		t.Error("a listed card must be detected")
	}
	var p Player = Silent{Why: "no sound card is connected"}
	if err := p.Play(nil, "x.ogg"); err != nil || p.Available() || p.Status().State != Unavailable {
		t.Fatal("the silent player must accept calls and report itself unavailable")
	}
}

func TestCaptions(t *testing.T) {
	lines := Sentences("第一句。第二句很长很长很长。Third one. Last!")
	if len(lines) != 4 {
		t.Fatalf("%q", lines)
	}
	if CaptionAt(lines, 0) != "第一句。" || CaptionAt(lines, 0.99) != "Last!" {
		t.Fatalf("%q %q", CaptionAt(lines, 0), CaptionAt(lines, 0.99))
	}
	if CaptionAt(lines, 0.3) != "第二句很长很长很长。" {
		t.Fatalf("%q", CaptionAt(lines, 0.3))
	}
}

func TestCaptionClockReadsAtReadingPace(t *testing.T) {
	lines := Sentences("第一句。第二句很长很长很长很长很长很长。Third.")
	c := NewCaptionClock(lines)
	if ReadingTime("短。") != 2*time.Second || ReadingTime("十个汉字十个汉字十个。") <= 2*time.Second {
		t.Fatal("a line stays up at least two seconds, long lines longer")
	}
	now := time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC)
	if c.Status(now).State != Stopped {
		t.Fatal("captions start stopped")
	}
	c.Start(now)
	if st := c.Status(now); st.State != Playing || c.Line(st.Position) != "第一句。" {
		t.Fatalf("at the start: %+v %q", st, c.Line(st.Position))
	}
	now = now.Add(2500 * time.Millisecond)
	if st := c.Status(now); c.Line(st.Position) != "第二句很长很长很长很长很长很长。" || c.Index(st.Position) != 1 {
		t.Fatalf("after 2.5 s: %q", c.Line(st.Position))
	}
	c.Pause(now)
	now = now.Add(time.Minute)
	if st := c.Status(now); st.State != Paused || c.Line(st.Position) != "第二句很长很长很长很长很长很长。" {
		t.Fatal("a paused caption stays")
	}
	c.Resume(now)
	now = now.Add(c.Length())
	if st := c.Status(now); st.State != Stopped || !st.Finished || st.Progress() != 1 {
		t.Fatalf("at the end: %+v", st)
	}
}
