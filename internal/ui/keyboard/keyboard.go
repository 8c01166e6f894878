// Package keyboard is the kiosk's on-screen keyboard: a big-key QWERTY that types Chinese
// through pinyin (the letters typed are shown above a bar of candidates; a tap on one
// commits it) or English letters directly, with a digits-and-punctuation page, backspace
// (repeating while held), a length cap shown as a counter, and the committed text above it
// all. It draws itself from one widget that hit-tests its own keys (a key is a rectangle
// and a label, not a widget), so a tap costs one lookup and one refresh.
package keyboard

import (
	"image/color"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// IME turns the letters typed into candidates, best first (internal/pinyin's Table).
type IME interface {
	Candidates(input string, limit int) []string
}

// Spanner is an IME that can say how many of the letters a candidate spells, so the rest
// stay typed and a sentence can be committed word by word. Without it a candidate takes
// every letter.
type Spanner interface {
	Span(input, candidate string) int
}

// Options size and colour the keyboard. Zero values take the defaults, which are the
// kiosk theme's sizes at 1920×1080.
type Options struct {
	MaxRunes    int     // the length cap; default 60
	KeySize     float32 // the tallest a key gets; default 96
	MinKeySize  float32 // the smallest, what MinSize asks room for; default 72
	TextSize    float32 // the committed text; default 40 (it shrinks with the keys, never below 24)
	Candidates  int     // how many candidates to fetch for the bar's pages; default 60
	Placeholder string  // shown while nothing is written
	HideCursor  bool    // hide the mouse pointer over the keys (touchscreens; Deps.HideCursor)
	Colors      Colors
	// After schedules the repeats of a held backspace; default: a timer on Fyne's thread.
	After Scheduler
}

// Colors of the keyboard; zero ones take the kiosk palette.
type Colors struct {
	Key, KeyText, Special, Pressed, Display, Text, Muted, Accent, Warn color.Color
}

// MaxInput is how many pinyin letters can wait to be committed.
const MaxInput = 40

// Keyboard is the widget. Set OnChanged to hear every change of the committed text.
type Keyboard struct {
	widget.BaseWidget

	// OnChanged is called with the committed text after every change.
	OnChanged func(text string)

	ime  IME
	opts Options
	st   state
	rep  repeat
}

// state is what the keys change.
type state struct {
	text      []rune
	input     string   // pinyin letters typed, not yet committed
	cands     []string // candidates for input
	candStart int      // the first candidate on the bar's page
	pages     []int    // where the previous pages started
	english   bool
	symbols   bool
	shift     bool
	pressed   int // index of the key under the finger, -1 for none
}

// New returns a keyboard that looks candidates up in ime.
func New(ime IME, opts Options) *Keyboard {
	opts = withDefaults(opts)
	k := &Keyboard{ime: ime, opts: opts, st: state{pressed: -1}, rep: repeat{schedule: opts.After}}
	k.ExtendBaseWidget(k)
	return k
}

func withDefaults(o Options) Options {
	def := func(v *float32, d float32) {
		if *v <= 0 {
			*v = d
		}
	}
	if o.MaxRunes <= 0 {
		o.MaxRunes = 60
	}
	if o.Candidates <= 0 {
		o.Candidates = 60
	}
	if o.After == nil {
		o.After = afterOnUI
	}
	def(&o.KeySize, 96)
	def(&o.MinKeySize, 72)
	def(&o.TextSize, 40)
	o.MinKeySize = min(o.MinKeySize, o.KeySize)
	c := &o.Colors
	col := func(v *color.Color, d color.Color) {
		if *v == nil {
			*v = d
		}
	}
	col(&c.Key, color.NRGBA{0x20, 0x3A, 0x5E, 0xff})
	col(&c.KeyText, color.White)
	col(&c.Special, color.NRGBA{0x2C, 0x4B, 0x75, 0xff})
	col(&c.Pressed, color.NRGBA{0x0A, 0x77, 0x70, 0xff})
	col(&c.Display, color.NRGBA{0x07, 0x16, 0x2B, 0xff})
	col(&c.Text, color.White)
	col(&c.Muted, color.NRGBA{0xC3, 0xD0, 0xE2, 0xff})
	col(&c.Accent, color.NRGBA{0xF5, 0xB9, 0x4A, 0xff})
	col(&c.Warn, color.NRGBA{0xE7, 0x6F, 0x5F, 0xff})
	return o
}

// Text returns the committed text.
func (k *Keyboard) Text() string { return string(k.st.text) }

// SetText replaces the committed text (cut to the cap), forgets the pinyin typed and
// calls OnChanged.
func (k *Keyboard) SetText(s string) {
	r := []rune(s)
	k.st.text = r[:min(len(r), k.opts.MaxRunes)]
	k.setInput("")
	k.changed()
	k.Refresh()
}

// Reset empties the text and the letters typed and goes back to the letters page (for a
// new visitor); the language stays. OnChanged is not called.
func (k *Keyboard) Reset() {
	k.st.text = nil
	k.st.symbols, k.st.shift = false, false
	k.setInput("")
	k.Refresh()
}

// Input returns the pinyin letters typed and not yet committed.
func (k *Keyboard) Input() string { return k.st.input }

// English reports whether the keys type English letters.
func (k *Keyboard) English() bool { return k.st.english }

// SetEnglish switches between pinyin (false) and English letters (true); letters typed
// and not committed are dropped.
func (k *Keyboard) SetEnglish(on bool) {
	k.st.english = on
	k.st.shift = false
	k.setInput("")
	k.Refresh()
}

// Full reports whether the text has reached the cap.
func (k *Keyboard) Full() bool { return len(k.st.text) >= k.opts.MaxRunes }

// Counter is the length shown, "12/60".
func (k *Keyboard) Counter() string { return counter(len(k.st.text), k.opts.MaxRunes) }

// Candidates returns the candidates for the letters typed, all pages.
func (k *Keyboard) Candidates() []string { return k.st.cands }

// Tapped presses the key under the finger (not a backspace that has just been held down
// and repeating: lifting the finger ends the repeat without one more delete).
func (k *Keyboard) Tapped(e *fyne.PointEvent) {
	swallow := k.rep.swallow
	k.rep.swallow = false
	a := k.arrange(k.Size())
	for _, ky := range a.keys {
		if ky.has(e.Position.X, e.Position.Y) {
			if swallow && ky.kind == kBackspace {
				return
			}
			k.press(ky)
			return
		}
	}
}

// MouseDown lights the key under the finger until it lifts; on backspace it starts the
// repeat of a held key.
func (k *Keyboard) MouseDown(e *desktop.MouseEvent) {
	k.rep.stop()
	k.rep.swallow = false
	a := k.arrange(k.Size())
	for i, ky := range a.keys {
		if ky.has(e.Position.X, e.Position.Y) {
			k.st.pressed = i
			if ky.kind == kBackspace {
				k.startRepeat(ky)
			}
			k.Refresh()
			return
		}
	}
}

// MouseUp puts the lit key out and ends a held backspace.
func (k *Keyboard) MouseUp(*desktop.MouseEvent) {
	k.endRepeat()
	if k.st.pressed >= 0 {
		k.st.pressed = -1
		k.Refresh()
	}
}

// Cursor hides the pointer over the keys when Options.HideCursor says so.
func (k *Keyboard) Cursor() desktop.Cursor {
	if k.opts.HideCursor {
		return desktop.HiddenCursor
	}
	return desktop.DefaultCursor
}

// MinSize makes room for keys of MinKeySize.
func (k *Keyboard) MinSize() fyne.Size {
	z := k.sizing()
	w := z.minKey * rowUnits
	rows := float32(4)
	if !k.st.english {
		rows += 1.5
	}
	ts := max(min(z.textSize, z.minKey*0.5), 24)
	h := displayHeight(displayLines(w, ts, z.maxRunes), ts) + z.minKey*(rows+(rows+2)*0.08)
	return fyne.NewSize(w, h)
}

// CreateRenderer draws the keyboard.
func (k *Keyboard) CreateRenderer() fyne.WidgetRenderer { return newRenderer(k) }

func (k *Keyboard) sizing() sizing {
	return sizing{maxKey: k.opts.KeySize, minKey: k.opts.MinKeySize, textSize: k.opts.TextSize, maxRunes: k.opts.MaxRunes}
}

func (k *Keyboard) arrange(s fyne.Size) arrangement {
	return arrange(s.Width, s.Height, k.sizing(), &k.st, measure)
}

func measure(s string, size float32) float32 {
	return fyne.MeasureText(s, size, fyne.TextStyle{}).Width
}

// press does what a key does.
func (k *Keyboard) press(ky key) {
	st := &k.st
	switch ky.kind {
	case kLetter:
		switch {
		case st.english:
			v := ky.value
			if st.shift {
				v = strings.ToUpper(v)
				st.shift = false
			}
			k.insert(v)
		case len(st.input) < MaxInput && !k.Full():
			k.setInput(st.input + ky.value)
		}
	case kChar:
		if st.input != "" && len(st.cands) > 0 {
			k.commit(st.cands[0]) // punctuation after pinyin: the first candidate, then the mark
		}
		k.insert(ky.value)
	case kBackspace:
		k.deleteOne()
	case kSpace:
		switch {
		case st.input != "" && len(st.cands) > 0:
			k.commit(st.cands[0])
		case st.input == "":
			k.insert(" ")
		}
	case kShift:
		st.shift = !st.shift
	case kClear:
		k.setInput("")
	case kSymbols:
		st.symbols = !st.symbols
	case kLang:
		k.SetEnglish(!st.english)
		return
	case kCand:
		k.commit(st.cands[ky.cand])
	case kNext:
		a := k.arrange(k.Size())
		if a.candEnd < len(st.cands) {
			st.pages = append(st.pages, st.candStart)
			st.candStart = a.candEnd
		}
	case kPrev:
		if n := len(st.pages); n > 0 {
			st.candStart = st.pages[n-1]
			st.pages = st.pages[:n-1]
		}
	}
	k.Refresh()
}

// deleteOne takes back the last pinyin letter typed, else the last character; it reports
// whether there was one.
func (k *Keyboard) deleteOne() bool {
	st := &k.st
	switch {
	case st.input != "":
		k.setInput(st.input[:len(st.input)-1])
	case len(st.text) > 0:
		st.text = st.text[:len(st.text)-1]
		k.changed()
	default:
		return false
	}
	return true
}

// commit writes a candidate and keeps the letters it does not spell.
func (k *Keyboard) commit(c string) {
	span := len(k.st.input)
	if sp, ok := k.ime.(Spanner); ok {
		span = min(max(sp.Span(k.st.input, c), 1), len(k.st.input))
	}
	if k.insert(c) {
		k.setInput(k.st.input[span:])
	}
}

// insert adds s to the text if it fits under the cap.
func (k *Keyboard) insert(s string) bool {
	if s == "" || len(k.st.text)+utf8.RuneCountInString(s) > k.opts.MaxRunes {
		return false
	}
	k.st.text = append(k.st.text, []rune(s)...)
	k.changed()
	return true
}

// setInput changes the letters typed and looks their candidates up.
func (k *Keyboard) setInput(in string) {
	k.st.input = in
	k.st.candStart, k.st.pages = 0, nil
	k.st.cands = nil
	if in != "" && k.ime != nil {
		k.st.cands = k.ime.Candidates(in, k.opts.Candidates)
	}
}

func (k *Keyboard) changed() {
	if k.OnChanged != nil {
		k.OnChanged(string(k.st.text))
	}
}

func counter(n, limit int) string { return strconv.Itoa(n) + "/" + strconv.Itoa(limit) }
