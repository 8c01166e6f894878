package ui

import (
	"fmt"
	"image"
	"io/fs"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// pictures are the content pictures (not icons) shown in the window, with what each shows
// now: decodes still running are not waited for.
func (r *rig) pictures() map[*canvasImage]image.Image {
	out := map[*canvasImage]image.Image{}
	shown := map[fyne.CanvasObject]bool{r.shell.warmer: false}
	markShown(r.win.Canvas().Content(), shown)
	for o, ok := range shown {
		if ci, isImg := o.(*canvasImage); ok && isImg && r.shell.images.nameOf(ci) != "" && ci.Resource == nil {
			out[ci] = ci.Image
		}
	}
	return out
}

// readyAtOnce checks that the page just drawn shows every picture in its first frame, at
// the size it is shown: none waits for a decode, and none is decoded again once laid out.
func (r *rig) readyAtOnce(where string, want int) {
	r.t.Helper()
	first := r.pictures()
	if len(first) < want {
		r.t.Fatalf("%s: %d pictures on screen, want %d", where, len(first), want)
	}
	for ci := range first {
		if !r.shell.images.drawn(ci) {
			r.t.Errorf("%s: %s waits for its decode in the page's first frame", where, r.shell.images.nameOf(ci))
		}
	}
	r.settle()
	for ci, img := range first {
		if ci.Image != img && img.Bounds().Dx() > 1 { // drawn, then replaced (waiting is told above)
			r.t.Errorf("%s: %s was decoded again once laid out (%v, then %v in a %v box)", where,
				r.shell.images.nameOf(ci), img.Bounds().Size(), ci.Image.Bounds().Size(), ci.Size())
		}
	}
}

func TestFirstVisitFindsPicturesDecodedAtTheirBox(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	r.tap("轻触屏幕 开始参观")
	r.tick(750 * time.Millisecond) // home's work ahead: the boxes measured, the pictures decoded
	r.tap("情景体验")
	r.readyAtOnce("scene list", 4)
	r.tap("首页")
	r.tap("知识竞答")
	r.readyAtOnce("quiz zone", 3)
	r.tap("个人挑战")
	r.readyAtOnce("age choice", 3)
	r.tap("首页")
	r.tap("禁毒历史")
	r.readyAtOnce("history's first page", 1)
	r.tap("首页")
	r.tap("危害案例")
	r.readyAtOnce("case list", len(r.shell.cat().Cases.Cases))
	r.tap("首页")
	r.tap("毒品种类")
	r.readyAtOnce("catalogue", min(len(r.shell.cat().Drugs.Drugs), r.shell.cardsPerPage()))
}

// The pages of a zone show their picture in one box: once one page has been laid out,
// the next and previous pages' pictures are decoded at that box while the page is read,
// and a list lays its first entry out ahead and decodes its entries' pictures at that
// box, so that the entry tapped comes whole, its picture decoded once.
func TestZonePagesFindTheirPictureDecodedAhead(t *testing.T) {
	r := newRig(t)
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒历史")
	r.settle()
	r.tap("下一个")
	r.readyAtOnce("history's second page", 1)
	r.tap("上一个")
	r.readyAtOnce("history's first page again", 1)

	r.tap("首页")
	r.tick(750 * time.Millisecond) // home's work ahead: the catalogue's cards at their box
	r.tap("毒品种类")
	r.tick(250 * time.Millisecond) // the list's first frames, then its entry laid out ahead
	r.tick(250 * time.Millisecond)
	d := r.shell.cat().Drugs.InCategory("")[2] // any entry on screen, not only the one laid out ahead
	r.tap(d.Name.Zh)
	if !r.showsImage(d.Image) {
		t.Fatalf("the entry's page does not show %s", d.Image)
	}
	if n := r.decodedSizes(d.Image); n != 2 { // its card and its page, each once
		t.Errorf("the entry's picture was decoded at %d sizes, want 2 (card and page)", n)
	}
	r.readyAtOnce("the entry tapped", 1)
	r.tap("下一个")
	r.readyAtOnce("the next entry", 1)

	r.tap("首页")
	r.tap("危害案例")
	r.tick(250 * time.Millisecond)
	r.tick(250 * time.Millisecond)
	c := r.shell.caseAt(1)
	r.tap(r.shell.cat().Cases.Cases[1].Title.Zh)
	r.readyAtOnce("the story tapped", 1)
	if n := r.decodedSizes(c.PageImage(0, r.shell.primaryMode())); n != 1 {
		t.Errorf("the story's first picture was decoded at %d sizes, want 1", n)
	}
	r.tap("下一个")
	r.readyAtOnce("the story's second page", 1)
}

// Home's work ahead paints history's first page outside the window (its texts' textures
// made while the visitor chooses), reading nothing aloud and recording nothing; the copy
// goes at the next tick.
func TestHomePaintsHistorysFirstPageAhead(t *testing.T) {
	r := newRig(t)
	r.tap("轻触屏幕 开始参观")
	events, plays := len(r.events.all), len(r.player.plays)
	title := r.shell.cat().History.Events[0].Title.Zh
	warm := func() bool { return r.paintedAhead(title) }
	r.tick(750 * time.Millisecond)
	if !warm() || r.shell.warmer.Objects[0].Position().X >= 0 {
		t.Fatal("history's first page was not painted ahead, outside the window")
	}
	if r.has(title) || r.shell.narr != nil || r.shell.narrSrc != nil {
		t.Fatal("painting history ahead showed it, or left its reading registered on home")
	}
	if len(r.events.all) != events || len(r.player.plays) != plays {
		t.Fatal("painting history ahead recorded or played something")
	}
	r.tick(250 * time.Millisecond)
	if warm() {
		t.Fatal("the copy must go at the next tick")
	}
}

// withQuestionPictures gives every question of the test bank a picture of its own.
func withQuestionPictures(c *rigConfig) {
	var pics []string
	for _, dir := range []string{"history", "cases", "drugs"} {
		m, _ := fs.Glob(c.pack.Root, "media/img/"+dir+"/*.png")
		pics = append(pics, m...)
	}
	for i := range c.pack.Bank.Questions {
		c.pack.Bank.Questions[i].Image = pics[i%len(pics)]
	}
}

// A visitor answering within half a second still gets the next picture ahead: it is asked
// for once the feedback is on.
func TestNextQuestionPictureIsDecodedAfterAQuickAnswer(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}), withQuestionPictures)
	v := r.startSolo("中学生")
	r.settle() // a question with a picture has been laid out: the slot's box is known
	up, _ := v.round.Upcoming()
	r.answerRight(v) // at once
	r.tick(250 * time.Millisecond)
	r.tap("下一题")
	if v.round.Current().ID != up.ID {
		t.Fatal("下一题 did not show the next question")
	}
	r.readyAtOnce("question after a quick answer", 1)
}

