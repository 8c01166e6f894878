package chart

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// renderer lays a chart out again from its points at every size. What it drew is kept
// on the chart (drawing), so a renderer made again after the cache dropped the old one
// shows the same objects.
type renderer struct {
	c *Chart
	*drawing
}

// drawing is the objects of a chart at one size.
type drawing struct {
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *renderer) Destroy() {}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *renderer) MinSize() fyne.Size {
	return fyne.NewSize(r.c.TextSize*10, r.c.MinHeight)
}

func (r *renderer) Refresh() {
	r.build(r.size)
	canvas.Refresh(r.c)
}

// Layout draws the chart again when its size changed (Refresh does when its data did).
func (r *renderer) Layout(size fyne.Size) {
	if size == r.size && len(r.objs) > 0 {
		return
	}
	r.build(size)
}

func (r *renderer) build(size fyne.Size) {
	r.size = size
	r.objs = nil
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	if r.c.max() <= 0 {
		t := r.text(r.c.Empty, r.c.Muted, false)
		r.place(t, fyne.NewPos((size.Width-t.MinSize().Width)/2, (size.Height-t.MinSize().Height)/2))
		return
	}
	switch r.c.Kind {
	case Line:
		r.line(size)
	case Funnel:
		r.funnel(size)
	default:
		r.bars(size)
	}
}

func (r *renderer) text(s string, c color.Color, bold bool) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = r.c.TextSize
	t.TextStyle = fyne.TextStyle{Bold: bold}
	return t
}

// place adds an object at pos with its minimum size.
func (r *renderer) place(o fyne.CanvasObject, pos fyne.Position) {
	o.Move(pos)
	o.Resize(o.MinSize())
	r.objs = append(r.objs, o)
}

func (r *renderer) rect(c color.Color, pos fyne.Position, size fyne.Size, radius float32) {
	b := canvas.NewRectangle(c)
	b.CornerRadius = radius
	b.Move(pos)
	b.Resize(size)
	r.objs = append(r.objs, b)
}

// widest is the width of the widest of the labels, at most limit.
func (r *renderer) widest(limit float32, label func(Point) string) float32 {
	w := float32(0)
	for _, p := range r.c.Points {
		w = max(w, r.text(label(p), nil, false).MinSize().Width)
	}
	return min(w, limit)
}

// bars draws one row per point: its label on the left, the bar, and the value after it.
// Rows keep a readable height from the top. The labels' column takes what the values and
// a track of 15% of the width leave. When a label is longer than that and the chart is
// tall enough, the rows are stacked instead, each label on a line above its bar
// (stackedBars); otherwise a long label is cut with an ellipsis. (The staff
// overview's dwell card cut 看看“吸毒后的你” to 看看“吸毒后… at 1280×800, and every zone
// name in portrait.)
func (r *renderer) bars(size fyne.Size) {
	n := len(r.c.Points)
	label := func(p Point) string { return p.Label }
	valueW := r.widest(size.Width*0.4, func(p Point) string { return p.Text })
	gap := r.c.TextSize / 2
	labelW := r.widest(max(0, size.Width*0.85-valueW-2*gap), label)
	lineH := r.text("国", nil, false).MinSize().Height
	if r.widest(math.MaxFloat32, label) > labelW+1 {
		switch {
		case float32(n)*(2*lineH+r.c.TextSize*0.3) <= size.Height:
			r.stackedBars(size, valueW, lineH, true)
			return
		case float32(n)*(lineH+r.c.TextSize*0.6) <= size.Height:
			r.stackedBars(size, valueW, lineH, false)
			return
		}
	}
	rowH := min(size.Height/float32(n), r.c.TextSize*2.8)
	track := max(size.Width-labelW-valueW-2*gap, size.Width*0.15)
	barH := min(rowH*0.7, r.c.TextSize*1.4)
	for i, p := range r.c.Points {
		y := float32(i) * rowH
		lbl := r.text(r.fit(p.Label, labelW), r.c.Text, false)
		lh := lbl.MinSize().Height
		r.place(lbl, fyne.NewPos(max(0, labelW-lbl.MinSize().Width), y+(rowH-lh)/2)) // fit allows a pixel over
		r.bar(p, fyne.NewPos(labelW+gap, y+(rowH-barH)/2), track, barH)
		v := r.text(r.fit(p.Text, valueW), r.c.Text, true)
		r.place(v, fyne.NewPos(labelW+2*gap+track, y+(rowH-v.MinSize().Height)/2))
	}
}

