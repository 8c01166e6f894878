package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/media"
	"github.com/jindu-edu/kiosk/internal/pano"
	"github.com/jindu-edu/kiosk/internal/scene"
	"github.com/jindu-edu/kiosk/internal/ui/panorama"
)

// sceneListView is 情景体验's first page: the scenes of the visitor's age band as cards.
// In the primary-school mode the band is primary; otherwise the visitor picks it.
type sceneListView struct {
	s      *Shell
	zone   content.Zone
	picked string // the age band chip the visitor chose ("" before any)
}

func (v *sceneListView) age() string { return scene.AgeOf(v.s.primaryMode(), v.picked) }

func (v *sceneListView) build() screen {
	s := v.s
	age := v.age()
	var chips fyne.CanvasObject
	if !s.primaryMode() {
		row := container.NewHBox()
		for _, a := range content.AgeBands {
			a := a
			row.Add(s.chip(s.t("quiz.age."+a), a == age, func() {
				s.replace(&sceneListView{s: s, zone: v.zone, picked: a})
			}))
		}
		chips = row
	}
	// A card is its picture (16:9, the thumbnail's shape) over its text.
	// Short screens (1280×800) take three columns, so that five scenes fit in two rows.
	textH, minW := float32(80), float32(380)
	if s.viewport().Height >= 900 {
		textH, minW = 150, 520
	}
	grid := container.New(&cardGrid{minW: minW, maxH: func(w float32) float32 { return (w-28)*9/16 + textH }})
	for _, sc := range s.cat().Scenes.ForAge(age) {
		sc := sc
		grid.Add(s.tappable(v.sceneCard(sc), s.tap(func() {
			s.push(&sceneLookView{s: s, zone: v.zone, sc: sc, age: age, yaw: sc.StartYaw})
		})))
	}
	intro := s.para(s.tx(s.cat().Scenes.Intro), sizeBody, false, colorNameHeading)
	var main fyne.CanvasObject = grid
	if len(grid.Objects) == 0 {
		main = container.NewCenter(s.para(s.t("scenes.none"), sizeLead, true, ""))
	}
	body := container.NewBorder(intro, nil, nil, nil, container.New(layout.NewCustomPaddedLayout(20, 0, 0, 0), main))
	return screen{body: container.NewBorder(s.header(v.zone, chips), nil, nil, nil, padded(32, body)), zone: v.zone.ID}
}

// sceneCard is a scene's card: its thumbnail (the view on opening, rendered with the art)
// filling the top, the title under it and, on tall screens, the summary. A scene without a
// thumbnail gets a text card with the zone's icon.
func (v *sceneListView) sceneCard(sc content.Scene) fyne.CanvasObject {
	s := v.s
	text := container.NewVBox(s.para(s.tx(sc.Title), sizeButton, true, ""))
	var reserve float32 // a title line and two summary lines: the pictures of a row line up
	var summary fyne.CanvasObject
	if s.viewport().Height >= 900 {
		summary = s.para(s.tx(sc.Summary), sizeCaption, false, colorNameMuted)
		text.Add(summary)
		reserve = container.NewVBox(s.para("国", sizeButton, true, ""), s.para("国\n国", sizeCaption, false, "")).MinSize().Height
	}
	if sc.Thumbnail == "" {
		icon := container.NewGridWrap(fyne.NewSize(72, 72), s.image(v.zone.Icon))
		return card(colorSurface, 24, 16, container.NewBorder(nil, nil, container.NewCenter(icon), nil, text))
	}
	pic := s.thumbIn(slotSceneCard, sc.Thumbnail) // covers the space it gets, cropped at the sides or top
	frame := canvas.NewRectangle(colorBg)
	frame.CornerRadius = 16
	return card(colorSurface, 24, 14, container.New(sceneCardLayout{minTextH: reserve, summary: summary}, container.NewStack(frame, pic), text))
}

// sceneCardLayout puts a scene card's picture (first object) above its text (second) when
// the card is tall enough for a band of the panorama, else at its left, up to 16:9 at the
// card's height (short screens with many scenes: rows of low cards).
type sceneCardLayout struct {
	minTextH float32           // the height kept for the text under the picture
	summary  fyne.CanvasObject // the text's second line, shown where the picture keeps its people whole
}

const sceneCardGap = 12

func (l sceneCardLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pic, text := objs[0], objs[1]
	// The summary gives way to the picture: a band thinner than two thirds of the picture
	// cuts the people in it at the neck (five scenes at 1920×1080). It is taken out of the
	// text rather than hidden, so that nothing under it is laid out off the card.
	th := max(text.MinSize().Height, l.minTextH)
	if box, ok := text.(*fyne.Container); ok && l.summary != nil {
		full := append(box.Objects[:1:1], l.summary)
		box.Objects = full
		th = max(text.MinSize().Height, l.minTextH)
		if size.Height-th-sceneCardGap < size.Width*9/16*2/3 {
			box.Objects = full[:1]
			th = text.MinSize().Height
		}
	}
	if picH := size.Height - th - sceneCardGap; picH >= max(90, size.Width/5) { // a band of the panorama at least
		pic.Move(fyne.NewPos(0, 0))
		pic.Resize(fyne.NewSize(size.Width, picH))
		text.Move(fyne.NewPos(0, picH+sceneCardGap))
		text.Resize(fyne.NewSize(size.Width, th))
		return
	}
	pw := min(size.Width*0.45, size.Height*16/9)
	pic.Move(fyne.NewPos(0, 0))
	pic.Resize(fyne.NewSize(pw, size.Height))
	text.Move(fyne.NewPos(pw+sceneCardGap, 0))
	text.Resize(fyne.NewSize(size.Width-pw-sceneCardGap, size.Height))
}

