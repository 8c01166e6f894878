package ui

import (
	"image/color"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// ContentInfo tells the staff panel where the shown content came from.
type ContentInfo struct {
	Source   string            // "bundled demo" or the content directory
	Problems []content.Problem // findings of the last load (warnings, or the errors that caused a fallback)
	Fallback string            // why the configured content was not used ("" when it was)
}

// Deps is everything the UI needs from the rest of the program. Tests fill it with fakes.
type Deps struct {
	Catalog  *content.Catalog
	Root     fs.FS // content root the catalog's media paths refer to
	Info     ContentInfo
	Strings  *Strings
	Player   audio.Player
	Recorder kiosk.Recorder
	Clock    kiosk.Clock
	Settings kiosk.Settings
	// SaveSettings persists staff changes; nil keeps them in memory only.
	SaveSettings func(kiosk.Settings) error
	Guard        *kiosk.Guard
	AppVersion   string
	// HideCursor hides the mouse pointer over the whole UI (touchscreens).
	HideCursor bool
	// Records is the visitor log's state, sync and export for the staff panel.
	Records RecordsDeps
	// Quiz is the quiz zone's bank and state; without questions the zone has no tile.
	Quiz QuizDeps
	// Quit leaves the program (staff exit).
	Quit func()
	Log  *slog.Logger
}

// ticker is a view with a clock of its own (quiz countdowns); Tick calls it.
type ticker interface {
	tick()
}

// top is the view on screen, or nil in attract.
func (s *Shell) top() view {
	if len(s.stack) == 0 {
		return nil
	}
	return s.stack[len(s.stack)-1]
}

// view is one screen on the navigation stack; build is called again whenever the language
// or text size changes, so views keep their position in their own fields.
type view interface {
	build() screen
}

// screen is what a view renders: the main area, an optional pager for the bar, and the
// zone and item it shows (for events).
type screen struct {
	body  fyne.CanvasObject
	pager *pager
	zone  string
	item  string
}

// pager puts previous/next buttons and a position into the bar.
type pager struct {
	pos, total int
	move       func(delta int)
}

// Shell is the running kiosk UI: it owns the window content, the visitor state and the
// navigation stack. All its methods run on the Fyne thread.
type Shell struct {
	d       Deps
	win     fyne.Window
	th      *kioskTheme
	session *kiosk.Session
	gesture *kiosk.Gesture

	lang   content.Lang
	large  bool
	volume int

	stack     []view
	cur       screen
	zoneSince time.Time
	zoneNow   string

	root      *fyne.Container // background, page, bar, overlays
	page      *fyne.Container
	bar       *fyne.Container
	overlay   *fyne.Container
	modal     string // "", "idle", "pin", "staff"
	pinOK     func() // what the right PIN opens
	exporting bool   // a USB export is running

	saveSeq  int        // quiz-state snapshots taken (UI thread)
	saveMu   sync.Mutex // serialises quiz-state writes
	savedSeq int        // newest snapshot written (under saveMu)
	narr     *narrationBar
	attractN int
	images   map[string]fyne.Resource
	ticker   *time.Ticker
}

// NewShell builds the UI into win and shows the attract loop.
func NewShell(win fyne.Window, d Deps) *Shell {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Recorder == nil {
		d.Recorder = kiosk.LogRecorder{Log: d.Log}
	}
	if d.Quiz.Rand == nil {
		d.Quiz.Rand = rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0x6a64))
	}
	if d.Quiz.Recent == nil {
		d.Quiz.Recent = &quiz.Recent{}
	}
	if d.Quiz.Groups == nil {
		d.Quiz.Groups = &quiz.Groups{}
	}
	s := &Shell{
		d:       d,
		win:     win,
		th:      newTheme(false),
		session: kiosk.NewSession(d.Clock, time.Duration(d.Settings.IdleTimeout), time.Duration(d.Settings.PromptTimeout)),
		gesture: kiosk.NewGesture(d.Clock),
		images:  map[string]fyne.Resource{},
	}
	s.applyDefaults()
	fyne.CurrentApp().Settings().SetTheme(s.th)

	bg := canvas.NewLinearGradient(colorBgTop, colorBg, 0)
	s.page = container.NewStack()
	s.bar = container.NewStack()
	s.overlay = container.NewStack()
	main := container.NewBorder(nil, s.bar, nil, nil, s.page)
	hot := s.tappable(canvas.NewRectangle(color.Transparent), s.hotCornerTapped)
	corner := container.NewWithoutLayout(hot)
	hot.Resize(fyne.NewSize(110, 110))
	s.root = container.NewStack(bg, main, corner, s.overlay)
	win.SetContent(s.root)
	s.showAttract()
	return s
}

