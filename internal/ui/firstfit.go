package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// firstFit shows the first of its ways to draw the same thing (the most generous first)
// that fits the height it gets, laid out at its width; the last one where none does. Only
// the one shown is in the tree, so ways may share objects.
type firstFit struct {
	widget.BaseWidget
	ways  []fyne.CanvasObject
	shown fyne.CanvasObject
}

func newFirstFit(ways ...fyne.CanvasObject) *firstFit {
	f := &firstFit{ways: ways, shown: ways[0]}
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer implements fyne.Widget.
func (f *firstFit) CreateRenderer() fyne.WidgetRenderer { return &firstFitRenderer{f: f} }

type firstFitRenderer struct{ f *firstFit }

func (r *firstFitRenderer) Layout(size fyne.Size) {
	for i, w := range r.f.ways {
		w.Move(fyne.NewPos(0, 0))
		w.Resize(size) // its paragraphs break their lines: now it knows its height
		if w.MinSize().Height <= size.Height+1 || i == len(r.f.ways)-1 {
			r.f.shown = w
			return
		}
	}
}

func (r *firstFitRenderer) MinSize() fyne.Size { return r.f.ways[len(r.f.ways)-1].MinSize() }

func (r *firstFitRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.f.shown} }

func (r *firstFitRenderer) Refresh() {
	r.Layout(r.f.Size())
	canvas.Refresh(r.f)
}

func (r *firstFitRenderer) Destroy() {}
