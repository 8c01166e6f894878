package ui

import (
	"image"
	"image/color"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/hours"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/mirror"
	"github.com/jindu-edu/kiosk/internal/ui/textwidth"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// Deps is everything the UI needs from the rest of the program. Tests fill it with fakes.
type Deps struct {
	// Shelf holds the content pack on show; Visit runs the visit on it (session, language,
	// text size, volume, zone dwell, settings); Quiz deals questions from its bank.
	Shelf   *exhibit.Shelf
	Visit   *exhibit.Visit
	Quiz    *exhibit.Quizzes
	Strings *Strings
	Player  audio.Player
	// Effects plays the short sounds of taps, answers and wins; nil: none.
	Effects audio.Effects
	Clock   kiosk.Clock
	Guard   *kiosk.Guard
	// Warnings are start-up problems staff should act on (a broken config file), in Chinese.
	Warnings []string
	// AppVersion is shown in the staff panel.
	AppVersion string
	// Device is the machine as the staff panel's 设备 page shows it.
	Device DeviceInfo
	// HideCursor hides the mouse pointer over the whole UI (touchscreens).
	HideCursor bool
	// Records is the visitor log's state, sync and export for the staff panel.
	Records RecordsDeps
	// Packs lists, installs and rolls back content packs; nil: the panel has no pack page.
	Packs PackDesk
	// Wall is the message wall's store; nil: the kiosk has no wall (no tile, no review page).
	Wall *wall.Store
	// WallDelivery says which messages' events have left the kiosk (the event log's
	// Delivered for wall_message); nil without an event log: approved messages past
	// retention are then kept up to the store's bound.
	WallDelivery func() (wall.Delivery, error)
	// Do runs work from other goroutines on the UI thread; nil: fyne.Do. Tests queue it
	// and run it on the test's goroutine, as the app's one UI thread would.
	Do func(func())
	// Hours is the opening schedule: outside it the closed card replaces the attract loop;
	// nil: always open.
	Hours *hours.Schedule
	// OnTick runs on the UI thread at every tick (250 ms), told whether the kiosk is
	// between visits (attract or closed, no overlay): the service watchdog pings from it, so
	// a frozen UI stops the pings; a nightly restart waits for it. nil: nothing.
	OnTick func(between bool)
	// Quit leaves the program (staff exit).
	Quit func()
	// Camera is the mirror station's camera; nil: none (it shows illustrated faces).
	Camera mirror.Camera
	// FreeMemory returns freed memory to the system; run on its own goroutine when a visit
	// ends (the app passes debug.FreeOSMemory; nil: nothing).
	FreeMemory func()
	Log        *slog.Logger
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

// enterer is a view with work to do each time it comes on top of the stack (not when it is
// only redrawn for a language or text-size change): narration registers here.
type enterer interface {
	enter()
}

// leaver is a view with work to do when it leaves the top of the stack.
type leaver interface {
	leave()
}

// A backer has a page of its own within it (a setup's keypad): 返回 closes that page
// (backWithin true) instead of leaving the view.
type backer interface {
	backWithin() bool
}

// screen is what a view renders: the main area, an optional pager for the bar, and the
// zone and item it shows (for events).
type screen struct {
	body  fyne.CanvasObject
	pager *pager
	zone  string
	item  string
	// noBar hides the bottom bar (a team contest in play: the screen belongs to the class).
	noBar bool
	// hint is what the bar says when the screen has no pager ("" says nothing).
	hint string
	// backdrop draws the gradient behind the screen (home); others stand on the flat
	// background, a full-screen layer less to paint on each frame.
	backdrop bool
}

// pager puts previous/next buttons and a position into the bar.
type pager struct {
	pos, total int
	move       func(delta int)
}

// Shell is the running kiosk UI: it owns the window content and the navigation stack;
// the visit itself (session, language, text size, volume, events) is Deps.Visit. All its
// methods run on the Fyne thread.
type Shell struct {
	d   Deps
	v   *exhibit.Visit
	win fyne.Window
	th  *kioskTheme
	// widths measures text for line breaking during a visit (nil: Fyne measures it);
	// loadWidths makes it once home is drawn (ahead), afterVisit drops it.
	widths        *textwidth.Widths
	widthsLoading bool
	aheadAt       time.Time // when ahead runs (zero: done, or not asked for)
	gesture       *kiosk.Gesture

	stack []view
	cur   screen

	root    *fyne.Container // background, page, bar, overlays
	page    *fyne.Container
	bar     *fyne.Container
	main    *fyne.Container // page above bar
	overlay *fyne.Container

	// gradient: the page on show stands on the backdrop gradient (attract, home); covered:
	// an opaque overlay hides the page (showLayers).
	gradient, covered bool
	warmer            *fyne.Container // what prewarm paints outside the window

	modal       string // "", "idle", "pin", "staff"
	pinOK       func() // what the right PIN opens
	pinChecking bool   // a PIN is being checked off the UI thread
	pinGen      int    // counts PIN pads shown, so a late answer goes to its own pad
	// staffAhead is the pinGen of the pad the staff gesture opened, and staffAheadAt when
	// the panel is painted ahead (warmStaff; zero: done).
	staffAhead   int
	staffAheadAt time.Time
	drawnFor     fyne.Size   // the window size the screen on show was drawn for
	export       exportState // the USB export, running or done
	staffPage    string      // the staff panel's page on show (staffPages)
	overview     overviewState
	audit        auditState
	gain         gainState // the learning-gain check of the visit on show
	staffStatus  string    // the last staff action's result
	packs        packState
	bg           sync.WaitGroup // work started off the UI thread (scans, installs, rollbacks)

	narrSrc  *narrationSource // what the top view narrates (registered in its enter hook)
	narr     *narrationBar
	attractN int
	// attractAt is when the loop was last shown, and attractBase the slide it began with:
	// every slide then shows for its full time, the first one too.
	attractAt     time.Time
	attractBase   int
	attractWarmAt time.Time       // when the slides' pictures are asked for (warmAttract; zero: not)
	closed        *closedCard     // outside opening hours (closed.go)
	stop          <-chan struct{} // closed when the app stops; nil until Start (tests)
	images        imageCache
	faces         faceCache  // the mirror's, decoded ahead (mirror_faces.go)
	strip         sceneStrip // the panorama of the scene on screen (scenes.go)
	wall          wallState
	anims         []*fyne.Animation // running animations of the screen on show (motion.go)
	slideDir      int               // the page turn being drawn: -1 back, +1 on, 0 none
	// homeTiles and compactHome are how many zone tiles the home screen shows and whether
	// they are the compact kind (set by its build).
	homeTiles   int
	compactHome bool
	// cameraNote is what the staff panel says about the mirror's camera ("" when fine).
	cameraNote string
}

// NewShell builds the UI into win and shows the attract loop.
func NewShell(win fyne.Window, d Deps) *Shell {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Effects == nil {
		d.Effects = audio.NoEffects{}
	}
	s := &Shell{
		d:       d,
		v:       d.Visit,
		win:     win,
		th:      newTheme(false),
		gesture: kiosk.NewGesture(d.Clock),
	}
	s.images.slots = make(chan struct{}, 1)
	s.images.blank = image.NewRGBA(image.Rect(0, 0, 1, 1))
	s.syncTheme()

	// The backdrop fades from colorBgTop into the window's own colour (the theme's
	// background, colorBg) over the upper half of the screen: the lower half would be a
	// second full-screen-sized layer to paint on every frame for a change of a few levels.
	bg := container.New(topPart{0.5}, canvas.NewLinearGradient(colorBgTop, colorBg, 0))
	s.page = container.NewStack()
	s.bar = container.NewStack()
	s.overlay = container.NewStack()
	s.main = container.NewBorder(nil, s.bar, nil, nil, s.page)
	hot := s.tappable(canvas.NewRectangle(color.Transparent), s.hotCornerTapped)
	corner := container.NewWithoutLayout(hot)
	hot.Resize(fyne.NewSize(110, 110))
	s.warmer = container.NewWithoutLayout()
	s.root = container.NewStack(bg, s.main, corner, s.overlay, s.warmer)
	win.SetContent(container.New(screenLayout{onResize: s.resized}, s.root))
	// A new pack on the shelf (installed, rolled back) is adopted between visits.
	d.Shelf.Subscribe(func(*exhibit.Pack) { s.do(s.adoptPack) }) // for the life of the program
	s.showAttract()
	return s
}

// screenLayout gives its content the whole window and reports no minimum size of its own:
// a real window never grows past the screen to fit its content (the views fit themselves to
// the window, at every supported size), so what is drawn is what can be tapped. It tells the
// shell when the window's size changes.
type screenLayout struct{ onResize func(fyne.Size) }

func (l screenLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if l.onResize != nil {
		l.onResize(size)
	}
}

func (screenLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(320, 240) }

// topPart lays its objects over the top fraction of its height.
type topPart struct{ fraction float32 }

func (l topPart) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, size.Height*l.fraction))
	}
}