func TestNextQuestionPictureIsDecodedAhead(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}), withQuestionPictures)
	v := r.startSolo("中学生")
	r.settle()
	checked, boxed := 0, false
	for i := 0; i < v.round.Len()-1 && checked < 2; i++ {
		boxed = boxed || v.round.Current().Image != "" // the slot's box is known from then on
		up, _ := v.round.Upcoming()
		r.tick(250 * time.Millisecond) // half a second into the question: two ticks
		r.tick(250 * time.Millisecond)
		r.answerRight(v)
		r.settle()
		r.tap("下一题")
		if boxed && up.Image != "" {
			r.readyAtOnce("question "+up.ID, 1)
			checked++
		}
		r.settle()
	}
	if checked == 0 {
		t.Fatal("no question with a picture after one with a picture: the bank or the test changed")
	}
}

// The age page draws a round per age while the visitor chooses, lays each first question
// out ahead (off the window, the first time) and decodes its picture at its box: the round
// chosen comes on whole, the kiosk's very first one too. Nothing is recorded or read
// aloud for the rounds drawn.
func TestFirstQuestionPictureIsDecodedAhead(t *testing.T) {
	for _, age := range []string{"小学生", "成人"} {
		r := newRig(t, withQuiz(&saves{}), withQuestionPictures)
		r.tap("轻触屏幕 开始参观")
		r.tap("知识竞答")
		r.tap("个人挑战")
		events, plays := len(r.events.all), len(r.player.plays)
		r.tick(250 * time.Millisecond) // the age page's first frames
		for range quiz.Audiences {     // then the rounds, and one age a tick
			r.tick(250 * time.Millisecond)
		}
		if len(r.events.all) != events || len(r.player.plays) != plays {
			t.Fatalf("drawing ahead recorded %d events and played %v", len(r.events.all)-events, r.player.plays[plays:])
		}
		r.tap(age)
		r.readyAtOnce(age+" first question", 1)
	}
}

