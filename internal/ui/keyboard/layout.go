package keyboard

import (
	"math"
	"strings"
)

// kind is what a key does.
type kind uint8

const (
	kLetter    kind = iota // a–z: pinyin, or the letter itself in English mode
	kChar                  // digits and punctuation: typed as they are
	kBackspace             // the last pinyin letter, else the last character
	kSpace                 // commits the first candidate, else a space
	kShift                 // English: the next letter in capitals
	kClear                 // pinyin: forget the letters typed
	kSymbols               // letters ⇄ digits and punctuation
	kLang                  // pinyin ⇄ English
	kCand                  // a candidate
	kPrev                  // the previous page of candidates
	kNext                  // the next page of candidates
)

// box is a rectangle in the widget's coordinates.
type box struct{ x, y, w, h float32 }

func (b box) has(x, y float32) bool { return x >= b.x && x < b.x+b.w && y >= b.y && y < b.y+b.h }

// key is one target on screen.
type key struct {
	kind  kind
	label string
	value string // what it types
	cand  int    // kCand: index into the candidates
	box
}

// spec is a key of a board row, in key units (one letter key is 1).
type spec struct {
	kind  kind
	value string
	width float32
}

// Board rows are 11.5 units wide: ten letters and a 1.5 backspace.
const rowUnits = 11.5

func chars(s string, k kind) []spec {
	var out []spec
	for _, f := range strings.Fields(s) {
		out = append(out, spec{kind: k, value: f, width: 1})
	}
	return out
}