func (topPart) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// resized draws the screen again when the window's size is not the one it was drawn for.
// Views choose their layout from the window's size (portrait, short screens, columns): the
// kiosk's first screen is built before the window has gone full screen, and was shown for a
// moment with its text squeezed into a column a character or two wide.
func (s *Shell) resized(size fyne.Size) {
	if size == s.drawnFor || size.Width < 2 || size.Height < 2 {
		return
	}
	s.drawnFor = size
	s.do(func() {
		if s.win.Canvas().Size() != size {
			return // resized again meanwhile: that layout asks again
		}
		if c := s.closed; c != nil && len(s.stack) == 0 { // outside opening hours
			s.showClosed(s.d.Clock.Now(), c.showHours)
			return
		}
		if len(s.stack) == 0 {
			s.page.Objects = []fyne.CanvasObject{s.attractPage()}
			s.page.Refresh()
			s.do(s.refit)
			return
		}
		s.render()
	})
}

// after runs fn on the UI thread d from now, once Start runs the ticker. Without it
// (tests) there is no timer: work a visitor would miss is also done by a tick (ahead, the
// next question's picture); giving memory back after a visit is not.
func (s *Shell) after(d time.Duration, fn func()) {
	stop := s.stop
	if stop == nil {
		return
	}
	time.AfterFunc(d, func() {
		select {
		case <-stop:
		default:
			fyne.Do(fn)
		}
	})
}

