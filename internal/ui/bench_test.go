package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/exhibit/exhibittest"
	"github.com/jindu-edu/kiosk/internal/quiz"
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

// BenchmarkQuizAnswer measures what a solo-quiz answer costs the UI thread at 1920×1080
// on Fyne's test renderer: the feedback view built and laid out (answer), then the next
// question (next), over the bundled bank's questions in turn. Painting is not included;
// bench/latency.sh measures the whole tap on the real binary.
func BenchmarkQuizAnswer(b *testing.B) {
	r := newRig(b, withBundledBank(b))
	r.visitAt(fyne.NewSize(1920, 1080), false)
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("中学生")
	v := r.shell.top().(*soloView)
	items := unshuffled(r.shell.pack().Bank.Questions, nil)
	b.ResetTimer()
	for i := range b.N {
		if i%len(items) == 0 {
			b.StopTimer()
			v.round = quiz.NewRound(r.clock, items, 30*time.Second)
			v.last, v.picked = nil, nil
			r.shell.replace(v)
			r.settle()
			b.StartTimer()
		}
		v.answer([]int{0})
		r.settle()
		v.next()
		r.settle()
	}
}
