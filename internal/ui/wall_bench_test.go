package ui

import (
	"testing"

	"github.com/jindu-edu/kiosk/internal/wall"
)

// BenchmarkWallFrame is the UI thread's work for one frame of the living wall holding 500
// messages: the drift moves every card of the page (the painting is the driver's, on the
// GPU). Only a page of cards ever exists, so the count of messages does not matter.
func BenchmarkWallFrame(b *testing.B) {
	var st *wall.Store
	r := newRig(b, withWall(b, &st))
	fillWall(b, st, r.clock, 500)
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒留言")
	r.settle()
	v := r.shell.top().(*wallView)
	if len(v.board.Objects) == 0 {
		b.Fatal("no cards")
	}
	f := float32(0)
	for b.Loop() {
		f += 1.0 / 360 // 12 s loop at 30 frames/s
		v.grid.drift = f
		v.board.Refresh()
	}
}

// BenchmarkWallPage is turning a page of the 500-message wall: the query, the cards and
// their drawings (rendered once per message).
func BenchmarkWallPage(b *testing.B) {
	var st *wall.Store
	r := newRig(b, withWall(b, &st))
	fillWall(b, st, r.clock, 500)
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒留言")
	v := r.shell.top().(*wallView)
	for b.Loop() {
		v.page = (v.page + 1) % 40
		v.load()
		r.settle()
	}
}
