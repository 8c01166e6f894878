// Package eventlog is the kiosk's durable, anonymous log of visitor and staff events in
// SQLite (modernc.org/sqlite): a versioned schema, one writer goroutine fed by a bounded
// queue that batches events into transactions, named cursors for export and upload, and
// retention. The UI never waits on disk.
package eventlog

import (
	"encoding/json"
	"time"
)

// Event is one stored event. Its JSON form is one line of an export file and one element of
// an upload batch; field names are part of the exchange format (docs/eventlog.md).
type Event struct {
	ID             string          `json:"id"`         // UUIDv7, unique across all kiosks
	KioskID        string          `json:"kiosk_id"`   // from the config
	SessionID      string          `json:"session_id"` // visitor session, "" for staff/system
	Seq            int64           `json:"seq"`        // per-kiosk, strictly increasing, assigned on commit
	WallTime       time.Time       `json:"wall_time"`  // the kiosk's clock (often wrong)
	MonoMS         int64           `json:"mono_ms"`    // ms since the process's boot id began
	BootID         string          `json:"boot_id"`    // new on every start of the program
	Type           string          `json:"type"`       // session_start, zone_enter, quiz_answer, …
	Zone           string          `json:"zone,omitempty"`
	Item           string          `json:"item,omitempty"`
	Payload        json.RawMessage `json:"payload,omitempty"` // small JSON object, no personal data
	ContentVersion string          `json:"content_version"`
	AppVersion     string          `json:"app_version"`
}
