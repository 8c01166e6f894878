// Package synth makes the kiosk's sound effects from nothing but arithmetic: a few sine
// partials under soft envelopes, written as 16-bit mono WAV. They are our own, so they need
// no licence, and `kioskctl media sounds DIR` regenerates the files in assets/sounds.
package synth

import (
	"bytes"
	"encoding/binary"
	"math"
	"sort"
)

// Rate is the sample rate of every effect (the sound device's rate: no resampling).
const Rate = 44100

// peak is the loudest sample: effects mix with narration, so they leave it headroom.
const peak = 0.45

// note is one tone: a start, a length, a pitch and the partials that colour it.
type note struct {
	at, dur float64 // seconds
	freq    float64 // Hz
	glide   float64 // Hz per second (a gentle slide up or down)
	attack  float64 // seconds to full level
	decay   float64 // exponential decay rate after the attack
	bright  float64 // level of the 2nd and 3rd partials (a bell, not a whistle)
	level   float64
}

// Effect names one sound and how it is made.
type Effect struct {
	Name  string
	notes []note
}

// Effects are every sound the kiosk plays, by file name without .wav.
func Effects() []Effect {
	const c6, e6, g6, c7 = 1046.5, 1318.5, 1568.0, 2093.0
	return []Effect{
		// tap: a short soft "tock", quiet enough to hear a hundred times.
		{"tap", []note{{dur: 0.06, freq: 880, glide: -2000, attack: 0.002, decay: 70, bright: 0.2, level: 0.5}}},
		// right: two rising bell notes, a major third.
		{"right", []note{
			{at: 0, dur: 0.35, freq: c6, attack: 0.004, decay: 9, bright: 0.35, level: 0.8},
			{at: 0.11, dur: 0.5, freq: g6, attack: 0.004, decay: 7, bright: 0.35, level: 0.9},
		}},
		// wrong: two low, falling, round notes: gentle, never a buzzer that shames a child.
		{"wrong", []note{
			{at: 0, dur: 0.3, freq: 392, glide: -30, attack: 0.01, decay: 6, bright: 0.1, level: 0.9},
			{at: 0.16, dur: 0.45, freq: 311, glide: -40, attack: 0.01, decay: 5, bright: 0.1, level: 0.9},
		}},
		// win: a rising arpeggio ending on a long sparkling chord.
		{"win", []note{
			{at: 0, dur: 0.3, freq: c6, attack: 0.004, decay: 8, bright: 0.3, level: 0.6},
			{at: 0.12, dur: 0.3, freq: e6, attack: 0.004, decay: 8, bright: 0.3, level: 0.6},
			{at: 0.24, dur: 0.3, freq: g6, attack: 0.004, decay: 8, bright: 0.3, level: 0.6},
			{at: 0.36, dur: 1.1, freq: c7, attack: 0.004, decay: 3, bright: 0.4, level: 0.6},
			{at: 0.36, dur: 1.1, freq: g6, attack: 0.004, decay: 3, bright: 0.2, level: 0.4},
			{at: 0.36, dur: 1.1, freq: e6, attack: 0.004, decay: 3, bright: 0.2, level: 0.4},
		}},
		// buzz: the 抢答 bell, bright and short, so the class hears who was first.
		{"buzz", []note{
			{at: 0, dur: 0.45, freq: 1760, attack: 0.002, decay: 7, bright: 0.6, level: 0.8},
			{at: 0, dur: 0.45, freq: 2217, attack: 0.002, decay: 8, bright: 0.3, level: 0.5},
		}},
	}
}

// Samples renders an effect to samples in [-peak, peak].
func (e Effect) Samples() []float64 {
	end := 0.0
	for _, n := range e.notes {
		end = math.Max(end, n.at+n.dur)
	}
	out := make([]float64, int(end*Rate)+1)
	for _, n := range e.notes {
		start := int(n.at * Rate)
		length := int(n.dur * Rate)
		phase := 0.0
		for i := 0; i < length && start+i < len(out); i++ {
			t := float64(i) / Rate
			env := math.Exp(-n.decay * t)
			if t < n.attack {
				env *= t / n.attack
			}
			if tail := n.dur - t; tail < 0.02 { // fade the last 20 ms: no click at the end
				env *= tail / 0.02
			}
			phase += 2 * math.Pi * (n.freq + n.glide*t) / Rate
			v := math.Sin(phase) + n.bright*(0.6*math.Sin(2*phase)+0.4*math.Sin(3*phase))
			out[start+i] += n.level * env * v
		}
	}
	normalise(out)
	return out
}

// normalise scales so the loudest sample is peak.
func normalise(s []float64) {
	m := 0.0
	for _, v := range s {
		m = math.Max(m, math.Abs(v))
	}
	if m == 0 {
		return
	}
	for i := range s {
		s[i] *= peak / m
	}
}

// WAV encodes samples as a 16-bit mono PCM WAV file.
func WAV(samples []float64) []byte {
	var b bytes.Buffer
	w := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) } // a bytes.Buffer never fails
	n := uint32(len(samples))
	b.WriteString("RIFF")
	w(36 + 2*n)
	b.WriteString("WAVEfmt ")
	w(uint32(16))
	w(uint16(1)) // PCM
	w(uint16(1)) // mono
	w(uint32(Rate))
	w(uint32(Rate * 2))
	w(uint16(2))
	w(uint16(16))
	b.WriteString("data")
	w(2 * n)
	for _, v := range samples {
		w(int16(math.Round(math.Max(-1, math.Min(1, v)) * 32767)))
	}
	return b.Bytes()
}

// Files renders every effect: file name → WAV bytes, in name order.
func Files() (names []string, files map[string][]byte) {
	files = map[string][]byte{}
	for _, e := range Effects() {
		name := e.Name + ".wav"
		names = append(names, name)
		files[name] = WAV(e.Samples())
	}
	sort.Strings(names)
	return names, files
}
