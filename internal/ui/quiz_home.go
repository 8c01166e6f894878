package ui

import (
	"image/color"
	"math/rand/v2"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// QuizDeps is what the quiz zone needs: the bank, the rules, randomness, and where this
// kiosk keeps the questions it served lately and today's group results.
type QuizDeps struct {
	Bank      *quiz.Bank
	Timer     time.Duration // per question; 0 turns the countdown off
	RoundSize int
	Rand      *rand.Rand
	Recent    *quiz.Recent
	Groups    *quiz.Groups
	// Save persists Recent and Groups; nil keeps them in memory.
	Save func(*quiz.Recent, *quiz.Groups) error
}

// Event types of the quiz.
const (
	EventQuizStart    = "quiz_start"
	EventQuizQuestion = "quiz_question"
	EventQuizAnswer   = "quiz_answer"
	EventQuizFinish   = "quiz_finish"
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
		s.bigChoice(zc, "media/img/attract/protect.png", s.t("quiz.solo"), s.t("quiz.solo.sub", s.roundSize()),
			func() { s.push(&agePickView{s: s, zone: v.zone}) }),
		s.bigChoice(colorSurfaceHi, "media/img/history/qingjiao-2018.png", s.t("quiz.team"), s.t("quiz.team.sub"),
			func() { s.askPIN(func() { s.push(&teamSetupView{s: s, zone: v.zone}) }) }),
		s.bigChoice(colorSurfaceHi, "media/img/history/model-city-2018.png", s.t("quiz.groups"), s.t("quiz.groups.sub"),
			func() { s.push(&groupsView{s: s, zone: v.zone}) }),
	)
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(40, cards)), zone: v.zone.ID}
}

// bigChoice is a large illustrated card with a title and a line of text.
func (s *Shell) bigChoice(bg color.Color, image, title, sub string, fn func()) fyne.CanvasObject {
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = 28
	pic := card(colorCard, 20, 12, s.image(image))
	lines := container.NewVBox(s.para(title, sizeHeading, true, ""))
	if sub != "" {
		lines.Add(s.para(sub, sizeBody, false, ""))
	}
	inner := container.NewBorder(nil, lines, nil, nil, pic)
	return s.tappable(container.NewStack(rect, padded(28, inner)), s.tap(fn))
}

func (s *Shell) roundSize() int {
	if n := s.d.Quiz.RoundSize; n > 0 {
		return n
	}
	return quiz.DefaultRoundSize
}

// agePickView lets the visitor choose primary, secondary or adult questions.
type agePickView struct {
	s    *Shell
	zone content.Zone
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
	for _, a := range quiz.Audiences {
		a := a
		cards.Add(s.bigChoice(zc, ageImages[a], s.t("quiz.age."+a), "", func() { v.start(a) }))
	}
	title := s.label(s.t("quiz.age"), sizeHeading, true, colorText)
	body := container.NewBorder(container.NewCenter(title), nil, nil, nil, container.New(layout.NewCustomPaddedLayout(24, 0, 0, 0), cards))
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(40, body)), zone: v.zone.ID}
}

// start builds a round for an audience and shows its first question.
func (v *agePickView) start(audience string) {
	s := v.s
	q := s.d.Quiz
	picked := quiz.Select(q.Bank.Questions, audience, s.roundSize(), q.Recent.Set(), q.Rand)
	if len(picked) == 0 {
		return
	}
	items := make([]quiz.Presented, len(picked))
	for i, p := range picked {
		items[i] = quiz.Present(p, q.Rand)
	}
	q.Recent.Add(picked)
	s.saveQuiz()
	round := quiz.NewRound(s.d.Clock, items, q.Timer)
	s.record(kiosk.Event{Type: EventQuizStart, Zone: v.zone.ID,
		Data: map[string]any{"mode": "solo", "audience": audience, "questions": len(items)}})
	s.replace(&soloView{s: s, zone: v.zone, round: round, audience: audience})
}

// saveQuiz persists the served questions and group results off the UI thread (the write
// is fsynced). It saves a snapshot, and a save that finds a newer one already written is
// skipped, so the file always ends with the latest state. Failures are logged; the quiz
// goes on.
func (s *Shell) saveQuiz() {
	q := s.d.Quiz
	if q.Save == nil {
		return
	}
	recent := &quiz.Recent{IDs: slices.Clone(q.Recent.IDs)}
	groups := &quiz.Groups{Results: slices.Clone(q.Groups.Results)}
	s.saveSeq++
	seq := s.saveSeq
	go func() {
		s.saveMu.Lock()
		defer s.saveMu.Unlock()
		if seq < s.savedSeq {
			return
		}
		s.savedSeq = seq
		if err := q.Save(recent, groups); err != nil {
			s.d.Log.Error("saving quiz state failed", "err", err)
		}
	}()
}
