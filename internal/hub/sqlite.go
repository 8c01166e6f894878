package hub

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// sqlitePragmas make every connection durable (WAL, synchronous FULL), patient with a
// concurrent writer, and start write transactions with BEGIN IMMEDIATE so two writers
// never deadlock on a lock upgrade.
const sqlitePragmas = "_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(5000)&_txlock=immediate"

// sqliteStore is the embedded Store.
type sqliteStore struct {
	db  *sql.DB
	now func() time.Time
	// write admits one writer of this process at a time, in turn, instead of leaving
	// concurrent uploads to SQLite's sleeping busy handler; busy_timeout still covers
	// other processes (kiosk-hub import beside a running serve).
	write chan struct{}
}

// sqliteDSN turns a path (or a file: URI) into a driver DSN with the hub's pragmas.
func sqliteDSN(dsn string) string {
	if !strings.HasPrefix(dsn, "file:") {
		dsn = "file:" + dsn
	}
	if strings.Contains(dsn, "?") {
		return dsn + "&" + sqlitePragmas
	}
	return dsn + "?" + sqlitePragmas
}

// OpenSQLite opens or creates the SQLite database at path (or file: URI) and migrates it.
func OpenSQLite(ctx context.Context, path string) (Store, error) {
	if path == "" {
		return nil, fmt.Errorf("open sqlite: empty path")
	}
	db, err := sql.Open("sqlite", sqliteDSN(path))
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// Readers run in parallel under WAL; writers queue on the database lock.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	s := &sqliteStore{db: db, now: time.Now, write: make(chan struct{}, 1)}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := migrateSQLite(ctx, db, s.stamp()); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate sqlite %s: %w", path, err)
	}
	return s, nil
}

func (s *sqliteStore) stamp() string { return s.now().UTC().Format(time.RFC3339Nano) }

func (s *sqliteStore) Close() error { return s.db.Close() }

func (s *sqliteStore) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

func (s *sqliteStore) AddKiosk(ctx context.Context, id string, pub ed25519.PublicKey, tokenHash []byte) error {
	return s.addKiosk(ctx, id, pub, tokenHash, "")
}

func (s *sqliteStore) AddKioskSharingKey(ctx context.Context, id string, pub ed25519.PublicKey, tokenHash []byte, formerID string) error {
	if formerID == "" || formerID == id {
		return fmt.Errorf("add kiosk %s: the former id must be another kiosk's", id)
	}
	return s.addKiosk(ctx, id, pub, tokenHash, formerID)
}

