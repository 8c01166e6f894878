package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// narrationBar is the play/pause control with a progress bar and the caption line.
type narrationBar struct {
	s        *Shell
	clip     string
	zone     string
	item     string
	lines    []string
	button   *widget.Icon
	progress *widget.ProgressBar
	caption  *paraText
	obj      fyne.CanvasObject
	lastSt   audio.State
}

// narrationSource is what a view narrates: registered by its enter hook, so that the shell
// knows the clip before the view is drawn and can keep it playing across pages.
type narrationSource struct {
	media      content.Media
	zone, item string
}

// narrate registers the narration of the view coming on screen (from its enter hook).
func (s *Shell) narrate(m content.Media, zone, item string) {
	s.narrSrc = &narrationSource{media: m, zone: zone, item: item}
}

// narration builds the bar for the registered clip with its caption text; the shell keeps
// it current. Without a registered clip it draws nothing.
func (s *Shell) narration(text string) fyne.CanvasObject {
	src := s.narrSrc
	if src == nil {
		return layout.NewSpacer()
	}
	n := &narrationBar{s: s, clip: src.media.In(s.v.Lang()), zone: src.zone, item: src.item, lines: audio.Sentences(text)}
	bgc := colorSurface
	if n.clip == "" { // this text has no reading (a primary tier without its own): say nothing
		return layout.NewSpacer()
	}
	if !s.d.Player.Available() {
		ic := container.NewGridWrap(fyne.NewSize(40, 40), widget.NewIcon(theme.VolumeMuteIcon()))
		note := s.label(s.t("narration.silent"), sizeSmall, false, colorMuted)
		return card(bgc, 44, 16, container.NewHBox(ic, container.NewCenter(note)))
	}
	circle := canvas.NewCircle(colorAccent)
	n.button = widget.NewIcon(theme.MediaPlayIcon())
	btn := container.NewGridWrap(fyne.NewSize(targetHeight, targetHeight),
		container.NewStack(circle, padded(18, n.button)))
	n.progress = widget.NewProgressBar()
	n.progress.TextFormatter = func() string { return "" }
	prog := container.NewGridWrap(fyne.NewSize(260, 20), n.progress)
	n.caption = s.para(s.t("narration.play"), sizeBody, false, "")
	row := container.NewBorder(nil, nil, container.NewHBox(btn, container.NewCenter(prog)), nil, n.caption)
	n.obj = s.tappable(card(bgc, 52, 8, row), s.tap(n.toggle)) // the whole bar is the target
	s.narr = n
	n.lastSt = audio.Stopped
	return n.obj
}

// toggle plays, pauses, resumes or replays.
func (n *narrationBar) toggle() {
	p := n.s.d.Player
	switch st := p.Status(); {
	case st.State == audio.Playing:
		p.Pause()
	case st.State == audio.Paused && st.Clip == n.clip:
		p.Resume()
	default:
		if err := p.Play(n.s.pack().Root, n.clip); err != nil {
			n.s.d.Log.Warn("narration failed", "clip", n.clip, "err", err)
			n.caption.SetText(n.s.t("narration.silent"))
			return
		}
		n.s.record(event.NewNarration(n.zone, n.item, event.NarrationPlay, string(n.s.v.Lang())))
	}
	n.update(p.Status())
}

// update shows the player's state; Tick calls it a few times a second.
func (n *narrationBar) update(st audio.Status) {
	if n.button == nil {
		return
	}
	if n.lastSt != audio.Stopped && st.State == audio.Stopped && st.Finished {
		n.s.record(event.NewNarration(n.zone, n.item, event.NarrationDone, string(n.s.v.Lang())))
	}
	n.lastSt = st.State
	icon := theme.MediaPlayIcon()
	text := n.s.t("narration.play")
	switch st.State {
	case audio.Playing:
		icon = theme.MediaPauseIcon()
		text = "“" + audio.CaptionAt(n.lines, st.Progress()) + "”"
	case audio.Paused:
		text = "“" + audio.CaptionAt(n.lines, st.Progress()) + "”"
	case audio.Stopped:
		if st.Finished {
			icon = theme.MediaReplayIcon()
			text = n.s.t("narration.replay")
		}
	}
	if n.button.Resource != icon {
		n.button.SetResource(icon)
	}
	n.progress.SetValue(st.Progress())
	if n.caption.String() != text {
		n.caption.SetText(text)
	}
}
