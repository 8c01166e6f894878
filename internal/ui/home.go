package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
)

// homeView shows the zones as large tiles.
type homeView struct{ s *Shell }

// zoneOpeners maps a zone kind to the view that shows it; zones of other kinds (the quiz
// and the wall until their issues land) get no tile.
func (s *Shell) zoneOpeners() map[string]func(content.Zone) view {
	m := map[string]func(content.Zone) view{
		content.KindHistory: func(z content.Zone) view { return &historyView{s: s, zone: z} },
		content.KindDrugs:   func(z content.Zone) view { return &drugListView{s: s, zone: z} },
		content.KindCases:   func(z content.Zone) view { return &caseListView{s: s, zone: z} },
		content.KindScenes:  func(z content.Zone) view { return &sceneListView{s: s, zone: z} },
	}
	if s.cat().Board.Present() {
		m[content.KindBoard] = func(z content.Zone) view { return &boardSetupView{s: s, zone: z} }
	}
	if s.wallOn() {
		m[content.KindWall] = func(z content.Zone) view { return &wallView{s: s, zone: z} }
	}
	if !s.v.Settings().MirrorOff {
		m[content.KindMirror] = func(z content.Zone) view { return newMirrorView(s, z) }
	}
	if s.pack().HasQuiz() {
		m[content.KindQuiz] = func(z content.Zone) view { return &quizHomeView{s: s, zone: z} }
	}
	return m
}

// hasZone reports whether the content has a zone of kind.
func (s *Shell) hasZone(kind string) bool {
	for _, z := range s.cat().Zones {
		if z.Kind == kind {
			return true
		}
	}
	return false
}

func (v *homeView) build() screen {
	s := v.s
	m := s.cat().Meta
	titleSize := fyne.ThemeSizeName(sizeHeading)
	if s.shortScreen() && s.v.Lang() == content.En { // one line, not two, above the tiles
		titleSize = sizeLead
	}
	title := s.para(s.tx(m.Title), titleSize, true, "")
	other := s.other(m.Title)
	sub := s.para(other+"  ·  "+s.tx(m.Slogan), sizeBody, false, colorNameMuted)
	head := s.withGainCard(container.NewBorder(nil, nil, s.logo(), nil, container.NewVBox(title, sub)), title) // gain.go

	openers := s.zoneOpeners()
	var shown []content.Zone
	for _, z := range s.cat().Zones {
		if _, ok := openers[z.Kind]; ok {
			shown = append(shown, z)
		}
	}
	// Compact tiles (icon and title on one line, the tagline under it) on 800 px high
	// screens, and whenever more than six zones share the screen.
	s.homeTiles = len(shown)
	s.compactHome = s.shortScreen() || len(shown) > 6
	tiles := container.New(&tileGrid{minH: s.tileMinHeight()})
	for _, z := range shown {
		z, open := z, openers[z.Kind]
		tiles.Add(s.zoneTile(z, func() { s.push(open(z)) }))
	}
	body := container.NewBorder(head, nil, nil, nil, padded(0, container.New(layout.NewCustomPaddedLayout(32, 0, 0, 0), tiles)))
	return screen{body: padded(48, body), hint: s.t("home.hint"), backdrop: true}
}

