package ui

import "fyne.io/fyne/v2"

// prewarm paints obj, laid out at the page's size, outside the window until the next
// tick, so that Fyne makes the textures of its texts while no tap waits for them. Fyne
// keeps a text's texture for a minute after it was last drawn, for every text of the same
// string, size, style and colour: a page drawn later with the same texts at the same width
// finds them made. Making them was most of the first frame of the quiz's feedback (tens of
// milliseconds of rasterising glyphs on the UI thread). Off the window, the GL clips the
// copy away: its frame costs the textures and next to nothing else. Views call it from
// their tick, so the copy is on the canvas for a whole tick (250 ms, many frames); it also
// goes when the screen is drawn again. Nothing on it can be tapped.
func (s *Shell) prewarm(obj fyne.CanvasObject) {
	size := s.page.Size()
	obj.Resize(size)
	obj.Move(fyne.NewPos(-2*size.Width-100, 0))
	s.warmer.Objects = []fyne.CanvasObject{obj}
	s.warmer.Refresh()
}

// dropWarm removes what prewarm painted.
func (s *Shell) dropWarm() {
	if len(s.warmer.Objects) == 0 {
		return
	}
	s.warmer.Objects = nil
	s.warmer.Refresh()
}
