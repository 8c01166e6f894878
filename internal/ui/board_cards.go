package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/boardgame"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// cardPanel is the card the team on turn landed on: a question, a situation, a knowledge
// card, a trap or a sunshine station, with what to tap.
func (v *boardGameView) cardPanel() fyne.CanvasObject {
	s := v.s
	g := v.g
	c := g.Card()
	t := g.Turn()
	sq := g.Board().Squares[v.cardSq]
	kc := squareColors[c.Kind]

	icon := canvas.NewImageFromResource(squareIcons[c.Kind])
	icon.FillMode = canvas.ImageFillContain
	badge := container.NewHBox(container.NewGridWrap(fyne.NewSquareSize(44), icon),
		s.label(s.t("board.kind."+c.Kind), sizeLead, true, colorText))
	where := s.label(v.teamLabel(t)+"  ·  "+s.tx(sq.Place), sizeBody, false, colorText)
	head := container.NewStack(roundRect(kc, 20),
		container.New(layout.NewCustomPaddedLayout(6, 6, 18, 18), container.NewBorder(nil, nil, badge, where)))

	o, answered := g.Answered()
	// The text scrolls (a DragScroll covers what it scrolls, so it holds no buttons); what
	// to tap sits under it.
	var text, actions fyne.CanvasObject
	switch {
	case c.Question != nil:
		text, actions = v.questionCard(*c.Question, o, answered)
	case c.Scenario != nil:
		text, actions = v.scenarioCard(c.Scenario, o, answered)
	case c.Fact != nil:
		text = container.NewVBox(s.para(s.tx(c.Fact.Title), sizeLead, true, ""),
			s.para(s.tx(c.Fact.Body), sizeBody, false, ""),
			s.para(s.t("board.source", c.Fact.Source), sizeSmall, false, colorNameMuted))
		actions = v.closeButton(s.t("board.fact.ok", g.Rules().FactPoints), kc)
	case c.Trap != nil:
		text, actions = v.trapCard(c.Trap, kc)
	case c.Sunshine != nil:
		text = container.NewVBox(s.para(s.tx(c.Sunshine.Title), sizeLead, true, ""),
			s.para(s.tx(c.Sunshine.Body), sizeBody, false, ""))
		actions = v.closeButton(s.t("board.sunshine.ok", g.Rules().SunshinePoints), kc)
	}
	return container.NewBorder(head, padded(4, actions), nil, nil, s.scrollText(padded(8, text)))
}

func roundRect(c color.Color, r float32) *canvas.Rectangle {
	rect := canvas.NewRectangle(c)
	rect.CornerRadius = r
	return rect
}

// wrapButton is a tappable card whose text wraps (answers are sentences, not words).
func (v *boardGameView) wrapButton(text string, bg color.Color, fn func()) fyne.CanvasObject {
	s := v.s
	t := s.tappable(card(bg, 18, 12, s.para(text, sizeBody, false, "")), s.tap(fn))
	t.MinHeight = targetHeight
	return t
}

// closeButton closes the card; the turn passes.
func (v *boardGameView) closeButton(text string, bg color.Color) fyne.CanvasObject {
	b := v.s.pill(text, bg, v.cont)
	b.MinWidth = 260
	return container.NewHBox(layout.NewSpacer(), b)
}

// questionCard is a quiz-bank question: its choices, then what the answer earned, the
// right answer and the explanation.
func (v *boardGameView) questionCard(q quiz.Presented, o boardgame.Outcome, answered bool) (text, actions fyne.CanvasObject) {
	s := v.s
	box := container.NewVBox(s.para(s.tx(q.Prompt), v.promptSize(), true, ""))
	if answered {
		var right []string
		for _, k := range q.RightPositions() {
			right = append(right, s.tx(q.Choices[q.Order[k]]))
		}
		note := s.t("board.wrong")
		if o.Right {
			note = s.t("board.right.nostep", o.Points)
			if len(o.Path) > 0 {
				note = s.t("board.right", o.Points, len(o.Path))
			}
		}
		box.Add(s.para(note, sizeLead, true, colorNameHeading))
		box.Add(s.para(s.t("board.answer.right", strings.Join(right, "；")), sizeBody, true, ""))
		box.Add(s.para(s.tx(q.Explanation), sizeBody, false, ""))
		return box, v.closeButton(s.t("board.continue"), colorAccent)
	}
	cols := 1
	if len(q.Order) <= 2 || !v.s.narrow() {
		cols = 2
	}
	grid := container.NewGridWithColumns(cols)
	for k, idx := range q.Order {
		k := k
		label := quiz.Letter(k) + "  " + s.tx(q.Choices[idx])
		if q.Type == quiz.TrueFalse {
			label = s.tx(q.Choices[idx])
		}
		grid.Add(v.wrapButton(label, colorSurfaceHi, func() { v.answer(k) }))
	}
	return box, grid
}

