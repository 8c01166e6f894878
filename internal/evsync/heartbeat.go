package evsync

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

// DefaultHeartbeatInterval is how often an idle Uploader with a Status source sends a batch
// with no events, so that the office sees the kiosk is alive.
const DefaultHeartbeatInterval = 5 * time.Minute

// Status is the kiosk's health as it sends it to the hub with an upload batch (the
// heartbeat). Every field is optional; a hub that does not know Batch.Status ignores it.
type Status struct {
	SentAt      time.Time `json:"sent_at"`                // the kiosk's clock when the batch was built
	AppVersion  string    `json:"app_version,omitempty"`  // the kiosk program's version
	PackVersion string    `json:"pack_version,omitempty"` // the content pack running
	DiskFree    int64     `json:"disk_free,omitempty"`    // bytes free on the data disk
	DiskTotal   int64     `json:"disk_total,omitempty"`   // bytes of the data disk
	UptimeS     int64     `json:"uptime_s,omitempty"`     // seconds since the program started
	// Pending counts the events not yet acknowledged when the batch left; LagS is the age in
	// seconds of the oldest of them (0: none). The Uploader fills both.
	Pending int64 `json:"pending"`
	LagS    int64 `json:"lag_s"`
	// LastError is the newest problem the kiosk wants the office to see (the upload's own
	// last error when the source leaves it empty), in the kiosk's words.
	LastError string `json:"last_error,omitempty"`
}

// withQueue fills the upload's own part of the status: the events waiting after the
// upload cursor and the age of the oldest.
func (u *Uploader) withQueue(s Status) Status {
	s.SentAt = u.now()
	cur, err := u.Store.Cursor(UploadCursor)
	if err != nil {
		return s
	}
	if last, err := u.Store.LastSeq(); err == nil {
		s.Pending = max(last-cur, 0)
	}
	if next, err := u.Store.After(cur, 1); err == nil && len(next) == 1 {
		s.LagS = max(int64(s.SentAt.Sub(next[0].WallTime)/time.Second), 0)
	}
	if s.LastError == "" {
		s.LastError = u.State().LastError
	}
	return s
}

// status is the Status to send with the next batch, nil without a source.
func (u *Uploader) status() *Status {
	if u.Status == nil {
		return nil
	}
	s := u.withQueue(u.Status())
	return &s
}

// heartbeat sends a batch with no events and the kiosk's status when the last batch the hub
// acknowledged is older than the heartbeat interval. Hubs that predate heartbeats answer an
// empty batch with an empty ack, which is fine.
func (u *Uploader) heartbeat(ctx context.Context, endpoint string) error {
	if u.Status == nil {
		return nil
	}
	every := u.HeartbeatInterval
	if every <= 0 {
		every = DefaultHeartbeatInterval
	}
	if !u.lastBeat.IsZero() && u.now().Sub(u.lastBeat) < every {
		return nil
	}
	body, err := json.Marshal(Batch{KioskID: u.Store.KioskID(), Events: []eventlog.Event{}, Status: u.status()})
	if err != nil {
		return fmt.Errorf("encode heartbeat: %w", err)
	}
	if _, err := u.post(ctx, endpoint, body); err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	u.lastBeat = u.now()
	return nil
}
