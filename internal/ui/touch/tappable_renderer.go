package touch

import "fyne.io/fyne/v2"

type tappableRenderer struct {
	t *Tappable
}

func (r *tappableRenderer) Layout(s fyne.Size) {
	r.t.Content.Resize(s)
	r.t.Content.Move(fyne.NewPos(0, 0))
}

func (r *tappableRenderer) MinSize() fyne.Size { return r.t.Content.MinSize() }

func (r *tappableRenderer) Refresh() { r.t.Content.Refresh() }

func (r *tappableRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.Content} }

func (r *tappableRenderer) Destroy() {}
