package ui

import (
	"image/color"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

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
		s.staffAhead, s.staffAheadAt = s.pinGen, s.d.Clock.Now().Add(staffAheadDelay)
		// The panel closes into the attract loop: its slides' pictures are decoded while the
		// PIN is typed (a panel opened and closed within a second closed into a slide whose
		// picture came a frame late).
		s.attractWarmAt = s.staffAheadAt
		if s.d.Records.Stats != nil { // read while the PIN is typed: the panel opens with it
			s.loadSummary()
		}
	}
}

// askPIN shows the PIN pad; onOK runs after the right PIN (staff panel, team contest).
func (s *Shell) askPIN(onOK func()) {
	s.pinOK = onOK
	s.showPIN("")
}

// showPIN shows the PIN pad with the digits entered so far.
func (s *Shell) showPIN(entered string) {
	s.pinGen++
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
	s.precheck(entered)
}

// precheck has the digits typed so far compared with the PIN off the UI thread, once they
// could be one: 确定 then finds the answer ready and opens the panel in its first frame,
// instead of after bcrypt's tens of milliseconds (kiosk.Guard.Precheck; it counts no
// attempt).
func (s *Shell) precheck(entered string) {
	if kiosk.ValidPIN(entered) != nil {
		return
	}
	g := s.d.Guard
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		g.Precheck(entered)
	}()
}

// staffAheadDelay is how long the PIN pad is up before warmStaff: after the pad's own
// first frames.
const staffAheadDelay = 300 * time.Millisecond

// warmStaff paints the staff panel's overview outside the window while the PIN pad for
// the panel is up (prewarm), once its numbers are read: the panel's first frame then
// finds the textures of its many texts made, instead of making them all after 确定. The
// copy is never on screen, and goes at the next tick. Once per pad (Tick).
func (s *Shell) warmStaff() {
	if s.modal != "pin" || s.staffAhead != s.pinGen || s.staffAheadAt.IsZero() ||
		s.d.Clock.Now().Before(s.staffAheadAt) || !s.summaryFresh() {
		return
	}
	s.staffAheadAt = time.Time{}
	page := s.staffPage
	s.staffPage = pageOverview
	s.prewarm(s.staffPanel())
	s.staffPage = page
}

// pinSubmit checks the PIN off the UI thread (bcrypt takes tens of milliseconds, and a
// wrong PIN writes the lockout file): the pad says 正在验证 at once, and the answer comes
// when the check is done. Taps on 确定 meanwhile do nothing.
func (s *Shell) pinSubmit(entered string) {
	if s.pinChecking {
		return
	}
	s.pinChecking = true
	s.overlay.Objects[1] = container.NewCenter(s.pinPad(entered, s.t("staff.pin.checking")))
	s.overlay.Refresh()
	guard, gen := s.d.Guard, s.pinGen
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		verdict := guard.Check(entered)
		s.do(func() {
			s.pinChecking = false
			if s.modal != "pin" || s.pinGen != gen { // the pad was closed meanwhile (idle reset, 取消)
				return
			}
			s.pinVerdict(verdict)
		})
	}()
}

// pinVerdict opens what the right PIN opens, or says why not.
func (s *Shell) pinVerdict(v kiosk.Verdict) {
	msg := ""
	switch v {
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

// openStaff ends any visit and shows the staff panel on its overview. The panel counts as
// activity, so it closes by itself through the idle prompt when staff walk away.
func (s *Shell) openStaff() {
	s.d.Player.Stop()
	s.v.OpenStaff()
	s.modal = "staff"
	s.staffPage, s.staffStatus = pageOverview, ""
	// The panel closes into the attract loop: its pictures are decoded meanwhile.
	s.attractWarmAt = s.d.Clock.Now().Add(time.Second)
	if s.images.stale(s.pack().Serial()) { // a pack that waited for the visit's end
		s.packChanged()
	}
	s.refreshStaff("")
}

// closeStaff leaves the panel for the attract loop, with the new defaults applied.
func (s *Shell) closeStaff() {
	s.v.CloseStaff()
	s.afterVisit()
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
