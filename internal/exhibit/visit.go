package exhibit

import (
	"fmt"
	"time"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// VolumeControl is the part of the narration player the visit sets.
type VolumeControl interface {
	SetVolume(percent int)
}

// VisitConfig is what a Visit is made of.
type VisitConfig struct {
	Clock    kiosk.Clock
	Recorder event.Recorder
	Volume   VolumeControl // nil: no sound
	Shelf    *Shelf
	Settings kiosk.Settings
	// SaveSettings persists staff changes; nil keeps them in memory only.
	SaveSettings func(kiosk.Settings) error
}

// Visit is the running visit of one screen: the session and its idle reset, the
// visitor's language, text size and volume, zone enter/leave with dwell, and the pack the
// visit shows. A new pack on the shelf is adopted between visits, never during one. The
// staff panel is a session of its own whose events carry no visitor session.
type Visit struct {
	c       VisitConfig
	session *kiosk.Session

	lang   content.Lang
	large  bool
	volume int

	zoneNow   string
	zoneSince time.Time
	staff     bool
	pack      *Pack
	held      bool // Hold's timeouts are in force
}

// NewVisit starts in attract with the staff defaults applied.
func NewVisit(c VisitConfig) *Visit {
	if c.Recorder == nil {
		c.Recorder = event.RecorderFunc(func(event.Event) {})
	}
	v := &Visit{c: c, session: kiosk.NewSession(c.Clock,
		time.Duration(c.Settings.IdleTimeout), time.Duration(c.Settings.PromptTimeout))}
	v.pack = c.Shelf.Current()
	v.applyDefaults()
	return v
}

// applyDefaults restores what each visit starts with.
func (v *Visit) applyDefaults() {
	v.lang = content.Lang(v.c.Settings.Language)
	v.large = v.c.Settings.LargeText
	v.volume = v.c.Settings.Volume
	if v.c.Volume != nil {
		v.c.Volume.SetVolume(v.volume)
	}
}

// Session is the idle machine (for the prompt's countdown and tests).
func (v *Visit) Session() *kiosk.Session { return v.session }

// State is where the screen is in the visitor cycle.
func (v *Visit) State() kiosk.State { return v.session.State() }

// InVisit reports a visitor's visit in progress (not attract, not staff).
func (v *Visit) InVisit() bool { return v.session.State() != kiosk.Attract && !v.staff }

// Staff reports whether the staff panel is open.
func (v *Visit) Staff() bool { return v.staff }

// Pack is the content this visit shows.
func (v *Visit) Pack() *Pack { return v.pack }

// Adopt puts the shelf's current pack on show if no visit is in progress, and reports
// whether the pack on show changed (the UI then redraws). During a visit the new pack
// waits for the visit's end.
func (v *Visit) Adopt() bool {
	cur := v.c.Shelf.Current()
	if cur == v.pack || v.InVisit() {
		return false
	}
	v.pack = cur
	return true
}

// Record stamps an event with the time, the visit's session (never for staff events or
// while the staff panel is open: those are an audit trail, not part of a visit) and the
// content version, and hands it to the recorder.
func (v *Visit) Record(e event.Event) {
	e.At = v.c.Clock.Now()
	if e.Session == "" && !event.IsStaff(e.Type) && !v.staff {
		e.Session = v.session.ID()
	}
	if e.Content == "" {
		e.Content = v.pack.Version()
	}
	v.c.Recorder.Record(e)
}

// Touch is visitor activity: from attract it starts a visit (recording session_start);
// it dismisses the idle prompt. It reports whether the prompt was showing.
func (v *Visit) Touch() (wasPrompt bool) {
	wasPrompt = v.session.State() == kiosk.Prompt
	if v.session.Touch() {
		v.Record(event.NewSessionStart(string(v.lang)))
	}
	return wasPrompt
}

// Tick advances the idle machine; narrating pauses it. On Reset the visit has ended and
// the defaults are restored (and a waiting pack adopted).
func (v *Visit) Tick(narrating bool) kiosk.Change {
	v.session.SetNarrating(narrating)
	ch := v.session.Tick()
	if ch == kiosk.Reset {
		v.finish(event.EndTimeout, true)
	}
	return ch
}

// Hold gives the visit other idle and prompt timeouts while something long is on screen
// (a board game in progress: the players talk over a card); Release, or the visit's end,
// returns to the staff settings.
func (v *Visit) Hold(idle, prompt time.Duration) {
	v.held = true
	v.session.SetTimeouts(idle, prompt)
}

// Release ends a Hold.
func (v *Visit) Release() {
	if !v.held {
		return
	}
	v.held = false
	v.session.SetTimeouts(time.Duration(v.c.Settings.IdleTimeout), time.Duration(v.c.Settings.PromptTimeout))
}

// Held reports whether a Hold is in force.
func (v *Visit) Held() bool { return v.held }

// NarrationStopped gives the visitor a full idle period from now (narration ended by a tap).
func (v *Visit) NarrationStopped() { v.session.SetNarrating(false) }

// End ends the visit (staff or timeout), back to attract with the defaults restored.
func (v *Visit) End(reason string) { v.finish(reason, false) }

// finish records the zone leave and session end, ends the session and restores defaults.
// timedOut: the session machine has already moved to attract.
func (v *Visit) finish(reason string, timedOut bool) {
	dur, id := v.session.Duration(), v.session.ID()
	if timedOut { // the idle machine has already gone back to attract
		dur, id = v.session.LastDuration(), v.session.LastID()
	}
	if v.session.State() != kiosk.Attract || timedOut {
		end := event.NewSessionEnd(reason, dur)
		end.Session = id
		v.leaveZone(id)
		v.Record(end)
	}
	v.zoneNow = ""
	v.Release()
	v.session.End()
	v.staff = false
	v.applyDefaults()
	v.Adopt()
}

// leaveZone records leaving the zone on show as part of visit id.
func (v *Visit) leaveZone(id string) {
	if v.zoneNow == "" {
		return
	}
	e := event.NewZoneLeave(v.zoneNow, v.c.Clock.Now().Sub(v.zoneSince))
	e.Session = id
	v.Record(e)
	v.zoneNow = ""
}

// Show tracks what the visitor sees: zone enter/leave with dwell, and item views. An
// empty zone is the home screen or attract.
func (v *Visit) Show(zone, item string) {
	if zone != v.zoneNow {
		now := v.c.Clock.Now()
		if v.zoneNow != "" {
			v.Record(event.NewZoneLeave(v.zoneNow, now.Sub(v.zoneSince)))
		}
		v.zoneNow, v.zoneSince = zone, now
		if zone != "" {
			v.Record(event.NewZoneEnter(zone))
		}
	}
	if item != "" {
		v.Record(event.NewItemView(zone, item))
	}
}

// Lang is the visitor's language.
func (v *Visit) Lang() content.Lang { return v.lang }

// ToggleLang switches between Chinese and English.
func (v *Visit) ToggleLang() {
	if v.lang == content.Zh {
		v.lang = content.En
	} else {
		v.lang = content.Zh
	}
	v.Record(event.NewLanguage(string(v.lang)))
}

// Large reports the large-text setting.
func (v *Visit) Large() bool { return v.large }

// ToggleLarge switches the text size.
func (v *Visit) ToggleLarge() {
	v.large = !v.large
	v.Record(event.NewTextSize(v.large))
}

// Volume is the visitor's volume, 0–100.
func (v *Visit) Volume() int { return v.volume }

// VolumeSteps is what the sound button cycles through.
var VolumeSteps = [...]int{100, 60, 30, 0}

// CycleVolume steps the volume down, from mute back to full.
func (v *Visit) CycleVolume() {
	next := VolumeSteps[0]
	for _, s := range VolumeSteps {
		if s < v.volume {
			next = s
			break
		}
	}
	v.volume = next
	if v.c.Volume != nil {
		v.c.Volume.SetVolume(next)
	}
}

// OpenStaff ends any visit and starts the staff panel's own session (so that the panel
// closes through the idle prompt when staff walk away).
func (v *Visit) OpenStaff() {
	if v.session.State() != kiosk.Attract {
		v.finish(event.EndStaff, false)
	}
	v.session.Touch()
	v.staff = true
	v.Adopt()
}

// CloseStaff leaves the panel for attract, with the (maybe changed) defaults applied.
func (v *Visit) CloseStaff() {
	v.session.End()
	v.staff = false
	v.applyDefaults()
	v.Adopt()
}

// Settings are the staff settings in force.
func (v *Visit) Settings() kiosk.Settings { return v.c.Settings }

// ChangeSetting applies one staff setting, saves it and records it in the audit trail.
// An invalid value changes nothing; a failed save keeps the change for this run.
func (v *Visit) ChangeSetting(name string, apply func(*kiosk.Settings)) error {
	next := v.c.Settings
	apply(&next)
	if err := next.Validate(); err != nil {
		return fmt.Errorf("setting %s: %w", name, err)
	}
	v.c.Settings = next
	if !v.held {
		v.session.SetTimeouts(time.Duration(next.IdleTimeout), time.Duration(next.PromptTimeout))
	}
	v.Record(event.NewStaffSetting(name))
	if v.c.SaveSettings != nil {
		if err := v.c.SaveSettings(next); err != nil {
			return fmt.Errorf("save setting %s: %w", name, err)
		}
	}
	return nil
}
