package ink

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/internal/wall"
)

var (
	inks  = []color.NRGBA{{A: 255}, {R: 200, A: 255}, {B: 200, A: 255}}
	paper = color.NRGBA{R: 250, G: 246, B: 238, A: 255}
)

func newPad(t testing.TB) (*Pad, fyne.Window) {
	test.NewTempApp(t)
	p := NewPad(2, inks, paper)
	w := test.NewTempWindow(t, container.NewStack(p))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 400))
	return p, w
}

func drag(p *Pad, from fyne.Position, n int, d fyne.Delta) {
	pos := from
	for i := 0; i < n; i++ {
		pos = pos.Add(d)
		p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: d})
	}
	p.DragEnd()
}

// TestPadInk: a drag becomes a stroke in the chosen ink, drawn where the finger went;
// undo and clear take strokes away from the picture too.
func TestPadInk(t *testing.T) {
	p, w := newPad(t)
	changed := 0
	p.OnChanged = func() { changed++ }
	p.Ink = 1
	drag(p, fyne.NewPos(100, 170), 60, fyne.Delta{DX: 10})
	d := p.Drawing()
	if len(d.Strokes) != 1 || d.Strokes[0].Color != 1 || changed != 1 {
		t.Fatalf("%d strokes, colour %d, %d changes", len(d.Strokes), d.Strokes[0].Color, changed)
	}
	if pt := d.Strokes[0].Points[0]; pt.X < 0.11 || pt.X > 0.14 || pt.Y < 0.2 || pt.Y > 0.22 {
		t.Fatalf("stroke starts at %+v", pt)
	}
	img := w.Canvas().Capture()
	if c := color.NRGBAModel.Convert(img.At(400, 170)).(color.NRGBA); c.R < 150 || c.G > 80 {
		t.Fatalf("the stroke is not drawn in red: %v", c)
	}
	if c := color.NRGBAModel.Convert(img.At(400, 140)).(color.NRGBA); c != paper {
		t.Fatalf("paper away from the stroke is %v", c)
	}
	p.Undo()
	if !p.Empty() {
		t.Fatal("undo left a stroke")
	}
	img = w.Canvas().Capture()
	if c := color.NRGBAModel.Convert(img.At(400, 170)).(color.NRGBA); c != paper {
		t.Fatalf("an undone stroke is still drawn: %v", c)
	}
	p.Tapped(&fyne.PointEvent{Position: fyne.NewPos(400, 200)})
	if p.Drawing().Points() != 1 {
		t.Fatal("a tap leaves no dot")
	}
	p.Clear()
	if !p.Empty() || changed != 4 {
		t.Fatalf("clear: empty %v, %d changes", p.Empty(), changed)
	}
}

// TestPadFlood: thousands of moves stay within the drawing's bounds, quickly.
func TestPadFlood(t *testing.T) {
	p, _ := newPad(t)
	for s := 0; s < 300; s++ {
		drag(p, fyne.NewPos(10, 10), 2000, fyne.Delta{DX: 0.7, DY: 0.19})
	}
	d := p.Drawing()
	if len(d.Strokes) > wall.MaxStrokes || d.Points() > wall.MaxPoints {
		t.Fatalf("%d strokes, %d points", len(d.Strokes), d.Points())
	}
	m := wall.Message{Kind: wall.KindInk, Ink: d}
	if err := m.Check(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkPadMove is the cost of one pointer move on the canvas: the point kept and the
// segment to it placed (the frame then draws it).
func BenchmarkPadMove(b *testing.B) {
	p, w := newPad(b)
	_ = w
	pos := fyne.NewPos(20, 20)
	p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}})
	i := 0
	for b.Loop() {
		i++
		if i%400 == 0 { // a new stroke now and then, as a hand lifts
			p.DragEnd()
			p.Undo()
		}
		d := fyne.Delta{DX: 1.5, DY: float32(i%7) - 3}
		pos = fyne.NewPos(20+float32(i%400)*1.5, 200+d.DY)
		p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: d})
	}
}

// BenchmarkBareCanvasMove is the yardstick for BenchmarkPadMove: the least a Fyne canvas
// does per pointer move to show a stroke, one canvas.Line added to a container.
func BenchmarkBareCanvasMove(b *testing.B) {
	test.NewTempApp(b)
	c := container.NewWithoutLayout()
	w := test.NewTempWindow(b, c)
	w.Resize(fyne.NewSize(800, 400))
	last := fyne.NewPos(20, 200)
	i := 0
	for b.Loop() {
		i++
		if i%400 == 0 {
			c.Objects = c.Objects[:0]
		}
		pos := fyne.NewPos(20+float32(i%400)*1.5, 200+float32(i%7)-3)
		l := canvas.NewLine(inks[0])
		l.StrokeWidth = 8
		l.Position1, l.Position2 = last, pos
		last = pos
		c.Add(l)
	}
}