func (sceneCardLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[1].MinSize()
	return fyne.NewSize(t.Width+sceneCardGap+120, t.Height)
}

// sceneStrip is the panorama of the scene being visited, made ready for this screen. The
// shell keeps one (Shell.strip), for the scene views only: views and their widgets, which
// Fyne may keep for a minute after they leave, hold no strip, so leaving the scene lets go
// of its 16 MB at once (a soak of random taps kept six to nine strips alive through them).
type sceneStrip struct {
	path    string
	serial  uint64 // which load this is: a decode that ends after the slot moved on is dropped
	strip   *pano.Strip
	loading bool
	waiting []*panorama.Panorama
}

// loadStrip gives p the strip of the scene panorama at path: the kept one, or one decoded
// off the UI thread at its own size (the content limits bound it; scaling a 4096-wide
// strip down costs more than drawing from it). The decoded picture itself is not kept.
// Another scene's strip is dropped first.
func (s *Shell) loadStrip(path string, p *panorama.Panorama) {
	st := &s.strip
	if st.path == path && st.strip != nil {
		p.SetStrip(st.strip)
		return
	}
	if st.path != path {
		s.dropStrip()
		st.path = path
	}
	st.waiting = append(st.waiting, p)
	if st.loading {
		return
	}
	st.loading = true
	serial := st.serial
	pk := s.pack()
	lim := content.DefaultLimits()
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		img, err := media.Decode(pk.Root, path, lim.ImageSide, lim.ImageSide, lim)
		var strip *pano.Strip
		if err == nil {
			strip = pano.NewStrip(img)
		}
		s.do(func() {
			st := &s.strip
			if st.serial != serial { // the visitor left the scene meanwhile
				return
			}
			st.loading = false
			if err != nil {
				s.d.Log.Warn("scene panorama unreadable", "path", path, "err", err)
				return
			}
			st.strip = strip
			for _, p := range st.waiting {
				p.SetStrip(strip)
			}
			st.waiting = nil
		})
	}()
}

// dropStrip lets go of the kept strip (and of a decode under way).
func (s *Shell) dropStrip() {
	s.strip = sceneStrip{serial: s.strip.serial + 1}
}

// keepStrip drops the strip unless the view on top shows a scene.
func (s *Shell) keepStrip() {
	switch s.top().(type) {
	case *sceneLookView, *sceneMomentView, *sceneEndingView:
	default:
		if s.strip.path != "" {
			s.dropStrip()
		}
	}
}

// sceneLookView is the panorama of one scene: the visitor looks around and taps a hotspot
// to start its story.
type sceneLookView struct {
	s    *Shell
	zone content.Zone
	sc   content.Scene
	age  string
	yaw  float64
	pano *panorama.Panorama
}

func (v *sceneLookView) leave() {
	if v.pano != nil {
		v.yaw = v.pano.Yaw()
		v.pano.Release()
	}
}

func (v *sceneLookView) build() screen {
	s := v.s
	if v.pano != nil { // redrawn (language, text size): keep looking where the visitor was
		v.yaw = v.pano.Yaw()
		v.pano.Release() // the new panorama shares the strip; the old one holds nothing
	}
	var spots []panorama.Hotspot
	for _, h := range v.sc.Hotspots {
		spots = append(spots, panorama.Hotspot{ID: h.ID, Label: s.tx(h.Label), Yaw: h.Yaw, Pitch: h.Pitch})
	}
	p := panorama.New(v.yaw, spots)
	p.Now = s.d.Clock.Now
	p.HideCursor = s.d.HideCursor
	p.OnTouch = s.activity
	p.OnHotspot = v.open
	v.pano = p
	s.loadStrip(v.sc.Panorama, p)
	p.Start()

	hint := card(withAlpha(colorBg, 0xD8), 32, 14, s.label(s.t("scenes.hint"), sizeBody, false, colorText))
	tag := card(withAlpha(colorBg, 0xD8), 20, 8, s.label(s.t("scenes.illustrative"), sizeSmall, false, colorMuted))
	over := container.NewBorder(container.NewHBox(layout.NewSpacer(), hint, layout.NewSpacer()),
		container.NewHBox(tag, layout.NewSpacer()), nil, nil)
	view := container.NewStack(p, padded(20, over))
	head := s.header(content.Zone{Title: v.sc.Title, Color: v.zone.Color}, nil)
	return screen{body: container.NewBorder(head, nil, nil, nil, view), zone: v.zone.ID, item: v.sc.ID}
}

// open starts the story at a hotspot.
func (v *sceneLookView) open(id string) {
	s := v.s
	w, err := scene.Start(v.sc, id, v.age, s.d.Clock)
	if err != nil { // validated content: only a broken pack gets here
		s.d.Log.Warn("scene hotspot", "scene", v.sc.ID, "err", err)
		return
	}
	s.record(event.NewSceneStart(v.zone.ID, v.sc.ID, id, v.age))
	h, _ := v.sc.HotspotByID(id)
	s.replace(&sceneMomentView{look: v.resume(), walk: w, facing: h.Yaw})
}

// resume is a fresh look view of the same scene where this one looks now.
func (v *sceneLookView) resume() *sceneLookView {
	yaw := v.yaw
	if v.pano != nil {
		yaw = v.pano.Yaw()
	}
	return &sceneLookView{s: v.s, zone: v.zone, sc: v.sc, age: v.age, yaw: math.Mod(yaw, 360)}
}
