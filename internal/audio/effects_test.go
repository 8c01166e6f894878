package audio

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/jindu-edu/kiosk/assets"
)

func TestEffectsMixOverNarration(t *testing.T) {
	out := &fakeOutput{rate: 44100}
	fx, err := NewBeepEffects(out, assets.Sounds())
	if err != nil {
		t.Fatal(err)
	}
	p := NewBeepPlayer(out, nil)
	if err := p.Play(fstest.MapFS{"a.wav": {Data: makeWAV(8000, time.Second)}}, "a.wav"); err != nil {
		t.Fatal(err)
	}
	fx.Play(SoundRight)
	if out.plays != 1 || p.Status().State != Playing {
		t.Fatal("an effect must not replace the narration")
	}
	if len(out.mixed) != 1 {
		t.Fatalf("%d voices mixed, want 1", len(out.mixed))
	}
	buf := make([][2]float64, 44100)
	n, _ := out.mixed[0].Stream(buf)
	if n != fx.Length(SoundRight) || n == 0 {
		t.Fatalf("the effect streamed %d samples, want %d", n, fx.Length(SoundRight))
	}
	loud := 0.0
	for _, s := range buf[:n] {
		loud = max(loud, s[0])
	}
	if loud < 0.1 {
		t.Fatalf("the right-answer chime peaks at %.3f: inaudible", loud)
	}
}

func TestEffectsFollowTheVolume(t *testing.T) {
	out := &fakeOutput{rate: 48000} // a device at another rate: resampled once, at load
	fx, err := NewBeepEffects(out, assets.Sounds())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fx.Length(SoundWin), 48000; got < want {
		t.Fatalf("win is %d samples at 48 kHz, want over a second", got)
	}
	peak := func() float64 {
		buf := make([][2]float64, 48000)
		n, _ := out.mixed[len(out.mixed)-1].Stream(buf)
		m := 0.0
		for _, s := range buf[:n] {
			m = max(m, s[0], -s[0])
		}
		return m
	}
	var both Volumes = Volumes{fx}
	both.SetVolume(100)
	fx.Play(SoundTap)
	full := peak()
	both.SetVolume(60)
	fx.Play(SoundTap)
	if quieter := peak(); quieter >= full*0.5 || quieter == 0 {
		t.Fatalf("at 60 the tap peaks at %.3f against %.3f at 100", quieter, full)
	}
	both.SetVolume(0)
	before := len(out.mixed)
	fx.Play(SoundTap)
	if len(out.mixed) != before {
		t.Fatal("a muted kiosk must play no effect")
	}
}

func TestEffectsNeedEverySound(t *testing.T) {
	_, err := NewBeepEffects(&fakeOutput{rate: 44100}, fstest.MapFS{})
	if err == nil {
		t.Fatal("missing sound files must be an error the log can name")
	}
	var fx Effects = NoEffects{}
	fx.Play(SoundWin) // the silent voice accepts every call
	fx.SetVolume(50)
}
