package kiosk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/jindu-edu/kiosk/internal/atomicfile"
)

// PINFile is the name of the staff PIN hash inside the data directory.
const PINFile = "staff-pin.bcrypt"

// Lockout policy: FreeAttempts wrong PINs are allowed, then each further wrong PIN locks
// the pad for a period that doubles from LockoutBase up to LockoutMax.
const (
	FreeAttempts = 4
	LockoutBase  = 30 * time.Second
	LockoutMax   = 30 * time.Minute
)

var pinPattern = regexp.MustCompile(`^[0-9]{6,12}$`)

// ErrNoPIN means no staff PIN has been set on this kiosk.
var ErrNoPIN = errors.New("no staff PIN is set: run `kioskctl pin set` on this kiosk")

// ValidPIN reports whether pin is acceptable as a staff PIN: 6–12 digits.
func ValidPIN(pin string) error {
	if !pinPattern.MatchString(pin) {
		return errors.New("the PIN must be 6 to 12 digits")
	}
	return nil
}

// HashPIN hashes a PIN with bcrypt at the given cost (bcrypt.DefaultCost in production).
func HashPIN(pin string, cost int) ([]byte, error) {
	if err := ValidPIN(pin); err != nil {
		return nil, err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pin), cost)
	if err != nil {
		return nil, fmt.Errorf("hash PIN: %w", err)
	}
	return h, nil
}

// SavePIN writes the PIN's hash into dataDir, readable only by its owner.
func SavePIN(dataDir, pin string) error {
	h, err := HashPIN(pin, bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	return atomicfile.WriteFile(filepath.Join(dataDir, PINFile), h, 0o600)
}

// LoadPINHash reads the stored hash; ErrNoPIN when there is none.
func LoadPINHash(dataDir string) ([]byte, error) {
	h, err := os.ReadFile(filepath.Join(dataDir, PINFile))
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(h) == 0) {
		return nil, ErrNoPIN
	}
	if err != nil {
		return nil, fmt.Errorf("read staff PIN: %w", err)
	}
	return h, nil
}

// Verdict is the outcome of a PIN attempt.
type Verdict int

// PIN verdicts.
const (
	PINOK Verdict = iota
	PINWrong
	PINLocked
	PINNotSet
)

// PINLockoutFile, in the data directory, keeps failed PIN attempts and the lockout of a
// persisted Guard across restarts.
const PINLockoutFile = "staff-pin-lockout.json"

// Guard checks staff PINs and enforces the growing lockout. It is safe for concurrent use:
// the kiosk checks a PIN (bcrypt, a file write) off the UI thread while the pad reads the
// lockout.
type Guard struct {
	mu          sync.Mutex
	clock       Clock
	hash        []byte
	fails       int
	lockedUntil time.Time     // wall clock
	lockLen     time.Duration // length of the lockout in force; bounds it when the clock goes back
	path        string        // the lockout file; "" keeps the state in memory only
	dir         string        // the data directory whose PIN file is read at every check; "" for NewGuard
	saveErr     error
	pre         *precheck // the last PIN compared ahead of Check
}

// precheck is a PIN compared with a hash ahead of Check; ok is set before done closes.
type precheck struct {
	pin  string
	hash []byte
	ok   bool
	done chan struct{}
}

// lockoutState is PINLockoutFile's content.
type lockoutState struct {
	Fails       int       `json:"fails"`
	LockedUntil time.Time `json:"locked_until"`
	LockSeconds float64   `json:"lock_seconds"`
}

// NewGuard guards with the given bcrypt hash; a nil hash means no PIN is set and nobody
// can enter (the app never ships a default PIN). Its state lives in memory only; the
// kiosk uses NewGuardPersisted.
func NewGuard(c Clock, hash []byte) *Guard { return &Guard{clock: c, hash: hash} }

// NewGuardPersisted is NewGuard whose failed attempts and lockout are kept in
// dataDir/PINLockoutFile (atomic writes), so that restarting the kiosk does not give
// fresh attempts and a lockout outlasts a reboot (its end is wall-clock time). If the
// clock goes back, a lockout never lasts longer than its own length from now. An
// unreadable file counts as one attempt short of a lockout, and the error says why; the
// Guard is usable either way.
func NewGuardPersisted(c Clock, hash []byte, dataDir string) (*Guard, error) {
	g := &Guard{clock: c, hash: hash, path: filepath.Join(dataDir, PINLockoutFile), dir: dataDir}
	b, err := os.ReadFile(g.path)
	if errors.Is(err, os.ErrNotExist) {
		return g, nil
	}
	var st lockoutState
	if err == nil {
		err = json.Unmarshal(b, &st)
	}
	if err != nil || st.Fails < 0 || st.LockSeconds < 0 {
		g.fails = FreeAttempts
		return g, fmt.Errorf("staff PIN lockout state %s unreadable, counting %d failed attempts: %v", g.path, g.fails, err)
	}
	g.fails, g.lockedUntil = st.Fails, st.LockedUntil
	g.lockLen = time.Duration(st.LockSeconds * float64(time.Second))
	return g, nil
}

