package eventlog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver

	"github.com/jindu-edu/kiosk/internal/sqlitefile"
)

// dsn is the read-write connection string: WAL, fsync on every commit, BEGIN IMMEDIATE for
// writes and a cap on the idle WAL file.
func dsn(path string) string {
	return path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" +
		"&_pragma=journal_size_limit(16777216)&_txlock=immediate"
}

// openChecked opens the database at path, creating it if missing, checks its integrity and
// migrates it. A non-empty corrupt reason (with a nil db and error) means the file must be
// moved aside. An existing file is checked on a read-only connection first, so SQLite
// changes nothing in a file that is then moved aside (no checkpoint, no header write).
//
// A file that a failed create left behind (failedCreate) is removed and created again: it
// holds no event, and moving it aside would report corruption where there is none.
func openChecked(ctx context.Context, path string, log *slog.Logger) (db *sql.DB, corrupt string, err error) {
	checked := false
	st, err := os.Stat(path)
	if err == nil && failedCreate(path, st) {
		log.Warn("removing an empty database file left by a failed create", "path", path, "bytes", st.Size())
		if err := removeFailedCreate(path); err != nil {
			return nil, "", fmt.Errorf("remove the file of a failed create: %w", err)
		}
		err = os.ErrNotExist
	}
	switch {
	case err == nil && st.Mode().IsRegular() && st.Size() == 0:
		return nil, "zero-length file beside a WAL", nil // the WAL may hold events: keep both
	case err == nil:
		corrupt, err := checkReadOnly(ctx, path)
		if corrupt != "" {
			return nil, corrupt, nil
		}
		checked = err == nil // otherwise (say, a hot rollback journal) check read-write below
	case errors.Is(err, os.ErrNotExist):
		if err := create(ctx, path); err != nil {
			// Leave no half-created file that the next start would take for corruption.
			if st, serr := os.Stat(path); serr == nil && failedCreate(path, st) {
				removeFailedCreate(path)
			}
			return nil, "", err
		}
	default:
		return nil, "", err
	}

	db, err = sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, "", err
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(2)
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
	if !checked {
		if msg, err := integrityCheck(ctx, db); err != nil {
			return fail(err)
		} else if msg != "ok" {
			db.Close()
			return nil, "integrity_check: " + msg, nil
		}
	}
	if err := migrate(ctx, db, len(migrations)); err != nil {
		return fail(err)
	}
	return db, "", nil
}

// create makes a new, empty database in WAL mode with incremental auto-vacuum (which can
// only be chosen before the file's first page is written).
func create(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", path+"?_auto_vacuum=incremental&_pragma=journal_mode(WAL)")
	if err != nil {
		return err
	}
	err = db.PingContext(ctx)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// checkReadOnly runs PRAGMA integrity_check on a read-only connection. It returns a corrupt
// reason, or an error when the file could not be checked this way.
func checkReadOnly(ctx context.Context, path string) (corrupt string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	uri := (&url.URL{Scheme: "file", Path: abs}).String() + "?mode=ro&_pragma=busy_timeout(5000)"
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return "", err
	}
	defer db.Close()
	msg, err := integrityCheck(ctx, db)
	switch {
	case isCorrupt(err):
		return err.Error(), nil
	case err != nil:
		return "", err
	case msg != "ok":
		return "integrity_check: " + msg, nil
	}
	return "", nil
}

// integrityCheck runs PRAGMA integrity_check and returns "ok" or the first problems found.
func integrityCheck(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check(10)`)
	if err != nil {
		return "", err
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
		return "", err
	}
	return strings.Join(msgs, "; "), nil
}

// isCorrupt reports whether err says the file is not a (sound) SQLite database, or was
// written by a newer schema than this program knows.
func isCorrupt(err error) bool {
	return errors.Is(err, errNewerSchema) || sqlitefile.Corrupt(err)
}

// moveAside moves a damaged database (and its -wal and -shm) aside; see sqlitefile.MoveAside.
func moveAside(path string, now time.Time) (string, error) { return sqlitefile.MoveAside(path, now) }
