package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// RecordsDeps lets the staff panel show the event log, summarise it and move its events out.
type RecordsDeps struct {
	// Health reports the event log; nil when the kiosk runs without one (Unavailable says
	// why, in Chinese).
	Health      func() eventlog.Health
	Unavailable string
	// Sync reports the uploader; nil when no hub is configured.
	Sync func() evsync.State
	// Export writes the events not yet exported (all: every stored event again, without
	// moving the export cursor) to the USB stick, calling progress from its own goroutine.
	// It returns the number of events and where they went; ErrNoStick (wrapped) when there
	// is no stick.
	Export func(all bool, progress func(done, total int)) (int, string, error)
	// Stats summarises the log between two times (hours and days in local time); Trail is
	// the newest staff events. Either may be nil (no log).
	Stats func(from, to time.Time) (eventlog.Summary, error)
	Trail func(limit int) ([]eventlog.Event, error)
}

// ErrNoStick is what Export returns (wrapped) when no USB stick is mounted.
var ErrNoStick = errors.New("no USB stick found")

// DeviceInfo is what the 设备 page shows about the machine: what the office needs to
// register the kiosk, when the program started, and the disk.
type DeviceInfo struct {
	KioskID   string
	PublicKey string // the kiosk's signing key (base64), registered at the hub
	Started   time.Time
	// Disk reports the data directory's file system: bytes free and in all.
	Disk func() (free, total uint64, err error)
}

// exportState is the USB export between redraws of the panel: the panel may be rebuilt
// (a page change, a setting, a pack install) while an export runs, and the row is drawn
// again from here.
type exportState struct {
	running bool
	frac    float64
	msg     string
	bar     *widget.ProgressBar // the bar on screen now, nil when none is drawn
}

// devicePage is the staff panel's 设备 page: the machine, sound and disk on the left; the
// visitor log, its upload and the USB export on the right.
func (s *Shell) devicePage() fyne.CanvasObject {
	left := container.NewVBox(s.machineCard(), s.contentCard(), s.soundDiskCard())
	right := container.NewVBox()
	if s.d.Records.Export != nil { // the page's one action, first
		right.Add(s.exportRow())
	}
	right.Add(s.recordsCard())
	right.Add(s.syncCard())
	if w := s.warningsCard(); w != nil {
		right.Add(w)
	}
	return container.NewGridWithColumns(2, s.scrollText(left), s.scrollText(right))
}

func (s *Shell) machineCard() fyne.CanvasObject {
	d := s.d.Device
	box := container.NewVBox()
	id := d.KioskID
	if id == "" {
		id = s.t("staff.device.unknown")
	}
	box.Add(s.para(s.t("staff.device.id", id), sizeBody, true, ""))
	if d.PublicKey != "" {
		box.Add(s.para(s.t("staff.device.key"), sizeSmall, false, colorNameMuted))
		box.Add(s.para(d.PublicKey, sizeSmall, false, ""))
	} else {
		box.Add(s.para(s.t("staff.device.nokey"), sizeSmall, true, colorNameHeading))
	}
	p := s.pack()
	line := s.t("staff.device.versions", s.d.AppVersion, p.Version())
	if !d.Started.IsZero() {
		line += "  ·  " + s.t("staff.device.uptime", words(s.d.Clock.Now().Sub(d.Started)))
	}
	box.Add(s.para(line, sizeSmall, false, colorNameMuted))
	return s.staffCard(s.t("staff.device.machine"), box)
}

func (s *Shell) soundDiskCard() fyne.CanvasObject {
	box := container.NewVBox()
	audioLine := s.t("staff.audio.ok")
	if !s.d.Player.Available() {
		audioLine = s.t("staff.audio.none") + s.d.Player.Reason()
	}
	box.Add(s.para(audioLine, sizeBody, false, ""))
	if s.cameraNote != "" { // the mirror zone's camera (mirror.go)
		box.Add(s.para(s.cameraNote, sizeSmall, true, colorNameHeading))
	}
	if disk := s.d.Device.Disk; disk != nil {
		free, total, err := disk()
		switch {
		case err != nil:
			s.d.Log.Warn("disk space unknown", "err", err)
			box.Add(s.para(s.t("staff.disk.unknown"), sizeBody, false, colorNameHeading))
		case total > 0:
			box.Add(s.para(s.t("staff.disk", gigabytes(free), gigabytes(total)), sizeBody, false, ""))
			if free*10 < total {
				box.Add(s.para(s.t("staff.disk.low"), sizeBody, true, colorNameHeading))
			}
		}
	}
	return s.staffCard(s.t("staff.device.sounddisk"), box)
}

