package ui

import (
	"math"

	"fyne.io/fyne/v2"
)

// ringLayout puts the board's squares around the edge of its area, in walking order
// clockwise from the top-left corner, one object in the middle (the centre panel) and the
// tokens on their squares. Its objects are the n squares, the centre, then the tokens.
// The grid is chosen for the area, so that the board fills 1920×1080, 1280×800 and the top
// of a 1080×1920 portrait screen with squares a little wider than tall.
type ringLayout struct {
	n      int
	tokens func() []int // the square each token is drawn on

	// Set by Layout, read by the token animation.
	cell  fyne.Size
	cells []fyne.Position
}

const ringGap = 4

// grid picks columns and rows whose perimeter holds n squares (an even count: an odd board
// leaves the last cell empty) with cells closest to 1.3 times as wide as tall.
func ringGrid(n int, size fyne.Size) (cols, rows int) {
	p := n + n%2
	best := math.Inf(1)
	for c := 3; c <= p/2-1; c++ {
		r := (p+4)/2 - c
		if r < 3 {
			continue
		}
		ratio := float64(size.Width/float32(c)) / float64(size.Height/float32(r))
		if d := math.Abs(math.Log(ratio / 1.3)); d < best {
			best, cols, rows = d, c, r
		}
	}
	return cols, rows
}

// cellOf is the column and row of square i, clockwise from the top-left corner.
func cellOf(i, cols, rows int) (int, int) {
	switch {
	case i < cols:
		return i, 0
	case i < cols+rows-2:
		return cols - 1, i - cols + 1
	case i < 2*cols+rows-2:
		return cols - 1 - (i - cols - rows + 2), rows - 1
	default:
		return 0, rows - 2 - (i - 2*cols - rows + 2)
	}
}

func (l *ringLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	cols, rows := ringGrid(l.n, size)
	if cols == 0 {
		return
	}
	w, h := size.Width/float32(cols), size.Height/float32(rows)
	l.cell = fyne.NewSize(w-ringGap, h-ringGap)
	l.cells = l.cells[:0]
	for i := 0; i < l.n && i < len(objs); i++ {
		c, r := cellOf(i, cols, rows)
		pos := fyne.NewPos(float32(c)*w+ringGap/2, float32(r)*h+ringGap/2)
		l.cells = append(l.cells, pos)
		objs[i].Move(pos)
		objs[i].Resize(l.cell)
	}
	if len(objs) > l.n {
		objs[l.n].Move(fyne.NewPos(w+ringGap*3, h+ringGap*3))
		objs[l.n].Resize(fyne.NewSize(size.Width-2*w-ringGap*6, size.Height-2*h-ringGap*6))
	}
	var at []int
	if l.tokens != nil {
		at = l.tokens()
	}
	for t := 0; t < len(at) && l.n+1+t < len(objs); t++ {
		o := objs[l.n+1+t]
		o.Resize(fyne.NewSquareSize(l.tokenSide()))
		o.Move(l.tokenPos(t, at[t]))
	}
}

// tokenSide is a token's diameter: four fit in a row across a square.
func (l *ringLayout) tokenSide() float32 {
	return max(24, min((l.cell.Width-8)/4.3, l.cell.Height*0.42))
}

// tokenPos is where token t rests on square sq: each team has its place in a row along
// the square's top, over the picture, so that no token hides the place name.
func (l *ringLayout) tokenPos(t, sq int) fyne.Position {
	if sq < 0 || sq >= len(l.cells) {
		return fyne.NewPos(-1000, -1000)
	}
	side := l.tokenSide()
	p := l.cells[sq]
	gap := max(0, (l.cell.Width-8-4*side)/3)
	return fyne.NewPos(p.X+4+float32(t%4)*(side+gap), p.Y+4)
}

func (l *ringLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(300, 200) }
