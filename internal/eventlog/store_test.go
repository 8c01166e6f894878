package eventlog

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkMovedAside checks that path's old content now lives in the moved-aside file and
// that a fresh, working database took its place.
func checkMovedAside(t *testing.T, path string, old []byte) {
	t.Helper()
	l := openAt(t, path, Options{})
	h := l.Health()
	if h.MovedAside == "" || !strings.HasPrefix(h.MovedAside, path+".corrupt-") {
		t.Fatalf("not moved aside: %+v", h)
	}
	if h.LastError == "" {
		t.Fatal("Health has no error about the moved database")
	}
	got, err := os.ReadFile(h.MovedAside)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, old) {
		t.Fatalf("moved file has %d bytes, want the original %d", len(got), len(old))
	}
	recordN(l, 5, "after_corruption")
	flush(t, l)
	if evs, err := l.After(0, 10); err != nil || len(evs) != 5 || evs[0].Seq != 1 {
		t.Fatalf("fresh database: %d events, %v", len(evs), err)
	}
	l.Close()
	// The next start finds a sound database and moves nothing.
	l = openAt(t, path, Options{})
	if h := l.Health(); h.MovedAside != "" || h.Events != 5 {
		t.Fatalf("second open: %+v", h)
	}
}

func TestGarbageFileMovedAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.db")
	garbage := bytes.Repeat([]byte("这不是数据库 not a database\n"), 400)
	if err := os.WriteFile(path, garbage, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+"-wal", []byte("stale wal"), 0o644); err != nil {
		t.Fatal(err)
	}
	checkMovedAside(t, path, garbage)
	matches, _ := filepath.Glob(path + ".corrupt-*-wal")
	if len(matches) != 1 {
		t.Fatalf("the -wal file was not moved with the database: %v", matches)
	}
}

// TestDamagedPagesMovedAside damages a real database behind its header, so it still opens
// but fails PRAGMA integrity_check (or a query).
func TestDamagedPagesMovedAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.db")
	l := openAt(t, path, Options{})
	recordN(l, 2000, "t")
	flush(t, l)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 5*4096 {
		t.Fatalf("database unexpectedly small: %d bytes", len(data))
	}
	for i := 2 * 4096; i < 4*4096; i++ {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	checkMovedAside(t, path, data)
}

func TestMoveAsideNamesDoNotCollide(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "events.db")
	for i := range 3 {
		os.WriteFile(path, []byte{byte(i)}, 0o644)
		if _, err := moveAside(path, t0); err != nil {
			t.Fatal(err)
		}
	}
	matches, _ := filepath.Glob(path + ".corrupt-*")
	if len(matches) != 3 {
		t.Fatalf("moved files %v, want 3", matches)
	}
}

func TestOpenFailsOnlyWhenNoDatabaseCanBeCreated(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain-file")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := Open(filepath.Join(file, "events.db"), Options{}); err == nil {
		t.Fatal("Open under a regular file succeeded")
	} else if !strings.Contains(err.Error(), "eventlog: open") {
		t.Fatalf("error not wrapped: %v", err)
	}
	// A directory where the database should be is not a corrupt database: leave it alone.
	sub := filepath.Join(dir, "events.db")
	os.Mkdir(sub, 0o755)
	if _, err := Open(sub, Options{}); err == nil {
		t.Fatal("Open of a directory succeeded")
	}
	if st, err := os.Stat(sub); err != nil || !st.IsDir() {
		t.Fatal("the directory was moved")
	}
}

// TestConnectionSettings: every connection, the writer's included, runs in WAL mode with
// synchronous=FULL; new databases use incremental auto-vacuum.
func TestConnectionSettings(t *testing.T) {
	l, _ := openTest(t, Options{})
	err := l.do(func(ctx context.Context, c *sql.Conn) error {
		var mode string
		var sync, vacuum, busy int
		err := c.QueryRowContext(ctx, `SELECT j.journal_mode, s.synchronous, a.auto_vacuum, b.timeout
			FROM pragma_journal_mode() j, pragma_synchronous() s, pragma_auto_vacuum() a, pragma_busy_timeout() b`).
			Scan(&mode, &sync, &vacuum, &busy)
		if err == nil && (mode != "wal" || sync != 2 || vacuum != 2 || busy != 5000) {
			err = fmt.Errorf("journal_mode %s, synchronous %d, auto_vacuum %d, busy_timeout %d", mode, sync, vacuum, busy)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
