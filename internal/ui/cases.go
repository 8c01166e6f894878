package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
)

// caseListView shows the illustrative stories as cards.
type caseListView struct {
	s      *Shell
	zone   content.Zone
	waited int // ticks on screen
}

// tick, once the list's own first frames are out, lays a story's first page out ahead,
// off the window (sizeAhead, the first time), and decodes each story's first picture at
// the box it is shown in: the story tapped comes with its picture.
func (v *caseListView) tick() {
	s := v.s
	if v.waited++; v.waited != 2 || len(s.cat().Cases.Cases) == 0 {
		return
	}
	slot := detailSlot(v.zone.ID)
	s.sizeAhead(slot, &caseView{s: s, zone: v.zone})
	var pics []string
	for i := range s.cat().Cases.Cases {
		pics = append(pics, s.caseAt(i).PageImage(0, s.primaryMode()))
	}
	s.warmIn(slot, pics...)
}

func (v *caseListView) build() screen {
	s := v.s
	cs := s.cat().Cases
	soften := s.v.Settings().SoftenGraphic
	grid := container.New(&cardGrid{minW: 520})
	for i, c := range cs.Cases {
		i := i
		thumb := card(colorCard, 18, 10, s.thumb(cardSlot(slotCaseCard, i), c.CaseImage(soften)))
		title := s.para(s.tx(c.Title), sizeButton, true, "")
		sum := s.para(s.tx(c.Summary), sizeCaption, false, colorNameMuted)
		text := container.NewVBox(title)
		if s.viewport().Height >= 900 { // short screens: the title alone, the story has the rest
			text.Add(sum)
		}
		body := container.New(thumbLayout{}, thumb, text) // the picture fits the card at any height
		grid.Add(s.tappable(card(colorSurface, 24, 16, body), s.tap(func() {
			s.push(&caseView{s: s, zone: v.zone, idx: i})
		})))
	}
	notice := s.para(s.tx(cs.Notice), sizeBody, false, colorNameHeading)
	if soften {
		notice = s.para(s.tx(cs.Notice)+"  "+s.t("cases.soft"), sizeBody, false, colorNameHeading)
	}
	body := container.NewBorder(notice, nil, nil, nil, grid)
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(32, body)), zone: v.zone.ID, hint: s.t("list.hint")}
}

// caseView pages through one story; its last page is the lesson and the help card.
type caseView struct {
	s    *Shell
	zone content.Zone
	idx  int
	page int
}

// enter registers the case's narration (one clip for all its pages).
func (v *caseView) enter() {
	c := v.s.caseAt(v.idx)
	v.s.narrate(c.Narration, v.zone.ID, c.ID)
}

func (v *caseView) build() screen {
	s := v.s
	c := s.caseAt(v.idx)
	total := len(c.Pages) + 1
	tag := card(colorSurfaceHi, 20, 8, s.label(s.t("cases.illustrative"), sizeSmall, false, colorText))
	head := container.NewVBox(s.para(s.tx(c.Title), sizeHeading, true, ""), container.NewHBox(tag))

	var text fyne.CanvasObject
	if v.page < len(c.Pages) {
		text = container.NewVBox(head,
			s.para(s.t("common.page", v.page+1, total), sizeSmall, false, colorNameMuted),
			s.para(s.tx(c.Pages[v.page].Text()), sizeLead, false, ""))
	} else {
		text = container.NewVBox( // no title here: the help card needs the room
			s.section(s.t("cases.lesson"), s.tx(c.Lesson)),
			s.helpCard(),
			s.para(s.t("common.source")+"："+c.Source, sizeSmall, false, colorNameMuted))
	}
	var caption []content.Text
	caption = append(append(append(caption, c.Title), content.PageTexts(c.Pages)...), c.Lesson)
	narr := s.narration(content.Caption(s.v.Lang(), caption...))

	var action fyne.CanvasObject = layout.NewSpacer()
	if v.page == len(c.Pages)-1 {
		action = s.pill(s.t("cases.finish"), colorAccent, func() { v.move(+1) })
	} else if v.page == len(c.Pages) {
		action = s.pill(s.t("cases.more"), colorSurfaceHi, s.back)
	}
	right := container.NewBorder(nil, container.NewHBox(action), nil, nil, s.scrollText(text))
	// each page its own picture, or the case's (on the lesson page too); the next page's is
	// decoded while this one is read, at the size this one is shown
	soft := s.v.Settings().SoftenGraphic
	pic := c.PageImage(v.page, soft)
	slot := detailSlot(v.zone.ID)
	detail := s.detail(slot, pic, right)
	if v.page < len(c.Pages) {
		s.warmIn(slot, c.PageImage(v.page+1, soft))
	}
	body := container.NewBorder(nil, narr, nil, nil, detail)
	return screen{
		body:  container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(24, body)),
		pager: &pager{pos: v.page + 1, total: total, move: v.move},
		zone:  v.zone.ID,
		item:  c.ID,
	}
}

// caseAt is case i as the visit's age band sees it (小学团体模式: the primary tier).
func (s *Shell) caseAt(i int) content.Case {
	return s.cat().Cases.Cases[i].For(s.primaryMode())
}

// primaryMode is the staff setting for primary-school groups: softened pictures and the
// primary tier of cases and catalogue entries.
func (s *Shell) primaryMode() bool { return s.v.Settings().SoftenGraphic }

func (v *caseView) move(d int) {
	c := v.s.caseAt(v.idx)
	if p := v.page + d; p >= 0 && p <= len(c.Pages) {
		v.s.replace(&caseView{s: v.s, zone: v.zone, idx: v.idx, page: p})
	}
}

// helpCard is where to get help, from the content's meta.
func (s *Shell) helpCard() fyne.CanvasObject {
	h := s.cat().Meta.Help
	rows := container.NewVBox(
		s.label(s.tx(h.Title), sizeHeading, true, colorText),
		s.para(s.tx(h.Body), sizeBody, false, ""),
	)
	for _, ct := range h.Contacts {
		rows.Add(container.NewVBox(
			s.label(s.tx(ct.Label), sizeSmall, false, colorHeading),
			s.para(ct.Value, sizeLead, true, "")))
	}
	return card(colorAccent, 28, 24, rows)
}

// thumbLayout puts a 4:3 picture at the left of a card, as tall as the card allows (at most
// 220×165, at most 40 % of the width), and the text in the rest: on a short screen the
// picture shrinks with the card instead of spilling over it.
type thumbLayout struct{}

func (thumbLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := min(size.Height, 165)
	w := min(h*4/3, size.Width*0.4)
	h = w * 3 / 4
	objs[0].Move(fyne.NewPos(0, (size.Height-h)/2))
	objs[0].Resize(fyne.NewSize(w, h))
	objs[1].Move(fyne.NewPos(w+16, 0))
	objs[1].Resize(fyne.NewSize(size.Width-w-16, size.Height))
}

func (thumbLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[1].MinSize()
	return fyne.NewSize(t.Width+96+16, max(t.Height, 72))
}