func row(parts ...[]spec) []spec {
	var out []spec
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func one(k kind, w float32) []spec { return []spec{{kind: k, width: w}} }
func gap(w float32) []spec         { return []spec{{kind: kChar, width: -w}} } // negative: empty space
func letters(s string) []spec      { return chars(strings.Join(strings.Split(s, ""), " "), kLetter) }
func keys(s string) []spec         { return chars(s, kChar) }
func last(rows [][]spec) [][]spec {
	return append(rows, row(one(kSymbols, 2), one(kLang, 2), one(kSpace, 7.5)))
}

// boardFor is the four rows of keys of a mode (pinyin or English) and page (letters or
// digits and punctuation).
func boardFor(english, symbols bool) [][]spec {
	switch {
	case symbols && english:
		return last([][]spec{
			row(keys("1 2 3 4 5 6 7 8 9 0"), one(kBackspace, 1.5)),
			row(gap(0.5), keys(", . ! ? ' : ; \" ( ) -")),
			row(gap(1.5), keys("~ … · + = % ♥ ★ ☀ &")),
		})
	case symbols:
		return last([][]spec{
			row(keys("1 2 3 4 5 6 7 8 9 0"), one(kBackspace, 1.5)),
			row(gap(0.5), keys("， 。 ！ ？ 、 ： ； “ ” （ ）")),
			row(gap(1.5), keys("～ — …… · 《 》 % ♥ ★ ☀")),
		})
	case english:
		return last([][]spec{
			row(letters("qwertyuiop"), one(kBackspace, 1.5)),
			row(gap(0.5), letters("asdfghjkl"), keys(", .")),
			row(one(kShift, 1.5), letters("zxcvbnm"), keys("! ? '")),
		})
	}
	return last([][]spec{
		row(letters("qwertyuiop"), one(kBackspace, 1.5)),
		row(gap(0.5), letters("asdfghjkl"), keys("， 。")),
		row(one(kClear, 1.5), letters("zxcvbnm"), keys("！ ？ 、")),
	})
}

// arrangement is where everything goes at one size.
type arrangement struct {
	unit     float32 // key height
	gap      float32
	keyText  float32 // key label size
	candText float32
	textSize float32 // the committed text
	display  box     // the committed text's box
	lines    int     // text lines the display shows
	compose  box     // the pinyin being typed (zero in English mode)
	bar      box     // the candidate bar (zero in English mode)
	keys     []key   // candidates, paging arrows, then the board
	candEnd  int     // candidates [candStart, candEnd) are on screen
}

// sizing are the sizes the arrangement scales between.
type sizing struct {
	maxKey, minKey, textSize float32
	maxRunes                 int
}

// arrange lays the keyboard out in a w×h area. measure gives a text's width at a size.
// Keys are as tall as fits, up to maxKey; everything else scales with them.
func arrange(w, h float32, z sizing, st *state, measure func(string, float32) float32) arrangement {
	pinyin := !st.english
	// Rows of keys: 4 board rows, plus (pinyin) a half-height composition line and a
	// candidate bar as tall as a key; gaps are 8% of a key.
	rows := float32(4)
	if pinyin {
		rows += 1.5
	}
	var a arrangement
	a.unit = z.maxKey
	for range 2 { // the display's height depends on the text size, which depends on the unit
		a.textSize = max(min(z.textSize, a.unit*0.5), 24)
		a.lines = displayLines(w, a.textSize, z.maxRunes)
		dh := displayHeight(a.lines, a.textSize)
		gaps := (rows + 2) * 0.08
		a.unit = max(24, min(z.maxKey, (h-dh)/(rows+gaps))) // below minKey only if MinSize was refused
		a.unit = min(a.unit, w/rowUnits)                    // portrait: as wide as the screen allows
		a.unit = float32(math.Floor(float64(a.unit)))
	}
	a.gap = max(4, float32(math.Round(float64(a.unit*0.08))))
	a.keyText = float32(math.Round(float64(a.unit * 0.4)))
	a.candText = float32(math.Round(float64(a.unit * 0.46)))
	// Keys may be wider than tall on a wide screen, up to 1.4 times.
	uw := min(w/rowUnits, a.unit*1.4)
	rowW := uw * rowUnits
	x0 := (w - rowW) / 2
	// The block sits at the bottom of the area: within a child's reach on a tall screen.
	dh := displayHeight(a.lines, a.textSize)
	total := dh + a.gap + 4*(a.unit+a.gap) - a.gap
	if pinyin {
		total += a.unit*1.5 + a.gap
	}
	y := max(0, h-total)

	a.display = box{x0 + a.gap/2, y, rowW - a.gap, dh}
	y += a.display.h + a.gap
	if pinyin {
		a.compose = box{x0 + a.gap/2, y, rowW - a.gap, a.unit * 0.5}
		y += a.compose.h
		a.bar = box{x0 + a.gap/2, y, rowW - a.gap, a.unit}
		a.candEnd = a.candidates(st, measure)
		y += a.unit + a.gap
	}
	for _, r := range boardFor(st.english, st.symbols) {
		x := x0
		for _, s := range r {
			if s.width < 0 {
				x -= s.width * uw
				continue
			}
			k := key{kind: s.kind, value: s.value, label: labelFor(s, st)}
			k.box = box{x + a.gap/2, y, s.width*uw - a.gap, a.unit}
			a.keys = append(a.keys, k)
			x += s.width * uw
		}
		y += a.unit + a.gap
	}
	return a
}

// candidates fills the bar from st.candStart with as many candidates as fit between the
// paging arrows, and returns the index after the last one shown.
func (a *arrangement) candidates(st *state, measure func(string, float32) float32) int {
	arrow := a.unit * 0.9
	left := a.bar.x + arrow + a.gap
	right := a.bar.x + a.bar.w - arrow - a.gap
	x := left
	i := st.candStart
	for ; i < len(st.cands); i++ {
		cw := max(measure(st.cands[i], a.candText)+a.unit*0.5, a.unit*1.1)
		if x+cw > right && i > st.candStart {
			break
		}
		cw = min(cw, right-x) // a word wider than the bar is cut, never pushed off
		a.keys = append(a.keys, key{kind: kCand, label: st.cands[i], cand: i, box: box{x, a.bar.y, cw - a.gap, a.unit}})
		x += cw
	}
	if st.candStart > 0 {
		a.keys = append(a.keys, key{kind: kPrev, label: "‹", box: box{a.bar.x, a.bar.y, arrow, a.unit}})
	}
	if i < len(st.cands) {
		a.keys = append(a.keys, key{kind: kNext, label: "›", box: box{a.bar.x + a.bar.w - arrow, a.bar.y, arrow, a.unit}})
	}
	return i
}

// displayLines is how many lines a full text needs at this width (1 or 2; a longer text
// shows its last two lines).
func displayLines(w, size float32, maxRunes int) int {
	perLine := max(1, int((w*0.9-2*size)/size))
	return min(2, max(1, (maxRunes+perLine-1)/perLine))
}

func displayHeight(lines int, size float32) float32 {
	return float32(lines)*size*1.4 + size*0.8
}

func labelFor(s spec, st *state) string {
	zh := !st.english
	switch s.kind {
	case kLetter:
		if st.english && st.shift {
			return strings.ToUpper(s.value)
		}
		return s.value
	case kBackspace:
		return pick(zh, "删除", "delete")
	case kSpace:
		return pick(zh, "空格", "space")
	case kShift:
		return "⇧"
	case kClear:
		return "清除"
	case kSymbols:
		if st.symbols {
			return pick(zh, "拼音", "ABC")
		}
		return pick(zh, "123 符号", "123")
	case kLang:
		return pick(zh, "English", "中文")
	}
	return s.value
}

func pick(zh bool, a, b string) string {
	if zh {
		return a
	}
	return b
}
