package ui

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/boardgame"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// squareColors tell the square kinds apart on the board and on the cards (with their
// icons and names, so colour is never the only cue).
var squareColors = map[string]color.NRGBA{
	content.SquareStart:    readableOn(hex("#C98A2E")),
	content.SquareQuestion: readableOn(hex("#14A39A")),
	content.SquareScenario: readableOn(hex("#7E4FA8")),
	content.SquareFact:     readableOn(hex("#3F7CC0")),
	content.SquareTrap:     readableOn(hex("#D8453E")),
	content.SquareSunshine: readableOn(hex("#E39B17")),
}

// Animation speeds: a die roll, and one square of a token's walk.
const (
	dieRollTime = 600 * time.Millisecond
	walkStep    = 220 * time.Millisecond
)

// boardGameView is a game in progress: the board around the edge, the centre with the
// turn, the die or the card, and the scores. Every rule is decided by boardgame.Game at
// once; the die and the token walk are animations of what was decided, and a tap during
// one finishes it at once, so an animation never holds up a player.
type boardGameView struct {
	s      *Shell
	zone   content.Zone
	g      *boardgame.Game
	names  []string // typed team names; "" is the preset
	shown  []int    // the square each token is drawn on
	die    int      // the face shown
	note   string   // what the last roll did
	picked int      // the response picked on the open situation card
	cardAt time.Time
	cardSq int // the square that dealt the open card (a right answer moves the token on)

	// The running animation: finish completes it at once (a tap during it).
	anim   *fyne.Animation
	finish func()

	// Drawn objects the animations move or change.
	ring   *ringLayout
	tokens []fyne.CanvasObject
	dieBox *fyne.Container
	clock  *canvas.Text
	ended  bool
}

func newBoardGameView(s *Shell, zone content.Zone, g *boardgame.Game, names []string) *boardGameView {
	v := &boardGameView{s: s, zone: zone, g: g, names: names, die: 6}
	v.shown = make([]int, len(g.Teams()))
	v.ring = &ringLayout{n: len(g.Board().Squares), tokens: func() []int { return v.shown }}
	return v
}

// enter holds the visit: players talk a card over, so the idle prompt waits longer and
// asks 还要继续吗？.
func (v *boardGameView) enter() { v.s.v.Hold(boardgame.IdleTimeout, boardgame.PromptTimeout) }

func (v *boardGameView) leave() {
	v.stopAnim()
	v.s.v.Release()
}

// idlePrompt is what the idle prompt says over a game.
func (v *boardGameView) idlePrompt() (title, body, button string) {
	return "board.idle.title", "board.idle.body", "board.idle.continue"
}

func (v *boardGameView) portrait() bool {
	vp := v.s.viewport()
	return vp.Height > vp.Width
}

func (v *boardGameView) build() screen {
	s := v.s
	b := v.g.Board()
	vp := s.viewport()
	ringH := vp.Height - 140 // the bar and the padding
	if v.portrait() {
		ringH = min(vp.Width*0.95, vp.Height*0.55)
	}
	cols, rows := ringGrid(len(b.Squares), fyne.NewSize(vp.Width-16, ringH))
	cell := fyne.NewSize((vp.Width-16)/float32(max(cols, 1)), ringH/float32(max(rows, 1)))

	var objs []fyne.CanvasObject
	for i, sq := range b.Squares {
		objs = append(objs, v.squareTile(i, sq, cell))
	}
	var centre fyne.CanvasObject
	if v.portrait() {
		centre = v.status(true)
	} else {
		centre = container.NewBorder(nil, nil, nil, v.status(false), padded(8, v.action()))
	}
	objs = append(objs, centre)
	v.tokens = nil
	for t := range v.shown {
		tok := v.token(t)
		v.tokens = append(v.tokens, tok)
		objs = append(objs, tok)
	}
	board := container.New(v.ring, objs...)
	var body fyne.CanvasObject = board
	if v.portrait() {
		top := container.NewStack(spacerH(ringH), board)
		body = container.NewBorder(top, nil, nil, nil, padded(16, v.action()))
	}
	return screen{body: padded(8, body), zone: v.zone.ID}
}

