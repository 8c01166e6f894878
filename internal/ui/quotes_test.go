package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/quizbank"
)

// advance is how wide the bundled font draws r, in ems.
func advance(t *testing.T, f *sfnt.Font, buf *sfnt.Buffer, r rune) float64 {
	gi, err := f.GlyphIndex(buf, r)
	if err != nil || gi == 0 {
		t.Fatalf("no glyph for %q", r)
	}
	adv, err := f.GlyphAdvance(buf, gi, fixed.I(100), font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	return float64(adv) / 64 / 100
}

// englishTexts is every English text a visitor or staff member can be shown: the English
// UI strings and the English side of the content and the quiz bank.
func englishTexts(t *testing.T) []string {
	cat, rep := content.Load(assets.Content())
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	strs, err := LoadStrings(assets.Strings())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for k := range strs.tables[content.En] {
		out = append(out, strs.T(content.En, k))
	}
	all := cat.Texts() // zh, en pairs, then the contacts' numbers
	for i := 1; i < len(all)-len(cat.Meta.Help.Contacts); i += 2 {
		out = append(out, all[i])
	}
	bank, _ := quiz.Load(quizbank.Files(), assets.Content())
	for _, q := range bank.Questions {
		out = append(out, q.Prompt.En, q.Explanation.En)
		for _, c := range q.Choices {
			out = append(out, c.En)
		}
	}
	return out
}

// TestEnglishPunctuationIsProportional: the bundled Chinese font draws “ ” ‘ ’ … full-width,
// so English text shows straight quotes and three dots instead (englishPunct); after that
// no punctuation mark of any English text is drawn a full em wide.
func TestEnglishPunctuationIsProportional(t *testing.T) {
	f, err := sfnt.Parse(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	if w := advance(t, f, &buf, '“'); w < 0.9 {
		t.Fatalf("the font's “ is %.2f em: the reason for englishPunct is gone", w)
	}
	for _, r := range `"'` {
		if w := advance(t, f, &buf, r); w > 0.5 {
			t.Fatalf("the font's %q is %.2f em wide", r, w)
		}
	}
	wide := map[rune]string{}
	for _, s := range englishTexts(t) {
		s = englishPunct(s)
		for i, r := range s {
			if !unicode.IsPunct(r) || unicode.Is(unicode.Han, r) || r >= 0x3000 {
				continue // Chinese punctuation in a Chinese name inside English text is Chinese
			}
			if r == '·' && strings.HasPrefix(s[i+len("·"):], " ") && strings.HasSuffix(s[:i], " ") {
				continue // the spaced separator: its width reads as space
			}
			if _, seen := wide[r]; !seen && advance(t, f, &buf, r) >= 0.99 {
				wide[r] = s
			}
		}
	}
	for r, s := range wide {
		t.Errorf("%q is drawn full-width in English text: %.80q", r, s)
	}
}

func TestPlainQuotes(t *testing.T) {
	for in, want := range map[string]string{
		"“Milk tea powder” sachets": `"Milk tea powder" sachets`,
		"A ‘stamp’ isn’t a stamp":   `A 'stamp' isn't a stamp`,
		"no quotes at all":          "no quotes at all",
		"Installed pack “南明” (v2)":  `Installed pack "南明" (v2)`,
		"Well… all right":           "Well... all right",
	} {
		if got := englishPunct(in); got != want {
			t.Errorf("englishPunct(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEnglishScreensShowStraightQuotes: a disguise named in quotes keeps its Chinese
// quotes in Chinese and shows straight ones in English, in the names, the UI strings and
// the narration captions.
func TestEnglishScreensShowStraightQuotes(t *testing.T) {
	r := newRig(t)
	r.tap("轻触屏幕 开始参观")
	r.tap("毒品种类")
	r.tap("识破伪装")
	first := r.shell.cat().Disguises.Items[0]
	if !strings.Contains(first.Name.Zh, "“") || !strings.Contains(first.Name.En, "“") {
		t.Fatalf("fixture: the first disguise is named in quotes in both languages: %q %q", first.Name.Zh, first.Name.En)
	}
	r.mustHave(first.Name.Zh)
	r.tap("中 / EN")
	r.mustHave(`"Milk tea powder" sachets`)
	r.noCurlyQuotes("spot the disguise")

	// A caption in English is quoted the English way.
	r.tap("Home")
	r.tap("History of Drug Control")
	r.tap("Play narration")
	r.tick(0)
	if st := r.player.st; st.State != audio.Playing {
		t.Fatalf("narration %v", st.State)
	}
	r.noCurlyQuotes("history caption")
	found := false
	for _, o := range r.objects() {
		if s := textOf(o); strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) && len(s) > 10 {
			found = true
		}
	}
	if !found {
		t.Fatalf("no English caption in straight quotes:\n%s", r.dump())
	}
	r.tick(time.Second)
}

// noCurlyQuotes fails if any text on screen has a curly quote.
func (r *rig) noCurlyQuotes(where string) {
	r.t.Helper()
	var bad []string
	for _, o := range r.objects() {
		if s := textOf(o); strings.ContainsAny(s, "“”‘’") {
			bad = append(bad, fmt.Sprintf("%.60q", s))
		}
	}
	if len(bad) > 0 {
		r.t.Fatalf("%s: English text with curly quotes: %v", where, bad)
	}
}
