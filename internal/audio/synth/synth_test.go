package synth

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/gopxl/beep/v2/wav"
)

func TestEffectsAreShortQuietAndDecodable(t *testing.T) {
	want := map[string]bool{"tap": true, "right": true, "wrong": true, "win": true, "buzz": true}
	for _, e := range Effects() {
		delete(want, e.Name)
		s := e.Samples()
		secs := float64(len(s)) / Rate
		limit := 0.8
		if e.Name == "win" {
			limit = 2
		}
		if e.Name == "tap" {
			limit = 0.1
		}
		if secs <= 0.03 || secs > limit {
			t.Errorf("%s lasts %.2fs, want (0.03, %.1f]", e.Name, secs, limit)
		}
		m := 0.0
		for _, v := range s {
			m = math.Max(m, math.Abs(v))
		}
		if math.Abs(m-peak) > 1e-9 {
			t.Errorf("%s peaks at %.3f, want %.2f (headroom under narration)", e.Name, m, peak)
		}
		if last := math.Abs(s[len(s)-1]); last > 0.01 {
			t.Errorf("%s ends at %.3f: a click", e.Name, last)
		}
		st, format, err := wav.Decode(bytes.NewReader(WAV(s)))
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		if format.SampleRate != Rate || st.Len() != len(s) {
			t.Errorf("%s decodes as %d samples at %d Hz", e.Name, st.Len(), format.SampleRate)
		}
	}
	if len(want) > 0 {
		t.Errorf("effects missing: %v", want)
	}
}

func TestFilesAreReproducible(t *testing.T) {
	_, a := Files()
	_, b := Files()
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// The shipped files are the generator's output: change one, regenerate (make sounds).
func TestShippedSoundsMatchTheGenerator(t *testing.T) {
	names, files := Files()
	for _, name := range names {
		got, err := os.ReadFile(filepath.Join("..", "..", "..", "assets", "sounds", name))
		if err != nil {
			t.Fatalf("%v (run make sounds)", err)
		}
		if !bytes.Equal(got, files[name]) {
			t.Errorf("assets/sounds/%s is not what the generator makes: run make sounds", name)
		}
	}
}