// do hands fn to the UI thread (from an install, an export, a decode, the shelf).
func (s *Shell) do(fn func()) {
	if s.d.Do != nil {
		s.d.Do(fn)
		return
	}
	fyne.Do(fn)
}

// pack is the content this visit shows.
func (s *Shell) pack() *exhibit.Pack { return s.v.Pack() }

// cat is the catalog this visit shows.
func (s *Shell) cat() *content.Catalog { return s.v.Pack().Catalog }

// adoptPack shows a new pack if no visit is in progress; otherwise the visit's end will.
func (s *Shell) adoptPack() {
	if !s.v.Adopt() {
		return
	}
	s.packChanged()
}

// packChanged redraws for the pack now on show: attract under whatever overlay is open.
func (s *Shell) packChanged() {
	s.images.reset(s.pack().Serial())
	s.showAttract()
	if s.modal == "staff" {
		s.refreshStaff(s.staffStatus) // keep what the install or rollback said
	}
}

// syncTheme applies the visit's text size to the theme.
func (s *Shell) syncTheme() {
	s.th.setLarge(s.v.Large()) // the caller draws the view again
	if fyne.CurrentApp().Settings().Theme() != s.th {
		fyne.CurrentApp().Settings().SetTheme(s.th)
	}
}

// Start runs the idle ticker until stop is closed. Ticks hop onto the Fyne thread.
func (s *Shell) Start(stop <-chan struct{}) {
	s.stop = stop
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
	s.dropWarm()
	s.warmStaff()
	st := s.d.Player.Status()
	if s.narr != nil {
		s.narr.update(s.narr.status())
	}
	switch s.v.Tick(st.State == audio.Playing) {
	case kiosk.Prompted:
		if s.modal == "staff" { // staff walked away: close the panel at once
			s.closeStaff()
			return
		}
		s.showIdlePrompt()
	case kiosk.Reset:
		s.afterVisit()
	case kiosk.NoChange:
		if s.v.State() == kiosk.Prompt {
			s.updateIdlePrompt()
		}
	}
	if s.v.State() == kiosk.Attract && !s.closedTick() && s.modal == "" {
		s.advanceAttract()
	}
	if s.v.State() == kiosk.Attract && s.modal == "" {
		s.settleWall() // between visits, once a day
	}
	if (s.v.State() == kiosk.Attract && s.modal == "") || s.modal == "staff" || s.modal == "pin" {
		s.warmAttract()
	}
	if t, ok := s.top().(ticker); ok && s.modal == "" {
		t.tick()
	}
	if s.v.State() != kiosk.Attract {
		s.ahead()
	}
	s.tickPacks()
	if s.d.OnTick != nil {
		s.d.OnTick(s.v.State() == kiosk.Attract && s.modal == "")
	}
}

