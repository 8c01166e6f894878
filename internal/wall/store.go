package wall

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Defaults of Options.
const (
	DefaultRetention         = 365 * 24 * time.Hour // approved and pending messages
	DefaultRejectedRetention = 30 * 24 * time.Hour  // rejected and hidden messages
	DefaultMaxWaiting        = 5000                 // approved messages kept past retention for the office
)

// Options configure a Store.
type Options struct {
	KioskID string           // stamped on every message
	Now     func() time.Time // default time.Now
	// Retention is how long a message is kept; rejected and hidden ones go after
	// RejectedRetention. Defaults above.
	Retention, RejectedRetention time.Duration
	// MaxWaiting bounds the approved messages kept past Retention because they have not
	// reached the office yet (Settle); past it the oldest go anyway. Default above.
	MaxWaiting int
	Log        *slog.Logger
}

// Store keeps the messages of one kiosk in SQLite. Every write is one transaction,
// committed with fsync before it returns: a message the visitor saw as sent survives a
// power cut. Its methods touch the disk, so the UI calls them off its thread. It is safe
// for concurrent use.
type Store struct {
	db      *sql.DB
	path    string
	opts    Options
	movedTo string

	mu      sync.Mutex
	waiting Waiting // what the last Prune kept back or dropped
}

// ErrNotFound is returned for a message id the store does not hold.
var ErrNotFound = errors.New("wall: no such message")

// ErrTransition is returned for a moderation step the message's state does not allow.
var ErrTransition = errors.New("wall: not allowed from this state")

// Open opens or creates the store at path, prunes it and returns it. A file that is not a
// sound SQLite database is moved aside (MovedAside names it) and a fresh one takes its
// place; an error means no usable database can be had at path (an unwritable directory,
// a full disk).
func Open(path string, opts Options) (*Store, error) {
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("wall: open %s: path must not contain '?'", path)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Retention <= 0 {
		opts.Retention = DefaultRetention
	}
	if opts.RejectedRetention <= 0 {
		opts.RejectedRetention = DefaultRejectedRetention
	}
	if opts.MaxWaiting <= 0 {
		opts.MaxWaiting = DefaultMaxWaiting
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	opts.Log = opts.Log.With("component", "wall")
	db, moved, err := openDB(context.Background(), path, opts.Now())
	if err != nil {
		return nil, fmt.Errorf("wall: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, opts: opts, movedTo: moved}
	if moved != "" {
		opts.Log.Error("message store unusable, moved aside; starting a fresh one", "path", path, "moved_to", moved)
	}
	if n, err := s.Prune(); err != nil {
		opts.Log.Warn("prune at open", "err", err)
	} else if n > 0 {
		opts.Log.Info("pruned old messages", "count", n)
	}
	return s, nil
}

// MovedAside is where a corrupt database was moved at open, or "".
func (s *Store) MovedAside() string { return s.movedTo }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

const columns = `id, kind, body, phrase, ink, grp, lang, state, created_at, decided_at, kiosk_id`

const timeFormat = "2006-01-02T15:04:05.000000000Z"

func tstamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeFormat)
}

// InitialState is the state a new message starts in: held for review, or on the wall.
func InitialState(k Kind, reviewInk, reviewText bool) State {
	switch {
	case k == KindInk && reviewInk, k == KindText && reviewText:
		return Pending
	}
	return Approved
}

// Add checks m, gives it an id, time and kiosk, stores it in state m.State (Pending when
// unset) and returns it as stored. It returns once the message is on disk.
func (s *Store) Add(m Message) (Message, error) {
	if err := m.Check(); err != nil {
		return Message{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Message{}, fmt.Errorf("wall: message id: %w", err)
	}
	m.ID = id.String()
	m.Created = s.opts.Now().UTC()
	m.KioskID = s.opts.KioskID
	if m.State == "" {
		m.State = Pending
	}
	var ink any
	if m.Kind == KindInk {
		b, err := json.Marshal(m.Ink)
		if err != nil {
			return Message{}, fmt.Errorf("wall: encode drawing: %w", err)
		}
		ink = string(b)
	}
	_, err = s.db.Exec(`INSERT INTO messages(seq, `+columns+`)
		VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM messages), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.ID, m.Kind, m.Text, m.Phrase, ink, m.Group, m.Lang, m.State, tstamp(m.Created), "", m.KioskID)
	if err != nil {
		return Message{}, fmt.Errorf("wall: store message: %w", err)
	}
	return m, nil
}

// Get returns one message.
func (s *Store) Get(id string) (Message, error) {
	ms, err := s.query(`SELECT `+columns+` FROM messages WHERE id = ?`, id)
	if err != nil {
		return Message{}, err
	}
	if len(ms) == 0 {
		return Message{}, ErrNotFound
	}
	return ms[0], nil
}

// List returns messages in state st, newest first, skipping offset and at most limit.
func (s *Store) List(st State, offset, limit int) ([]Message, error) {
	return s.query(`SELECT `+columns+` FROM messages WHERE state = ? ORDER BY seq DESC LIMIT ? OFFSET ?`,
		st, limit, offset)
}

// Since returns approved messages written at or after t, newest first, at most limit.
func (s *Store) Since(t time.Time, limit int) ([]Message, error) {
	return s.query(`SELECT `+columns+` FROM messages WHERE state = ? AND created_at >= ? ORDER BY seq DESC LIMIT ?`,
		Approved, tstamp(t), limit)
}

// Counts is the number of messages in each state.
func (s *Store) Counts() (map[State]int, error) {
	rows, err := s.db.Query(`SELECT state, COUNT(*) FROM messages GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("wall: count: %w", err)
	}
	defer rows.Close()
	out := map[State]int{}
	for rows.Next() {
		var st State
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("wall: count: %w", err)
		}
		out[st] = n
	}
	return out, rows.Err()
}

// allowed lists the moderation steps: approve or reject a pending message, hide an approved
// one, show a hidden one again.
var allowed = map[State][]State{
	Pending:  {Approved, Rejected},
	Approved: {Hidden},
	Hidden:   {Approved},
}

// Decide moves the messages with ids to state to, in one transaction: all or none. A step
// the current state does not allow fails with ErrTransition; an unknown id with
// ErrNotFound.
func (s *Store) Decide(to State, ids ...string) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("wall: decide: %w", err)
	}
	defer tx.Rollback()
	now := tstamp(s.opts.Now())
	for _, id := range ids {
		var cur State
		if err := tx.QueryRow(`SELECT state FROM messages WHERE id = ?`, id).Scan(&cur); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("%w: %s", ErrNotFound, id)
			}
			return fmt.Errorf("wall: decide: %w", err)
		}
		ok := false
		for _, st := range allowed[cur] {
			ok = ok || st == to
		}
		if !ok {
			return fmt.Errorf("%w: %s → %s (%s)", ErrTransition, cur, to, id)
		}
		if _, err := tx.Exec(`UPDATE messages SET state = ?, decided_at = ?, synced_at = NULL WHERE id = ?`, to, now, id); err != nil {
			return fmt.Errorf("wall: decide: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("wall: decide: %w", err)
	}
	return nil
}

