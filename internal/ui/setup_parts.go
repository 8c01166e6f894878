package ui

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// The teacher's setup screens (团队赛设置, 禁毒大富翁's 开始游戏) fit whole on every screen:
// each option is one row of a title and a segmented control, the name field is one row
// that opens the class keypad on its own page when tapped, and the start button is
// always on the first page. At 1280×800 an always-open keypad pushed the options and the
// start button under the bar.

// setupRow is one line of a setup screen: its title and its control.
type setupRow struct {
	title string
	ctl   fyne.CanvasObject
}

// setupRows lines the rows up: the titles in one column as wide as the widest, each
// control beside its title and as wide as the rest of the row.
func (s *Shell) setupRows(rows ...setupRow) *fyne.Container {
	w := float32(150)
	titles := make([]*canvas.Text, len(rows))
	for i, r := range rows {
		titles[i] = s.label(r.title, sizeLead, true, colorHeading)
		w = max(w, titles[i].MinSize().Width+24)
	}
	box := container.NewVBox()
	for i, r := range rows {
		title := container.NewStack(spacerW(w), container.NewVBox(layout.NewSpacer(), titles[i], layout.NewSpacer()))
		box.Add(container.NewBorder(nil, nil, title, nil, r.ctl))
	}
	return box
}

// segments is a choice of one of opts as a segmented control: a dark track with the
// chosen option white; pick gets the index of the option tapped.
func (s *Shell) segments(opts []string, chosen int, pick func(int)) fyne.CanvasObject {
	row := container.New(layout.NewCustomPaddedHBoxLayout(0))
	for i, o := range opts {
		i := i
		c := s.chipOn(o, i == chosen, color.Transparent, func() { pick(i) })
		c.MinWidth = targetHeight * 1.4
		row.Add(c)
	}
	track := container.NewStack(roundRect(color.NRGBA{A: 0x55}, targetHeight/2), row)
	return container.NewHBox(track)
}

// aside puts a muted note beside a control, centred on its height.
func (s *Shell) aside(ctl fyne.CanvasObject, note string) fyne.CanvasObject {
	text := container.New(layout.NewCustomPaddedLayout(0, 0, 20, 0),
		container.NewVBox(layout.NewSpacer(), s.para(note, sizeBody, false, colorNameMuted), layout.NewSpacer()))
	return container.NewBorder(nil, nil, ctl, nil, text)
}

// textField is a name field on the cream card: the value (bold), or the hint while it is
// empty; open shows the keypad. With open nil it is the field being typed in, framed.
func (s *Shell) textField(value, hint string, open func()) fyne.CanvasObject {
	size := fyne.ThemeSizeName(sizeLead)
	if utf8.RuneCountInString(value) > 10 { // a long class name still fits the field
		size = sizeBody
	}
	var lbl fyne.CanvasObject = s.label(value, size, true, colorCardText)
	if value == "" { // the hint wraps in a narrow field (portrait, large text)
		lbl = s.para(hint, sizeBody, false, colorNameCard)
	}
	rect := roundRect(colorCard, 20)
	face := container.NewStack(spacerH(targetHeight), rect,
		container.New(layout.NewCustomPaddedLayout(0, 0, 24, 24), container.NewVBox(layout.NewSpacer(), lbl, layout.NewSpacer())))
	if open == nil {
		rect.StrokeColor, rect.StrokeWidth = colorAccent, 5
		return face
	}
	t := s.tappable(face, s.tap(open))
	t.MinHeight = targetHeight
	return t
}

// keypadPage is where a name is typed: the field's row (title, field, buttons beside it)
// over the class keypad, centred on the page.
func (s *Shell) keypadPage(title string, field fyne.CanvasObject, keys *fyne.Container, side ...fyne.CanvasObject) fyne.CanvasObject {
	row := s.setupRows(setupRow{title, container.NewBorder(nil, nil, nil,
		container.New(layout.NewCustomPaddedLayout(0, 0, 12, 0), container.NewHBox(side...)), field)})
	return container.NewVBox(layout.NewSpacer(), row, spacerH(12), keys, layout.NewSpacer())
}

// startPill is a setup's start button: wide, in the accent colour, with a play sign.
func (s *Shell) startPill(text string, fn func()) *touch.Tappable {
	p := s.iconPill(theme.MediaPlayIcon(), text, colorAccent, fn)
	p.MinWidth = 280
	return p
}

// donePill closes a keypad page.
func (s *Shell) donePill(fn func()) *touch.Tappable {
	p := s.iconPill(theme.ConfirmIcon(), s.t("team.label.done"), colorAccent, fn)
	p.MinWidth = 200
	return p
}

// setupPage centres a setup's title and its rows on the page; on a short screen the
// zone's band is the title (the rows need the room).
func (s *Shell) setupPage(title string, rows fyne.CanvasObject) fyne.CanvasObject {
	page := container.NewVBox(layout.NewSpacer(), rows, layout.NewSpacer())
	if !s.shortScreen() {
		page.Objects = []fyne.CanvasObject{layout.NewSpacer(), s.label(title, sizeHeading, true, colorText),
			spacerH(16), rows, layout.NewSpacer()}
	}
	return page
}