// activity records a visitor tap; from attract it starts a visit.
func (s *Shell) activity() {
	if s.v.Touch() {
		s.closeModal()
	}
}

// tap wraps a handler so that it also counts as visitor activity, with a soft click.
func (s *Shell) tap(fn func()) func() {
	return func() {
		s.sound(audio.SoundTap)
		s.activity()
		if fn != nil {
			fn()
		}
	}
}

// answerTap wraps an answer's handler: visitor activity without the click, since the
// answer sounds right or wrong of its own.
func (s *Shell) answerTap(fn func()) func() {
	return func() {
		s.activity()
		fn()
	}
}

// sound plays a sound effect over any narration (nothing without a sound device).
func (s *Shell) sound(fx audio.Sound) { s.d.Effects.Play(fx) }

// record hands an event built by package event to the visit, which stamps it.
func (s *Shell) record(e event.Event) { s.v.Record(e) }

// push shows a new view on top of the stack.
func (s *Shell) push(v view) {
	s.leaveTop()
	s.stack = append(s.stack, v)
	s.show()
}

// replace swaps the top view (paging within a zone).
func (s *Shell) replace(v view) {
	if len(s.stack) == 0 {
		s.push(v)
		return
	}
	s.leaveTop()
	s.stack[len(s.stack)-1] = v
	s.show()
}

func (s *Shell) back() {
	if b, ok := s.top().(backer); ok && b.backWithin() {
		return
	}
	s.leaveTop()
	if len(s.stack) > 1 {
		s.stack = s.stack[:len(s.stack)-1]
	}
	s.show()
}

func (s *Shell) home() {
	s.leaveTop()
	s.stack = []view{&homeView{s: s}}
	s.show()
	s.aheadAt = s.d.Clock.Now().Add(aheadDelay) // home's first frames go first
	s.after(aheadDelay, s.ahead)                // not only at the next tick
}

// freeMemoryDelay is how long after a visit the kiosk gives memory back: closing the
// staff panel paid for the GC in the attract loop's first frame.
const freeMemoryDelay = 2 * time.Second

// aheadDelay is how long after home is shown ahead starts: after home's first frames
// (p95 under 110 ms), before most visitors choose a zone.
const aheadDelay = 200 * time.Millisecond

// ahead does, once home is on screen, the work a visit will want soon, off the UI thread:
// the measuring fonts, the pictures of each zone's first page at the boxes they are shown
// in (warm), the mirror's faces; and it paints history's first page off the window.
// Started with home itself, it took CPU from home's first frame (attract → home p95 1.74×
// the floor): software GL draws a frame with both cores. It runs aheadDelay after home, by
// a timer (or the next tick), and only while home is still on screen.
func (s *Shell) ahead() {
	if _, home := s.top().(*homeView); !home || s.aheadAt.IsZero() || s.d.Clock.Now().Before(s.aheadAt) {
		return // (left home within its first frames: done when home is back)
	}
	s.aheadAt = time.Time{}
	s.loadWidths()
	s.warm()
	s.warmFaces()
	s.warmHistory()
}

