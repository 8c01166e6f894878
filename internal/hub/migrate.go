package hub

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migration is one step of the schema, the same version for both backends. Steps are never
// edited once released: a change is a new step.
type migration struct {
	version  int
	name     string
	sqlite   string
	postgres string
}

// migrations is the schema history, by version from 1.
var migrations = []migration{
	{
		version: 1,
		name:    "kiosks and events",
		sqlite: `
CREATE TABLE kiosks (
	id          TEXT PRIMARY KEY,
	public_key  BLOB NOT NULL,
	token_hash  BLOB NOT NULL UNIQUE,
	added_at    TEXT NOT NULL
);
CREATE TABLE events (
	id              TEXT PRIMARY KEY,
	kiosk_id        TEXT NOT NULL,
	session_id      TEXT NOT NULL,
	seq             INTEGER NOT NULL,
	wall_time       TEXT NOT NULL,
	wall_day        TEXT NOT NULL,
	mono_ms         INTEGER NOT NULL,
	boot_id         TEXT NOT NULL,
	type            TEXT NOT NULL,
	zone            TEXT NOT NULL,
	item            TEXT NOT NULL,
	payload         TEXT,
	content_version TEXT NOT NULL,
	app_version     TEXT NOT NULL,
	received_at     TEXT NOT NULL
);
CREATE INDEX events_kiosk_seq ON events (kiosk_id, seq);`,
		postgres: `
CREATE TABLE kiosks (
	id          text PRIMARY KEY,
	public_key  bytea NOT NULL,
	token_hash  bytea NOT NULL UNIQUE,
	added_at    timestamptz NOT NULL
);
CREATE TABLE events (
	id              text PRIMARY KEY,
	kiosk_id        text NOT NULL,
	session_id      text NOT NULL,
	seq             bigint NOT NULL,
	wall_time       text NOT NULL,
	wall_day        text NOT NULL,
	mono_ms         bigint NOT NULL,
	boot_id         text NOT NULL,
	type            text NOT NULL,
	zone            text NOT NULL,
	item            text NOT NULL,
	payload         json,
	content_version text NOT NULL,
	app_version     text NOT NULL,
	received_at     timestamptz NOT NULL
);
CREATE INDEX events_kiosk_seq ON events (kiosk_id, seq);`,
	},
	{
		version:  2,
		name:     "stats indexes",
		sqlite:   `CREATE INDEX events_type_day ON events (type, wall_day); CREATE INDEX events_day ON events (wall_day);`,
		postgres: `CREATE INDEX events_type_day ON events (type, wall_day); CREATE INDEX events_day ON events (wall_day);`,
	},
	{
		// The dashboard: kiosk bases, the kiosks' heartbeats, the daily rollup behind the
		// overview (rollup.go), settings (the admin password hash).
		version:  3,
		name:     "dashboard",
		sqlite:   dashboardSchema,
		postgres: dashboardSchema,
	},
	{
		// Rollups for every statistic (rollup.go); every kiosk-day is recomputed.
		version:  4,
		name:     "statistics rollups",
		sqlite:   statsRollupSchema,
		postgres: statsRollupSchema,
	},
}

// statsRollupSchema is migration 4, the same SQL on both backends.
const statsRollupSchema = `
CREATE TABLE day_zone (
	kiosk_id TEXT NOT NULL,
	wall_day TEXT NOT NULL,
	zone     TEXT NOT NULL,
	leaves   BIGINT NOT NULL,
	sum_ms   DOUBLE PRECISION NOT NULL,
	timed    BIGINT NOT NULL,
	PRIMARY KEY (wall_day, kiosk_id, zone)
);
CREATE TABLE day_question (
	kiosk_id      TEXT NOT NULL,
	wall_day      TEXT NOT NULL,
	item          TEXT NOT NULL,
	audience      TEXT NOT NULL,
	answered      BIGINT NOT NULL,
	right_answers BIGINT NOT NULL,
	PRIMARY KEY (wall_day, kiosk_id, item, audience)
);
CREATE TABLE day_gain (
	kiosk_id     TEXT NOT NULL,
	wall_day     TEXT NOT NULL,
	audience     TEXT NOT NULL,
	topic        TEXT NOT NULL,
	pairs        BIGINT NOT NULL,
	before_right BIGINT NOT NULL,
	after_right  BIGINT NOT NULL,
	PRIMARY KEY (wall_day, kiosk_id, audience, topic)
);
INSERT INTO rollup_dirty (kiosk_id, wall_day, gen) SELECT DISTINCT kiosk_id, wall_day, 1 FROM events WHERE TRUE
	ON CONFLICT (kiosk_id, wall_day) DO NOTHING;`

