package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// SetAside records that the hub refused these events as invalid: they stay in the log,
// unsynced and exportable (retention keeps them until they are exported), but the uploader
// no longer sends them. reason (the hub's answer) is kept with each event; an event
// already set aside keeps its first reason. Unknown ids are ignored.
func (l *Log) SetAside(ids []string, reason string) error {
	if len(ids) == 0 {
		return nil
	}
	if reason == "" {
		reason = "refused by the hub"
	}
	err := l.do(func(ctx context.Context, c *sql.Conn) error {
		tx, err := c.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		stmt, err := tx.PrepareContext(ctx, `UPDATE events SET set_aside = ? WHERE id = ? AND set_aside IS NULL`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, id := range ids {
			if _, err := stmt.ExecContext(ctx, reason, id); err != nil {
				return err
			}
		}
		return tx.Commit()
	})
	if err != nil {
		return fmt.Errorf("eventlog: set aside %d events: %w", len(ids), err)
	}
	return nil
}

// SetAsideCount is the number of stored events set aside (and not acknowledged by the hub
// since), with the reason of the newest of them.
func (l *Log) SetAsideCount() (n int64, lastReason string, err error) {
	db, err := l.reader()
	if err != nil {
		return 0, "", fmt.Errorf("eventlog: set-aside count: %w", err)
	}
	ctx := context.Background()
	const aside = `set_aside IS NOT NULL AND synced_at IS NULL`
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE `+aside).Scan(&n); err != nil {
		return 0, "", fmt.Errorf("eventlog: set-aside count: %w", err)
	}
	if n == 0 {
		return 0, "", nil
	}
	err = db.QueryRowContext(ctx, `SELECT set_aside FROM events WHERE `+aside+` ORDER BY seq DESC LIMIT 1`).Scan(&lastReason)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("eventlog: set-aside reason: %w", err)
	}
	return n, lastReason, nil
}
