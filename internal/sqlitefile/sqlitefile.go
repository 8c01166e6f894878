// Package sqlitefile holds what the kiosk's SQLite stores (the event log, the message wall)
// do alike with a damaged database file: recognise the damage and move the file aside, so a
// fresh one can be opened and nothing is deleted.
package sqlitefile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Corrupt reports whether err says the file is not a (sound) SQLite database.
func Corrupt(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// MoveAside renames path and its -wal and -shm files to path+".corrupt-<timestamp>" (with
// the same suffixes, so the three still open together), syncs the directory and returns the
// new main name.
func MoveAside(path string, now time.Time) (string, error) {
	base := path + ".corrupt-" + now.UTC().Format("20060102T150405Z")
	dst := base
	for i := 2; exists(dst) || exists(dst+"-wal"); i++ {
		dst = fmt.Sprintf("%s-%d", base, i)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Rename(path+suffix, dst+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("move %s aside: %w", path+suffix, err)
		}
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return dst, nil
}

func exists(name string) bool {
	_, err := os.Lstat(name)
	return err == nil
}
