package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/jindu-edu/kiosk/internal/quiz"
)

// Before the answer, the question, every answer card and 提交 must be whole above the bar:
// at 1280×800 a multi-answer question with four or five answers had 提交 cut in half by
// the bar, and long answers, a picture or large text pushed cards under it. The page is
// laid out at its most generous first; where that does not fit, it gives up room step by
// step (questionFit), the least visible loss first: the question a size smaller, the hint
// beside 提交, closer spacing, five answers in three columns, the question smaller still, a
// smaller picture, the answers in body size, cards at the touch-target minimum, no picture.

// questionFit is one way to lay out an unanswered question.
type questionFit struct {
	prompt  fyne.ThemeSizeName // the question's size
	answer  fyne.ThemeSizeName // the answers' size
	cardH   float32            // the least height of an answer card
	gap     float32            // between the question, the cards and the row under them
	pic     float32            // the picture's share of the screen's width (portrait: height); 0: none
	cols    int                // answer cards to a row
	hintLow bool               // the multi hint beside 提交 instead of under the question
	cardPad float32            // the padding inside an answer card
}

// fits lists the layouts of an unanswered question from the most generous to the most
// compact, for n answers.
// A reading bar (barred) takes the row under the cards; its round button alone leaves
// room there for the hint.
func (v *soloView) fits(prompt string, n int, multi, barred, portrait bool) []questionFit {
	s := v.s
	f := questionFit{prompt: s.promptSize(prompt), answer: sizeLead, cardH: 112, gap: 16, pic: 0.25, cols: min(n, 2), cardPad: 14}
	if portrait {
		f.cardH, f.gap, f.pic = 150, 24, 0.16
		if n > 2 {
			f.cols = 1
		}
	}
	out := []questionFit{f}
	step := func(change func(*questionFit)) {
		change(&f)
		out = append(out, f)
	}
	step(func(f *questionFit) { f.prompt = sizeHeading })
	if multi && !barred && !portrait {
		step(func(f *questionFit) { f.hintLow = true })
	}
	step(func(f *questionFit) { f.gap, f.cardH = 8, min(f.cardH, 96) })
	if n > 4 && !portrait {
		step(func(f *questionFit) { f.cols = 3 })
	}
	step(func(f *questionFit) { f.prompt = sizeLead })
	step(func(f *questionFit) { f.pic = f.pic * 0.7 })
	step(func(f *questionFit) { f.answer = sizeBody })
	step(func(f *questionFit) { f.cardH = targetHeight })
	step(func(f *questionFit) { f.cardPad = 8 })
	step(func(f *questionFit) { f.pic = 0 })
	step(func(f *questionFit) { f.prompt = sizeBody })
	if s.size(sizeSmall) >= 28 { // large text: the small size is still body size
		step(func(f *questionFit) { f.answer = sizeSmall })
	}
	return out
}

// unanswered is the question before the answer: the question (and on a multi-answer
// question its hint), the answer cards, and under them the reading bar and 提交; a
// picture beside them (portrait: above them).
func (v *soloView) unanswered(q quiz.Presented) fyne.CanvasObject {
	s := v.s
	vp := s.viewport()
	portrait := vp.Height > vp.Width
	text := s.tx(q.Prompt)
	l := &questionLayout{s: s, prompt: s.para(text, sizeHeading, true, ""), portrait: portrait}
	objs := []fyne.CanvasObject{l.prompt}
	if q.Image != "" { // in a box that drops it where there is no room for it
		l.pictureObj = s.illustration(questionSlot(v.audience), q.Image, fyne.NewSize(0, 0))
		l.picture = container.NewStack(l.pictureObj)
		objs = append(objs, l.picture)
	}
	if q.Type == quiz.Multi {
		l.hint = s.para(s.t("quiz.multi.hint"), sizeBody, false, colorNameHeading)
		l.submit = s.pill(s.t("quiz.submit"), colorAccent, v.submit)
		objs = append(objs, l.hint, l.submit)
	}
	// The question read aloud (primary): its bar with the caption; on a short screen its
	// round button alone (the question on the screen is its caption). Nothing otherwise.
	barred := !s.shortScreen() || portrait
	reading := s.narrationButton
	if barred {
		reading = s.narration
	}
	if n := reading(text); !isSpacer(n) {
		l.narration, l.barred = n, barred
		objs = append(objs, n)
	}
	for k, idx := range q.Order {
		bg := colorSurface
		if v.picked[k] {
			bg = colorSurfaceHi
		}
		c := v.choiceFace(k, s.tx(q.Choices[idx]), bg, v.picked[k], markNone)
		l.cards = append(l.cards, c)
		objs = append(objs, c.tap)
	}
	l.fits = v.fits(text, len(q.Order), q.Type == quiz.Multi, l.barred, portrait)
	return container.New(l, objs...)
}

func isSpacer(o fyne.CanvasObject) bool {
	_, ok := o.(*layout.Spacer)
	return ok
}

// questionLayout places an unanswered question in the first of its fits that fits the
// height it gets (or the last one).
type questionLayout struct {
	s                 *Shell
	portrait          bool
	prompt, hint      *paraText
	picture           *fyne.Container   // nil: none; holds pictureObj where there is room for it
	pictureObj        fyne.CanvasObject // the picture on its card
	narration, submit fyne.CanvasObject // nil: none
	barred            bool              // the reading is a bar, not its button alone
	cards             []choice
	fits              []questionFit
	need              float32 // the height the chosen fit takes
}

