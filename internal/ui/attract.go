package ui

import (
	"image/color"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// showAttract shows the idle loop: content slides and a call to touch.
func (s *Shell) showAttract() {
	s.stopMotion()
	s.stack = nil
	s.dropStrip()
	s.cur = screen{}
	s.narr = nil
	s.refreshWallToday()
	s.images.keepAlways(s.slideImages())
	s.attractWarmAt = time.Time{} // after a visit, afterVisit asks for the slides (warmAttract)
	s.attractAt = time.Time{}
	s.attractBase = s.slideIndex()
	s.attractAt, s.attractN = s.d.Clock.Now(), s.attractBase
	s.standOnGradient(true)
	s.page.Objects = []fyne.CanvasObject{s.attractPage()}
	s.page.Refresh()
	s.bar.Objects = nil
	s.bar.Refresh()
	// The page takes the bar's room at once: laid out first at the visit's page size, the
	// slide's picture was fitted to a box a bar shorter, and decoded again a frame later.
	s.main.Layout.Layout(s.main.Objects, s.main.Size())
	s.do(s.refit)
}

// slideIndex is the slide due now. The loop starts where the clock is (kiosks side by side
// do not all show the same slide) and then counts whole slides from when it was shown: a
// slide due a moment after the loop came back (after a visit, after the staff panel)
// would replace the one just drawn. After the content's slides comes a teaser question
// when the pack has a quiz.
func (s *Shell) slideIndex() int {
	a := s.cat().Attract
	n := s.slideCount()
	if n == 0 {
		return 0
	}
	per := time.Duration(max(1, a.SecondsPerSlide)) * time.Second
	now := s.d.Clock.Now()
	if s.attractAt.IsZero() {
		return int(now.UnixNano()/int64(per)) % n
	}
	return (s.attractBase + int(max(0, now.Sub(s.attractAt))/per)) % n
}

// slideCount is the content's slides plus the teaser, if there is one.
func (s *Shell) slideCount() int {
	n := len(s.cat().Attract.Slides)
	if s.teaserQuestion() != nil {
		n++
	}
	if len(s.wall.today) > 0 { // 今日留言
		n++
	}
	return n
}

// teaserQuestion is a short primary-school question to draw visitors in, a different one
// each time round the loop; nil when the pack has no quiz zone.
func (s *Shell) teaserQuestion() *quiz.Question {
	if !s.pack().HasQuiz() {
		return nil
	}
	var pool []*quiz.Question
	for i, q := range s.pack().Bank.Questions {
		if q.Audience == quiz.Primary && q.Type != quiz.Multi && utf8.RuneCountInString(q.Prompt.Zh) <= 30 {
			pool = append(pool, &s.pack().Bank.Questions[i])
		}
	}
	if len(pool) == 0 {
		return nil
	}
	per := time.Duration(max(1, s.cat().Attract.SecondsPerSlide)) * time.Second
	loop := s.d.Clock.Now().UnixNano() / int64(per) / int64(len(s.cat().Attract.Slides)+1)
	return pool[int(loop%int64(len(pool)))]
}

// warmAttract decodes the pictures of the slides a visit evicted or the loop never
// showed, at the box the first was laid out in, once attractWarmAt has come: a second
// into the loop after a visit, or while the staff PIN is typed and a second into the
// staff panel (which closes into the loop; a pack installed there reset the cache). The
// loop then comes on with its picture (they are kept, imageCache.keep). Not on the loop
// after a start, which decodes each slide as it comes: the idle memory goal.
//
// When the loop after a start showed only the teaser before the visit, no slide's picture
// had been laid out, and the slot's box was not known: a first slide is laid out off the
// window (sizeAheadAt) to learn it. Without it, the first staff panel closed after such a
// start showed its slide a frame after the loop (the bench's first close, 1 start in 4).
func (s *Shell) warmAttract() {
	if s.attractWarmAt.IsZero() || s.d.Clock.Now().Before(s.attractWarmAt) {
		return
	}
	s.attractWarmAt = time.Time{}
	if len(s.cat().Attract.Slides) > 0 {
		// The loop's page has the window but for the padding over the bar it leaves empty.
		size := s.main.Size().SubtractWidthHeight(0, s.size(theme.SizeNamePadding))
		s.sizeAheadAt(slotAttract, size, func() fyne.CanvasObject {
			n := s.attractN
			defer func() { s.attractN = n }()
			s.attractN = 0 // the content's first slide, with its picture
			return s.attractSlide()
		})
	}
	s.warmIn(slotAttract, s.slideImages()...)
}

// slideImages are the pictures of the content's attract slides.
func (s *Shell) slideImages() []string {
	var out []string
	for _, sl := range s.cat().Attract.Slides {
		out = append(out, sl.Image)
	}
	return out
}

// advanceAttract shows the next slide, fading it in from the background once drawn.
func (s *Shell) advanceAttract() {
	if n := s.slideIndex(); n != s.attractN {
		s.attractN = n
		s.stopMotion()
		s.page.Objects = []fyne.CanvasObject{s.fadeIn(s.attractPage())}
		s.page.Refresh()
		s.do(s.refit)
	}
}

// attractPage draws the loop's slide attractN in place of the page before.
func (s *Shell) attractPage() fyne.CanvasObject {
	s.images.forget()
	return s.attractSlide()
}

// attractSlide is the loop's slide attractN, drawn on the window (attractPage) or off it
// (warmAttract).
func (s *Shell) attractSlide() fyne.CanvasObject {
	m := s.cat().Meta
	title := s.label(m.Title.Zh, sizeHeading, true, colorText)
	titleEn := s.label(english(m.Title), sizeLead, false, colorMuted)
	logo := s.logo()
	head := container.NewHBox(logo, container.NewVBox(title, titleEn))

	var slide fyne.CanvasObject = layout.NewSpacer()
	sl := s.cat().Attract.Slides
	teaser := s.teaserQuestion()
	extra := s.attractN - len(sl) // after the content's slides: the teaser, then 今日留言
	if extra >= 0 && teaser != nil && extra == 0 {
		slide = s.teaserSlide(teaser)
	} else if extra >= 0 && len(s.wall.today) > 0 {
		slide = s.wallTodaySlide()
	} else if len(sl) > 0 {
		cur := sl[s.attractN%len(sl)]
		img := s.imageIn(slotAttract, cur.Image)
		sp := canvas.NewRectangle(color.Transparent)
		sp.SetMinSize(fyne.NewSize(560, 420))
		t1 := s.para(cur.Title.Zh, sizeHeading, true, "")
		b1 := s.para(cur.Body.Zh, sizeLead, false, "")
		t2 := s.para(english(cur.Title), sizeLead, true, colorNameMuted)
		b2 := s.para(english(cur.Body), sizeBody, false, colorNameMuted)
		text := container.NewVBox(layout.NewSpacer(), t1, b1, t2, b2, layout.NewSpacer())
		if s.shortScreen() { // 800 px high: a smaller picture, and the slide in Chinese only
			sp.SetMinSize(fyne.NewSize(380, 285))
			text = container.NewVBox(layout.NewSpacer(), t1, b1, t2, layout.NewSpacer())
		}
		slide = container.New(layout.NewGridLayoutWithColumns(2), container.NewStack(sp, img), text)
		if vp := s.viewport(); vp.Height > vp.Width { // portrait: a large picture above the text
			sp.SetMinSize(fyne.NewSize(vp.Width*0.7, vp.Width*0.525))
			slide = container.NewVBox(layout.NewSpacer(), container.NewStack(sp, img), text, layout.NewSpacer())
		}
	}

	dots := container.NewHBox()
	for i := range s.slideCount() {
		c := colorSurfaceHi
		if i == s.attractN%max(1, s.slideCount()) {
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
	slogan := s.label(m.Slogan.Zh+"  ·  "+english(m.Slogan), sizeLead, false, colorHeading)

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

// teaserSlide asks a question of passers-by, in both languages, and sends them to the quiz.
// A long question (two lines, and its English two more) did not fit an 800 px high screen
// and ran under the title and the call: the slide drops the English, then takes the
// answers and then the question a size down, until it fits (firstFit).
func (s *Shell) teaserSlide(q *quiz.Question) fyne.CanvasObject {
	var opts []string
	for _, c := range q.Choices {
		opts = append(opts, c.Zh)
	}
	column := func(prompt, choices, rest fyne.ThemeSizeName, withEn, callEn bool) fyne.CanvasObject {
		ask := card(colorHeading, 28, 12, s.label(s.d.Strings.T(content.Zh, "attract.teaser")+"  "+
			s.d.Strings.T(content.En, "attract.teaser"), sizeLead, true, colorBg))
		col := container.NewVBox(layout.NewSpacer(), container.NewHBox(ask), s.para(q.Prompt.Zh, prompt, true, ""))
		if withEn {
			col.Add(s.para(english(q.Prompt), rest, false, colorNameMuted))
		}
		col.Add(s.para(strings.Join(opts, "   ·   "), choices, false, colorNameHeading))
		where := s.d.Strings.T(content.Zh, "attract.teaser.go")
		if callEn {
			where += "  " + s.d.Strings.T(content.En, "attract.teaser.go")
		}
		col.Add(s.para(where, rest, false, ""))
		col.Add(layout.NewSpacer())
		// A one-cell grid: the column always has the slide's full width to break its lines in.
		return container.NewGridWithColumns(1, col)
	}
	ways := []fyne.CanvasObject{column(sizeDisplay, sizeHeading, sizeLead, true, true)}
	if s.shortScreen() { // 800 px high: everything a size down, the call in Chinese only
		ways = []fyne.CanvasObject{column(sizeHeading, sizeLead, sizeBody, true, false)}
	}
	ways = append(ways,
		column(sizeHeading, sizeLead, sizeBody, false, false),
		column(sizeHeading, sizeBody, sizeBody, false, false),
		column(sizeLead, sizeBody, sizeBody, false, false))
	return container.New(layout.NewCustomPaddedLayout(16, 0, 0, 0), newFirstFit(ways...))
}
