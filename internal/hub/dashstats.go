package hub

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/jindu-edu/kiosk/internal/evsync"
)

// The dashboard's queries: the overview (from the daily rollup), kiosk health (from the
// heartbeats), quiz accuracy per question and age band, and the learning gain. Each is one
// SQL text for both backends, built with the dialect.

// Overview is the dashboard's first page: totals over the filter, by day and by kiosk.
type Overview struct {
	Filter
	Kiosks   int          `json:"kiosks"` // registered
	Active   int          `json:"active"` // kiosks with events in the range
	Totals   DayTotal     `json:"totals"` // Day empty
	Days     []DayTotal   `json:"days"`
	PerKiosk []KioskTotal `json:"per_kiosk"`
	PerBase  []KioskTotal `json:"per_base"` // KioskID empty
}

// DayTotal sums one day (or a range) of the rollup.
type DayTotal struct {
	Day      string `json:"day,omitempty"`
	Events   int64  `json:"events"`
	Visits   int64  `json:"visits"`   // session_start events
	Sessions int64  `json:"sessions"` // visitor sessions, counted per kiosk and day
	Answers  int64  `json:"answers"`  // quiz answers with a correct true/false
	Right    int64  `json:"right"`
	Leaves   int64  `json:"leaves"` // zone_leave events
	DwellMS  int64  `json:"dwell_ms"`
}

// Accuracy is Right/Answers, 0 without answers.
func (t DayTotal) Accuracy() float64 {
	if t.Answers == 0 {
		return 0
	}
	return float64(t.Right) / float64(t.Answers)
}

// KioskTotal is a DayTotal of one kiosk (or one base) over the range.
type KioskTotal struct {
	KioskID string `json:"kiosk_id,omitempty"`
	Base    string `json:"base"`
	DayTotal
}

// QuestionAudience is the accuracy of one question in one age band: the audience of the
// quiz round (the latest quiz_start of the session before the answer), "" if unknown.
type QuestionAudience struct {
	Question string  `json:"question"`
	Audience string  `json:"audience"`
	Answered int64   `json:"answered"`
	Right    int64   `json:"right"`
	Accuracy float64 `json:"accuracy"`
}

// GainStat is the learning gain of one age band and topic: Pairs visits answered the check
// both before and after (joined by session only), of which BeforeRight and AfterRight
// were right.
type GainStat struct {
	Audience    string  `json:"audience"`
	Topic       string  `json:"topic"`
	Pairs       int64   `json:"pairs"`
	BeforeRight int64   `json:"before_right"`
	AfterRight  int64   `json:"after_right"`
	BeforeRate  float64 `json:"before_rate"`
	AfterRate   float64 `json:"after_rate"`
}

// KioskHealth is a registered kiosk with its newest heartbeat. LastSeen is the latest
// upload or heartbeat (zero: never); the status fields are from the latest heartbeat that
// carried a status (StatusAt zero: none yet, an older kiosk).
type KioskHealth struct {
	KioskID  string    `json:"kiosk_id"`
	Base     string    `json:"base"`
	LastSeen time.Time `json:"last_seen"`
	StatusAt time.Time `json:"status_at"`
	evsync.Status
}

// dbStore is what the shared implementations need of a backend.
type dbStore interface {
	txStore
	dialect() dialect
}

func overview(ctx context.Context, s dbStore, f Filter) (Overview, error) {
	d := s.dialect()
	if _, err := refresh(ctx, s, d); err != nil {
		return Overview{}, err
	}
	o := Overview{Filter: f, Days: []DayTotal{}, PerKiosk: []KioskTotal{}, PerBase: []KioskTotal{}}
	if err := s.query(ctx, "overview: kiosks", `SELECT COUNT(*) FROM kiosks`, nil, func(scan func(...any) error) error {
		return scan(&o.Kiosks)
	}); err != nil {
		return o, err
	}
	sums := d.sum("events") + ", " + d.sum("visits") + ", " + d.sum("sessions") + ", " + d.sum("answers") + ", " +
		d.sum("right_answers") + ", " + d.sum("leaves") + ", " + d.sum("dwell_ms")
	w, args := d.where(f)
	err := s.query(ctx, "overview: days", `SELECT wall_day, `+sums+` FROM day_kiosk WHERE `+w+` GROUP BY wall_day ORDER BY wall_day`, args,
		func(scan func(...any) error) error {
			var t DayTotal
			if err := scan(&t.Day, &t.Events, &t.Visits, &t.Sessions, &t.Answers, &t.Right, &t.Leaves, &t.DwellMS); err != nil {
				return err
			}
			o.Days = append(o.Days, t)
			o.Totals = o.Totals.add(t)
			return nil
		})
	if err != nil {
		return o, err
	}
	w, args = d.where(f)
	err = s.query(ctx, "overview: kiosks",
		`SELECT r.kiosk_id, COALESCE(k.base, ''), `+sums+` FROM (SELECT * FROM day_kiosk WHERE `+w+`) r
		LEFT JOIN kiosks k ON k.id = r.kiosk_id GROUP BY r.kiosk_id, k.base ORDER BY r.kiosk_id`, args,
		func(scan func(...any) error) error {
			var t KioskTotal
			if err := scan(&t.KioskID, &t.Base, &t.Events, &t.Visits, &t.Sessions, &t.Answers, &t.Right, &t.Leaves, &t.DwellMS); err != nil {
				return err
			}
			o.PerKiosk = append(o.PerKiosk, t)
			return nil
		})
	o.Totals.Day = ""
	o.Active = len(o.PerKiosk)
	bases := map[string]*KioskTotal{}
	for _, k := range o.PerKiosk {
		b := bases[k.Base]
		if b == nil {
			b = &KioskTotal{Base: k.Base}
			bases[k.Base] = b
		}
		b.DayTotal = b.DayTotal.add(k.DayTotal)
	}
	for _, b := range bases {
		o.PerBase = append(o.PerBase, *b)
	}
	sort.Slice(o.PerBase, func(i, j int) bool { return o.PerBase[i].Base < o.PerBase[j].Base })
	return o, err
}

