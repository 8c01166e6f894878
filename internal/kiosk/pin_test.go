package kiosk

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func TestPINLockoutGrows(t *testing.T) {
	c := NewManualClock(t0)
	h, err := HashPIN("246810", bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	g := NewGuard(c, h)
	for i := 0; i < FreeAttempts; i++ {
		if v := g.Check("000000"); v != PINWrong {
			t.Fatalf("attempt %d: %v", i+1, v)
		}
	}
	if g.Check("000000") != PINLocked || g.LockedFor() != 30*time.Second {
		t.Fatalf("fifth wrong PIN: locked for %v, want 30s", g.LockedFor())
	}
	if g.Check("246810") != PINLocked {
		t.Fatal("the right PIN must not open a locked pad")
	}
	c.Advance(30 * time.Second)
	if g.Check("111111") != PINLocked || g.LockedFor() != 60*time.Second {
		t.Fatalf("sixth wrong PIN: locked for %v, want 60s", g.LockedFor())
	}
	c.Advance(60 * time.Second)
	g.Check("111111")
	if g.LockedFor() != 120*time.Second {
		t.Fatalf("seventh wrong PIN: locked for %v, want 120s", g.LockedFor())
	}
	for i := 0; i < 20; i++ {
		c.Advance(g.LockedFor())
		g.Check("111111")
	}
	if g.LockedFor() != LockoutMax {
		t.Fatalf("lockout must cap at %v, got %v", LockoutMax, g.LockedFor())
	}
	c.Advance(LockoutMax)
	if g.Check("246810") != PINOK {
		t.Fatal("the right PIN must open once the lockout has passed")
	}
	if g.AttemptsLeft() != FreeAttempts+1 {
		t.Fatal("success must reset the count")
	}
}

func TestNoDefaultPIN(t *testing.T) {
	dir := t.TempDir()
	h, err := LoadPINHash(dir)
	if !errors.Is(err, ErrNoPIN) || h != nil {
		t.Fatalf("fresh data dir: %v %v", h, err)
	}
	g := NewGuard(SystemClock{}, h)
	for _, pin := range []string{"", "0000", "000000", "123456", "888888"} {
		if g.Check(pin) != PINNotSet {
			t.Fatalf("PIN %q opened a kiosk that has none", pin)
		}
	}
}

func TestSavePINStoresOnlyAHash(t *testing.T) {
	dir := t.TempDir()
	if err := SavePIN(dir, "12345"); err == nil {
		t.Fatal("a 5-digit PIN must be refused")
	}
	if err := SavePIN(dir, "97531864"); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, PINFile))
	if string(raw) == "97531864" || len(raw) < 50 {
		t.Fatalf("stored %q, want a bcrypt hash", raw)
	}
	st, _ := os.Stat(filepath.Join(dir, PINFile))
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode())
	}
	h, err := LoadPINHash(dir)
	if err != nil {
		t.Fatal(err)
	}
	if NewGuard(SystemClock{}, h).Check("97531864") != PINOK {
		t.Fatal("saved PIN does not verify")
	}
}

