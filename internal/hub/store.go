// Package hub is the district office's side of event sync: it receives the kiosks' visitor
// events over HTTP (signed upload batches, see package evsync) or from USB exports, stores
// them idempotently by event id, and answers statistics queries over them.
//
// Storage is behind the Store interface with two implementations that pass one shared test
// suite: SQLite (modernc.org/sqlite, embedded, the default) and PostgreSQL (pgx v5), chosen
// by Open from the DSN. Both keep a registry of kiosks (id, ed25519 public key, SHA-256 of
// the upload token) and a versioned schema (migrate.go).
//
// Handler serves the upload endpoint and the read-only statistics endpoints; Import reads
// a USB export. docs/hub.md describes the commands, the API and the stats shapes.
package hub

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
)

// Store keeps the kiosk registry and the events of all kiosks. Implementations are safe for
// concurrent use.
type Store interface {
	// AddKiosk registers a kiosk, or replaces the key and token hash of a registered one.
	// tokenHash is HashToken of the kiosk's upload token; the token itself is never stored.
	// A key registered for another kiosk id is refused with a *KeyInUseError.
	AddKiosk(ctx context.Context, id string, pub ed25519.PublicKey, tokenHash []byte) error
	// AddKioskSharingKey is AddKiosk for another id of the same physical kiosk (renamed, or
	// recorded under a default id while its config was broken): formerID must be
	// registered with the same key, and both ids keep it, so that exports made under
	// either id verify. The token is this id's.
	AddKioskSharingKey(ctx context.Context, id string, pub ed25519.PublicKey, tokenHash []byte, formerID string) error
	// KiosksByKey lists the kiosks registered with a public key, by id.
	KiosksByKey(ctx context.Context, pub ed25519.PublicKey) ([]Kiosk, error)
	// Kiosk returns a registered kiosk, or an error wrapping ErrNotFound.
	Kiosk(ctx context.Context, id string) (Kiosk, error)
	// KioskByToken returns the kiosk whose token hashes to tokenHash, or an error wrapping
	// ErrNotFound.
	KioskByToken(ctx context.Context, tokenHash []byte) (Kiosk, error)
	// Kiosks lists the registry by id.
	Kiosks(ctx context.Context) ([]Kiosk, error)

	// Insert stores the events of kioskID in one transaction, skipping those whose id is
	// already stored. Once it commits, every id of the batch is acked (each once, in batch
	// order), whether it was new or already present; inserted counts the new ones. A batch
	// with an event of another kiosk fails whole with a *KioskMismatchError, one with an
	// event that is not storable with an error wrapping ErrInvalidEvent.
	Insert(ctx context.Context, kioskID string, events []eventlog.Event) (acked []string, inserted int, err error)
	// Events returns the stored events of one kiosk by seq (then id).
	Events(ctx context.Context, kioskID string) ([]eventlog.Event, error)
	// Count returns the number of stored events of all kiosks.
	Count(ctx context.Context) (int64, error)

	// Visits, Dwell, Questions and Groups are the statistics queries (stats.go).
	Visits(ctx context.Context, f Filter) ([]VisitDay, error)
	Dwell(ctx context.Context, f Filter) ([]ZoneDwell, error)
	Questions(ctx context.Context, f Filter) ([]QuestionStat, error)
	Groups(ctx context.Context, f Filter) ([]GroupResult, error)
	// Wall lists the messages on the kiosks' walls (f's kiosk only), newest first.
	Wall(ctx context.Context, f Filter) ([]WallPost, error)

	// Overview, QuestionsByAudience and Gain are the dashboard's queries (dashstats.go).
	// Overview first brings the daily rollup up to date (rollup.go).
	Overview(ctx context.Context, f Filter) (Overview, error)
	QuestionsByAudience(ctx context.Context, f Filter) ([]QuestionAudience, error)
	Gain(ctx context.Context, f Filter) ([]GainStat, error)
	// Scenes counts the 情景体验 stories started, responses chosen and endings reached,
	// per scene and age band (scenestats.go).
	Scenes(ctx context.Context, f Filter) (SceneStats, error)
	// RefreshRollup recomputes the kiosk-days that received events since the last refresh
	// and returns how many.
	RefreshRollup(ctx context.Context) (int, error)

	// Heartbeat records that a kiosk was heard from at `at` (an upload), with its status
	// when the batch carried one; Health lists every registered kiosk with the newest.
	Heartbeat(ctx context.Context, kioskID string, st *evsync.Status, at time.Time) error
	Health(ctx context.Context) ([]KioskHealth, error)
	// SetKioskBase names the education base a registered kiosk stands in.
	SetKioskBase(ctx context.Context, id, base string) error
	// Setting and SetSetting keep the hub's own settings (the admin password hash); an
	// unset one is an error wrapping ErrNotFound.
	Setting(ctx context.Context, name string) (string, error)
	SetSetting(ctx context.Context, name, value string) error

	// SchemaVersion is the highest applied migration.
	SchemaVersion(ctx context.Context) (int, error)
	Close() error
}

