package hub

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/evsync"
)

// TestUploadRecordsHeartbeat: an upload without a status (an older kiosk) moves last seen;
// an empty batch with a status (an idle kiosk's heartbeat) is acked with no ids and fills
// the kiosk's health; a refused upload records nothing.
func TestUploadRecordsHeartbeat(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	if rec := th.post("tok1", batchBody(t, "k1", genEvents("k1", 1, 3)), th.sign("k1", batchBody(t, "k1", genEvents("k1", 1, 3)))); rec.Code != http.StatusOK {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	h, err := th.store.Health(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if h[0].KioskID != "k1" || h[0].LastSeen.IsZero() || !h[0].StatusAt.IsZero() || !h[1].LastSeen.IsZero() {
		t.Fatalf("after an upload without status: %+v", h)
	}

	sent := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	body, _ := json.Marshal(evsync.Batch{KioskID: "k2", Events: nil, Status: &evsync.Status{SentAt: sent, AppVersion: "1.5.0",
		PackVersion: "2026.07", DiskFree: 1 << 30, DiskTotal: 8 << 30, Pending: 0, LastError: "磁盘将满"}})
	rec := th.post("tok2", body, th.sign("k2", body))
	if rec.Code != http.StatusOK {
		t.Fatalf("heartbeat: %d %s", rec.Code, rec.Body)
	}
	var ack evsync.Ack
	if err := json.Unmarshal(rec.Body.Bytes(), &ack); err != nil || len(ack.Acked) != 0 {
		t.Errorf("heartbeat ack %s, %v", rec.Body, err)
	}
	// Signed by the wrong key: refused, not recorded.
	bad, _ := json.Marshal(evsync.Batch{KioskID: "k1", Status: &evsync.Status{AppVersion: "forged"}})
	if rec := th.post("tok1", bad, th.sign("k2", bad)); rec.Code != http.StatusForbidden {
		t.Errorf("forged heartbeat: %d", rec.Code)
	}
	h, _ = th.store.Health(t.Context())
	if k2 := h[1]; k2.AppVersion != "1.5.0" || k2.PackVersion != "2026.07" || k2.DiskTotal != 8<<30 || k2.LastError != "磁盘将满" ||
		!k2.SentAt.Equal(sent) || k2.StatusAt.IsZero() {
		t.Errorf("k2 health %+v", k2)
	}
	if h[0].AppVersion == "forged" {
		t.Error("a refused batch's status was recorded")
	}
}
