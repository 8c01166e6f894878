package ui

import (
	"image/color"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// teamColors mark the teams' answer zones: blue, orange, bluish green and reddish purple
// of the Okabe–Ito palette (told apart with every common colour-vision deficiency),
// darkened for white text; teamShapes tell them apart without colour at all.
var (
	teamColors = []color.NRGBA{readableOn(hex("#0072B2")), readableOn(hex("#E69F00")),
		readableOn(hex("#009E73")), readableOn(hex("#CC79A7"))}
	teamShapes = []string{"★", "▲", "●", "■"}
)

// teamName is a team's name with its shape.
func (s *Shell) teamName(c *quiz.Contest, t int) string {
	return teamShapes[t%len(teamShapes)] + " " + s.tx(c.Teams[t].Name)
}

// teamSetupView is where the teacher sets up a contest (behind the PIN): the options
// and 开始比赛 on one page, the class keypad on its own page while the name is typed.
type teamSetupView struct {
	s        *Shell
	zone     content.Zone
	teams    int
	mode     string
	audience string
	count    int
	label    string
	typing   bool // the class keypad is open
}

// backWithin closes the keypad page: 返回 there goes back to the setup, as 完成 does.
func (v *teamSetupView) backWithin() bool {
	if !v.typing {
		return false
	}
	v.typing = false
	v.s.replace(v)
	return true
}

// labelKeys build a group label without a keyboard: digits and the words class names use.
var labelKeys = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0",
	"小学", "中学", "初", "高", "年级", "班", "(", ")", "一", "二", "三", "四", "五", "六"}

const maxLabel = 16

// teamCounts and roundSizes are the contest's choices of teams and of questions.
var (
	teamCounts = []int{2, 3, 4}
	roundSizes = []int{5, 10, 15}
	teamModes  = []string{quiz.Buzz, quiz.Turns}
)

func (v *teamSetupView) build() screen {
	s := v.s
	if v.teams == 0 {
		v.teams, v.mode, v.audience, v.count = 2, quiz.Turns, quiz.Primary, quiz.DefaultRoundSize // turns: every team gets its go
	}
	var body fyne.CanvasObject
	if v.typing {
		done := s.donePill(func() { v.typing = false; s.replace(v) })
		body = s.keypadPage(s.t("team.label.short"), s.textField(v.label, s.t("team.label.typing"), nil),
			s.labelPad(&v.label, func() { s.replace(v) }), done)
	} else {
		body = v.options()
	}
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(24, body)), zone: v.zone.ID}
}

// options are the contest's choices, one row each, the class field and 开始比赛.
func (v *teamSetupView) options() fyne.CanvasObject {
	s := v.s
	pick := func(f func(int)) func(int) { return func(i int) { f(i); s.replace(v) } }
	var teams, modes, auds, counts []string
	for _, n := range teamCounts {
		teams = append(teams, s.t("team.tcount", n))
	}
	for _, m := range teamModes {
		modes = append(modes, s.t("team.mode."+m))
	}
	for _, a := range quiz.Audiences {
		auds = append(auds, s.t("team.age."+a))
	}
	for _, n := range roundSizes {
		counts = append(counts, s.t("team.qcount", n))
	}
	rules := "team.rules." + v.mode
	if v.mode == quiz.Buzz && v.audience == quiz.Primary { // children lose no points
		rules += ".primary"
	}
	var named fyne.CanvasObject = s.textField(v.label, s.t("team.label.hint"), func() { v.typing = true; s.replace(v) })
	start := s.startPill(s.t("team.start"), v.start)
	vp := s.viewport()
	if vp.Width >= vp.Height { // landscape: 开始比赛 beside the field
		named = container.NewBorder(nil, nil, nil, container.New(layout.NewCustomPaddedLayout(0, 0, 24, 0), start), named)
	}
	rows := s.setupRows(
		setupRow{s.t("team.count"), s.segments(teams, slices.Index(teamCounts, v.teams), pick(func(i int) { v.teams = teamCounts[i] }))},
		setupRow{s.t("team.mode"), s.aside(s.segments(modes, slices.Index(teamModes, v.mode), pick(func(i int) { v.mode = teamModes[i] })), s.t(rules))},
		setupRow{s.t("team.audience"), s.segments(auds, slices.Index(quiz.Audiences, v.audience), pick(func(i int) { v.audience = quiz.Audiences[i] }))},
		setupRow{s.t("team.questions"), s.segments(counts, slices.Index(roundSizes, v.count), pick(func(i int) { v.count = roundSizes[i] }))},
		setupRow{s.t("team.label.short"), named})
	if vp.Height > vp.Width { // portrait: 开始比赛 under the rows
		rows.Add(spacerH(16))
		rows.Add(container.NewHBox(layout.NewSpacer(), start))
	}
	return s.setupPage(s.t("team.setup"), rows)
}

