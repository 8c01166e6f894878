package keyboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// renderer draws the keyboard: the text box, the pinyin line, the candidates and the keys,
// each key a rounded rectangle with a label. Objects are pooled and reused on refresh.
type renderer struct {
	k       *Keyboard
	display *canvas.Rectangle
	lines   []*canvas.Text
	caret   *canvas.Rectangle
	count   *canvas.Text
	compose *canvas.Text
	rects   []*canvas.Rectangle
	labels  []*canvas.Text
	objects []fyne.CanvasObject
	size    fyne.Size
}

func newRenderer(k *Keyboard) *renderer {
	r := &renderer{
		k:       k,
		display: canvas.NewRectangle(k.opts.Colors.Display),
		caret:   canvas.NewRectangle(k.opts.Colors.Accent),
		count:   canvas.NewText("", k.opts.Colors.Muted),
		compose: canvas.NewText("", k.opts.Colors.Accent),
	}
	for range 2 {
		r.lines = append(r.lines, canvas.NewText("", k.opts.Colors.Text))
	}
	return r
}

func (r *renderer) Layout(s fyne.Size) {
	r.size = s
	r.Refresh()
}

func (r *renderer) MinSize() fyne.Size { return r.k.MinSize() }

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) Destroy() {}

// Refresh places and colours everything for the current state.
func (r *renderer) Refresh() {
	k, c := r.k, r.k.opts.Colors
	a := k.arrange(r.size)
	r.drawText(a)

	r.compose.Hidden = k.st.english
	r.compose.Text, r.compose.Color = k.st.input, c.Accent
	if k.st.input == "" && !k.st.symbols {
		r.compose.Text, r.compose.Color = "输入拼音，点选汉字", c.Muted
	}
	r.compose.TextSize = a.unit * 0.36
	r.compose.Move(fyne.NewPos(a.compose.x+a.unit*0.2, a.compose.y+(a.compose.h-r.compose.MinSize().Height)/2))
	r.compose.Refresh()

	for len(r.rects) < len(a.keys) {
		rect := canvas.NewRectangle(c.Key)
		label := canvas.NewText("", c.KeyText)
		label.Alignment = fyne.TextAlignCenter
		r.rects = append(r.rects, rect)
		r.labels = append(r.labels, label)
	}
	for i, rect := range r.rects {
		label := r.labels[i]
		if i >= len(a.keys) {
			rect.Hide()
			label.Hide()
			continue
		}
		ky := a.keys[i]
		rect.Show()
		label.Show()
		fill, ink, size := c.Key, c.KeyText, a.keyText
		switch ky.kind {
		case kCand:
			fill, size = c.Display, a.candText
			if ky.cand == 0 {
				ink = c.Accent // the one space commits
			}
		case kPrev, kNext:
			fill, size = c.Special, a.candText
		case kBackspace, kShift, kClear, kSymbols, kLang, kSpace:
			fill, size = c.Special, a.keyText*0.8
			if ky.kind == kShift && k.st.shift {
				fill = c.Pressed
			}
		}
		if i == k.st.pressed {
			fill = c.Pressed
		}
		rect.FillColor = fill
		rect.CornerRadius = a.unit * 0.14
		rect.Move(fyne.NewPos(ky.x, ky.y))
		rect.Resize(fyne.NewSize(ky.w, ky.h))
		rect.Refresh()
		label.Text, label.Color, label.TextSize = ky.label, ink, size
		lh := label.MinSize().Height
		label.Move(fyne.NewPos(ky.x, ky.y+(ky.h-lh)/2))
		label.Resize(fyne.NewSize(ky.w, lh))
		label.Refresh()
	}
	r.collect()
}

// drawText lays the committed text in the box, broken by width (the last lines if it is
// longer than the box), with a caret after it and the counter in the corner.
func (r *renderer) drawText(a arrangement) {
	k, c := r.k, r.k.opts.Colors
	d := a.display
	r.display.Move(fyne.NewPos(d.x, d.y))
	r.display.Resize(fyne.NewSize(d.w, d.h))
	r.display.CornerRadius = a.unit * 0.14
	r.display.Refresh()

	pad := a.textSize * 0.5
	r.count.Text = k.Counter()
	r.count.TextSize = max(a.textSize*0.6, 20)
	r.count.Color = c.Muted
	if k.Full() {
		r.count.Color = c.Warn
	}
	cs := r.count.MinSize()
	r.count.Move(fyne.NewPos(d.x+d.w-cs.Width-pad, d.y+d.h-cs.Height-pad*0.4))
	r.count.Refresh()

	width := d.w - 2*pad - cs.Width - pad
	text, ink := string(k.st.text), c.Text
	placeholder := len(k.st.text) == 0 && k.opts.Placeholder != ""
	if placeholder {
		text, ink = k.opts.Placeholder, c.Muted
	}
	lines := wrap(text, width, a.textSize)
	if len(lines) > a.lines {
		lines = lines[len(lines)-a.lines:]
	}
	lh := a.textSize * 1.4
	for i, t := range r.lines {
		t.Hidden = i >= len(lines) || i >= a.lines
		if t.Hidden {
			continue
		}
		t.Text, t.Color, t.TextSize = lines[i], ink, a.textSize
		t.Move(fyne.NewPos(d.x+pad, d.y+pad*0.8+float32(i)*lh))
		t.Refresh()
	}
	// The caret follows the last line (or starts the box when it is empty).
	cx, cy := d.x+pad, d.y+pad*0.8
	if n := len(lines); n > 0 && !placeholder {
		cx += measure(lines[n-1], a.textSize) + 2
		cy += float32(n-1) * lh
	}
	r.caret.Move(fyne.NewPos(cx, cy+a.textSize*0.15))
	r.caret.Resize(fyne.NewSize(max(3, a.textSize*0.08), a.textSize*1.15))
	r.caret.Refresh()
}

func (r *renderer) collect() {
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.display, r.caret, r.count, r.compose)
	for _, t := range r.lines {
		r.objects = append(r.objects, t)
	}
	for i := range r.rects {
		r.objects = append(r.objects, r.rects[i], r.labels[i])
	}
}

// wrap breaks text into lines no wider than width, between any two characters (Chinese
// has no spaces), preferring a space for Latin words.
func wrap(text string, width, size float32) []string {
	if text == "" {
		return nil
	}
	var lines []string
	rs := []rune(text)
	start := 0
	for start < len(rs) {
		end := start + 1
		for end < len(rs) && measure(string(rs[start:end+1]), size) <= width {
			end++
		}
		if end < len(rs) {
			for sp := end - 1; sp > start; sp-- {
				if rs[sp] == ' ' {
					end = sp + 1
					break
				}
			}
		}
		lines = append(lines, string(rs[start:end]))
		start = end
	}
	return lines
}