// contentCard is the content on show: where it came from, its version, and its problems.
func (s *Shell) contentCard() fyne.CanvasObject {
	p := s.pack()
	m := p.Catalog.Meta
	box := container.NewVBox()
	src := p.Source
	if src == exhibit.BundledSource {
		src = s.t("packs.source.bundled")
	}
	ver := fmt.Sprintf("%s：%s   %s：%s v%d", s.t("staff.content.source"), src,
		s.t("staff.content.version"), m.PackID, m.Version)
	if m.Demo {
		ver += " (" + s.t("staff.content.demo") + ")"
	}
	box.Add(s.para(ver, sizeSmall, false, ""))
	if p.Fallback != "" {
		box.Add(s.para(s.t("staff.content.fallback")+" "+p.Fallback, sizeSmall, true, colorNameHeading))
	}
	if n := len(p.Problems); n > 0 {
		box.Add(s.para(s.t("staff.content.problems", n), sizeSmall, true, colorNameHeading))
		for i, pr := range p.Problems {
			if i == 3 {
				box.Add(s.para(fmt.Sprintf("… +%d", n-3), sizeSmall, false, colorNameMuted))
				break
			}
			box.Add(s.para(pr.String(), sizeSmall, false, colorNameMuted))
		}
	} else {
		box.Add(s.para(s.t("staff.content.ok"), sizeSmall, false, colorNameMuted))
	}
	return s.staffCard(s.t("staff.content"), box)
}

// warningsCard lists the start-up warnings staff should act on (a broken config file);
// nil when there are none.
func (s *Shell) warningsCard() fyne.CanvasObject {
	if len(s.d.Warnings) == 0 {
		return nil
	}
	box := container.NewVBox()
	for _, w := range s.d.Warnings {
		box.Add(s.para(w, sizeSmall, true, colorNameHeading))
	}
	return s.staffCard(s.t("staff.warnings"), box)
}

// recordsCard is the visitor log's health.
func (s *Shell) recordsCard() fyne.CanvasObject {
	r := s.d.Records
	box := container.NewVBox()
	if r.Health == nil {
		box.Add(s.para(s.t("staff.records.none")+r.Unavailable, sizeBody, true, colorNameHeading))
		return s.staffCard(s.t("staff.records"), box)
	}
	h := r.Health()
	line := s.t("staff.records.count", h.Events, h.Unsynced, megabytes(h.SizeBytes))
	if h.Budget > 0 {
		line += " / " + s.t("staff.records.budget", megabytes(h.Budget))
	}
	box.Add(s.para(line, sizeSmall, false, ""))
	if n := h.Dropped + h.Failed + h.Lost; n > 0 {
		box.Add(s.para(s.t("staff.records.lost", n, h.Dropped, h.Failed, h.Lost), sizeSmall, true, colorNameHeading))
	}
	if msg := h.StaffMessage(); msg != "" {
		box.Add(s.para(msg, sizeSmall, true, colorNameHeading))
	} else {
		box.Add(s.para(s.t("staff.records.ok"), sizeSmall, false, colorNameMuted))
	}
	return s.staffCard(s.t("staff.records"), box)
}

// syncCard is the upload to the district office: its state and its last error in words.
func (s *Shell) syncCard() fyne.CanvasObject {
	r := s.d.Records
	box := container.NewVBox()
	if r.Sync == nil {
		box.Add(s.para(s.t("staff.sync.off"), sizeBody, false, colorNameMuted))
		return s.staffCard(s.t("staff.sync"), box)
	}
	st := r.Sync()
	line := s.t("staff.sync.state", s.t("staff.sync.status."+syncStatusKey(st.Status)), st.Pending)
	if !st.LastSuccess.IsZero() {
		line += "  " + s.t("staff.sync.last", st.LastSuccess.Local().Format("01-02 15:04"))
	}
	box.Add(s.para(line, sizeSmall, false, ""))
	switch {
	case st.StaffMessage != "":
		box.Add(s.para(st.StaffMessage, sizeSmall, true, colorNameHeading))
	case st.LastError != "":
		box.Add(s.para(s.t("staff.sync.error", s.t("staff.sync.why."+syncErrorKey(st.LastError))), sizeSmall, true, colorNameHeading))
	}
	if st.SetAside > 0 {
		box.Add(s.para(s.t("staff.sync.setaside", st.SetAside), sizeSmall, false, colorNameHeading))
	}
	return s.staffCard(s.t("staff.sync"), box)
}

