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
	// captions stands in for the player when the kiosk has no sound: the same bar runs the
	// caption lines at reading pace.
	captions *audio.CaptionClock
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
	n, btn := s.newNarration(text)
	if n == nil {
		return layout.NewSpacer()
	}
	// Short screens (800 px high) get a slimmer bar: the story above needs the room.
	progW := float32(260)
	if s.shortScreen() {
		progW = 160
	}
	n.progress = widget.NewProgressBar()
	n.progress.TextFormatter = func() string { return "" }
	prog := container.NewGridWrap(fyne.NewSize(progW, 20), n.progress)
	n.caption = s.para(s.t("narration.play"), sizeBody, false, "")
	row := container.NewBorder(nil, nil, container.NewHBox(btn, container.NewCenter(prog)), nil, n.caption)
	n.obj = s.tappable(card(colorSurface, 52, 8, row), s.tap(n.toggle)) // the whole bar is the target
	return n.start()
}

// narrationButton is the narration as its round button alone (play, pause, replay; the
// mute sign without sound), for a screen with no room for the bar whose text is on it
// already, large: the team contest's question on an 800 px screen.
func (s *Shell) narrationButton(text string) fyne.CanvasObject {
	n, btn := s.newNarration(text)
	if n == nil {
		return layout.NewSpacer()
	}
	n.obj = s.tappable(btn, s.tap(n.toggle))
	return n.start()
}

// newNarration sets up the narration of the registered clip and its round button; nil
// when there is nothing to read.
func (s *Shell) newNarration(text string) (*narrationBar, fyne.CanvasObject) {
	src := s.narrSrc
	if src == nil {
		return nil, nil
	}
	n := &narrationBar{s: s, clip: src.media.In(s.v.Lang()), zone: src.zone, item: src.item, lines: audio.Sentences(text)}
	if n.clip == "" { // this text has no reading (a primary tier without its own): say nothing
		return nil, nil
	}
	circle := canvas.NewCircle(colorAccent)
	n.button = widget.NewIcon(theme.MediaPlayIcon())
	if !s.d.Player.Available() {
		// No sound: the captions run by themselves at reading pace, from the first line.
		n.captions = audio.NewCaptionClock(n.lines)
		n.captions.Start(s.d.Clock.Now())
		circle.FillColor = colorSurfaceHi
	}
	btnSize, iconPad := float32(targetHeight), float32(18)
	if s.shortScreen() {
		btnSize, iconPad = 64, 14
	}
	return n, container.NewGridWrap(fyne.NewSize(btnSize, btnSize), container.NewStack(circle, padded(iconPad, n.button)))
}

// start makes n the shell's narration and shows its state.
func (n *narrationBar) start() fyne.CanvasObject {
	n.s.narr = n
	n.lastSt = audio.Stopped
	if n.captions != nil {
		n.update(n.status())
	}
	return n.obj
}

// status is the player's, or without sound the captions'.
func (n *narrationBar) status() audio.Status {
	if n.captions != nil {
		return n.captions.Status(n.s.d.Clock.Now())
	}
	return n.s.d.Player.Status()
}

// toggle plays, pauses, resumes or replays.
func (n *narrationBar) toggle() {
	if c := n.captions; c != nil {
		now := n.s.d.Clock.Now()
		switch c.Status(now).State {
		case audio.Playing:
			c.Pause(now)
		case audio.Paused:
			c.Resume(now)
		default:
			c.Start(now)
		}
		n.update(n.status())
		return
	}
	p := n.s.d.Player
	switch st := p.Status(); {
	case st.State == audio.Playing:
		p.Pause()
	case st.State == audio.Paused && st.Clip == n.clip:
		p.Resume()
	default:
		if err := p.Play(n.s.pack().Root, n.clip); err != nil {
			n.s.d.Log.Warn("narration failed", "clip", n.clip, "err", err)
			if n.caption != nil {
				n.caption.SetText(n.s.t("narration.silent"))
			}
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
	if n.lastSt != audio.Stopped && st.State == audio.Stopped && st.Finished && n.captions == nil {
		n.s.record(event.NewNarration(n.zone, n.item, event.NarrationDone, string(n.s.v.Lang())))
	}
	n.lastSt = st.State
	icon := theme.MediaPlayIcon()
	text := n.s.t("narration.play")
	switch st.State {
	case audio.Playing:
		icon = theme.MediaPauseIcon()
		text = n.s.quote(n.line(st))
	case audio.Paused:
		text = n.s.quote(n.line(st))
	case audio.Stopped:
		if st.Finished {
			icon = theme.MediaReplayIcon()
			text = n.s.t("narration.replay")
		}
		if n.captions != nil { // say why nothing is heard
			icon, text = theme.VolumeMuteIcon(), n.s.t("narration.silent")
		}
	}
	if n.button.Resource != icon {
		n.button.SetResource(icon)
	}
	prog := st.Progress()
	if c := n.captions; c != nil && st.State != audio.Stopped && len(n.lines) > 0 {
		// Captions move the bar a line at a time: the screen changes only when the text does.
		prog = float64(c.Index(st.Position)) / float64(len(n.lines))
	}
	if n.progress != nil && n.progress.Value != prog {
		n.progress.SetValue(prog)
	}
	if n.caption != nil && n.caption.String() != text {
		n.caption.SetText(text)
	}
}

// line is the caption line for a playback position.
func (n *narrationBar) line(st audio.Status) string {
	if n.captions != nil {
		return n.captions.Line(st.Position)
	}
	return audio.CaptionAt(n.lines, st.Progress())
}