// zoneTile is one big coloured home tile.
func (s *Shell) zoneTile(z content.Zone, open func()) fyne.CanvasObject {
	c := readableOn(hexOr(z.Color, colorAccent))
	bg := canvas.NewRectangle(c)
	bg.CornerRadius = 28
	short := s.compactHome
	bg.SetMinSize(fyne.NewSize(360, s.tileMinHeight()))
	icon := s.image(z.Icon)
	iconSide := float32(104)
	if short {
		iconSide = 56
	}
	iconBox := container.NewGridWrap(fyne.NewSize(iconSide, iconSide), icon)
	titleSize := fyne.ThemeSizeName(sizeTileHero)
	if s.v.Lang() == content.En || s.viewport().Width < 1500 || len([]rune(z.Title.Zh)) > 6 {
		titleSize = sizeTile // English titles are three times as long; small screens; long names
	}
	title := s.para(s.tx(z.Title), titleSize, true, "")
	other := s.other(z.Title)
	sub := s.para(other, sizeButton, false, "")
	tag := s.para(s.tx(z.Tagline), sizeButton, false, "")
	if short { // 800 px high: icon and title on one line (Chinese adds the English name), the tagline under it
		var line fyne.CanvasObject
		if s.v.Lang() == content.En { // long titles: wrap, a size smaller
			line = container.NewBorder(nil, nil, container.NewCenter(iconBox), nil, s.para(s.tx(z.Title), sizeLead, true, ""))
		} else {
			ts := fyne.ThemeSizeName(sizeTile)
			if len([]rune(z.Title.Zh)) > 6 { // 看看“吸毒后的你”: a size smaller, to fit a narrow tile
				ts = sizeLead
			}
			line = container.NewHBox(container.NewCenter(iconBox), s.label(s.tx(z.Title), ts, true, colorText))
			if len([]rune(z.Title.Zh)) <= 5 && s.homeTiles <= 4 { // no room for the English name beside a long title or in narrow tiles
				line.(*fyne.Container).Add(container.NewCenter(s.label(other, sizeButton, false, colorText)))
			}
		}
		inner := container.NewVBox(layout.NewSpacer(), line, tag, layout.NewSpacer())
		pad := float32(24)
		if (s.v.Lang() == content.En && s.v.Large()) || // the title takes two lines: no room for the tagline
			(s.shortScreen() && s.homeTiles > 6) { // three rows of tiles in 800 px: the title alone
			inner = container.NewVBox(layout.NewSpacer(), line, layout.NewSpacer())
			pad = 16
		}
		return s.tappable(container.NewStack(bg, padded(pad, inner)), s.tap(open))
	}
	text := container.NewVBox(title, sub, tag)
	inner := container.NewBorder(container.NewHBox(layout.NewSpacer(), iconBox), text, nil, nil)
	tile := container.NewStack(bg, padded(36, inner))
	t := s.tappable(tile, s.tap(open))
	return t
}

// tileGrid lays tiles out in rows that share the height: as many columns as are wide
// enough (520 px), or more when the height holds fewer rows of tall-enough (330 px) tiles.
// That is one row of three at 1920×1080 and 1280×800, one column in 1080×1920 portrait.
type tileGrid struct {
	minH float32 // a tile's least height; 0: 330
}

// shortScreen is true on screens about 800 px high, where home tiles go two rows of
// short tiles rather than one row of narrow ones.
func (s *Shell) shortScreen() bool { return s.viewport().Height < 900 }

func (s *Shell) tileMinHeight() float32 {
	if s.shortScreen() || s.compactHome {
		return 170
	}
	return 300
}

func (g *tileGrid) cols(size fyne.Size, n int) int {
	minH := g.minH
	if minH == 0 {
		minH = 330
	}
	byWidth := int(size.Width / 520)
	rowsFit := max(1, int(size.Height/minH))
	byHeight := (n + rowsFit - 1) / rowsFit
	c := max(1, min(n, max(byWidth, byHeight)))
	c = min(c, max(1, int(size.Width/360))) // never narrower than a readable tile
	// Fewer, wider columns when that adds no row: four tiles are 2×2, not 3+1.
	for c > 1 && (n+c-2)/(c-1) == (n+c-1)/c {
		c--
	}
	return c
}

func (g *tileGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n := len(objs)
	if n == 0 {
		return
	}
	cols := g.cols(size, n)
	rows := (n + cols - 1) / cols
	gap := float32(28)
	w := (size.Width - gap*float32(cols-1)) / float32(cols)
	h := (size.Height - gap*float32(rows-1)) / float32(rows)
	top := float32(0)
	if h > 640 { // very tall tiles look empty: cap them and centre the grid
		h = 640
		top = (size.Height - float32(rows)*h - gap*float32(rows-1)) / 2
	}
	for i, o := range objs {
		r, c := i/cols, i%cols
		o.Move(fyne.NewPos(float32(c)*(w+gap), top+float32(r)*(h+gap)))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (g *tileGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(360, 300)
}