// Kiosk is one registered kiosk.
type Kiosk struct {
	ID        string            `json:"id"`
	PublicKey ed25519.PublicKey `json:"public_key"`
	TokenHash []byte            `json:"-"`
	Added     time.Time         `json:"added"`
	Base      string            `json:"base,omitempty"` // the education base it stands in (SetKioskBase)
}

// ErrNotFound is wrapped by lookups of an unknown kiosk.
var ErrNotFound = errors.New("not found")

// ErrInvalidEvent is wrapped by Insert errors for events that cannot be stored.
var ErrInvalidEvent = errors.New("invalid event")

// KioskMismatchError rejects a batch holding an event of another kiosk than the one that
// sent it.
type KioskMismatchError struct {
	Kiosk   string // the authenticated kiosk
	Event   string // the offending event's id
	EventOf string // the event's kiosk_id
}

func (e *KioskMismatchError) Error() string {
	return fmt.Sprintf("event %s has kiosk_id %q, not the sending kiosk %q", e.Event, e.EventOf, e.Kiosk)
}

// KeyInUseError refuses to register a public key that another kiosk id already has: one
// kiosk, one key, so that events of two kiosks never mix under one id.
type KeyInUseError struct {
	ID     string   // the id being registered
	Others []string // the ids the key is registered for
}

func (e *KeyInUseError) Error() string {
	return fmt.Sprintf("add kiosk %s: this public key is already registered for kiosk %s; a kiosk has one key. "+
		"If %[1]s and %[2]s are the same kiosk (renamed), run kiosk add again with --same-kiosk-as %[2]s; "+
		"otherwise the key was copied from the wrong kiosk", e.ID, strings.Join(e.Others, ", "))
}

// checkKeyHolders applies the one-key-one-kiosk rule: holders are the other ids that have
// the key; allow (when renaming) is the one that may keep it.
func checkKeyHolders(id string, holders []string, allow string) error {
	var others []string
	found := allow == ""
	for _, h := range holders {
		if h == allow {
			found = true
			continue
		}
		others = append(others, h)
	}
	if !found {
		return fmt.Errorf("add kiosk %s: kiosk %s is not registered with this public key, so they are not the same kiosk", id, allow)
	}
	if len(others) > 0 {
		return &KeyInUseError{ID: id, Others: others}
	}
	return nil
}

// HashToken is the SHA-256 of an upload token, the only form the registry keeps.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// Open opens (creating and migrating as needed) the store named by dsn: PostgreSQL for a
// postgres:// or postgresql:// URL, otherwise an SQLite database file at that path (a
// "file:" URI is accepted too).
func Open(ctx context.Context, dsn string) (Store, error) {
	if IsPostgres(dsn) {
		return OpenPostgres(ctx, dsn)
	}
	return OpenSQLite(ctx, dsn)
}

