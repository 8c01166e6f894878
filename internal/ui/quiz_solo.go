package ui

import (
	"image/color"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// soloView runs a solo round: question, feedback, … then results and the certificate.
type soloView struct {
	s        *Shell
	zone     content.Zone
	round    *quiz.Round
	audience string
	picked   map[int]bool // multi: the choices toggled so far
	last     *quiz.Result // feedback for the current question, once answered
	results  bool
	cert     bool
	shown    int // the question index whose quiz_question event was sent, plus one
	spoken   int // the question index last read aloud, plus one
	warmed   int // the question index whose feedback was painted ahead, plus one
	waited   int // ticks the question has been on screen before that

	countdown *canvas.Text
	timeBar   *widget.ProgressBar

	celebrated bool           // the results' confetti and stars have played
	confetti   *confetti      // the celebration layer (for tests)
	starTexts  []*canvas.Text // the stars of the results, popped in one by one
}

// enter reads a primary question aloud when it first comes on (the clip must exist in the
// pack; a bank without clips stays silent), and keeps its narration bar while unanswered.
func (v *soloView) enter() {
	if v.results || v.last != nil {
		return
	}
	v.s.readAloud(v.zone.ID, v.audience, v.round.Current(), v.round.Index(), &v.spoken)
}

func (v *soloView) build() screen {
	s := v.s
	v.countdown, v.timeBar = nil, nil
	var body fyne.CanvasObject
	switch {
	case v.cert:
		body = v.certificate()
	case v.results:
		body = v.resultsPage()
	default:
		body = v.questionPage()
	}
	if v.results && !v.celebrated { // once, when the results first come on
		v.celebrated = true
		body, v.confetti = s.celebrate(body)
		s.popIn(v.starTexts, 350*time.Millisecond)
	}
	hint := ""
	if !v.results && !v.cert && v.last == nil {
		hint = s.t("quiz.hint")
	}
	pad := float32(20)
	if !v.results && !v.cert && s.shortScreen() { // a question on an 800 px screen: every line counts
		pad = 10
	}
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(pad, body)), zone: v.zone.ID, hint: hint}
}