// squareTile is one square: its colour, picture (the landmark, or the kind's icon) and
// place name, the kind's name under it where there is room.
func (v *boardGameView) squareTile(i int, sq content.BoardSquare, cell fyne.Size) fyne.CanvasObject {
	s := v.s
	bg := canvas.NewRectangle(squareColors[sq.Kind])
	bg.CornerRadius = 10
	if i == v.g.Teams()[v.g.Turn()].Pos && v.g.Phase() == boardgame.OnCard {
		bg.StrokeColor = colorHeading
		bg.StrokeWidth = 5
	}
	var pic *canvas.Image
	if sq.Image != "" {
		pic = s.imageFit(sq.Image, 240, 180)
	} else {
		pic = canvas.NewImageFromResource(squareIcons[sq.Kind])
		pic.FillMode = canvas.ImageFillContain
	}
	fs := min(26, max(15, cell.Height*0.15))
	lines := container.NewVBox()
	for _, l := range fitLines(s.tx(sq.Place), cell.Width-24, fs, true) {
		lines.Add(l)
	}
	if cell.Height > 120 {
		for _, l := range fitLines(s.t("board.kind."+sq.Kind), cell.Width-24, fs*0.8, false) {
			l.Color = colorMuted
			lines.Add(l)
		}
	}
	inner := container.NewBorder(nil, lines, nil, nil, pic)
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(6, 4, 6, 6), inner))
}

// fitLines sets text in one line, or two (at a space, or in the middle of a Chinese name),
// at size px or smaller, so that it fits width w.
func fitLines(text string, w, px float32, bold bool) []*canvas.Text {
	style := fyne.TextStyle{Bold: bold}
	mk := func(parts ...string) []*canvas.Text {
		widest := float32(0)
		for _, p := range parts {
			widest = max(widest, fyne.MeasureText(p, px, style).Width)
		}
		size := px
		if widest > w {
			size = max(11, px*w/widest)
		}
		var out []*canvas.Text
		for _, p := range parts {
			t := canvas.NewText(p, colorText)
			t.TextSize, t.TextStyle, t.Alignment = size, style, fyne.TextAlignCenter
			out = append(out, t)
		}
		return out
	}
	if fyne.MeasureText(text, px, style).Width <= w {
		return mk(text)
	}
	r := []rune(text)
	cut := len(r) / 2
	best := -1
	for i, c := range r {
		if c == ' ' && (best < 0 || abs(i-len(r)/2) < abs(best-len(r)/2)) {
			best = i
		}
	}
	if best > 0 {
		return mk(string(r[:best]), string(r[best+1:]))
	}
	return mk(string(r[:cut]), string(r[cut:]))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// token is a team's playing piece: its colour and its shape.
func (v *boardGameView) token(t int) fyne.CanvasObject {
	c := canvas.NewCircle(teamColors[t%len(teamColors)])
	c.StrokeColor = colorText
	c.StrokeWidth = 3
	shape := canvas.NewText(teamShapes[t%len(teamShapes)], colorText)
	shape.TextStyle.Bold = true
	shape.Alignment = fyne.TextAlignCenter
	shape.TextSize = max(14, v.ring.tokenSide()*0.5)
	if v.ring.cell.Height == 0 {
		shape.TextSize = 22
	}
	return container.NewStack(c, container.NewCenter(shape))
}

// teamLabel is a team's shape and name.
func (v *boardGameView) teamLabel(t int) string {
	return boardTeamLabel(v.s, v.names, t)
}

func boardTeamLabel(s *Shell, names []string, t int) string {
	name := s.tx(quiz.TeamNames[t%len(quiz.TeamNames)])
	if t < len(names) && names[t] != "" {
		name = names[t]
	}
	return teamShapes[t%len(teamShapes)] + " " + name
}

// status is the round, the time left, whose turn it is and the scores (with the die in
// portrait, where the card goes below the board).
func (v *boardGameView) status(portrait bool) fyne.CanvasObject {
	s := v.s
	g := v.g
	round := s.label(s.t("board.round", g.Round(), g.Rules().Rounds), sizeBody, true, colorText)
	v.clock = s.label(v.clockText(), sizeBody, true, colorHeading)
	box := container.NewVBox(container.NewHBox(round, layout.NewSpacer(), v.clock))
	if portrait {
		box = container.NewVBox(container.NewHBox(round, spacerW(24), v.clock))
	}
	for _, st := range g.Ranking() {
		t := st.Team
		bg := darker(teamColors[t%len(teamColors)], 0.45)
		if t == g.Turn() {
			bg = teamColors[t%len(teamColors)]
		}
		rect := canvas.NewRectangle(bg)
		rect.CornerRadius = 16
		if t == g.Turn() {
			rect.StrokeColor, rect.StrokeWidth = colorText, 3
		}
		line := container.NewBorder(nil, nil, s.label(v.teamLabel(t), sizeBody, t == g.Turn(), colorText), nil,
			container.NewHBox(layout.NewSpacer(), s.label(s.t("team.points", st.Score), sizeBody, true, colorText)))
		box.Add(container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(8, 8, 14, 14), line)))
	}
	if !s.shortScreen() {
		box.Add(spacerH(8))
		box.Add(v.legend())
	}
	if !portrait {
		w := min(420, s.viewport().Width*0.27)
		if s.shortScreen() {
			w = s.viewport().Width * 0.24
		}
		return container.NewStack(spacerW(w), box)
	}
	return padded(12, box)
}