// stackedBars draws each row as its label on a line of its own (lineH high) and the bar
// under it across the width, with the value after the bar (roomy); where the chart is too
// low for that, the value goes after the label and the bar is thinner: 0.4 text size high
// or more, with up to 0.7 text size left as a gap before the next row.
func (r *renderer) stackedBars(size fyne.Size, valueW, lineH float32, roomy bool) {
	ts := r.c.TextSize
	n := float32(len(r.c.Points))
	for i, p := range r.c.Points {
		v := r.text(r.fit(p.Text, valueW), r.c.Text, true)
		vh := v.MinSize().Height
		if roomy {
			rowH := min(size.Height/n, 2*lineH+ts*0.7)
			y := float32(i) * rowH
			r.place(r.text(r.fit(p.Label, size.Width), r.c.Text, false), fyne.NewPos(0, y))
			barH := min(ts*1.1, vh)
			track := max(size.Width-valueW-ts/2, size.Width*0.15)
			r.bar(p, fyne.NewPos(0, y+lineH+(vh-barH)/2), track, barH)
			r.place(v, fyne.NewPos(track+ts/2, y+lineH))
			continue
		}
		rowH := min(size.Height/n, lineH+ts*1.7)
		y := float32(i) * rowH
		r.place(r.text(r.fit(p.Label, size.Width-valueW-ts/2), r.c.Text, false), fyne.NewPos(0, y))
		r.place(v, fyne.NewPos(size.Width-v.MinSize().Width, y+(lineH-vh)/2))
		r.bar(p, fyne.NewPos(0, y+lineH), size.Width, max(ts*0.4, min(ts, (rowH-lineH)*0.6)))
	}
}

// bar draws p's bar at pos on a track of the given width.
func (r *renderer) bar(p Point, pos fyne.Position, track, barH float32) {
	w := track * float32(p.Value/r.c.max())
	fill := r.c.Color
	if p.Color != nil {
		fill = p.Color
	}
	r.rect(color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0x14}, pos, fyne.NewSize(track, barH), barH/4)
	if w > 0 {
		r.rect(fill, pos, fyne.NewSize(max(w, 4), barH), barH/4)
	}
}

// fit cuts text with an ellipsis until it is at most w wide.
func (r *renderer) fit(text string, w float32) string {
	if r.text(text, nil, false).MinSize().Width <= w+1 {
		return text
	}
	runes := []rune(text)
	for n := len(runes) - 1; n > 0; n-- {
		t := string(runes[:n]) + "…"
		if r.text(t, nil, false).MinSize().Width <= w+1 {
			return t
		}
	}
	return "…"
}

