package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// targetHeight is the minimum touch target of the touch UX rules.
const targetHeight = 88

// size returns a theme size.
func (s *Shell) size(n fyne.ThemeSizeName) float32 { return s.th.Size(n) }

// label is one line of text that does not wrap.
func (s *Shell) label(text string, size fyne.ThemeSizeName, bold bool, c color.Color) *canvas.Text {
	t := canvas.NewText(text, c)
	t.TextSize = s.size(size)
	t.TextStyle = fyne.TextStyle{Bold: bold}
	return t
}

// para is wrapping text, broken into lines by 禁则.
func (s *Shell) para(text string, size fyne.ThemeSizeName, bold bool, c fyne.ThemeColorName) *paraText {
	return newParaText(text, s.size(size), widget.RichTextStyle{
		SizeName: size, ColorName: c, TextStyle: fyne.TextStyle{Bold: bold}, Inline: true}, s.widths)
}

// pill is a rounded button at least targetHeight tall.
func (s *Shell) pill(text string, bg color.Color, fn func()) *touch.Tappable {
	return s.iconPill(nil, text, bg, fn)
}

// iconPill is a pill with a theme icon before its text.
func (s *Shell) iconPill(icon fyne.Resource, text string, bg color.Color, fn func()) *touch.Tappable {
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = targetHeight / 2
	lbl := s.label(text, sizeButton, false, colorText)
	lbl.Alignment = fyne.TextAlignCenter
	var inner fyne.CanvasObject = lbl
	if icon != nil {
		ic := container.NewGridWrap(fyne.NewSize(36, 36), widget.NewIcon(icon))
		inner = ic
		if text != "" {
			inner = container.NewHBox(ic, lbl)
		}
	}
	content := container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(0, 0, 26, 26), container.NewCenter(inner)))
	t := s.tappable(content, s.tap(fn))
	t.MinHeight = targetHeight
	t.MinWidth = targetHeight * 1.4
	return t
}

// card is a rounded panel of colour c behind obj, with padding p.
func card(c color.Color, radius, p float32, obj fyne.CanvasObject) *fyne.Container {
	rect := canvas.NewRectangle(c)
	rect.CornerRadius = radius
	return container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(p, p, p, p), obj))
}

// illustration puts an image on the cream card marked 示意图 · illustration; the image
// takes slot ("" for none).
func (s *Shell) illustration(slot, path string, minSize fyne.Size) fyne.CanvasObject {
	img := s.imageIn(slot, path)
	mark := s.label(s.d.Strings.T(content.Zh, "common.illustration")+" · illustration", sizeSmall, false, colorCardText)
	bottom := container.NewHBox(mark, layout.NewSpacer())
	inner := container.NewBorder(nil, bottom, nil, nil, img)
	box := card(colorCard, 24, 20, inner)
	sp := canvas.NewRectangle(color.Transparent)
	sp.SetMinSize(minSize)
	return container.NewStack(sp, box)
}

// header is a zone's coloured title band with optional controls on the right.
func (s *Shell) header(zone content.Zone, right fyne.CanvasObject) fyne.CanvasObject {
	c := readableOn(hexOr(zone.Color, colorAccent))
	bg := canvas.NewLinearGradient(c, darker(c, 0.25), 90)
	title := s.label(s.tx(zone.Title), sizeHeading, true, colorText)
	other := s.other(zone.Title)
	sub := s.label(other, sizeLead, false, colorMuted)
	left := container.NewHBox(title, container.NewCenter(sub))
	hasControls := right != nil
	if right == nil {
		right = layout.NewSpacer()
	}
	var row fyne.CanvasObject = container.NewBorder(nil, nil, left, right)
	if s.narrow() || (s.v.Lang() == content.En && hasControls) { // controls go under the title
		row = container.NewVBox(left, container.NewHBox(right))
	}
	sp := canvas.NewRectangle(color.Transparent)
	h, pad := float32(128), float32(16)
	if s.shortScreen() { // 800 px high: the band gives its height to the page
		h, pad = 96, 10
	}
	sp.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(bg, sp, container.New(layout.NewCustomPaddedLayout(pad, pad, 48, 48), row))
}

// viewport is the window's size; 1920×1080 before the window has one.
func (s *Shell) viewport() fyne.Size {
	if sz := s.win.Canvas().Size(); sz.Width > 0 && sz.Height > 0 {
		return sz
	}
	return fyne.NewSize(1920, 1080)
}

// narrow is true below 1500 px wide (1280×800 landscape, 1080×1920 portrait).
func (s *Shell) narrow() bool { return s.viewport().Width < 1500 }

// detail puts an illustration beside the text (landscape) or above it (portrait), sized
// to the window so that both fit on 1920×1080, 1280×800 and 1080×1920 screens; the
// illustration takes slot (detailSlot: the same box on every page of a zone).
func (s *Shell) detail(slot, image string, text fyne.CanvasObject) fyne.CanvasObject {
	vp := s.viewport()
	if vp.Height > vp.Width {
		h := vp.Height * 0.26
		ill := s.illustration(slot, image, fyne.NewSize(h*4/3, h))
		return container.NewBorder(container.NewCenter(ill), nil, nil, nil,
			container.New(layout.NewCustomPaddedLayout(24, 0, 0, 0), text))
	}
	// The width is fixed; the height gives way to large text (the image scales down).
	w := min(600, vp.Width*0.3)
	ill := s.illustration(slot, image, fyne.NewSize(w, min(w/2, vp.Height*0.12)))
	return container.NewBorder(nil, nil, ill, nil,
		container.New(layout.NewCustomPaddedLayout(0, 0, 40, 0), text))
}

// settingRow is a heading with its choice chips on one line (staff and teacher screens).
func (s *Shell) settingRow(title string, chips ...fyne.CanvasObject) fyne.CanvasObject {
	if s.narrow() { // the label above its chips: a half-screen column has no room beside them
		return container.NewVBox(s.label(title, sizeLead, true, colorHeading), container.NewHBox(chips...))
	}
	lbl := container.NewStack(spacerW(200), container.NewCenter(s.label(title, sizeLead, true, colorHeading)))
	return container.NewHBox(lbl, container.NewHBox(chips...))
}

// hexOr parses #RRGGBB, or returns def.
func hexOr(s string, def color.NRGBA) color.NRGBA {
	if len(s) != 7 || s[0] != '#' {
		return def
	}
	return hex(s)
}

// section is a heading over a paragraph (appearance, harms, …).
func (s *Shell) section(heading, body string) fyne.CanvasObject {
	h := s.label(heading, sizeLead, true, colorHeading)
	return container.NewVBox(h, s.para(body, sizeBody, false, ""))
}

// padded wraps obj with equal padding.
func padded(p float32, obj fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewCustomPaddedLayout(p, p, p, p), obj)
}

// chip is a filter or era button on a coloured header: white when selected.
func (s *Shell) chip(text string, selected bool, fn func()) *touch.Tappable {
	return s.chipOn(text, selected, color.NRGBA{A: 0x55}, fn)
}

// chipOn is a chip whose ground is off when it is not selected.
func (s *Shell) chipOn(text string, selected bool, off color.Color, fn func()) *touch.Tappable {
	var bg color.Color = off
	fg := colorText
	if selected {
		bg, fg = colorText, colorBg
	}
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = targetHeight / 2
	lbl := s.label(text, sizeButton, selected, fg)
	content := container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(0, 0, 26, 26), container.NewCenter(lbl)))
	t := s.tappable(content, s.tap(fn))
	t.MinHeight = targetHeight
	return t
}
