package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// attractSlides is the number of attract slides: the content's, and 今日留言 when the wall
// has messages from today.
func (s *Shell) attractSlides() int {
	n := len(s.cat().Attract.Slides)
	if len(s.wall.today) > 0 {
		n++
	}
	return n
}

// wallTodaySlide is the 今日留言 attract slide: today's newest messages as wall cards.
func (s *Shell) wallTodaySlide() fyne.CanvasObject {
	title := s.label(s.d.Strings.T("zh", "wall.today"), sizeHeading, true, colorText)
	sub := s.label(s.d.Strings.T("zh", "wall.today.sub")+" · "+s.d.Strings.T("en", "wall.today"), sizeLead, false, colorMuted)
	cols := 3
	if s.narrow() {
		cols = 2
	}
	msgs := s.wall.today
	if s.shortScreen() {
		msgs = msgs[:min(len(msgs), cols)]
	}
	grid := &boardLayout{cols: cols, rows: (len(msgs) + cols - 1) / cols, entry: 1}
	board := container.New(grid)
	for _, m := range msgs {
		board.Add(s.wallCard(m, false))
	}
	return container.NewBorder(container.NewVBox(title, sub), nil, nil, nil,
		container.New(layout.NewCustomPaddedLayout(16, 0, 0, 0), board))
}
