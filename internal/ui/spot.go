package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/jindu-edu/kiosk/internal/content"
)

// spotView is 识破伪装: one everyday-looking item at a time; the visitor judges it
// suspicious or ordinary, then sees the clues and why.
type spotView struct {
	s       *Shell
	zone    content.Zone
	idx     int
	guessed map[string]bool // item id → visitor's guess (suspicious?)
	flip    bool            // the answer was just given: its card turns over once
}

func (v *spotView) build() screen {
	s := v.s
	if v.guessed == nil {
		v.guessed = map[string]bool{}
	}
	items := s.cat().Disguises.Items
	it := items[v.idx]
	guess, answered := v.guessed[it.ID]

	score := 0
	for _, x := range items {
		if g, ok := v.guessed[x.ID]; ok && g == x.Suspicious {
			score++
		}
	}
	var text, actions fyne.CanvasObject
	if !answered {
		text = container.NewVBox(
			s.para(s.tx(s.cat().Disguises.Intro), sizeBody, false, colorNameMuted),
			s.para(s.tx(it.Name), sizeHeading, true, ""),
			s.para(s.t("spot.question"), sizeLead, false, colorNameHeading),
		)
		actions = container.NewGridWithColumns(2,
			s.pill(s.t("spot.suspicious"), colorBad, func() { v.answer(it.ID, true) }),
			s.pill(s.t("spot.ordinary"), colorGood, func() { v.answer(it.ID, false) }))
	} else {
		verdict, vc := s.t("spot.right"), colorGood
		if guess != it.Suspicious {
			verdict, vc = s.t("spot.wrong"), colorBad
		}
		kind := s.t("spot.ordinary")
		if it.Suspicious {
			kind = s.t("spot.suspicious")
		}
		next := s.pill(s.t("spot.next"), colorAccent, func() { v.move(+1) })
		if v.idx == len(items)-1 {
			next = s.pill(s.t("spot.again"), colorAccent, func() {
				s.replace(&spotView{s: s, zone: v.zone})
			})
		}
		text = container.NewVBox(
			container.NewHBox(card(vc, 24, 12, s.label(verdict, sizeLead, true, colorText)),
				container.NewCenter(s.label(kind, sizeLead, true, colorHeading))),
			s.para(s.tx(it.Name), sizeHeading, true, ""),
			s.section(s.t("spot.clues"), s.tx(it.Clues)),
			s.section(s.t("spot.why"), s.tx(it.Why)),
		)
		actions = container.NewHBox(next)
	}
	// Buttons stay outside the scrolling text: its touch surface would cover them.
	var right fyne.CanvasObject = container.NewBorder(nil, padded(8, actions), nil, nil, s.scrollText(text))
	if answered && v.flip { // the card turns over to show the answer
		v.flip = false
		right = s.flipIn(right)
	}
	scoreLbl := s.label(s.t("spot.score", score, len(items)), sizeLead, true, colorText)
	head := s.header(content.Zone{Title: content.Text{Zh: s.d.Strings.T(content.Zh, "spot.title"),
		En: s.d.Strings.T(content.En, "spot.title")}, Color: v.zone.Color}, scoreLbl)
	detail := s.detail(detailSlot("spot-"+v.zone.ID), it.Image, right)
	return screen{
		body:  container.NewBorder(head, nil, nil, nil, padded(32, detail)),
		pager: &pager{pos: v.idx + 1, total: len(items), move: v.move},
		zone:  v.zone.ID,
		item:  "disguise:" + it.ID,
	}
}

func (v *spotView) answer(id string, suspicious bool) {
	v.guessed[id] = suspicious
	v.flip = true
	v.s.replace(v)
}

func (v *spotView) move(d int) {
	if n := v.idx + d; n >= 0 && n < len(v.s.cat().Disguises.Items) {
		v.s.replace(&spotView{s: v.s, zone: v.zone, idx: n, guessed: v.guessed})
	}
}
