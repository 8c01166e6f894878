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
	home := s.iconPill(theme.HomeIcon(), s.t("bar.home"), colorAccent, s.home)
	back := s.iconPill(theme.NavigateBackIcon(), s.t("bar.back"), colorSurface, s.back)

	var middle fyne.CanvasObject
	if p := s.cur.pager; p != nil {
		prev := s.iconPill(theme.NavigateBackIcon(), s.t("bar.prev"), colorSurface, func() {
			if p.pos > 1 {
				p.move(-1)
			}
		})
		next := s.iconPill(theme.NavigateNextIcon(), s.t("bar.next"), colorSurface, func() {
			if p.pos < p.total {
				p.move(+1)
			}
		})
		pos := s.label(fmt.Sprintf("%d / %d", p.pos, p.total), sizeBody, false, colorMuted)
		middle = container.NewHBox(prev, container.NewCenter(pos), next)
	} else {
		middle = container.NewCenter(s.label(s.t("home.hint"), sizeBody, false, colorMuted))
	}

	size := "A+ " + s.t("bar.textsize")
	if s.large {
		size = "A- " + s.t("bar.textsize")
	}
	soundIcon, sound := theme.VolumeUpIcon(), fmt.Sprintf("%s %d", s.t("bar.sound"), s.volume)
	if s.volume == 0 || !s.d.Player.Available() {
		soundIcon, sound = theme.VolumeMuteIcon(), s.t("bar.sound.off")
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
