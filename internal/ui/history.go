package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
)

// historyView is the timeline: era chips, a strip of all events, and one event in detail.
type historyView struct {
	s    *Shell
	zone content.Zone
	idx  int
}

func (v *historyView) build() screen {
	s := v.s
	h := s.cat().History
	ev := h.Events[v.idx]
	era, _ := h.EraOf(ev)

	chips := container.NewGridWithColumns(len(h.Eras))
	for _, e := range h.Eras {
		e := e
		chips.Add(s.eraChip(e, e.ID == era.ID, func() { v.jump(firstOfEra(h, e.ID)) }))
	}

	text := container.NewVBox(
		s.label(s.tx(ev.DateLabel), v.dateSize(), true, colorHeading),
		s.para(s.tx(ev.Title), sizeHeading, true, ""),
		s.para(s.tx(ev.Body), sizeBody, false, ""),
		s.para(s.t("common.source")+"："+ev.Source, sizeSmall, false, colorNameMuted),
	)
	narr := s.narration(content.Caption(s.v.Lang(), ev.DateLabel, ev.Title, ev.Body))
	slot := detailSlot(v.zone.ID)
	detail := s.detail(slot, ev.Image, s.scrollText(text))
	s.warmIn(slot, h.Events[min(v.idx+1, len(h.Events)-1)].Image, h.Events[max(v.idx-1, 0)].Image) // 下一个 or 上一个
	body := container.NewBorder(container.NewVBox(chips, v.strip()), narr, nil, nil, padded(8, detail))
	return screen{
		body:  container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(24, body)),
		pager: &pager{pos: v.idx + 1, total: len(h.Events), move: func(d int) { v.jump(v.idx + d) }},
		zone:  v.zone.ID,
		item:  ev.ID,
	}
}

// dateSize is the date's size: a heading, or on short screens a subtitle (the title below
// is the heading there).
func (v *historyView) dateSize() fyne.ThemeSizeName {
	if v.s.shortScreen() {
		return sizeLead
	}
	return sizeHeading
}

// enter registers the event's narration.
func (v *historyView) enter() {
	ev := v.s.cat().History.Events[v.idx]
	v.s.narrate(ev.Narration, v.zone.ID, ev.ID)
}

// strip is the row of event dots, each tappable, the current one large and amber.
func (v *historyView) strip() fyne.CanvasObject {
	s := v.s
	evs := s.cat().History.Events
	line := canvas.NewRectangle(colorSurfaceHi)
	line.SetMinSize(fyne.NewSize(0, 6))
	cells := container.New(stripLayout{})
	for i, e := range evs {
		i := i
		c, d := colorSurfaceHi, float32(22)
		if i == v.idx {
			c, d = colorHeading, 40
		}
		dot := canvas.NewCircle(c)
		year := s.label(e.Date[:4], sizeCaption, i == v.idx, colorMuted) // 21 of them share the width
		if s.narrow() && i != v.idx && i != firstOfEra(s.cat().History, e.Era) {
			year.Text = "" // small screens: the current year and where each era begins
		}
		if i == v.idx {
			year.Color = colorHeading
		}
		year.Alignment = fyne.TextAlignCenter
		dotBox := container.NewCenter(container.NewGridWrap(fyne.NewSize(d, d), dot))
		cell := container.NewBorder(nil, year, nil, nil, container.NewStack(spacerH(48), dotBox))
		t := s.tappable(cell, s.tap(func() { v.jump(i) }))
		t.MinHeight = targetHeight
		if s.shortScreen() {
			t.MinHeight = 64 // still a full touch target, and room for the story
		}
		cells.Add(t)
	}
	lineRow := container.NewBorder(spacerH(21), nil, nil, nil, container.NewVBox(line))
	return container.NewStack(lineRow, cells)
}

func (v *historyView) jump(i int) {
	if n := len(v.s.cat().History.Events); i >= 0 && i < n {
		v.s.replace(&historyView{s: v.s, zone: v.zone, idx: i})
	}
}

// eraChip is an era marker: its years and title, amber when it holds the current event.
func (s *Shell) eraChip(e content.Era, current bool, fn func()) fyne.CanvasObject {
	bg, fg, fgName := colorSurface, colorText, fyne.ThemeColorName("")
	if current {
		bg, fg, fgName = colorHeading, colorBg, colorNameOnLight
	}
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = 20
	years := s.label(fmt.Sprintf("%d–%d", e.From, e.To), sizeButton, true, fg)
	title := s.para(s.tx(e.Title), sizeCaption, false, fgName) // wraps: English era names are long
	var lines fyne.CanvasObject = container.NewVBox(years, title)
	if s.shortScreen() && s.v.Lang() == content.Zh { // two tight lines: room for the story
		years.TextSize = s.size(sizeCaption)
		lines = container.New(layout.NewCustomPaddedVBoxLayout(0), years, s.label(s.tx(e.Title), sizeCaption, false, fg))
	}
	box := container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(6, 6, 18, 18), lines))
	t := s.tappable(box, s.tap(fn))
	t.MinHeight = targetHeight
	if s.shortScreen() {
		t.MinHeight = 64
	}
	return t
}

func firstOfEra(h content.History, era string) int {
	for i, e := range h.Events {
		if e.Era == era {
			return i
		}
	}
	return 0
}

func spacerW(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return r
}

func spacerH(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}

// stripLayout shares the width equally among the timeline's cells, without gaps, so that 21
// events fit a 1280 px screen; each cell centres its dot and year.
type stripLayout struct{}

func (stripLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := size.Width / float32(max(1, len(objs)))
	for i, o := range objs {
		o.Move(fyne.NewPos(float32(i)*w, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

func (stripLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objs))*44, h)
}
