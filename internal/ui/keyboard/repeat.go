package keyboard

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Holding backspace deletes again and again, as on a real keyboard: the first repeat after
// RepeatDelay, then one every RepeatInterval, until the finger lifts or leaves the key, or
// there is nothing left to delete.
const (
	RepeatDelay    = 500 * time.Millisecond
	RepeatInterval = 80 * time.Millisecond
)

// Scheduler runs fn on the UI thread after d; cancel stops it if it has not run. Tests pass
// one they fire by hand; the default is a timer handing fn to Fyne's thread.
type Scheduler func(d time.Duration, fn func()) (cancel func())

// afterOnUI is the default Scheduler.
func afterOnUI(d time.Duration, fn func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(fn) })
	return func() { t.Stop() }
}

// repeat is the state of a held backspace.
type repeat struct {
	hold     int    // counts holds; a step of an older hold does nothing
	on       bool   // a hold is going on
	fired    bool   // this hold deleted by repeating
	swallow  bool   // the tap that ends a repeating hold must not delete once more
	box      key    // the held key, to tell when the finger leaves it
	cancel   func() // the pending step
	schedule Scheduler
}

// startRepeat begins a hold on the backspace key ky.
func (k *Keyboard) startRepeat(ky key) {
	r := &k.rep
	r.stop()
	r.hold++
	r.on, r.fired, r.swallow, r.box = true, false, false, ky
	k.nextRepeat(RepeatDelay)
}

func (k *Keyboard) nextRepeat(d time.Duration) {
	r := &k.rep
	hold := r.hold
	r.cancel = r.schedule(d, func() {
		if !r.on || r.hold != hold {
			return // lifted meanwhile: a timer that fired anyway
		}
		if !k.deleteOne() {
			r.stop() // nothing left: the repeat ends by itself
			return
		}
		r.fired = true
		k.Refresh()
		k.nextRepeat(RepeatInterval)
	})
}

// stop ends the hold, if any.
func (r *repeat) stop() {
	if r.cancel != nil {
		r.cancel()
		r.cancel = nil
	}
	r.on = false
}

// endRepeat is the finger lifting: a hold that repeated swallows the tap that follows.
func (k *Keyboard) endRepeat() {
	r := &k.rep
	if r.on && r.fired {
		r.swallow = true
	}
	r.stop()
}

// MouseIn is part of desktop.Hoverable.
func (k *Keyboard) MouseIn(*desktop.MouseEvent) {}

// MouseMoved ends a hold when the finger slides off the held key.
func (k *Keyboard) MouseMoved(e *desktop.MouseEvent) {
	if r := &k.rep; r.on && !r.box.has(e.Position.X, e.Position.Y) {
		k.endRepeat()
	}
}

// MouseOut ends a hold when the finger leaves the keyboard (no MouseUp may come then).
func (k *Keyboard) MouseOut() { k.endRepeat() }
