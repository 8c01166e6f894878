package kiosk

import "github.com/jindu-edu/kiosk/internal/exhibit/event"

// Event, Recorder and the event type names live in package event, the one vocabulary of
// what the kiosk records; these aliases keep the packages that take a kiosk.Event (the
// event log) unchanged.
type (
	// Event is event.Event.
	Event = event.Event
	// Recorder is event.Recorder.
	Recorder = event.Recorder
	// RecorderFunc is event.RecorderFunc.
	RecorderFunc = event.RecorderFunc
	// LogRecorder is event.LogRecorder.
	LogRecorder = event.LogRecorder
)

// Event types, as named in package event.
const (
	EventSessionStart = event.SessionStart
	EventSessionEnd   = event.SessionEnd
	EventZoneEnter    = event.ZoneEnter
	EventZoneLeave    = event.ZoneLeave
	EventItemView     = event.ItemView
	EventNarration    = event.Narration
	EventLanguage     = event.Language
	EventTextSize     = event.TextSize
	EventStaffLogin   = event.StaffLogin
	EventStaffSetting = event.StaffSetting
	EventStaffExit    = event.StaffExit
	EventStaffExport  = event.StaffExport
)
