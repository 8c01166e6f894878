package wall

// Pen builds a drawing from pointer positions as a finger moves: it drops points closer
// than MinStep to the last one (a resting finger adds nothing), keeps every point on the
// canvas and stops taking points at the bounds, so a stroke flood costs nothing more.
type Pen struct {
	ink     Ink
	drawing bool
	// MinStep is the least distance between kept points, as a fraction of the width.
	MinStep float32
}

// NewPen starts an empty drawing on a canvas aspect times as wide as high.
func NewPen(aspect float32) *Pen {
	return &Pen{ink: Ink{Aspect: aspect}, MinStep: 0.004}
}

// Aspect is the canvas's width over its height.
func (p *Pen) Aspect() float32 { return p.ink.Aspect }

// Full reports that the drawing has reached its bounds.
func (p *Pen) Full() bool {
	return len(p.ink.Strokes) >= MaxStrokes || p.ink.Points() >= MaxPoints
}

// Begin starts a stroke at pt in colour c; false when the drawing is full.
func (p *Pen) Begin(pt Point, c int) bool {
	p.drawing = false
	if p.Full() {
		return false
	}
	if c < 0 || c >= InkColors {
		c = 0
	}
	p.ink.Strokes = append(p.ink.Strokes, Stroke{Color: c, Points: []Point{p.clamp(pt)}})
	p.drawing = true
	return true
}

// Move extends the current stroke to pt; it reports whether the point was kept.
func (p *Pen) Move(pt Point) bool {
	if !p.drawing {
		return false
	}
	s := &p.ink.Strokes[len(p.ink.Strokes)-1]
	if len(s.Points) >= MaxStrokePoints || p.ink.Points() >= MaxPoints {
		return false
	}
	pt = p.clamp(pt)
	last := s.Points[len(s.Points)-1]
	dx, dy := pt.X-last.X, pt.Y-last.Y
	if dx*dx+dy*dy < p.MinStep*p.MinStep {
		return false
	}
	s.Points = append(s.Points, pt)
	return true
}

// End finishes the current stroke.
func (p *Pen) End() { p.drawing = false }

// Drawing reports a stroke in progress.
func (p *Pen) Drawing() bool { return p.drawing }

// Current is the stroke in progress, or nil.
func (p *Pen) Current() *Stroke {
	if !p.drawing {
		return nil
	}
	return &p.ink.Strokes[len(p.ink.Strokes)-1]
}

// Undo removes the last stroke; false when there is none.
func (p *Pen) Undo() bool {
	p.drawing = false
	if len(p.ink.Strokes) == 0 {
		return false
	}
	p.ink.Strokes = p.ink.Strokes[:len(p.ink.Strokes)-1]
	return true
}

// Clear removes every stroke.
func (p *Pen) Clear() {
	p.drawing = false
	p.ink.Strokes = nil
}

// Strokes is the number of strokes.
func (p *Pen) Strokes() int { return len(p.ink.Strokes) }

// Ink is a copy of the drawing.
func (p *Pen) Ink() *Ink {
	out := &Ink{Aspect: p.ink.Aspect, Strokes: make([]Stroke, len(p.ink.Strokes))}
	for i, s := range p.ink.Strokes {
		out.Strokes[i] = Stroke{Color: s.Color, Points: append([]Point(nil), s.Points...)}
	}
	return out
}

func (p *Pen) clamp(pt Point) Point {
	maxY := 1 / p.ink.Aspect
	pt.X = min(max(pt.X, 0), 1)
	pt.Y = min(max(pt.Y, 0), maxY)
	return pt
}

// Stroke returns stroke i; its points are shared with the pen and must not be changed.
func (p *Pen) Stroke(i int) Stroke { return p.ink.Strokes[i] }
