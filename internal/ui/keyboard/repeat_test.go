package keyboard

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// timers is a Scheduler the test fires by hand.
type timers struct{ pending []*timer }

type timer struct {
	d    time.Duration
	fn   func()
	dead bool
}

func (ts *timers) after(d time.Duration, fn func()) func() {
	t := &timer{d: d, fn: fn}
	ts.pending = append(ts.pending, t)
	return func() { t.dead = true }
}

// live is the number of timers that have neither fired nor been cancelled.
func (ts *timers) live() int {
	n := 0
	for _, t := range ts.pending {
		if !t.dead {
			n++
		}
	}
	return n
}

// fire runs the oldest live timer and returns how long it waited (0: none was pending).
func (ts *timers) fire() time.Duration {
	for _, t := range ts.pending {
		if !t.dead {
			t.dead = true
			t.fn()
			return t.d
		}
	}
	return 0
}

// runStale runs every timer, cancelled or not: a timer that fires just as it is stopped.
func (ts *timers) runStale() {
	for _, t := range ts.pending {
		t.fn()
	}
}

func (r *rig) at(label string) fyne.Position {
	r.t.Helper()
	k, ok := r.find(label)
	if !ok {
		r.t.Fatalf("no key %q on screen: %s", label, r.labels())
	}
	return fyne.NewPos(k.x+k.w/2, k.y+k.h/2)
}

func mouse(p fyne.Position) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary}
}

func TestHeldBackspaceRepeats(t *testing.T) {
	ts := &timers{}
	r := newRig(t, 1800, 760, Options{After: ts.after})
	r.kb.SetText("一二三四五六七八")
	r.typeKeys("jin")
	bs := r.at("删除")

	r.kb.MouseDown(mouse(bs))
	if r.kb.Input() != "jin" || ts.live() != 1 {
		t.Fatalf("a press alone deletes nothing and waits: input %q, %d timers", r.kb.Input(), ts.live())
	}
	if d := ts.fire(); d != RepeatDelay || r.kb.Input() != "ji" {
		t.Fatalf("first repeat after %v, input %q", d, r.kb.Input())
	}
	for _, want := range []string{"j", ""} { // the pinyin letters first, then the text
		if d := ts.fire(); d != RepeatInterval || r.kb.Input() != want {
			t.Fatalf("repeat after %v, input %q (want %q)", d, r.kb.Input(), want)
		}
	}
	ts.fire()
	if r.kb.Text() != "一二三四五六七" {
		t.Fatalf("text %q", r.kb.Text())
	}
	r.kb.MouseUp(mouse(bs))
	test.TapAt(r.kb, bs) // the tap that ends the hold
	if ts.live() != 0 || r.kb.Text() != "一二三四五六七" {
		t.Fatalf("after lifting: %d timers, text %q", ts.live(), r.kb.Text())
	}
	ts.runStale() // a timer that fired anyway once lifted does nothing
	if r.kb.Text() != "一二三四五六七" {
		t.Fatalf("a stale repeat deleted: %q", r.kb.Text())
	}

	// A short press is one delete, by its tap.
	r.kb.MouseDown(mouse(bs))
	r.kb.MouseUp(mouse(bs))
	test.TapAt(r.kb, bs)
	if r.kb.Text() != "一二三四五六" || ts.live() != 0 {
		t.Fatalf("short press: text %q, %d timers", r.kb.Text(), ts.live())
	}

	// Sliding off the key stops the repeat; no tap follows, and the next press counts.
	r.kb.MouseDown(mouse(bs))
	ts.fire()
	r.kb.MouseMoved(mouse(r.at("p")))
	if ts.live() != 0 || r.kb.Text() != "一二三四五" {
		t.Fatalf("slid off: %d timers, text %q", ts.live(), r.kb.Text())
	}
	r.kb.MouseDown(mouse(bs))
	r.kb.MouseUp(mouse(bs))
	test.TapAt(r.kb, bs)
	if r.kb.Text() != "一二三四" {
		t.Fatalf("the press after a slide-off: text %q", r.kb.Text())
	}

	// Held to the end: the repeat stops by itself when nothing is left.
	r.kb.MouseDown(mouse(bs))
	for i := 0; i < 10 && ts.fire() != 0; i++ {
	}
	if r.kb.Text() != "" || ts.live() != 0 {
		t.Fatalf("held to the end: text %q, %d timers", r.kb.Text(), ts.live())
	}
	r.kb.MouseUp(mouse(bs))

	// Other keys do not repeat.
	r.kb.MouseDown(mouse(r.at("a")))
	if ts.live() != 0 {
		t.Fatal("a letter key repeats")
	}
}
