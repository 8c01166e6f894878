package ui

import (
	"slices"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/jindu-edu/kiosk/internal/boardgame"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// boardSetupView is 开始游戏: how many teams, the age band and the time limit, the teams'
// names (preset; a tap on one opens the class keypad on its own page to rename it) and
// 开始游戏, all on one page.
type boardSetupView struct {
	s        *Shell
	zone     content.Zone
	teams    int
	audience string
	limit    time.Duration
	names    []string // typed names; "" is the preset
	editing  int      // the team whose name the keypad edits
	typing   bool     // the keypad is open
}

// backWithin closes the keypad page: 返回 there goes back to the setup, as 完成 does.
func (v *boardSetupView) backWithin() bool {
	if !v.typing {
		return false
	}
	v.typing = false
	v.s.render()
	return true
}

// boardQuestions is how many quiz-bank questions a game deals: about as many as its
// question squares will be landed on, and a few more. Dealt questions count as served (the
// next visitors get others), so a game does not take more than it may ask.
func boardQuestions(b content.Board, teams int) int {
	q := 0
	for _, sq := range b.Squares {
		if sq.Kind == content.SquareQuestion {
			q++
		}
	}
	return min(30, max(6, b.Rules.Rounds*teams*q/max(1, len(b.Squares))+4))
}

func (v *boardSetupView) build() screen {
	s := v.s
	if v.teams == 0 {
		v.teams, v.audience, v.limit = 2, quiz.Primary, boardgame.TimeLimits[0]
		v.names = make([]string, boardgame.MaxTeams)
	}
	var body fyne.CanvasObject
	if v.typing {
		reset := s.pill(s.t("board.name.reset"), colorSurface, func() { v.names[v.editing] = ""; s.render() })
		done := s.donePill(func() { v.typing = false; s.render() })
		body = s.keypadPage(s.t("board.name"), s.textField(boardTeamLabel(s, v.names, v.editing), "", nil),
			s.labelPad(&v.names[v.editing], func() { s.render() }), reset, done)
	} else {
		body = v.options()
	}
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(24, body)), zone: v.zone.ID}
}

// options are the game's choices beside the teams' names and 开始游戏 (one column in
// portrait).
func (v *boardSetupView) options() fyne.CanvasObject {
	s := v.s
	pick := func(f func(int)) func(int) { return func(i int) { f(i); s.render() } }
	var teams, auds, limits []string
	for n := boardgame.MinTeams; n <= boardgame.MaxTeams; n++ {
		teams = append(teams, s.t("board.tcount", n))
	}
	for _, a := range quiz.Audiences {
		auds = append(auds, s.t("team.age."+a))
	}
	for _, d := range boardgame.TimeLimits {
		limits = append(limits, s.t("board.minutes", int(d/time.Minute)))
	}
	b := s.cat().Board
	choices := s.setupRows(
		setupRow{s.t("board.teams"), s.segments(teams, v.teams-boardgame.MinTeams, pick(func(i int) {
			v.teams = boardgame.MinTeams + i
			v.editing = min(v.editing, v.teams-1)
		}))},
		setupRow{s.t("board.audience"), s.segments(auds, slices.Index(quiz.Audiences, v.audience), pick(func(i int) { v.audience = quiz.Audiences[i] }))},
		setupRow{s.t("board.limit"), s.segments(limits, slices.Index(boardgame.TimeLimits, v.limit), pick(func(i int) { v.limit = boardgame.TimeLimits[i] }))})
	left := container.NewVBox(choices, s.para(s.t("board.rules", b.Rules.Rounds), sizeBody, false, colorNameMuted))
	if !s.shortScreen() {
		left.Objects = append([]fyne.CanvasObject{s.para(s.tx(b.Intro), sizeBody, false, "")}, left.Objects...)
	}
	if s.pack().Bank == nil {
		left.Add(s.para(s.t("board.noquiz"), sizeBody, false, colorNameHeading))
	}

	// The names two abreast: in portrait across the page, at 1280 px beside the choices
	// (as wide as they need), else in the right half.
	const gap, tilePad = 32, 12
	vp := s.viewport()
	namesW := vp.Width - 2*24
	portrait := vp.Height > vp.Width
	switch {
	case portrait:
	case s.narrow():
		namesW -= choices.MinSize().Width + gap
	default:
		namesW = (namesW-s.size(theme.SizeNamePadding))/2 - gap
	}
	size := v.nameSize((namesW-s.size(theme.SizeNamePadding))/2 - 2*tilePad)
	names := container.NewGridWithColumns(2)
	for t := 0; t < v.teams; t++ {
		t := t
		rect := roundRect(teamColors[t%len(teamColors)], 20)
		lbl := s.label(boardTeamLabel(s, v.names, t), size, true, colorText)
		tile := s.tappable(container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(6, 6, tilePad, tilePad),
			container.NewVBox(layout.NewSpacer(), lbl, layout.NewSpacer()))),
			s.tap(func() { v.editing, v.typing = t, true; s.render() }))
		tile.MinHeight = targetHeight
		names.Add(tile)
	}
	start := s.startPill(s.t("board.start"), v.start)
	right := container.NewVBox(s.para(s.t("board.names"), sizeBody, true, colorNameHeading), names,
		spacerH(8), container.NewHBox(layout.NewSpacer(), start))

	var rows fyne.CanvasObject
	switch {
	case portrait: // one column
		rows = container.NewVBox(left, spacerH(16), right)
	case s.narrow():
		rows = container.NewBorder(nil, nil, left, nil, container.New(layout.NewCustomPaddedLayout(0, 0, gap, 0), right))
	default:
		rows = container.NewGridWithColumns(2, left, container.New(layout.NewCustomPaddedLayout(0, 0, gap, 0), right))
	}
	return s.setupPage(s.t("board.setup"), rows)
}