// start deals single and true/false questions (one tap answers them) and begins.
func (v *teamSetupView) start() {
	s := v.s
	c := s.d.Quiz.Contest(s.pack().Bank, v.mode, v.teams, v.audience, v.count)
	if c == nil {
		return
	}
	s.record(event.NewContestStart(v.zone.ID, v.mode, v.teams, v.audience, c.Len()))
	s.replace(&contestView{s: s, zone: v.zone, c: c, label: v.label, audience: v.audience})
}

// contestView is the shared screen: the question in the middle, one answer zone per team.
type contestView struct {
	s        *Shell
	zone     content.Zone
	c        *quiz.Contest
	label    string
	audience string
	note     string // what just happened ("禁毒先锋队答对了！+10")
	shown    int
	spoken   int // the question index last read aloud, plus one
	over     bool
	warmed   int // the question whose next one was painted ahead, plus one
	waited   int // ticks since the question closed

	ring *timerRing
}

// enter reads an open question aloud to a primary group, as the solo round does; the bar
// under the answers shows its caption (running by itself when the kiosk has no sound), or
// on a short screen its button beside the progress, the large question being the caption.
func (v *contestView) enter() {
	if v.over || v.c.Closed() {
		return
	}
	v.s.readAloud(v.zone.ID, v.audience, v.c.Current(), v.c.Index(), &v.spoken)
}

func (v *contestView) build() screen {
	s := v.s
	v.ring = nil
	if v.over {
		return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(32, v.ranking())), zone: v.zone.ID}
	}
	c := v.c
	q := c.Current()
	if v.shown != c.Index()+1 {
		v.shown = c.Index() + 1
		s.record(event.NewQuizQuestion(v.zone.ID, q.ID, c.Index(), nil))
	}
	small := s.shortScreen()
	ring := float32(150)
	if small {
		ring = 110
	}
	exit := s.pill(s.t("team.stop"), colorSurface, s.back)
	info := s.label(s.t("quiz.progress", c.Index()+1, c.Len()), sizeLead, true, colorText)
	var timer fyne.CanvasObject = layout.NewSpacer()
	if c.Timer() > 0 && !c.Closed() {
		v.ring = s.newTimerRing(ring)
		v.updateTimer()
		timer = v.ring.obj
	}
	left := container.NewHBox(container.NewCenter(exit), container.NewCenter(info))
	var reading fyne.CanvasObject // the question read aloud (primary): its bar with the caption
	if s.narrSrc != nil && !c.Closed() {
		if small { // no room under the answers: the button alone, the question is the caption
			left.Add(container.NewCenter(s.narrationButton(s.tx(q.Prompt))))
		} else {
			reading = s.narration(s.tx(q.Prompt))
		}
	}
	top := container.NewBorder(nil, nil, left, timer, container.NewCenter(v.banner()))
	// The question as large as the room lets it be: the first of these ways that fits
	// (they share the top row and the reading; only one is on the screen).
	var ways []fyne.CanvasObject
	for _, f := range v.fits() {
		ways = append(ways, v.center(top, reading, f))
	}

	zones := container.NewGridWithColumns(len(c.Teams))
	if len(c.Teams) == 4 && s.viewport().Height > s.viewport().Width {
		zones = container.NewGridWithColumns(2)
	}
	for t := range c.Teams {
		zones.Add(v.teamZone(t))
	}
	// The question stands on the page's flat background: a panel of the same colour
	// would be a full-screen rounded layer to paint on every frame, for nothing to see.
	body := container.NewBorder(nil, container.New(layout.NewCustomPaddedLayout(12, 0, 0, 0), zones), nil, nil,
		padded(16, newFirstFit(ways...)))
	return screen{body: padded(16, body), zone: v.zone.ID, noBar: true}
}