// applyDefaults restores what each visit starts with.
func (s *Shell) applyDefaults() {
	s.lang = content.Lang(s.d.Settings.Language)
	s.volume = s.d.Settings.Volume
	s.d.Player.SetVolume(s.volume)
	if s.large != s.d.Settings.LargeText {
		s.large = s.d.Settings.LargeText
		s.th = s.th.withLarge(s.large)
		fyne.CurrentApp().Settings().SetTheme(s.th)
	}
}

// Start runs the idle ticker until stop is closed. Ticks hop onto the Fyne thread.
func (s *Shell) Start(stop <-chan struct{}) {
	t := time.NewTicker(250 * time.Millisecond)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(s.Tick)
			}
		}
	}()
}

// Tick advances idle handling, narration progress and the attract loop. The ticker calls
// it; tests call it after moving their clock.
func (s *Shell) Tick() {
	st := s.d.Player.Status()
	s.session.SetNarrating(st.State == audio.Playing)
	if s.narr != nil {
		s.narr.update(st)
	}
	switch s.session.Tick() {
	case kiosk.Prompted:
		if s.modal == "staff" { // staff walked away: close the panel at once
			s.closeStaff()
			return
		}
		s.showIdlePrompt()
	case kiosk.Reset:
		s.reset(kiosk.EndTimeout)
	case kiosk.NoChange:
		if s.session.State() == kiosk.Prompt {
			s.updateIdlePrompt()
		}
	}
	if s.session.State() == kiosk.Attract && s.modal == "" {
		s.advanceAttract()
	}
	if t, ok := s.top().(ticker); ok && s.modal == "" {
		t.tick()
	}
}

// activity records a visitor tap; from attract it starts a visit.
func (s *Shell) activity() {
	wasPrompt := s.session.State() == kiosk.Prompt
	if s.session.Touch() {
		s.record(kiosk.Event{Type: kiosk.EventSessionStart, Data: map[string]any{"lang": string(s.lang)}})
	}
	if wasPrompt {
		s.closeModal()
	}
}

// tap wraps a handler so that it also counts as visitor activity.
func (s *Shell) tap(fn func()) func() {
	return func() {
		s.activity()
		if fn != nil {
			fn()
		}
	}
}

func (s *Shell) record(e kiosk.Event) {
	e.At = s.d.Clock.Now()
	if e.Session == "" && !strings.HasPrefix(e.Type, "staff_") && s.modal != "staff" {
		e.Session = s.session.ID() // staff actions are an audit trail, not part of a visit
	}
	s.d.Recorder.Record(e)
}

// push shows a new view on top of the stack.
func (s *Shell) push(v view) {
	s.stack = append(s.stack, v)
	s.render()
}

// replace swaps the top view (paging within a zone).
func (s *Shell) replace(v view) {
	if len(s.stack) == 0 {
		s.push(v)
		return
	}
	s.stack[len(s.stack)-1] = v
	s.render()
}

func (s *Shell) back() {
	if len(s.stack) > 1 {
		s.stack = s.stack[:len(s.stack)-1]
	}
	s.render()
}

func (s *Shell) home() {
	s.stack = []view{&homeView{s: s}}
	s.render()
}

// render builds the top view and the bar for the current language and text size.
func (s *Shell) render() {
	s.narr = nil
	top := s.stack[len(s.stack)-1]
	s.cur = top.build()
	// Narration keeps playing while the visitor pages within the same story; anything
	// else stops it.
	if st := s.d.Player.Status(); s.narr == nil || st.Clip != s.narr.clip {
		s.d.Player.Stop()
		s.session.SetNarrating(false) // the idle period runs from this tap, not the next tick
	} else {
		s.narr.lastSt = st.State
		s.narr.update(st)
	}
	s.trackZone(s.cur.zone)
	if s.cur.item != "" {
		s.record(kiosk.Event{Type: kiosk.EventItemView, Zone: s.cur.zone, Item: s.cur.item})
	}
	sw := touch.NewSwipe(s.cur.body, s.swipe)
	sw.OnTap = s.activity
	sw.HideCursor = s.d.HideCursor
	s.page.Objects = []fyne.CanvasObject{sw}
	s.page.Refresh()
	s.bar.Objects = []fyne.CanvasObject{s.tappable(s.buildBar(), s.activity)}
	s.bar.Refresh()
}