// OpenExisting is Open for commands that only read: an SQLite path that does not exist is
// an error instead of a new, empty database (a mistyped --db). A PostgreSQL database is
// opened as by Open.
func OpenExisting(ctx context.Context, dsn string) (Store, error) {
	if !IsPostgres(dsn) {
		path, _, _ := strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
		if st, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no hub database at %s (check --db or $KIOSK_HUB_DB; kiosk add or serve creates one): %w", path, err)
		} else if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a hub database file", path)
		}
	}
	return Open(ctx, dsn)
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// checkKiosk validates a registration.
func checkKiosk(id string, pub ed25519.PublicKey, tokenHash []byte) error {
	switch {
	case id == "" || len(id) > maxFieldLen:
		return fmt.Errorf("add kiosk: id must be 1..%d bytes", maxFieldLen)
	case len(pub) != ed25519.PublicKeySize:
		return fmt.Errorf("add kiosk %s: public key has %d bytes, want %d", id, len(pub), ed25519.PublicKeySize)
	case len(tokenHash) != sha256.Size:
		return fmt.Errorf("add kiosk %s: token hash has %d bytes, want %d", id, len(tokenHash), sha256.Size)
	}
	return nil
}

// Limits of stored fields. Events are small by design; these bound what a kiosk can make
// the hub store.
const (
	maxIDLen      = 128
	maxFieldLen   = 256
	maxPayloadLen = 16 << 10
)

// row is an event in the form both backends store. wall_time is kept as text (RFC 3339
// with nanoseconds and the kiosk's own UTC offset) so that events come back exactly as
// the kiosk sent them; wall_day is its date part, which the stats group by.
type row struct {
	eventlog.Event
	wall    string
	day     string
	payload *string
}

// parseWall reads a stored wall_time.
func parseWall(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored wall_time: %w", err)
	}
	return t, nil
}

// prepare checks a batch and converts it into rows, dropping repeated ids. acked lists the
// batch's ids once each, in order.
func prepare(kioskID string, events []eventlog.Event) (rows []row, acked []string, err error) {
	if kioskID == "" {
		return nil, nil, fmt.Errorf("%w: empty kiosk id", ErrInvalidEvent)
	}
	seen := make(map[string]bool, len(events))
	rows = make([]row, 0, len(events))
	acked = make([]string, 0, len(events))
	for i, e := range events {
		if e.KioskID != kioskID {
			return nil, nil, &KioskMismatchError{Kiosk: kioskID, Event: e.ID, EventOf: e.KioskID}
		}
		if err := checkEvent(e); err != nil {
			return nil, nil, fmt.Errorf("%w: event %d (%q): %v", ErrInvalidEvent, i, e.ID, err)
		}
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		r := row{Event: e, wall: e.WallTime.Format(time.RFC3339Nano), day: e.WallTime.Format(time.DateOnly)}
		if len(e.Payload) > 0 {
			p := string(e.Payload)
			r.payload = &p
		}
		rows = append(rows, r)
		acked = append(acked, e.ID)
	}
	return rows, acked, nil
}

func checkEvent(e eventlog.Event) error {
	switch {
	case e.ID == "":
		return errors.New("empty id")
	case len(e.ID) > maxIDLen:
		return errors.New("id too long")
	case e.Type == "":
		return errors.New("empty type")
	case e.WallTime.IsZero():
		return errors.New("no wall_time")
	case e.WallTime.Year() < 1 || e.WallTime.Year() > 9999:
		return errors.New("wall_time out of range")
	case len(e.Payload) > maxPayloadLen:
		return errors.New("payload too large")
	case len(e.Payload) > 0 && !json.Valid(e.Payload):
		return errors.New("payload is not JSON")
	case bytes.Contains(e.Payload, []byte(`\u0000`)):
		// PostgreSQL cannot extract text holding NUL from JSON.
		return errors.New("payload holds a NUL character")
	}
	for _, f := range []string{e.ID, e.SessionID, e.BootID, e.Type, e.Zone, e.Item, e.ContentVersion, e.AppVersion} {
		if len(f) > maxFieldLen {
			return errors.New("field too long")
		}
		if strings.IndexByte(f, 0) >= 0 || !utf8.ValidString(f) {
			return errors.New("field holds a NUL character or invalid UTF-8")
		}
	}
	return nil
}

// chunks splits n rows into pieces of at most size.
func chunks(n, size int) [][2]int {
	var out [][2]int
	for lo := 0; lo < n; lo += size {
		out = append(out, [2]int{lo, min(lo+size, n)})
	}
	return out
}