// contestFit is one way to size the contest's question, its answers and the verdict.
type contestFit struct {
	prompt, option, note, expl fyne.ThemeSizeName
	badge                      float32
	onlyRight                  bool // once answered, the right answer alone
}

// fits are the ways to draw the question from the most generous to the most compact.
// Sizes for the back of a class: the question at display size, answers at 60 px, a big
// timer ring; a smaller screen, a long question or large text step down.
func (v *contestView) fits() []contestFit {
	s := v.s
	f := contestFit{prompt: sizeDisplay, option: sizeOption, note: sizeHeading, expl: sizeLead, badge: 76}
	if s.shortScreen() {
		f.prompt, f.option = sizeHeading, sizeHeading
	}
	if utf8.RuneCountInString(s.tx(v.c.Current().Prompt)) > 40 {
		f.prompt = sizeHeading
	}
	out := []contestFit{f}
	step := func(change func(*contestFit)) {
		change(&f)
		out = append(out, f)
	}
	step(func(f *contestFit) { f.prompt, f.option = sizeHeading, sizeHeading })
	step(func(f *contestFit) { f.option, f.badge, f.note, f.expl = sizeLead, 64, sizeLead, sizeBody })
	step(func(f *contestFit) { f.onlyRight = true })
	step(func(f *contestFit) { f.prompt = sizeLead })
	step(func(f *contestFit) { f.option, f.expl = sizeBody, sizeSmall })
	if s.size(sizeSmall) >= 28 { // large text: the small size is still body size
		step(func(f *contestFit) { f.prompt, f.option = sizeBody, sizeSmall })
	}
	return out
}

// center is the question, its answers and, once answered, the verdict with 下一题, drawn
// the way f says, under the top row.
func (v *contestView) center(top, reading fyne.CanvasObject, f contestFit) fyne.CanvasObject {
	s, c := v.s, v.c
	q := c.Current()
	right := map[int]bool{}
	for _, k := range q.RightPositions() {
		right[k] = true
	}
	cols := 2
	if len(q.Order) <= 2 {
		cols = len(q.Order)
	}
	if c.Closed() && f.onlyRight {
		cols = 1
	}
	choices := container.NewGridWithColumns(cols)
	for k, idx := range q.Order {
		bg, mark := colorSurface, markNone
		if c.Closed() && right[k] {
			bg, mark = colorGood, markRight
		} else if c.Closed() && f.onlyRight {
			continue
		}
		choices.Add(v.option(k, s.tx(q.Choices[idx]), bg, mark, f.option, f.badge))
	}
	center := container.NewVBox(top, layout.NewSpacer(),
		s.para(s.tx(q.Prompt), f.prompt, true, ""),
		container.New(layout.NewCustomPaddedLayout(8, 8, 0, 0), choices))
	if reading != nil {
		center.Add(reading)
	}
	center.Add(layout.NewSpacer())
	if c.Closed() {
		next := s.t("quiz.next")
		if c.Index()+1 == c.Len() {
			next = s.t("team.ranking")
		}
		btn := s.pill(next, colorAccent, v.next)
		btn.MinHeight, btn.MinWidth = 104, 280
		center.Add(card(colorSurfaceHi, 20, 14, container.NewBorder(nil, nil, nil, container.NewCenter(btn),
			container.NewVBox(s.para(v.note, f.note, true, colorNameHeading),
				s.para(s.tx(q.Explanation), f.expl, false, "")))))
	}
	return center
}