// loadWidths parses the theme's fonts for measuring (package textwidth) off the UI thread,
// once a visit has its first screen (ahead). They are 9 MB of font tables the attract
// loop, which breaks few new lines, does without: afterVisit drops them.
func (s *Shell) loadWidths() {
	if s.widths != nil || s.widthsLoading {
		return
	}
	s.widthsLoading = true
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		w, err := textwidth.New(assets.FontRegular, assets.FontBold)
		s.do(func() {
			s.widthsLoading = false
			switch {
			case err != nil: // the bundled fonts: not in a build that passed its tests
				s.d.Log.Error("bundled fonts unreadable; lines are measured by Fyne", "err", err)
			case s.v.State() != kiosk.Attract: // the visit is still on
				s.widths = w
			}
		})
	}()
}

func (s *Shell) leaveTop() {
	if l, ok := s.top().(leaver); ok {
		l.leave()
	}
}

// show puts the top view on screen after navigation: its enter hook runs, then it is drawn
// and what the visitor sees is recorded.
func (s *Shell) show() {
	s.narrSrc = nil
	s.keepStrip()
	if e, ok := s.top().(enterer); ok {
		e.enter()
	}
	s.render()
	s.v.Show(s.cur.zone, s.cur.item)
}

// render draws the top view and the bar for the current language and text size.
func (s *Shell) render() {
	s.dropWarm()
	s.stopMotion()
	s.narr = nil
	s.images.forget() // only the pictures of the page being drawn
	top := s.stack[len(s.stack)-1]
	s.cur = top.build()
	s.standOnGradient(s.cur.backdrop)
	// Narration keeps playing while the visitor pages within the same story; anything
	// else stops it.
	if st := s.d.Player.Status(); s.narr == nil || st.Clip != s.narr.clip {
		s.d.Player.Stop()
		s.v.NarrationStopped() // the idle period runs from this tap, not the next tick
	} else {
		s.narr.lastSt = st.State
		s.narr.update(st)
	}
	sw := touch.NewSwipe(s.cur.body, s.swipe)
	sw.OnTap = s.activity
	sw.HideCursor = s.d.HideCursor
	var page fyne.CanvasObject = sw
	if s.slideDir != 0 { // a page turn slides the new page in
		page = s.slideIn(sw, s.slideDir)
		s.slideDir = 0
	}
	s.page.Objects = []fyne.CanvasObject{page}
	s.page.Refresh()
	s.refreshBar()
}

// refreshBar draws the bottom bar, unless the screen hides it.
func (s *Shell) refreshBar() {
	s.bar.Objects = nil
	if !s.cur.noBar {
		s.bar.Objects = []fyne.CanvasObject{s.tappable(s.buildBar(), s.activity)}
	}
	s.bar.Refresh()
	// The page takes the bar's room when it is hidden, and gives it back: laid out at once
	// (the app's canvas would do it by the next frame; the test canvas never does).
	s.main.Layout.Layout(s.main.Objects, s.main.Size())
	s.do(s.refit) // after the layout: pictures at the size they are shown
}

// swipe pages the current screen, if it has a pager.
func (s *Shell) swipe(dir int) {
	s.activity()
	if p := s.cur.pager; p != nil {
		if next := p.pos + dir; next >= 1 && next <= p.total {
			s.slideDir = dir
			p.move(dir)
		}
	}
}

// scrollText makes a text column scroll by dragging, and page by swiping.
func (s *Shell) scrollText(obj fyne.CanvasObject) fyne.CanvasObject {
	return s.scrollTextOn(obj, colorBg)
}

