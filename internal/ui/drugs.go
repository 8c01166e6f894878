package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
)

// drugListView is the catalogue: category filter and a grid of entries.
type drugListView struct {
	s      *Shell
	zone   content.Zone
	cat    string // "" for all
	page   int    // when the cards do not fit one screen
	waited int    // ticks on screen
}

// tick, once the list's own first frames are out, lays an entry's page out ahead, off the
// window (sizeAhead, the first time), and decodes the pictures of the entries on screen at
// the box their pages show them in: the entry tapped comes with its picture. (Fitted
// to the box, fifteen are about 11 MB, decoded one at a time while the visitor reads the
// cards.)
func (v *drugListView) tick() {
	s := v.s
	if v.waited++; v.waited != 2 {
		return
	}
	list := s.cat().Drugs.InCategory(v.cat)
	if len(list) == 0 {
		return
	}
	slot := detailSlot(v.zone.ID)
	s.sizeAhead(slot, &drugView{s: s, zone: v.zone, list: list})
	per := s.cardsPerPage()
	var pics []string
	for _, d := range list[min(len(list), v.page*per):min(len(list), (v.page+1)*per)] {
		pics = append(pics, d.For(s.primaryMode()).Image)
	}
	s.warmIn(slot, pics...)
}

// cardsPerPage is how many catalogue cards fit the window: all 15 at 1920×1080, fewer on
// small screens, where the list pages like the timeline.
func (s *Shell) cardsPerPage() int {
	vp := s.viewport()
	cols := max(1, int((vp.Width-64+24)/(320+24)))
	headers := float32(128 + 64 + 112 + 60) // header, padding, bar, summary line
	if s.narrow() && s.v.Lang() == content.En {
		headers += 100 // the filter chips take two rows
	}
	rows := max(1, int((vp.Height-headers)/220))
	return cols * rows
}

// filters is the header's category chips plus the disguise game.
func (s *Shell) drugFilters(zone content.Zone, cat string, onCat func(string)) fyne.CanvasObject {
	chips := []fyne.CanvasObject{s.chip(s.t("drugs.all"), cat == "", func() { onCat("") })}
	for _, c := range s.cat().Drugs.Categories {
		c := c
		chips = append(chips, s.chip(s.tx(c.Title), cat == c.ID, func() { onCat(c.ID) }))
	}
	chips = append(chips, s.chip(s.t("drugs.spot"), false, func() { s.push(&spotView{s: s, zone: zone}) }))
	if s.narrow() && s.v.Lang() == content.En { // long English names: two rows
		return container.NewVBox(container.NewHBox(chips[:3]...), container.NewHBox(chips[3:]...))
	}
	return container.NewHBox(chips...)
}

func (v *drugListView) build() screen {
	s := v.s
	list := s.cat().Drugs.InCategory(v.cat)
	per := s.cardsPerPage()
	pages := (len(list) + per - 1) / per
	v.page = min(v.page, max(0, pages-1))
	first := v.page * per
	grid := container.New(&cardGrid{minW: 320})
	for i, d := range list[first:min(len(list), first+per)] {
		i := first + i
		// The picture gets the room; the alias is on the detail page. English cards keep the
		// Chinese name, which is what the visitor will see on signs and in the news.
		names := container.NewVBox(s.para(s.tx(d.Name), sizeButton, true, ""))
		if s.v.Lang() == content.En {
			names.Add(s.label(d.Name.Zh, sizeCaption, false, colorMuted))
		}
		thumb := container.NewStack(spacerH(110), card(colorCard, 18, 10, s.objectThumb(cardSlot(slotDrugCard, i-first), d.Image)))
		body := container.NewBorder(nil, names, nil, nil, thumb)
		t := s.tappable(card(colorSurface, 24, 14, body), s.tap(func() {
			s.push(&drugView{s: s, zone: v.zone, list: list, idx: i})
		}))
		grid.Add(t)
	}
	var summary fyne.CanvasObject = layout.NewSpacer()
	for _, c := range s.cat().Drugs.Categories {
		if c.ID == v.cat {
			summary = s.para(s.tx(c.Summary), sizeBody, false, colorNameMuted)
		}
	}
	if v.cat == "" {
		summary = s.para(s.t("drugs.count", len(list)), sizeBody, false, colorNameMuted)
	}
	head := s.header(v.zone, s.drugFilters(v.zone, v.cat, func(c string) {
		s.replace(&drugListView{s: s, zone: v.zone, cat: c})
	}))
	body := container.NewBorder(summary, nil, nil, nil, grid)
	sc := screen{body: container.NewBorder(head, nil, nil, nil, padded(32, body)), zone: v.zone.ID, hint: s.t("list.hint")}
	if pages > 1 {
		sc.pager = &pager{pos: v.page + 1, total: pages, move: func(d int) {
			s.replace(&drugListView{s: s, zone: v.zone, cat: v.cat, page: v.page + d})
		}}
	}
	return sc
}