// legend names each kind of square with what it does, in the rules' numbers.
func (v *boardGameView) legend() fyne.CanvasObject {
	s := v.s
	r := v.g.Rules()
	rows := container.NewVBox(s.label(s.t("board.legend"), sizeSmall, true, colorHeading))
	for _, k := range []struct {
		kind string
		args []any
	}{
		{content.SquareQuestion, []any{r.QuestionPoints, r.QuestionSteps}}, {content.SquareScenario, []any{r.ScenarioPoints}},
		{content.SquareFact, []any{r.FactPoints}}, {content.SquareTrap, []any{r.TrapBack}},
		{content.SquareSunshine, []any{r.SunshinePoints}}, {content.SquareStart, []any{r.StartBonus}},
	} {
		icon := canvas.NewImageFromResource(squareIcons[k.kind])
		icon.FillMode = canvas.ImageFillContain
		chip := container.NewStack(roundRect(squareColors[k.kind], 8), padded(4, icon))
		text := s.label(s.t("board.kind."+k.kind)+"  "+s.t("board.legend."+k.kind, k.args...), sizeSmall, false, colorMuted)
		rows.Add(container.NewHBox(container.NewGridWrap(fyne.NewSquareSize(34), chip), text))
	}
	return rows
}

func (v *boardGameView) clockText() string {
	left := v.g.Remaining()
	secs := int(math.Ceil(left.Seconds()))
	return v.s.t("board.left", fmt.Sprintf("%d:%02d", secs/60, secs%60))
}

// action is the die (its team's turn to roll) or the card on the table.
func (v *boardGameView) action() fyne.CanvasObject {
	s := v.s
	g := v.g
	if g.Phase() == boardgame.OnCard && v.anim == nil {
		return v.cardPanel()
	}
	t := g.Turn()
	turn := s.label(s.t("board.turn", v.teamLabel(t)), sizeHeading, true, colorText)
	turnBg := canvas.NewRectangle(teamColors[t%len(teamColors)])
	turnBg.CornerRadius = 24
	head := container.NewStack(turnBg, container.New(layout.NewCustomPaddedLayout(8, 8, 24, 24), container.NewCenter(turn)))
	side := min(220, max(130, s.viewport().Height*0.17))
	v.dieBox = container.NewWithoutLayout()
	drawDie(v.dieBox, v.die, side)
	hint := s.label(s.t("board.roll"), sizeLead, true, colorHeading)
	hint.Alignment = fyne.TextAlignCenter
	dieTap := s.tappable(container.NewVBox(container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(side), v.dieBox)),
		container.NewCenter(hint)), s.tap(v.roll))
	col := container.NewVBox(head, spacerH(8), container.NewCenter(dieTap))
	if v.note != "" {
		col.Add(s.para(v.note, sizeBody, false, colorNameHeading))
	}
	return container.NewVBox(layout.NewSpacer(), col, layout.NewSpacer())
}

// drawDie puts a die face (white, navy pips) of side px into box.
func drawDie(box *fyne.Container, face int, side float32) {
	bg := canvas.NewRectangle(colorText)
	bg.CornerRadius = side * 0.16
	bg.StrokeColor, bg.StrokeWidth = colorHeading, 4
	bg.Resize(fyne.NewSquareSize(side))
	objs := []fyne.CanvasObject{bg}
	r := side * 0.09
	for _, p := range diePips[(face+5)%6] {
		c := canvas.NewCircle(colorBg)
		c.Resize(fyne.NewSquareSize(2 * r))
		c.Move(fyne.NewPos(p[0]*side-r, p[1]*side-r))
		objs = append(objs, c)
	}
	box.Objects = objs
	box.Refresh()
}

// diePips are the pip centres of faces 1–6, as fractions of the side.
var diePips = [6][][2]float32{
	{{.5, .5}},
	{{.27, .27}, {.73, .73}},
	{{.25, .25}, {.5, .5}, {.75, .75}},
	{{.27, .27}, {.73, .27}, {.27, .73}, {.73, .73}},
	{{.25, .25}, {.75, .25}, {.5, .5}, {.25, .75}, {.75, .75}},
	{{.27, .24}, {.73, .24}, {.27, .5}, {.73, .5}, {.27, .76}, {.73, .76}},
}

