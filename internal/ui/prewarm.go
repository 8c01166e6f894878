package ui

import (
	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/content"
)

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

// prewarmView is prewarm for the page the view v draws (buildAside).
func (s *Shell) prewarmView(v view) { s.prewarm(s.buildAside(v)) }

// buildAside builds the page the view v draws, for use off the window (prewarm,
// sizeAhead): its enter hook runs first, for it registers the reading its bar is for, and
// the reading of the page on screen is put back after. v must record and play nothing (a
// question is built shown and spoken).
func (s *Shell) buildAside(v view) fyne.CanvasObject {
	narr, src := s.narr, s.narrSrc
	defer func() { s.narr, s.narrSrc = narr, src }()
	if e, ok := v.(enterer); ok {
		e.enter()
	}
	return v.build().body
}

// warmHistory paints history's first page off the window while home is read (ahead): the
// zone most visitors open first came on in 1.6× the floor the first time, its frame spent
// making the textures of its texts (later visits within the minute Fyne keeps them found
// them made).
func (s *Shell) warmHistory() {
	if len(s.cat().History.Events) == 0 {
		return
	}
	for _, z := range s.cat().Zones {
		if z.Kind == content.KindHistory {
			s.prewarmView(&historyView{s: s, zone: z})
			return
		}
	}
}

// dropWarm removes what prewarm painted.
func (s *Shell) dropWarm() {
	if len(s.warmer.Objects) == 0 {
		return
	}
	s.warmer.Objects = nil
	s.warmer.Refresh()
}
