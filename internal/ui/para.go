package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/ui/linebreak"
	"github.com/jindu-edu/kiosk/internal/ui/textwidth"
)

// paraText is wrapping body text broken into lines by the rules of 禁则 (package
// linebreak): no line starts with 。，, none ends with “（, numbers keep their units and
// Latin words stay whole. It is a RichText whose lines are broken here, at each new width,
// instead of anywhere by Fyne.
type paraText struct {
	widget.RichText
	raw   string
	px    float32 // text size, for measuring
	style fyne.TextStyle
	wrapW float32 // the width the current lines were broken for
	// widths measures the units lines are made of (nil: Fyne measures them, which
	// costs a new HarfBuzz font per string it has not seen in the last minute).
	widths *textwidth.Widths
}

func newParaText(text string, px float32, style widget.RichTextStyle, widths *textwidth.Widths) *paraText {
	p := &paraText{raw: text, px: px, style: style.TextStyle, wrapW: -1, widths: widths}
	p.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: style}}
	p.Wrapping = fyne.TextWrapOff
	p.Scroll = fyne.ScrollNone
	p.ExtendBaseWidget(p)
	return p
}

// SetText replaces the text and breaks it again.
func (p *paraText) SetText(text string) {
	p.raw = text
	p.rewrap(p.Size().Width)
	p.Refresh()
}

// String is the text as given, without the line breaks.
func (p *paraText) String() string { return p.raw }

// Resize breaks the lines for the new width.
func (p *paraText) Resize(size fyne.Size) {
	if size.Width != p.wrapW {
		p.rewrap(size.Width)
	}
	p.RichText.Resize(size)
}

// MinSize is as tall as the broken lines and only a few characters wide, so that a
// paragraph takes the width its container gives it rather than asking for one line's.
func (p *paraText) MinSize() fyne.Size {
	m := p.RichText.MinSize()
	return fyne.NewSize(min(m.Width, 3*p.px), m.Height)
}

// setSize gives the paragraph another text size (px the size in pixels), if it differs.
func (p *paraText) setSize(name fyne.ThemeSizeName, px float32) {
	seg, ok := p.Segments[0].(*widget.TextSegment)
	if !ok || (seg.Style.SizeName == name && p.px == px) {
		return
	}
	seg.Style.SizeName, p.px = name, px
	p.rewrap(p.wrapW)
	p.Refresh()
}

// topLines is the height of the paragraph's first n lines as now broken, its padding
// included: all of it when it has n lines or fewer.
func (p *paraText) topLines(n int) float32 {
	h := p.MinSize().Height
	seg, ok := p.Segments[0].(*widget.TextSegment)
	if !ok {
		return h
	}
	lines := strings.Count(seg.Text, "\n") + 1
	if n >= lines {
		return h
	}
	pad := 2 * theme.Size(theme.SizeNameInnerPadding)
	return pad + (h-pad)*float32(n)/float32(lines)
}

// measure is how wide s is drawn in the paragraph's size and style.
func (p *paraText) measure(s string) float32 {
	st := p.style
	if p.widths != nil && !st.Italic && !st.Monospace && !st.Symbol {
		if w, ok := p.widths.Width(s, p.px, st.Bold); ok {
			return w
		}
	}
	return fyne.MeasureText(s, p.px, st).Width
}

func (p *paraText) rewrap(width float32) {
	p.wrapW = width
	text := p.raw
	if avail := width - 2*theme.Size(theme.SizeNameInnerPadding); width > 0 && avail > p.px {
		measure := func(s string) float32 { return p.measure(s) }
		text = strings.Join(linebreak.Break(p.raw, avail, measure), "\n")
	}
	if seg, ok := p.Segments[0].(*widget.TextSegment); ok {
		seg.Text = text
	}
}