// line draws the values as a line over the labels, with the largest value marked.
func (r *renderer) line(size fyne.Size) {
	n := len(r.c.Points)
	top := r.text("0", nil, false).MinSize().Height
	labelH := top * 1.2
	left := r.c.TextSize * 0.5
	plotW := size.Width - 2*left
	plotH := size.Height - labelH - top*1.2
	if plotH <= 0 || plotW <= 0 {
		return
	}
	x := func(i int) float32 {
		if n == 1 {
			return left + plotW/2
		}
		return left + plotW*float32(i)/float32(n-1)
	}
	y := func(v float64) float32 { return top*1.2 + plotH*(1-float32(v/r.c.max())) }
	base := canvas.NewLine(r.c.Muted)
	base.StrokeWidth = 2
	base.Position1, base.Position2 = fyne.NewPos(left, top*1.2+plotH), fyne.NewPos(left+plotW, top*1.2+plotH)
	r.objs = append(r.objs, base)
	// Labels where they fit: every step-th point, and never two overlapping.
	widest := r.widest(plotW, func(p Point) string { return p.Label }) + r.c.TextSize
	step := max(1, int(math.Ceil(float64(widest*float32(n)/max(plotW, 1)))))
	for i, p := range r.c.Points {
		if i%step != 0 {
			continue
		}
		t := r.text(p.Label, r.c.Muted, false)
		tx := min(max(x(i)-t.MinSize().Width/2, 0), size.Width-t.MinSize().Width)
		r.place(t, fyne.NewPos(tx, size.Height-labelH))
	}
	peak := 0
	for i, p := range r.c.Points {
		if p.Value > r.c.Points[peak].Value {
			peak = i
		}
		if i > 0 {
			seg := canvas.NewLine(r.c.Color)
			seg.StrokeWidth = max(3, r.c.TextSize/8)
			seg.Position1 = fyne.NewPos(x(i-1), y(r.c.Points[i-1].Value))
			seg.Position2 = fyne.NewPos(x(i), y(p.Value))
			r.objs = append(r.objs, seg)
		}
	}
	d := r.c.TextSize / 2.5
	for i, p := range r.c.Points {
		dot := canvas.NewCircle(r.c.Color)
		dot.Move(fyne.NewPos(x(i)-d/2, y(p.Value)-d/2))
		dot.Resize(fyne.NewSize(d, d))
		r.objs = append(r.objs, dot)
	}
	pk := r.c.Points[peak]
	t := r.text(pk.Text, r.c.Text, true)
	tx := min(max(x(peak)-t.MinSize().Width/2, 0), size.Width-t.MinSize().Width)
	r.place(t, fyne.NewPos(tx, max(y(pk.Value)-top*1.15, 0)))
}

// funnel draws each step as a centred bar whose width is its share of the first step,
// with its label on the left and its count and share on the bar. Where a label would take
// more than 40% of the width and the rows are tall enough (the portrait card), each label
// goes on a line of its own above its bar, which then has the whole width.
func (r *renderer) funnel(size fyne.Size) {
	n := len(r.c.Points)
	rowH := size.Height / float32(n)
	label := func(p Point) string { return p.Label }
	labelW := r.widest(size.Width*0.4, label)
	gap := r.c.TextSize / 2
	lineH := r.text("国", nil, false).MinSize().Height
	stacked := r.widest(math.MaxFloat32, label) > labelW+1 && rowH >= 2.5*lineH
	left, track, barH := labelW+gap, size.Width-labelW-gap, rowH*0.8
	if stacked {
		left, track, barH = 0, size.Width, min(rowH-lineH-gap, lineH*1.6)
	}
	first := r.c.Points[0].Value
	if first <= 0 {
		first = r.c.max()
	}
	for i, p := range r.c.Points {
		yy := float32(i) * rowH
		barY := yy + (rowH-barH)/2
		if stacked {
			r.place(r.text(r.fit(p.Label, size.Width), r.c.Text, false), fyne.NewPos(0, yy))
			barY = yy + lineH + gap/2
		} else {
			lbl := r.text(r.fit(p.Label, labelW), r.c.Text, false)
			r.place(lbl, fyne.NewPos(max(0, labelW-lbl.MinSize().Width), yy+(rowH-lbl.MinSize().Height)/2))
		}
		w := max(track*float32(p.Value/first), 6)
		alpha := uint8(0xFF - 0x20*min(i, 4))
		fill := withAlpha(r.c.Color, alpha)
		r.rect(fill, fyne.NewPos(left+(track-w)/2, barY), fyne.NewSize(w, barH), 8)
		v := r.text(p.Text, r.c.Text, true)
		r.place(v, fyne.NewPos(left+(track-v.MinSize().Width)/2, barY+(barH-v.MinSize().Height)/2))
	}
}

func withAlpha(c color.Color, a uint8) color.Color {
	cr, cg, cb, _ := c.RGBA()
	return color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: a}
}