// Prune deletes messages past their retention and returns how many went: rejected and
// hidden ones after RejectedRetention; pending ones after Retention; approved ones after
// Retention once they have reached the office (marked by Settle). An approved message
// that has not is kept, at most MaxWaiting of them: past that the oldest go anyway, and
// Waiting says so.
func (s *Store) Prune() (int64, error) {
	now := s.opts.Now()
	year := tstamp(now.Add(-s.opts.Retention))
	res, err := s.db.Exec(`DELETE FROM messages WHERE (created_at < ? AND (state <> ? OR synced_at IS NOT NULL))
		OR (state IN (?, ?) AND created_at < ?)`,
		year, Approved, Rejected, Hidden, tstamp(now.Add(-s.opts.RejectedRetention)))
	if err != nil {
		return 0, fmt.Errorf("wall: prune: %w", err)
	}
	n, _ := res.RowsAffected()
	const overdue = `FROM messages WHERE state = ? AND synced_at IS NULL AND created_at < ?`
	var w Waiting
	if err := s.db.QueryRow(`SELECT COUNT(*) `+overdue, Approved, year).Scan(&w.Kept); err != nil {
		return n, fmt.Errorf("wall: prune: count messages waiting for the office: %w", err)
	}
	w.Max = s.opts.MaxWaiting
	if over := w.Kept - w.Max; over > 0 {
		res, err := s.db.Exec(`DELETE FROM messages WHERE id IN (SELECT id `+overdue+` ORDER BY seq LIMIT ?)`,
			Approved, year, over)
		if err != nil {
			return n, fmt.Errorf("wall: prune: messages over the waiting bound: %w", err)
		}
		d, _ := res.RowsAffected()
		n += d
		w.Kept -= int(d)
		w.Dropped = int(d)
		s.opts.Log.Error("approved messages past retention never reached the office; the oldest deleted to bound the store",
			"deleted", d, "bound", w.Max)
	}
	s.mu.Lock()
	if w.Dropped == 0 { // a drop stays reported until the process restarts
		w.Dropped = s.waiting.Dropped
	}
	s.waiting = w
	s.mu.Unlock()
	return n, nil
}

func (s *Store) query(q string, args ...any) ([]Message, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("wall: read messages: %w", err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		var m Message
		var ink sql.NullString
		var created, decided string
		if err := rows.Scan(&m.ID, &m.Kind, &m.Text, &m.Phrase, &ink, &m.Group, &m.Lang, &m.State,
			&created, &decided, &m.KioskID); err != nil {
			return nil, fmt.Errorf("wall: read messages: %w", err)
		}
		m.Created, _ = time.Parse(timeFormat, created)
		if decided != "" {
			m.Decided, _ = time.Parse(timeFormat, decided)
		}
		if ink.Valid {
			m.Ink = &Ink{}
			if err := json.Unmarshal([]byte(ink.String), m.Ink); err != nil {
				s.opts.Log.Warn("unreadable drawing", "id", m.ID, "err", err)
				m.Ink = &Ink{Aspect: 1}
			}
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