// nameSize is the largest text size (heading-like, then body, then small) at which
// every team's name fits in w.
func (v *boardSetupView) nameSize(w float32) fyne.ThemeSizeName {
	s := v.s
	sizes := []fyne.ThemeSizeName{sizeLead, sizeBody, sizeSmall}
	for _, size := range sizes {
		fits := true
		for t := 0; t < v.teams; t++ {
			fits = fits && s.label(boardTeamLabel(s, v.names, t), size, true, colorText).MinSize().Width <= w
		}
		if fits {
			return size
		}
	}
	return sizeSmall
}

// labelPad is the class keypad (labelKeys: digits and the words class names use) editing
// *val, at most maxLabel characters; changed redraws.
func (s *Shell) labelPad(val *string, changed func()) *fyne.Container {
	keys := container.NewGridWithColumns(7)
	for _, k := range labelKeys {
		k := k
		keys.Add(s.pill(k, colorSurfaceHi, func() {
			if utf8.RuneCountInString(*val+k) <= maxLabel {
				*val += k
			}
			changed()
		}))
	}
	keys.Add(s.pill(s.t("team.label.del"), colorSurface, func() {
		if r := []rune(*val); len(r) > 0 {
			*val = string(r[:len(r)-1])
		}
		changed()
	}))
	keys.Add(s.pill(s.t("team.label.clear"), colorSurface, func() { *val = ""; changed() }))
	return keys
}

// start deals the questions for the age band and begins the game.
func (v *boardSetupView) start() {
	s := v.s
	b := s.cat().Board
	qs := s.d.Quiz.OneTap(s.pack().Bank, v.audience, boardQuestions(b, v.teams))
	g, err := boardgame.New(boardgame.Config{Board: b, Teams: v.teams, Audience: v.audience, Limit: v.limit,
		Seed: uint64(s.d.Clock.Now().UnixNano()), Clock: s.d.Clock, Questions: qs})
	if err != nil {
		s.d.Log.Error("board game cannot start", "err", err)
		return
	}
	s.record(event.NewBoardStart(v.zone.ID, v.teams, v.audience, v.limit, b.Rules.Rounds))
	names := make([]string, v.teams)
	copy(names, v.names)
	s.replace(newBoardGameView(s, v.zone, g, names))
}

// boardEndView is the end of a game: the ranking, what each team learned, and the
// certificate.
type boardEndView struct {
	s     *Shell
	zone  content.Zone
	g     *boardgame.Game
	names []string
	cert  bool
}

func (v *boardEndView) build() screen {
	s := v.s
	var body fyne.CanvasObject
	if v.cert {
		body = v.certificate()
	} else {
		body = v.results()
	}
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(24, body)), zone: v.zone.ID}
}