// scenarioCard is a situation: the responses to pick from, then the one picked, whether
// it was safe, its feedback and the skill the card teaches.
func (v *boardGameView) scenarioCard(c *content.ScenarioCard, o boardgame.Outcome, answered bool) (text, actions fyne.CanvasObject) {
	s := v.s
	box := container.NewVBox(s.para(s.tx(c.Situation), v.promptSize(), true, ""))
	if answered {
		if v.picked >= 0 && v.picked < len(c.Responses) {
			r := c.Responses[v.picked]
			bg := colorSurfaceHi
			if r.Safe {
				bg = colorGood
			}
			box.Add(card(bg, 18, 12, s.para(s.tx(r.Text), sizeBody, false, "")))
			note := s.t("board.unsafe")
			if o.Right {
				note = s.t("board.safe", o.Points)
			}
			box.Add(s.para(note, sizeLead, true, colorNameHeading))
			box.Add(s.para(s.tx(r.Feedback), sizeBody, false, ""))
		}
		box.Add(s.para(s.t("board.lesson")+"："+s.tx(c.Lesson), sizeBody, true, ""))
		return box, v.closeButton(s.t("board.continue"), colorAccent)
	}
	list := container.NewVBox()
	for k, r := range c.Responses {
		k := k
		list.Add(v.wrapButton(s.tx(r.Text), colorSurfaceHi, func() { v.answer(k) }))
	}
	return box, list
}

// trapCard is a lure in disguise, its picture from the 识破伪装 items, and the lesson.
func (v *boardGameView) trapCard(c *content.TrapCard, kc color.Color) (text, actions fyne.CanvasObject) {
	s := v.s
	var item content.DisguiseItem
	for _, it := range s.cat().Disguises.Items {
		if it.ID == c.Disguise {
			item = it
		}
	}
	side := min(240, s.viewport().Height*0.18)
	pic := container.NewGridWrap(fyne.NewSize(side*4/3, side), card(colorCard, 16, 8, s.imageFit(item.Image, 480, 360)))
	words := container.NewVBox(s.para(s.tx(c.Lure), v.promptSize(), true, ""),
		s.para(s.t("board.trap.seen")+"："+s.tx(item.Name), sizeBody, true, colorNameHeading),
		s.para(s.tx(c.Lesson), sizeBody, false, ""))
	return container.NewBorder(nil, nil, container.NewVBox(pic), nil, words),
		v.closeButton(s.t("board.trap.back", v.g.Rules().TrapBack), kc)
}

// answer answers the open card with choice k; a right answer's step forward walks.
func (v *boardGameView) answer(k int) {
	s := v.s
	g := v.g
	c := g.Card()
	o, ok := g.Answer(k)
	if !ok {
		v.checkOver()
		return
	}
	v.picked = k
	elapsed := s.d.Clock.Now().Sub(v.cardAt)
	switch {
	case c.Question != nil:
		q := c.Question
		s.record(event.NewBoardAnswer(v.zone.ID, q.ID, o.Team, []string{quiz.Letter(q.Order[k])}, o.Right, elapsed))
	case c.Scenario != nil:
		s.record(event.NewBoardResponse(v.zone.ID, c.Scenario.ID, o.Team, k, o.Right))
	}
	if o.PassedStart {
		v.note = s.t("board.start.bonus", o.Bonus)
	}
	v.redraw()
	v.walk(o.Team, o.Path, func() {})
}

// cont closes the card (a trap walks the token back) and passes the turn.
func (v *boardGameView) cont() {
	if v.finish != nil {
		v.finish()
	}
	o, ok := v.g.Continue()
	if !ok {
		v.checkOver()
		return
	}
	v.picked = -1
	if o.To != o.From {
		v.note = v.s.t("board.moved.back", v.teamLabel(o.Team), len(o.Path), v.s.tx(v.g.Board().Squares[o.To].Place))
	}
	if len(o.Path) == 0 {
		v.redraw()
		v.checkOver()
		return
	}
	v.walk(o.Team, o.Path, func() {
		v.redraw()
		v.checkOver()
	})
}

// promptSize is the size of a card's question or situation: a size smaller on 800 px
// high screens, where the card shares the board's middle with the scores.
func (v *boardGameView) promptSize() fyne.ThemeSizeName {
	if v.s.shortScreen() {
		return sizeBody
	}
	return sizeLead
}