// A round whose first question has no picture still has its first picture laid out ahead
// on the age page: the kiosk's first round of an age shows it whole when it comes.
func TestFirstPictureOfARoundIsDecodedAhead(t *testing.T) {
	drawn := func(r *rig) *soloView { // the age page, its rounds drawn ahead, then 中学生
		r.tap("轻触屏幕 开始参观")
		r.tap("知识竞答")
		r.tap("个人挑战")
		r.tick(250 * time.Millisecond)
		for range quiz.Audiences {
			r.tick(250 * time.Millisecond)
		}
		r.tap("中学生")
		v, ok := r.shell.top().(*soloView)
		if !ok {
			t.Fatal("中学生 did not start a round")
		}
		return v
	}
	// The rig's draws are the same each run: the round's opening question, found once, is
	// then given no picture.
	opening := drawn(newRig(t, withQuiz(&saves{}), withQuestionPictures)).round.Current().ID
	r := newRig(t, withQuiz(&saves{}), withQuestionPictures, func(c *rigConfig) {
		for i, q := range c.pack.Bank.Questions {
			if q.ID == opening {
				c.pack.Bank.Questions[i].Image = ""
			}
		}
	})
	v := drawn(r)
	if v.round.Current().ID != opening || v.round.Current().Image != "" {
		t.Fatal("the round does not open with the question without a picture: the draw changed")
	}
	r.answerRight(v)
	r.settle()
	r.tap("下一题")
	if v.round.Current().Image == "" {
		t.Fatal("the round's second question has no picture")
	}
	r.readyAtOnce("the round's first picture", 1)
}

// The attract slides' pictures are decoded a second into the loop after a visit and kept
// whatever the budget (a long visit evicted them, and the loop then came back without its picture):
// after a visit the slide comes on whole, whichever it is.
func TestAttractSlidesAreKeptWhateverTheBudget(t *testing.T) {
	r := newRig(t)
	decoded := func(p string) bool { // decoded, at any size
		c := &r.shell.images
		c.mu.Lock()
		defer c.mu.Unlock()
		for k := range c.entries {
			if k.path == p {
				return true
			}
		}
		return false
	}
	r.settle()
	sl := r.shell.cat().Attract.Slides
	next := sl[(r.shell.attractN+1)%len(sl)].Image
	r.tick(time.Second)
	if decoded(next) {
		t.Fatal("the loop after a start decoded a slide it has not shown yet: the idle kiosk's memory")
	}
	r.tap("轻触屏幕 开始参观")
	r.tick(10 * time.Minute) // the idle reset ends the visit
	r.tick(time.Second)      // a second into the loop after a visit, the slides' pictures are decoded
	r.tap("轻触屏幕 开始参观")
	r.tap("毒品种类")
	r.settle()
	r.shell.images.trim(0) // as a visit through many pictures does
	r.tap("首页")
	for i := range len(r.shell.cat().Attract.Slides) {
		r.shell.attractAt = time.Time{}
		per := time.Duration(r.shell.cat().Attract.SecondsPerSlide) * time.Second
		for r.shell.slideIndex() != i { // the clock's slide is the one the loop comes back on
			r.clock.Advance(per)
		}
		r.shell.afterVisit()
		r.readyAtOnce(fmt.Sprintf("attract slide %d after a visit", i), 1)
		r.tap("轻触屏幕 开始参观")
	}
}

