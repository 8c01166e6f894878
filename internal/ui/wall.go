package ui

import (
	"hash/fnv"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// wallView is the living wall: approved messages as paper cards, newest first, a page at a
// time. Cards drift in when a page shows and then float gently; only the cards of one page
// exist, so a wall of thousands animates as cheaply as a wall of ten.
type wallView struct {
	s      *Shell
	zone   content.Zone
	page   int
	msgs   []wall.Message
	total  int
	loaded bool
	err    string

	board *fyne.Container
	grid  *boardLayout
	entry *fyne.Animation
	drift *fyne.Animation
}

// wallPerPage is how many cards fit a page: columns of at least 420 px, rows of at least
// 230 px, within the space under the header.
func (s *Shell) wallGrid() (cols, rows int) {
	vp := s.viewport()
	w := vp.Width - 80
	h := vp.Height - 128 - 120 - 110
	cols = min(max(int(w/420), 2), 5)
	rows = min(max(int(h/230), 1), 5)
	return cols, rows
}

func (v *wallView) enter() {
	v.load()
	v.startDrift()
}

func (v *wallView) leave() {
	if v.entry != nil {
		v.entry.Stop()
	}
	if v.drift != nil {
		v.drift.Stop()
	}
}

// load reads the page off the UI thread and shows it.
func (v *wallView) load() {
	s := v.s
	cols, rows := s.wallGrid()
	per := cols * rows
	var msgs []wall.Message
	var total int
	s.wallWork(func() error {
		counts, err := s.d.Wall.Counts()
		if err != nil {
			return err
		}
		total = counts[wall.Approved]
		msgs, err = s.d.Wall.List(wall.Approved, v.page*per, per)
		return err
	}, func(err error) {
		v.loaded = true
		v.err = ""
		if err != nil {
			s.d.Log.Error("wall: read messages", "err", err)
			v.err = err.Error()
		}
		v.msgs, v.total = msgs, total
		if s.top() == view(v) {
			s.render()
			v.driftIn()
		}
	})
}

func (v *wallView) build() screen {
	s := v.s
	write := s.pill("✎ "+s.t("wall.write"), colorAccent, func() { s.push(&composeView{s: s, zone: v.zone}) })
	write.MinHeight = 104
	write.MinWidth = 280
	intro := s.para(s.tx(s.cat().Wall.Intro), sizeLead, false, "")
	count := s.label(s.t("wall.count", v.total), sizeBody, false, colorMuted)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewCenter(count), write), intro)

	cols, rows := s.wallGrid()
	v.grid = &boardLayout{cols: cols, rows: rows, entry: 1}
	v.board = container.New(v.grid)
	var body fyne.CanvasObject = v.board
	switch {
	case !v.loaded:
		body = container.NewCenter(s.label(s.t("wall.loading"), sizeLead, false, colorMuted))
	case v.err != "":
		body = container.NewCenter(s.para(s.t("wall.unreadable")+v.err, sizeBody, true, colorNameHeading))
	case len(v.msgs) == 0:
		empty := card(cardPapers[0], 20, 40, s.para(s.t("wall.empty"), sizeHeading, true, colorNameCard))
		body = container.NewCenter(container.NewStack(spacerW(min(900, s.viewport().Width-120)), empty))
	default:
		for _, m := range v.msgs {
			m := m
			c := s.tappable(s.wallCard(m, false), s.tap(func() { v.open(m) }))
			v.board.Add(c)
		}
	}
	per := cols * rows
	pages := max(1, (v.total+per-1)/per)
	var pg *pager
	if pages > 1 {
		pg = &pager{pos: v.page + 1, total: pages, move: func(d int) {
			v.page = min(max(v.page+d, 0), pages-1)
			v.load()
		}}
	}
	page := container.NewBorder(padded(0, top), nil, nil, nil,
		container.New(layout.NewCustomPaddedLayout(24, 0, 0, 0), body))
	return screen{body: container.NewBorder(s.header(v.zone, nil), nil, nil, nil, padded(32, page)),
		pager: pg, zone: v.zone.ID}
}

// open shows one message large.
func (v *wallView) open(m wall.Message) {
	s := v.s
	s.record(event.NewWallView(v.zone.ID, m.ID))
	big := s.wallCard(m, true)
	w := min(1200, s.viewport().Width-80)
	frame := container.NewStack(spacerW(w), big)
	closeBtn := s.pill(s.t("wall.close"), colorSurfaceHi, s.closeModal)
	s.showModal("wall", container.NewVBox(frame, container.NewHBox(layout.NewSpacer(), closeBtn)), s.closeModal)
}

