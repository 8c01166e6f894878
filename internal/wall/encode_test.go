package wall

import (
	"errors"
	"math/rand/v2"
	"testing"
)

// TestInkEncode: a full drawing round-trips within the grid and fits the hub's payload
// limit; a malformed form is refused, never half-read.
func TestInkEncode(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	p := NewPen(2)
	for !p.Full() {
		p.Begin(Point{X: rng.Float32(), Y: rng.Float32() / 2}, rng.IntN(InkColors))
		for i := 0; i < 200; i++ {
			p.Move(Point{X: rng.Float32(), Y: rng.Float32() / 2}) // worst case: long jumps
		}
		p.End()
	}
	k := p.Ink()
	enc := k.Encode()
	if len(enc) > 14<<10 {
		t.Fatalf("a full drawing encodes to %d bytes", len(enc))
	}
	back, err := DecodeInk(enc)
	if err != nil {
		t.Fatal(err)
	}
	if back.Aspect != 2 || len(back.Strokes) != len(k.Strokes) || back.Points() != k.Points() {
		t.Fatalf("round trip: %d strokes %d points", len(back.Strokes), back.Points())
	}
	for i, s := range k.Strokes {
		if back.Strokes[i].Color != s.Color {
			t.Fatal("colour")
		}
		for j, pt := range s.Points {
			q := back.Strokes[i].Points[j]
			if d := pt.X - q.X; d > 0.0002 || d < -0.0002 {
				t.Fatalf("point moved by %v", d)
			}
		}
	}
	t.Logf("%d points in %d strokes: %d bytes", k.Points(), len(k.Strokes), len(enc))
	for _, bad := range []string{"!!", enc[:len(enc)/2], enc + "AA", ""} {
		if _, err := DecodeInk(bad); err == nil {
			t.Errorf("decoded %q…", bad[:min(len(bad), 10)])
		} else if !errors.Is(err, ErrInkForm) && !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrInk) {
			t.Errorf("error %v", err)
		}
	}
}
