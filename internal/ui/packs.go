package ui

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/pack"
)

// PackDesk is the content-pack service the staff panel drives (exhibit.PackDesk).
type PackDesk interface {
	StickDir() string
	StickPresent() bool
	Trusted() bool
	Scan() []pack.Found
	Current() (pack.Installed, bool)
	Previous() (pack.Installed, bool)
	Notice() (string, time.Time)
	Install(ctx context.Context, path string, progress func(done, total int64)) exhibit.Outcome
	Rollback() exhibit.Outcome
	// Newer: a pack on the stick is newer than what it would replace (content or program).
	Newer(f pack.Found) bool
	// AppStatus, CanWithdrawApp, WithdrawApp: the kiosk program and its updates (app packs).
	AppStatus() []string
	CanWithdrawApp() bool
	WithdrawApp() exhibit.Outcome
}

// packState is the pack page's state between redraws.
type packState struct {
	found    []pack.Found
	scanned  time.Time // when the last scan started
	scanning bool      // a scan of the stick is running
	read     bool      // the stick has been read since the page opened
	rolling  bool      // a rollback is running
	busy     string    // title of the pack being installed, "" when idle
	bar      *widget.ProgressBar
	progress *paraText
}

// rescanEvery is how often the pack page looks at the stick again (it is watched while the
// page is open, so a stick plugged in shows up by itself).
const rescanEvery = 2 * time.Second

// scanPacks reads the stick off the UI thread (a stick is slow, and a pack's signature is
// checked); the page is redrawn when what the stick holds changed.
func (s *Shell) scanPacks() {
	if s.packs.scanning {
		return
	}
	s.packs.scanning, s.packs.scanned = true, s.d.Clock.Now()
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		found := s.d.Packs.Scan()
		s.do(func() { s.scanned(found) })
	}()
}

// scanned takes a scan's result.
func (s *Shell) scanned(found []pack.Found) {
	same := s.packs.read && slices.EqualFunc(found, s.packs.found, func(a, b pack.Found) bool {
		return a.Path == b.Path && a.Size == b.Size && a.State == b.State && a.Manifest.Version == b.Manifest.Version
	})
	s.packs.scanning, s.packs.read, s.packs.found = false, true, found
	if !same && s.modal == "staff" && s.staffPage == pagePacks {
		s.refreshStaff(s.staffStatus)
	}
}

// tickPacks watches the stick while the pack page is open, and keeps the panel open while
// an install or export runs (they may take minutes; staff wait for them).
func (s *Shell) tickPacks() {
	if s.v.Staff() && (s.packs.busy != "" || s.export.running) {
		s.v.Touch()
	}
	if s.modal != "staff" || s.staffPage != pagePacks || s.packs.busy != "" || s.d.Packs == nil {
		return
	}
	if s.d.Clock.Now().Sub(s.packs.scanned) >= rescanEvery {
		s.scanPacks()
	}
}