// scrollTextOn is scrollText for a column on a ground of colour bg (a card): the cue fades
// into that colour.
func (s *Shell) scrollTextOn(obj fyne.CanvasObject, bg color.NRGBA) fyne.CanvasObject {
	d := touch.NewDragScroll(obj, s.swipe, s.activity)
	d.HideCursor = s.d.HideCursor
	d.Cue = s.moreCue(bg)
	return d
}

// moreCue is the fade and "上滑查看更多" along the bottom of text that goes on below the fold.
func (s *Shell) moreCue(bg color.NRGBA) fyne.CanvasObject {
	fade := canvas.NewVerticalGradient(withAlpha(bg, 0), withAlpha(bg, 0xF0))
	hint := s.label("↑ "+s.t("common.more"), sizeSmall, true, colorHeading)
	hint.Alignment = fyne.TextAlignTrailing
	sp := canvas.NewRectangle(color.Transparent)
	sp.SetMinSize(fyne.NewSize(0, 64))
	return container.NewStack(sp, fade, container.NewBorder(nil, hint, nil, nil))
}

// tappable wraps content as a touch target that follows the cursor setting.
func (s *Shell) tappable(content fyne.CanvasObject, fn func()) *touch.Tappable {
	t := touch.NewTappable(content, fn)
	t.HideCursor = s.d.HideCursor
	return t
}

// afterVisit is what the screen does when a visit has ended: attract, with the defaults
// (and maybe a new pack) in force.
func (s *Shell) afterVisit() {
	s.d.Player.Stop()
	s.leaveTop()
	s.stack = nil
	s.closeModal()
	s.syncTheme()
	if s.images.stale(s.pack().Serial()) {
		s.images.reset(s.pack().Serial())
	}
	s.showAttract()
	s.attractWarmAt = s.d.Clock.Now().Add(time.Second)
	// Between visits the kiosk idles for hours: keep the slides' pictures, give back the
	// rest, the measuring fonts and the mirror's faces (the Go heap's free pages too,
	// off the UI thread).
	s.images.trim(idleImageBudget)
	s.widths = nil
	s.faces.drop()
	if free := s.d.FreeMemory; free != nil { // a full GC: after the loop's first frames
		s.after(freeMemoryDelay, func() { go free() })
	}
}

func (s *Shell) toggleLang() {
	s.v.ToggleLang()
	s.render()
}

func (s *Shell) toggleTextSize() {
	s.v.ToggleLarge()
	s.syncTheme()
	s.render()
}

func (s *Shell) cycleVolume() {
	s.v.CycleVolume()
	s.refreshBar()
}

// t translates a UI string in the visitor's language.
func (s *Shell) t(key string, args ...any) string { return s.d.Strings.T(s.v.Lang(), key, args...) }

// tx picks the visitor's language from a content text (English with Latin quotes and
// ellipsis: englishPunct).
func (s *Shell) tx(t content.Text) string {
	if s.v.Lang() == content.En && t.En != "" {
		return english(t)
	}
	return t.In(s.v.Lang())
}

// other is a title in the language the visitor did not choose, shown under it.
func (s *Shell) other(t content.Text) string {
	if s.v.Lang() == content.En {
		return t.Zh
	}
	return english(t)
}

// english is the English side of a bilingual text, with Latin quotes and ellipsis.
func english(t content.Text) string { return englishPunct(t.En) }

// quote puts a caption line in quotation marks: “…” in Chinese, "…" in English.
func (s *Shell) quote(line string) string {
	if s.v.Lang() == content.En {
		return `"` + englishPunct(line) + `"`
	}
	return "“" + line + "”"
}

// Lang is the visitor's current language (for tests).
func (s *Shell) Lang() content.Lang { return s.v.Lang() }

// Large reports the text-size setting (for tests).
func (s *Shell) Large() bool { return s.v.Large() }

// Session exposes the visitor session (for tests and the staff panel).
func (s *Shell) Session() *kiosk.Session { return s.v.Session() }

// Modal names the overlay shown, "" for none (for tests).
func (s *Shell) Modal() string { return s.modal }

// Depth is the height of the navigation stack (0 in attract).
func (s *Shell) Depth() int { return len(s.stack) }
