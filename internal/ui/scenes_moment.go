package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/scene"
	"github.com/jindu-edu/kiosk/internal/ui/panorama"
)

// sceneMomentView is a moment of a scene's story: the panorama held still on the person
// speaking, their line with its narration, then the visitor's 2–4 responses as big
// buttons. A response leads to the next moment or to the ending.
type sceneMomentView struct {
	look   *sceneLookView // the scene, to go back to
	walk   *scene.Walk
	facing float64 // the yaw of the hotspot that started the story
	pano   *panorama.Panorama
}

func (v *sceneMomentView) enter() {
	s := v.look.s
	s.narrate(v.walk.Current().Narration, v.look.zone.ID, v.look.sc.ID)
}

func (v *sceneMomentView) leave() {
	if v.pano != nil {
		v.pano.Release()
	}
}

func (v *sceneMomentView) build() screen {
	s := v.look.s
	vp := s.viewport()

	lines := container.NewVBox()
	for i, l := range v.walk.Lines() {
		who := s.tx(l.Speaker)
		if l.Speaker.Empty() {
			who = s.t("scenes.narrator")
		}
		size, c := fyne.ThemeSizeName(sizeLead), fyne.ThemeColorName("")
		if i < v.walk.Line() { // what was said before: smaller and muted
			size, c = sizeBody, colorNameMuted
		}
		lines.Add(s.label(who, sizeButton, true, colorHeading))
		lines.Add(s.para(s.tx(l.Text), size, !l.Speaker.Empty() && i == v.walk.Line(), c))
	}
	narr := s.narration(s.tx(v.walk.Current().Text))

	var actions fyne.CanvasObject
	if v.walk.MoreLines() {
		actions = container.NewHBox(layout.NewSpacer(), s.pill(s.t("scenes.continue"), colorAccent, v.nextLine))
	} else {
		cols := 2
		if vp.Width < vp.Height {
			cols = 1
		}
		grid := container.NewGridWithColumns(cols)
		for _, c := range v.walk.Choices() {
			c := c
			grid.Add(s.choicePill(s.tx(c.Text), func() { v.choose(c.ID) }))
		}
		actions = container.NewVBox(s.label(s.t("scenes.ask"), sizeLead, true, colorHeading), grid)
	}
	// The lines are short (one or two per step): shown whole, not in a scrolling column
	// whose more-below cue would cover them on short screens.
	talk := container.NewBorder(lines, container.NewVBox(narr, actions), nil, nil, layout.NewSpacer())

	// The scene stays in view above the talk, held still on the speaker; short screens
	// give it less room.
	h := s.sceneMomentHeight()
	var top fyne.CanvasObject = layout.NewSpacer()
	if h > 0 {
		var spots []panorama.Hotspot
		if hs, ok := v.look.sc.HotspotByID(v.walk.Hotspot()); ok {
			spots = append(spots, panorama.Hotspot{ID: hs.ID, Label: s.tx(hs.Label), Yaw: hs.Yaw, Pitch: hs.Pitch})
		}
		p := panorama.New(v.facing, spots)
		p.Now, p.Still, p.HideCursor, p.OnTouch = s.d.Clock.Now, true, s.d.HideCursor, s.activity
		if v.pano != nil { // redrawn: the new panorama shares the strip
			v.pano.Release()
		}
		v.pano = p
		s.loadStrip(v.look.strip, v.look.sc.Panorama, p)
		top = container.NewStack(spacerH(h), p)
	}
	head := s.header(content.Zone{Title: v.look.sc.Title, Color: v.look.zone.Color}, nil)
	body := container.NewBorder(top, nil, nil, nil, padded(24, talk))
	return screen{body: container.NewBorder(head, nil, nil, nil, body), zone: v.look.zone.ID, item: v.look.sc.ID}
}

// sceneMomentHeight is the height of the still panorama above a moment's talk; 0 on short
// screens.
func (s *Shell) sceneMomentHeight() float32 {
	vp := s.viewport()
	switch {
	case vp.Height < 900: // no room: the words come first
		return 0
	case vp.Height > vp.Width:
		return vp.Height * 0.22
	}
	return vp.Height * 0.19
}

// choicePill is a response button: wide, left-aligned wrapping text, at least a touch
// target tall.
func (s *Shell) choicePill(text string, fn func()) fyne.CanvasObject {
	lbl := s.para(text, sizeButton, true, "")
	t := s.tappable(card(colorSurfaceHi, 28, 18, lbl), s.tap(fn))
	t.MinHeight = targetHeight + 8
	return t
}

func (v *sceneMomentView) nextLine() {
	v.walk.NextLine()
	v.look.s.replace(v)
}

// choose records the response and shows where it leads.
func (v *sceneMomentView) choose(id string) {
	s, zone, sc := v.look.s, v.look.zone.ID, v.look.sc.ID
	rec, err := v.walk.Choose(id)
	if err != nil {
		s.d.Log.Warn("scene choice", "scene", sc, "err", err)
		return
	}
	age := v.walk.Age()
	s.record(event.NewSceneChoice(zone, sc, rec.Step, rec.Choice, age, rec.After))
	if e, ok := v.walk.Ending(); ok {
		s.record(event.NewSceneEnd(zone, sc, e.ID, e.Kind, age, v.walk.Path(), v.walk.Duration()))
		s.replace(&sceneEndingView{look: v.look, ending: e})
		return
	}
	s.replace(&sceneMomentView{look: v.look, walk: v.walk, facing: v.facing})
}

// sceneEndingView is where a path led: what followed, what it teaches, the refusal
// script, and on the accepting path the help card.
type sceneEndingView struct {
	look   *sceneLookView
	ending content.Ending
}

func (v *sceneEndingView) enter() {
	v.look.s.narrate(v.ending.Narration, v.look.zone.ID, v.look.sc.ID)
}

func (v *sceneEndingView) build() screen {
	s := v.look.s
	e := v.ending
	badgeColor := colorGood
	if e.Kind == content.EndAccept {
		badgeColor = colorSurfaceHi // no red mark of shame: what follows, and the help
	}
	badge := card(badgeColor, 24, 12, s.label(s.t("scenes.kind."+e.Kind), sizeLead, true, colorText))
	text := container.NewVBox(
		container.NewHBox(badge),
		s.para(s.tx(e.Title), sizeHeading, true, ""),
		s.para(s.tx(e.Text), sizeLead, false, ""),
		s.section(s.t("scenes.lesson"), s.tx(e.Lesson)),
		card(colorSurface, 28, 24, container.NewVBox(
			s.label(s.t("scenes.refusal"), sizeLead, true, colorHeading),
			s.para(s.tx(s.cat().Scenes.Refusal), sizeBody, true, ""))),
	)
	if e.ShowsHelp() {
		text.Add(s.helpCard())
	}
	narr := s.narration(content.Caption(s.v.Lang(), e.EndingCaption()...))
	again := s.pill(s.t("scenes.again"), colorAccent, func() { s.replace(v.look.resume()) })
	others := s.pill(s.t("scenes.others"), colorSurfaceHi, s.back)
	actions := container.NewHBox(again, others)
	body := container.NewBorder(nil, container.NewVBox(narr, actions), nil, nil, s.scrollText(text))
	head := s.header(content.Zone{Title: v.look.sc.Title, Color: v.look.zone.Color}, nil)
	return screen{body: container.NewBorder(head, nil, nil, nil, padded(24, body)), zone: v.look.zone.ID, item: v.look.sc.ID}
}
