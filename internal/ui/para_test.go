package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui/linebreak"
	"github.com/jindu-edu/kiosk/internal/ui/textwidth"
	"github.com/jindu-edu/kiosk/quizbank"
)

// TestContentBreaksByKinsoku breaks every content and quiz text at body size and at widths
// from a portrait column to a full landscape line, with the bundled font: no line starts
// with closing punctuation or ends with opening punctuation.
func TestContentBreaksByKinsoku(t *testing.T) {
	test.NewTempApp(t)
	th := newTheme(false)
	fyne.CurrentApp().Settings().SetTheme(th)
	texts := bundledTexts(t)
	px := th.Size(sizeBody)
	measure := func(s string) float32 { return fyne.MeasureText(s, px, fyne.TextStyle{}).Width }
	checked := 0
	for _, text := range texts {
		for _, w := range []float32{300, 420, 560, 760, 1100} {
			lines := linebreak.Break(text, w, measure)
			if bad := linebreak.Violations(lines); len(bad) > 0 {
				t.Errorf("at %v px: %s\n%s", w, strings.Join(bad, "; "), strings.Join(lines, "\n"))
			}
			checked++
		}
	}
	t.Logf("%d texts × widths broken without a fault", checked)
}

// bundledTexts are every text of the bundled content and quiz bank, in both languages.
func bundledTexts(t *testing.T) []string {
	t.Helper()
	cat, rep := content.Load(assets.Content())
	if rep.Err() != nil {
		t.Fatal(rep.Err())
	}
	bank, brep := quiz.Load(quizbank.Files(), assets.Content())
	if brep.Err() != nil {
		t.Fatal(brep.Err())
	}
	texts := cat.Texts()
	for _, q := range bank.Questions {
		texts = append(texts, q.Prompt.Zh, q.Prompt.En, q.Explanation.Zh, q.Explanation.En)
		for _, c := range q.Choices {
			texts = append(texts, c.Zh, c.En)
		}
	}
	return texts
}

// TestWidthsAreFynes: the widths lines are broken by (package textwidth) are Fyne's own,
// for every unit of every bundled text, regular and bold, at body and heading size. A
// difference would break a line Fyne then draws wider than the room it was broken for.
func TestWidthsAreFynes(t *testing.T) {
	test.NewTempApp(t)
	th := newTheme(false)
	fyne.CurrentApp().Settings().SetTheme(th)
	w, err := textwidth.New(assets.FontRegular, assets.FontBold)
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]bool{}
	for _, text := range bundledTexts(t) {
		for _, u := range linebreak.Units(text) {
			units[u] = true
		}
	}
	measured, checked := 0, 0
	for u := range units {
		for _, px := range []float32{th.Size(sizeBody), th.Size(sizeHeading)} {
			for _, bold := range []bool{false, true} {
				checked++
				got, ok := w.Width(u, px, bold)
				if !ok {
					continue
				}
				measured++
				if want := fyne.MeasureText(u, px, fyne.TextStyle{Bold: bold}).Width; got != want {
					t.Errorf("%q at %v px, bold %v: %v, Fyne %v", u, px, bold, got, want)
				}
			}
		}
	}
	if measured < checked*9/10 {
		t.Errorf("only %d of %d units measured by the font; the rest fell back to Fyne", measured, checked)
	}
	t.Logf("%d units × sizes × styles, %d measured here, all as Fyne measures them", checked, measured)
}

// TestParaKeepsNumbersWithUnits: a paragraph on screen never splits 6月 or 21 个.
func TestParaKeepsNumbersWithUnits(t *testing.T) {
	r := newRig(t)
	p := r.shell.para("联合国把每年的6月26日定为国际禁毒日，展厅共有21 个节点，欢迎参观。", sizeBody, false, "")
	p.Resize(fyne.NewSize(260, 400))
	lines := strings.Split(p.Segments[0].Textual(), "\n")
	if len(lines) < 3 || linebreak.Violations(lines) != nil {
		t.Fatalf("lines: %q", lines)
	}
	joined := strings.Join(lines, "|")
	for _, whole := range []string{"6月", "26日", "21 个"} {
		if !strings.Contains(joined, whole) {
			t.Errorf("%q was split: %q", whole, lines)
		}
	}
	if p.String() != "联合国把每年的6月26日定为国际禁毒日，展厅共有21 个节点，欢迎参观。" {
		t.Fatal("String is not the text as given")
	}
}

// TestWidthsForAVisitOnly: the measuring fonts are parsed once a visit starts (off the UI
// thread), used by its paragraphs, and dropped when it ends: the attract loop idles
// without their 9 MB.
func TestWidthsForAVisitOnly(t *testing.T) {
	r := newRig(t)
	if r.shell.widths != nil {
		t.Fatal("measuring fonts parsed before any visit")
	}
	r.tap("轻触屏幕 开始参观")
	r.settle()
	if r.shell.widths != nil {
		t.Fatal("measuring fonts parsed before home's first frame")
	}
	r.tick(aheadDelay / 2) // home's first frames: nothing started yet
	if r.shell.widths != nil {
		t.Fatal("measuring fonts parsed within home's first frames")
	}
	r.tick(time.Second) // home is on screen: the work ahead has started
	if r.shell.widths == nil {
		t.Fatal("a visit started without its measuring fonts")
	}
	if p := r.shell.para("禁毒", sizeBody, false, ""); p.widths != r.shell.widths {
		t.Error("a paragraph of the visit measures with Fyne")
	}
	r.shell.afterVisit()
	if r.shell.widths != nil {
		t.Error("the measuring fonts outlived the visit")
	}
}
