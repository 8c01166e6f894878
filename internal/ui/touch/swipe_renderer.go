package touch

import "fyne.io/fyne/v2"

type swipeRenderer struct {
	s *Swipe
}

func (r *swipeRenderer) Layout(size fyne.Size) {
	r.s.Content.Resize(size)
	r.s.Content.Move(fyne.NewPos(0, 0))
}

func (r *swipeRenderer) MinSize() fyne.Size { return r.s.Content.MinSize() }

func (r *swipeRenderer) Refresh() { r.s.Content.Refresh() }

func (r *swipeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.s.Content} }

func (r *swipeRenderer) Destroy() {}
