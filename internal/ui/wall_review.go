package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// pageWall is the staff panel's review queue of the message wall.
const pageWall = "wall"

// reviewState is the review queue's position and what it last read.
type reviewState struct {
	list   wall.State // Pending, Approved or Hidden
	page   int
	msgs   []wall.Message
	counts map[wall.State]int
	loaded bool
	status string // the last decision's result, or why the store could not be read
}

// reviewLists are the lists staff page through, in tab order.
var reviewLists = []wall.State{wall.Pending, wall.Approved, wall.Hidden}

// reviewPerPage is how many messages a review page shows.
func (s *Shell) reviewGrid() (cols, rows int) {
	if s.narrow() {
		return 2, 2
	}
	return 3, 2
}

// showWallReview opens the review queue in the staff panel and reads its first page.
func (s *Shell) showWallReview() {
	s.staffPage = pageWall
	s.enterWallReview()
}

// enterWallReview reads the review queue's page when its panel page opens.
func (s *Shell) enterWallReview() {
	if s.wall.review.list == "" {
		s.wall.review.list = wall.Pending
	}
	s.loadReview("")
}

// loadReview reads the current list's page off the UI thread, then redraws the panel with
// status.
func (s *Shell) loadReview(status string) {
	r := &s.wall.review
	cols, rows := s.reviewGrid()
	per := cols * rows
	list, page := r.list, r.page
	var msgs []wall.Message
	var counts map[wall.State]int
	s.wallWork(func() error {
		var err error
		if counts, err = s.d.Wall.Counts(); err != nil {
			return err
		}
		if n := counts[list]; page*per >= n && page > 0 { // the last page emptied
			page = max(0, (n-1)/per)
		}
		msgs, err = s.d.Wall.List(list, page*per, per)
		return err
	}, func(err error) {
		r.loaded, r.msgs, r.counts, r.page, r.status = true, msgs, counts, page, status
		if err != nil {
			s.d.Log.Error("wall review: read", "err", err)
			r.status = s.t("staff.wall.failed") + err.Error()
		}
		if s.modal == "staff" && s.staffPage == pageWall {
			s.refreshStaff(s.staffStatus)
		}
	})
}

// wallReviewPage is the review queue: counts, the lists, a page of messages with their
// decisions, 本页全部通过, and the handwriting-review setting. Every decision is a staff
// event. The staff panel hosts it as one of its pages.
func (s *Shell) wallReviewPage() fyne.CanvasObject {
	r := &s.wall.review
	box := container.NewVBox()
	if mv := s.d.Wall.MovedAside(); mv != "" {
		box.Add(s.para(s.t("staff.wall.moved", mv), sizeBody, true, colorNameHeading))
	}
	switch w := s.d.Wall.Waiting(); { // old messages the office does not have yet
	case w.Dropped > 0:
		box.Add(s.para(s.t("staff.wall.dropped", w.Dropped, w.Max), sizeBody, true, colorNameHeading))
	case w.Kept > 0:
		box.Add(s.para(s.t("staff.wall.waiting", w.Kept, w.Max), sizeBody, false, colorNameHeading))
	}
	c := r.counts
	box.Add(s.label(s.t("staff.wall.counts", c[wall.Pending], c[wall.Approved], c[wall.Rejected], c[wall.Hidden]), sizeLead, true, colorHeading))
	tabs := container.NewHBox()
	for _, l := range reviewLists {
		l := l
		tabs.Add(s.chip(s.t("staff.wall."+string(l)), r.list == l, func() { r.list, r.page = l, 0; s.loadReview("") }))
	}
	st := s.v.Settings()
	review := container.NewHBox(
		s.chip(s.t("staff.on"), !st.WallInkAtOnce, func() { s.changeSetting("wall_ink_at_once", func(x *kiosk.Settings) { x.WallInkAtOnce = false }) }),
		s.chip(s.t("staff.off"), st.WallInkAtOnce, func() { s.changeSetting("wall_ink_at_once", func(x *kiosk.Settings) { x.WallInkAtOnce = true }) }))
	box.Add(container.NewBorder(nil, nil, tabs, s.settingRow(s.t("staff.wall.review.ink"), review)))
	if r.status != "" {
		box.Add(s.para(r.status, sizeBody, false, colorNameHeading))
	}

	cols, rows := s.reviewGrid()
	per := cols * rows
	grid := container.NewGridWithColumns(cols)
	for _, m := range r.msgs {
		m := m
		var acts fyne.CanvasObject
		switch m.State {
		case wall.Pending:
			acts = container.NewGridWithColumns(2,
				s.pill(s.t("staff.wall.approve"), colorGood, func() { s.decide(wall.Approved, event.WallApprove, m) }),
				s.pill(s.t("staff.wall.reject"), colorBad, func() { s.decide(wall.Rejected, event.WallReject, m) }))
		case wall.Approved:
			acts = s.pill(s.t("staff.wall.hide"), colorBad, func() { s.decide(wall.Hidden, event.WallHide, m) })
		default:
			acts = s.pill(s.t("staff.wall.show"), colorSurfaceHi, func() { s.decide(wall.Approved, event.WallShow, m) })
		}
		grid.Add(container.NewBorder(nil, acts, nil, nil, s.wallCard(m, false)))
	}
	var middle fyne.CanvasObject = grid
	if r.loaded && len(r.msgs) == 0 {
		middle = container.NewCenter(s.label(s.t("staff.wall.none"), sizeLead, false, colorMuted))
	}
	foot := container.NewHBox()
	total := c[r.list]
	if pages := (total + per - 1) / per; pages > 1 {
		foot.Add(s.pill("‹", colorSurfaceHi, func() { r.page = max(0, r.page-1); s.loadReview("") }))
		foot.Add(container.NewCenter(s.label(s.t("common.page", r.page+1, pages), sizeBody, false, colorText)))
		foot.Add(s.pill("›", colorSurfaceHi, func() { r.page = min(pages-1, r.page+1); s.loadReview("") }))
	}
	foot.Add(layout.NewSpacer())
	if page := r.msgs; r.list == wall.Pending && len(page) > 0 {
		foot.Add(s.pill(s.t("staff.wall.approve.page", len(page)), colorGood, func() { s.decide(wall.Approved, event.WallApprovePage, page...) }))
	}
	return container.NewBorder(box, foot, nil, nil, padded(8, middle))
}

// decide stores a decision on msgs, records one staff event per message (and, for what goes
// up or comes down, the wall_message event the hub keeps), and reloads.
func (s *Shell) decide(to wall.State, action string, msgs ...wall.Message) {
	var ids []string
	for _, m := range msgs {
		ids = append(ids, m.ID)
	}
	s.wallWork(func() error { return s.d.Wall.Decide(to, ids...) }, func(err error) {
		if err != nil {
			s.d.Log.Error("wall review: decision not stored", "action", action, "err", err)
			s.loadReview(s.t("staff.wall.failed") + err.Error())
			return
		}
		for _, m := range msgs {
			s.record(event.NewStaffWall(action, m.ID, len(ids)))
			if m.State = to; to == wall.Approved || to == wall.Hidden {
				s.record(wallMessageEvent(m))
			}
		}
		s.refreshWallToday()
		s.loadReview(s.t("staff.wall.done", len(ids)))
	})
}