// swipe pages the current screen, if it has a pager.
func (s *Shell) swipe(dir int) {
	s.activity()
	if p := s.cur.pager; p != nil {
		if next := p.pos + dir; next >= 1 && next <= p.total {
			p.move(dir)
		}
	}
}

// scrollText makes a text column scroll by dragging, and page by swiping.
func (s *Shell) scrollText(obj fyne.CanvasObject) fyne.CanvasObject {
	d := touch.NewDragScroll(obj, s.swipe, s.activity)
	d.HideCursor = s.d.HideCursor
	return d
}

// tappable wraps content as a touch target that follows the cursor setting.
func (s *Shell) tappable(content fyne.CanvasObject, fn func()) *touch.Tappable {
	t := touch.NewTappable(content, fn)
	t.HideCursor = s.d.HideCursor
	return t
}

// trackZone emits zone enter/leave with dwell time.
func (s *Shell) trackZone(zone string) {
	if zone == s.zoneNow {
		return
	}
	now := s.d.Clock.Now()
	if s.zoneNow != "" {
		s.record(kiosk.Event{Type: kiosk.EventZoneLeave, Zone: s.zoneNow,
			Data: map[string]any{"dwell_ms": now.Sub(s.zoneSince).Milliseconds()}})
	}
	s.zoneNow, s.zoneSince = zone, now
	if zone != "" {
		s.record(kiosk.Event{Type: kiosk.EventZoneEnter, Zone: zone})
	}
}

// reset ends the visit: back to attract with the defaults restored.
func (s *Shell) reset(reason string) {
	s.d.Player.Stop()
	s.trackZone("")
	if s.session.State() != kiosk.Attract || reason == kiosk.EndTimeout {
		s.record(kiosk.Event{Type: kiosk.EventSessionEnd, Data: map[string]any{
			"reason": reason, "duration_ms": s.session.Duration().Milliseconds()}})
	}
	s.session.End()
	s.closeModal()
	s.applyDefaults()
	s.showAttract()
}

func (s *Shell) toggleLang() {
	if s.lang == content.Zh {
		s.lang = content.En
	} else {
		s.lang = content.Zh
	}
	s.record(kiosk.Event{Type: kiosk.EventLanguage, Data: map[string]any{"lang": string(s.lang)}})
	s.render()
}

func (s *Shell) toggleTextSize() {
	s.large = !s.large
	s.th = s.th.withLarge(s.large)
	fyne.CurrentApp().Settings().SetTheme(s.th)
	s.record(kiosk.Event{Type: kiosk.EventTextSize, Data: map[string]any{"large": s.large}})
	s.render()
}

// volumeSteps is what the sound button cycles through.
var volumeSteps = []int{100, 60, 30, 0}

func (s *Shell) cycleVolume() {
	next := volumeSteps[0] // from mute back to full
	for _, v := range volumeSteps {
		if v < s.volume {
			next = v
			break
		}
	}
	s.volume = next
	s.d.Player.SetVolume(next)
	s.bar.Objects = []fyne.CanvasObject{s.tappable(s.buildBar(), s.activity)}
	s.bar.Refresh()
}

// t translates a UI string in the visitor's language.
func (s *Shell) t(key string, args ...any) string { return s.d.Strings.T(s.lang, key, args...) }

// tx picks the visitor's language from a content text.
func (s *Shell) tx(t content.Text) string { return t.In(s.lang) }

// Lang is the visitor's current language (for tests).
func (s *Shell) Lang() content.Lang { return s.lang }

// Large reports the text-size setting (for tests).
func (s *Shell) Large() bool { return s.large }

// Session exposes the visitor session (for tests and the staff panel).
func (s *Shell) Session() *kiosk.Session { return s.session }

// Modal names the overlay shown, "" for none (for tests).
func (s *Shell) Modal() string { return s.modal }

// Depth is the height of the navigation stack (0 in attract).
func (s *Shell) Depth() int { return len(s.stack) }
