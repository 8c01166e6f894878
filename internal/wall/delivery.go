package wall

import (
	"fmt"
	"time"
)

// Delivery is what the kiosk's event log knows of the wall_message events that carry
// messages to the office: for each message id with such an event in the log, true when
// every one of them has left the kiosk (acknowledged by the hub or written to a USB
// export), false while one still waits. An id with no event in the log is absent: its
// events were delivered and pruned from the log since, or lost (a damaged log moved aside).
type Delivery map[string]bool

// Waiting is what the last Prune did with approved messages past retention that have not
// reached the office: Kept (at most Max) and, once the bound was hit, Dropped.
type Waiting struct {
	Kept, Dropped, Max int
}

// SettleGrace is how long after its last change a message is left out of Settle: its
// event may still be on its way into the log.
const SettleGrace = time.Hour

// ResendMax bounds the messages one Settle hands back to be sent again.
const ResendMax = 200

// Settle brings the store's delivery marks up to date with d and prunes. An approved
// message whose events have all left the kiosk is marked delivered (and goes once past
// retention). One that is neither marked nor in d lost its event on the way: Settle
// returns it (at most ResendMax, oldest first) for the caller to record its wall_message
// event again; the hub keeps one state per message, so a repeat is harmless. Messages
// changed within SettleGrace are left for the next call.
func (s *Store) Settle(d Delivery) (resend []Message, err error) {
	changedBefore := tstamp(s.opts.Now().Add(-SettleGrace))
	rows, err := s.db.Query(`SELECT id FROM messages WHERE state = ? AND synced_at IS NULL
		AND (CASE decided_at WHEN '' THEN created_at ELSE decided_at END) < ? ORDER BY seq`, Approved, changedBefore)
	if err != nil {
		return nil, fmt.Errorf("wall: settle: %w", err)
	}
	var delivered, lost []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("wall: settle: %w", err)
		}
		done, known := d[id]
		switch {
		case done:
			delivered = append(delivered, id)
		case !known && len(lost) < ResendMax:
			lost = append(lost, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("wall: settle: %w", err)
	}
	if err := s.markDelivered(delivered); err != nil {
		return nil, err
	}
	if _, err := s.Prune(); err != nil {
		return nil, err
	}
	for _, id := range lost {
		m, err := s.Get(id)
		if err != nil {
			continue // pruned just now by the bound
		}
		resend = append(resend, m)
	}
	if len(delivered) > 0 || len(resend) > 0 {
		s.opts.Log.Info("wall delivery settled", "delivered", len(delivered), "resend", len(resend))
	}
	return resend, nil
}

// markDelivered sets the delivery mark of approved messages, in one transaction. Decide
// clears it on every change of state.
func (s *Store) markDelivered(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("wall: mark delivered: %w", err)
	}
	defer tx.Rollback()
	now := tstamp(s.opts.Now())
	for _, id := range ids {
		if _, err := tx.Exec(`UPDATE messages SET synced_at = ? WHERE id = ? AND state = ? AND synced_at IS NULL`,
			now, id, Approved); err != nil {
			return fmt.Errorf("wall: mark delivered: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("wall: mark delivered: %w", err)
	}
	return nil
}

// Waiting reports what the last prune kept back or dropped (for the staff panel).
func (s *Store) Waiting() Waiting {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.waiting
}
