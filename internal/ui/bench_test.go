package ui

import (
	"context"
	"testing"

	"github.com/jindu-edu/kiosk/internal/exhibit/exhibittest"
)

// BenchmarkLiveSwap measures a content pack's live swap as staff see it: from the end of
// the install (the new pack goes on the shelf) to the attract loop drawn on the new
// content, on Fyne's test renderer. The install itself is measured in internal/pack.
func BenchmarkLiveSwap(b *testing.B) {
	r, stick, key := packRig(b)
	desk := r.shell.d.Packs
	for i := range 2 {
		root := exhibittest.DemoRoot(b, map[string]func([]byte) []byte{
			"content/meta.yaml": exhibittest.Replace("南明区禁毒预防教育基地", []string{"甲", "乙"}[i])})
		exhibittest.Build(b, root, stick, []string{"a.jkpack", "b.jkpack"}[i], "swap", int64(i+2), key)
	}
	found := desk.Scan() // newest first
	for i := len(found) - 1; i >= 0; i-- {
		f := found[i]
		if out := desk.Install(context.Background(), f.Path, nil); out.Err != nil {
			b.Fatal(out.Err)
		}
	}
	// Two packs installed: rollback and forward would re-install; swap the loaded ones.
	cur := r.shell.d.Shelf.Current()
	prev := *cur
	b.ResetTimer()
	for i := range b.N {
		p := cur
		if i%2 == 0 {
			cp := prev
			p = &cp
		}
		r.shell.d.Shelf.Swap(p) // the subscriber redraws attract on the Fyne thread
		r.settle()
	}
}
