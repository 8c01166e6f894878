package touch

import "fyne.io/fyne/v2"

// contentRenderer draws a widget that is just its content, filling the widget.
type contentRenderer struct {
	content fyne.CanvasObject
}

func (r *contentRenderer) Layout(s fyne.Size) {
	r.content.Resize(s)
	r.content.Move(fyne.NewPos(0, 0))
}

func (r *contentRenderer) MinSize() fyne.Size { return r.content.MinSize() }

func (r *contentRenderer) Refresh() { r.content.Refresh() }

func (r *contentRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.content} }

func (r *contentRenderer) Destroy() {}