func (t DayTotal) add(u DayTotal) DayTotal {
	t.Events += u.Events
	t.Visits += u.Visits
	t.Sessions += u.Sessions
	t.Answers += u.Answers
	t.Right += u.Right
	t.Leaves += u.Leaves
	t.DwellMS += u.DwellMS
	return t
}

// questionsByAudienceQuery selects question, audience, answered, right from the rollup.
func questionsByAudienceQuery(d dialect, f Filter) (string, []any) {
	w, args := d.where(f)
	return `SELECT item, audience, ` + d.sum("answered") + `, ` + d.sum("right_answers") + `
		FROM day_question WHERE ` + w + `
		GROUP BY item, audience HAVING SUM(answered) > 0 ORDER BY item, audience`, args
}

func questionsByAudience(ctx context.Context, s dbStore, f Filter) ([]QuestionAudience, error) {
	if _, err := refresh(ctx, s, s.dialect()); err != nil {
		return nil, err
	}
	q, args := questionsByAudienceQuery(s.dialect(), f)
	out := []QuestionAudience{}
	err := s.query(ctx, "questions by audience", q, args, func(scan func(...any) error) error {
		var r QuestionAudience
		if err := scan(&r.Question, &r.Audience, &r.Answered, &r.Right); err != nil {
			return err
		}
		if r.Answered > 0 {
			r.Accuracy = float64(r.Right) / float64(r.Answered)
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// gainQuery selects audience, topic, pairs, before_right, after_right from the rollup.
func gainQuery(d dialect, f Filter) (string, []any) {
	w, args := d.where(f)
	return `SELECT audience, topic, ` + d.sum("pairs") + `, ` + d.sum("before_right") + `, ` + d.sum("after_right") + `
		FROM day_gain WHERE ` + w + `
		GROUP BY audience, topic HAVING SUM(pairs) > 0 ORDER BY audience, topic`, args
}

func gain(ctx context.Context, s dbStore, f Filter) ([]GainStat, error) {
	if _, err := refresh(ctx, s, s.dialect()); err != nil {
		return nil, err
	}
	q, args := gainQuery(s.dialect(), f)
	out := []GainStat{}
	err := s.query(ctx, "learning gain", q, args, func(scan func(...any) error) error {
		var g GainStat
		if err := scan(&g.Audience, &g.Topic, &g.Pairs, &g.BeforeRight, &g.AfterRight); err != nil {
			return err
		}
		if g.Pairs > 0 {
			g.BeforeRate = float64(g.BeforeRight) / float64(g.Pairs)
			g.AfterRate = float64(g.AfterRight) / float64(g.Pairs)
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// heartbeat records that kioskID was heard from at `at`, with its status if it sent one.
func heartbeat(ctx context.Context, s dbStore, kioskID string, st *evsync.Status, at time.Time) error {
	d := s.dialect()
	seen := at.UTC().Format(time.RFC3339Nano)
	return s.inTx(ctx, func(exec execFunc) error {
		if st == nil {
			_, err := exec(ctx, `INSERT INTO kiosk_status (kiosk_id, last_seen) VALUES (`+d.ph(1)+`, `+d.ph(2)+`)
				ON CONFLICT (kiosk_id) DO UPDATE SET last_seen = excluded.last_seen`, kioskID, seen)
			return err
		}
		sent := ""
		if !st.SentAt.IsZero() {
			sent = st.SentAt.Format(time.RFC3339Nano)
		}
		ph := func(n int) string { return d.ph(n) }
		_, err := exec(ctx, `INSERT INTO kiosk_status (kiosk_id, last_seen, sent_at, app_version, pack_version, disk_free,
				disk_total, uptime_s, pending, lag_s, last_error, status_at)
			VALUES (`+ph(1)+`, `+ph(2)+`, `+ph(3)+`, `+ph(4)+`, `+ph(5)+`, `+ph(6)+`, `+ph(7)+`, `+ph(8)+`, `+ph(9)+`, `+ph(10)+`, `+ph(11)+`, `+ph(12)+`)
			ON CONFLICT (kiosk_id) DO UPDATE SET last_seen = excluded.last_seen, sent_at = excluded.sent_at,
				app_version = excluded.app_version, pack_version = excluded.pack_version, disk_free = excluded.disk_free,
				disk_total = excluded.disk_total, uptime_s = excluded.uptime_s, pending = excluded.pending,
				lag_s = excluded.lag_s, last_error = excluded.last_error, status_at = excluded.status_at`,
			kioskID, seen, sent, clip(st.AppVersion), clip(st.PackVersion), st.DiskFree, st.DiskTotal, st.UptimeS,
			st.Pending, st.LagS, clipError(st.LastError), seen)
		return err
	})
}

// clip bounds a version string the kiosk sends; clipError its error text.
func clip(s string) string { return truncateUTF8(s, maxFieldLen) }

func clipError(s string) string { return truncateUTF8(s, 2000) }

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !validEnd(s) {
		s = s[:len(s)-1]
	}
	return s
}

func validEnd(s string) bool {
	for i := len(s) - 1; i >= 0 && i >= len(s)-4; i-- {
		c := s[i]
		if c < 0x80 {
			return true
		}
		if c >= 0xC0 { // a lead byte: is the sequence complete?
			need := 2
			if c >= 0xF0 {
				need = 4
			} else if c >= 0xE0 {
				need = 3
			}
			return len(s)-i == need
		}
	}
	return false
}

func health(ctx context.Context, s dbStore) ([]KioskHealth, error) {
	out := []KioskHealth{}
	err := s.query(ctx, "kiosk health", `SELECT k.id, k.base, COALESCE(h.last_seen, ''), COALESCE(h.status_at, ''),
			COALESCE(h.sent_at, ''), COALESCE(h.app_version, ''), COALESCE(h.pack_version, ''), COALESCE(h.disk_free, 0),
			COALESCE(h.disk_total, 0), COALESCE(h.uptime_s, 0), COALESCE(h.pending, 0), COALESCE(h.lag_s, 0),
			COALESCE(h.last_error, '')
		FROM kiosks k LEFT JOIN kiosk_status h ON h.kiosk_id = k.id ORDER BY k.base, k.id`, nil,
		func(scan func(...any) error) error {
			var h KioskHealth
			var seen, statusAt, sent string
			if err := scan(&h.KioskID, &h.Base, &seen, &statusAt, &sent, &h.AppVersion, &h.PackVersion, &h.DiskFree,
				&h.DiskTotal, &h.UptimeS, &h.Pending, &h.LagS, &h.LastError); err != nil {
				return err
			}
			h.LastSeen, _ = time.Parse(time.RFC3339Nano, seen)
			h.StatusAt, _ = time.Parse(time.RFC3339Nano, statusAt)
			h.SentAt, _ = time.Parse(time.RFC3339Nano, sent)
			out = append(out, h)
			return nil
		})
	return out, err
}

func setKioskBase(ctx context.Context, s dbStore, id, base string) error {
	if len(base) > maxFieldLen {
		return fmt.Errorf("kiosk %s: base name over %d bytes", id, maxFieldLen)
	}
	d := s.dialect()
	return s.inTx(ctx, func(exec execFunc) error {
		n, err := exec(ctx, `UPDATE kiosks SET base = `+d.ph(1)+` WHERE id = `+d.ph(2), base, id)
		if err == nil && n == 0 {
			return fmt.Errorf("kiosk %s: %w", id, ErrNotFound)
		}
		return err
	})
}

func setting(ctx context.Context, s dbStore, name string) (string, error) {
	var v string
	found := false
	err := s.query(ctx, "setting "+name, `SELECT value FROM hub_settings WHERE name = `+s.dialect().ph(1), []any{name},
		func(scan func(...any) error) error { found = true; return scan(&v) })
	if err == nil && !found {
		err = fmt.Errorf("setting %s: %w", name, ErrNotFound)
	}
	return v, err
}

func setSetting(ctx context.Context, s dbStore, name, value string) error {
	d := s.dialect()
	return s.inTx(ctx, func(exec execFunc) error {
		_, err := exec(ctx, `INSERT INTO hub_settings (name, value) VALUES (`+d.ph(1)+`, `+d.ph(2)+`)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
		return err
	})
}
