// Package hours is the exhibition's opening schedule: weekly opening times such as
// "周二至周日 09:00-17:00", whole days closed (holidays), and an optional nightly restart
// time. It decides whether the kiosk is open at a given instant (the caller's clock, in the
// kiosk's local time) and says so in Chinese and English for the closed card.
package hours

import (
	"errors"
	"fmt"
	"time"
)

// Schedule is a parsed opening schedule. The zero Schedule (and nil) is always open.
type Schedule struct {
	rules  []rule
	closed []dateRange
}

// rule opens the days in days (indexed by time.Weekday) from minute from to minute to.
type rule struct {
	days     [7]bool
	from, to int // minutes since midnight, from < to
}

type dateRange struct{ first, last string } // "2006-01-02", inclusive

// Parse reads weekly lines ("周二至周日 09:00-17:00", "Sat,Sun 10:00-16:00") and closed
// dates ("2027-01-01", "2027-02-10..2027-02-16"). No weekly line means always open apart
// from the closed dates. Errors name the line and say what is wrong, in Chinese.
func Parse(weekly, closedDates []string) (*Schedule, error) {
	s := &Schedule{}
	var errs []error
	for _, line := range weekly {
		r, err := parseRule(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("开放时间“%s”：%w", line, err))
			continue
		}
		s.rules = append(s.rules, r)
	}
	for _, d := range closedDates {
		r, err := parseDates(d)
		if err != nil {
			errs = append(errs, fmt.Errorf("闭馆日期“%s”：%w", d, err))
			continue
		}
		s.closed = append(s.closed, r)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

// Always reports whether the schedule never closes.
func (s *Schedule) Always() bool { return s == nil || (len(s.rules) == 0 && len(s.closed) == 0) }

// Open reports whether the exhibition is open at t (in t's location).
func (s *Schedule) Open(t time.Time) bool {
	if s == nil {
		return true
	}
	if s.closedOn(t) {
		return false
	}
	if len(s.rules) == 0 {
		return true
	}
	m := t.Hour()*60 + t.Minute()
	for _, r := range s.rules {
		if r.days[t.Weekday()] && m >= r.from && m < r.to {
			return true
		}
	}
	return false
}

// closedOn reports whether t's date is a closed date.
func (s *Schedule) closedOn(t time.Time) bool {
	d := t.Format(time.DateOnly)
	for _, c := range s.closed {
		if d >= c.first && d <= c.last {
			return true
		}
	}
	return false
}

// ClosedToday reports whether t's whole day is closed (a holiday, or no opening that day).
func (s *Schedule) ClosedToday(t time.Time) bool {
	if s.Always() {
		return false
	}
	if s.closedOn(t) {
		return true
	}
	if len(s.rules) == 0 {
		return false
	}
	for _, r := range s.rules {
		if r.days[t.Weekday()] {
			return false
		}
	}
	return true
}

// NextOpen is the next instant at or after t when the exhibition opens, looking at most
// 60 days ahead; ok is false if it does not open in that time.
func (s *Schedule) NextOpen(t time.Time) (next time.Time, ok bool) {
	if s.Open(t) {
		return t, true
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	for i := range 61 {
		d := day.AddDate(0, 0, i)
		if s.closedOn(d) {
			continue
		}
		best := -1
		for _, r := range s.rules {
			if !r.days[d.Weekday()] || (i == 0 && r.to <= t.Hour()*60+t.Minute()) {
				continue
			}
			if best < 0 || r.from < best {
				best = r.from
			}
		}
		if len(s.rules) == 0 {
			best = 0
		}
		if best < 0 {
			continue
		}
		at := d.Add(time.Duration(best) * time.Minute)
		if at.Before(t) {
			at = t
		}
		return at, true
	}
	return time.Time{}, false
}
