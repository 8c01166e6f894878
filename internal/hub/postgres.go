package hub

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
)

// postgresStore is the Store on a PostgreSQL server.
type postgresStore struct {
	pool *pgxpool.Pool
	now  func() time.Time
}

// OpenPostgres connects to the database named by a postgres:// URL (its search_path
// parameter, if any, selects the schema) and migrates it.
func OpenPostgres(ctx context.Context, dsn string) (Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: parse DSN: %w", err)
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres %s: %w", where, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s: %w", where, err)
	}
	s := &postgresStore{pool: pool, now: time.Now}
	if err := migratePostgres(ctx, pool, s.now().UTC().Format(time.RFC3339Nano)); err != nil {
		pool.Close()
		return nil, fmt.Errorf("migrate postgres %s: %w", where, err)
	}
	return s, nil
}

func (s *postgresStore) Close() error {
	s.pool.Close()
	return nil
}

func (s *postgresStore) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.pool.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

func (s *postgresStore) AddKiosk(ctx context.Context, id string, pub ed25519.PublicKey, tokenHash []byte) error {
	return s.addKiosk(ctx, id, pub, tokenHash, "")
}

func (s *postgresStore) AddKioskSharingKey(ctx context.Context, id string, pub ed25519.PublicKey, tokenHash []byte, formerID string) error {
	if formerID == "" || formerID == id {
		return fmt.Errorf("add kiosk %s: the former id must be another kiosk's", id)
	}
	return s.addKiosk(ctx, id, pub, tokenHash, formerID)
}

