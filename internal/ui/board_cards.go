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
	sq := g.Board().Squares[g.Teams()[t].Pos]
	kc := squareColors[c.Kind]

	icon := canvas.NewImageFromResource(squareIcons[c.Kind])
	icon.FillMode = canvas.ImageFillContain
	badge := container.NewHBox(container.NewGridWrap(fyne.NewSquareSize(44), icon),
		s.label(s.t("board.kind."+c.Kind), sizeLead, true, colorText))
	where := s.label(v.teamLabel(t)+"  ·  "+s.tx(sq.Place), sizeBody, false, colorText)
	head := container.NewStack(roundRect(kc, 20),
		container.New(layout.NewCustomPaddedLayout(6, 6, 18, 18), container.NewBorder(nil, nil, badge, where)))

	o, answered := g.Answered()
	var body fyne.CanvasObject
	switch {
	case c.Question != nil:
		body = v.questionCard(*c.Question, o, answered)
	case c.Scenario != nil:
		body = v.scenarioCard(c.Scenario, o, answered)
	case c.Fact != nil:
		body = container.NewVBox(s.para(s.tx(c.Fact.Title), sizeLead, true, ""),
			s.para(s.tx(c.Fact.Body), sizeBody, false, ""),
			s.para(s.t("board.source", c.Fact.Source), sizeSmall, false, colorNameMuted),
			v.closeButton(s.t("board.fact.ok", g.Rules().FactPoints), kc))
	case c.Trap != nil:
		body = v.trapCard(c.Trap, kc)
	case c.Sunshine != nil:
		body = container.NewVBox(s.para(s.tx(c.Sunshine.Title), sizeLead, true, ""),
			s.para(s.tx(c.Sunshine.Body), sizeBody, false, ""),
			v.closeButton(s.t("board.sunshine.ok", g.Rules().SunshinePoints), kc))
	}
	return container.NewBorder(head, nil, nil, nil, s.scrollText(padded(8, body)))
}

func roundRect(c color.Color, r float32) *canvas.Rectangle {
	rect := canvas.NewRectangle(c)
	rect.CornerRadius = r
	return rect
}

// wrapButton is a tappable card whose text wraps (answers are sentences, not words).
func (v *boardGameView) wrapButton(text string, bg color.Color, fn func()) fyne.CanvasObject {
	s := v.s
	t := s.tappable(card(bg, 18, 14, s.para(text, sizeBody, false, "")), s.tap(fn))
	t.MinHeight = targetHeight
	return t
}

// closeButton closes the card; the turn passes.
func (v *boardGameView) closeButton(text string, bg color.Color) fyne.CanvasObject {
	return container.NewHBox(layout.NewSpacer(), v.s.pill(text, bg, v.cont))
}

func (v *boardGameView) questionCard(q quiz.Presented, o boardgame.Outcome, answered bool) fyne.CanvasObject {
	s := v.s
	box := container.NewVBox(s.para(s.tx(q.Prompt), v.promptSize(), true, ""))
	cols := 1
	if len(q.Order) <= 2 || !v.s.narrow() {
		cols = 2
	}
	grid := container.NewGridWithColumns(cols)
	right := map[int]bool{}
	for _, k := range q.RightPositions() {
		right[k] = true
	}
	for k, idx := range q.Order {
		k := k
		bg := colorSurfaceHi
		if answered && right[k] {
			bg = colorGood
		}
		label := quiz.Letter(k) + "  " + s.tx(q.Choices[idx])
		if q.Type == quiz.TrueFalse {
			label = s.tx(q.Choices[idx])
		}
		fn := func() { v.answer(k) }
		if answered {
			fn = nil
		}
		grid.Add(v.wrapButton(label, bg, fn))
	}
	box.Add(grid)
	if answered {
		note := s.t("board.wrong")
		if o.Right {
			note = s.t("board.right.nostep", o.Points)
			if len(o.Path) > 0 {
				note = s.t("board.right", o.Points, len(o.Path))
			}
		}
		box.Add(v.feedback(note, s.tx(q.Explanation)))
	}
	return box
}

func (v *boardGameView) scenarioCard(c *content.ScenarioCard, o boardgame.Outcome, answered bool) fyne.CanvasObject {
	s := v.s
	box := container.NewVBox(s.para(s.tx(c.Situation), v.promptSize(), true, ""))
	for k, r := range c.Responses {
		k := k
		bg := colorSurfaceHi
		if answered && r.Safe {
			bg = colorGood
		}
		if answered && !r.Safe && k != v.picked {
			continue // after the answer: the safe responses and the one picked
		}
		fn := func() { v.answer(k) }
		if answered {
			fn = nil
		}
		box.Add(v.wrapButton(s.tx(r.Text), bg, fn))
	}
	if answered {
		picked := v.picked
		note := s.t("board.unsafe")
		if o.Right {
			note = s.t("board.safe", o.Points)
		}
		fb := ""
		if picked >= 0 && picked < len(c.Responses) {
			fb = s.tx(c.Responses[picked].Feedback)
		}
		box.Add(v.feedback(note, strings.TrimSpace(fb+" "+s.t("board.lesson")+"："+s.tx(c.Lesson))))
	}
	return box
}

// feedback is what an answer earned, the explanation and the button that passes the turn.
func (v *boardGameView) feedback(note, text string) fyne.CanvasObject {
	s := v.s
	return card(colorSurface, 20, 14, container.NewBorder(nil, nil, nil,
		container.NewCenter(s.pill(s.t("board.continue"), colorAccent, v.cont)),
		container.NewVBox(s.para(note, sizeLead, true, colorNameHeading), s.para(text, sizeBody, false, ""))))
}

func (v *boardGameView) trapCard(c *content.TrapCard, kc color.Color) fyne.CanvasObject {
	s := v.s
	var item content.DisguiseItem
	for _, it := range s.cat().Disguises.Items {
		if it.ID == c.Disguise {
			item = it
		}
	}
	side := min(260, s.viewport().Height*0.2)
	pic := container.NewGridWrap(fyne.NewSize(side*4/3, side), card(colorCard, 16, 8, s.imageFit(item.Image, 480, 360)))
	text := container.NewVBox(s.para(s.tx(c.Lure), sizeLead, true, ""),
		s.para(s.t("board.trap.seen")+"："+s.tx(item.Name), sizeBody, true, colorNameHeading),
		s.para(s.tx(c.Lesson), sizeBody, false, ""))
	return container.NewVBox(container.NewBorder(nil, nil, container.NewVBox(pic), nil, text),
		v.closeButton(s.t("board.trap.back", v.g.Rules().TrapBack), kc))
}

// promptSize is the size of a card's question or situation: a size smaller on 800 px
// high screens, where the card shares the board's middle with the scores.
func (v *boardGameView) promptSize() fyne.ThemeSizeName {
	if v.s.shortScreen() {
		return sizeBody
	}
	return sizeLead
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
