package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// hotCornerTapped counts taps on the hidden top-left corner; the gesture opens the PIN pad.
func (s *Shell) hotCornerTapped() {
	if s.v.State() != kiosk.Attract {
		s.activity()
	}
	if s.gesture.Tap() && s.modal == "" {
		s.askPIN(s.openStaff)
	}
}

// askPIN shows the PIN pad; onOK runs after the right PIN (staff panel, team contest).
func (s *Shell) askPIN(onOK func()) {
	s.pinOK = onOK
	s.showPIN("")
}

// showPIN shows the PIN pad with the digits entered so far.
func (s *Shell) showPIN(entered string) {
	s.showModal("pin", s.pinPad(entered, ""), s.closeModal)
}

func (s *Shell) pinPad(entered, msg string) fyne.CanvasObject {
	title := s.label(s.t("staff.pin.title"), sizeHeading, true, colorText)
	title.Alignment = fyne.TextAlignCenter
	hint := s.t("staff.pin.hint")
	if d := s.d.Guard.LockedFor(); d > 0 {
		msg = s.t("staff.pin.locked", int(math.Ceil(d.Seconds())))
	}
	dots := s.label(strings.Repeat("● ", len(entered))+strings.Repeat("○ ", max(0, 6-len(entered))), sizeHeading, false, colorText)
	dots.Alignment = fyne.TextAlignCenter
	note := s.para(msg, sizeBody, false, colorNameHeading)
	if msg == "" {
		note = s.para(hint, sizeBody, false, colorNameMuted)
	}
	keys := container.NewGridWithColumns(3)
	for _, k := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"} {
		k := k
		keys.Add(s.pill(k, colorSurfaceHi, func() { s.pinKey(entered, k) }))
	}
	keys.Add(s.pill(s.t("staff.pin.clear"), colorSurface, func() { s.showPIN("") }))
	keys.Add(s.pill("0", colorSurfaceHi, func() { s.pinKey(entered, "0") }))
	keys.Add(s.pill(s.t("staff.pin.ok"), colorAccent, func() { s.pinSubmit(entered) }))
	cancel := s.pill(s.t("staff.pin.cancel"), colorSurface, s.closeModal)
	box := container.NewVBox(title, dots, note, keys, cancel)
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(560, 0))
	return card(colorBg, 36, 40, container.NewStack(width, box))
}

func (s *Shell) pinKey(entered, k string) {
	if len(entered) < 12 {
		entered += k
	}
	s.overlay.Objects[1] = container.NewCenter(s.pinPad(entered, ""))
	s.overlay.Refresh()
}

func (s *Shell) pinSubmit(entered string) {
	msg := ""
	switch s.d.Guard.Check(entered) {
	case kiosk.PINOK:
		s.record(event.NewStaffLogin(true))
		s.closeModal()
		if s.pinOK != nil {
			s.pinOK()
		}
		return
	case kiosk.PINWrong:
		msg = s.t("staff.pin.wrong", s.d.Guard.AttemptsLeft())
	case kiosk.PINLocked:
		msg = s.t("staff.pin.locked", int(math.Ceil(s.d.Guard.LockedFor().Seconds())))
	case kiosk.PINNotSet:
		msg = s.t("staff.pin.notset")
	}
	s.record(event.NewStaffLogin(false))
	s.overlay.Objects[1] = container.NewCenter(s.pinPad("", msg))
	s.overlay.Refresh()
}

// openStaff ends any visit and shows the staff panel. The panel counts as activity, so it
// closes by itself through the idle prompt when staff walk away.
func (s *Shell) openStaff() {
	s.d.Player.Stop()
	s.v.OpenStaff()
	s.modal = "staff"
	s.staffPage, s.staffStatus = pageMain, ""
	if s.images.stale(s.pack().Serial()) { // a pack that waited for the visit's end
		s.packChanged()
	}
	s.refreshStaff("")
}