// roll throws the die: the die spins, the token walks, then the card turns up. A tap
// while an animation runs finishes it instead.
func (v *boardGameView) roll() {
	if v.finish != nil {
		v.finish()
		return
	}
	s := v.s
	m, ok := v.g.Roll()
	if !ok {
		v.checkOver()
		return
	}
	sq := v.g.Board().Squares[m.To]
	v.cardSq = m.To
	s.record(event.NewBoardSquare(v.zone.ID, sq.ID, sq.Kind, m.Team, m.Die, m.Card.ID()))
	v.note = s.t("board.rolled", v.teamLabel(m.Team), m.Die, s.tx(sq.Place))
	if m.PassedStart {
		v.note += "  " + s.t("board.start.bonus", m.Bonus)
	}
	v.spinDie(m.Die, func() {
		v.walk(m.Team, m.Path, func() {
			v.cardAt = s.d.Clock.Now()
			v.redraw()
			v.checkOver()
		})
	})
}

// spinDie shows random-looking faces for a moment and settles on face.
func (v *boardGameView) spinDie(face int, done func()) {
	side := v.dieBox.Size().Width
	if side == 0 {
		side = 160
	}
	v.run(dieRollTime, func(p float32) {
		f := 1 + (int(p*17)+face)%6
		if p >= 1 {
			f = face
		}
		if f != v.die || p >= 1 {
			v.die = f
			drawDie(v.dieBox, f, side)
		}
	}, done)
}

// walk moves token t over path square by square, with a hop on each.
func (v *boardGameView) walk(t int, path []int, done func()) {
	if len(path) == 0 || t >= len(v.tokens) {
		done()
		return
	}
	tok := v.tokens[t]
	from := v.shown[t]
	v.run(walkStep*time.Duration(len(path)), func(p float32) {
		step := p * float32(len(path))
		i := min(int(step), len(path)-1)
		frac := step - float32(i)
		if p >= 1 {
			i, frac = len(path)-1, 1
		}
		prev := from
		if i > 0 {
			prev = path[i-1]
		}
		a, b := v.ring.tokenPos(t, prev), v.ring.tokenPos(t, path[i])
		hop := float32(math.Sin(float64(frac)*math.Pi)) * v.ring.cell.Height * 0.25
		tok.Move(fyne.NewPos(a.X+(b.X-a.X)*frac, a.Y+(b.Y-a.Y)*frac-hop))
		canvas.Refresh(tok)
	}, func() {
		v.shown[t] = path[len(path)-1]
		tok.Move(v.ring.tokenPos(t, v.shown[t]))
		done()
	})
}

// run plays an animation; done runs once, when it ends or when a tap finishes it.
func (v *boardGameView) run(d time.Duration, tick func(float32), done func()) {
	finished := false
	var a *fyne.Animation
	complete := func() {
		if finished {
			return
		}
		finished = true
		if v.anim == a {
			v.anim, v.finish = nil, nil
		}
		tick(1)
		done()
	}
	a = fyne.NewAnimation(d, func(p float32) {
		if finished {
			return
		}
		if p >= 1 {
			complete()
			return
		}
		tick(p)
	})
	a.Curve = fyne.AnimationLinear
	v.anim = a
	v.finish = func() {
		a.Stop()
		complete()
	}
	a.Start()
}

func (v *boardGameView) stopAnim() {
	if v.anim != nil {
		v.anim.Stop()
		v.anim, v.finish = nil, nil
	}
}

// redraw draws the view again after a change of state (not on every animation frame).
func (v *boardGameView) redraw() {
	if !v.ended && v.s.top() == v {
		v.s.render()
	}
}

// tick ends the game at its time limit and keeps the clock current.
func (v *boardGameView) tick() {
	if v.g.Tick() {
		v.checkOver()
		return
	}
	if v.clock != nil {
		if t := v.clockText(); t != v.clock.Text {
			v.clock.Text = t
			v.clock.Refresh()
		}
	}
}

// checkOver shows the end screen once the game is over.
func (v *boardGameView) checkOver() {
	if v.g.Phase() != boardgame.Over || v.ended {
		return
	}
	v.ended = true
	v.stopAnim()
	s := v.s
	right, asked := v.g.QuizScore()
	scores := map[string]int{}
	for t, tm := range v.g.Teams() {
		scores[v.teamLabel(t)] = tm.Score
	}
	s.record(event.NewBoardFinish(v.zone.ID, v.g.Audience(), v.g.EndReason(), scores, right, asked, v.g.Elapsed()))
	s.replace(&boardEndView{s: s, zone: v.zone, g: v.g, names: v.names})
}
