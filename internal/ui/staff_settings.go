package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"golang.org/x/crypto/bcrypt"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// settingsPage is the staff panel's 设置 page: the visit defaults and the staff PIN.
func (s *Shell) settingsPage() fyne.CanvasObject {
	st := s.v.Settings()
	idle := []fyne.CanvasObject{}
	for _, secs := range []int{60, 90, 120, 180, 300} {
		secs := secs
		idle = append(idle, s.chip(s.t("staff.seconds", secs), time.Duration(st.IdleTimeout) == time.Duration(secs)*time.Second,
			func() {
				s.changeSetting("idle_timeout", func(x *kiosk.Settings) { x.IdleTimeout = kiosk.Duration(time.Duration(secs) * time.Second) })
			}))
	}
	langs := []fyne.CanvasObject{
		s.chip("中文", st.Language == "zh", func() { s.changeSetting("default_language", func(x *kiosk.Settings) { x.Language = "zh" }) }),
		s.chip("English", st.Language == "en", func() { s.changeSetting("default_language", func(x *kiosk.Settings) { x.Language = "en" }) }),
	}
	vol := []fyne.CanvasObject{}
	for _, v := range []int{0, 30, 60, 80, 100} {
		v := v
		vol = append(vol, s.chip(fmt.Sprint(v), st.Volume == v, func() { s.changeSetting("volume", func(x *kiosk.Settings) { x.Volume = v }) }))
	}
	soften := []fyne.CanvasObject{
		s.chip(s.t("staff.on"), st.SoftenGraphic, func() { s.changeSetting("soften_graphic", func(x *kiosk.Settings) { x.SoftenGraphic = true }) }),
		s.chip(s.t("staff.off"), !st.SoftenGraphic, func() { s.changeSetting("soften_graphic", func(x *kiosk.Settings) { x.SoftenGraphic = false }) }),
	}
	mirrorOn := []fyne.CanvasObject{
		s.chip(s.t("staff.mirror.on"), !st.MirrorOff, func() { s.changeSetting("mirror_off", func(x *kiosk.Settings) { x.MirrorOff = false }) }),
		s.chip(s.t("staff.mirror.off"), st.MirrorOff, func() { s.changeSetting("mirror_off", func(x *kiosk.Settings) { x.MirrorOff = true }) }),
	}
	pin := []fyne.CanvasObject{s.pill(s.t("staff.pin.change"), colorSurfaceHi, func() { s.showNewPIN(newPIN{}) })}
	row := func(title string, chips []fyne.CanvasObject) fyne.CanvasObject {
		if vp := s.viewport(); vp.Height > vp.Width { // portrait: the title above its chips (300 秒 ran off the screen)
			return container.NewVBox(s.label(title, sizeLead, true, colorHeading), container.NewHBox(chips...))
		}
		lbl := container.NewStack(spacerW(230), container.NewCenter(s.label(title, sizeLead, true, colorHeading)))
		return container.NewHBox(lbl, container.NewHBox(chips...))
	}
	box := container.NewVBox(
		row(s.t("staff.idle"), idle),
		row(s.t("staff.lang"), langs),
		row(s.t("staff.volume"), vol),
		row(s.t("staff.soften"), soften),
	)
	if s.hasZone(content.KindMirror) {
		box.Add(row(s.t("staff.mirror"), mirrorOn))
	}
	box.Add(row(s.t("staff.pin.row"), pin))
	box.Add(row(s.t("staff.program"), []fyne.CanvasObject{s.pill(s.t("staff.exit"), colorBad, s.confirmExit)}))
	box.Add(s.statusLine())
	return box
}

// changeSetting applies and saves one staff setting (the visit records it in the audit
// trail) and says how that went.
func (s *Shell) changeSetting(name string, apply func(*kiosk.Settings)) {
	status := s.t("staff.saved")
	if err := s.v.ChangeSetting(name, apply); err != nil {
		s.d.Log.Error("staff setting not saved", "setting", name, "err", err)
		status = s.t("staff.save.failed")
	}
	s.refreshStaff(status)
}

// newPIN is the state of changing the staff PIN: the digits typed, and the first entry
// once it has been given (the second must match it).
type newPIN struct {
	first, entered, msg string
}

// pinCost is the bcrypt cost of a PIN set in the panel; tests lower it.
var pinCost = bcrypt.DefaultCost

// showNewPIN shows the pad for a new staff PIN over the panel.
func (s *Shell) showNewPIN(p newPIN) {
	title := s.t("staff.pin.new")
	if p.first != "" {
		title = s.t("staff.pin.again")
	}
	head := s.label(title, sizeHeading, true, colorText)
	head.Alignment = fyne.TextAlignCenter
	dots := s.label(strings.Repeat("● ", len(p.entered))+strings.Repeat("○ ", max(0, 6-len(p.entered))), sizeHeading, false, colorText)
	dots.Alignment = fyne.TextAlignCenter
	note := s.para(s.t("staff.pin.rule"), sizeBody, false, colorNameMuted)
	if p.msg != "" {
		note = s.para(p.msg, sizeBody, true, colorNameHeading)
	}
	keys := container.NewGridWithColumns(3)
	for _, k := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"} {
		k := k
		keys.Add(s.pill(k, colorSurfaceHi, func() {
			if len(p.entered) < 12 {
				s.showNewPIN(newPIN{first: p.first, entered: p.entered + k})
			}
		}))
	}
	keys.Add(s.pill(s.t("staff.pin.clear"), colorSurface, func() { s.showNewPIN(newPIN{first: p.first}) }))
	keys.Add(s.pill("0", colorSurfaceHi, func() {
		if len(p.entered) < 12 {
			s.showNewPIN(newPIN{first: p.first, entered: p.entered + "0"})
		}
	}))
	keys.Add(s.pill(s.t("staff.pin.ok"), colorAccent, func() { s.submitNewPIN(p) }))
	cancel := s.pill(s.t("staff.pin.cancel"), colorSurface, func() { s.refreshStaff("") })
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(560, 0))
	panel := card(colorBg, 36, 32, container.NewStack(width, container.NewVBox(head, dots, note, keys, cancel)))
	s.showModal("staff", panel, func() {})
}

// submitNewPIN takes the first entry, or checks the second against it and saves the PIN.
func (s *Shell) submitNewPIN(p newPIN) {
	switch {
	case kiosk.ValidPIN(p.entered) != nil:
		s.showNewPIN(newPIN{first: p.first, msg: s.t("staff.pin.rule")})
	case p.first == "":
		s.showNewPIN(newPIN{first: p.entered})
	case p.first != p.entered:
		s.showNewPIN(newPIN{msg: s.t("staff.pin.mismatch")})
	default:
		if err := s.d.Guard.SetPIN(p.entered, pinCost); err != nil {
			s.d.Log.Error("staff PIN not saved", "err", err)
			s.refreshStaff(s.t("staff.pin.notsaved"))
			return
		}
		s.record(event.NewStaffSetting("staff_pin"))
		s.refreshStaff(s.t("staff.pin.changed"))
	}
}
