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
// warm).

// A slot is a place pictures take turns in, always in a box of the same size: the quiz
// question's picture, a scene card, a quiz choice card, a catalogue or case card, a
// zone's page picture, an attract slide's. Once one picture has been laid out there, the
// next ones are decoded at that box at once (one decode, no refit), and ahead of need
// while the page before is read (warmIn).
const (
	slotQuestion  = "quiz-question" // unanswered; one per age (questionSlot)
	slotAnswered  = "quiz-answered" // the same picture, beside the feedback (portrait: above the question)
	slotQuizHome  = "quiz-home"
	slotQuizAge   = "quiz-age"
	slotSceneCard = "scene-card"
	slotDrugCard  = "drug-card" // the catalogue's cards, one slot per place (cardSlot)
	slotCaseCard  = "case-card"
	slotDetail    = "detail" // a page's picture beside its text, one per zone (detailSlot)
	slotAttract   = "attract-slide"
)

// detailSlot is the slot of the picture beside the text on a page of zone (history's
// events, the catalogue's entries, a story's pages, the disguise game's items).
func detailSlot(zone string) string { return slotDetail + "-" + zone }

// questionSlot is the slot of an unanswered question's picture for an audience: the
// primary layout has a reading bar the others have not.
func questionSlot(audience string) string { return slotQuestion + "-" + audience }

// cardSlot is the slot of the i-th card of a row or grid whose cards' texts differ (the
// quiz's choice cards, the catalogue): each card's picture has a box of its own.
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

// sizeAhead lays out, outside the window and without painting it, the page the view v
// draws (buildAside), so that the boxes of its pictures' slots are known before it first
// comes: warmIn can then decode its pictures at the size they will be shown, while the
// page before is read. Nothing on the copy is decoded. It runs once per slot and window
// size.
func (s *Shell) sizeAhead(slot string, v view) {
	s.sizeAheadAt(slot, s.page.Size(), func() fyne.CanvasObject { return s.buildAside(v) })
}

// sizeAheadAt is sizeAhead for a page build makes, laid out at size.
func (s *Shell) sizeAheadAt(slot string, size fyne.Size, build func() fyne.CanvasObject) {
	c := &s.images
	vp := s.viewport()
	c.mu.Lock()
	_, known := c.boxLocked(slot, vp)
	if known || c.entries == nil {
		c.mu.Unlock()
		return
	}
	c.dry = map[*canvas.Image]imageKey{}
	c.mu.Unlock()
	obj := build()
	// Laid out twice, as the window's canvas does over its first frames: a paragraph knows
	// its lines, and so its height, once it has had its width. Pictures a layout builds
	// (fitWay) are dry too.
	obj.Resize(size.SubtractWidthHeight(1, 1))
	obj.Resize(size)
	c.mu.Lock()
	defer c.mu.Unlock()
	dry := c.dry
	c.dry = nil
	sc := s.pixelScale()
	for ci, like := range dry {
		if bw, bh := int(ci.Size().Width*sc+0.5), int(ci.Size().Height*sc+0.5); like.path != "" && bw >= 8 && bh >= 8 {
			c.learnLocked(like.path, vp, imageKey{w: bw, h: bh, crop: like.crop, cover: ci.FillMode == canvas.ImageFillCover})
		}
	}
}

// warmIn decodes, off the UI thread, the pictures paths a page about to come will show
// in slot, at the slot's box: the page then shows them in its first frame. Until the slot
// has been laid out once (its box unknown, a decode could be in vain), the page on screen
// keeps the request (the last one asked) and refit starts it once the page has laid the
// slot out (the next page of a story, the first time). Nothing for a picture decoded or
// decoding already, nor while sizeAhead builds a page.
func (s *Shell) warmIn(slot string, paths ...string) {
	c := &s.images
	pk := s.pack()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dry != nil {
		return
	}
	if c.entries == nil || c.serial != pk.Serial() {
		c.resetLocked(pk.Serial())
	}
	c.next = &warmReq{slot: slot, paths: paths}
	s.warmLocked(pk)
}

// warmReq is pictures to decode at slot's box once it is known.
type warmReq struct {
	slot  string
	paths []string
}

// warmLocked starts the decodes warmIn asked for, if their slot's box is known (c.mu held).
func (s *Shell) warmLocked(pk *exhibit.Pack) {
	c := &s.images
	r := c.next
	b, ok := c.boxLocked(r.slot, s.viewport())
	if !ok {
		return
	}
	c.next = nil
	for _, p := range r.paths {
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

// warm decodes, off the UI thread, pictures a visit is likely to want before it asks:
// each zone's first page's, zone by zone in home's order (history's first event, the
// catalogue's and the case list's cards, the quiz's choice cards, the scene list's
// cards); their first visit otherwise decoded them all while the page came on. Home has
// it done while the visitor chooses a zone (ahead); each page is laid out ahead the first
// time (sizeAhead), so that its pictures are decoded once, at the box they are shown in,
// and not again while they are kept. (On the attract loop they would cost the idle kiosk
// memory and its start a share of the CPU.) Decodes run one at a time, in this order.
func (s *Shell) warm() {
	cat := s.cat()
	var scenes []string
	for _, sc := range cat.Scenes.Scenes {
		if sc.Thumbnail != "" && !strings.EqualFold(path.Ext(sc.Thumbnail), ".svg") {
			scenes = append(scenes, sc.Thumbnail)
		}
	}
	for _, z := range cat.Zones {
		switch {
		case z.Kind == content.KindHistory && len(cat.History.Events) > 0:
			s.sizeAhead(detailSlot(z.ID), &historyView{s: s, zone: z})
			s.warmIn(detailSlot(z.ID), cat.History.Events[0].Image)
		case z.Kind == content.KindDrugs:
			s.sizeAhead(cardSlot(slotDrugCard, 0), &drugListView{s: s, zone: z})
			all := cat.Drugs.InCategory("")
			for i, d := range all[:min(len(all), s.cardsPerPage())] {
				s.warmIn(cardSlot(slotDrugCard, i), d.Image)
			}
		case z.Kind == content.KindCases:
			s.sizeAhead(cardSlot(slotCaseCard, 0), &caseListView{s: s, zone: z})
			for i, c := range cat.Cases.Cases {
				s.warmIn(cardSlot(slotCaseCard, i), c.CaseImage(s.primaryMode()))
			}
		case z.Kind == content.KindQuiz && s.pack().HasQuiz():
			s.sizeAhead(cardSlot(slotQuizHome, 0), &quizHomeView{s: s, zone: z})
			s.sizeAhead(cardSlot(slotQuizAge, 0), &agePickView{s: s, zone: z})
			for i, p := range quizHomeImages {
				s.warmIn(cardSlot(slotQuizHome, i), p)
			}
			for i, a := range quiz.Audiences {
				s.warmIn(cardSlot(slotQuizAge, i), ageImages[a])
			}
		case z.Kind == content.KindScenes:
			s.sizeAhead(slotSceneCard, &sceneListView{s: s, zone: z})
			s.warmIn(slotSceneCard, scenes...)
		}
	}

	c := &s.images
	pk := s.pack()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next = nil // a box still unknown (no window yet) is not waited for: home has none
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
