package wall

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// inkGrid is the resolution of the sync form: 1/4096 of the width, finer than a pixel of
// a 4K screen's paper.
const inkGrid = 4096

// Encode is the compact form a drawing travels in (the wall_message event, USB export,
// upload): base64 of varints — aspect×1000, strokes, then per stroke its colour, its
// points and the zig-zag deltas of each point on a 4096 grid. A full drawing
// (MaxPoints) stays under the hub's 16 KB payload limit; a child's drawing is 1–3 KB.
func (k *Ink) Encode() string {
	if k == nil {
		return ""
	}
	buf := make([]byte, 0, 16+k.Points()*3)
	buf = binary.AppendUvarint(buf, uint64(math.Round(float64(k.Aspect)*1000)))
	buf = binary.AppendUvarint(buf, uint64(len(k.Strokes)))
	for _, s := range k.Strokes {
		buf = binary.AppendUvarint(buf, uint64(s.Color))
		buf = binary.AppendUvarint(buf, uint64(len(s.Points)))
		var px, py int64
		for _, p := range s.Points {
			x, y := int64(math.Round(float64(p.X)*inkGrid)), int64(math.Round(float64(p.Y)*inkGrid))
			buf = binary.AppendVarint(buf, x-px)
			buf = binary.AppendVarint(buf, y-py)
			px, py = x, y
		}
	}
	return base64.RawStdEncoding.EncodeToString(buf)
}

// ErrInkForm marks a sync form that does not decode.
var ErrInkForm = errors.New("wall: malformed drawing")

// DecodeInk reads the form Encode writes, within the drawing bounds; the result passes
// Message.Check or is refused.
func DecodeInk(s string) (*Ink, error) {
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInkForm, err)
	}
	r := &reader{b: b}
	k := &Ink{Aspect: float32(r.u(10000)) / 1000}
	n := r.u(MaxStrokes)
	total := 0
	for i := uint64(0); i < n && r.err == nil; i++ {
		s := Stroke{Color: int(r.u(InkColors - 1))}
		np := r.u(MaxStrokePoints)
		if total += int(np); total > MaxPoints {
			return nil, fmt.Errorf("%w: over %d points", ErrInkForm, MaxPoints)
		}
		var x, y int64
		for j := uint64(0); j < np && r.err == nil; j++ {
			x += r.v()
			y += r.v()
			s.Points = append(s.Points, Point{X: float32(x) / inkGrid, Y: float32(y) / inkGrid})
		}
		k.Strokes = append(k.Strokes, s)
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = errors.New("trailing bytes")
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInkForm, r.err)
	}
	m := Message{Kind: KindInk, Ink: k}
	if err := m.Check(); err != nil {
		return nil, err
	}
	return k, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) u(limit uint64) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > limit {
		r.err = fmt.Errorf("bad value at %d bytes from the end", len(r.b))
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) v() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 || v > inkGrid*4 || v < -inkGrid*4 {
		r.err = fmt.Errorf("bad delta at %d bytes from the end", len(r.b))
		return 0
	}
	r.b = r.b[n:]
	return v
}
