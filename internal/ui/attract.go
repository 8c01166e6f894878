package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// showAttract shows the idle loop: content slides and a call to touch.
func (s *Shell) showAttract() {
	s.stack = nil
	s.cur = screen{}
	s.narr = nil
	s.attractN = s.slideIndex()
	s.page.Objects = []fyne.CanvasObject{s.attractPage()}
	s.page.Refresh()
	s.bar.Objects = nil
	s.bar.Refresh()
	s.do(s.refit)
}

// slideIndex derives the slide from the clock, so the loop needs no state of its own.
func (s *Shell) slideIndex() int {
	a := s.cat().Attract
	if len(a.Slides) == 0 {
		return 0
	}
	per := time.Duration(max(1, a.SecondsPerSlide)) * time.Second
	return int(s.d.Clock.Now().UnixNano()/int64(per)) % len(a.Slides)
}

func (s *Shell) advanceAttract() {
	if n := s.slideIndex(); n != s.attractN {
		s.attractN = n
		s.page.Objects = []fyne.CanvasObject{s.attractPage()}
		s.page.Refresh()
		s.do(s.refit)
	}
}

func (s *Shell) attractPage() fyne.CanvasObject {
	s.images.forget()
	m := s.cat().Meta
	title := s.label(m.Title.Zh, sizeHeading, true, colorText)
	titleEn := s.label(m.Title.En, sizeLead, false, colorMuted)
	logo := s.logo()
	head := container.NewHBox(logo, container.NewVBox(title, titleEn))

	var slide fyne.CanvasObject = layout.NewSpacer()
	if sl := s.cat().Attract.Slides; len(sl) > 0 {
		cur := sl[s.attractN%len(sl)]
		img := s.image(cur.Image)
		sp := canvas.NewRectangle(color.Transparent)
		sp.SetMinSize(fyne.NewSize(560, 420))
		t1 := s.para(cur.Title.Zh, sizeHeading, true, "")
		b1 := s.para(cur.Body.Zh, sizeLead, false, "")
		t2 := s.para(cur.Title.En, sizeLead, true, colorNameMuted)
		b2 := s.para(cur.Body.En, sizeBody, false, colorNameMuted)
		text := container.NewVBox(layout.NewSpacer(), t1, b1, t2, b2, layout.NewSpacer())
		if s.shortScreen() { // 800 px high: a smaller picture, and the slide in Chinese only
			sp.SetMinSize(fyne.NewSize(380, 285))
			text = container.NewVBox(layout.NewSpacer(), t1, b1, t2, layout.NewSpacer())
		}
		slide = container.New(layout.NewGridLayoutWithColumns(2), container.NewStack(sp, img), text)
	}

	dots := container.NewHBox()
	for i := range s.cat().Attract.Slides {
		c := colorSurfaceHi
		if i == s.attractN%max(1, len(s.cat().Attract.Slides)) {
			c = colorHeading
		}
		d := canvas.NewCircle(c)
		dots.Add(container.NewGridWrap(fyne.NewSize(20, 20), d))
	}
	callZh := s.label(s.d.Strings.T("zh", "attract.touch"), sizeHeading, true, colorText)
	callEn := s.label(s.d.Strings.T("en", "attract.touch"), sizeLead, false, colorMuted)
	pad := float32(24)
	edge := float32(48)
	if s.shortScreen() {
		pad, edge = 12, 28
	}
	call := card(colorAccent, 48, pad, container.NewVBox(container.NewCenter(callZh), container.NewCenter(callEn)))
	slogan := s.label(m.Slogan.Zh+"  ·  "+m.Slogan.En, sizeLead, false, colorHeading)

	bottom := container.NewVBox(container.NewCenter(dots), container.NewCenter(call), container.NewCenter(slogan))
	body := container.NewBorder(head, bottom, nil, nil, slide)
	t := s.tappable(padded(edge, body), s.startVisit)
	return t
}

// startVisit is any tap on the attract loop.
func (s *Shell) startVisit() {
	s.activity()
	s.home()
}

// logo is the round 禁 mark.
func (s *Shell) logo() fyne.CanvasObject {
	c := canvas.NewCircle(colorAccent)
	t := s.label("禁", sizeHeading, true, colorText)
	t.Alignment = fyne.TextAlignCenter
	return container.NewGridWrap(fyne.NewSize(96, 96), container.NewStack(c, container.NewCenter(t)))
}