// banner says whose turn it is, or in 抢答 which team buzzed first.
func (v *contestView) banner() fyne.CanvasObject {
	s, c := v.s, v.c
	var text string
	var col color.Color = colorSurfaceHi
	switch {
	case c.Mode == quiz.Buzz && c.First() >= 0:
		text, col = s.t("team.buzzed", s.teamName(c, c.First())), teamColors[c.First()%len(teamColors)]
	case c.Mode == quiz.Buzz && !c.Closed():
		text = s.t("team.buzz.go")
	case c.Mode == quiz.Turns && !c.Closed():
		text, col = s.t("team.turn", s.teamName(c, c.Turn())), teamColors[c.Turn()%len(teamColors)]
	default:
		return layout.NewSpacer()
	}
	return card(col, 28, 12, s.label(text, sizeHeading, true, colorText))
}

// option is one answer as the class sees it: its letter and text, large.
func (v *contestView) option(k int, text string, bg color.Color, mark int, size fyne.ThemeSizeName, badgeSize float32) fyne.CanvasObject {
	s := v.s
	circle := canvas.NewCircle(colorAccent)
	sign := fyne.CanvasObject(container.NewCenter(s.label(quiz.Letter(k), sizeHeading, true, colorText)))
	if mark == markRight {
		circle.FillColor = colorText
		sign = container.NewCenter(s.label("✓", sizeHeading, true, colorBg))
	}
	badge := container.NewGridWrap(fyne.NewSize(badgeSize, badgeSize), container.NewStack(circle, sign))
	row := container.NewBorder(nil, nil, container.NewCenter(badge), nil,
		container.New(layout.NewCustomPaddedLayout(0, 0, 16, 0), s.para(text, size, false, "")))
	face := card(bg, 24, 12, row)
	if mark == markRight {
		frame := canvas.NewRectangle(color.Transparent)
		frame.CornerRadius, frame.StrokeColor, frame.StrokeWidth = 24, colorText, 6
		return container.NewStack(face, frame)
	}
	return face
}

// teamZone is one team's name, score and answer buttons (only the name and score once
// the question is closed, to leave room for the explanation).
func (v *contestView) teamZone(t int) fyne.CanvasObject {
	s := v.s
	c := v.c
	team := c.Teams[t]
	col := teamColors[t%len(teamColors)]
	active := !c.Closed() && !c.ShutOut(t) && (c.Mode == quiz.Buzz || c.Turn() == t)
	bg := col
	if !active {
		bg = darker(col, 0.55)
	}
	name := s.label(s.teamName(c, t), sizeLead, true, colorText)
	score := s.label(s.t("team.points", team.Score), sizeHeading, true, colorText)
	var head fyne.CanvasObject = container.NewBorder(nil, nil, container.NewCenter(name), score)
	if s.viewport().Width/float32(len(c.Teams)) < 440 { // four narrow zones: the score under the name
		name.TextSize, score.TextSize = s.size(sizeBody), s.size(sizeLead)
		head = container.NewBorder(nil, nil, container.NewCenter(name), container.NewCenter(score))
		if s.viewport().Width/float32(len(c.Teams)) < 340 {
			head = container.NewVBox(name, score)
		}
	}
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = 24
	if c.Closed() {
		return container.NewStack(rect, padded(14, head))
	}
	buttons := container.NewGridWithColumns(len(c.Current().Order))
	for k := range c.Current().Order {
		k := k
		lbl := quiz.Letter(k)
		if c.Current().Type == quiz.TrueFalse {
			lbl = s.tx(c.Current().Choices[c.Current().Order[k]])
		}
		txt := s.label(lbl, sizeHeading, true, colorText)
		txt.Alignment = fyne.TextAlignCenter
		b := s.tappable(card(withAlpha(colorBg, 0x99), 50, 8, container.NewCenter(txt)),
			s.answerTap(func() { v.answer(t, k) })) // the answer sounds of its own
		b.MinHeight = 100
		buttons.Add(b)
	}
	var status fyne.CanvasObject = layout.NewSpacer()
	if c.ShutOut(t) {
		status = s.label(s.t("team.out"), sizeBody, false, colorText)
	}
	return container.NewStack(rect, padded(14, container.NewBorder(head, buttons, nil, nil, status)))
}