// drugView is one entry, paged within the filtered list.
type drugView struct {
	s    *Shell
	zone content.Zone
	list []content.Drug
	idx  int
}

// enter registers the drug's narration.
func (v *drugView) enter() {
	d := v.list[v.idx].For(v.s.primaryMode())
	v.s.narrate(d.Narration, v.zone.ID, d.ID)
}

func (v *drugView) build() screen {
	s := v.s
	d := v.list[v.idx].For(s.primaryMode())
	var cat content.Category
	for _, c := range s.cat().Drugs.Categories {
		if c.ID == d.Category {
			cat = c
		}
	}
	other := s.other(d.Name)
	if aka := s.tx(d.AKA); aka != "" {
		other += "  ·  " + aka
	}
	title := container.NewHBox(s.label(s.tx(d.Name), sizeDisplay, true, colorText),
		container.NewCenter(s.label(other, sizeLead, false, colorMuted)))
	badge := container.NewHBox(card(readableOn(hexOr(v.zone.Color, colorBad)), 22, 8,
		s.label(s.tx(cat.Title), sizeSmall, true, colorText)))
	text := container.NewVBox(title, badge,
		s.section(s.t("drugs.appearance"), s.tx(d.Appearance)),
		s.section(s.t("drugs.harms"), s.tx(d.Harms)),
		s.section(s.t("drugs.legal"), s.tx(d.Legal)),
		s.section(s.t("drugs.disguise"), s.tx(d.Disguise)),
		s.para(s.t("common.source")+"："+d.Source, sizeSmall, false, colorNameMuted),
	)
	narr := s.narration(content.Caption(s.v.Lang(), d.Name, d.Appearance, d.Harms, d.Legal, d.Disguise))
	slot := detailSlot(v.zone.ID)
	detail := s.detail(slot, d.Image, s.scrollText(text))
	pm := s.primaryMode()
	s.warmIn(slot, v.list[min(v.idx+1, len(v.list)-1)].For(pm).Image, v.list[max(v.idx-1, 0)].For(pm).Image) // 下一个 or 上一个
	head := s.header(v.zone, s.drugFilters(v.zone, d.Category, func(c string) {
		s.stack = s.stack[:len(s.stack)-1]
		s.replace(&drugListView{s: s, zone: v.zone, cat: c})
	}))
	body := container.NewBorder(nil, narr, nil, nil, detail)
	return screen{
		body:  container.NewBorder(head, nil, nil, nil, padded(24, body)),
		pager: &pager{pos: v.idx + 1, total: len(v.list), move: func(delta int) { v.jump(v.idx + delta) }},
		zone:  v.zone.ID,
		item:  d.ID,
	}
}

func (v *drugView) jump(i int) {
	if i >= 0 && i < len(v.list) {
		v.s.replace(&drugView{s: v.s, zone: v.zone, list: v.list, idx: i})
	}
}

// cardGrid lays out cards in equal columns, as many as fit at minW.
type cardGrid struct {
	minW float32
	// maxH, if set, caps a card's height for its width (a picture card keeps its picture's
	// shape); the cards then sit at the top.
	maxH func(w float32) float32
}

func (g *cardGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n := len(objs)
	if n == 0 {
		return
	}
	gap := float32(24)
	cols := min(n, max(1, int((size.Width+gap)/(g.minW+gap))))
	rows := (n + cols - 1) / cols
	w := (size.Width - gap*float32(cols-1)) / float32(cols)
	h := (size.Height - gap*float32(rows-1)) / float32(rows)
	if g.maxH != nil {
		h = min(h, g.maxH(w))
	}
	for i, o := range objs {
		r, c := i/cols, i%cols
		o.Move(fyne.NewPos(float32(c)*(w+gap), float32(r)*(h+gap)))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (g *cardGrid) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(g.minW, 200) }