func (v *soloView) questionPage() fyne.CanvasObject {
	s := v.s
	r := v.round
	q := r.Current()
	if v.shown != r.Index()+1 {
		v.shown = r.Index() + 1
		s.record(event.NewQuizQuestion(v.zone.ID, q.ID, r.Index(), q.Order))
	}

	// Progress: "第 3 / 10 题", one dot per question, and the countdown.
	dots := container.NewHBox()
	for i := 0; i < r.Len(); i++ {
		c := colorSurfaceHi
		if i < r.Index() || (i == r.Index() && r.Answered()) {
			c = colorAccent
		} else if i == r.Index() {
			c = colorHeading
		}
		dots.Add(container.NewGridWrap(fyne.NewSize(22, 22), canvas.NewCircle(c)))
	}
	progress := container.NewHBox(s.label(s.t("quiz.progress", r.Index()+1, r.Len()), sizeLead, true, colorText),
		container.NewCenter(dots))
	var timer fyne.CanvasObject = layout.NewSpacer()
	if r.Timer() > 0 {
		v.countdown = s.label("", sizeLead, true, colorHeading)
		v.timeBar = widget.NewProgressBar()
		v.timeBar.TextFormatter = func() string { return "" }
		timer = container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(240, 24), v.timeBar)), v.countdown)
		v.updateTimer()
	}
	top := container.NewBorder(nil, nil, progress, timer)

	top = container.New(layout.NewCustomPaddedLayout(0, 8, 0, 0), top)
	if v.compactAnswers() { // answered on a short screen: the answer cards fold (quiz_answered.go)
		return container.NewBorder(top, nil, nil, nil, v.answered(q))
	}
	if v.last == nil { // the question as large as the screen lets it be (quiz_fit.go)
		return container.NewBorder(top, nil, nil, nil, v.unanswered(q))
	}
	// Answered: the cards keep their places, with the feedback under them.
	prompt := s.para(s.tx(q.Prompt), s.promptSize(s.tx(q.Prompt)), true, "")
	head := container.NewVBox(prompt)

	portrait := s.viewport().Height > s.viewport().Width
	choices := v.choiceGrid(q, portrait)
	bottom := v.feedback()

	// Choices keep their own height (at least a touch target each) instead of stretching;
	// the feedback as tall as it needs, at most the room that is left (its text then scrolls).
	padChoices := container.New(layout.NewCustomPaddedLayout(16, 16, 0, 0), choices)
	main := container.NewBorder(head, nil, nil, nil, container.NewBorder(padChoices, nil, nil, nil, bottom))
	if portrait { // the question and its answers in the middle of the tall screen
		main = container.NewVBox(layout.NewSpacer(), head,
			container.New(layout.NewCustomPaddedLayout(24, 24, 0, 0), choices), bottom, layout.NewSpacer())
	}
	if q.Image != "" && portrait {
		// The picture above the question, where it was before the answer (quiz_fit.go): beside
		// it, a quarter of a portrait screen's width was a strip with a thumbnail in it. Where
		// the answers and the feedback leave it no room, the answered question goes without.
		vp := s.viewport()
		h := vp.Height * 0.16
		pic := container.NewCenter(s.illustration(slotAnswered, q.Image, fyne.NewSize(min(2*h, vp.Width-48), h)))
		padded := container.New(layout.NewCustomPaddedLayout(24, 24, 0, 0), choices)
		with := container.NewVBox(layout.NewSpacer(), pic, head, padded, bottom, layout.NewSpacer())
		return container.NewBorder(top, nil, nil, nil, newFirstFit(with, main)) // portrait's feedback is whole: min heights tell
	}
	if q.Image != "" {
		vp := s.viewport()
		w := min(480, vp.Width*0.25)
		main = container.NewBorder(nil, nil, s.illustration(slotAnswered, q.Image, fyne.NewSize(w, w/2)), nil,
			container.New(layout.NewCustomPaddedLayout(0, 0, 32, 0), main))
	}
	if up, ok := bottom.(*fyne.Container); ok && !portrait {
		// Where the cards leave the feedback too little room, they fold (quiz_answered.go).
		natural := up.Layout.(*upToLayout).natural
		needs := func() float32 {
			return head.MinSize().Height + padChoices.MinSize().Height + natural() + 2*theme.Padding()
		}
		return container.NewBorder(top, nil, nil, nil, newFitWays(fitWay{obj: main, needs: needs},
			fitWay{build: func() fyne.CanvasObject { return v.answered(q) }}))
	}
	return container.NewBorder(top, nil, nil, nil, main)
}

// choiceGrid is the answers as big cards: two columns, one in portrait (and a row of
// two for true/false), marked ✓ and ✗ once answered.
func (v *soloView) choiceGrid(q quiz.Presented, portrait bool) *fyne.Container {
	s := v.s
	choices := container.New(layout.NewGridLayoutWithColumns(2))
	if len(q.Order) <= 2 {
		choices = container.New(layout.NewGridLayoutWithColumns(len(q.Order)))
	}
	if portrait && len(q.Order) > 2 { // portrait: one tall tile per answer, down the screen
		choices = container.New(layout.NewGridLayoutWithColumns(1))
	}
	right := map[int]bool{}
	for _, k := range q.RightPositions() {
		right[k] = true
	}
	for k, idx := range q.Order {
		k := k
		bg, mark := colorSurface, markNone
		switch {
		case v.last != nil && right[k]:
			bg, mark = colorGood, markRight
		case v.last != nil && contains(v.last.Picked, k):
			bg, mark = colorBad, markWrong
		case v.picked[k]:
			bg = colorSurfaceHi
		}
		c := v.choiceCard(k, s.tx(q.Choices[idx]), bg, v.picked[k], mark)
		if portrait {
			c.MinHeight = 150
		}
		choices.Add(c)
	}
	return choices
}

// Marks on an answered choice: right and wrong are told by a sign and an outline, never by
// colour alone (red and green look alike to many colour-blind visitors).
const (
	markNone = iota
	markRight
	markWrong
)

