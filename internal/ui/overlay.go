package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// Modal backdrops: a visitor's prompt dims the page it belongs to; the staff's PIN pad and
// panel dialogs cover it with the colour the dim layer has over the page's background.
var (
	colorDim   = color.NRGBA{R: 4, G: 12, B: 24, A: 0xD8}
	colorCover = color.NRGBA{R: 5, G: 15, B: 29, A: 0xFF}
)

// showModal covers the screen with a dimmed layer and a centred panel. A tap on the dim
// layer runs onOutside. The PIN pad and the staff dialogs hide the page under them.
func (s *Shell) showModal(name string, panel fyne.CanvasObject, onOutside func()) {
	s.modal = name
	staff := name == "pin" || name == "staff"
	back := colorDim
	if staff {
		back = colorCover
	}
	s.coverPage(staff)
	dim := s.tappable(canvas.NewRectangle(back), onOutside)
	s.overlay.Objects = []fyne.CanvasObject{dim, container.NewCenter(panel)}
	s.overlay.Refresh()
}

func (s *Shell) closeModal() {
	s.modal = ""
	s.coverPage(false)
	s.overlay.Objects = nil
	s.overlay.Refresh()
}

// coverPage hides the page while an opaque overlay is on show (the staff panel, the PIN
// pad); see showLayers.
func (s *Shell) coverPage(covered bool) {
	s.covered = covered
	s.showLayers()
}

// standOnGradient says whether the screen being drawn stands on the backdrop gradient.
func (s *Shell) standOnGradient(on bool) {
	s.gradient = on
	s.showLayers()
}

// showLayers shows the backdrop gradient and the page only where they can be seen. Fyne
// paints every visible object of a window on each frame, covered or not, and with software
// GL a frame costs about what the area of all its layers costs (bench/layers.sh: a
// full-screen rectangle 7.7 ms on llvmpipe at 1080p, a rounded one 13.4 ms): the page
// under the staff panel doubled the time of every staff tap. The gradient is the attract loop's and home's; every other
// page stands on the theme's flat background, which the window is cleared to anyway.
func (s *Shell) showLayers() {
	show := func(o fyne.CanvasObject, on bool) {
		if o.Visible() == on {
			return
		}
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	show(s.root.Objects[0], s.gradient && !s.covered)
	show(s.main, !s.covered)
}

// showIdlePrompt asks "还在吗？" with a countdown; any tap continues the visit.
func (s *Shell) showIdlePrompt() {
	s.d.Player.Stop()
	s.showModal("idle", s.idlePanel(), s.activity)
}

func (s *Shell) updateIdlePrompt() {
	if s.modal != "idle" {
		return
	}
	s.overlay.Objects[1] = container.NewCenter(s.idlePanel())
	s.overlay.Refresh()
}

// idlePrompter is a view with an idle prompt of its own (a game in progress asks
// 还要继续吗？): the string keys of its title, countdown and button.
type idlePrompter interface {
	idlePrompt() (title, body, button string)
}

func (s *Shell) idlePanel() fyne.CanvasObject {
	secs := int(math.Ceil(s.v.Session().PromptRemaining().Seconds()))
	tk, bk, ck := "idle.title", "idle.body", "idle.continue"
	if p, ok := s.top().(idlePrompter); ok {
		tk, bk, ck = p.idlePrompt()
	}
	title := s.label(s.t(tk), sizeDisplay, true, colorText)
	title.Alignment = fyne.TextAlignCenter
	count := s.label(s.t(bk, secs), sizeLead, false, colorMuted)
	count.Alignment = fyne.TextAlignCenter
	btn := s.pill(s.t(ck), colorAccent, nil)
	box := container.NewVBox(title, count, spacerH(24), container.NewCenter(btn))
	return card(colorSurface, 36, 56, container.New(layout.NewCustomPaddedLayout(0, 0, 40, 40), box))
}
