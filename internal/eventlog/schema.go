package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// migrations are the schema's versions, forward only: migrations[i] takes a database from
// PRAGMA user_version i to i+1, in one transaction. Never edit a released step; append one.
var migrations = [][]string{
	// v1: the events table.
	{`CREATE TABLE events (
		id              TEXT PRIMARY KEY,        -- UUIDv7
		seq             INTEGER NOT NULL UNIQUE, -- per kiosk, strictly increasing
		kiosk_id        TEXT NOT NULL,
		session_id      TEXT NOT NULL DEFAULT '',
		wall_time       TEXT NOT NULL,           -- UTC, fixed width: 2006-01-02T15:04:05.000000000Z
		mono_ms         INTEGER NOT NULL,        -- ms since boot_id began
		boot_id         TEXT NOT NULL,
		type            TEXT NOT NULL,
		zone            TEXT NOT NULL DEFAULT '',
		item            TEXT NOT NULL DEFAULT '',
		payload         TEXT,                    -- JSON object or NULL
		content_version TEXT NOT NULL DEFAULT '',
		app_version     TEXT NOT NULL DEFAULT ''
	)`},
	// v2: named cursors and a key/value table; last_seq keeps seqs from being reused after
	// every event has been pruned.
	{
		`CREATE TABLE cursors (
			name       TEXT PRIMARY KEY,
			seq        INTEGER NOT NULL CHECK (seq >= 0),
			updated_at TEXT NOT NULL
		)`,
		`CREATE TABLE meta (key TEXT PRIMARY KEY, value)`,
		`INSERT INTO meta(key, value) SELECT 'last_seq', COALESCE(MAX(seq), 0) FROM events`,
	},
	// v3: hub acknowledgement, and indexes for the unsynced count and retention.
	{
		`ALTER TABLE events ADD COLUMN synced_at TEXT`, // NULL until the hub acknowledged
		`CREATE INDEX events_unsynced ON events(seq) WHERE synced_at IS NULL`,
		`CREATE INDEX events_wall_time ON events(wall_time)`,
	},
	// v4: events the hub refused as invalid are set aside: kept (and exportable) but no
	// longer uploaded; the column holds the hub's reason.
	{
		`ALTER TABLE events ADD COLUMN set_aside TEXT`, // NULL unless the hub refused the event
		`CREATE INDEX events_set_aside ON events(seq) WHERE set_aside IS NOT NULL`,
	},
}

// SchemaVersion is the schema version this code writes: len(migrations).
const SchemaVersion = 4

// errNewerSchema marks a database written by a newer program whose tables this one cannot use.
var errNewerSchema = errors.New("database schema is newer than this program and incompatible")

// migrate brings db to schema version target (at most len(migrations)), one transaction per
// step. A database already newer than this program is used as is if the tables this code
// reads and writes still have their columns.
func migrate(ctx context.Context, db *sql.DB, target int) error {
	cur, err := userVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	if cur > len(migrations) {
		for _, q := range []string{
			`SELECT ` + eventColumns + `, synced_at, set_aside FROM events LIMIT 0`,
			`SELECT name, seq, updated_at FROM cursors LIMIT 0`,
			`SELECT key, value FROM meta LIMIT 0`,
		} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("schema version %d: %w: %v", cur, errNewerSchema, err)
			}
		}
		return nil
	}
	for v := cur; v < target; v++ {
		if err := migrateStep(ctx, db, v); err != nil {
			return fmt.Errorf("migrate to schema version %d: %w", v+1, err)
		}
	}
	return nil
}

// migrateStep applies migrations[from] unless another process got there first.
func migrateStep(ctx context.Context, db *sql.DB, from int) error {
	tx, err := db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (DSN): the version read below is stable
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var cur int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&cur); err != nil {
		return err
	}
	if cur != from {
		return nil
	}
	for _, stmt := range migrations[from] {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, from+1)); err != nil {
		return err
	}
	return tx.Commit()
}

func userVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	return v, err
}
