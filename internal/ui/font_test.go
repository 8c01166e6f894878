package ui

import (
	"fmt"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/quizbank"
)

// TestNoTofu fails if any rune of any bundled UI or content string, or any label the code
// itself writes, has no glyph in the bundled font.
func TestNoTofu(t *testing.T) {
	cat, rep := content.Load(assets.Content())
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	strs, err := LoadStrings(assets.Strings())
	if err != nil {
		t.Fatal(err)
	}
	texts := append(cat.Texts(), strs.All()...)
	bank, _ := quiz.Load(quizbank.Files(), assets.Content())
	for _, q := range bank.Questions {
		texts = append(texts, q.Prompt.Zh, q.Prompt.En, q.Explanation.Zh, q.Explanation.En, q.Source)
		for _, c := range q.Choices {
			texts = append(texts, c.Zh, c.En)
		}
	}
	for _, n := range quiz.TeamNames {
		texts = append(texts, n.Zh, n.En)
	}
	texts = append(texts, labelKeys...)
	for _, e := range cat.History.Eras {
		texts = append(texts, fmt.Sprintf("%d–%d", e.From, e.To))
	}
	texts = append(texts, "示意图 · illustration", "中文", "English", "● ○ A+ A- 0123456789 / …：")

	for name, data := range map[string][]byte{"regular": assets.FontRegular, "bold": assets.FontBold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s font: %v", name, err)
		}
		var buf sfnt.Buffer
		missing := map[rune]string{}
		for _, s := range texts {
			for _, r := range s {
				if unicode.IsControl(r) || r == '\u200b' {
					continue
				}
				if _, seen := missing[r]; seen {
					continue
				}
				if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
					missing[r] = s
				}
			}
		}
		for r, s := range missing {
			t.Errorf("%s font has no glyph for %q (U+%04X), used in %q", name, r, r, s)
		}
	}
}
