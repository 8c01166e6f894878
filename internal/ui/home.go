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
	return map[string]func(content.Zone) view{
		content.KindHistory: func(z content.Zone) view { return &historyView{s: s, zone: z} },
		content.KindDrugs:   func(z content.Zone) view { return &drugListView{s: s, zone: z} },
		content.KindCases:   func(z content.Zone) view { return &caseListView{s: s, zone: z} },
	}
}

func (v *homeView) build() screen {
	s := v.s
	m := s.d.Catalog.Meta
	title := s.label(s.tx(m.Title), sizeHeading, true, colorText)
	other := m.Title.En
	if s.lang == content.En {
		other = m.Title.Zh
	}
	sub := s.label(other+"  ·  "+s.tx(m.Slogan), sizeBody, false, colorMuted)
	head := container.NewHBox(s.logo(), container.NewVBox(title, sub))

	openers := s.zoneOpeners()
	tiles := container.New(&tileGrid{})
	for _, z := range s.d.Catalog.Zones {
		open, ok := openers[z.Kind]
		if !ok {
			continue
		}
		z := z
		tiles.Add(s.zoneTile(z, func() { s.push(open(z)) }))
	}
	body := container.NewBorder(head, nil, nil, nil, padded(0, container.New(layout.NewCustomPaddedLayout(32, 0, 0, 0), tiles)))
	return screen{body: padded(48, body)}
}

// zoneTile is one big coloured home tile.
func (s *Shell) zoneTile(z content.Zone, open func()) fyne.CanvasObject {
	c := readableOn(hexOr(z.Color, colorAccent))
	bg := canvas.NewRectangle(c)
	bg.CornerRadius = 28
	bg.SetMinSize(fyne.NewSize(360, 300))
	icon := s.image(z.Icon)
	iconBox := container.NewGridWrap(fyne.NewSize(120, 120), icon)
	title := s.label(s.tx(z.Title), sizeDisplay, true, colorText)
	other := z.Title.En
	if s.lang == content.En {
		other = z.Title.Zh
	}
	sub := s.label(other, sizeLead, false, colorText)
	tag := s.para(s.tx(z.Tagline), sizeBody, false, "")
	text := container.NewVBox(layout.NewSpacer(), title, sub, tag)
	inner := container.NewBorder(nil, nil, nil, container.NewVBox(iconBox, layout.NewSpacer()), text)
	tile := container.NewStack(bg, padded(36, inner))
	t := s.tappable(tile, s.tap(open))
	return t
}

// tileGrid lays tiles out in as many columns as fit (3 on a 1920 px landscape screen, 1–2 in
// portrait), rows sharing the height.
type tileGrid struct{}

func (g *tileGrid) cols(w float32, n int) int {
	c := int(w / 520)
	return max(1, min(c, n, 3))
}

func (g *tileGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n := len(objs)
	if n == 0 {
		return
	}
	cols := g.cols(size.Width, n)
	rows := (n + cols - 1) / cols
	gap := float32(28)
	w := (size.Width - gap*float32(cols-1)) / float32(cols)
	h := (size.Height - gap*float32(rows-1)) / float32(rows)
	if h > 520 {
		h = 520
	}
	for i, o := range objs {
		r, c := i/cols, i%cols
		o.Move(fyne.NewPos(float32(c)*(w+gap), float32(r)*(h+gap)))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (g *tileGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(360, 300)
}
