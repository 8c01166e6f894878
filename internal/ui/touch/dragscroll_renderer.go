package touch

import "fyne.io/fyne/v2"

type dragScrollRenderer struct {
	d       *DragScroll
	surface *surface
}

func (r *dragScrollRenderer) Layout(size fyne.Size) {
	r.d.Scroll.Resize(size)
	r.d.Scroll.Move(fyne.NewPos(0, 0))
	r.surface.Resize(size)
	r.surface.Move(fyne.NewPos(0, 0))
}

func (r *dragScrollRenderer) MinSize() fyne.Size {
	return fyne.NewSize(r.d.Scroll.Content.MinSize().Width, 100)
}

func (r *dragScrollRenderer) Refresh() { r.d.Scroll.Refresh() }

func (r *dragScrollRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.d.Scroll, r.surface}
}

func (r *dragScrollRenderer) Destroy() {}
