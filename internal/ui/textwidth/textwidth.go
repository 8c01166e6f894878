// Package textwidth measures how wide a string is drawn in the kiosk's own font, the way
// Fyne measures it, but with one shaper kept for the life of the program.
//
// Fyne builds a new HarfBuzz font for every string it has not measured in the last minute
// (fyne.MeasureText); with the CJK font's lookup tables that costs more than shaping the
// string itself, and breaking a paragraph into lines measures every character and word in
// it. Widths here reuse one HarfBuzz font per face and are kept (up to a bound), so a new
// question or page is broken into lines in a fraction of the time. A string with a
// character the font lacks, or a tab, is not measured here (ok false): the caller asks Fyne,
// whose fallback fonts draw it.
package textwidth

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// maxKept bounds the widths kept; past it they are forgotten all at once.
const maxKept = 20000

// Widths measures strings in one regular and one bold face. It is safe for concurrent use.
type Widths struct {
	mu     sync.Mutex
	faces  [2]*font.Face // regular, bold
	shaper shaping.HarfbuzzShaper
	seg    shaping.Segmenter
	kept   map[key]float32
	runes  []rune
}

type key struct {
	text string
	px   float32
	bold bool
}

// New parses the regular and bold font files (OpenType or TrueType).
func New(regular, bold []byte) (*Widths, error) {
	w := &Widths{kept: map[key]float32{}}
	w.shaper.SetFontCacheSize(2) // its default keeps none: a new HarfBuzz font per string
	for i, b := range [][]byte{regular, bold} {
		f, err := font.ParseTTF(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("textwidth: parse font %d: %w", i, err)
		}
		w.faces[i] = f
	}
	return w, nil
}

// Width is how wide text is drawn at px (Fyne units) in the regular or bold face, as
// fyne.MeasureText gives it; ok is false where the face cannot say (see the package doc).
func (w *Widths) Width(text string, px float32, bold bool) (width float32, ok bool) {
	k := key{text, px, bold}
	w.mu.Lock()
	defer w.mu.Unlock()
	if v, ok := w.kept[k]; ok {
		return v, true
	}
	face := w.faces[0]
	if bold {
		face = w.faces[1]
	}
	w.runes = w.runes[:0]
	for _, r := range text {
		if r == '\t' || r == '\r' {
			return 0, false
		}
		if _, has := face.NominalGlyph(r); !has {
			return 0, false
		}
		w.runes = append(w.runes, r)
	}
	in := shaping.Input{
		Text: w.runes, RunEnd: len(w.runes), Direction: di.DirectionLTR, Face: face,
		Size: fixed.Int26_6(float64(px) * (1 << 6)),
	}
	// As Fyne does: runs split by script, each shaped, their advances added in float32.
	for _, run := range w.seg.Split(in, oneFace{face}) {
		var adv fixed.Int26_6
		for _, g := range w.shaper.Shape(run).Glyphs {
			adv += g.XAdvance
		}
		width += float32(float64(adv) / (1 << 6))
	}
	if len(w.kept) >= maxKept {
		clear(w.kept)
	}
	w.kept[k] = width
	return width, true
}

// oneFace resolves every rune to the one face (Width has checked it has them all).
type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }
