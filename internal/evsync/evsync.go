// Package evsync moves the kiosk's visitor events to the district office, by USB stick or
// over the network.
//
// A USB export is three files written side by side (Export): the events as gzipped NDJSON,
// a JSON manifest that describes them, and an ed25519 signature of the manifest made with
// the kiosk's own key (LoadOrCreateKey). The office reads them with ReadExport, which
// trusts a kiosk only through the public key the office registered for it.
//
// A network upload (Uploader) posts signed batches of events to the hub's UploadPath and
// advances a cursor only over events the hub acknowledged, so a batch may arrive twice
// but never goes missing; the hub stores events idempotently by their id.
//
// Both sides read the kiosk's event log through Store, which *eventlog.Log implements.
// docs/sync-format.md describes the formats and the protocol.
package evsync

import (
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

// Store is the part of the kiosk's event log that export and upload use.
type Store interface {
	After(seq int64, limit int) ([]eventlog.Event, error) // events with seq > seq, by seq
	Range(from, to int64) ([]eventlog.Event, error)       // from <= seq <= to
	Cursor(name string) (int64, error)                    // named cursors, 0 when unset
	SetCursor(name string, seq int64) error
	MarkSynced(ids []string, at time.Time) error
	// SetAside keeps events the hub refused as invalid out of further uploads; they stay
	// in the log and in exports. SetAsideCount counts them, with the newest reason.
	SetAside(ids []string, reason string) error
	SetAsideCount() (int64, string, error)
	LastSeq() (int64, error)
	KioskID() string // the id the kiosk records under now; older events may carry another
}

// Names of the Store cursors: the last seq written to a USB export, and the last seq
// such that it and every event before it have been acknowledged by the hub.
const (
	ExportCursor = "export"
	UploadCursor = "upload"
)

// Format is the value of Manifest.Format for this version of the export file set.
const Format = "jindu-events/1"

// UploadPath is the hub endpoint batches are POSTed to, relative to the hub's base URL.
const UploadPath = "/v1/events"

// SignatureHeader carries the kiosk's signature of an upload request body.
const SignatureHeader = "X-Kiosk-Signature"

// Batch is the JSON body of an upload request.
type Batch struct {
	KioskID string           `json:"kiosk_id"`
	Events  []eventlog.Event `json:"events"`
	// Status is the kiosk's heartbeat (heartbeat.go); absent from older kiosks, ignored by
	// older hubs.
	Status *Status `json:"status,omitempty"`
}

// Ack is the JSON body of the hub's 200 answer: the ids of the batch's events that the hub
// now stores, whether they were new or already there.
type Ack struct {
	Acked []string `json:"acked"`
}

// Manifest describes one exported data file. It is written as MANIFEST.json beside the
// data file and signed in MANIFEST.sig.
type Manifest struct {
	Format    string    `json:"format"`     // Format
	KioskID   string    `json:"kiosk_id"`   // every event's kiosk_id
	PublicKey string    `json:"public_key"` // base64 ed25519 public key of the kiosk (informational; trust comes from the hub's registry)
	File      string    `json:"file"`       // base name of the .ndjson.gz beside the manifest
	From      int64     `json:"from"`       // seq range covered, inclusive: every event of the kiosk with
	To        int64     `json:"to"`         // From <= seq <= To that was in the log is in the file
	Count     int       `json:"count"`      // number of events (lines) in the file
	Size      int64     `json:"size"`       // bytes of the .ndjson.gz
	SHA256    string    `json:"sha256"`     // hex of the .ndjson.gz bytes
	Created   time.Time `json:"created"`    // the kiosk's clock when the export was made
}