// choiceCard is one big answer button with its letter, or after the answer its ✓ or ✗.
func (v *soloView) choiceCard(k int, text string, bg color.Color, selected bool, mark int) *touch.Tappable {
	return v.choiceFace(k, text, bg, selected, mark).tap
}

// choice is an answer card and the parts a short screen may set closer (quiz_fit.go):
// the paragraph of its answer and the padding inside the card.
type choice struct {
	tap  *touch.Tappable
	text *paraText
	pad  *layout.CustomPaddedLayout
}

func (v *soloView) choiceFace(k int, text string, bg color.Color, selected bool, mark int) choice {
	s := v.s
	circle := canvas.NewCircle(colorAccent)
	if selected {
		circle.FillColor = colorHeading
	}
	var sign fyne.CanvasObject
	switch mark {
	case markRight:
		circle.FillColor = colorText
		sign = widget.NewIcon(theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameBackground))
	case markWrong:
		circle.FillColor = colorBg
		sign = widget.NewIcon(theme.CancelIcon())
	default:
		letter := s.label(quiz.Letter(k), sizeLead, true, colorText)
		letter.Alignment = fyne.TextAlignCenter
		sign = container.NewCenter(letter)
	}
	badge := container.NewGridWrap(fyne.NewSize(64, 64), container.NewStack(circle, padded(8, sign)))
	para := s.para(text, sizeLead, false, "")
	row := container.NewBorder(nil, nil, container.NewCenter(badge), nil,
		container.New(layout.NewCustomPaddedLayout(0, 0, 16, 0), para))
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = 28
	pad := &layout.CustomPaddedLayout{TopPadding: 14, BottomPadding: 14, LeftPadding: 14, RightPadding: 14}
	face := container.NewStack(rect, container.New(pad, row))
	if mark == markRight { // a white frame: the right answer stands out in any colour vision
		frame := canvas.NewRectangle(color.Transparent)
		frame.CornerRadius, frame.StrokeColor, frame.StrokeWidth = 28, colorText, 6
		face = container.NewStack(face, frame)
	}
	t := s.tappable(face, s.answerTap(func() { v.choose(k) }))
	t.MinHeight = 112
	return choice{tap: t, text: para, pad: pad}
}

func (v *soloView) choose(k int) {
	if v.last != nil {
		return
	}
	if v.round.Current().Type == quiz.Multi {
		if v.picked == nil {
			v.picked = map[int]bool{}
		}
		v.picked[k] = !v.picked[k]
		v.s.sound(audio.SoundTap)
		v.s.replace(v)
		return
	}
	v.answer([]int{k})
}

func (v *soloView) submit() {
	var picked []int
	for k, on := range v.picked {
		if on {
			picked = append(picked, k)
		}
	}
	if len(picked) > 0 {
		v.answer(picked)
	}
}

func (v *soloView) answer(picked []int) {
	res, ok := v.round.Answer(picked)
	if !ok {
		return
	}
	v.show(res)
}

// show records an answer (or a timeout) and shows its feedback.
func (v *soloView) show(res quiz.Result) {
	v.last = &res
	if res.Right {
		v.s.sound(audio.SoundRight)
	} else {
		v.s.sound(audio.SoundWrong)
	}
	v.s.record(event.NewSoloAnswer(v.zone.ID, res.Question.ID, choiceIDs(res), res.Right, res.TimedOut, res.Elapsed))
	v.s.replace(v)
	v.s.after(aheadDelay, func() {
		if v.s.top() == view(v) {
			v.warmNext()
		}
	})
}

// choiceIDs names the picked choices by their letters in the bank (not as shown), so the
// office can tell which wrong answer pupils chose.
func choiceIDs(res quiz.Result) []string {
	var out []string
	for _, k := range res.Picked {
		out = append(out, quiz.Letter(res.Question.Order[k]))
	}
	return out
}