// Precheck compares pin with the PIN's hash ahead of Check, while the pad is still typed
// on (bcrypt takes tens of milliseconds): Check of the same pin against the same hash then
// takes the answer instead of comparing again, and counts the attempt as ever. Precheck
// counts nothing and tells nothing; it does nothing while locked, for a PIN that cannot be
// one, or for the PIN compared last. It blocks for the compare: call it off the UI thread.
func (g *Guard) Precheck(pin string) {
	g.mu.Lock()
	g.reload()
	if g.hash == nil || g.lockedFor() > 0 || ValidPIN(pin) != nil ||
		(g.pre != nil && g.pre.pin == pin && bytes.Equal(g.pre.hash, g.hash)) {
		g.mu.Unlock()
		return
	}
	p := &precheck{pin: pin, hash: g.hash, done: make(chan struct{})}
	g.pre = p
	g.mu.Unlock()
	p.ok = bcrypt.CompareHashAndPassword(p.hash, []byte(pin)) == nil
	close(p.done)
}

// matches compares pin with the hash, or takes a precheck's answer for them (waiting for
// it when it is under way); the precheck is used once. g.mu is held, and let go while
// waiting.
func (g *Guard) matches(pin string) bool {
	if p := g.pre; p != nil && p.pin == pin && bytes.Equal(p.hash, g.hash) {
		g.pre = nil
		g.mu.Unlock()
		<-p.done
		g.mu.Lock()
		return p.ok
	}
	return bcrypt.CompareHashAndPassword(g.hash, []byte(pin)) == nil
}

// Check tries a PIN. While locked it does not even look at the PIN.
func (g *Guard) Check(pin string) Verdict {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.reload()
	if g.hash == nil {
		return PINNotSet
	}
	if g.lockedFor() > 0 {
		return PINLocked
	}
	if g.matches(pin) {
		if g.fails > 0 || !g.lockedUntil.IsZero() {
			g.fails, g.lockedUntil, g.lockLen = 0, time.Time{}, 0
			g.save()
		}
		return PINOK
	}
	g.fails++
	if g.fails > FreeAttempts {
		d := LockoutBase << (g.fails - FreeAttempts - 1)
		if d > LockoutMax || d <= 0 {
			d = LockoutMax
		}
		g.lockedUntil, g.lockLen = g.clock.Now().Add(d), d
		g.save()
		return PINLocked
	}
	g.save()
	return PINWrong
}

// reload reads the PIN file again, so that a PIN set or changed while the kiosk runs
// (`kioskctl pin set`, or the staff panel) works at once. A missing or unreadable file
// keeps the hash in force.
func (g *Guard) reload() {
	if g.dir == "" {
		return
	}
	if h, err := LoadPINHash(g.dir); err == nil {
		g.hash = h
	}
}

// SetPIN stores a new PIN (6–12 digits) in the data directory of a persisted Guard and
// uses it from now on; a Guard in memory only just uses it.
func (g *Guard) SetPIN(pin string, cost int) error {
	h, err := HashPIN(pin, cost)
	if err != nil {
		return err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.dir != "" {
		if err := os.MkdirAll(g.dir, 0o700); err != nil {
			return fmt.Errorf("create data directory: %w", err)
		}
		if err := atomicfile.WriteFile(filepath.Join(g.dir, PINFile), h, 0o600); err != nil {
			return fmt.Errorf("save staff PIN: %w", err)
		}
	}
	g.hash = h
	return nil
}

// LockedFor is how long the pad stays locked (0 when open).
func (g *Guard) LockedFor() time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.lockedFor()
}

func (g *Guard) lockedFor() time.Duration {
	now := g.clock.Now()
	d := g.lockedUntil.Sub(now)
	if d <= 0 {
		return 0
	}
	if d > g.lockLen { // the clock went back (or the file was edited): not longer than the lockout itself
		g.lockedUntil = now.Add(g.lockLen)
		d = g.lockLen
	}
	return d
}

// AttemptsLeft is how many wrong PINs remain before the next lockout.
func (g *Guard) AttemptsLeft() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	if n := FreeAttempts + 1 - g.fails; n > 0 {
		return n
	}
	return 0
}

// SaveError is the last failure to persist the lockout state (nil: saved, or in memory only).
func (g *Guard) SaveError() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.saveErr
}

func (g *Guard) save() {
	if g.path == "" {
		return
	}
	b, err := json.Marshal(lockoutState{Fails: g.fails, LockedUntil: g.lockedUntil.UTC(), LockSeconds: g.lockLen.Seconds()})
	if err == nil {
		err = atomicfile.WriteFile(g.path, b, 0o600)
	}
	g.saveErr = err
}
