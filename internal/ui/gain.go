package ui

import (
	"hash/fnv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// gainState is the learning-gain check of one visit: the start-of-visit question and
// whether it and the second asking are done. It belongs to the session it names; a new
// visit starts afresh.
type gainState struct {
	session  string
	before   quiz.Question
	has      bool // a question was picked
	answered bool // answered or skipped on the home screen
	skipped  bool
	after    quiz.Question
	hasAfter bool
	done     bool // the second asking is answered
	right    bool // the second answer was right
}

// gainFor is the check of the visit on show, started afresh for a new session.
func (s *Shell) gainFor() *gainState {
	id := s.v.Session().ID()
	if s.gain.session != id {
		h := fnv.New64a()
		h.Write([]byte(id))
		q, ok := exhibit.GainBeforeQuestion(s.pack().Bank, h.Sum64())
		s.gain = gainState{session: id, before: q, has: ok}
	}
	return &s.gain
}

// withGainCard puts the start-of-visit question under the home screen's head. On short
// screens (1280×800) the card takes the subtitle's place, so the zone tiles keep their
// height.
func (s *Shell) withGainCard(head, title fyne.CanvasObject) fyne.CanvasObject {
	g := s.gainCard()
	switch {
	case g == nil:
		return head
	case s.shortScreen():
		return container.NewBorder(nil, nil, s.logo(), nil, container.NewVBox(title, g))
	}
	return container.NewVBox(head, spacerH(16), g)
}

// gainCard is the home screen's one-question card at the start of a visit: the question
// and big 对 / 错 / 跳过 buttons; after a tap, a line of thanks. nil when the visit has no
// check (no quiz bank, or not in a visit).
func (s *Shell) gainCard() fyne.CanvasObject {
	if !s.v.InVisit() || !s.pack().HasQuiz() {
		return nil
	}
	g := s.gainFor()
	if !g.has || g.skipped {
		return nil
	}
	pad := float32(16)
	if s.shortScreen() {
		pad = 8
	}
	if g.answered {
		return card(colorSurface, 24, pad, s.para(s.t("gain.thanks"), sizeBody, false, colorNameMuted))
	}
	q := g.before
	buttons := container.NewHBox()
	for i, c := range q.Choices {
		i := i
		buttons.Add(s.pill(s.tx(c), colorSurfaceHi, func() { s.answerGainBefore(i) }))
	}
	buttons.Add(s.pill(s.t("gain.skip"), colorBg, s.skipGain))
	var text fyne.CanvasObject = container.NewVBox(s.label(s.t("gain.title"), sizeSmall, true, colorHeading), s.para(s.tx(q.Prompt), sizeBody, true, ""))
	if s.shortScreen() { // one line: the question after a short lead
		text = container.NewBorder(nil, nil, container.NewCenter(s.label(s.t("gain.lead"), sizeBody, true, colorHeading)), nil,
			container.New(layout.NewCustomPaddedLayout(20, 0, 0, 0), s.para(s.tx(q.Prompt), sizeBody, true, "")))
	}
	return card(colorSurface, 24, pad, container.NewBorder(nil, nil, nil, container.NewCenter(buttons), text))
}

func (s *Shell) answerGainBefore(choice int) {
	g := s.gainFor()
	g.answered = true
	s.record(event.NewGainCheck(event.GainBefore, g.before.ID, g.before.Topic, "", isRight(g.before, choice)))
	s.render()
}

func (s *Shell) skipGain() {
	g := s.gainFor()
	g.answered, g.skipped = true, true
	s.record(event.NewGainCheck(event.GainSkip, g.before.ID, g.before.Topic, "", false))
	s.render()
}

// gainAfterCard asks the same skill again at the end of a solo round, for the visitor's
// age band; nil when the visit did not answer the first question or has answered both.
func (s *Shell) gainAfterCard(audience string) fyne.CanvasObject {
	if !s.v.InVisit() {
		return nil
	}
	g := s.gainFor()
	if !g.answered || g.skipped {
		return nil
	}
	if g.done {
		msg := s.t("gain.after.right")
		if !g.right {
			msg = s.t("gain.after.wrong")
		}
		return card(colorSurface, 20, 16, s.para(msg, sizeBody, false, colorNameHeading))
	}
	if !g.hasAfter {
		h := fnv.New64a()
		h.Write([]byte(g.session + audience))
		g.after, g.hasAfter = exhibit.GainAfterQuestion(s.pack().Bank, g.before.Topic, audience, g.before.ID, h.Sum64())
		if !g.hasAfter {
			return nil
		}
	}
	q := g.after
	buttons := container.NewGridWithColumns(len(q.Choices))
	for i, c := range q.Choices {
		i := i
		buttons.Add(s.pill(s.tx(c), colorSurfaceHi, func() {
			g.done, g.right = true, isRight(q, i)
			s.record(event.NewGainCheck(event.GainAfter, q.ID, g.before.Topic, audience, g.right))
			s.render()
		}))
	}
	if len(q.Choices) > 2 { // long choices: one per line
		buttons = container.NewGridWithColumns(1, buttons.Objects...)
	}
	return card(colorSurface, 20, 16, container.NewVBox(
		s.label(s.t("gain.after.title"), sizeSmall, true, colorHeading),
		s.para(s.tx(q.Prompt), sizeBody, true, ""), buttons))
}

// isRight reports whether the bank choice picked is the (single) right answer.
func isRight(q quiz.Question, choice int) bool {
	right := q.Correct()
	return len(right) == 1 && right[0] == choice
}
