package eventlog

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// eventColumns are the events columns in Event field order.
const eventColumns = `id, seq, kiosk_id, session_id, wall_time, mono_ms, boot_id, type, zone, item,
	payload, content_version, app_version`

// timeFormat is how times are stored: UTC, fixed width, so text order is time order.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// After returns up to limit events with seq greater than seq, in seq order. limit must be
// positive.
func (l *Log) After(seq int64, limit int) ([]Event, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("eventlog: after %d: limit %d must be positive", seq, limit)
	}
	evs, err := l.query(`SELECT `+eventColumns+` FROM events WHERE seq > ? ORDER BY seq LIMIT ?`, seq, limit)
	if err != nil {
		return nil, fmt.Errorf("eventlog: after %d: %w", seq, err)
	}
	return evs, nil
}

// Range returns the events with from <= seq <= to, in seq order (for a re-export). Pruned
// events are simply absent.
func (l *Log) Range(from, to int64) ([]Event, error) {
	evs, err := l.query(`SELECT `+eventColumns+` FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq`, from, to)
	if err != nil {
		return nil, fmt.Errorf("eventlog: range %d..%d: %w", from, to, err)
	}
	return evs, nil
}

// dbQuerier is the read side of *sql.DB.
type dbQuerier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func (l *Log) query(q string, args ...any) ([]Event, error) {
	db, err := l.reader()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(context.Background(), q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var evs []Event
	for rows.Next() {
		var e Event
		var wall string
		var payload sql.NullString
		if err := rows.Scan(&e.ID, &e.Seq, &e.KioskID, &e.SessionID, &wall, &e.MonoMS, &e.BootID,
			&e.Type, &e.Zone, &e.Item, &payload, &e.ContentVersion, &e.AppVersion); err != nil {
			return nil, err
		}
		if e.WallTime, err = time.Parse(time.RFC3339Nano, wall); err != nil {
			return nil, fmt.Errorf("event %s: wall_time: %w", e.ID, err)
		}
		if payload.Valid {
			e.Payload = json.RawMessage(payload.String)
		}
		evs = append(evs, e)
	}
	return evs, rows.Err()
}

// Cursor returns the named cursor's seq (0 if it was never set). Cursors record how far a
// consumer got: "export" (written to a USB file), "upload" (sent to the hub).
func (l *Log) Cursor(name string) (int64, error) {
	var seq int64
	db, err := l.reader()
	if err != nil {
		return 0, fmt.Errorf("eventlog: cursor %q: %w", name, err)
	}
	err = db.QueryRowContext(context.Background(), `SELECT seq FROM cursors WHERE name = ?`, name).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("eventlog: cursor %q: %w", name, err)
	}
	return seq, nil
}

// SetCursor sets the named cursor to seq, atomically and durably (one committed statement
// with synchronous=FULL). seq may move backwards (a re-export) but not past the last
// committed seq.
func (l *Log) SetCursor(name string, seq int64) error {
	if name == "" {
		return errors.New("eventlog: set cursor: empty name")
	}
	err := l.do(func(ctx context.Context, c *sql.Conn) error {
		if seq < 0 || seq > l.lastSeq {
			return fmt.Errorf("seq %d outside 0..%d", seq, l.lastSeq)
		}
		_, err := c.ExecContext(ctx, `INSERT INTO cursors(name, seq, updated_at) VALUES (?, ?, ?)
			ON CONFLICT(name) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at`,
			name, seq, formatTime(l.opts.Clock.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("eventlog: set cursor %q to %d: %w", name, seq, err)
	}
	return nil
}

// MarkSynced records that the hub acknowledged the events with these ids, at time at. It is
// idempotent: an event keeps the time of its first acknowledgement, and unknown (for
// example pruned) ids are ignored.
func (l *Log) MarkSynced(ids []string, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	err := l.do(func(ctx context.Context, c *sql.Conn) error {
		tx, err := c.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stmt, err := tx.PrepareContext(ctx, `UPDATE events SET synced_at = ? WHERE id = ? AND synced_at IS NULL`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		when := formatTime(at)
		var marked int64
		for _, id := range ids {
			res, err := stmt.ExecContext(ctx, when, id)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			marked += n
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		l.unsynced.Add(-marked)
		return nil
	})
	if err != nil {
		return fmt.Errorf("eventlog: mark %d events synced: %w", len(ids), err)
	}
	return nil
}

// Unsynced counts the stored events the hub has not acknowledged.
func (l *Log) Unsynced() (int64, error) {
	var n int64
	db, err := l.reader()
	if err != nil {
		return 0, fmt.Errorf("eventlog: unsynced: %w", err)
	}
	err = db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM events WHERE synced_at IS NULL`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("eventlog: unsynced: %w", err)
	}
	return n, nil
}

// LastSeq is the highest seq ever committed (0 for an empty log). It does not go down when
// events are pruned, and no seq is ever reused.
func (l *Log) LastSeq() (int64, error) {
	var n int64
	db, err := l.reader()
	if err != nil {
		return 0, fmt.Errorf("eventlog: last seq: %w", err)
	}
	err = db.QueryRowContext(context.Background(),
		`SELECT COALESCE(CAST(value AS INTEGER), 0) FROM meta WHERE key = 'last_seq'`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("eventlog: last seq: %w", err)
	}
	return n, nil
}

// Delivered reports, for each item that has events of type typ in the log, whether every
// one of them has left the kiosk: acknowledged by the hub or written to a USB export (the
// rule Prune uses). Items without such events are absent. The message wall uses it to know
// which messages the office has (type wall_message); it reads the whole log once, so call
// it rarely (once a day), off the UI thread.
func (l *Log) Delivered(typ string) (map[string]bool, error) {
	db, err := l.reader()
	if err != nil {
		return nil, fmt.Errorf("eventlog: delivered %s: %w", typ, err)
	}
	rows, err := db.QueryContext(context.Background(), `SELECT item,
		MIN(synced_at IS NOT NULL OR seq <= COALESCE((SELECT seq FROM cursors WHERE name = 'export'), 0))
		FROM events WHERE type = ? AND item <> '' GROUP BY item`, typ)
	if err != nil {
		return nil, fmt.Errorf("eventlog: delivered %s: %w", typ, err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var item string
		var done bool
		if err := rows.Scan(&item, &done); err != nil {
			return nil, fmt.Errorf("eventlog: delivered %s: %w", typ, err)
		}
		out[item] = done
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("eventlog: delivered %s: %w", typ, err)
	}
	return out, nil
}
