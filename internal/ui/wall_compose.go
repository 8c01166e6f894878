package ui

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/ui/ink"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// Ways to write a message.
const (
	modeInk    = "ink"
	modeKeys   = "keys"
	modePhrase = "phrase"
)

// composeView is 写留言: handwriting, the keyboard or a ready pledge, the optional group
// label, and 发送. Nothing asks for a name; the notice says not to write one.
type composeView struct {
	s       *Shell
	zone    content.Zone
	mode    string
	pad     *ink.Pad
	color   int
	keys    *keysInput // the keyboard mode, when the app has one
	group   string
	note    string // why the last send did not go through
	sending bool
}

func (v *composeView) modes() []string {
	if v.s.keyboardReady() {
		return []string{modeInk, modeKeys, modePhrase}
	}
	return []string{modeInk, modePhrase}
}

func (v *composeView) build() screen {
	s := v.s
	if v.mode == "" {
		v.mode = modeInk
	}
	notice := s.label("⚠ "+s.tx(s.cat().Wall.Notice), sizeLead, true, colorHeading)
	tabs := container.NewHBox()
	for _, m := range v.modes() {
		m := m
		name := s.t("wall.mode." + m)
		if m == modeKeys && s.v.Lang() == content.En {
			name = s.t("wall.mode.keys.en")
		}
		tabs.Add(s.chip(name, v.mode == m, func() { v.mode, v.note = m, ""; s.replace(v) }))
	}
	var head fyne.CanvasObject = container.NewBorder(nil, nil, container.NewCenter(notice), tabs)
	if s.viewport().Width < 1200 {
		head = container.NewVBox(notice, tabs)
	}

	var main fyne.CanvasObject
	switch v.mode {
	case modePhrase:
		main = v.phrases()
	case modeKeys:
		main = v.keysMain()
	default:
		main = v.inkMain()
	}

	groupShown := v.group
	if groupShown == "" {
		groupShown = s.t("wall.group.none")
	}
	group := container.NewHBox(container.NewCenter(s.label(s.t("wall.group"), sizeBody, true, colorMuted)),
		container.NewCenter(card(colorCard, 16, 12, s.label(groupShown, sizeLead, true, colorCardText))),
		s.pill(s.t("wall.group.edit"), colorSurfaceHi, v.editGroup))
	bottom := container.NewBorder(nil, nil, group, nil)
	if v.mode != modePhrase { // a ready pledge sends itself when tapped
		send := s.pill(s.t("wall.send")+" ➜", colorAccent, v.sendCurrent)
		if v.sending {
			send = s.pill(s.t("wall.sending"), colorSurface, nil)
		}
		send.MinWidth, send.MinHeight = 260, 104
		if s.shortScreen() {
			send.MinHeight = targetHeight
		}
		bottom = container.NewBorder(nil, nil, group, send)
		if s.narrow() && s.viewport().Height < 900 {
			bottom = container.NewBorder(nil, nil, nil, send, group)
		}
	}
	var foot fyne.CanvasObject = bottom
	if v.note != "" {
		foot = container.NewVBox(card(colorBad, 16, 14, s.para(v.note, sizeBody, true, "")), bottom)
	}
	if s.shortScreen() { // 800 px high: the page is the paper or the keyboard, not the zone's band
		body := container.NewBorder(head, foot, nil, nil, padded(8, main))
		return screen{body: padded(16, body), zone: v.zone.ID}
	}
	body := container.NewBorder(head, foot, nil, nil, padded(16, main))
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(24, body)), zone: v.zone.ID}
}

