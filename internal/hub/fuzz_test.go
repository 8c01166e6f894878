package hub

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
)

// FuzzBatch feeds upload bodies to the hub's batch decoder and the checks every stored
// event passes: nothing may panic, and whatever is accepted must be storable as it is (no
// field over the store's limits, ids acknowledged once each).
func FuzzBatch(f *testing.F) {
	good := evsync.Batch{KioskID: "kiosk-01", Events: []eventlog.Event{{
		ID: "0190a000-0000-7000-8000-000000000001", KioskID: "kiosk-01", SessionID: "s", Seq: 1,
		WallTime: time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC), BootID: "b", Type: "zone_enter",
		Zone: "history", Payload: json.RawMessage(`{"dwell_ms":5}`), ContentVersion: "demo-v1", AppVersion: "1"}}}
	seed, _ := json.Marshal(good)
	f.Add(seed)
	f.Add([]byte(`{"kiosk_id":"k","events":[]}`))
	f.Add([]byte(`{"kiosk_id":"k","events":[{"id":"","kiosk_id":"k"}]} {}`))
	f.Add([]byte(`{"kiosk_id":"k","events":[{"id":"x","kiosk_id":"k","payload":[1,2]}]}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, body []byte) {
		batch, err := decodeBatch(body)
		if err != nil {
			return
		}
		rows, acked, err := prepare(batch.KioskID, batch.Events)
		var mismatch *KioskMismatchError
		if err != nil {
			if !errors.Is(err, ErrInvalidEvent) && !errors.As(err, &mismatch) {
				t.Fatalf("unclassified refusal: %v", err)
			}
			return
		}
		if len(rows) != len(acked) {
			t.Fatalf("%d rows, %d acks", len(rows), len(acked))
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if seen[r.ID] {
				t.Fatalf("id %q stored twice", r.ID)
			}
			seen[r.ID] = true
			if checkEvent(r.Event) != nil || len(r.ID) > maxIDLen {
				t.Fatalf("accepted an unstorable event %+v", r.Event)
			}
		}
	})
}
