package ui

import (
	"path"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// Pictures ahead of need: a page comes on with its pictures decoded at the size they are
// shown, in its first frame, when the boxes they are shown in are known before it comes
// (slots, sizeAhead) and their decodes start while the page before is read (warmIn,
// prefetch, warm).

// A slot is a place pictures take turns in, always in a box of the same size: the quiz
// question's picture, a scene card, a quiz choice card, an attract slide's. Once one picture has been laid out
// there, the next ones are decoded at that box at once (one decode, no refit), and ahead of
// need while the page before is read (warmIn).
const (
	slotQuestion  = "quiz-question" // unanswered; one per age (questionSlot)
	slotAnswered  = "quiz-answered" // the same picture, beside the feedback
	slotQuizHome  = "quiz-home"
	slotQuizAge   = "quiz-age"
	slotSceneCard = "scene-card"
	slotAttract   = "attract-slide"
)

// questionSlot is the slot of an unanswered question's picture for an audience: the
// primary layout has a reading bar the others have not.
func questionSlot(audience string) string { return slotQuestion + "-" + audience }

// cardSlot is the slot of the i-th card of a row whose cards' texts differ (the quiz's
// choice cards): each card's picture has a box of its own.
func cardSlot(slot string, i int) string { return slot + "-" + strconv.Itoa(i) }

// boxLocked is slot's box for the window size vp, when known (c.mu held).
func (c *imageCache) boxLocked(slot string, vp fyne.Size) (imageKey, bool) {
	if slot == "" || vp != c.boxesAt {
		return imageKey{}, false
	}
	b, ok := c.boxes[slot]
	return b, ok
}

// learnLocked keeps b as slot's box at the window size vp (c.mu held); the boxes of
// another size are forgotten.
func (c *imageCache) learnLocked(slot string, vp fyne.Size, b imageKey) {
	if vp != c.boxesAt {
		clear(c.boxes)
		c.boxesAt = vp
	}
	c.boxes[slot] = b
}

// sizeAhead lays out, outside the window and without painting it, the page build makes,
// so that the boxes of its pictures' slots are known before it first comes: warmIn can
// then decode its pictures at the size they will be shown, while the page before is read.
// Nothing on the copy is decoded, and the reading it registers is put back; build must
// record and play nothing (a question is built shown and spoken). It runs once per slot
// and window size.
func (s *Shell) sizeAhead(slot string, build func() fyne.CanvasObject) {
	c := &s.images
	vp := s.viewport()
	c.mu.Lock()
	_, known := c.boxLocked(slot, vp)
	if known || c.entries == nil {
		c.mu.Unlock()
		return
	}
	c.dry = map[*canvas.Image]string{}
	c.mu.Unlock()
	narr, src := s.narr, s.narrSrc // a question's reading bar registers itself: not this copy's
	defer func() { s.narr, s.narrSrc = narr, src }()
	obj := build()
	// Laid out twice, as the window's canvas does over its first frames: a paragraph knows
	// its lines, and so its height, once it has had its width. Pictures a layout builds
	// (fitWay) are dry too.
	size := s.page.Size()
	obj.Resize(size.SubtractWidthHeight(1, 1))
	obj.Resize(size)
	c.mu.Lock()
	defer c.mu.Unlock()
	dry := c.dry
	c.dry = nil
	sc := s.pixelScale()
	for ci, sl := range dry {
		if bw, bh := int(ci.Size().Width*sc+0.5), int(ci.Size().Height*sc+0.5); sl != "" && bw >= 8 && bh >= 8 {
			c.learnLocked(sl, vp, imageKey{w: bw, h: bh, cover: ci.FillMode == canvas.ImageFillCover})
		}
	}
}

// warmIn decodes, off the UI thread, the pictures paths a page about to come will show
// in slot, at the slot's box: the page then shows them in its first frame. Nothing until
// the slot has been laid out once (its box unknown, a decode could be in vain), and
// nothing for a picture decoded or decoding already.
func (s *Shell) warmIn(slot string, paths ...string) {
	c := &s.images
	pk := s.pack()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || c.serial != pk.Serial() {
		c.resetLocked(pk.Serial())
	}
	b, ok := c.boxLocked(slot, s.viewport())
	if !ok {
		return
	}
	for _, p := range paths {
		if p == "" || strings.EqualFold(path.Ext(p), ".svg") {
			continue
		}
		k := b
		k.path = p
		c.startLocked(s, k, pk)
	}
}

// startLocked starts decoding k unless it is decoded or decoding (c.mu held).
func (c *imageCache) startLocked(s *Shell, k imageKey, pk *exhibit.Pack) {
	if el, ok := c.entries[k]; ok {
		c.lru.MoveToFront(el)
		return
	}
	if _, busy := c.waiting[k]; !busy {
		c.waiting[k] = nil // decoding, with no picture waiting yet
		s.decode(k, pk.Root, pk.Serial())
	}
}

// prefetch asks for the picture p, which the next page shows where this page shows like
// (a story's next page), to be decoded off the UI thread while this page is read, at the
// size like is shown: the next page then shows it at once and needs no second decode. It
// starts when like is laid out with its picture (refit); nothing for an SVG.
func (s *Shell) prefetch(p, like string) {
	c := &s.images
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next = nil
	if p != "" && p != like && !strings.EqualFold(path.Ext(p), ".svg") {
		c.next = &prefetchReq{path: p, like: like}
	}
}

// prefetchReq is a picture to decode for the next page, the size of like's on this one.
type prefetchReq struct{ path, like string }

// prefetchLocked starts the decode prefetch asked for, once its like picture is on screen
// with its picture (c.mu held; refit calls it after fitting the pictures on screen).
func (s *Shell) prefetchLocked(pk *exhibit.Pack) {
	c := &s.images
	r := c.next
	for ci, k := range c.keys {
		if c.names[ci] != r.like || !c.drawn(ci) { // not on screen, or not decoded yet
			continue
		}
		c.next = nil
		sc := s.pixelScale()
		nominal := imageKey{r.path, int(float32(detailW) * sc), int(float32(detailH) * sc), false, false}
		f := imageKey{r.path, k.w, k.h, false, false} // a picture beside a text is never cut
		if f != nominal {
			c.fitted[nominal] = f
		}
		c.startLocked(s, f, pk)
		return
	}
}

// warm decodes, off the UI thread, pictures a visit is likely to want before it asks:
// the scene list's cards (its first visit otherwise decoded them all while the page came
// on) and the quiz's choice cards. Home has it done while the visitor chooses a zone
// (ahead); the pictures are decoded at the box they were last shown in (the scene cards
// at card size before that), and not again while they are kept. (On the attract loop
// they would cost the idle kiosk memory and its start a share of the CPU.)
func (s *Shell) warm() {
	for _, z := range s.cat().Zones { // their boxes, the first time (sizeAhead)
		switch {
		case z.Kind == content.KindScenes:
			s.sizeAhead(slotSceneCard, func() fyne.CanvasObject { return (&sceneListView{s: s, zone: z}).build().body })
		case z.Kind == content.KindQuiz && s.pack().HasQuiz():
			s.sizeAhead(cardSlot(slotQuizHome, 0), func() fyne.CanvasObject { return (&quizHomeView{s: s, zone: z}).build().body })
			s.sizeAhead(cardSlot(slotQuizAge, 0), func() fyne.CanvasObject { return (&agePickView{s: s, zone: z}).build().body })
		}
	}
	var scenes []string
	for _, sc := range s.cat().Scenes.Scenes {
		if sc.Thumbnail != "" && !strings.EqualFold(path.Ext(sc.Thumbnail), ".svg") {
			scenes = append(scenes, sc.Thumbnail)
		}
	}
	s.warmIn(slotSceneCard, scenes...)
	for i, p := range quizHomeImages {
		s.warmIn(cardSlot(slotQuizHome, i), p)
	}
	for i, a := range quiz.Audiences {
		s.warmIn(cardSlot(slotQuizAge, i), ageImages[a])
	}

	c := &s.images
	pk := s.pack()
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, known := c.boxLocked(slotSceneCard, s.viewport()); known {
		return
	}
	sc := s.pixelScale()
	for _, p := range scenes { // no box (no window yet): at card size, refitted when shown
		c.startLocked(s, c.keyLocked(p, imageKey{w: thumbW, h: thumbH}, sc, "", s.viewport()), pk)
	}
}

// keepAlways keeps the pictures paths (the attract slides) whatever the budget, once
// decoded at the attract slot's box.
func (c *imageCache) keepAlways(paths []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keep = map[string]bool{}
	for _, p := range paths {
		c.keep[p] = true
	}
}