// inkMain is the paper and, beside it, the inks, undo and clear.
func (v *composeView) inkMain() fyne.CanvasObject {
	s := v.s
	if v.pad == nil {
		v.pad = ink.NewPad(inkAspect, inkColors, colorPaper)
		v.pad.HideCursor = s.d.HideCursor
	}
	v.pad.Ink = v.color
	v.pad.OnChanged = func() {
		s.activity()
		if v.note != "" || v.pad.Full() {
			v.note = ""
			if v.pad.Full() {
				v.note = s.t("wall.ink.full")
			}
			s.replace(v)
		}
	}
	inks := container.NewVBox()
	for i, c := range inkColors {
		i, c := i, c
		ring := canvas.NewCircle(color.Transparent)
		if i == v.color {
			ring.StrokeColor, ring.StrokeWidth = colorText, 6
		}
		dot := canvas.NewCircle(c)
		dot.StrokeColor, dot.StrokeWidth = colorMuted, 2
		side := float32(96)
		if s.shortScreen() {
			side = targetHeight
		}
		swatch := container.NewStack(container.NewGridWrap(fyne.NewSize(side, side), container.NewStack(padded(10, dot), ring)))
		row := container.NewHBox(swatch, container.NewCenter(s.label(s.t("wall.ink.color"+string(rune('0'+i))), sizeButton, i == v.color, colorText)))
		t := s.tappable(row, s.tap(func() { v.color = i; s.replace(v) }))
		t.MinHeight = targetHeight
		inks.Add(t)
	}
	tools := container.NewVBox(inks, spacerH(8),
		s.pill("↶ "+s.t("wall.ink.undo"), colorSurfaceHi, func() { v.pad.Undo() }),
		s.pill(s.t("wall.ink.clear"), colorSurface, func() { v.pad.Clear() }))
	if s.viewport().Height > s.viewport().Width { // portrait: the tools under the paper
		hint := s.label(s.t("wall.ink.hint"), sizeBody, false, colorMuted)
		paper := container.NewBorder(nil, hint, nil, nil, v.pad)
		row := container.NewHBox(inks.Objects...)
		row.Add(layout.NewSpacer())
		row.Add(tools.Objects[2])
		row.Add(tools.Objects[3])
		return container.NewBorder(nil, row, nil, nil, paper)
	}
	return container.NewBorder(nil, nil, nil, padded(0, container.New(layout.NewCustomPaddedLayout(0, 0, 24, 0), tools)), v.pad)
}

// phrases are the ready pledges and stickers: one tap sends.
func (v *composeView) phrases() fyne.CanvasObject {
	s := v.s
	w := s.cat().Wall
	cols := 2
	if s.viewport().Width >= 1500 {
		cols = 3
	}
	pledges := container.NewGridWithColumns(cols)
	for i, p := range w.Phrases {
		p := p
		bg := cardPapers[i%len(cardPapers)]
		c := s.tappable(card(bg, 18, 22, container.NewVBox(layout.NewSpacer(), s.para(s.tx(p.Text), sizeLead, true, colorNameCard), layout.NewSpacer())),
			s.tap(func() { v.sendPhrase(p) }))
		c.MinHeight = 120
		pledges.Add(c)
	}
	stickers := container.NewHBox()
	for _, p := range w.Stickers {
		p := p
		bg := canvas.NewRectangle(readableOn(hexOr(p.Color, colorAccent)))
		bg.CornerRadius = targetHeight / 2
		lbl := s.label(s.tx(p.Text), sizeButton, true, colorText)
		t := s.tappable(container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(0, 0, 28, 28), container.NewCenter(lbl))),
			s.tap(func() { v.sendPhrase(p) }))
		t.MinHeight = 96
		stickers.Add(t)
	}
	hint := s.label(s.t("wall.phrase.hint"), sizeBody, false, colorMuted)
	var stickRow fyne.CanvasObject = stickers
	if s.narrow() { // a row of six badges is wider than the screen: two rows
		half := len(stickers.Objects) / 2
		stickRow = container.NewVBox(container.NewHBox(stickers.Objects[:half]...), container.NewHBox(stickers.Objects[half:]...))
	}
	return s.scrollText(container.NewVBox(hint, pledges, spacerH(12),
		s.label(s.t("wall.stickers"), sizeLead, true, colorHeading), stickRow))
}

// editGroup opens the label keypad the team contest uses.
func (v *composeView) editGroup() {
	s := v.s
	shown := v.group
	if shown == "" {
		shown = "—"
	}
	keys := container.NewGridWithColumns(7)
	set := func(f func()) func() { return func() { f(); v.editGroup() } }
	for _, k := range labelKeys {
		k := k
		keys.Add(s.pill(k, colorSurfaceHi, set(func() {
			if utf8.RuneCountInString(v.group+k) <= min(maxLabel, wall.MaxGroupRunes) {
				v.group += k
			}
		})))
	}
	keys.Add(s.pill(s.t("team.label.del"), colorSurface, set(func() {
		if r := []rune(v.group); len(r) > 0 {
			v.group = string(r[:len(r)-1])
		}
	})))
	keys.Add(s.pill(s.t("team.label.clear"), colorSurface, set(func() { v.group = "" })))
	done := func() { s.closeModal(); s.replace(v) }
	panel := container.NewVBox(s.label(s.t("wall.group"), sizeLead, true, colorHeading),
		card(colorCard, 20, 12, s.label(shown, sizeHeading, true, colorCardText)), keys,
		container.NewHBox(layout.NewSpacer(), s.pill(s.t("wall.group.ok"), colorAccent, done)))
	s.showModal("wall", card(colorBg, 28, 32, panel), done)
}