func (v *soloView) feedback() fyne.CanvasObject {
	s := v.s
	f := v.feedbackParts(false)
	// In landscape a long question leaves little room: the explanation scrolls (with the
	// 上滑查看更多 cue) and 下一题 stays whole beside it. Portrait has room for it all.
	side := container.NewVBox(layout.NewSpacer(), f.btn, layout.NewSpacer())
	if vp := s.viewport(); vp.Height > vp.Width { // portrait: the tall screen has room for all of it
		return card(colorSurface, 28, feedbackPad, container.NewBorder(nil, nil, nil, side, f.text))
	}
	natural := func() float32 { return max(f.text.MinSize().Height, f.btn.MinSize().Height) + 2*feedbackPad }
	return container.New(&upToLayout{natural: natural}, card(colorSurface, 28, feedbackPad,
		container.NewBorder(nil, nil, nil, side, s.scrollTextOn(f.text, colorSurface))))
}

// feedbackParts are the pieces of the feedback card: its text column (the verdict and the
// right answer, the explanation, the source) and 下一题; closer set on a short screen
// (compact), and there a long right answer in body size.
type feedbackParts struct {
	text *fyne.Container
	head fyne.CanvasObject
	expl *paraText
	btn  *touch.Tappable
}

func (v *soloView) feedbackParts(compact bool) feedbackParts {
	s := v.s
	res := v.last
	verdict, bg := s.t("quiz.right"), colorGood
	switch {
	case res.TimedOut:
		verdict, bg = s.t("quiz.timeup"), colorBad
	case !res.Right:
		verdict, bg = s.t("quiz.wrong"), colorBad
	}
	var answers []string // named in words: letters mean nothing once the visitor looks away
	q := res.Question
	for _, k := range q.RightPositions() {
		answers = append(answers, s.tx(q.Choices[q.Order[k]]))
	}
	icon := theme.ConfirmIcon()
	if !res.Right {
		icon = theme.CancelIcon()
	}
	verdictBox := container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(44, 44), widget.NewIcon(icon))),
		s.label(verdict, sizeLead, true, colorText))
	answer, size, gap := s.t("quiz.answer", strings.Join(answers, "；")), sizeLead, theme.Padding()
	if compact { // a short screen: every line of the card counts
		gap = 0
		if utf8.RuneCountInString(answer) > 20 {
			size = sizeBody
		}
	}
	head := container.NewBorder(nil, nil, card(bg, 24, 12, verdictBox), nil,
		container.New(layout.NewCustomPaddedLayout(0, 0, 16, 0), s.para(answer, size, true, colorNameHeading)))
	next := s.t("quiz.next")
	if v.round.Done() {
		next = s.t("quiz.finish")
	}
	expl := s.para(s.tx(res.Question.Explanation), sizeBody, false, "")
	text := container.New(layout.NewCustomPaddedVBoxLayout(gap), head, expl,
		s.para(s.t("common.source")+"："+res.Question.Source, sizeSmall, false, colorNameMuted))
	btn := s.pill(next, colorAccent, v.next)
	btn.MinHeight = 104 // the one thing to do now: big, where the eye ends
	return feedbackParts{text: text, head: head, expl: expl, btn: btn}
}

// feedbackPad is the padding of the feedback card.
const feedbackPad = 20

// upToLayout gives its one object the height it needs (natural), at most the height there
// is, at the top: a card that is as tall as its text where there is room, and scrolls its
// text where there is not.
type upToLayout struct{ natural func() float32 }

func (l *upToLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, min(size.Height, l.natural())))
	}
}