func TestSettingsRoundTripAndDamage(t *testing.T) {
	dir := t.TempDir()
	base := DefaultSettings()
	s, err := LoadSettings(dir, base)
	if err != nil || s != base {
		t.Fatalf("no file: %v %v", s, err)
	}
	s.IdleTimeout = Duration(2 * time.Minute)
	s.Language = "en"
	s.SoftenGraphic = true
	if err := SaveSettings(dir, s); err != nil {
		t.Fatal(err)
	}
	got, err := LoadSettings(dir, base)
	if err != nil || got != s {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	os.WriteFile(filepath.Join(dir, SettingsFile), []byte("{broken"), 0o600)
	got, err = LoadSettings(dir, base)
	if err == nil || got != base {
		t.Fatal("damaged settings must be reported and the defaults kept")
	}
	bad := base
	bad.Volume = 101
	if SaveSettings(dir, bad) == nil {
		t.Fatal("out-of-range settings must be refused")
	}
}

// TestPINLockoutSurvivesRestart is the reproduction of "killing the kiosk 15 s into a
// lockout gives 5 fresh guesses".
func TestPINLockoutSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	c := NewManualClock(t0)
	h, _ := HashPIN("246810", bcrypt.MinCost)
	restart := func() *Guard {
		t.Helper()
		g, err := NewGuardPersisted(c, h, dir)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	g := restart()
	for i := 0; i < 3; i++ {
		g.Check("000000")
	}
	g = restart() // killed after 3 wrong PINs: 2 left, not 5
	if g.AttemptsLeft() != 2 {
		t.Fatalf("attempts left after restart %d, want 2", g.AttemptsLeft())
	}
	g.Check("000000")
	if g.Check("000000") != PINLocked {
		t.Fatal("fifth wrong PIN must lock")
	}
	c.Advance(15 * time.Second)
	g = restart() // killed 15 s into the 30 s lockout
	if g.LockedFor() != 15*time.Second || g.Check("246810") != PINLocked {
		t.Fatalf("after restart: locked for %v, want 15s", g.LockedFor())
	}
	c.Advance(15 * time.Second)
	g = restart()
	if g.Check("111111") != PINLocked || g.LockedFor() != 60*time.Second {
		t.Fatalf("the next wrong PIN after a restart must double the lockout: %v", g.LockedFor())
	}
	// The clock is set back a day: the lockout is not stretched to a day.
	c.Advance(-24 * time.Hour)
	g = restart()
	if d := g.LockedFor(); d != 60*time.Second {
		t.Fatalf("after the clock went back: locked for %v, want at most 60s", d)
	}
	c.Advance(60 * time.Second)
	if g.Check("246810") != PINOK {
		t.Fatal("the right PIN must open after the lockout")
	}
	if g = restart(); g.AttemptsLeft() != FreeAttempts+1 || g.LockedFor() != 0 {
		t.Fatal("success must reset the saved state")
	}
	if g.SaveError() != nil {
		t.Fatal(g.SaveError())
	}
	// A damaged file fails closed: one attempt short of a lockout.
	os.WriteFile(filepath.Join(dir, PINLockoutFile), []byte("{garbage"), 0o600)
	g, err := NewGuardPersisted(c, h, dir)
	if err == nil || g.AttemptsLeft() != 1 {
		t.Fatalf("damaged state: %v, %d attempts", err, g.AttemptsLeft())
	}
}

// TestPINSetWhileRunning: a kiosk started without a PIN accepts one set afterwards by
// `kioskctl pin set` (the file) or by the staff panel (SetPIN), without a restart.
func TestPINSetWhileRunning(t *testing.T) {
	dir := t.TempDir()
	g, err := NewGuardPersisted(NewManualClock(t0), nil, dir)
	if err != nil {
		t.Fatal(err)
	}
	if v := g.Check("246810"); v != PINNotSet {
		t.Fatalf("no PIN yet: %v", v)
	}
	if err := SavePIN(dir, "246810"); err != nil {
		t.Fatal(err)
	}
	if v := g.Check("246810"); v != PINOK {
		t.Fatalf("PIN set by kioskctl not taken: %v", v)
	}
	if err := g.SetPIN("13579135", bcrypt.MinCost); err != nil {
		t.Fatal(err)
	}
	if g.Check("246810") != PINWrong || g.Check("13579135") != PINOK {
		t.Fatal("PIN changed in the panel not in force")
	}
	if h, err := LoadPINHash(dir); err != nil || bcrypt.CompareHashAndPassword(h, []byte("13579135")) != nil {
		t.Fatalf("changed PIN not saved: %v", err)
	}
	if err := g.SetPIN("12", bcrypt.MinCost); err == nil {
		t.Fatal("a two-digit PIN accepted")
	}
}

func TestPrecheckCountsNothingAndIsUsedOnce(t *testing.T) {
	c := NewManualClock(t0)
	h, err := HashPIN("246810", bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	g := NewGuard(c, h)
	g.Precheck("000000")
	g.Precheck("000000")
	if g.AttemptsLeft() != FreeAttempts+1 {
		t.Fatal("a precheck must not count as an attempt")
	}
	if g.pre == nil || g.pre.pin != "000000" {
		t.Fatal("the precheck was not kept for Check")
	}
	if g.Check("000000") != PINWrong || g.AttemptsLeft() != FreeAttempts {
		t.Fatal("a prechecked wrong PIN must count as a wrong attempt")
	}
	if g.pre != nil {
		t.Fatal("Check must use a precheck once")
	}
	g.Precheck("246810")
	g.Precheck("12345") // not a PIN: nothing compared, the last precheck kept
	if g.pre == nil || g.pre.pin != "246810" {
		t.Fatal("a precheck of what cannot be a PIN must be skipped")
	}
	if g.Check("111111") != PINWrong || g.pre == nil {
		t.Fatal("Check of another PIN must compare it, and leave the precheck")
	}
	if g.Check("246810") != PINOK || g.AttemptsLeft() != FreeAttempts+1 {
		t.Fatal("a prechecked right PIN must open, and reset the count")
	}

	// A PIN changed after its precheck: the answer was for the old hash.
	g.Precheck("246810")
	if err := g.SetPIN("135790", bcrypt.MinCost); err != nil {
		t.Fatal(err)
	}
	if g.Check("246810") != PINWrong {
		t.Fatal("a precheck against the old PIN must not open the pad")
	}

	// Locked: a precheck does nothing.
	for g.LockedFor() == 0 {
		g.Check("000000")
	}
	g.Precheck("135790")
	if g.pre != nil && g.pre.pin == "135790" {
		t.Fatal("no precheck while the pad is locked")
	}
}
