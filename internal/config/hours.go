package config

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jindu-edu/kiosk/internal/hours"
)

// Hours is the opening schedule (package hours): outside it the screen shows a closed card
// and the attract loop pauses.
type Hours struct {
	// Open lists weekly opening times, e.g. ["周二至周日 09:00-17:00"]; empty: always open.
	Open Lines `toml:"open"`
	// ClosedDates lists whole days closed: "2027-01-01" or "2027-02-10..2027-02-16".
	ClosedDates Lines `toml:"closed_dates"`
	// NightlyRestart restarts the kiosk once a night at this time ("03:30"), between
	// visits; the service manager starts it again. "": never.
	NightlyRestart string `toml:"nightly_restart"`
}

// Schedule parses the opening times.
func (h Hours) Schedule() (*hours.Schedule, error) {
	return hours.Parse(h.Open.List(), h.ClosedDates.List())
}

// Nightly parses the restart time.
func (h Hours) Nightly() (hours.Nightly, error) { return hours.ParseNightly(h.NightlyRestart) }

func (h Hours) validate() error {
	var errs []error
	if _, err := h.Schedule(); err != nil {
		errs = append(errs, fmt.Errorf("[hours] %w", err))
	}
	if _, err := h.Nightly(); err != nil {
		errs = append(errs, fmt.Errorf("[hours] nightly_restart: %w", err))
	}
	return errors.Join(errs...)
}

// Lines is a TOML array of one-line strings kept as one newline-joined string, so that
// Config stays comparable with ==.
type Lines string

// List returns the lines.
func (l Lines) List() []string {
	if l == "" {
		return nil
	}
	return strings.Split(string(l), "\n")
}

// UnmarshalTOML reads an array of strings.
func (l *Lines) UnmarshalTOML(v any) error {
	arr, ok := v.([]any)
	if !ok {
		return fmt.Errorf("must be an array of strings, not %T", v)
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok || strings.ContainsRune(s, '\n') {
			return fmt.Errorf("%v is not a one-line string", e)
		}
		out = append(out, strings.TrimSpace(s))
	}
	*l = Lines(strings.Join(out, "\n"))
	return nil
}

// exampleHours is the [hours] part of Example.
const exampleHours = `
[hours]
# Opening times, one line per rule: days (周一…周日 or Mon…Sun; ranges with 至 or -,
# lists with 、 or ,) and a time range. Outside them the screen shows a calm closed card
# with the opening times, and the attract loop pauses; staff can still open the panel.
# Empty: always open. Example: open = ["周二至周日 09:00-17:00"]
open = []
# Whole days closed (holidays): "2027-01-01", or a range "2027-02-10..2027-02-16".
closed_dates = []
# Restart the kiosk once a night at this time (e.g. "03:30"), never during a visit; the
# service manager starts it again at once. Empty: never.
nightly_restart = ""
`