// packsPage is the staff panel's content-pack page: what is on show, rollback, and the
// packs on the stick with their signature state and an install button each.
func (s *Shell) packsPage() fyne.CanvasObject {
	desk := s.d.Packs
	left := container.NewVBox(s.label(s.t("packs.current"), sizeLead, true, colorHeading))
	p := s.pack()
	if cur, ok := desk.Current(); ok {
		m := cur.Manifest
		left.Add(s.para(s.t("packs.installed", m.Title.Zh, m.Version, m.Created.Local().Format("2006-01-02")), sizeBody, true, ""))
	} else {
		src := p.Source
		if src == exhibit.BundledSource {
			src = s.t("packs.source.bundled")
		}
		left.Add(s.para(s.t("packs.none.installed", src), sizeBody, false, ""))
	}
	if p.Bank != nil && p.Bank.Drafts.Count > 0 {
		left.Add(s.para(s.t("packs.drafts", p.Bank.Drafts.Count), sizeBody, false, colorNameHeading))
	}
	left.Add(s.para(fmt.Sprintf("%s  ·  %s", s.tx(p.Catalog.Meta.Title), p.Version()), sizeBody, false, colorNameMuted))
	if notice, at := desk.Notice(); notice != "" {
		left.Add(s.para(s.t("packs.notice")+at.Local().Format("2006-01-02 15:04 ")+notice, sizeBody, true, colorNameHeading))
	}
	if prev, ok := desk.Previous(); ok {
		left.Add(s.para(s.t("packs.previous", prev.Manifest.Title.Zh, prev.Manifest.Version), sizeBody, false, ""))
		if !s.packs.rolling && s.packs.busy == "" {
			left.Add(container.NewHBox(s.pill(s.t("packs.rollback"), colorSurfaceHi, s.rollbackPack)))
		}
	} else {
		left.Add(s.para(s.t("packs.previous.none"), sizeBody, false, colorNameMuted))
	}
	left.Add(s.label(s.t("packs.app.heading"), sizeLead, true, colorHeading))
	for _, line := range desk.AppStatus() {
		left.Add(s.para(line, sizeBody, false, ""))
	}
	if desk.CanWithdrawApp() && !s.packs.rolling && s.packs.busy == "" {
		left.Add(container.NewHBox(s.pill(s.t("packs.app.withdraw"), colorSurfaceHi, s.withdrawApp)))
	}
	if s.packs.busy != "" || s.packs.bar != nil {
		left.Add(s.para(s.t("packs.installing", s.packs.busy), sizeBody, true, ""))
		left.Add(s.packs.bar)
		left.Add(s.packs.progress)
	}
	if s.staffStatus != "" {
		left.Add(s.para(s.staffStatus, sizeBody, true, colorNameHeading))
	}

	right := container.NewVBox(s.label(s.t("packs.stick", desk.StickDir()), sizeLead, true, colorHeading))
	switch {
	case !desk.Trusted():
		right.Add(s.para(s.t("packs.untrusted"), sizeBody, true, colorNameHeading))
	case !desk.StickPresent():
		right.Add(s.para(s.t("packs.stick.none"), sizeBody, false, colorNameMuted))
	case !s.packs.read:
		right.Add(s.para(s.t("packs.reading"), sizeBody, false, colorNameMuted))
	case len(s.packs.found) == 0:
		right.Add(s.para(s.t("packs.stick.empty"), sizeBody, false, colorNameMuted))
	default:
		right.Add(container.NewHBox(s.pill(s.t("packs.update.export"), colorAccent, s.updateAndExport)))
		for _, f := range s.packs.found {
			right.Add(s.packCard(f))
		}
	}
	return container.NewGridWithColumns(2, s.scrollText(left), s.scrollText(right))
}

// packCard is one pack on the stick: title, version, date, size and signature state.
func (s *Shell) packCard(f pack.Found) fyne.CanvasObject {
	m := f.Manifest
	title := m.Title.Zh
	if title == "" {
		title = f.Path[strings.LastIndex(f.Path, "/")+1:]
	}
	date := ""
	if !m.Created.IsZero() {
		date = m.Created.Local().Format("2006-01-02")
	}
	item := s.t("packs.item", m.Version, date, megabytes(f.Size))
	if m.IsApp() && m.App != nil {
		title = s.t("packs.app.title", m.App.Version)
		item = s.t("packs.app.item", m.App.Version, date, megabytes(f.Size))
	}
	lines := container.NewVBox(s.para(title, sizeLead, true, ""), s.para(item, sizeBody, false, colorNameMuted))
	state := f.State.String()
	if f.Reason != "" {
		state += "：" + f.Reason
	}
	stateColor := colorNameMuted
	if f.State != pack.StateValid {
		stateColor = colorNameHeading
	}
	newer := s.d.Packs.Newer(f)
	if f.State == pack.StateValid && !newer {
		state = s.t("packs.older")
		if m.IsApp() {
			state = s.t("packs.app.older")
		}
	}
	lines.Add(s.para(state, sizeBody, f.State != pack.StateValid, stateColor))
	var action fyne.CanvasObject = layout.NewSpacer()
	if f.State == pack.StateValid && newer && s.packs.busy == "" {
		path := f.Path
		action = container.NewVBox(layout.NewSpacer(), s.pill(s.t("packs.install"), colorAccent, func() { s.installPack(path, title, nil) }))
	}
	return card(colorSurface, 20, 16, container.NewBorder(nil, nil, nil, action, lines))
}

