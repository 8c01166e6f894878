package hub

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// Filter narrows a statistics query. Days are YYYY-MM-DD of the event's wall_time in the
// kiosk's own UTC offset, inclusive at both ends; an empty field does not filter.
type Filter struct {
	From    string `json:"from,omitempty"`
	To      string `json:"to,omitempty"`
	KioskID string `json:"kiosk_id,omitempty"`
}

// ParseFilter reads from, to and kiosk from URL query values.
func ParseFilter(q url.Values) (Filter, error) {
	f := Filter{From: q.Get("from"), To: q.Get("to"), KioskID: q.Get("kiosk")}
	return f, f.Check()
}

// Check rejects malformed days and a from after to.
func (f Filter) Check() error {
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return fmt.Errorf("%s: want YYYY-MM-DD, got %q", d.name, d.v)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return fmt.Errorf("from %s is after to %s", f.From, f.To)
	}
	return nil
}

// VisitDay counts one kiosk's visits on one day: Visits is the number of session_start
// events, Sessions the number of distinct visitor sessions with any event that day.
type VisitDay struct {
	Day      string `json:"day"`
	KioskID  string `json:"kiosk_id"`
	Visits   int64  `json:"visits"`
	Sessions int64  `json:"sessions"`
}

// ZoneDwell sums the time visitors spent in one zone: Leaves counts zone_leave events,
// TotalMS and AvgMS are over their payload's numeric dwell_ms.
type ZoneDwell struct {
	Zone    string  `json:"zone"`
	Leaves  int64   `json:"leaves"`
	TotalMS int64   `json:"total_ms"`
	AvgMS   float64 `json:"avg_ms"`
}

// QuestionStat is the accuracy of one quiz question (the quiz_answer event's item) over
// answers whose payload says correct true or false.
type QuestionStat struct {
	Question string  `json:"question"`
	Answered int64   `json:"answered"`
	Right    int64   `json:"right"`
	Accuracy float64 `json:"accuracy"` // Right/Answered, 0..1
}

func (q QuestionStat) withAccuracy() QuestionStat {
	if q.Answered > 0 {
		q.Accuracy = float64(q.Right) / float64(q.Answered)
	}
	return q
}

// GroupResult is one finished team contest (a quiz_finish event whose payload mode starts
// with "team-").
type GroupResult struct {
	EventID   string             `json:"event_id"`
	KioskID   string             `json:"kiosk_id"`
	Day       string             `json:"day"`
	WallTime  time.Time          `json:"wall_time"`
	Mode      string             `json:"mode"`
	Group     string             `json:"group"`
	Audience  string             `json:"audience,omitempty"`
	Questions int                `json:"questions"`
	Scores    map[string]float64 `json:"scores"` // team name → score
}

// withPayload fills the fields the quiz_finish payload carries; fields of the wrong type
// stay empty.
func (g GroupResult) withPayload(payload []byte) GroupResult {
	var p map[string]json.RawMessage
	_ = json.Unmarshal(payload, &p)
	_ = json.Unmarshal(p[event.KeyMode], &g.Mode)
	_ = json.Unmarshal(p[event.KeyGroup], &g.Group)
	_ = json.Unmarshal(p[event.KeyAudience], &g.Audience)
	_ = json.Unmarshal(p[event.KeyQuestions], &g.Questions)
	var scores map[string]json.RawMessage
	_ = json.Unmarshal(p[event.KeyScores], &scores)
	g.Scores = map[string]float64{}
	for team, raw := range scores {
		var v float64
		if json.Unmarshal(raw, &v) == nil {
			g.Scores[team] = v
		}
	}
	return g
}

// dialect is what differs between the backends' SQL for the stats queries: placeholders
// and reading a member of the JSON payload. Member names are constants of this file, never
// input.
type dialect struct {
	postgres bool
}

var (
	sqliteDialect   = dialect{}
	postgresDialect = dialect{postgres: true}
)

// ph is the n-th (from 1) query placeholder; numbered on both backends, so a statement may
// use one argument twice.
func (d dialect) ph(n int) string {
	if d.postgres {
		return "$" + strconv.Itoa(n)
	}
	return "?" + strconv.Itoa(n)
}

// num is the payload member as a number, NULL when absent or not a number.
func (d dialect) num(key string) string {
	if d.postgres {
		return fmt.Sprintf(`(CASE WHEN json_typeof(payload->'%[1]s') = 'number' THEN (payload->>'%[1]s')::numeric END)`, key)
	}
	return fmt.Sprintf(`(CASE WHEN json_type(payload, '$.%[1]s') IN ('integer', 'real') THEN json_extract(payload, '$.%[1]s') END)`, key)
}

// boolean is the payload member as 1 (true) or 0 (false), NULL otherwise.
func (d dialect) boolean(key string) string {
	if d.postgres {
		return fmt.Sprintf(`(CASE WHEN json_typeof(payload->'%[1]s') = 'boolean' THEN CASE WHEN payload->>'%[1]s' = 'true' THEN 1 ELSE 0 END END)`, key)
	}
	return fmt.Sprintf(`(CASE json_type(payload, '$.%[1]s') WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`, key)
}

// text is the payload member as text, NULL when absent or not a string.
func (d dialect) text(key string) string {
	if d.postgres {
		return fmt.Sprintf(`(CASE WHEN json_typeof(payload->'%[1]s') = 'string' THEN payload->>'%[1]s' END)`, key)
	}
	return fmt.Sprintf(`(CASE WHEN json_type(payload, '$.%[1]s') = 'text' THEN json_extract(payload, '$.%[1]s') END)`, key)
}

