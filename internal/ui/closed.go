package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// closedCard is the calm card shown instead of the attract loop outside opening hours
// (Deps.Hours): bilingual, the next opening and, after a tap, the weekly hours. Taps never
// start a visit; the staff corner still works.
type closedCard struct {
	obj        fyne.CanvasObject
	minute     time.Time // the minute it was drawn for (the next-opening line changes by day)
	hoursUntil time.Time // the weekly hours show until then (a tap)
	showHours  bool
}

// hoursShown is how long a tap shows the weekly opening hours.
const hoursShown = 30 * time.Second

// closedTick shows the closed card while the schedule is closed, and the attract loop
// again when it opens; it reports whether the kiosk is closed (the attract loop pauses).
func (s *Shell) closedTick() bool {
	now := s.d.Clock.Now()
	if s.d.Hours.Open(now) {
		if s.closed != nil {
			s.closed = nil
			s.showAttract()
		}
		return false
	}
	c := s.closed
	onPage := c != nil && len(s.page.Objects) == 1 && s.page.Objects[0] == c.obj
	showHours := c != nil && now.Before(c.hoursUntil)
	if !onPage || !c.minute.Equal(now.Truncate(time.Minute)) || c.showHours != showHours {
		s.showClosed(now, showHours)
	}
	return true
}

// showClosed draws the closed card (no bar: there is no visit to navigate).
func (s *Shell) showClosed(now time.Time, showHours bool) {
	s.stack = nil
	s.dropStrip()
	s.cur = screen{}
	s.standOnGradient(true)
	c := &closedCard{minute: now.Truncate(time.Minute), showHours: showHours}
	if s.closed != nil {
		c.hoursUntil = s.closed.hoursUntil
	}
	s.closed = c
	m := s.cat().Meta
	head := container.NewHBox(s.logo(), container.NewVBox(
		s.label(m.Title.Zh, sizeHeading, true, colorText), s.label(english(m.Title), sizeLead, false, colorMuted)))
	sch := s.d.Hours
	short := s.shortScreen()
	gap, line, sub := float32(32), sizeHeading, sizeLead
	if short { // 800 px high: the weekly hours take the place of the next opening
		gap, line, sub = 16, sizeLead, sizeSmall
	}
	lines := []fyne.CanvasObject{
		center(s.label(s.d.Strings.T("zh", "closed.title"), sizeDisplay, true, colorText)),
		center(s.label(s.d.Strings.T("en", "closed.title"), sizeLead, false, colorMuted)),
	}
	weekly := showHours && len(sch.Lines("zh")) > 0
	if next := sch.NextText(now, "zh"); next != "" && !(short && weekly) {
		lines = append(lines, spacerH(gap),
			center(s.label(next, sizeHeading, true, colorHeading)),
			center(s.label(sch.NextText(now, "en"), sizeLead, false, colorMuted)))
	}
	if weekly {
		rows := []fyne.CanvasObject{center(s.label(s.d.Strings.T("zh", "closed.hours")+" · "+
			s.d.Strings.T("en", "closed.hours"), sizeLead, true, colorHeading))}
		en := sch.Lines("en")
		for i, zh := range sch.Lines("zh") {
			rows = append(rows, center(s.label(zh, line, true, colorText)),
				center(s.label(en[i], sub, false, colorMuted)))
		}
		lines = append(lines, spacerH(gap), container.NewCenter(card(colorSurface, 32, gap+8, container.NewVBox(rows...))))
	}
	hint := s.label(s.d.Strings.T("zh", "closed.tap")+"  ·  "+s.d.Strings.T("en", "closed.tap"), sizeSmall, false, colorMuted)
	mid := container.NewVBox(append([]fyne.CanvasObject{layout.NewSpacer()}, append(lines, layout.NewSpacer())...)...)
	body := container.NewBorder(head, center(hint), nil, nil, mid)
	edge := float32(48)
	if short {
		edge = 28
	}
	c.obj = s.tappable(padded(edge, body), s.closedTapped)
	s.page.Objects = []fyne.CanvasObject{c.obj}
	s.page.Refresh()
	s.bar.Objects = nil
	s.bar.Refresh()
}

// closedTapped shows the weekly hours for a while; it is not visitor activity.
func (s *Shell) closedTapped() {
	if s.closed == nil {
		return
	}
	now := s.d.Clock.Now()
	s.closed.hoursUntil = now.Add(hoursShown)
	s.showClosed(now, true)
}

func center(o fyne.CanvasObject) fyne.CanvasObject { return container.NewCenter(o) }

// ShowOutOfService fills win with a bilingual "暂停服务" card and nothing else: the safe
// screen the service manager shows when the kiosk keeps failing to start (it loads no
// content, no event log, no settings). why is for staff, in Chinese.
func ShowOutOfService(win fyne.Window, strs *Strings, why string) {
	s := &Shell{win: win, th: newTheme(false), d: Deps{Strings: strs}}
	fyne.CurrentApp().Settings().SetTheme(s.th)
	body := container.NewVBox(layout.NewSpacer(),
		center(s.label(strs.T("zh", "closed.service"), sizeDisplay, true, colorText)),
		center(s.label(strs.T("en", "closed.service"), sizeLead, false, colorMuted)),
		spacerH(32),
		center(s.label(strs.T("zh", "closed.service.sub"), sizeHeading, false, colorHeading)),
		center(s.label(strs.T("en", "closed.service.sub"), sizeLead, false, colorMuted)),
		layout.NewSpacer(),
		center(s.label(why, sizeSmall, false, colorMuted)))
	bg := canvas.NewLinearGradient(colorBgTop, colorBg, 0)
	win.SetContent(container.New(screenLayout{}, container.NewStack(bg, padded(48, body))))
}
