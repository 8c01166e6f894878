package ui

import (
	"encoding/json"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// auditRows is how many staff actions the 操作记录 page lists.
const auditRows = 40

// auditState is the 操作记录 page's rows, read off the UI thread when the page opens.
type auditState struct {
	rows    []eventlog.Event
	failed  bool
	loading bool
	loaded  bool
}

// enterAudit reads the trail again each time the page opens.
func (s *Shell) enterAudit() {
	a := &s.audit
	if a.loading || s.d.Records.Trail == nil {
		return
	}
	a.loading, a.loaded = true, false
	trail := s.d.Records.Trail
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		rows, err := trail(auditRows)
		s.do(func() {
			*a = auditState{rows: rows, failed: err != nil, loaded: true}
			if err != nil {
				s.d.Log.Error("staff audit trail: reading the visitor log", "err", err)
			}
			s.redrawStaffPage(pageAudit)
		})
	}()
}

// auditPage is the staff panel's 操作记录: who-less, time-stamped staff actions, newest
// first (PIN attempts, settings, exports, content packs, exit).
func (s *Shell) auditPage() fyne.CanvasObject {
	a := &s.audit
	switch {
	case s.d.Records.Trail == nil:
		return s.para(s.t("staff.ov.nolog")+s.d.Records.Unavailable, sizeBody, true, colorNameHeading)
	case !a.loaded:
		return s.para(s.t("staff.ov.loading"), sizeBody, false, colorNameMuted)
	case a.failed:
		return s.para(s.t("staff.ov.failed"), sizeBody, true, colorNameHeading)
	case len(a.rows) == 0:
		return s.para(s.t("staff.audit.none"), sizeBody, false, colorNameMuted)
	}
	list := container.NewVBox(s.para(s.t("staff.audit.note", auditRows), sizeSmall, false, colorNameMuted))
	for _, e := range a.rows {
		text, bad := s.describeStaff(e)
		c := fyne.ThemeColorName("")
		if bad {
			c = colorNameHeading
		}
		row := container.NewBorder(nil, nil, s.label(e.WallTime.Local().Format("01-02 15:04"), sizeBody, false, colorMuted), nil,
			s.para(text, sizeBody, bad, c))
		list.Add(row)
	}
	return s.scrollText(list)
}

// describeStaff says one staff event in words, and whether it went wrong.
func (s *Shell) describeStaff(e eventlog.Event) (string, bool) {
	var d map[string]any
	_ = json.Unmarshal(e.Payload, &d) // a bad payload reads as empty
	ok := d[event.KeyOK] != false
	switch e.Type {
	case event.StaffLogin:
		if ok {
			return s.t("staff.audit.login"), false
		}
		return s.t("staff.audit.login.wrong"), true
	case event.StaffSetting:
		name, _ := d[event.KeySetting].(string)
		return s.t("staff.audit.setting", s.settingName(name)), false
	case event.StaffExport:
		n, _ := d[event.KeyEvents].(float64)
		if !ok {
			return s.t("staff.audit.export.failed"), true
		}
		return s.t("staff.audit.export", int(n)), false
	case event.StaffPack:
		action, _ := d[event.KeyAction].(string)
		pack, _ := d[event.KeyPack].(string)
		v, _ := d[event.KeyVersion].(float64)
		text := s.t("staff.audit.pack."+action, pack, int64(v))
		if !ok {
			problem, _ := d[event.KeyProblem].(string)
			return text + " · " + s.t("staff.audit.failed") + problem, true
		}
		return text, false
	case event.StaffExit:
		return s.t("staff.audit.exit"), false
	}
	return fmt.Sprintf("%s", e.Type), false
}

// settingName is a setting's name in words.
func (s *Shell) settingName(name string) string {
	if t := s.t("staff.setting." + name); t != "staff.setting."+name {
		return t
	}
	return name
}
