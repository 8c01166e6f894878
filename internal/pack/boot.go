package pack

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jindu-edu/kiosk/internal/atomicfile"
)

// CrashLimit is how many starts in a row may fail to reach the first frame before the
// current pack is rolled back at the next start.
const CrashLimit = 2

type bootState struct {
	Pack   string    `json:"pack"`         // the install these starts belong to
	Starts int       `json:"starts"`       // starts without BootOK
	OK     bool      `json:"ok,omitempty"` // BootOK was called for this install at least once
	Notice string    `json:"notice,omitempty"`
	At     time.Time `json:"at,omitzero"` // when the notice was written
}

// BootStarting is called by the kiosk before its first frame. It counts the start against
// the current pack; when the pack has already failed to reach the first frame CrashLimit
// times in a row, it rolls back to the previous pack (or to none: the bundled content) and
// returns a Chinese notice for the staff panel. Call BootOK once the first frame is shown.
func (s *Store) BootStarting() (notice string, err error) { return s.bootStarting(false) }

// TrialStarting is BootStarting for an install on trial: once an install has reached its
// first frame (BootOK), its later starts are not counted and it is never rolled back for
// them. The launcher uses it for program updates: a crash a week later is not the
// update's fault.
func (s *Store) TrialStarting() (notice string, err error) { return s.bootStarting(true) }

func (s *Store) bootStarting(trial bool) (notice string, err error) {
	unlock, err := lockFile(filepath.Join(s.dir, lockName))
	if err != nil {
		return "", err
	}
	defer unlock()
	st, err := s.readState()
	if err != nil || st.Current == "" {
		return "", err
	}
	b := s.readBoot()
	if b.Pack != st.Current {
		b = bootState{Pack: st.Current, Notice: b.Notice, At: b.At}
	}
	if trial && b.OK {
		return "", nil
	}
	if b.Starts < CrashLimit {
		b.Starts++
		return "", s.writeBoot(b)
	}
	return s.fallBack(st, fmt.Sprintf("连续 %d 次启动未能显示画面", b.Starts))
}

// FailCurrent rolls back at once, without waiting for failed starts: the current install
// cannot be started at all (the launcher could not run its program). why says so in
// Chinese ("无法运行"). It returns the notice, as BootStarting does; "" when nothing is
// installed.
func (s *Store) FailCurrent(why string) (notice string, err error) {
	unlock, err := lockFile(filepath.Join(s.dir, lockName))
	if err != nil {
		return "", err
	}
	defer unlock()
	st, err := s.readState()
	if err != nil || st.Current == "" {
		return "", err
	}
	return s.fallBack(st, why)
}

// fallBack makes the previous install current (none: the bundled content, or for programs
// the version installed with the system), keeps the notice and counts this start against
// what it returns to. Call with the lock.
func (s *Store) fallBack(st state, why string) (string, error) {
	bad, _ := s.load(st.Current)
	var prev Installed
	hasPrev := false
	if st.Previous != "" {
		var err error
		prev, err = s.load(st.Previous)
		hasPrev = err == nil
	}
	var notice string
	if bad.Manifest.IsApp() {
		back := "随系统安装的版本"
		if hasPrev && prev.Manifest.App != nil {
			back = "上一版本 " + prev.Manifest.App.Version
		}
		notice = fmt.Sprintf("%s%s，已自动恢复为%s。展项照常运行；请不要再安装这个更新包，并把此提示告知技术人员。",
			bad.Manifest.Label(), why, back)
	} else {
		back := "内置内容"
		if hasPrev {
			back = fmt.Sprintf("上一版本“%s”（版本 %d）", prev.Manifest.Title.Zh, prev.Manifest.Version)
		}
		notice = fmt.Sprintf("%s%s，已自动恢复为%s。", bad.Manifest.Label(), why, back)
	}
	next := state{Current: st.Previous}
	if err := s.writeState(next); err != nil {
		return "", err
	}
	s.log.Warn("pack rolled back after failed starts", "pack", st.Current, "why", why, "to", st.Previous)
	s.prune(next)
	err := s.writeBoot(bootState{Pack: next.Current, Starts: 1, Notice: notice, At: time.Now()})
	return notice, err
}

// BootOK is called once the first frame is on screen: the current pack works.
func (s *Store) BootOK() error {
	unlock, err := lockFile(filepath.Join(s.dir, lockName))
	if err != nil {
		return err
	}
	defer unlock()
	b := s.readBoot()
	if b.Starts == 0 && b.OK {
		return nil
	}
	b.Starts, b.OK = 0, true
	return s.writeBoot(b)
}

// LastNotice is the last automatic rollback notice and when it happened ("" if none).
func (s *Store) LastNotice() (string, time.Time) {
	b := s.readBoot()
	return b.Notice, b.At
}

func (s *Store) readBoot() bootState {
	var b bootState
	data, err := os.ReadFile(filepath.Join(s.dir, bootFile))
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			s.log.Warn("pack store: boot state unreadable", "err", err)
		}
		return b
	}
	if err := json.Unmarshal(data, &b); err != nil {
		s.log.Warn("pack store: boot state corrupt", "err", err)
	}
	return b
}

func (s *Store) writeBoot(b bootState) error {
	data, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("pack store: %w", err)
	}
	if err := atomicfile.WriteFile(filepath.Join(s.dir, bootFile), append(data, '\n'), 0o644); err != nil {
		return wrapErr(CodeIO, bootFile, err)
	}
	return nil
}