func (v *contestView) answer(t, k int) {
	s := v.s
	c := v.c
	q := c.Current()
	buzzed := c.First() < 0 && c.Mode == quiz.Buzz
	out := c.Answer(t, k)
	if out == quiz.Ignored {
		return
	}
	s.record(event.NewTeamAnswer(v.zone.ID, q.ID, t, []string{quiz.Letter(q.Order[k])}, out == quiz.Right, c.Elapsed()))
	switch {
	case buzzed: // the bell says who was first; the screen says whether it was right
		s.sound(audio.SoundBuzz)
	case out == quiz.Right:
		s.sound(audio.SoundRight)
	default:
		s.sound(audio.SoundWrong)
	}
	switch out {
	case quiz.Right:
		v.note = s.t("team.won", s.tx(c.Teams[t].Name))
	case quiz.AllWrong:
		v.note = s.t("team.allwrong")
	}
	s.replace(v)
}

func (v *contestView) next() {
	if !v.c.Next() {
		v.finish()
	}
	v.note = ""
	v.s.replace(v)
}

// finish keeps the result on today's board.
func (v *contestView) finish() {
	s := v.s
	v.over = true
	s.sound(audio.SoundWin)
	label := strings.TrimSpace(v.label)
	if label == "" {
		label = s.d.Strings.T(content.Zh, "team.untitled")
	}
	s.d.Quiz.FinishContest(label, v.c)
	scores := map[string]int{}
	for _, t := range v.c.Teams {
		scores[t.Name.Zh] = t.Score
	}
	s.record(event.NewContestFinish(v.zone.ID, v.c.Mode, v.audience, label, scores, v.c.Len()))
}

func (v *contestView) tick() {
	if v.over {
		return
	}
	if v.c.Closed() {
		if v.warmed != v.c.Index()+1 {
			if v.waited++; v.waited >= 2 { // the verdict's own first frames go first
				v.warmed, v.waited = v.c.Index()+1, 0
				v.warmNext()
			}
		}
		return
	}
	if v.c.Tick() == quiz.TimeUp {
		v.s.sound(audio.SoundWrong)
		v.note = v.s.t("quiz.timeup")
		v.s.replace(v)
		return
	}
	v.updateTimer()
}

// warmNext paints the next question outside the window (prewarm) while the class reads
// the verdict: 下一题 then finds the textures of its question and answers made, instead of
// making them on the tap (its first frame was up to 1.6× the floor). The copy records
// nothing and reads nothing aloud.
func (v *contestView) warmNext() {
	p, ok := v.c.Peek()
	if !ok {
		return
	}
	next := *v
	next.c, next.note = p, ""
	next.shown, next.spoken = p.Index()+1, p.Index()+1
	v.s.prewarmView(&next)
}

func (v *contestView) updateTimer() {
	if v.ring == nil {
		return
	}
	left, full := v.c.Remaining(), v.c.Timer()
	if v.c.Closed() || full <= 0 {
		v.ring.set(0, 0)
		return
	}
	secs := int(math.Ceil(left.Seconds()))
	v.ring.set(secs, wholeSeconds(secs, full)) // redrawn once a second, as the solo bar
}