// picGap is the space between the picture and the question.
const picGap = 32

// Layout implements fyne.Layout.
func (l *questionLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	for i, f := range l.fits {
		if l.place(f, size, false) <= size.Height || i == len(l.fits)-1 {
			l.need = l.place(f, size, true)
			return
		}
	}
}

// MinSize implements fyne.Layout: the height the page took when last laid out.
func (l *questionLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, l.need) }

// place lays the page out by f in size and returns the height it takes; it moves the
// objects only if move is set (measuring resizes the paragraphs, which then know their
// heights).
func (l *questionLayout) place(f questionFit, size fyne.Size, move bool) float32 {
	s := l.s
	vp := s.viewport()
	l.prompt.setSize(f.prompt, s.size(f.prompt))
	for _, c := range l.cards {
		c.text.setSize(f.answer, s.size(f.answer))
		c.tap.MinHeight = f.cardH
		if c.pad.TopPadding != f.cardPad {
			c.pad.TopPadding, c.pad.BottomPadding, c.pad.LeftPadding = f.cardPad, f.cardPad, f.cardPad
			c.tap.Refresh()
		}
	}
	x, w, y := float32(0), size.Width, float32(0)
	var pic fyne.Size
	if l.picture != nil && f.pic > 0 {
		if l.portrait {
			h := vp.Height * f.pic
			pic = fyne.NewSize(min(2*h, w), h)
			y = h + f.gap
		} else {
			pic = fyne.NewSize(min(480, vp.Width*f.pic), size.Height)
			x, w = pic.Width+picGap, w-pic.Width-picGap
		}
	}
	top := y
	height := func(o fyne.CanvasObject, width float32) float32 {
		o.Resize(fyne.NewSize(width, o.Size().Height))
		return o.MinSize().Height
	}
	type spot struct {
		o    fyne.CanvasObject
		p    fyne.Position
		size fyne.Size
	}
	var spots []spot
	put := func(o fyne.CanvasObject, px, py, pw, ph float32) {
		spots = append(spots, spot{o, fyne.NewPos(px, py), fyne.NewSize(pw, ph)})
	}

	ph := height(l.prompt, w)
	put(l.prompt, x, y, w, ph)
	y += ph
	if l.hint != nil && !f.hintLow {
		hh := height(l.hint, w)
		put(l.hint, x, y, w, hh)
		y += hh
	}
	y += f.gap

	pad := s.size(theme.SizeNamePadding)
	cellW := (w - float32(f.cols-1)*pad) / float32(f.cols)
	for row := 0; row*f.cols < len(l.cards); row++ {
		cards := l.cards[row*f.cols : min(len(l.cards), (row+1)*f.cols)]
		var rh float32
		for _, c := range cards {
			rh = max(rh, height(c.tap, cellW))
		}
		for i, c := range cards {
			put(c.tap, x+float32(i)*(cellW+pad), y, cellW, rh)
		}
		y += rh + pad
	}
	y -= pad

	// The row under the cards: the reading (its bar, or its button), the hint where it
	// moved down, and 提交 at the right; the bar or the hint takes the width left over.
	type item struct {
		o    fyne.CanvasObject
		flex bool
	}
	var row []item
	if l.narration != nil {
		row = append(row, item{l.narration, l.barred})
	}
	if f.hintLow {
		row = append(row, item{l.hint, true})
	}
	if l.submit != nil {
		row = append(row, item{l.submit, false})
	}
	if len(row) > 0 {
		y += f.gap
		flexW := w - float32(len(row)-1)*2*pad
		for _, it := range row {
			if !it.flex {
				flexW -= it.o.MinSize().Width
			}
		}
		widths, heights := make([]float32, len(row)), make([]float32, len(row))
		var rh float32
		for i, it := range row {
			widths[i] = it.o.MinSize().Width
			if it.flex {
				widths[i] = flexW
			}
			heights[i] = height(it.o, widths[i])
			rh = max(rh, heights[i])
		}
		rx := x
		for i, it := range row {
			if it.o == l.submit { // at the right edge
				rx = x + w - widths[i]
			}
			put(it.o, rx, y+(rh-heights[i])/2, widths[i], heights[i])
			rx += widths[i] + 2*pad
		}
		y += rh
	}
	need := y
	if !move {
		return need
	}
	shift := float32(0)
	if l.portrait && need < size.Height { // the question in the middle of the tall screen
		shift = (size.Height - need) / 2
	}
	if l.picture != nil {
		if f.pic == 0 {
			l.picture.Objects = nil
		} else if len(l.picture.Objects) == 0 {
			l.picture.Objects = []fyne.CanvasObject{l.pictureObj}
		}
		if l.portrait {
			l.picture.Move(fyne.NewPos((size.Width-pic.Width)/2, shift+top-pic.Height-f.gap))
		} else {
			l.picture.Move(fyne.NewPos(0, 0))
		}
		l.picture.Resize(pic)
	}
	for _, sp := range spots {
		sp.o.Move(fyne.NewPos(sp.p.X, sp.p.Y+shift))
		sp.o.Resize(sp.size)
	}
	return need
}
