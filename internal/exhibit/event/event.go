// Package event is the one vocabulary of what a kiosk records: the Event type, the
// Recorder it goes to, the name of every event type and payload key, and a typed
// constructor for each event. The UI builds events only through these constructors; the
// event log stores them; the hub's statistics query the same names. A name therefore
// cannot drift between the screen that emits it and the office that counts it.
package event

import (
	"context"
	"log/slog"
	"strings"
	"time"
)

// Event is one anonymous visitor or staff interaction. It never carries personal data.
type Event struct {
	At      time.Time
	Type    string
	Session string // visitor session id, empty outside a visit and for staff actions
	Zone    string
	Item    string
	Data    map[string]any // small, JSON-encodable details; keys are the Key… constants
	// Content is the content version ("pack-vN") the event happened on; empty means the
	// version the log was opened with.
	Content string
}

// Recorder receives events. Record must not block on disk: the UI calls it on its thread.
type Recorder interface {
	Record(Event)
}

// RecorderFunc adapts a function to Recorder.
type RecorderFunc func(Event)

// Record calls f(e).
func (f RecorderFunc) Record(e Event) { f(e) }

// LogRecorder writes events to a slog logger; it stands in when there is no event log.
type LogRecorder struct {
	Log *slog.Logger
}

// Record logs e at debug level.
func (r LogRecorder) Record(e Event) {
	r.Log.LogAttrs(context.Background(), slog.LevelDebug, "event",
		slog.String("type", e.Type), slog.String("session", e.Session),
		slog.String("zone", e.Zone), slog.String("item", e.Item), slog.Any("data", e.Data))
}

// Event types. Staff types share the StaffPrefix: they form the audit trail and never
// belong to a visit.
const (
	SessionStart = "session_start"
	SessionEnd   = "session_end"
	ZoneEnter    = "zone_enter"
	ZoneLeave    = "zone_leave"
	ItemView     = "item_view"
	Narration    = "narration"
	Language     = "language"
	TextSize     = "text_size"

	QuizStart    = "quiz_start"
	QuizQuestion = "quiz_question"
	QuizAnswer   = "quiz_answer"
	QuizFinish   = "quiz_finish"

	StaffLogin   = "staff_login"
	StaffSetting = "staff_setting"
	StaffExit    = "staff_exit"
	StaffExport  = "staff_export"
	StaffPack    = "staff_pack"
)

// StaffPrefix starts every staff event type.
const StaffPrefix = "staff_"

// IsStaff reports whether an event type belongs to the staff audit trail.
func IsStaff(typ string) bool { return strings.HasPrefix(typ, StaffPrefix) }

// Payload keys.
const (
	KeyLang       = "lang"
	KeyLarge      = "large"
	KeyReason     = "reason"
	KeyDurationMS = "duration_ms"
	KeyDwellMS    = "dwell_ms"
	KeyAction     = "action"
	KeyMode       = "mode"
	KeyAudience   = "audience"
	KeyQuestions  = "questions"
	KeyTeams      = "teams"
	KeyTeam       = "team"
	KeyIndex      = "index"
	KeyOrder      = "order"
	KeyChoice     = "choice"
	KeyCorrect    = "correct"
	KeyTimedOut   = "timed_out"
	KeyMS         = "ms"
	KeyScore      = "score"
	KeyScores     = "scores"
	KeyGroup      = "group"
	KeyOK         = "ok"
	KeySetting    = "setting"
	KeyEvents     = "events"
	KeyAll        = "all"
	KeyPack       = "pack"
	KeyVersion    = "version"
	KeyProblem    = "problem"
)

// Values of payload fields that the office's statistics match on.
const (
	ModeSolo       = "solo"
	TeamModePrefix = "team-" // quiz mode of a team contest: "team-" + contest mode
	NarrationPlay  = "play"
	NarrationDone  = "complete"
)

// Session end reasons.
const (
	EndTimeout = "timeout"
	EndStaff   = "staff"
)

// Pack actions of StaffPack events.
const (
	PackInstall  = "install"
	PackRollback = "rollback"
	PackReport   = "report"
)
