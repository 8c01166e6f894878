package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// quizHomeView offers the solo challenge, the team contest and today's groups.
type quizHomeView struct {
	s    *Shell
	zone content.Zone
}

func (v *quizHomeView) build() screen {
	s := v.s
	zc := readableOn(hexOr(v.zone.Color, colorAccent))
	cards := container.New(&tileGrid{},
		s.bigChoice(cardSlot(slotQuizHome, 0), zc, quizHomeImages[0], s.t("quiz.solo"), s.t("quiz.solo.sub", s.roundSize()),
			func() { s.push(&agePickView{s: s, zone: v.zone}) }),
		s.bigChoice(cardSlot(slotQuizHome, 1), colorSurfaceHi, quizHomeImages[1], s.t("quiz.team"), s.t("quiz.team.sub"),
			func() { s.askPIN(func() { s.push(&teamSetupView{s: s, zone: v.zone}) }) }),
		s.bigChoice(cardSlot(slotQuizHome, 2), colorSurfaceHi, quizHomeImages[2], s.t("quiz.groups"), s.t("quiz.groups.sub"),
			func() { s.push(&groupsView{s: s, zone: v.zone}) }),
	)
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(40, cards)), zone: v.zone.ID, hint: s.t("list.hint")}
}

// quizHomeImages are the pictures of the quiz zone's three cards: 个人挑战, 团队赛, 分组.
var quizHomeImages = [3]string{"media/img/attract/protect.png", "media/img/history/qingjiao-2018.png", "media/img/history/model-city-2018.png"}

// bigChoice is a large illustrated card with a title and a line of text; its picture
// takes slot.
func (s *Shell) bigChoice(slot string, bg color.Color, image, title, sub string, fn func()) fyne.CanvasObject {
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = 28
	pic := card(colorCard, 20, 12, s.imageIn(slot, image))
	lines := container.NewVBox(s.para(title, sizeHeading, true, ""))
	if sub != "" {
		lines.Add(s.para(sub, sizeBody, false, ""))
	}
	inner := container.NewBorder(nil, lines, nil, nil, pic)
	return s.tappable(container.NewStack(rect, padded(28, inner)), s.tap(fn))
}

func (s *Shell) roundSize() int { return s.d.Quiz.RoundSize() }

// agePickView lets the visitor choose primary, secondary or adult questions. While the
// visitor chooses, it draws a round for each age and has their first questions' pictures
// decoded (tick), so that the first question comes on whole.
type agePickView struct {
	s      *Shell
	zone   content.Zone
	drawn  map[string]*exhibit.SoloDraw // nil: not drawn yet
	waited int                          // ticks on screen before drawing
}

// tick draws the rounds ahead once the page's own first frames are out, then, one age a
// tick, has the round's first picture decoded at its box: its question laid out ahead,
// off the window, the first time (sizeAhead). A round whose first question has none would
// otherwise learn the box only when its first picture comes.
func (v *agePickView) tick() {
	s := v.s
	if v.waited++; v.waited < 2 {
		return
	}
	if v.drawn == nil {
		v.drawn = map[string]*exhibit.SoloDraw{}
		for _, a := range quiz.Audiences {
			if d := s.d.Quiz.DrawSolo(s.pack().Bank, a); d != nil {
				v.drawn[a] = d
			}
		}
	}
	if i := v.waited - 2; i < len(quiz.Audiences) {
		a := quiz.Audiences[i]
		d := v.drawn[a]
		if d == nil {
			return
		}
		k, ok := d.Pictured()
		if !ok {
			return
		}
		// Shown and spoken: its question is not recorded, and its reading bar is laid out
		// without playing.
		s.sizeAhead(questionSlot(a), &soloView{s: s, zone: v.zone, round: s.d.Quiz.PreviewSoloFrom(d, k), audience: a, shown: 1, spoken: 1})
		s.warmIn(questionSlot(a), d.Question(k).Image)
	}
}

var ageImages = map[string]string{
	quiz.Primary:   "media/img/attract/protect.png",
	quiz.Secondary: "media/img/history/qingjiao-2018.png",
	quiz.Adult:     "media/img/history/law-2008.png",
}

func (v *agePickView) build() screen {
	s := v.s
	zc := readableOn(hexOr(v.zone.Color, colorAccent))
	cards := container.New(&tileGrid{})
	for i, a := range quiz.Audiences {
		a := a
		cards.Add(s.bigChoice(cardSlot(slotQuizAge, i), zc, ageImages[a], s.t("quiz.age."+a), "", func() { v.start(a) }))
	}
	title := s.label(s.t("quiz.age"), sizeHeading, true, colorText)
	body := container.NewBorder(container.NewCenter(title), nil, nil, nil, container.New(layout.NewCustomPaddedLayout(24, 0, 0, 0), cards))
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(40, body)), zone: v.zone.ID}
}

// start deals a round for an audience and shows its first question.
func (v *agePickView) start(audience string) {
	s := v.s
	d := v.drawn[audience]
	if d == nil { // chosen before the rounds were drawn
		d = s.d.Quiz.DrawSolo(s.pack().Bank, audience)
	}
	round := s.d.Quiz.StartSolo(d)
	if round == nil {
		return
	}
	s.record(event.NewSoloStart(v.zone.ID, audience, round.Len()))
	s.replace(&soloView{s: s, zone: v.zone, round: round, audience: audience})
}
