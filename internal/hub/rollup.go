package hub

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// The daily rollup: day_kiosk (totals), day_zone (dwell), day_question (answers per
// question and age band) and day_gain (learning-gain pairs) hold per kiosk and day what the
// statistics and the dashboard show, so that they read thousands of rows instead of
// millions of events. Insert marks
// the kiosk-days it added events to in rollup_dirty (bumping gen); refresh recomputes each
// marked kiosk-day from its events and clears the mark only if gen did not move meanwhile,
// so an upload committed during a refresh is never lost from the rollup. The recompute is
// idempotent: events arriving twice, late or out of order change nothing.

// execFunc runs one statement in a transaction and returns the rows it affected.
type execFunc func(ctx context.Context, q string, args ...any) (int64, error)

// txStore is what refresh needs of a backend: queries, and statements in one transaction
// (taken in turn with the process's other writers on SQLite).
type txStore interface {
	rowQuerier
	inTx(ctx context.Context, fn func(exec execFunc) error) error
}

// markDirtySQL marks one kiosk-day of an insert.
func markDirtySQL(d dialect) string {
	return `INSERT INTO rollup_dirty (kiosk_id, wall_day, gen) VALUES (` + d.ph(1) + `, ` + d.ph(2) + `, 1)
		ON CONFLICT (kiosk_id, wall_day) DO UPDATE SET gen = rollup_dirty.gen + 1`
}

// dirtyDays are the distinct days of rows, sorted (one lock order for concurrent batches).
func dirtyDays(rows []row) []string {
	var days []string
	for _, r := range rows {
		days = append(days, r.day)
	}
	slices.Sort(days)
	return slices.Compact(days)
}

// rollupStmt is one statement of a kiosk-day's recomputation: its arguments are the kiosk
// and the day, and with prev also the day before (learning-gain pairs may start then).
type rollupStmt struct {
	q    string
	prev bool
}

// rollupSQL are the statements that recompute one kiosk-day ($1 kiosk, $2 day, $3 the day
// before) of every rollup table from its events: each table's rows are deleted, then
// inserted again.
func rollupSQL(d dialect) []rollupStmt {
	var out []rollupStmt
	for _, q := range rollupQueries(d) {
		out = append(out, rollupStmt{q: q, prev: strings.Contains(q, d.ph(3))})
	}
	return out
}

