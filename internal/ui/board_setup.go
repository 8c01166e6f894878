package ui

import (
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/boardgame"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// boardSetupView is 开始游戏: how many teams, their names (preset, editable with the
// class keypad), the age band and the time limit.
type boardSetupView struct {
	s        *Shell
	zone     content.Zone
	teams    int
	audience string
	limit    time.Duration
	names    []string // typed names; "" is the preset
	editing  int      // the team whose name the keypad edits
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
	set := func(f func()) func() { return func() { f(); s.render() } }
	keyH := float32(targetHeight)
	if s.shortScreen() {
		keyH = 64 // the keypad's four rows and the names fit 800 px
	}
	var teams, auds, limits []fyne.CanvasObject
	for n := boardgame.MinTeams; n <= boardgame.MaxTeams; n++ {
		n := n
		teams = append(teams, s.chip(s.t("board.tcount", n), v.teams == n, set(func() {
			v.teams = n
			v.editing = min(v.editing, n-1)
		})))
	}
	for _, a := range quiz.Audiences {
		a := a
		auds = append(auds, s.chip(s.t("quiz.age."+a), v.audience == a, set(func() { v.audience = a })))
	}
	for _, d := range boardgame.TimeLimits {
		d := d
		limits = append(limits, s.chip(s.t("board.minutes", int(d/time.Minute)), v.limit == d, set(func() { v.limit = d })))
	}
	b := s.cat().Board
	row := func(title string, chips ...fyne.CanvasObject) fyne.CanvasObject {
		lbl := container.NewStack(spacerW(150), container.NewCenter(s.label(title, sizeLead, true, colorHeading)))
		return container.NewHBox(lbl, container.NewHBox(chips...))
	}
	left := container.NewVBox(row(s.t("board.teams"), teams...), row(s.t("board.audience"), auds...),
		row(s.t("board.limit"), limits...), s.para(s.t("board.rules", b.Rules.Rounds), sizeBody, false, colorNameMuted))
	if !s.shortScreen() {
		left.Objects = append([]fyne.CanvasObject{s.para(s.tx(b.Intro), sizeBody, false, "")}, left.Objects...)
	}
	if s.pack().Bank == nil {
		left.Add(s.para(s.t("board.noquiz"), sizeBody, false, colorNameHeading))
	}

	names := container.NewGridWithColumns(2)
	for t := 0; t < v.teams; t++ {
		t := t
		bg := darker(teamColors[t%len(teamColors)], 0.45)
		if t == v.editing {
			bg = teamColors[t%len(teamColors)]
		}
		rect := roundRect(bg, 20)
		if t == v.editing {
			rect.StrokeColor, rect.StrokeWidth = colorText, 4
		}
		lbl := s.label(boardTeamLabel(s, v.names, t), sizeLead, true, colorText)
		tile := s.tappable(container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(6, 6, 18, 18), lbl)),
			s.tap(set(func() { v.editing = t })))
		tile.MinHeight = keyH
		names.Add(tile)
	}
	pad := s.labelPad(&v.names[v.editing], func() { s.render() })
	for _, k := range pad.Objects {
		k.(*touch.Tappable).MinHeight = keyH
	}
	reset := s.pill(s.t("board.name.reset"), colorSurface, set(func() { v.names[v.editing] = "" }))
	start := s.pill(s.t("board.start"), colorAccent, v.start)
	start.MinHeight, start.MinWidth = 110, 280
	actions := container.NewHBox(reset, layout.NewSpacer(), start)
	right := container.NewVBox(s.para(s.t("board.names"), sizeBody, true, colorNameHeading), names, pad)

	title := s.label(s.t("board.setup"), sizeHeading, true, colorText)
	var body fyne.CanvasObject
	switch vp := s.viewport(); {
	case vp.Height > vp.Width: // portrait: one column, room to spare
		body = container.NewVBox(title, left, spacerH(16), right, actions)
	case s.shortScreen(): // 800 px high: no title (the band names the game), the actions on the left
		left.Add(layout.NewSpacer())
		body = container.NewGridWithColumns(2, container.NewBorder(nil, actions, nil, nil, left), right)
	default:
		right.Add(actions)
		body = container.NewBorder(title, nil, nil, nil, container.NewGridWithColumns(2, left, right))
	}
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(24, body)), zone: v.zone.ID}
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
