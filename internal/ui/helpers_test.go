package ui

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/crypto/bcrypt"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// fakePlayer is a narration player the test drives.
type fakePlayer struct {
	st     audio.Status
	volume int
	plays  []string
}

func (p *fakePlayer) Play(_ fs.FS, clip string) error {
	p.st = audio.Status{State: audio.Playing, Clip: clip, Length: 20 * time.Second}
	p.plays = append(p.plays, clip)
	return nil
}
func (p *fakePlayer) Pause() {
	if p.st.State == audio.Playing {
		p.st.State = audio.Paused
	}
}
func (p *fakePlayer) Resume() {
	if p.st.State == audio.Paused {
		p.st.State = audio.Playing
	}
}
func (p *fakePlayer) Stop()                { p.st = audio.Status{} }
func (p *fakePlayer) SetVolume(v int)      { p.volume = v }
func (p *fakePlayer) Status() audio.Status { return p.st }
func (p *fakePlayer) Available() bool      { return true }
func (p *fakePlayer) Reason() string       { return "" }
func (p *fakePlayer) finish() {
	p.st = audio.Status{State: audio.Stopped, Clip: p.st.Clip, Finished: true}
}
func (p *fakePlayer) at(pos time.Duration) { p.st.Position = pos }

// fakeEffects records the sound effects played.
type fakeEffects struct {
	played []audio.Sound
	volume int
}

func (f *fakeEffects) Play(s audio.Sound) { f.played = append(f.played, s) }
func (f *fakeEffects) SetVolume(v int)    { f.volume = v }

// last is the latest sound, "" for none.
func (f *fakeEffects) last() audio.Sound {
	if len(f.played) == 0 {
		return ""
	}
	return f.played[len(f.played)-1]
}

// events records what the shell emits.
type events struct {
	mu  sync.Mutex
	all []event.Event
}

func (e *events) Record(ev event.Event) { e.mu.Lock(); e.all = append(e.all, ev); e.mu.Unlock() }

func (e *events) types() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for _, ev := range e.all {
		out = append(out, ev.Type)
	}
	return out
}

func (e *events) last(typ string) (event.Event, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := len(e.all) - 1; i >= 0; i-- {
		if e.all[i].Type == typ {
			return e.all[i], true
		}
	}
	return event.Event{}, false
}

type rig struct {
	t      testing.TB
	shell  *Shell
	win    fyne.Window
	clock  *kiosk.ManualClock
	player *fakePlayer
	fx     *fakeEffects
	events *events
	saved  []kiosk.Settings
	quit   bool

	mu     sync.Mutex
	queued []func() // work handed to the UI thread (decodes, installs, exports)
}

// uiDo queues work for the UI thread; settle runs it on the test's goroutine.
func (r *rig) uiDo(fn func()) {
	r.mu.Lock()
	r.queued = append(r.queued, fn)
	r.mu.Unlock()
}

// settle lets pictures finish decoding and runs what other goroutines handed to the UI
// thread, as the app's one UI thread would between frames.
func (r *rig) settle() {
	for {
		r.shell.images.pending.Wait()
		r.shell.bg.Wait()
		r.mu.Lock()
		q := r.queued
		r.queued = nil
		r.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, fn := range q {
			fn()
		}
	}
}

const testPIN = "13572468"

// rigConfig is what a rig is made of; options change it before the shell starts.
type rigConfig struct {
	pack     *exhibit.Pack // the bundled content, without a quiz bank unless an option adds one
	settings kiosk.Settings
	quiz     exhibit.QuizConfig
	deps     Deps // Strings, Player, Clock, Guard, Records, …
	// desk makes the pack desk over the rig's shelf; nil: no pack page.
	desk func(*exhibit.Shelf) PackDesk
}

// newRig starts the shell on the bundled content in a 1920×1080 test window.
func newRig(t testing.TB, opts ...func(*rigConfig)) *rig {
	t.Helper()
	test.NewTempApp(t)
	cat, rep := content.Load(assets.Content())
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	strs, err := LoadStrings(assets.Strings())
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := kiosk.HashPIN(testPIN, bcrypt.MinCost)
	r := &rig{t: t, clock: kiosk.NewManualClock(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC)),
		player: &fakePlayer{}, fx: &fakeEffects{}, events: &events{}}
	c := &rigConfig{
		pack:     &exhibit.Pack{Root: assets.Content(), Catalog: cat, Source: exhibit.BundledSource},
		settings: kiosk.DefaultSettings(),
		deps: Deps{
			Strings: strs, Player: r.player, Effects: r.fx, Clock: r.clock,
			Guard:      kiosk.NewGuard(r.clock, hash),
			AppVersion: "test",
			Quit:       func() { r.quit = true },
		},
	}
	for _, o := range opts {
		o(c)
	}
	d := c.deps
	d.Do = r.uiDo
	d.Shelf = exhibit.NewShelf(c.pack)
	if c.desk != nil {
		d.Packs = c.desk(d.Shelf)
	}
	d.Visit = exhibit.NewVisit(exhibit.VisitConfig{Clock: r.clock, Recorder: r.events, Volume: audio.Volumes{r.player, r.fx},
		Shelf: d.Shelf, Settings: c.settings,
		SaveSettings: func(s kiosk.Settings) error {
			r.saved = append(r.saved, s)
			return nil
		}})
	c.quiz.Clock = r.clock
	d.Quiz = exhibit.NewQuizzes(c.quiz)
	r.win = test.NewWindow(nil)
	r.win.SetPadded(false)
	r.win.Resize(fyne.NewSize(1920, 1080))
	r.shell = NewShell(r.win, d)
	t.Cleanup(r.win.Close)
	return r
}