// dashboardSchema is migration 3, the same SQL on both backends.
const dashboardSchema = `
CREATE INDEX events_kiosk_day ON events (kiosk_id, wall_day);
CREATE INDEX events_session ON events (kiosk_id, session_id, seq);
ALTER TABLE kiosks ADD COLUMN base TEXT NOT NULL DEFAULT '';
CREATE TABLE kiosk_status (
	kiosk_id     TEXT PRIMARY KEY,
	last_seen    TEXT NOT NULL,
	sent_at      TEXT NOT NULL DEFAULT '',
	app_version  TEXT NOT NULL DEFAULT '',
	pack_version TEXT NOT NULL DEFAULT '',
	disk_free    BIGINT NOT NULL DEFAULT 0,
	disk_total   BIGINT NOT NULL DEFAULT 0,
	uptime_s     BIGINT NOT NULL DEFAULT 0,
	pending      BIGINT NOT NULL DEFAULT 0,
	lag_s        BIGINT NOT NULL DEFAULT 0,
	last_error   TEXT NOT NULL DEFAULT '',
	status_at    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE day_kiosk (
	kiosk_id  TEXT NOT NULL,
	wall_day  TEXT NOT NULL,
	events    BIGINT NOT NULL,
	visits    BIGINT NOT NULL,
	sessions  BIGINT NOT NULL,
	answers   BIGINT NOT NULL,
	right_answers BIGINT NOT NULL,
	leaves    BIGINT NOT NULL,
	dwell_ms  BIGINT NOT NULL,
	PRIMARY KEY (wall_day, kiosk_id)
);
CREATE TABLE rollup_dirty (
	kiosk_id TEXT NOT NULL,
	wall_day TEXT NOT NULL,
	gen      BIGINT NOT NULL,
	PRIMARY KEY (kiosk_id, wall_day)
);
INSERT INTO rollup_dirty (kiosk_id, wall_day, gen) SELECT DISTINCT kiosk_id, wall_day, 1 FROM events;
CREATE TABLE hub_settings (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
);`

// latestVersion is the schema version this build of the hub writes.
func latestVersion() int { return migrations[len(migrations)-1].version }

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// errTooNew refuses a database written by a newer hub.
func errTooNew(have int) error {
	return fmt.Errorf("database schema version %d is newer than this hub's %d", have, latestVersion())
}

// migrateSQLite applies the missing steps, each in its own (immediate, so exclusive)
// transaction.
func migrateSQLite(ctx context.Context, db *sql.DB, now string) error {
	if _, err := db.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range migrations {
		if err := applySQLite(ctx, db, m, now); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

func applySQLite(ctx context.Context, db *sql.DB, m migration, now string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	if have > latestVersion() {
		return errTooNew(have)
	}
	if have >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sqlite); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, now); err != nil {
		return err
	}
	return tx.Commit()
}

// pgMigrationLock is the advisory lock key that serialises hubs migrating one database.
const pgMigrationLock = 0x6b696f736b687562 // "kioskhub"

// migratePostgres applies the missing steps, each in its own transaction holding an
// advisory lock, so hubs starting together do not race.
func migratePostgres(ctx context.Context, pool *pgxpool.Pool, now string) error {
	for _, m := range migrations {
		if err := applyPostgres(ctx, pool, m, now); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

func applyPostgres(ctx context.Context, pool *pgxpool.Pool, m migration, now string) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(pgMigrationLock)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, createMigrationsTable); err != nil {
			return err
		}
		var have int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
			return err
		}
		if have > latestVersion() {
			return errTooNew(have)
		}
		if have >= m.version {
			return nil
		}
		if _, err := tx.Exec(ctx, m.postgres); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
			m.version, m.name, now)
		return err
	})
}

// errNoRows reports whether err is the "no row" of either driver.
func errNoRows(err error) bool {
	return errors.Is(err, sql.ErrNoRows) || errors.Is(err, pgx.ErrNoRows)
}