func TestFitLooseKeepsAPictureNearlyTheBoxSize(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 800, 600))
	if got := fitLoose(img, 764, 573); got != image.Image(img) {
		t.Fatalf("a picture within a tenth of its box was scaled to %v", got.Bounds().Size())
	}
	if got := fitLoose(img, 400, 300).Bounds().Size(); got != image.Pt(400, 300) {
		t.Fatalf("a picture twice its box came out %v", got)
	}
	if got := fitLoose(img, 1600, 1200); got != image.Image(img) {
		t.Fatal("a picture smaller than its box was scaled up")
	}
}

// The staff panel closes into the attract loop: a second into the panel the slides'
// pictures are decoded, so the loop comes on whole, whichever slide is due.
// Staff who open the panel and close it within a second (the PIN typed, a glance at the
// numbers) close into a whole loop too: the slides are decoded while the PIN is typed.
func TestQuickStaffPanelClosesIntoAWholeLoop(t *testing.T) {
	r := newRig(t)
	r.settle()
	r.quickStaffPanel("attract after a quick look at the staff panel")
}

// A start whose loop showed only its teaser question before the visit had laid out no
// slide's picture: the staff panel closed into a slide decoded on the close.
func TestQuickStaffPanelAfterATeaserStartClosesIntoAWholeLoop(t *testing.T) {
	r := newRig(t, withBundledBank(t), startingOnTheTeaser)
	r.settle()
	if !r.has("考考你  Quiz time") {
		t.Fatal("the loop did not start on its teaser question")
	}
	r.quickStaffPanel("attract after a teaser start and a quick look at the staff panel")
}

// quickStaffPanel starts a visit, opens the staff panel with the PIN typed in half a
// second, closes it at once with the next slide due, and checks the loop comes on whole.
func (r *rig) quickStaffPanel(where string) {
	r.t.Helper()
	r.tap("轻触屏幕 开始参观")
	r.openPINPad()
	r.tick(500 * time.Millisecond) // the PIN being typed
	r.enterPIN(testPIN)
	if r.shell.Modal() != "staff" {
		r.t.Fatal("staff panel did not open")
	}
	r.clock.Advance(time.Duration(r.shell.cat().Attract.SecondsPerSlide) * time.Second) // a slide not shown yet is due
	r.tap("关闭面板")
	r.readyAtOnce(where, 1)
}

// startingOnTheTeaser sets the rig's clock where the loop's first slide is its teaser
// question (the slide after the content's; the pack needs a bank).
func startingOnTheTeaser(c *rigConfig) {
	clock := c.deps.Clock.(*kiosk.ManualClock)
	a := c.pack.Catalog.Attract
	per := int64(time.Duration(a.SecondsPerSlide) * time.Second)
	n := int64(len(a.Slides) + 1)
	due := clock.Now().UnixNano() / per % n
	clock.Advance(time.Duration((int64(len(a.Slides)) - due + n) % n * per))
}

func TestStaffPanelClosesIntoAWholeLoop(t *testing.T) {
	r := newRig(t)
	r.settle() // the loop after a start: its first slide only
	r.tap("轻触屏幕 开始参观")
	r.openStaff()
	r.tick(1250 * time.Millisecond)
	r.clock.Advance(time.Duration(r.shell.cat().Attract.SecondsPerSlide) * time.Second) // a slide not shown yet is due
	r.tap("关闭面板")
	r.readyAtOnce("attract after the staff panel", 1)
}
