package hours

import "time"

// Nightly is a daily restart time; the zero value never restarts.
type Nightly struct {
	at  int // minutes since midnight
	set bool
}

// ParseNightly reads "03:30"; "" gives a Nightly that never restarts.
func ParseNightly(s string) (Nightly, error) {
	if s == "" {
		return Nightly{}, nil
	}
	m, err := ParseClock(s)
	if err != nil {
		return Nightly{}, err
	}
	return Nightly{at: m, set: true}, nil
}

// Due reports whether the restart time has come since the program started: its latest
// occurrence at or before now is after started. A program started after the restart time
// waits for the next night; one that missed it (a visit was on) restarts at the next call
// once the caller lets it.
func (n Nightly) Due(started, now time.Time) bool {
	if !n.set {
		return false
	}
	y, m, d := now.Date()
	occ := time.Date(y, m, d, n.at/60, n.at%60, 0, 0, now.Location())
	if occ.After(now) {
		occ = occ.AddDate(0, 0, -1)
	}
	return occ.After(started)
}