// round is x rounded to a whole number of the backend's integer type.
func (d dialect) round(x string) string {
	if d.postgres {
		return "ROUND(" + x + ")::bigint"
	}
	return "CAST(ROUND(" + x + ") AS INTEGER)"
}

// sum is SUM(x) as the backend's 64-bit integer (PostgreSQL sums bigint as numeric).
func (d dialect) sum(x string) string {
	if d.postgres {
		return "COALESCE(SUM(" + x + "), 0)::bigint"
	}
	return "COALESCE(SUM(" + x + "), 0)"
}

func (d dialect) float(x string) string {
	if d.postgres {
		return "(" + x + ")::float8"
	}
	return "CAST(" + x + " AS REAL)"
}

// where is the WHERE clause (without the keyword) for f and extra conditions, and its
// arguments.
func (d dialect) where(f Filter, conds ...string) (string, []any) {
	var args []any
	if f.From != "" {
		args = append(args, f.From)
		conds = append(conds, "wall_day >= "+d.ph(len(args)))
	}
	if f.To != "" {
		args = append(args, f.To)
		conds = append(conds, "wall_day <= "+d.ph(len(args)))
	}
	if f.KioskID != "" {
		args = append(args, f.KioskID)
		conds = append(conds, "kiosk_id = "+d.ph(len(args)))
	}
	if len(conds) == 0 {
		return "TRUE", nil
	}
	return strings.Join(conds, " AND "), args
}

// The statistics read the rollup tables (rollup.go), which hold the same definitions per
// kiosk and day; each query first brings them up to date.

// visitsQuery selects day, kiosk_id, visits, sessions.
func visitsQuery(d dialect, f Filter) (string, []any) {
	w, args := d.where(f, "(visits > 0 OR sessions > 0)")
	return `SELECT wall_day, kiosk_id, visits, sessions FROM day_kiosk WHERE ` + w + ` ORDER BY wall_day, kiosk_id`, args
}

// dwellQuery selects zone, leaves, total_ms, avg_ms.
func dwellQuery(d dialect, f Filter) (string, []any) {
	w, args := d.where(f)
	return `SELECT zone, ` + d.sum("leaves") + `, ` + d.round("COALESCE(SUM(sum_ms), 0)") + `,
			` + d.float("CASE WHEN SUM(timed) > 0 THEN SUM(sum_ms) / SUM(timed) ELSE 0 END") + `
		FROM day_zone WHERE ` + w + `
		GROUP BY zone ORDER BY zone`, args
}

// questionsQuery selects question, answered, right.
func questionsQuery(d dialect, f Filter) (string, []any) {
	w, args := d.where(f)
	return `SELECT item, ` + d.sum("answered") + `, ` + d.sum("right_answers") + `
		FROM day_question WHERE ` + w + `
		GROUP BY item HAVING SUM(answered) > 0 ORDER BY item`, args
}

// groupsQuery selects event id, kiosk_id, day, wall_time, payload of team contests.
func groupsQuery(d dialect, f Filter) (string, []any) {
	w, args := d.where(f, "type = '"+event.QuizFinish+"'",
		fmt.Sprintf("substr(%s, 1, %d) = '%s'", d.text(event.KeyMode), len(event.TeamModePrefix), event.TeamModePrefix))
	return `SELECT id, kiosk_id, wall_day, wall_time, payload
		FROM events WHERE ` + w + `
		ORDER BY wall_day, id`, args
}

// rowQuerier runs one query and hands each row to scan; both backends provide it, so the
// stats that scan the same columns are written once.
type rowQuerier interface {
	query(ctx context.Context, what, q string, args []any, scan func(func(...any) error) error) error
}

func visits(ctx context.Context, r dbStore, f Filter) ([]VisitDay, error) {
	if _, err := refresh(ctx, r, r.dialect()); err != nil {
		return nil, err
	}
	q, args := visitsQuery(r.dialect(), f)
	out := []VisitDay{}
	err := r.query(ctx, "visits", q, args, func(scan func(...any) error) error {
		var v VisitDay
		if err := scan(&v.Day, &v.KioskID, &v.Visits, &v.Sessions); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

func dwell(ctx context.Context, r dbStore, f Filter) ([]ZoneDwell, error) {
	if _, err := refresh(ctx, r, r.dialect()); err != nil {
		return nil, err
	}
	q, args := dwellQuery(r.dialect(), f)
	out := []ZoneDwell{}
	err := r.query(ctx, "dwell", q, args, func(scan func(...any) error) error {
		var d ZoneDwell
		if err := scan(&d.Zone, &d.Leaves, &d.TotalMS, &d.AvgMS); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

func questions(ctx context.Context, r dbStore, f Filter) ([]QuestionStat, error) {
	if _, err := refresh(ctx, r, r.dialect()); err != nil {
		return nil, err
	}
	q, args := questionsQuery(r.dialect(), f)
	out := []QuestionStat{}
	err := r.query(ctx, "questions", q, args, func(scan func(...any) error) error {
		var qs QuestionStat
		if err := scan(&qs.Question, &qs.Answered, &qs.Right); err != nil {
			return err
		}
		out = append(out, qs.withAccuracy())
		return nil
	})
	return out, err
}