// sendCurrent sends what the current mode holds.
func (v *composeView) sendCurrent() {
	s := v.s
	switch v.mode {
	case modeInk:
		if v.pad == nil || v.pad.Empty() {
			v.note = s.t("wall.empty.ink")
			s.replace(v)
			return
		}
		v.send(wall.Message{Kind: wall.KindInk, Ink: v.pad.Drawing()})
	case modeKeys:
		text := v.keysText()
		if text == "" {
			v.note = s.t("wall.empty.text")
			s.replace(v)
			return
		}
		v.send(wall.Message{Kind: wall.KindText, Text: text})
	}
}

func (v *composeView) sendPhrase(p content.WallPhrase) {
	v.send(wall.Message{Kind: wall.KindPhrase, Phrase: p.ID, Text: v.s.tx(p.Text)})
}

// send checks typed text and the label against the filter (a hit is not stored: the
// visitor is asked to change it), then stores the message off the UI thread and thanks.
func (v *composeView) send(m wall.Message) {
	s := v.s
	if v.sending {
		return
	}
	m.Group, m.Lang = v.group, string(s.v.Lang())
	check := m.Group
	if m.Kind == wall.KindText {
		check = m.Text + "\n" + m.Group
	}
	if r := s.wallFilter().Check(check); r != wall.ReasonNone {
		s.record(event.NewWallHeld(v.zone.ID, string(r)))
		v.note = s.t("wall.held.word")
		if r.Personal() {
			v.note = s.t("wall.held.personal")
		}
		s.replace(v)
		return
	}
	m.State = wall.InitialState(m.Kind, !s.v.Settings().WallInkAtOnce, false)
	v.sending, v.note = true, ""
	s.replace(v)
	var stored wall.Message
	s.wallWork(func() error {
		var err error
		stored, err = s.d.Wall.Add(m)
		return err
	}, func(err error) {
		v.sending = false
		if err != nil {
			s.d.Log.Error("wall: message not stored", "err", err)
			v.note = s.t("wall.save.failed")
			if s.top() == view(v) {
				s.replace(v)
			}
			return
		}
		s.record(event.NewWallPost(v.zone.ID, stored.ID, string(stored.Kind), string(stored.State), stored.Group))
		if stored.State == wall.Approved {
			s.record(wallMessageEvent(stored))
		}
		s.refreshWallToday()
		if s.top() == view(v) {
			s.replace(&thanksView{s: s, zone: v.zone, m: stored})
		}
	})
}

// thanksView shows the message as it will appear, and whether it waits for review.
type thanksView struct {
	s    *Shell
	zone content.Zone
	m    wall.Message
}

func (v *thanksView) build() screen {
	s := v.s
	title := s.label(s.t("wall.thanks"), sizeDisplay, true, colorHeading)
	title.Alignment = fyne.TextAlignCenter
	state := s.t("wall.thanks.shown")
	if v.m.State == wall.Pending {
		state = s.t("wall.thanks.pending")
	}
	vp := s.viewport()
	w := min(900, vp.Width-120)
	h := min(w*0.5, vp.Height-660)
	c := container.NewGridWrap(fyne.NewSize(w, h), s.wallCard(v.m, false))
	buttons := container.NewHBox(layout.NewSpacer(),
		s.pill(s.t("wall.thanks.again"), colorSurfaceHi, func() { s.replace(&composeView{s: s, zone: v.zone}) }),
		s.pill(s.t("wall.thanks.wall"), colorAccent, s.back), layout.NewSpacer())
	line := s.label(state, sizeLead, false, colorText)
	line.Alignment = fyne.TextAlignCenter
	body := container.NewVBox(layout.NewSpacer(), title, spacerH(12), container.NewCenter(c), spacerH(12), line, spacerH(12), buttons, layout.NewSpacer())
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(24, body)), zone: v.zone.ID}
}