// visitAt starts a visit on a window of size, with large text when large.
func (r *rig) visitAt(size fyne.Size, large bool) {
	r.t.Helper()
	r.win.Resize(size)
	r.tap("轻触屏幕 开始参观")
	if large {
		r.shell.toggleTextSize()
	}
}

// objects lists everything laid out in the window.
func (r *rig) objects() []fyne.CanvasObject {
	r.settle()
	all := test.LaidOutObjects(r.win.Canvas().Content())
	shown := map[fyne.CanvasObject]bool{r.shell.warmer: false}
	markShown(r.win.Canvas().Content(), shown)
	out := all[:0]
	for _, o := range all {
		if shown[o] {
			out = append(out, o)
		}
	}
	return out
}

// markShown marks o and what it draws, leaving out hidden objects and all they hold (the
// page under the staff panel), and what is marked false already (prewarm's copies, outside
// the window).
func markShown(o fyne.CanvasObject, shown map[fyne.CanvasObject]bool) {
	if seen, ok := shown[o]; (ok && !seen) || !o.Visible() { // marked false: left out (prewarm's copies)
		return
	}
	shown[o] = true
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			markShown(c, shown)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			markShown(c, shown)
		}
	}
}

// textOf returns the visible text of o, if it shows any.
func textOf(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *canvas.Text:
		return x.Text
	case *widget.RichText:
		return x.String()
	case *paraText:
		return x.String()
	}
	return ""
}

// has reports whether some visible text contains s.
func (r *rig) has(s string) bool {
	for _, o := range r.objects() {
		if o.Visible() && strings.Contains(textOf(o), s) {
			return true
		}
	}
	return false
}

func (r *rig) mustHave(texts ...string) {
	r.t.Helper()
	for _, s := range texts {
		if !r.has(s) {
			r.t.Fatalf("screen does not show %q; it shows:\n%s", s, r.dump())
		}
	}
}

func (r *rig) dump() string {
	var b strings.Builder
	for _, o := range r.objects() {
		if s := textOf(o); s != "" {
			b.WriteString("  " + s + "\n")
		}
	}
	return b.String()
}

// tap taps the innermost tappable whose content shows text s exactly (or contains it,
// when no exact match exists).
func (r *rig) tap(s string) {
	r.t.Helper()
	var best fyne.Tappable
	for _, exact := range []bool{true, false} {
		for _, o := range r.objects() {
			t, ok := o.(*touch.Tappable)
			if !ok || !o.Visible() {
				continue
			}
			for _, in := range test.LaidOutObjects(t) {
				txt := textOf(in)
				if (exact && txt == s) || (!exact && strings.Contains(txt, s)) {
					best = t // later matches are deeper: keep the innermost
				}
			}
		}
		if best != nil {
			test.Tap(best)
			return
		}
	}
	r.t.Fatalf("nothing tappable shows %q; the screen shows:\n%s", s, r.dump())
}

// tick moves the clock and lets the shell react, in steps like the real ticker.
func (r *rig) tick(d time.Duration) {
	for step := time.Second; d > 0; d -= step {
		if d < step {
			step = d
		}
		r.clock.Advance(step)
		r.shell.Tick()
		r.settle()
	}
}

// clipped lists single-line texts that are cut off, or that lie outside the window.
func (r *rig) clipped() []string {
	var out []string
	win := r.win.Canvas().Size()
	drv := fyne.CurrentApp().Driver()
	scrolled := map[fyne.CanvasObject]bool{} // text in a scroll may lie below the fold
	for _, o := range r.objects() {
		if d, ok := o.(*touch.DragScroll); ok {
			for _, in := range test.LaidOutObjects(d) {
				scrolled[in] = true
			}
		}
	}
	for _, o := range r.objects() {
		t, ok := o.(*canvas.Text)
		if !ok || !t.Visible() || strings.TrimSpace(t.Text) == "" {
			continue
		}
		if scrolled[o] {
			if t.Size().Width+1 < t.MinSize().Width {
				out = append(out, "cut: "+t.Text)
			}
			continue
		}
		if t.Size().Width+1 < t.MinSize().Width {
			out = append(out, "cut: "+t.Text)
			continue
		}
		p := drv.AbsolutePositionForObject(t)
		if p.X < -1 || p.Y < -1 || p.X+t.MinSize().Width > win.Width+1 || p.Y+t.Size().Height > win.Height+1 {
			out = append(out, "off screen: "+t.Text)
		}
	}
	return out
}

func (r *rig) noClipping(where string) {
	r.t.Helper()
	if c := r.clipped(); len(c) > 0 {
		r.t.Errorf("%s at %v: %s", where, r.win.Canvas().Size(), strings.Join(c, "; "))
	}
}

type canvasImage = canvas.Image

type touchTappable = touch.Tappable

// contains reports whether t shows exactly the text k.
func (r *rig) contains(t *touch.Tappable, k string) bool {
	for _, in := range test.LaidOutObjects(t) {
		if textOf(in) == k {
			return true
		}
	}
	return false
}
