package kiosk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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

// Guard checks staff PINs and enforces the growing lockout.
type Guard struct {
	clock       Clock
	hash        []byte
	fails       int
	lockedUntil time.Time
}

// NewGuard guards with the given bcrypt hash; a nil hash means no PIN is set and nobody
// can enter (the app never ships a default PIN).
func NewGuard(c Clock, hash []byte) *Guard { return &Guard{clock: c, hash: hash} }

// Check tries a PIN. While locked it does not even look at the PIN.
func (g *Guard) Check(pin string) Verdict {
	if g.hash == nil {
		return PINNotSet
	}
	if g.LockedFor() > 0 {
		return PINLocked
	}
	if bcrypt.CompareHashAndPassword(g.hash, []byte(pin)) == nil {
		g.fails = 0
		return PINOK
	}
	g.fails++
	if g.fails > FreeAttempts {
		d := LockoutBase << (g.fails - FreeAttempts - 1)
		if d > LockoutMax || d <= 0 {
			d = LockoutMax
		}
		g.lockedUntil = g.clock.Now().Add(d)
		return PINLocked
	}
	return PINWrong
}

// LockedFor is how long the pad stays locked (0 when open).
func (g *Guard) LockedFor() time.Duration {
	if d := g.lockedUntil.Sub(g.clock.Now()); d > 0 {
		return d
	}
	return 0
}

// AttemptsLeft is how many wrong PINs remain before the next lockout.
func (g *Guard) AttemptsLeft() int {
	if n := FreeAttempts + 1 - g.fails; n > 0 {
		return n
	}
	return 0
}