// syncStatusKey names an uploader status for the strings table.
func syncStatusKey(status string) string {
	switch status {
	case evsync.StatusStarting, evsync.StatusIdle, evsync.StatusSending, evsync.StatusRetrying, evsync.StatusStopped:
		return status
	case evsync.StatusTokenRejected:
		return "rejected"
	}
	return "unknown"
}

// syncErrorKey sorts an upload error (English, from the network stack or the hub) into
// what staff can do about it.
func syncErrorKey(msg string) string {
	m := strings.ToLower(msg)
	has := func(parts ...string) bool {
		for _, p := range parts {
			if strings.Contains(m, p) {
				return true
			}
		}
		return false
	}
	switch {
	case has("no such host", "server misbehaving", "lookup "):
		return "dns"
	case has("unreachable", "no route", "connection refused", "dial tcp", "network is down"):
		return "network"
	case has("timeout", "deadline exceeded"):
		return "timeout"
	case has("certificate", "x509", "tls"):
		return "tls"
	case has("token", "401", "403"):
		return "token"
	case has(" 5", "500", "502", "503", "504"):
		return "server"
	}
	return "other"
}

// exportRow is the export buttons, and while or after an export its progress bar and
// result line, drawn from s.export so that a rebuilt panel shows the same export.
func (s *Shell) exportRow() fyne.CanvasObject {
	box := container.NewVBox()
	s.export.bar = nil
	if s.export.running {
		box.Add(s.para(s.t("staff.export.busy"), sizeBody, true, ""))
		bar := widget.NewProgressBar()
		bar.TextFormatter = func() string { return "" }
		bar.SetValue(s.export.frac)
		s.export.bar = bar
		box.Add(bar)
	} else {
		box.Add(container.NewHBox(
			s.pill(s.t("staff.export"), colorAccent, func() { s.startExport(false) }),
			s.pill(s.t("staff.export.all"), colorSurfaceHi, func() { s.startExport(true) })))
		if s.export.msg != "" {
			box.Add(s.para(s.export.msg, sizeBody, true, colorNameHeading))
		}
	}
	return s.staffCard(s.t("staff.export.title"), box)
}

// startExport writes the visitor log to the stick off the UI thread (all: every stored
// event again). The panel is drawn again at the start and at the end, so the bar and the
// result are laid out like everything else; progress moves the bar on screen.
func (s *Shell) startExport(all bool) {
	if s.export.running || s.d.Records.Export == nil {
		return
	}
	s.export = exportState{running: true}
	s.redrawStaffPage(pageDevice)
	go func() { // not in s.bg: an export waits on the stick, and tests hold it there
		n, where, err := s.d.Records.Export(all, func(done, total int) {
			s.do(func() {
				if total > 0 {
					s.export.frac = float64(done) / float64(total)
					if s.export.bar != nil {
						s.export.bar.SetValue(s.export.frac)
					}
				}
			})
		})
		s.do(func() { s.exported(n, where, all, err) })
	}()
}

// exported records the export and says how it went.
func (s *Shell) exported(n int, where string, all bool, err error) {
	msg := s.t("staff.export.done", n, where)
	switch {
	case errors.Is(err, evsync.ErrNothingToExport):
		msg = s.t("staff.export.nothing")
	case errors.Is(err, ErrNoStick):
		msg = s.t("staff.export.nostick", where)
	case err != nil:
		msg = s.t("staff.export.failed")
		s.d.Log.Error("USB export failed", "err", err)
	}
	s.export = exportState{msg: msg}
	s.record(event.NewStaffExport(n, err == nil, all))
	s.redrawStaffPage(pageDevice)
}

// redrawStaffPage redraws the panel if it shows the page key.
func (s *Shell) redrawStaffPage(key string) {
	if s.modal == "staff" && s.staffPage == key {
		s.refreshStaff(s.staffStatus)
	}
}

func setText(p *paraText, text string) {
	p.Show()
	p.SetText(text)
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func gigabytes(n uint64) string {
	return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
}

// words says a duration in Chinese: 3 天 4 小时, 2 小时 5 分钟, 12 分钟.
func words(d time.Duration) string {
	d = d.Round(time.Minute)
	days, hours, mins := int(d.Hours())/24, int(d.Hours())%24, int(d.Minutes())%60
	switch {
	case days > 0:
		return fmt.Sprintf("%d 天 %d 小时", days, hours)
	case hours > 0:
		return fmt.Sprintf("%d 小时 %d 分钟", hours, mins)
	}
	return fmt.Sprintf("%d 分钟", mins)
}
