package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// Staff panel pages, by key.
const (
	pageOverview = "overview"
	pagePacks    = "packs"
	pageDevice   = "device"
	pageSettings = "settings"
	pageAudit    = "audit"
)

// staffPage is one page of the staff panel: its key, the string key of its title in the
// rail, what draws it, and what to do each time staff open it (optional).
type staffPage struct {
	key, title string
	build      func() fyne.CanvasObject
	enter      func()
}

// staffPages lists the panel's pages in rail order. A new page is one line here.
func (s *Shell) staffPages() []staffPage {
	pages := []staffPage{{key: pageOverview, title: "staff.tab.overview", build: s.overviewPage}}
	if s.wallOn() {
		pages = append(pages, staffPage{key: pageWall, title: "staff.tab.wall", build: s.wallReviewPage, enter: s.enterWallReview})
	}
	if s.d.Packs != nil {
		pages = append(pages, staffPage{key: pagePacks, title: "staff.tab.packs", build: s.packsPage, enter: s.enterPacks})
	}
	return append(pages,
		staffPage{key: pageDevice, title: "staff.tab.device", build: s.devicePage},
		staffPage{key: pageSettings, title: "staff.tab.settings", build: s.settingsPage},
		staffPage{key: pageAudit, title: "staff.tab.audit", build: s.auditPage, enter: s.enterAudit},
	)
}

// currentStaffPage is the page on show (the first when the key is unknown).
func (s *Shell) currentStaffPage() staffPage {
	pages := s.staffPages()
	for _, p := range pages {
		if p.key == s.staffPage {
			return p
		}
	}
	return pages[0]
}

// refreshStaff redraws the staff panel with a status line (the last action's result).
func (s *Shell) refreshStaff(status string) {
	s.staffStatus = status
	s.coverPage(true)
	s.overlay.Objects = []fyne.CanvasObject{s.staffPanel()}
	s.overlay.Refresh()
}

// showStaffPage switches the panel's page.
func (s *Shell) showStaffPage(key string) {
	s.staffPage = key
	if p := s.currentStaffPage(); p.enter != nil {
		p.enter()
	}
	s.refreshStaff("")
}

// enterPacks reads the stick again each time the pack page opens.
func (s *Shell) enterPacks() {
	s.packs.read = false // what was on the stick before may be gone
	s.scanPacks()
}

// staffPanel is the whole panel: a rail of pages on the left (title, pages, close and exit)
// and the page on show beside it. It covers the screen.
func (s *Shell) staffPanel() fyne.CanvasObject {
	cur := s.currentStaffPage()
	rail := container.NewVBox(s.para(s.t("staff.title"), sizeLead, true, colorNameHeading), spacerH(8))
	for _, p := range s.staffPages() {
		key := p.key
		rail.Add(s.railButton(s.t(p.title), key == cur.key, func() { s.showStaffPage(key) }))
	}
	bottom := s.pill(s.t("staff.close"), colorAccent, s.closeStaff) // 退出程序 is on 设置
	railW := float32(230)
	if s.narrow() {
		railW = 190
	}
	railBox := container.NewStack(spacerW(railW), container.NewBorder(rail, bottom, nil, nil))
	railBg := canvas.NewRectangle(colorBar)
	left := container.NewStack(railBg, padded(20, railBox))

	title := s.label(s.t(cur.title), sizeHeading, true, colorText)
	page := container.NewBorder(title, nil, nil, nil, container.New(layout.NewCustomPaddedLayout(12, 0, 0, 0), cur.build()))
	pad := float32(32)
	if s.narrow() {
		pad = 20
	}
	// No background of its own: the page under the panel is hidden (coverPage), and the
	// window is cleared to the theme's background.
	return container.NewBorder(nil, nil, left, nil, padded(pad, page))
}

// railButton is one page in the rail: a full-width target, lit when its page is on show.
func (s *Shell) railButton(text string, selected bool, fn func()) fyne.CanvasObject {
	bg, fg := color.Color(color.Transparent), colorText
	if selected {
		bg, fg = colorText, colorBg
	}
	rect := canvas.NewRectangle(bg)
	rect.CornerRadius = 18
	lbl := s.label(text, sizeButton, selected, fg)
	t := s.tappable(container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(0, 0, 24, 16), container.NewHBox(container.NewCenter(lbl)))), s.tap(fn))
	t.MinHeight = targetHeight
	if s.shortScreen() { // six pages and 关闭面板 fit 800 px
		t.MinHeight = 76
	}
	return t
}

// staffCard is a titled box on a staff page.
func (s *Shell) staffCard(title string, body fyne.CanvasObject) fyne.CanvasObject {
	head := s.label(title, sizeSmall, true, colorHeading)
	return card(colorSurface, 20, 16, container.NewBorder(head, nil, nil, nil, body))
}

// statusLine is the last staff action's result, or nothing.
func (s *Shell) statusLine() fyne.CanvasObject {
	if s.staffStatus == "" {
		return layout.NewSpacer()
	}
	return s.para(s.staffStatus, sizeBody, true, colorNameHeading)
}
