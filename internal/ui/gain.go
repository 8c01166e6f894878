package ui

import (
	"hash/fnv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

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
// screens (1280×800), where the zone tiles need the height, a big button beside the title
// opens the same question over the home screen; once answered the button goes.
func (s *Shell) withGainCard(head, title fyne.CanvasObject) fyne.CanvasObject {
	if !s.shortScreen() {
		if g := s.gainCard(); g != nil {
			return container.NewVBox(head, spacerH(16), g)
		}
		return head
	}
	if !s.v.InVisit() || !s.pack().HasQuiz() {
		return head
	}
	if g := s.gainFor(); !g.has || g.answered {
		return head
	}
	open := s.pill(s.t("gain.open"), colorAccent, func() {
		s.showModal("gain", card(colorBg, 36, 32, s.gainCard()), s.skipGain)
	})
	// Over the head's right end, beside the title: it takes no height from the tiles.
	return container.NewStack(head, container.NewBorder(nil, nil, nil, container.NewVBox(open)))
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
	if s.shortScreen() { // in the modal: the question above its buttons
		width := spacerW(min(900, s.viewport().Width-160))
		return container.NewStack(width, container.NewVBox(text, container.NewCenter(buttons)))
	}
	return card(colorSurface, 24, pad, container.NewBorder(nil, nil, nil, container.NewCenter(buttons), text))
}

func (s *Shell) answerGainBefore(choice int) {
	g := s.gainFor()
	g.answered = true
	s.record(event.NewGainCheck(event.GainBefore, g.before.ID, g.before.Topic, "", isRight(g.before, choice)))
	s.closeGainModal()
	s.render()
}

func (s *Shell) skipGain() {
	g := s.gainFor()
	g.answered, g.skipped = true, true
	s.record(event.NewGainCheck(event.GainSkip, g.before.ID, g.before.Topic, "", false))
	s.closeGainModal()
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

// closeGainModal closes the question's modal (short screens), if it is open.
func (s *Shell) closeGainModal() {
	if s.modal == "gain" {
		s.closeModal()
	}
}