func (v *boardEndView) results() fyne.CanvasObject {
	s := v.s
	g := v.g
	why := s.t("board.over.rounds", g.Rules().Rounds)
	if g.EndReason() == boardgame.EndTime {
		why = s.t("board.over.time")
	}
	rows := container.NewVBox(s.label(s.t("board.over")+"  ·  "+why, sizeHeading, true, colorText))
	for _, st := range g.Ranking() {
		line := container.NewBorder(nil, nil,
			s.label(s.t("team.place", st.Place)+"  "+boardTeamLabel(s, v.names, st.Team), sizeLead, true, colorText), nil,
			container.NewHBox(layout.NewSpacer(), s.label(s.t("team.points", st.Score), sizeLead, true, colorText)))
		rows.Add(container.NewStack(roundRect(teamColors[st.Team%len(teamColors)], 20), padded(14, line)))
	}
	actions := container.NewHBox(
		s.pill(s.t("quiz.certificate"), colorAccent, func() { v.cert = true; s.render() }),
		s.pill(s.t("board.again"), colorSurfaceHi, func() { s.replace(&boardSetupView{s: s, zone: v.zone}) }))

	learned := container.NewVBox(s.label(s.t("board.learned"), sizeLead, true, colorHeading))
	for t, tm := range g.Teams() {
		learned.Add(card(colorSurface, 18, 14, container.NewVBox(
			s.label(boardTeamLabel(s, v.names, t), sizeBody, true, colorText),
			s.para(v.metText(tm), sizeBody, false, ""))))
	}
	left := container.NewBorder(nil, actions, nil, nil, rows)
	if s.narrow() {
		return container.NewBorder(rows, actions, nil, nil, s.scrollText(learned))
	}
	return container.NewGridWithColumns(2, left, s.scrollText(learned))
}

// metText lists what a team met: its questions, and each card by its title.
func (v *boardEndView) metText(tm boardgame.Team) string {
	s := v.s
	var parts []string
	if tm.Asked > 0 {
		parts = append(parts, s.t("board.met.questions", tm.Right, tm.Asked))
	}
	seen := map[string]bool{}
	for _, m := range tm.Met {
		c := m.Card
		if seen[c.ID()] || c.Question != nil {
			continue
		}
		seen[c.ID()] = true
		kind := s.t("board.kind." + c.Kind)
		switch {
		case c.Scenario != nil:
			parts = append(parts, kind+"："+s.tx(c.Scenario.Lesson))
		case c.Fact != nil:
			parts = append(parts, kind+"："+s.tx(c.Fact.Title))
		case c.Trap != nil:
			parts = append(parts, kind+"："+v.disguiseName(c.Trap.Disguise))
		case c.Sunshine != nil:
			parts = append(parts, kind+"："+s.tx(c.Sunshine.Title))
		}
	}
	if len(parts) == 0 {
		return s.t("board.met.none")
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += "\n"
		}
		out += "· " + p
	}
	return out
}

func (v *boardEndView) disguiseName(id string) string {
	for _, it := range v.s.cat().Disguises.Items {
		if it.ID == id {
			return v.s.tx(it.Name)
		}
	}
	return id
}

// certificate is the 禁毒小卫士 certificate of the game: the teams, the questions they
// answered right, the date; no personal names.
func (v *boardEndView) certificate() fyne.CanvasObject {
	s := v.s
	base := s.tx(s.cat().Meta.Title)
	var teams []string
	for t := range v.g.Teams() {
		teams = append(teams, boardTeamLabel(s, v.names, t))
	}
	who := joinNames(s, teams)
	right, asked := v.g.QuizScore()
	body := s.t("board.cert.body.noquiz", base, who)
	if asked > 0 {
		body = s.t("board.cert.body", base, who, right, asked)
	}
	title := s.label(s.t("quiz.cert.title"), sizeDisplay, true, colorBad)
	title.Alignment = fyne.TextAlignCenter
	kind := s.label(s.t("quiz.cert.kind"), sizeLead, true, colorCardText)
	kind.Alignment = fyne.TextAlignCenter
	text := container.NewVBox(container.NewCenter(kind), container.NewCenter(title),
		s.para(body, sizeLead, false, colorNameCard),
		s.para(s.t("quiz.cert.pledge"), sizeLead, true, colorNameCard),
		s.para(base+"  "+s.d.Clock.Now().Format("2006-01-02"), sizeBody, false, colorNameCard))
	frame := canvas.NewRectangle(colorCard)
	frame.CornerRadius = 24
	frame.StrokeColor, frame.StrokeWidth = colorHeading, 10
	var inner fyne.CanvasObject = padded(24, text)
	if !s.narrow() {
		seal := container.NewGridWrap(fyne.NewSize(300, 225), s.image("media/img/attract/protect.png"))
		inner = container.NewBorder(nil, nil, container.NewCenter(seal), nil, inner)
	}
	back := s.pill(s.t("bar.back"), colorSurfaceHi, func() { v.cert = false; s.render() })
	again := s.pill(s.t("board.again"), colorAccent, func() { s.replace(&boardSetupView{s: s, zone: v.zone}) })
	return container.NewBorder(nil, container.NewCenter(container.NewHBox(back, again)), nil, nil,
		padded(8, container.NewStack(frame, padded(40, inner))))
}

// joinNames lists team names as a sentence does in the visitor's language.
func joinNames(s *Shell, names []string) string {
	sep, last := "、", "和"
	if s.v.Lang() == content.En {
		sep, last = ", ", " and "
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += sep + n
	}
	return out + last + names[len(names)-1]
}
