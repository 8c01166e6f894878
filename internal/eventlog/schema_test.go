package eventlog

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestSchemaVersionMatchesMigrations(t *testing.T) {
	if SchemaVersion != len(migrations) {
		t.Fatalf("SchemaVersion %d, but %d migrations", SchemaVersion, len(migrations))
	}
}

// TestMigrateFromEveryVersion builds a database at every earlier schema version, with rows
// as a program of that version would have written them, and opens it with this one.
func TestMigrateFromEveryVersion(t *testing.T) {
	ctx := context.Background()
	recent := time.Now().Add(-time.Hour).UTC() // young enough to survive the prune at Open
	for from := 0; from < SchemaVersion; from++ {
		t.Run(fmt.Sprintf("v%d", from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "events.db")
			if from > 0 {
				db := rawDB(t, path)
				if err := migrate(ctx, db, from); err != nil {
					t.Fatal(err)
				}
				if v, _ := userVersion(ctx, db); v != from {
					t.Fatalf("built version %d, want %d", v, from)
				}
				for i := 1; i <= 3; i++ { // v1 columns only
					_, err := db.Exec(`INSERT INTO events(id, seq, kiosk_id, session_id, wall_time,
						mono_ms, boot_id, type, zone, item, payload, content_version, app_version)
						VALUES (?, ?, 'old', 's', ?, ?, 'b0', 'zone_enter', 'history', '', '{"n":1}', 'c1', 'v0.9')`,
						fmt.Sprintf("id-%d", i), i, formatTime(recent), i*10)
					if err != nil {
						t.Fatal(err)
					}
				}
				if from >= 2 {
					if _, err := db.Exec(`UPDATE meta SET value = 3 WHERE key = 'last_seq'`); err != nil {
						t.Fatal(err)
					}
					if _, err := db.Exec(`INSERT INTO cursors(name, seq, updated_at) VALUES ('export', 2, ?)`, formatTime(t0)); err != nil {
						t.Fatal(err)
					}
				}
				db.Close()
			}

			l := openAt(t, path, Options{})
			if v, _ := userVersion(ctx, l.db); v != SchemaVersion {
				t.Fatalf("schema version %d after open, want %d", v, SchemaVersion)
			}
			if h := l.Health(); h.MovedAside != "" {
				t.Fatalf("a v%d database was moved aside: %+v", from, h)
			}
			old := int64(0)
			if from > 0 {
				old = 3
				evs, err := l.After(0, 10)
				if err != nil {
					t.Fatal(err)
				}
				if len(evs) != 3 || evs[2].ID != "id-3" || evs[2].MonoMS != 30 || string(evs[2].Payload) != `{"n":1}` ||
					evs[2].KioskID != "old" || !evs[2].WallTime.Equal(recent) {
					t.Fatalf("rows not preserved: %+v", evs)
				}
				if n, _ := l.Unsynced(); n != 3 {
					t.Fatalf("unsynced %d, want 3 (synced_at starts NULL)", n)
				}
			}
			if c, _ := l.Cursor("export"); from >= 2 && c != 2 {
				t.Fatalf("export cursor %d, want 2", c)
			}
			recordN(l, 2, "after_migration")
			flush(t, l)
			evs, _ := l.After(old, 10)
			if !slices.Equal(seqs(evs), []int64{old + 1, old + 2}) {
				t.Fatalf("new seqs %v after %d", seqs(evs), old)
			}
			if n, _ := l.LastSeq(); n != old+2 {
				t.Fatalf("last seq %d", n)
			}
		})
	}
}

// TestMigrationIsAtomic: a failing step leaves the database at the previous version.
func TestMigrationIsAtomic(t *testing.T) {
	ctx := context.Background()
	db := rawDB(t, filepath.Join(t.TempDir(), "events.db"))
	if err := migrate(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	// Make step 2 fail halfway: its second statement creates a table that now exists.
	if _, err := db.Exec(`CREATE TABLE meta (x)`); err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, SchemaVersion); err == nil {
		t.Fatal("migration over a conflicting table succeeded")
	}
	if v, _ := userVersion(ctx, db); v != 1 {
		t.Fatalf("version %d after a failed step, want 1", v)
	}
	var n int
	db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'cursors'`).Scan(&n)
	if n != 0 {
		t.Fatal("the failed step's first statement was not rolled back")
	}
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	t.Run("compatible", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "events.db")
		l := openAt(t, path, Options{})
		recordN(l, 3, "t")
		flush(t, l)
		if _, err := l.db.Exec(`ALTER TABLE events ADD COLUMN future TEXT`); err != nil {
			t.Fatal(err)
		}
		if _, err := l.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion+1)); err != nil {
			t.Fatal(err)
		}
		l.Close()
		l = openAt(t, path, Options{})
		if h := l.Health(); h.MovedAside != "" || h.Events != 3 {
			t.Fatalf("compatible newer database not used as is: %+v", h)
		}
		if v, _ := userVersion(ctx, l.db); v != SchemaVersion+1 {
			t.Fatalf("version changed to %d", v)
		}
	})
	t.Run("incompatible", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "events.db")
		db := rawDB(t, path)
		if _, err := db.Exec(`CREATE TABLE events (id TEXT PRIMARY KEY, stamp TEXT)`); err != nil {
			t.Fatal(err)
		}
		db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion+5))
		db.Close()
		l := openAt(t, path, Options{})
		if h := l.Health(); h.MovedAside == "" {
			t.Fatalf("incompatible newer database not moved aside: %+v", h)
		}
	})
}