// ranking shows the final standings, largest first.
func (v *contestView) ranking() fyne.CanvasObject {
	s := v.s
	rows := container.NewVBox(s.label(s.t("team.ranking"), sizeHeading, true, colorText))
	if v.label != "" {
		rows.Add(s.label(v.label, sizeLead, false, colorHeading))
	}
	for _, st := range v.c.Ranking() {
		rect := canvas.NewRectangle(teamColors[st.Team%len(teamColors)])
		rect.CornerRadius = 24
		line := container.NewBorder(nil, nil,
			s.label(s.t("team.place", st.Place)+"  "+s.teamName(v.c, st.Team), sizeHeading, true, colorText), nil,
			container.NewHBox(layout.NewSpacer(), s.label(s.t("team.points", st.Score), sizeHeading, true, colorText)))
		rows.Add(container.NewStack(rect, padded(20, line)))
	}
	rows.Add(s.para(s.t("team.saved"), sizeBody, false, colorNameMuted))
	actions := container.NewHBox(
		s.pill(s.t("quiz.groups"), colorSurfaceHi, func() { s.replace(&groupsView{s: s, zone: v.zone}) }),
		s.pill(s.t("team.new"), colorAccent, func() { s.replace(&teamSetupView{s: s, zone: v.zone}) }))
	return container.NewBorder(nil, actions, nil, nil, rows)
}

// groupsView is today's board of group results.
type groupsView struct {
	s    *Shell
	zone content.Zone
}

func (v *groupsView) build() screen {
	s := v.s
	today := s.d.Quiz.Today()
	if len(today) == 0 {
		return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(32, v.none())), zone: v.zone.ID}
	}
	list := container.NewVBox()
	for _, g := range today {
		parts := []string{}
		for _, t := range g.Teams {
			parts = append(parts, s.tx(t.Name)+" "+s.t("team.points", t.Score))
		}
		list.Add(card(colorSurface, 20, 16, container.NewVBox(
			container.NewBorder(nil, nil, s.label(g.Label, sizeLead, true, colorText), s.label(g.At.Format("15:04")+"  "+s.t("team.mode."+g.Mode), sizeBody, false, colorMuted)),
			s.para(strings.Join(parts, "   ·   "), sizeBody, false, colorNameHeading))))
	}
	title := s.label(s.t("quiz.groups"), sizeHeading, true, colorText)
	body := container.NewBorder(title, nil, nil, nil, s.scrollText(list))
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(32, body)), zone: v.zone.ID}
}

// none is the board before the day's first contest: what will be here and how a class gets
// on it, and the two ways to play from here (a line of grey text on an empty page told a
// visitor nothing).
func (v *groupsView) none() fyne.CanvasObject {
	s := v.s
	sp := canvas.NewRectangle(color.Transparent)
	sp.SetMinSize(fyne.NewSize(520, 390))
	if s.shortScreen() {
		sp.SetMinSize(fyne.NewSize(380, 285))
	}
	pic := card(colorCard, 20, 12, container.NewStack(sp, s.imageFit(quizHomeImages[2], 520, 390)))
	solo := s.pill(s.t("quiz.solo"), readableOn(hexOr(v.zone.Color, colorAccent)), func() { s.replace(&agePickView{s: s, zone: v.zone}) })
	team := s.pill(s.t("quiz.team"), colorSurfaceHi, func() {
		s.askPIN(func() { s.replace(&teamSetupView{s: s, zone: v.zone}) })
	})
	text := container.NewVBox(layout.NewSpacer(),
		s.para(s.t("quiz.groups"), sizeLead, true, colorNameHeading),
		s.para(s.t("quiz.groups.none"), sizeHeading, true, ""),
		s.para(s.t("quiz.groups.none.how"), sizeLead, false, colorNameMuted),
		spacerH(16),
		container.NewHBox(solo, team),
		layout.NewSpacer())
	if vp := s.viewport(); vp.Height > vp.Width { // portrait: the picture above the text, both in one column
		column := container.New(layout.NewCustomPaddedLayout(0, 0, 96, 96), text)
		return container.NewVBox(layout.NewSpacer(), container.NewCenter(pic), spacerH(24), column, layout.NewSpacer())
	}
	return container.NewGridWithColumns(2, container.NewCenter(pic), text)
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}
