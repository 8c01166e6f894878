// Command barefyne is the floor for the kiosk's tap latency, memory and start time: a bare
// Fyne window set up like the kiosk's (full screen, no padding) whose full-screen content is
// swapped for another on every tap. Nothing else: Fyne's default theme, no content, no I/O.
//
//	barefyne [--windowed]
package main

import (
	"flag"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// page is a full-screen background, a title and a grid of coloured tiles with labels.
func page(n int) fyne.CanvasObject {
	bgs := []color.NRGBA{{0x0b, 0x25, 0x45, 0xff}, {0x10, 0x34, 0x5e, 0xff}}
	tiles := []color.NRGBA{{0xc8, 0x88, 0x3a, 0xff}, {0xd6, 0x45, 0x41, 0xff}, {0x7b, 0x4f, 0xa0, 0xff}, {0x13, 0xa8, 0x9e, 0xff}}
	bg := canvas.NewRectangle(bgs[n%2])
	title := canvas.NewText(fmt.Sprintf("Bare Fyne page %d", n), color.White)
	title.TextSize = 52
	title.TextStyle.Bold = true
	grid := container.NewGridWithColumns(4)
	for i := range tiles {
		r := canvas.NewRectangle(tiles[(i+n)%len(tiles)])
		r.CornerRadius = 28
		l := canvas.NewText(fmt.Sprintf("Tile %d", i+1+4*(n%2)), color.White)
		l.TextSize = 48
		grid.Add(container.NewStack(r, container.NewCenter(l)))
	}
	body := container.NewBorder(title, nil, nil, nil, grid)
	return container.NewStack(bg, container.NewPadded(body))
}

// tapArea swaps the pages on every tap.
type tapArea struct {
	widget.BaseWidget
	content *fyne.Container
	n       int
}

func (t *tapArea) Tapped(*fyne.PointEvent) {
	t.n++
	t.content.Objects = []fyne.CanvasObject{page(t.n)}
	t.content.Refresh()
}

func (t *tapArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.content)
}

func main() {
	windowed := flag.Bool("windowed", false, "run in a window")
	flag.Parse()
	a := app.NewWithID("cn.nanming.jindu.barefyne")
	w := a.NewWindow("bare Fyne")
	t := &tapArea{content: container.NewStack(page(0))}
	t.ExtendBaseWidget(t)
	if *windowed {
		w.Resize(fyne.NewSize(1920, 1080))
	} else {
		w.SetFullScreen(true)
	}
	w.SetPadded(false)
	w.SetContent(t)
	w.ShowAndRun()
}