// installPack installs one pack off the UI thread with a progress bar; then runs after
// (the export of "update and export"), if any.
func (s *Shell) installPack(path, title string, after func()) {
	if s.packs.busy != "" {
		return
	}
	s.packs.busy = title
	s.staffStatus = ""
	s.packs.bar = widget.NewProgressBar()
	s.packs.bar.TextFormatter = func() string { return "" }
	s.packs.progress = s.para("", sizeBody, false, colorNameMuted)
	s.refreshStaff("")
	started := s.d.Clock.Now()
	bar, line := s.packs.bar, s.packs.progress
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		out := s.d.Packs.Install(context.Background(), path, func(done, total int64) {
			s.do(func() { s.showInstallProgress(bar, line, started, done, total) })
		})
		s.do(func() { s.installed(out, after) })
	}()
}

// showInstallProgress shows bytes written and the time left.
func (s *Shell) showInstallProgress(bar *widget.ProgressBar, line *paraText, started time.Time, done, total int64) {
	if total <= 0 {
		return
	}
	bar.SetValue(float64(done) / float64(total))
	left := 0
	if el := s.d.Clock.Now().Sub(started).Seconds(); done > 0 && el > 0 {
		left = int(math.Ceil(el * float64(total-done) / float64(done)))
	}
	setText(line, s.t("packs.progress", megabytes(done), megabytes(total), left))
}

// installed records the outcome and says it.
func (s *Shell) installed(out exhibit.Outcome, after func()) {
	m := out.Manifest
	s.record(event.NewStaffPack(event.PackInstall, m.ID, m.Version, out.Err == nil, problemOf(out)))
	msg := out.Message
	if out.Err == nil && s.v.InVisit() && !m.IsApp() {
		msg += " " + s.t("packs.after")
	}
	if out.Report != "" {
		s.record(event.NewStaffPack(event.PackReport, m.ID, m.Version, true, ""))
		msg += "\n" + s.t("packs.report", filepath.Base(out.Report))
	}
	s.packs = packState{}
	s.scanPacks()
	s.staffStatus = msg
	if s.modal == "staff" {
		s.refreshStaff(msg)
	}
	if after != nil {
		after()
	}
}

func (s *Shell) rollbackPack() {
	if s.packs.rolling {
		return
	}
	s.packs.rolling = true
	s.refreshStaff(s.staffStatus)
	s.bg.Add(1)
	go func() { // the previous pack is loaded and checked: not on the UI thread
		defer s.bg.Done()
		out := s.d.Packs.Rollback()
		s.do(func() {
			s.packs.rolling = false
			m := out.Manifest
			s.record(event.NewStaffPack(event.PackRollback, m.ID, m.Version, out.Err == nil, problemOf(out)))
			s.refreshStaff(out.Message)
		})
	}()
}

// withdrawApp returns to the previous program version at the next start.
func (s *Shell) withdrawApp() {
	if s.packs.rolling {
		return
	}
	s.packs.rolling = true
	s.refreshStaff(s.staffStatus)
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		out := s.d.Packs.WithdrawApp()
		s.do(func() {
			s.packs.rolling = false
			m := out.Manifest
			s.record(event.NewStaffPack(event.PackRollback, m.ID, m.Version, out.Err == nil, problemOf(out)))
			s.refreshStaff(out.Message)
		})
	}()
}

// updateAndExport installs the newest valid pack newer than the content on show, then
// exports the visitor log to the same stick: one visit of the stick does both.
func (s *Shell) updateAndExport() {
	export := func() {
		if s.d.Records.Export == nil { // no export on this kiosk: say what the update did
			s.refreshStaff(s.staffStatus)
			return
		}
		s.staffPage = pageDevice
		s.refreshStaff(s.staffStatus)
		s.startExport(false)
	}
	for _, f := range s.packs.found { // content only: a program update is installed on its own
		if f.State == pack.StateValid && !f.Manifest.IsApp() && s.d.Packs.Newer(f) {
			s.installPack(f.Path, f.Manifest.Title.Zh, export)
			return
		}
	}
	s.staffStatus = s.t("packs.nothing.new")
	export()
}

func problemOf(out exhibit.Outcome) string {
	if out.Err == nil {
		return ""
	}
	return out.Message
}
