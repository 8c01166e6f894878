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
	ways  []fitWay
	shown fyne.CanvasObject
}

// fitWay is one of a firstFit's ways: obj, and the height it needs once laid out at the
// width it gets (its paragraphs broken into lines). With needs nil that is obj's minimum
// height; a way whose parts scroll or stretch says what it needs to show them whole.
type fitWay struct {
	obj   fyne.CanvasObject
	needs func() float32
}

// newFirstFit chooses among ways by their minimum heights.
func newFirstFit(ways ...fyne.CanvasObject) *firstFit {
	fw := make([]fitWay, len(ways))
	for i, w := range ways {
		fw[i] = fitWay{obj: w}
	}
	return newFitWays(fw...)
}

// newFitWays chooses among ways by what each needs.
func newFitWays(ways ...fitWay) *firstFit {
	f := &firstFit{ways: ways, shown: ways[0].obj}
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer implements fyne.Widget.
func (f *firstFit) CreateRenderer() fyne.WidgetRenderer { return &firstFitRenderer{f: f} }

type firstFitRenderer struct{ f *firstFit }

func (r *firstFitRenderer) Layout(size fyne.Size) {
	for i, w := range r.f.ways {
		w.obj.Move(fyne.NewPos(0, 0))
		w.obj.Resize(size) // its paragraphs break their lines: now it knows its height
		needs := w.obj.MinSize().Height
		if w.needs != nil {
			needs = w.needs()
		}
		if needs <= size.Height+1 || i == len(r.f.ways)-1 {
			r.f.shown = w.obj
			return
		}
	}
}

func (r *firstFitRenderer) MinSize() fyne.Size { return r.f.ways[len(r.f.ways)-1].obj.MinSize() }

func (r *firstFitRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.f.shown} }

func (r *firstFitRenderer) Refresh() {
	r.Layout(r.f.Size())
	canvas.Refresh(r.f)
}

func (r *firstFitRenderer) Destroy() {}
