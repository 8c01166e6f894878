package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// RecordsDeps lets the staff panel show the event log and move its events out.
type RecordsDeps struct {
	// Health reports the event log; nil when the kiosk runs without one (Unavailable says why).
	Health      func() eventlog.Health
	Unavailable string
	// Sync reports the uploader; nil when no hub is configured.
	Sync func() evsync.State
	// Export writes the events not yet exported (all: every stored event again, without
	// moving the export cursor) to the USB stick, calling progress from its own goroutine.
	// It returns the number of events and where they went.
	Export func(all bool, progress func(done, total int)) (int, string, error)
}

// recordsPanel is the staff panel's section on the visitor log, sync and USB export.
func (s *Shell) recordsPanel() fyne.CanvasObject {
	r := s.d.Records
	box := container.NewVBox(s.label(s.t("staff.records"), sizeLead, true, colorHeading))
	if r.Health == nil {
		box.Add(s.para(s.t("staff.records.none")+r.Unavailable, sizeBody, true, colorNameHeading))
		return box
	}
	h := r.Health()
	line := s.t("staff.records.count", h.Events, h.Unsynced, megabytes(h.SizeBytes))
	if h.Budget > 0 {
		line += " / " + s.t("staff.records.budget", megabytes(h.Budget))
	}
	box.Add(s.para(line, sizeBody, false, ""))
	if h.OverBudgetWarning {
		box.Add(s.para(s.t("staff.records.alarm"), sizeBody, true, colorNameHeading))
	}
	if n := h.Dropped + h.Failed + h.Lost; n > 0 {
		box.Add(s.para(s.t("staff.records.lost", n, h.Dropped, h.Failed, h.Lost), sizeBody, true, colorNameHeading))
	}
	if h.MovedAside != "" {
		box.Add(s.para(s.t("staff.records.moved")+h.MovedAside, sizeSmall, false, colorNameHeading))
	}
	if msg := h.StaffMessage(); msg != "" {
		box.Add(s.para(msg, sizeBody, true, colorNameHeading))
	}
	box.Add(s.label(s.t("staff.sync"), sizeLead, true, colorHeading))
	if r.Sync == nil {
		box.Add(s.para(s.t("staff.sync.off"), sizeBody, false, colorNameMuted))
	} else {
		st := r.Sync()
		line := s.t("staff.sync.state", st.Status, st.Pending)
		if !st.LastSuccess.IsZero() {
			line += "  " + s.t("staff.sync.last", st.LastSuccess.Format("2006-01-02 15:04"))
		}
		box.Add(s.para(line, sizeBody, false, ""))
		switch {
		case st.StaffMessage != "":
			box.Add(s.para(st.StaffMessage, sizeBody, true, colorNameHeading))
		case st.LastError != "":
			box.Add(s.para(s.t("staff.sync.error", st.LastError), sizeSmall, false, colorNameHeading))
		}
		if st.SetAside > 0 {
			box.Add(s.para(s.t("staff.sync.setaside", st.SetAside), sizeBody, false, colorNameHeading))
		}
	}
	if r.Export != nil {
		box.Add(s.exportRow())
	}
	return box
}

// exportRow is the export button with its progress bar and result line.
func (s *Shell) exportRow() fyne.CanvasObject {
	s.exportBar = widget.NewProgressBar()
	s.exportBar.TextFormatter = func() string { return "" }
	s.exportBar.Hide()
	s.exportStatus = s.para("", sizeBody, false, colorNameHeading)
	s.exportStatus.Hide() // until there is something to say
	buttons := container.NewHBox(
		s.pill(s.t("staff.export"), colorAccent, func() { s.startExport(false) }),
		s.pill(s.t("staff.export.all"), colorSurfaceHi, func() { s.startExport(true) }))
	return container.NewVBox(buttons, s.exportBar, s.exportStatus)
}

// startExport writes the visitor log to the stick off the UI thread (all: every stored
// event again), showing progress in the export row on screen.
func (s *Shell) startExport(all bool) {
	if s.exporting || s.exportBar == nil {
		return
	}
	s.exporting = true
	bar, status := s.exportBar, s.exportStatus
	bar.SetValue(0)
	bar.Show()
	setText(status, s.t("staff.export.busy"))
	go func() {
		n, where, err := s.d.Records.Export(all, func(done, total int) {
			s.do(func() {
				if total > 0 {
					bar.SetValue(float64(done) / float64(total))
				}
			})
		})
		s.do(func() {
			s.exporting = false
			bar.SetValue(1)
			msg := s.t("staff.export.done", n, where)
			switch {
			case errors.Is(err, evsync.ErrNothingToExport):
				msg = s.t("staff.export.nothing")
			case err != nil:
				msg = s.t("staff.export.failed") + err.Error()
				s.d.Log.Error("USB export failed", "err", err)
			}
			setText(status, msg)
			s.record(event.NewStaffExport(n, err == nil, all))
		})
	}()
}

func setText(p *paraText, text string) {
	p.Show()
	p.SetText(text)
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
