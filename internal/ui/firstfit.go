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
// height; a way whose parts scroll or stretch says what it needs to show them whole. A
// way given as build instead of obj is made only when the ways before it do not fit (a
// tap then builds one view, not every way of it).
type fitWay struct {
	obj   fyne.CanvasObject
	needs func() float32
	build func() fyne.CanvasObject
}

// get is the way's object, built now if it is built on demand.
func (w *fitWay) get() fyne.CanvasObject {
	if w.obj == nil && w.build != nil {
		w.obj = w.build()
	}
	return w.obj
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
	f := &firstFit{ways: ways}
	f.shown = f.ways[0].get()
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer implements fyne.Widget.
func (f *firstFit) CreateRenderer() fyne.WidgetRenderer { return &firstFitRenderer{f: f} }

type firstFitRenderer struct{ f *firstFit }

func (r *firstFitRenderer) Layout(size fyne.Size) {
	for i := range r.f.ways {
		w := &r.f.ways[i]
		obj := w.get()
		obj.Move(fyne.NewPos(0, 0))
		obj.Resize(size) // its paragraphs break their lines: now it knows its height
		needs := obj.MinSize().Height
		if w.needs != nil {
			needs = w.needs()
		}
		if needs <= size.Height+1 || i == len(r.f.ways)-1 {
			r.f.shown = obj
			return
		}
	}
}

// MinSize is the last way's, the least there is; while that way is not built, the
// least of those that are (the last is built before it could be needed).
func (r *firstFitRenderer) MinSize() fyne.Size {
	for i := len(r.f.ways) - 1; i >= 0; i-- {
		if o := r.f.ways[i].obj; o != nil {
			return o.MinSize()
		}
	}
	return fyne.Size{}
}

func (r *firstFitRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.f.shown} }

func (r *firstFitRenderer) Refresh() {
	r.Layout(r.f.Size())
	canvas.Refresh(r.f)
}

func (r *firstFitRenderer) Destroy() {}