func (l *upToLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// promptSize is the size of a question: display size (72 px at 1080p) where it fits in a
// line or two, heading size for long questions and small screens.
func (s *Shell) promptSize(text string) fyne.ThemeSizeName {
	if !s.shortScreen() && !s.narrow() && utf8.RuneCountInString(text) <= 32 {
		return sizeDisplay
	}
	return sizeHeading
}

func (v *soloView) next() {
	v.last, v.picked = nil, nil
	if !v.round.Next() {
		v.results = true
		s := v.s
		s.sound(audio.SoundWin)
		s.record(event.NewSoloFinish(v.zone.ID, v.audience, v.round.Score(), v.round.Len()))
	}
	v.s.replace(v)
}

// tick runs the countdown; at zero the question counts as unanswered.
func (v *soloView) tick() {
	if v.results {
		return
	}
	if v.last != nil { // answered before the picture was asked for (a quick answer)
		v.warmNext()
		return
	}
	if res, ok := v.round.Tick(); ok {
		v.show(res)
		return
	}
	v.updateTimer()
	if v.warmed != v.round.Index()+1 {
		if v.waited++; v.waited >= 2 { // the question's own first frames go first
			v.warmed, v.waited = v.round.Index()+1, 0
			v.warmFeedback()
			v.warmNext()
		}
	}
}

// warmNext has the next question's picture decoded at its slot's box, so that 下一题 shows
// it in its first frame: half a second into a question, and after a quick answer, a moment
// after the feedback's first frame (or at the next tick). Nothing when it is decoded or
// decoding already.
func (v *soloView) warmNext() {
	if nq, ok := v.round.Upcoming(); ok {
		v.s.warmIn(questionSlot(v.audience), nq.Image)
	}
}

// warmFeedback paints ahead, outside the window, the page as it will be once the question
// is answered right (prewarm): its new texts, the right answer, the explanation and the
// source, were most of the time from an answer to its feedback on screen. A wrong answer
// shows the same texts but for the verdict.
//
// It is built by a copy of the view, answered: parts of a page are built when it is first
// laid out (fitWay.build), and they read the view that built them.
func (v *soloView) warmFeedback() {
	q := v.round.Current()
	answered := *v
	answered.last = &quiz.Result{Question: q, Picked: q.RightPositions(), Right: true}
	v.s.prewarm(answered.build().body)
}

func (v *soloView) updateTimer() {
	if v.countdown == nil {
		return
	}
	if v.round.Answered() {
		v.countdown.Text = ""
		v.countdown.Refresh()
		v.timeBar.SetValue(0)
		return
	}
	secs := int(math.Ceil(v.round.Remaining().Seconds()))
	if t := v.s.t("quiz.seconds", secs); v.countdown.Text != t {
		v.countdown.Text = t
		v.countdown.Refresh()
	}
	// The bar steps with the seconds shown: the screen is drawn again once a second, not
	// at every tick (a full frame is tens of milliseconds of software GL that a tap would
	// wait behind).
	if f := wholeSeconds(secs, v.round.Timer()); v.timeBar.Value != f {
		v.timeBar.SetValue(f)
	}
}

// wholeSeconds is the fraction of full that secs whole seconds are.
func wholeSeconds(secs int, full time.Duration) float64 {
	if full <= 0 {
		return 0
	}
	return min(1, float64(secs)*float64(time.Second)/float64(full))
}

func (v *soloView) resultsPage() fyne.CanvasObject {
	s := v.s
	r := v.round
	score := s.label(s.t("quiz.score", r.Score(), r.Len()), sizeHeading, true, colorText)
	pct := s.label(s.t("quiz.percent", r.Percent()), sizeLead, true, colorHeading)
	msg := s.t("quiz.encourage")
	if r.Certified() {
		msg = s.t("quiz.praise")
	}
	award := container.NewHBox(v.medal(), container.NewCenter(v.stars()))
	left := container.NewVBox(award, score, pct, s.para(msg, sizeLead, false, ""))
	actions := container.NewHBox(s.pill(s.t("quiz.again"), colorSurfaceHi, func() {
		s.replace(&agePickView{s: s, zone: v.zone})
	}))
	if r.Certified() {
		actions.Add(s.pill(s.t("quiz.certificate"), colorAccent, func() { v.cert = true; s.replace(v) }))
	}
	left.Add(actions)

	review := container.NewVBox(s.label(s.t("quiz.review"), sizeLead, true, colorHeading))
	if g := s.gainAfterCard(v.audience); g != nil { // the learning-gain question again (gain.go)
		review.Objects = append([]fyne.CanvasObject{g}, review.Objects...)
	}
	if len(r.Mistakes()) == 0 {
		review.Add(s.para(s.t("quiz.review.none"), sizeBody, false, ""))
	}
	for _, m := range r.Mistakes() {
		q := m.Question
		var answers []string
		for _, k := range q.RightPositions() {
			answers = append(answers, s.tx(q.Choices[q.Order[k]]))
		}
		review.Add(card(colorSurface, 20, 16, container.NewVBox(
			s.para(s.tx(q.Prompt), sizeBody, true, ""),
			s.para(s.t("quiz.answer", strings.Join(answers, "；")), sizeBody, false, colorNameHeading),
			s.para(s.tx(q.Explanation), sizeSmall, false, colorNameMuted))))
	}
	if s.viewport().Height > s.viewport().Width { // portrait: the award above the review
		return container.NewBorder(padded(8, left), nil, nil, nil, s.scrollText(review))
	}
	return container.NewGridWithColumns(2, left, s.scrollText(review))
}

// certificate is the 禁毒小卫士 certificate: no name, the score and the date.
func (v *soloView) certificate() fyne.CanvasObject {
	s := v.s
	r := v.round
	base := s.cat().Meta.Title
	body := s.t("quiz.cert.body", s.tx(base), r.Score(), r.Len())
	date := s.d.Clock.Now().Format("2006-01-02")
	title := s.label(s.t("quiz.cert.title"), sizeDisplay, true, colorBad)
	title.Alignment = fyne.TextAlignCenter
	kind := s.label(s.t("quiz.cert.kind"), sizeLead, true, colorCardText)
	kind.Alignment = fyne.TextAlignCenter
	text := container.NewVBox(
		container.NewCenter(kind), container.NewCenter(title),
		s.para(body, sizeLead, false, colorNameCard),
		s.para(s.t("quiz.cert.pledge"), sizeLead, true, colorNameCard),
		s.para(s.tx(base)+"  "+date, sizeBody, false, colorNameCard))
	seal := container.NewGridWrap(fyne.NewSize(300, 225), s.image("media/img/attract/protect.png"))
	frame := canvas.NewRectangle(colorCard)
	frame.CornerRadius = 24
	frame.StrokeColor = colorHeading
	frame.StrokeWidth = 10
	inner := container.NewBorder(nil, nil, container.NewCenter(seal), nil, padded(24, text))
	cert := container.NewStack(frame, padded(48, inner))
	again := s.pill(s.t("quiz.again"), colorAccent, func() { s.replace(&agePickView{s: s, zone: v.zone}) })
	return container.NewBorder(nil, container.NewCenter(again), nil, nil, padded(16, cert))
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// medalColors are gold, silver and bronze, each with the dark text drawn on it.
var medalColors = map[string]color.NRGBA{quiz.Gold: hex("#F2C14E"), quiz.Silver: hex("#C9D3DD"), quiz.Bronze: hex("#D08A4E")}

// medal is the round's medal: a disc with a star, and its name under it.
func (v *soloView) medal() fyne.CanvasObject {
	s := v.s
	m := v.round.Medal()
	d := float32(150)
	if s.shortScreen() {
		d = 110
	}
	disc := canvas.NewCircle(medalColors[m])
	disc.StrokeColor, disc.StrokeWidth = darker(medalColors[m], 0.7), 6
	star := s.label("★", sizeDisplay, true, darker(medalColors[m], 0.45))
	star.Alignment = fyne.TextAlignCenter
	name := s.label(s.t("quiz.medal."+m), sizeLead, true, colorText)
	name.Alignment = fyne.TextAlignCenter
	return container.NewVBox(
		container.NewCenter(container.NewGridWrap(fyne.NewSize(d, d), container.NewStack(disc, container.NewCenter(star)))),
		name)
}

// stars are three stars, the earned ones lit; they pop in one by one.
func (v *soloView) stars() fyne.CanvasObject {
	s := v.s
	row := container.NewHBox()
	v.starTexts = nil
	for i := 0; i < 3; i++ {
		c := colorSurfaceHi
		if i < v.round.Stars() {
			c = colorHeading
		}
		t := s.label("★", sizeDisplay, true, c)
		t.TextSize *= 1.4
		t.Alignment = fyne.TextAlignCenter
		// A fixed box per star: the pop-in changes the glyph, never the layout.
		box := t.MinSize()
		row.Add(container.NewGridWrap(box, container.NewCenter(t)))
		v.starTexts = append(v.starTexts, t)
	}
	return row
}
