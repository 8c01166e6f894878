package wall

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver

	"github.com/jindu-edu/kiosk/internal/sqlitefile"
)

// The store keeps the event log's durability rules (internal/eventlog): WAL, fsync on
// every commit, BEGIN IMMEDIATE for writes, an integrity check before use, and a corrupt
// file renamed aside with its -wal and -shm rather than deleted.

func dsn(path string) string {
	return path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" +
		"&_pragma=journal_size_limit(4194304)&_txlock=immediate"
}

// migrations take the schema from PRAGMA user_version i to i+1. Never edit a released
// step; append one.
var migrations = [][]string{
	{`CREATE TABLE messages (
		id         TEXT PRIMARY KEY,       -- UUIDv7
		seq        INTEGER NOT NULL UNIQUE, -- order of writing on this kiosk
		kind       TEXT NOT NULL,
		body       TEXT NOT NULL DEFAULT '', -- typed text or the phrase as shown
		phrase     TEXT NOT NULL DEFAULT '',
		ink        TEXT,                    -- JSON strokes, NULL unless kind = 'ink'
		grp        TEXT NOT NULL DEFAULT '',
		lang       TEXT NOT NULL DEFAULT '',
		state      TEXT NOT NULL,
		created_at TEXT NOT NULL,           -- UTC, fixed width
		decided_at TEXT NOT NULL DEFAULT '',
		kiosk_id   TEXT NOT NULL DEFAULT '',
		synced_at  TEXT                     -- NULL until the hub acknowledged the approved message
	)`,
		`CREATE INDEX messages_state ON messages(state, seq)`,
		`CREATE INDEX messages_created ON messages(created_at)`,
	},
}

// SchemaVersion is the schema this code writes.
const SchemaVersion = 1

// openDB opens, checks and migrates the database at path; a corrupt file is moved aside
// and a fresh one made (movedTo names where it went).
func openDB(ctx context.Context, path string, now time.Time) (db *sql.DB, movedTo string, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, "", err
	}
	db, corrupt, err := openChecked(ctx, path)
	if err != nil {
		return nil, "", err
	}
	if corrupt == "" {
		return db, "", nil
	}
	movedTo, err = moveAside(path, now)
	if err != nil {
		return nil, "", fmt.Errorf("move the corrupt database aside (%s): %w", corrupt, err)
	}
	db, corrupt, err = openChecked(ctx, path)
	if err == nil && corrupt != "" {
		err = errors.New(corrupt)
	}
	if err != nil {
		return nil, movedTo, fmt.Errorf("fresh database: %w", err)
	}
	return db, movedTo, nil
}

// openChecked returns an open database, or a corrupt reason.
func openChecked(ctx context.Context, path string) (*sql.DB, string, error) {
	if st, err := os.Stat(path); err == nil {
		if st.Size() > 0 {
			if corrupt, err := checkReadOnly(ctx, path); corrupt != "" || err != nil {
				return nil, corrupt, err
			}
		} else if wal, werr := os.Stat(path + "-wal"); werr != nil || wal.Size() == 0 {
			os.Remove(path) // an interrupted create: nothing can be in it
		}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, "", err
	}
	db.SetMaxOpenConns(4)
	fail := func(err error) (*sql.DB, string, error) {
		db.Close()
		if isCorrupt(err) {
			return nil, err.Error(), nil
		}
		return nil, "", err
	}
	if err := db.PingContext(ctx); err != nil {
		return fail(err)
	}
	if err := migrate(ctx, db); err != nil {
		return fail(err)
	}
	return db, "", nil
}

var errNewerSchema = errors.New("database schema is newer than this program")

func migrate(ctx context.Context, db *sql.DB) error {
	var cur int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&cur); err != nil {
		return err
	}
	if cur > len(migrations) {
		if _, err := db.ExecContext(ctx, `SELECT `+columns+` FROM messages LIMIT 0`); err != nil {
			return fmt.Errorf("%w: %v", errNewerSchema, err)
		}
		return nil
	}
	for v := cur; v < len(migrations); v++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		for _, q := range migrations[v] {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				tx.Rollback()
				return fmt.Errorf("migrate to version %d: %w", v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// checkReadOnly runs the integrity check on a read-only connection, so nothing is written
// to a file that is then moved aside.
func checkReadOnly(ctx context.Context, path string) (corrupt string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: abs}).String()+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return "", err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check(10)`)
	if err != nil {
		if isCorrupt(err) {
			return err.Error(), nil
		}
		return "", nil // a hot journal and the like: the read-write open decides
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		msgs = append(msgs, s)
	}
	if err := rows.Err(); err != nil {
		if isCorrupt(err) {
			return err.Error(), nil
		}
		return "", err
	}
	if m := strings.Join(msgs, "; "); m != "ok" {
		return "integrity_check: " + m, nil
	}
	return "", nil
}

// isCorrupt reports whether err says the file is not a (sound) SQLite database, or was
// written by a newer schema than this program knows.
func isCorrupt(err error) bool {
	return errors.Is(err, errNewerSchema) || sqlitefile.Corrupt(err)
}

// moveAside moves a damaged database (and its -wal and -shm) aside; see sqlitefile.MoveAside.
func moveAside(path string, now time.Time) (string, error) { return sqlitefile.MoveAside(path, now) }
