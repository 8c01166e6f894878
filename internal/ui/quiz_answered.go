package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/quiz"
)

// On a short landscape screen (1280×800), and under a long question or five answers on
// any landscape screen, full-size answer cards left the feedback a thin strip: its verdict
// cut through, the explanation under 上滑查看更多. Once the visitor has
// answered, the cards are nothing to tap any more, so there they fold into low rows (the
// right answers and the visitor's own; the other wrong ones and the picture go) and the
// feedback card comes first in the room that is left.

// compactPad is the padding of the feedback card on a short screen.
const compactPad = 14

// compactAnswers tells whether an answered question always folds its answer cards away:
// on a short landscape screen. Elsewhere in landscape they fold only where they leave the
// feedback too little room (a firstFit of the two ways).
func (v *soloView) compactAnswers() bool {
	vp := v.s.viewport()
	return v.last != nil && v.s.shortScreen() && vp.Width > vp.Height
}

// answered is the question, the answer rows and the feedback card under them. The card
// gets the height it needs where there is room. Where there is not, the question steps
// back to a smaller size, the rows keep their first line (the visitor's answer and the
// right one) and the rest of them scrolls, and the card keeps its verdict, the right
// answer and the first lines of the explanation, the rest of which scrolls.
func (v *soloView) answered(q quiz.Presented) fyne.CanvasObject {
	s := v.s
	text := s.tx(q.Prompt)
	big := s.promptSize(text)
	prompt := s.para(text, big, true, "")
	rows := v.answeredRows(q)
	f := v.feedbackParts(true)
	side := container.NewVBox(layout.NewSpacer(), f.btn, layout.NewSpacer())
	fb := card(colorSurface, 28, compactPad, container.NewBorder(nil, nil, nil, side, s.scrollTextOn(f.text, colorSurface)))
	const rowsPad = 8 + 12 // above and below the rows
	l := &answeredLayout{
		prompt: func(large bool) {
			if large {
				prompt.setSize(big, s.size(big))
			} else {
				prompt.setSize(sizeLead, s.size(sizeLead))
			}
		},
		rows: func() float32 { return rows.MinSize().Height + rowsPad },
		rowsLeast: func() float32 {
			var line float32 // the grid's rows are all as tall as its tallest cell
			for _, o := range rows.Objects {
				line = max(line, o.MinSize().Height)
			}
			return line + rowsPad
		},
		natural: func() float32 { return max(f.text.MinSize().Height, f.btn.MinSize().Height) + 2*compactPad },
		least: func(lines int) float32 {
			text := f.head.MinSize().Height + f.expl.topLines(lines)
			if text < f.text.MinSize().Height { // the scroll cue lies over the card's foot
				text += s.size(sizeSmall) * 1.5
			}
			return max(text, f.btn.MinSize().Height) + 2*compactPad
		},
	}
	return container.New(l, prompt,
		container.New(layout.NewCustomPaddedLayout(8, 12, 0, 0), s.scrollText(rows)), fb)
}

// answeredLayout stacks the question (objs[0]), the answer rows (objs[1]) and the
// feedback card (objs[2]). The question keeps its size if everything fits so, else it is
// set smaller (prompt). The card gets what it needs (natural) if the rows leave that; else
// down to two lines of its explanation as long as the rows keep their first line; and
// never less than one line of it. The rows get what is left, at most what they need.
type answeredLayout struct {
	prompt                   func(large bool)
	rows, rowsLeast, natural func() float32
	least                    func(lines int) float32 // the card down to lines of its explanation
}

func (l *answeredLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != 3 {
		return
	}
	prompt, rowsObj, cardObj := objs[0], objs[1], objs[2]
	// A paragraph breaks its lines on Resize: then it knows its height.
	l.prompt(true)
	prompt.Resize(fyne.NewSize(size.Width, prompt.Size().Height))
	if prompt.MinSize().Height+l.rows()+l.natural() > size.Height {
		l.prompt(false)
	}
	ph := prompt.MinSize().Height
	prompt.Move(fyne.NewPos(0, 0))
	prompt.Resize(fyne.NewSize(size.Width, ph))

	want, h := l.natural(), max(0, size.Height-ph)
	card := min(want, max(h-l.rows(), min(l.least(2), h-l.rowsLeast()), l.least(1)))
	card = max(0, min(card, h))
	rows := max(0, min(l.rows(), h-card))
	// Room left over (a tall screen where five answer cards did not fit but their rows do)
	// goes a third above the rows and the card, two thirds under them: the answer sits
	// in the eye line instead of leaving the lower half of the screen empty.
	top := ph + max(0, h-rows-card)/3
	rowsObj.Move(fyne.NewPos(0, top))
	rowsObj.Resize(fyne.NewSize(size.Width, rows))
	cardObj.Move(fyne.NewPos(0, top+rows))
	cardObj.Resize(fyne.NewSize(size.Width, card))
}

// MinSize asks for little: a small window squeezes the card's text, which then scrolls.
func (l *answeredLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	h := min(l.natural(), l.least(1))
	if len(objs) > 0 {
		h += objs[0].MinSize().Height
	}
	return fyne.NewSize(w, h)
}

// answeredRows are the visitor's own answers, in the order shown, two to a line like the
// cards they replace; and the right answers too where that keeps them to one line (one
// answer to pick). A multi-answer question names its right answers in the card only:
// rows of them all would push the explanation off the screen.
func (v *soloView) answeredRows(q quiz.Presented) *fyne.Container {
	right := q.RightPositions()
	withRight := len(right) == 1
	var rows []fyne.CanvasObject
	for k, idx := range q.Order {
		yours, ok := contains(v.last.Picked, k), contains(right, k)
		if yours || (ok && withRight) {
			rows = append(rows, v.answeredRow(v.s.tx(q.Choices[idx]), ok, yours))
		}
	}
	return container.New(layout.NewGridLayoutWithColumns(2), rows...)
}

// answeredRow is one answer after the answer, a row that taps nothing: its ✓ or ✗ (never
// colour alone, and the right one framed in white), the answer in words, and 你的选择 on
// the visitor's own.
func (v *soloView) answeredRow(text string, right, yours bool) fyne.CanvasObject {
	s := v.s
	bg, disc := colorBad, colorBg
	sign := widget.NewIcon(theme.CancelIcon())
	if right {
		bg, disc = colorGood, colorText
		sign = widget.NewIcon(theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameBackground))
	}
	badge := container.NewGridWrap(fyne.NewSize(48, 48), container.NewStack(canvas.NewCircle(disc), padded(6, sign)))
	var tag fyne.CanvasObject
	if yours {
		tag = container.NewCenter(s.label(s.t("quiz.yours"), sizeSmall, true, colorText))
	}
	row := container.NewBorder(nil, nil, container.NewCenter(badge), tag,
		container.New(layout.NewCustomPaddedLayout(0, 0, 14, 8), s.para(text, sizeBody, false, "")))
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = 20
	face := container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(4, 4, 8, 18), row))
	if !right {
		return face
	}
	frame := canvas.NewRectangle(color.Transparent)
	frame.CornerRadius, frame.StrokeColor, frame.StrokeWidth = 20, colorText, 4
	return container.NewStack(face, frame)
}
