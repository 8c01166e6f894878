package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// showModal covers the screen with a dimmed layer and a centred panel. A tap on the dim
// layer runs onOutside.
func (s *Shell) showModal(name string, panel fyne.CanvasObject, onOutside func()) {
	s.modal = name
	dim := s.tappable(canvas.NewRectangle(color.NRGBA{R: 4, G: 12, B: 24, A: 0xD8}), onOutside)
	s.overlay.Objects = []fyne.CanvasObject{dim, container.NewCenter(panel)}
	s.overlay.Refresh()
}

func (s *Shell) closeModal() {
	s.modal = ""
	s.overlay.Objects = nil
	s.overlay.Refresh()
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
