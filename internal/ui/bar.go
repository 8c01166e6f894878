package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// buildBar is the persistent bottom bar: home, back, the pager or a hint, language, text
// size and sound.
func (s *Shell) buildBar() fyne.CanvasObject {
	homeText, backText := s.t("bar.home"), s.t("bar.back")
	if s.viewport().Width < 1200 { // portrait: the arrows and the house speak for themselves
		homeText, backText = "", ""
	}
	home := s.iconPill(theme.HomeIcon(), homeText, colorAccent, s.home)
	back := s.iconPill(theme.NavigateBackIcon(), backText, colorSurface, s.back)

	// Wide screens name the pager buttons; narrow ones (1280 px) show only the arrows.
	wide := s.viewport().Width >= 1600
	prevText, nextText := "", ""
	if wide {
		prevText, nextText = s.t("bar.prev"), s.t("bar.next")
	}
	var middle fyne.CanvasObject
	if p := s.cur.pager; p != nil {
		prev := s.iconPill(theme.NavigateBackIcon(), prevText, colorSurface, func() {
			if p.pos > 1 {
				s.slideDir = -1
				p.move(-1)
			}
		})
		next := s.iconPill(theme.NavigateNextIcon(), nextText, colorSurface, func() {
			if p.pos < p.total {
				s.slideDir = +1
				p.move(+1)
			}
		})
		pos := s.label(fmt.Sprintf("%d / %d", p.pos, p.total), sizeButton, false, colorMuted)
		middle = container.NewHBox(prev, container.NewCenter(pos), next)
	} else if s.cur.hint != "" { // what to do on this screen, not the home screen's advice
		middle = container.NewCenter(s.label(s.cur.hint, sizeButton, false, colorMuted))
	} else {
		middle = layout.NewSpacer()
	}

	size := "A+ " + s.t("bar.textsize")
	if s.v.Large() {
		size = "A- " + s.t("bar.textsize")
	}
	compact := s.viewport().Width < 1600
	if compact {
		size = size[:2] // "A+" / "A-": the narrow bar has no room for the word
	}
	soundIcon, sound := theme.VolumeUpIcon(), fmt.Sprintf("%s %d", s.t("bar.sound"), s.v.Volume())
	if s.v.Volume() == 0 || !s.d.Player.Available() {
		soundIcon, sound = theme.VolumeMuteIcon(), s.t("bar.sound.off")
	}
	if compact {
		sound = fmt.Sprint(s.v.Volume())
		if s.v.Volume() == 0 || !s.d.Player.Available() {
			sound = ""
		}
	}
	right := container.NewHBox(
		s.pill(s.t("bar.lang"), colorSurface, s.toggleLang),
		s.pill(size, colorSurface, s.toggleTextSize),
		s.iconPill(soundIcon, sound, colorSurface, s.cycleVolume),
	)
	row := container.NewBorder(nil, nil, container.NewHBox(home, back), right, container.NewCenter(middle))
	bg := canvas.NewRectangle(colorBar)
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(12, 12, 32, 32), row))
}