func (s *sqliteStore) addKiosk(ctx context.Context, id string, pub ed25519.PublicKey, tokenHash []byte, allow string) error {
	if err := checkKiosk(id, pub, tokenHash); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the check and the insert are one step
	if err != nil {
		return fmt.Errorf("add kiosk %s: %w", id, err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	rows, err := tx.QueryContext(ctx, `SELECT id FROM kiosks WHERE public_key = ? AND id <> ? ORDER BY id`, []byte(pub), id)
	if err != nil {
		return fmt.Errorf("add kiosk %s: %w", id, err)
	}
	var holders []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			rows.Close()
			return fmt.Errorf("add kiosk %s: %w", id, err)
		}
		holders = append(holders, h)
	}
	rows.Close()
	if err := checkKeyHolders(id, holders, allow); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO kiosks (id, public_key, token_hash, added_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET public_key = excluded.public_key, token_hash = excluded.token_hash`,
		id, []byte(pub), tokenHash, s.stamp())
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return fmt.Errorf("add kiosk %s: %w", id, err)
	}
	return nil
}

func (s *sqliteStore) KiosksByKey(ctx context.Context, pub ed25519.PublicKey) ([]Kiosk, error) {
	return s.kiosks(ctx, `SELECT `+kioskColumns+` FROM kiosks WHERE public_key = ? ORDER BY id`, []byte(pub))
}

const kioskColumns = `id, public_key, token_hash, added_at, base`

func (s *sqliteStore) Kiosk(ctx context.Context, id string) (Kiosk, error) {
	k, err := scanSQLiteKiosk(s.db.QueryRowContext(ctx, `SELECT `+kioskColumns+` FROM kiosks WHERE id = ?`, id))
	if err != nil {
		return Kiosk{}, fmt.Errorf("kiosk %s: %w", id, err)
	}
	return k, nil
}

func (s *sqliteStore) KioskByToken(ctx context.Context, tokenHash []byte) (Kiosk, error) {
	k, err := scanSQLiteKiosk(s.db.QueryRowContext(ctx, `SELECT `+kioskColumns+` FROM kiosks WHERE token_hash = ?`, tokenHash))
	if err != nil {
		return Kiosk{}, fmt.Errorf("kiosk by token: %w", err)
	}
	return k, nil
}

func (s *sqliteStore) Kiosks(ctx context.Context) ([]Kiosk, error) {
	return s.kiosks(ctx, `SELECT `+kioskColumns+` FROM kiosks ORDER BY id`)
}

func (s *sqliteStore) kiosks(ctx context.Context, q string, args ...any) ([]Kiosk, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list kiosks: %w", err)
	}
	defer rows.Close()
	var out []Kiosk
	for rows.Next() {
		k, err := scanSQLiteKiosk(rows)
		if err != nil {
			return nil, fmt.Errorf("list kiosks: %w", err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list kiosks: %w", err)
	}
	return out, nil
}

func scanSQLiteKiosk(r interface{ Scan(...any) error }) (Kiosk, error) {
	var k Kiosk
	var pub []byte
	var added string
	if err := r.Scan(&k.ID, &pub, &k.TokenHash, &added, &k.Base); err != nil {
		if errNoRows(err) {
			return Kiosk{}, ErrNotFound
		}
		return Kiosk{}, err
	}
	k.PublicKey = ed25519.PublicKey(pub)
	k.Added, _ = time.Parse(time.RFC3339Nano, added)
	return k, nil
}

// sqliteChunk is the number of rows per INSERT statement (15 columns each stays well
// under SQLite's 32766 bound parameters).
const sqliteChunk = 500

func (s *sqliteStore) Insert(ctx context.Context, kioskID string, events []eventlog.Event) ([]string, int, error) {
	rows, acked, err := prepare(kioskID, events)
	if err != nil {
		return nil, 0, err
	}
	if len(rows) == 0 {
		return acked, 0, nil
	}
	select {
	case s.write <- struct{}{}:
		defer func() { <-s.write }()
	case <-ctx.Done():
		return nil, 0, fmt.Errorf("insert events of %s: %w", kioskID, ctx.Err())
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("insert %d events of %s: begin: %w", len(rows), kioskID, err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	received := s.stamp()
	inserted := 0
	stmts := map[int]*sql.Stmt{}
	for _, c := range chunks(len(rows), sqliteChunk) {
		part := rows[c[0]:c[1]]
		st, ok := stmts[len(part)]
		if !ok {
			st, err = tx.PrepareContext(ctx, sqliteInsertSQL(len(part)))
			if err != nil {
				return nil, 0, fmt.Errorf("insert events of %s: prepare: %w", kioskID, err)
			}
			defer st.Close()
			stmts[len(part)] = st
		}
		args := make([]any, 0, len(part)*15)
		for _, r := range part {
			args = append(args, r.ID, r.KioskID, r.SessionID, r.Seq, r.wall, r.day,
				r.MonoMS, r.BootID, r.Type, r.Zone, r.Item, r.payload, r.ContentVersion, r.AppVersion, received)
		}
		res, err := st.ExecContext(ctx, args...)
		if err != nil {
			return nil, 0, fmt.Errorf("insert events of %s: %w", kioskID, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, 0, fmt.Errorf("insert events of %s: rows affected: %w", kioskID, err)
		}
		inserted += int(n)
	}
	if inserted > 0 {
		for _, day := range dirtyDays(rows) {
			if _, err := tx.ExecContext(ctx, markDirtySQL(sqliteDialect), kioskID, day); err != nil {
				return nil, 0, fmt.Errorf("insert events of %s: mark day %s for the rollup: %w", kioskID, day, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, 0, fmt.Errorf("insert %d events of %s: commit: %w", len(rows), kioskID, err)
	}
	return acked, inserted, nil
}

func sqliteInsertSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO events (` + eventColumns + `, received_at) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
	}
	b.WriteString(` ON CONFLICT (id) DO NOTHING`)
	return b.String()
}

// eventColumns are the stored columns of an event, in the order of row's fields.
const eventColumns = `id, kiosk_id, session_id, seq, wall_time, wall_day, mono_ms, boot_id, type, zone, item, payload, content_version, app_version`

// readColumns are the columns that make an eventlog.Event back.
const readColumns = `id, kiosk_id, session_id, seq, wall_time, mono_ms, boot_id, type, zone, item, payload, content_version, app_version`

func (s *sqliteStore) Events(ctx context.Context, kioskID string) ([]eventlog.Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+readColumns+` FROM events WHERE kiosk_id = ? ORDER BY seq, id`, kioskID)
	if err != nil {
		return nil, fmt.Errorf("events of %s: %w", kioskID, err)
	}
	defer rows.Close()
	var out []eventlog.Event
	for rows.Next() {
		var e eventlog.Event
		var wall string
		var payload sql.NullString
		if err := rows.Scan(&e.ID, &e.KioskID, &e.SessionID, &e.Seq, &wall, &e.MonoMS, &e.BootID, &e.Type,
			&e.Zone, &e.Item, &payload, &e.ContentVersion, &e.AppVersion); err != nil {
			return nil, fmt.Errorf("events of %s: %w", kioskID, err)
		}
		if e.WallTime, err = parseWall(wall); err != nil {
			return nil, fmt.Errorf("events of %s: event %s: %w", kioskID, e.ID, err)
		}
		if payload.Valid {
			e.Payload = json.RawMessage(payload.String)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events of %s: %w", kioskID, err)
	}
	return out, nil
}

func (s *sqliteStore) Count(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n, nil
}

// query runs one stats query and hands each row to scan.
func (s *sqliteStore) query(ctx context.Context, what string, q string, args []any, scan func(func(...any) error) error) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows.Scan); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

func (s *sqliteStore) Groups(ctx context.Context, f Filter) ([]GroupResult, error) {
	q, args := groupsQuery(sqliteDialect, f)
	out := []GroupResult{}
	err := s.query(ctx, "groups", q, args, func(scan func(...any) error) error {
		var g GroupResult
		var wall string
		var payload sql.NullString
		if err := scan(&g.EventID, &g.KioskID, &g.Day, &wall, &payload); err != nil {
			return err
		}
		t, err := parseWall(wall)
		if err != nil {
			return fmt.Errorf("event %s: %w", g.EventID, err)
		}
		g.WallTime = t
		out = append(out, g.withPayload([]byte(payload.String)))
		return nil
	})
	return out, err
}

// Visits, Dwell and Questions are the shared stats queries on this backend.
func (s *sqliteStore) Visits(ctx context.Context, f Filter) ([]VisitDay, error) {
	return visits(ctx, s, f)
}

func (s *sqliteStore) Dwell(ctx context.Context, f Filter) ([]ZoneDwell, error) {
	return dwell(ctx, s, f)
}

func (s *sqliteStore) Questions(ctx context.Context, f Filter) ([]QuestionStat, error) {
	return questions(ctx, s, f)
}

func (s *sqliteStore) dialect() dialect { return sqliteDialect }

func (s *sqliteStore) Overview(ctx context.Context, f Filter) (Overview, error) {
	return overview(ctx, s, f)
}

func (s *sqliteStore) QuestionsByAudience(ctx context.Context, f Filter) ([]QuestionAudience, error) {
	return questionsByAudience(ctx, s, f)
}

func (s *sqliteStore) Gain(ctx context.Context, f Filter) ([]GainStat, error) { return gain(ctx, s, f) }

func (s *sqliteStore) Scenes(ctx context.Context, f Filter) (SceneStats, error) {
	return sceneStats(ctx, s, f)
}

func (s *sqliteStore) RefreshRollup(ctx context.Context) (int, error) {
	return refresh(ctx, s, sqliteDialect)
}

func (s *sqliteStore) Heartbeat(ctx context.Context, kioskID string, st *evsync.Status, at time.Time) error {
	return heartbeat(ctx, s, kioskID, st, at)
}

func (s *sqliteStore) Health(ctx context.Context) ([]KioskHealth, error) { return health(ctx, s) }

func (s *sqliteStore) SetKioskBase(ctx context.Context, id, base string) error {
	return setKioskBase(ctx, s, id, base)
}

func (s *sqliteStore) Setting(ctx context.Context, name string) (string, error) {
	return setting(ctx, s, name)
}

func (s *sqliteStore) SetSetting(ctx context.Context, name, value string) error {
	return setSetting(ctx, s, name, value)
}

// inTx runs fn in one write transaction, in turn with this process's other writers.
func (s *sqliteStore) inTx(ctx context.Context, fn func(exec execFunc) error) error {
	select {
	case s.write <- struct{}{}:
		defer func() { <-s.write }()
	case <-ctx.Done():
		return ctx.Err()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	err = fn(func(ctx context.Context, q string, args ...any) (int64, error) {
		res, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return 0, err
		}
		return res.RowsAffected()
	})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// Wall is the shared message-wall fold on this backend.
func (s *sqliteStore) Wall(ctx context.Context, f Filter) ([]WallPost, error) {
	return wallPosts(ctx, s, sqliteDialect, f)
}
