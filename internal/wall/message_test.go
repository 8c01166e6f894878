package wall

import (
	"errors"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	ink := &Ink{Aspect: 2, Strokes: []Stroke{{Color: 1, Points: []Point{{0.1, 0.1}, {0.5, 0.4}}}}}
	for _, c := range []struct {
		m    Message
		want error
	}{
		{Message{Kind: KindText, Text: "远离毒品"}, nil},
		{Message{Kind: KindText, Text: "  "}, ErrEmpty},
		{Message{Kind: KindText, Text: strings.Repeat("毒", MaxTextRunes+1)}, ErrTooLong},
		{Message{Kind: KindText, Text: "好", Group: strings.Repeat("班", MaxGroupRunes+1)}, ErrTooLong},
		{Message{Kind: KindPhrase, Text: "珍爱生命", Phrase: "p1"}, nil},
		{Message{Kind: KindPhrase, Text: "珍爱生命"}, ErrEmpty},
		{Message{Kind: KindInk, Ink: ink}, nil},
		{Message{Kind: KindInk, Ink: &Ink{Aspect: 2}}, ErrEmpty},
		{Message{Kind: KindInk}, ErrEmpty},
		{Message{Kind: KindInk, Ink: &Ink{Aspect: 2, Strokes: []Stroke{{Points: []Point{{0.5, 0.9}}}}}}, ErrInk},
		{Message{Kind: KindInk, Ink: &Ink{Aspect: 2, Strokes: []Stroke{{Color: 7, Points: []Point{{0.5, 0.1}}}}}}, ErrInk},
		{Message{Kind: KindInk, Ink: &Ink{Aspect: float32(math.NaN()), Strokes: ink.Strokes}}, ErrInk},
		{Message{Kind: "video", Text: "x"}, ErrKind},
	} {
		err := c.m.Check()
		if (c.want == nil) != (err == nil) || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("%+v: Check() = %v, want %v", c.m, err, c.want)
		}
	}
}

// TestPenFlood drags a finger far beyond every bound: the drawing stops growing at the
// bounds, stays valid, and a resting finger adds nothing.
func TestPenFlood(t *testing.T) {
	p := NewPen(4.0 / 3)
	p.Begin(Point{0.5, 0.3}, 0)
	for i := 0; i < 1000; i++ {
		p.Move(Point{0.5, 0.3}) // resting
	}
	if n := p.Ink().Points(); n != 1 {
		t.Fatalf("a resting finger kept %d points", n)
	}
	for s := 0; s < 1000; s++ {
		p.Begin(Point{0, 0}, s%InkColors)
		for i := 0; i < 5000; i++ {
			p.Move(Point{float32(i%100) / 50, float32(i%37) / 20}) // off the canvas too
		}
		p.End()
	}
	ink := p.Ink()
	if len(ink.Strokes) > MaxStrokes || ink.Points() > MaxPoints || !p.Full() {
		t.Fatalf("%d strokes, %d points, full %v", len(ink.Strokes), ink.Points(), p.Full())
	}
	m := Message{Kind: KindInk, Ink: ink}
	if err := m.Check(); err != nil {
		t.Fatalf("bounded drawing refused: %v", err)
	}
	if p.Begin(Point{0.1, 0.1}, 0) {
		t.Fatal("a full drawing took a new stroke")
	}
	if !p.Undo() || p.Strokes() != len(ink.Strokes)-1 {
		t.Fatal("undo")
	}
	p.Clear()
	if p.Strokes() != 0 || p.Undo() {
		t.Fatal("clear")
	}
}

func TestRender(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 200, 100))
	red := color.NRGBA{R: 200, A: 255}
	ink := &Ink{Aspect: 2, Strokes: []Stroke{{Points: []Point{{0.1, 0.25}, {0.5, 0.26}, {0.9, 0.25}}}}}
	Render(img, ink, []color.NRGBA{red}, 6)
	if got := img.NRGBAAt(100, 51); got.A != 255 || got.R != 200 {
		t.Fatalf("middle of the stroke is %v", got)
	}
	if got := img.NRGBAAt(100, 20); got.A != 0 {
		t.Fatalf("far from the stroke is %v", got)
	}
	if got := img.NRGBAAt(5, 50); got.A != 0 {
		t.Fatalf("before the stroke's start is %v", got)
	}
}

func BenchmarkRenderCard(b *testing.B) {
	p := NewPen(4.0 / 3)
	for s := 0; s < 20; s++ {
		p.Begin(Point{0.05, float32(s) * 0.03}, s%3)
		for i := 0; i < 100; i++ {
			p.Move(Point{0.05 + float32(i)*0.009, float32(s)*0.03 + float32(i%7)*0.005})
		}
	}
	ink := p.Ink()
	cols := []color.NRGBA{{A: 255}, {R: 200, A: 255}, {B: 200, A: 255}}
	for b.Loop() {
		img := image.NewNRGBA(image.Rect(0, 0, 480, 360))
		Render(img, ink, cols, 5)
	}
}