func rollupQueries(d dialect) []string {
	k, day := d.ph(1), d.ph(2)
	ok := d.boolean(event.KeyCorrect)
	ms := d.num(event.KeyDwellMS)
	answer := "type = '" + event.QuizAnswer + "' AND item <> ''"
	leave := "type = '" + event.ZoneLeave + "' AND zone <> ''"
	this := "kiosk_id = " + k + " AND wall_day = " + day
	var out []string
	for _, t := range []string{"day_kiosk", "day_zone", "day_question", "day_gain"} {
		out = append(out, `DELETE FROM `+t+` WHERE `+this)
	}
	return append(out,
		// Totals, with the definitions of the stats queries (stats.go).
		`INSERT INTO day_kiosk (kiosk_id, wall_day, events, visits, sessions, answers, right_answers, leaves, dwell_ms)
		SELECT kiosk_id, wall_day, COUNT(*),
			SUM(CASE WHEN type = '`+event.SessionStart+`' THEN 1 ELSE 0 END),
			COUNT(DISTINCT CASE WHEN session_id <> '' THEN session_id END),
			COUNT(CASE WHEN `+answer+` THEN `+ok+` END),
			COALESCE(SUM(CASE WHEN `+answer+` THEN `+ok+` END), 0),
			SUM(CASE WHEN `+leave+` THEN 1 ELSE 0 END),
			`+d.round(`COALESCE(SUM(CASE WHEN `+leave+` THEN `+ms+` END), 0)`)+`
		FROM events WHERE `+this+`
		GROUP BY kiosk_id, wall_day`,
		// Dwell per zone: leaves, the sum of numeric dwell_ms and how many had one.
		`INSERT INTO day_zone (kiosk_id, wall_day, zone, leaves, sum_ms, timed)
		SELECT kiosk_id, wall_day, zone, COUNT(*), `+d.float(`COALESCE(SUM(`+ms+`), 0)`)+`, COUNT(`+ms+`)
		FROM events WHERE `+this+` AND `+leave+`
		GROUP BY kiosk_id, wall_day, zone`,
		// Answers per question and age band: the band is the audience of the latest
		// quiz_start before the answer in its session (any day), "" without one.
		`INSERT INTO day_question (kiosk_id, wall_day, item, audience, answered, right_answers)
		SELECT kiosk_id, wall_day, item, aud, COUNT(*), SUM(ok) FROM (
			SELECT a.kiosk_id, a.wall_day, a.item, `+ok+` AS ok, COALESCE((
				SELECT `+d.text(event.KeyAudience)+` FROM events s
				WHERE s.kiosk_id = a.kiosk_id AND s.session_id = a.session_id AND a.session_id <> ''
					AND s.type = '`+event.QuizStart+`' AND s.seq < a.seq
				ORDER BY s.seq DESC LIMIT 1), '') AS aud
			FROM events a WHERE a.kiosk_id = `+k+` AND a.wall_day = `+day+` AND a.type = '`+event.QuizAnswer+`' AND a.item <> ''
		) x WHERE ok IS NOT NULL
		GROUP BY kiosk_id, wall_day, item, aud`,
		// Learning-gain pairs, on the day of the after answer: the first before and the first
		// after of each session and topic, in the sessions with a check that day. A visit
		// lasts minutes, so its checks are looked for on that day and the day before (a
		// visit across midnight).
		`INSERT INTO day_gain (kiosk_id, wall_day, audience, topic, pairs, before_right, after_right)
		SELECT b.kiosk_id, a.wall_day, b.aud, b.topic, COUNT(*), SUM(b.ok), SUM(a.ok) FROM (
			SELECT kiosk_id, session_id, wall_day, `+d.text(event.KeyPhase)+` AS phase, COALESCE(`+d.text(event.KeyTopic)+`, '') AS topic,
				COALESCE(`+d.text(event.KeyAudience)+`, '') AS aud, `+ok+` AS ok,
				ROW_NUMBER() OVER (PARTITION BY session_id, `+d.text(event.KeyPhase)+`, COALESCE(`+d.text(event.KeyTopic)+`, '') ORDER BY seq) AS n
			FROM events WHERE kiosk_id = `+k+` AND wall_day >= `+d.ph(3)+` AND wall_day <= `+day+` AND type = '`+event.GainCheck+`' AND session_id IN (
				SELECT session_id FROM events WHERE `+this+` AND type = '`+event.GainCheck+`' AND session_id <> '')
		) b JOIN (
			SELECT kiosk_id, session_id, wall_day, `+d.text(event.KeyPhase)+` AS phase, COALESCE(`+d.text(event.KeyTopic)+`, '') AS topic, `+ok+` AS ok,
				ROW_NUMBER() OVER (PARTITION BY session_id, `+d.text(event.KeyPhase)+`, COALESCE(`+d.text(event.KeyTopic)+`, '') ORDER BY seq) AS n
			FROM events WHERE kiosk_id = `+k+` AND wall_day >= `+d.ph(3)+` AND wall_day <= `+day+` AND type = '`+event.GainCheck+`' AND session_id IN (
				SELECT session_id FROM events WHERE `+this+` AND type = '`+event.GainCheck+`' AND session_id <> '')
		) a ON a.session_id = b.session_id AND a.topic = b.topic
		WHERE b.phase = '`+event.GainBefore+`' AND a.phase = '`+event.GainAfter+`' AND b.n = 1 AND a.n = 1
			AND b.ok IS NOT NULL AND a.ok IS NOT NULL AND a.wall_day = `+day+`
		GROUP BY b.kiosk_id, a.wall_day, b.aud, b.topic`,
	)
}

// dayBefore is the YYYY-MM-DD before day (day itself if it is not a date).
func dayBefore(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, -1).Format(time.DateOnly)
}

// refreshBatch is the number of kiosk-days recomputed per transaction.
const refreshBatch = 64

// refresh brings day_kiosk up to date with the kiosk-days marked when refresh began and
// returns how many it recomputed.
func refresh(ctx context.Context, s txStore, d dialect) (int, error) {
	type mark struct {
		kiosk, day string
		gen        int64
	}
	var marks []mark
	err := s.query(ctx, "rollup: marked days", `SELECT kiosk_id, wall_day, gen FROM rollup_dirty ORDER BY kiosk_id, wall_day`, nil,
		func(scan func(...any) error) error {
			var m mark
			if err := scan(&m.kiosk, &m.day, &m.gen); err != nil {
				return err
			}
			marks = append(marks, m)
			return nil
		})
	if err != nil || len(marks) == 0 {
		return 0, err
	}
	stmts := rollupSQL(d)
	clear := `DELETE FROM rollup_dirty WHERE kiosk_id = ` + d.ph(1) + ` AND wall_day = ` + d.ph(2) + ` AND gen = ` + d.ph(3)
	for _, c := range chunks(len(marks), refreshBatch) {
		err := s.inTx(ctx, func(exec execFunc) error {
			for _, m := range marks[c[0]:c[1]] {
				for _, st := range stmts {
					args := []any{m.kiosk, m.day}
					if st.prev {
						args = append(args, dayBefore(m.day))
					}
					if _, err := exec(ctx, st.q, args...); err != nil {
						return err
					}
				}
				if _, err := exec(ctx, clear, m.kiosk, m.day, m.gen); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return c[0], fmt.Errorf("rollup: recompute %d kiosk-days: %w", c[1]-c[0], err)
		}
	}
	return len(marks), nil
}
