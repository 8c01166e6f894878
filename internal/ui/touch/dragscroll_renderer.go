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
	if c := r.d.Cue; c != nil {
		h := min(c.MinSize().Height, size.Height/2)
		c.Resize(fyne.NewSize(size.Width, h))
		c.Move(fyne.NewPos(0, size.Height-h))
		r.d.updateCue()
	}
}

func (r *dragScrollRenderer) MinSize() fyne.Size {
	return fyne.NewSize(r.d.Scroll.Content.MinSize().Width, 100)
}

func (r *dragScrollRenderer) Refresh() { r.d.Scroll.Refresh() }

func (r *dragScrollRenderer) Objects() []fyne.CanvasObject {
	if r.d.Cue != nil { // under the surface: the cue never takes a touch
		return []fyne.CanvasObject{r.d.Scroll, r.d.Cue, r.surface}
	}
	return []fyne.CanvasObject{r.d.Scroll, r.surface}
}

func (r *dragScrollRenderer) Destroy() {}