// Staff panel pages.
const (
	pageMain  = "main"
	pagePacks = "packs"
)

// refreshStaff redraws the staff panel with a status line.
func (s *Shell) refreshStaff(status string) {
	s.staffStatus = status
	s.overlay.Objects = []fyne.CanvasObject{s.staffPanel(status)}
	s.overlay.Refresh()
}

// showStaffPage switches the panel's page.
func (s *Shell) showStaffPage(page string) {
	s.staffPage = page
	if page == pagePacks {
		s.packs.read = false // what was on the stick before may be gone
		s.scanPacks()
	}
	s.refreshStaff("")
}

// staffTabs is the row of page tabs under the panel's title.
func (s *Shell) staffTabs() fyne.CanvasObject {
	row := container.NewHBox(s.chip(s.t("staff.tab.main"), s.staffPage != pagePacks, func() { s.showStaffPage(pageMain) }))
	if s.d.Packs != nil {
		row.Add(s.chip(s.t("staff.tab.packs"), s.staffPage == pagePacks, func() { s.showStaffPage(pagePacks) }))
	}
	return row
}

func (s *Shell) staffPanel(status string) fyne.CanvasObject {
	st := s.v.Settings()
	p := s.pack()
	m := p.Catalog.Meta

	contentBox := container.NewVBox(s.label(s.t("staff.content"), sizeLead, true, colorHeading))
	ver := fmt.Sprintf("%s: %s   %s: %s v%d", s.t("staff.content.source"), p.Source,
		s.t("staff.content.version"), m.PackID, m.Version)
	if m.Demo {
		ver += " (" + s.t("staff.content.demo") + ")"
	}
	contentBox.Add(s.para(ver, sizeBody, false, ""))
	for _, w := range s.d.Warnings {
		contentBox.Add(s.para(w, sizeBody, true, colorNameHeading))
	}
	if p.Fallback != "" {
		contentBox.Add(s.para(s.t("staff.content.fallback")+" "+p.Fallback, sizeBody, true, colorNameHeading))
	}
	if len(p.Problems) == 0 {
		contentBox.Add(s.para(s.t("staff.content.ok"), sizeBody, false, colorNameMuted))
	} else {
		contentBox.Add(s.para(s.t("staff.content.problems", len(p.Problems)), sizeBody, true, colorNameHeading))
		var b strings.Builder
		for i, pr := range p.Problems {
			if i == 30 {
				fmt.Fprintf(&b, "… +%d\n", len(p.Problems)-30)
				break
			}
			b.WriteString(pr.String() + "\n")
		}
		contentBox.Add(s.para(b.String(), sizeSmall, false, colorNameMuted))
	}
	audioLine := s.t("staff.audio.ok")
	if !s.d.Player.Available() {
		audioLine = s.t("staff.audio.none") + s.d.Player.Reason()
	}
	contentBox.Add(s.label(s.t("staff.audio"), sizeLead, true, colorHeading))
	contentBox.Add(s.para(audioLine, sizeBody, false, ""))
	if s.cameraNote != "" {
		contentBox.Add(s.para(s.cameraNote, sizeBody, true, colorNameHeading))
	}
	contentBox.Add(s.para(s.t("staff.app")+": "+s.d.AppVersion, sizeSmall, false, colorNameMuted))

	idle := container.NewHBox()
	for _, secs := range []int{60, 90, 120, 180, 300} {
		secs := secs
		idle.Add(s.chip(s.t("staff.seconds", secs), time.Duration(st.IdleTimeout) == time.Duration(secs)*time.Second,
			func() {
				s.changeSetting("idle_timeout", func(x *kiosk.Settings) { x.IdleTimeout = kiosk.Duration(time.Duration(secs) * time.Second) })
			}))
	}
	langs := container.NewHBox(
		s.chip("中文", st.Language == "zh", func() { s.changeSetting("default_language", func(x *kiosk.Settings) { x.Language = "zh" }) }),
		s.chip("English", st.Language == "en", func() { s.changeSetting("default_language", func(x *kiosk.Settings) { x.Language = "en" }) }),
	)
	vol := container.NewHBox()
	for _, v := range []int{0, 30, 60, 80, 100} {
		v := v
		vol.Add(s.chip(fmt.Sprint(v), st.Volume == v, func() { s.changeSetting("volume", func(x *kiosk.Settings) { x.Volume = v }) }))
	}
	soften := container.NewHBox(
		s.chip(s.t("staff.on"), st.SoftenGraphic, func() { s.changeSetting("soften_graphic", func(x *kiosk.Settings) { x.SoftenGraphic = true }) }),
		s.chip(s.t("staff.off"), !st.SoftenGraphic, func() { s.changeSetting("soften_graphic", func(x *kiosk.Settings) { x.SoftenGraphic = false }) }),
	)
	mirrorOn := container.NewHBox(
		s.chip(s.t("staff.mirror.on"), !st.MirrorOff, func() { s.changeSetting("mirror_off", func(x *kiosk.Settings) { x.MirrorOff = false }) }),
		s.chip(s.t("staff.mirror.off"), st.MirrorOff, func() { s.changeSetting("mirror_off", func(x *kiosk.Settings) { x.MirrorOff = true }) }),
	)
	settings := container.NewVBox(
		s.settingRow(s.t("staff.idle"), idle),
		s.settingRow(s.t("staff.lang"), langs),
		s.settingRow(s.t("staff.volume"), vol),
		s.settingRow(s.t("staff.soften"), soften),
	)
	if s.hasZone(content.KindMirror) {
		settings.Add(s.settingRow(s.t("staff.mirror"), mirrorOn))
	}
	if status != "" {
		settings.Add(s.para(status, sizeBody, false, colorNameHeading))
	}
	actions := container.NewHBox(
		s.pill(s.t("staff.close"), colorAccent, s.closeStaff),
		layout.NewSpacer(),
		s.pill(s.t("staff.exit"), colorBad, s.confirmExit),
	)
	title := container.NewBorder(nil, nil, s.label(s.t("staff.title"), sizeHeading, true, colorText), s.staffTabs())
	var cols fyne.CanvasObject
	if s.staffPage == pagePacks && s.d.Packs != nil {
		cols = s.packsPage()
	} else {
		// The records section has a button, so it stays outside the scrolling text.
		right := container.NewVBox(settings, s.recordsPanel())
		cols = container.NewGridWithColumns(2, s.scrollText(contentBox), right)
	}
	body := container.NewBorder(title, actions, nil, nil, padded(16, cols))
	return card(colorBg, 0, 36, body)
}

// changeSetting applies and saves one staff setting (the visit records it in the audit
// trail) and says how that went.
func (s *Shell) changeSetting(name string, apply func(*kiosk.Settings)) {
	status := s.t("staff.saved")
	if err := s.v.ChangeSetting(name, apply); err != nil {
		s.d.Log.Error("staff setting not saved", "setting", name, "err", err)
		status = s.t("staff.save.failed") + err.Error()
	}
	s.refreshStaff(status)
}

func (s *Shell) confirmExit() {
	msg := s.label(s.t("staff.exit.confirm"), sizeHeading, true, colorText)
	yes := s.pill(s.t("staff.exit"), colorBad, func() {
		s.record(event.NewStaffExit())
		if s.d.Quit != nil {
			s.d.Quit()
		}
	})
	no := s.pill(s.t("staff.pin.cancel"), colorSurfaceHi, func() { s.refreshStaff("") })
	s.showModal("staff", card(colorSurface, 36, 56, container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), no, yes))), func() {})
}

// closeStaff leaves the panel for the attract loop, with the new defaults applied.
func (s *Shell) closeStaff() {
	s.v.CloseStaff()
	s.afterVisit()
}