// driftIn runs the entry animation: cards rise into place one after another.
func (v *wallView) driftIn() {
	if v.grid == nil || len(v.msgs) == 0 {
		return
	}
	if v.entry != nil {
		v.entry.Stop()
	}
	board, grid := v.board, v.grid
	grid.entry = 0
	v.entry = fyne.NewAnimation(900*time.Millisecond, func(f float32) {
		grid.entry = f
		board.Refresh()
	})
	v.entry.Curve = fyne.AnimationEaseOut
	v.entry.Start()
}

// startDrift floats the cards a few pixels, slowly, for as long as the wall is on screen.
func (v *wallView) startDrift() {
	if v.drift != nil {
		v.drift.Stop()
	}
	v.drift = fyne.NewAnimation(12*time.Second, func(f float32) {
		if v.grid == nil || len(v.board.Objects) == 0 {
			return
		}
		v.grid.drift = f
		v.board.Refresh()
	})
	v.drift.Curve = fyne.AnimationLinear
	v.drift.RepeatCount = fyne.AnimationRepeatForever
	v.drift.Start()
}

// boardLayout places cards in a grid, newest at the top left; entry (0→1) brings them up
// from below one after another, drift (0→1, looping) floats each on its own small circle.
type boardLayout struct {
	cols, rows   int
	entry, drift float32
}

func (b *boardLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	const gap = 24
	cw := (size.Width - gap*float32(b.cols-1)) / float32(b.cols)
	ch := (size.Height - gap*float32(b.rows-1)) / float32(b.rows)
	n := float32(len(objs))
	for i, o := range objs {
		r, c := i/b.cols, i%b.cols
		// Card i starts after the ones before it; all are in place at entry = 1.
		e := min(max(b.entry*(1+0.1*n)-0.1*float32(i), 0), 1)
		a := 2 * math.Pi * float64(b.drift+float32(i)*0.17)
		dx := float32(math.Cos(a)) * 4
		dy := float32(math.Sin(a))*5 + (1-e)*(ch*0.6)
		o.Move(fyne.NewPos(float32(c)*(cw+gap)+dx, float32(r)*(ch+gap)+dy))
		o.Resize(fyne.NewSize(cw, ch))
	}
}

func (b *boardLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(300, 200) }

// paperOf picks a card's paper colour from its id, so a card keeps its colour.
func paperOf(id string) color.NRGBA {
	h := fnv.New32a()
	h.Write([]byte(id))
	return cardPapers[h.Sum32()%uint32(len(cardPapers))]
}

// wallCard draws a message as a paper card: handwriting as ink, a sticker as a badge,
// text in dark ink; the group label and time under it.
func (s *Shell) wallCard(m wall.Message, big bool) fyne.CanvasObject {
	textSize, badgeSize := fyne.ThemeSizeName(sizeLead), fyne.ThemeSizeName(sizeHeading)
	if s.narrow() && !big {
		textSize = sizeBody
	}
	if big {
		textSize, badgeSize = sizeDisplay, sizeDisplay
	}
	var body fyne.CanvasObject
	switch text, ph := s.phraseText(m); {
	case m.Kind == wall.KindInk:
		img := canvas.NewImageFromImage(s.inkImage(m))
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		if big {
			img.SetMinSize(fyne.NewSize(960, 720))
		}
		body = img
	case ph != nil && ph.Color != "": // a sticker
		bg := canvas.NewRectangle(readableOn(hexOr(ph.Color, colorAccent)))
		bg.CornerRadius = 60
		lbl := s.label(text, badgeSize, true, colorText)
		body = container.NewCenter(container.NewStack(bg, padded(28, container.NewCenter(lbl))))
	default:
		body = container.NewVBox(layout.NewSpacer(), s.para(text, textSize, true, colorNameCard), layout.NewSpacer())
	}
	foot := container.NewHBox()
	if m.Group != "" {
		foot.Add(s.label(m.Group, sizeSmall, true, colorCardText))
	}
	foot.Add(layout.NewSpacer())
	foot.Add(s.label(m.Created.Local().Format("1/2 15:04"), sizeSmall, false, colorCardMuted))
	p := float32(20)
	if big {
		p = 40
	}
	return card(paperOf(m.ID), 18, p, container.NewBorder(nil, foot, nil, nil, body))
}
