package kiosk

import (
	"context"
	"log/slog"
	"time"
)

// Event types emitted by the shell. The event log stores them; the quiz adds its own.
const (
	EventSessionStart = "session_start"
	EventSessionEnd   = "session_end"
	EventZoneEnter    = "zone_enter"
	EventZoneLeave    = "zone_leave"
	EventItemView     = "item_view"
	EventNarration    = "narration"
	EventLanguage     = "language"
	EventTextSize     = "text_size"
	EventStaffLogin   = "staff_login"
	EventStaffSetting = "staff_setting"
	EventStaffExit    = "staff_exit"
	EventStaffExport  = "staff_export"
)

// Event is one anonymous visitor or staff interaction. It never carries personal data.
type Event struct {
	At      time.Time
	Type    string
	Session string // visitor session id, empty outside a visit
	Zone    string
	Item    string
	Data    map[string]any // small, JSON-encodable details (dwell_ms, reason, lang, …)
}

// Recorder receives events. Record must not block on disk: the UI calls it on its thread.
type Recorder interface {
	Record(Event)
}

// LogRecorder writes events to a slog logger; it stands in until the SQLite event log.
type LogRecorder struct {
	Log *slog.Logger
}

// Record logs e at debug level.
func (r LogRecorder) Record(e Event) {
	r.Log.LogAttrs(context.Background(), slog.LevelDebug, "event",
		slog.String("type", e.Type), slog.String("session", e.Session),
		slog.String("zone", e.Zone), slog.String("item", e.Item), slog.Any("data", e.Data))
}

// RecorderFunc adapts a function to Recorder.
type RecorderFunc func(Event)

// Record calls f(e).
func (f RecorderFunc) Record(e Event) { f(e) }