func (s *postgresStore) addKiosk(ctx context.Context, id string, pub ed25519.PublicKey, tokenHash []byte, allow string) error {
	if err := checkKiosk(id, pub, tokenHash); err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("add kiosk %s: %w", id, err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // after Commit this is a no-op
	// Registrations take turns, so that the key check and the insert are one step.
	if _, err := tx.Exec(ctx, `LOCK TABLE kiosks IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return fmt.Errorf("add kiosk %s: %w", id, err)
	}
	rows, err := tx.Query(ctx, `SELECT id FROM kiosks WHERE public_key = $1 AND id <> $2 ORDER BY id`, []byte(pub), id)
	if err != nil {
		return fmt.Errorf("add kiosk %s: %w", id, err)
	}
	holders, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("add kiosk %s: %w", id, err)
	}
	if err := checkKeyHolders(id, holders, allow); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO kiosks (id, public_key, token_hash, added_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (id) DO UPDATE SET public_key = excluded.public_key, token_hash = excluded.token_hash`,
		id, []byte(pub), tokenHash, s.now())
	if err == nil {
		err = tx.Commit(ctx)
	}
	if err != nil {
		return fmt.Errorf("add kiosk %s: %w", id, err)
	}
	return nil
}

func (s *postgresStore) KiosksByKey(ctx context.Context, pub ed25519.PublicKey) ([]Kiosk, error) {
	var out []Kiosk
	err := s.query(ctx, "kiosks by key", `SELECT `+kioskColumns+` FROM kiosks WHERE public_key = $1 ORDER BY id`, []any{[]byte(pub)},
		func(scan func(...any) error) error {
			k, err := scanPostgresKiosk(scanFunc(scan))
			if err != nil {
				return err
			}
			out = append(out, k)
			return nil
		})
	return out, err
}

func (s *postgresStore) Kiosk(ctx context.Context, id string) (Kiosk, error) {
	k, err := scanPostgresKiosk(s.pool.QueryRow(ctx, `SELECT `+kioskColumns+` FROM kiosks WHERE id = $1`, id))
	if err != nil {
		return Kiosk{}, fmt.Errorf("kiosk %s: %w", id, err)
	}
	return k, nil
}

func (s *postgresStore) KioskByToken(ctx context.Context, tokenHash []byte) (Kiosk, error) {
	k, err := scanPostgresKiosk(s.pool.QueryRow(ctx, `SELECT `+kioskColumns+` FROM kiosks WHERE token_hash = $1`, tokenHash))
	if err != nil {
		return Kiosk{}, fmt.Errorf("kiosk by token: %w", err)
	}
	return k, nil
}

func (s *postgresStore) Kiosks(ctx context.Context) ([]Kiosk, error) {
	var out []Kiosk
	err := s.query(ctx, "list kiosks", `SELECT `+kioskColumns+` FROM kiosks ORDER BY id`, nil, func(scan func(...any) error) error {
		k, err := scanPostgresKiosk(scanFunc(scan))
		if err != nil {
			return err
		}
		out = append(out, k)
		return nil
	})
	return out, err
}

// scanFunc adapts a Scan method value to the row interface.
type scanFunc func(...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

func scanPostgresKiosk(r interface{ Scan(...any) error }) (Kiosk, error) {
	var k Kiosk
	var pub []byte
	if err := r.Scan(&k.ID, &pub, &k.TokenHash, &k.Added, &k.Base); err != nil {
		if errNoRows(err) {
			return Kiosk{}, ErrNotFound
		}
		return Kiosk{}, err
	}
	k.PublicKey = ed25519.PublicKey(pub)
	return k, nil
}

// postgresChunk is the number of rows per INSERT … SELECT FROM unnest(…) statement.
const postgresChunk = 1000

const postgresInsertSQL = `INSERT INTO events (` + eventColumns + `, received_at)
SELECT id, kiosk_id, session_id, seq, wall_time, wall_day, mono_ms, boot_id, type, zone, item, payload::json,
	content_version, app_version, $15
FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::text[], $6::text[], $7::int8[],
	$8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
	AS t(id, kiosk_id, session_id, seq, wall_time, wall_day, mono_ms, boot_id, type, zone, item, payload,
	content_version, app_version)
ON CONFLICT (id) DO NOTHING`

func (s *postgresStore) Insert(ctx context.Context, kioskID string, events []eventlog.Event) ([]string, int, error) {
	rows, acked, err := prepare(kioskID, events)
	if err != nil {
		return nil, 0, err
	}
	if len(rows) == 0 {
		return acked, 0, nil
	}
	// Rows go in id order so that concurrent batches sharing ids lock them in one order and
	// cannot deadlock.
	slices.SortFunc(rows, func(a, b row) int { return strings.Compare(a.ID, b.ID) })
	received := s.now()
	inserted := 0
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, c := range chunks(len(rows), postgresChunk) {
			part := rows[c[0]:c[1]]
			n := len(part)
			var (
				ids, kiosks, sessions, days, boots, types = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
				walls, zones, items, contents, apps       = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
				seqs, monos                               = make([]int64, n), make([]int64, n)
				payloads                                  = make([]*string, n)
			)
			for i, r := range part {
				ids[i], kiosks[i], sessions[i], seqs[i], walls[i], days[i] = r.ID, r.KioskID, r.SessionID, r.Seq, r.wall, r.day
				monos[i], boots[i], types[i], zones[i], items[i] = r.MonoMS, r.BootID, r.Type, r.Zone, r.Item
				payloads[i], contents[i], apps[i] = r.payload, r.ContentVersion, r.AppVersion
			}
			tag, err := tx.Exec(ctx, postgresInsertSQL, ids, kiosks, sessions, seqs, walls, days, monos, boots, types,
				zones, items, payloads, contents, apps, received)
			if err != nil {
				return err
			}
			inserted += int(tag.RowsAffected())
		}
		if inserted > 0 {
			for _, day := range dirtyDays(rows) {
				if _, err := tx.Exec(ctx, markDirtySQL(postgresDialect), kioskID, day); err != nil {
					return fmt.Errorf("mark day %s for the rollup: %w", day, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("insert %d events of %s: %w", len(rows), kioskID, err)
	}
	return acked, inserted, nil
}

func (s *postgresStore) Events(ctx context.Context, kioskID string) ([]eventlog.Event, error) {
	var out []eventlog.Event
	q := `SELECT ` + strings.Replace(readColumns, "payload", "payload::text", 1) + ` FROM events WHERE kiosk_id = $1 ORDER BY seq, id`
	err := s.query(ctx, "events of "+kioskID, q, []any{kioskID}, func(scan func(...any) error) error {
		var e eventlog.Event
		var wall string
		var payload *string
		if err := scan(&e.ID, &e.KioskID, &e.SessionID, &e.Seq, &wall, &e.MonoMS, &e.BootID, &e.Type,
			&e.Zone, &e.Item, &payload, &e.ContentVersion, &e.AppVersion); err != nil {
			return err
		}
		var err error
		if e.WallTime, err = parseWall(wall); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		if payload != nil {
			e.Payload = json.RawMessage(*payload)
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

func (s *postgresStore) Count(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events: %w", err)
	}
	return n, nil
}

// query runs one query and hands each row to scan.
func (s *postgresStore) query(ctx context.Context, what, q string, args []any, scan func(func(...any) error) error) error {
	rows, err := s.pool.Query(ctx, q, args...)
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

func (s *postgresStore) Groups(ctx context.Context, f Filter) ([]GroupResult, error) {
	q, args := groupsQuery(postgresDialect, f)
	q = strings.Replace(q, "wall_time, payload", "wall_time, payload::text", 1)
	out := []GroupResult{}
	err := s.query(ctx, "groups", q, args, func(scan func(...any) error) error {
		var g GroupResult
		var wall string
		var payload *string
		if err := scan(&g.EventID, &g.KioskID, &g.Day, &wall, &payload); err != nil {
			return err
		}
		var err error
		if g.WallTime, err = parseWall(wall); err != nil {
			return fmt.Errorf("event %s: %w", g.EventID, err)
		}
		var p []byte
		if payload != nil {
			p = []byte(*payload)
		}
		out = append(out, g.withPayload(p))
		return nil
	})
	return out, err
}

// Visits, Dwell and Questions are the shared stats queries on this backend.
func (s *postgresStore) Visits(ctx context.Context, f Filter) ([]VisitDay, error) {
	return visits(ctx, s, f)
}

func (s *postgresStore) Dwell(ctx context.Context, f Filter) ([]ZoneDwell, error) {
	return dwell(ctx, s, f)
}

func (s *postgresStore) Questions(ctx context.Context, f Filter) ([]QuestionStat, error) {
	return questions(ctx, s, f)
}

func (s *postgresStore) dialect() dialect { return postgresDialect }

func (s *postgresStore) Overview(ctx context.Context, f Filter) (Overview, error) {
	return overview(ctx, s, f)
}

func (s *postgresStore) QuestionsByAudience(ctx context.Context, f Filter) ([]QuestionAudience, error) {
	return questionsByAudience(ctx, s, f)
}

func (s *postgresStore) Gain(ctx context.Context, f Filter) ([]GainStat, error) {
	return gain(ctx, s, f)
}

func (s *postgresStore) Scenes(ctx context.Context, f Filter) (SceneStats, error) {
	return sceneStats(ctx, s, f)
}

func (s *postgresStore) RefreshRollup(ctx context.Context) (int, error) {
	return refresh(ctx, s, postgresDialect)
}

func (s *postgresStore) Heartbeat(ctx context.Context, kioskID string, st *evsync.Status, at time.Time) error {
	return heartbeat(ctx, s, kioskID, st, at)
}

func (s *postgresStore) Health(ctx context.Context) ([]KioskHealth, error) { return health(ctx, s) }

func (s *postgresStore) SetKioskBase(ctx context.Context, id, base string) error {
	return setKioskBase(ctx, s, id, base)
}

func (s *postgresStore) Setting(ctx context.Context, name string) (string, error) {
	return setting(ctx, s, name)
}

func (s *postgresStore) SetSetting(ctx context.Context, name, value string) error {
	return setSetting(ctx, s, name, value)
}

// inTx runs fn in one transaction.
func (s *postgresStore) inTx(ctx context.Context, fn func(exec execFunc) error) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		return fn(func(ctx context.Context, q string, args ...any) (int64, error) {
			tag, err := tx.Exec(ctx, q, args...)
			return tag.RowsAffected(), err
		})
	})
}

// Wall is the shared message-wall fold on this backend.
func (s *postgresStore) Wall(ctx context.Context, f Filter) ([]WallPost, error) {
	return wallPosts(ctx, s, postgresDialect, f)
}
