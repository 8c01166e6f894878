package hub

import (
	"context"
	"fmt"
	"slices"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// The daily rollup: day_kiosk holds one row of totals per kiosk and day, so that the
// dashboard's overview reads thousands of rows instead of millions of events. Insert marks
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

// rollupSQL recomputes the day_kiosk row of one kiosk-day from its events.
func rollupSQL(d dialect) string {
	ok := d.boolean(event.KeyCorrect)
	ms := d.num(event.KeyDwellMS)
	answer := "type = '" + event.QuizAnswer + "' AND item <> ''"
	leave := "type = '" + event.ZoneLeave + "' AND zone <> ''"
	return `INSERT INTO day_kiosk (kiosk_id, wall_day, events, visits, sessions, answers, right_answers, leaves, dwell_ms)
		SELECT kiosk_id, wall_day, COUNT(*),
			SUM(CASE WHEN type = '` + event.SessionStart + `' THEN 1 ELSE 0 END),
			COUNT(DISTINCT CASE WHEN session_id <> '' THEN session_id END),
			COUNT(CASE WHEN ` + answer + ` THEN ` + ok + ` END),
			COALESCE(SUM(CASE WHEN ` + answer + ` THEN ` + ok + ` END), 0),
			SUM(CASE WHEN ` + leave + ` THEN 1 ELSE 0 END),
			` + d.round(`COALESCE(SUM(CASE WHEN `+leave+` THEN `+ms+` END), 0)`) + `
		FROM events WHERE kiosk_id = ` + d.ph(1) + ` AND wall_day = ` + d.ph(2) + `
		GROUP BY kiosk_id, wall_day`
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
	del := `DELETE FROM day_kiosk WHERE kiosk_id = ` + d.ph(1) + ` AND wall_day = ` + d.ph(2)
	ins := rollupSQL(d)
	clear := `DELETE FROM rollup_dirty WHERE kiosk_id = ` + d.ph(1) + ` AND wall_day = ` + d.ph(2) + ` AND gen = ` + d.ph(3)
	for _, c := range chunks(len(marks), refreshBatch) {
		err := s.inTx(ctx, func(exec execFunc) error {
			for _, m := range marks[c[0]:c[1]] {
				if _, err := exec(ctx, del, m.kiosk, m.day); err != nil {
					return err
				}
				if _, err := exec(ctx, ins, m.kiosk, m.day); err != nil {
					return err
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
