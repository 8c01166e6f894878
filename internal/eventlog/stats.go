package eventlog

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// Summary is what the staff panel's overview shows about the visits in a time range: the
// aggregates are computed here, from the stored events, so the screen only draws them.
type Summary struct {
	From, To time.Time
	Visits   int           // visits started in the range
	Ended    int           // visits that ended in the range (their length is known)
	AvgVisit time.Duration // mean length of the ended visits
	PerHour  [24]int       // visits started per hour of the day (in the Stats location)
	PerDay   []DayCount    // visits started per calendar day of the range, oldest first
	Dwell    []ZoneDwell   // time spent per zone, most first
	Funnel   Funnel
	Bands    []BandQuiz     // solo quiz rounds per age band, in quiz order (primary, secondary, adult)
	Missed   []Missed       // the most-missed questions, most wrong first (at most MissedTop)
	Contests []Contest      // team contests finished, newest first
	Gain     []GainRow      // learning-gain check per age band and topic
	Skipped  int            // start-of-visit checks the visitor skipped
	Audience map[string]int // visits per age band seen in a quiz or a gain check (for the office)
	Scenes   SceneSummary
}

// SceneSummary is 情景体验: the stories started (a hotspot tapped) and the endings reached,
// per age band and kind of ending (refuse, tell, deflect, accept).
type SceneSummary struct {
	Started int
	Endings []SceneEndings // per age band, youngest first
}

// SceneEndings counts the endings one age band reached, by kind.
type SceneEndings struct {
	Audience string
	Total    int
	Kinds    map[string]int
}

// DayCount is the visits started on one day.
type DayCount struct {
	Day    time.Time // midnight in the Stats location
	Visits int
}

// ZoneDwell is the time visitors spent in one zone.
type ZoneDwell struct {
	Zone   string
	Total  time.Duration
	Visits int // zone visits (one per zone_leave)
}

// Funnel counts the visits that got as far as each step.
type Funnel struct {
	Visits    int // started
	Explored  int // entered at least one zone
	Quiz      int // started a quiz round
	Finished  int // finished a quiz round
	GainAfter int // answered the learning-gain question a second time
}

// BandQuiz is the solo rounds finished by one age band.
type BandQuiz struct {
	Audience  string
	Rounds    int
	Correct   int // right answers over all its rounds
	Questions int // questions over all its rounds
}

// Missed is a question and how often it was answered wrongly (or let time out).
type Missed struct {
	Question string
	Wrong    int
	Answered int
}

// Contest is one finished team contest.
type Contest struct {
	At       time.Time
	Group    string // the label the teacher typed
	Audience string
	Mode     string // the contest mode without the "team-" prefix
	Scores   map[string]int
}

// GainRow is the learning-gain check for one age band and one topic: how many answered the
// start-of-visit question, how many rightly, and the same for the second asking.
type GainRow struct {
	Audience            string // "" when the visit never said its age band
	Topic               string
	Before, BeforeRight int
	After, AfterRight   int
	Pairs               int // visits that answered both times
}

// MissedTop is how many questions Summary.Missed keeps.
const MissedTop = 8

// statsTypes are the event types the summary reads.
var statsTypes = []string{event.SessionStart, event.SessionEnd, event.ZoneEnter, event.ZoneLeave,
	event.QuizStart, event.QuizAnswer, event.QuizFinish, event.GainCheck, event.SceneStart, event.SceneEnd}

// Stats summarises the events with from <= wall time < to. Hours and days are counted in
// loc (the kiosk's local time). It reads the events of the range once; a busy kiosk's week
// is some tens of thousands of rows.
func (l *Log) Stats(from, to time.Time, loc *time.Location) (Summary, error) {
	db, err := l.reader()
	if err != nil {
		return Summary{}, fmt.Errorf("eventlog: stats: %w", err)
	}
	s, err := summarise(context.Background(), db, from, to, loc)
	if err != nil {
		return Summary{}, fmt.Errorf("eventlog: stats %s..%s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), err)
	}
	return s, nil
}

// statRow is one event as the summary reads it.
type statRow struct {
	session, typ, zone, item string
	at                       time.Time
	data                     map[string]any
}

func summarise(ctx context.Context, db dbQuerier, from, to time.Time, loc *time.Location) (Summary, error) {
	if loc == nil {
		loc = time.Local
	}
	s := Summary{From: from, To: to, Audience: map[string]int{}}
	for d := midnight(from.In(loc)); d.Before(to); d = d.AddDate(0, 0, 1) {
		s.PerDay = append(s.PerDay, DayCount{Day: d})
	}
	q := `SELECT session_id, wall_time, type, zone, item, payload FROM events
		WHERE wall_time >= ? AND wall_time < ? AND type IN (?` + strings.Repeat(", ?", len(statsTypes)-1) + `)
		ORDER BY seq`
	args := []any{formatTime(from), formatTime(to)}
	for _, t := range statsTypes {
		args = append(args, t)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	a := newAggregator(&s, loc)
	for rows.Next() {
		var r statRow
		var wall string
		var payload sql.NullString
		if err := rows.Scan(&r.session, &wall, &r.typ, &r.zone, &r.item, &payload); err != nil {
			return s, err
		}
		if r.at, err = time.Parse(time.RFC3339Nano, wall); err != nil {
			return s, fmt.Errorf("wall_time %q: %w", wall, err)
		}
		if payload.Valid {
			_ = json.Unmarshal([]byte(payload.String), &r.data) // a bad payload counts as empty
		}
		a.add(r)
	}
	if err := rows.Err(); err != nil {
		return s, err
	}
	a.finish()
	return s, nil
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// visitSteps is how far one visit got, for the funnel and the gain pairs.
type visitSteps struct {
	started, explored, quiz, finished bool
	band                              string
	before, after                     *gainAnswer
}

type gainAnswer struct {
	topic, audience string
	correct         bool
}

type aggregator struct {
	s        *Summary
	loc      *time.Location
	visits   map[string]*visitSteps
	order    []string // sessions in the order first seen
	visitMS  int64
	dwell    map[string]*ZoneDwell
	bands    map[string]*BandQuiz
	missed   map[string]*Missed
	gainRows map[[2]string]*GainRow
	endings  map[string]*SceneEndings
}

func newAggregator(s *Summary, loc *time.Location) *aggregator {
	return &aggregator{s: s, loc: loc, visits: map[string]*visitSteps{}, dwell: map[string]*ZoneDwell{},
		bands: map[string]*BandQuiz{}, missed: map[string]*Missed{}, gainRows: map[[2]string]*GainRow{},
		endings: map[string]*SceneEndings{}}
}

// visit is the steps of a session; events outside a session (staff, contests run by a
// teacher) have none.
func (a *aggregator) visit(session string) *visitSteps {
	if session == "" {
		return &visitSteps{}
	}
	v := a.visits[session]
	if v == nil {
		v = &visitSteps{}
		a.visits[session] = v
		a.order = append(a.order, session)
	}
	return v
}

func (a *aggregator) add(r statRow) {
	s := a.s
	switch r.typ {
	case event.SessionStart:
		s.Visits++
		s.Funnel.Visits++
		local := r.at.In(a.loc)
		s.PerHour[local.Hour()]++
		day := midnight(local)
		for i := range s.PerDay {
			if s.PerDay[i].Day.Equal(day) {
				s.PerDay[i].Visits++
			}
		}
		a.visit(r.session).started = true
	case event.SessionEnd:
		s.Ended++
		a.visitMS += num(r.data[event.KeyDurationMS])
	case event.ZoneEnter:
		a.visit(r.session).explored = true
	case event.ZoneLeave:
		d := a.dwell[r.zone]
		if d == nil {
			d = &ZoneDwell{Zone: r.zone}
			a.dwell[r.zone] = d
		}
		d.Total += time.Duration(num(r.data[event.KeyDwellMS])) * time.Millisecond
		d.Visits++
	case event.QuizStart:
		if str(r.data[event.KeyMode]) == event.ModeSolo {
			v := a.visit(r.session)
			v.quiz = true
			v.band = str(r.data[event.KeyAudience])
		}
	case event.QuizAnswer:
		m := a.missed[r.item]
		if m == nil {
			m = &Missed{Question: r.item}
			a.missed[r.item] = m
		}
		m.Answered++
		if r.data[event.KeyCorrect] != true {
			m.Wrong++
		}
	case event.QuizFinish:
		a.finishRound(r)
	case event.GainCheck:
		a.gain(r)
	case event.SceneStart:
		s.Scenes.Started++
	case event.SceneEnd:
		aud := str(r.data[event.KeyAudience])
		e := a.endings[aud]
		if e == nil {
			e = &SceneEndings{Audience: aud, Kinds: map[string]int{}}
			a.endings[aud] = e
		}
		e.Total++
		e.Kinds[str(r.data[event.KeyKind])]++
	}
}

func (a *aggregator) finishRound(r statRow) {
	mode := str(r.data[event.KeyMode])
	aud := str(r.data[event.KeyAudience])
	if team, ok := strings.CutPrefix(mode, event.TeamModePrefix); ok {
		c := Contest{At: r.at, Group: str(r.data[event.KeyGroup]), Audience: aud, Mode: team, Scores: map[string]int{}}
		if sc, ok := r.data[event.KeyScores].(map[string]any); ok {
			for k, v := range sc {
				c.Scores[k] = int(num(v))
			}
		}
		a.s.Contests = append(a.s.Contests, c)
		return
	}
	v := a.visit(r.session)
	v.finished, v.quiz = true, true
	if v.band == "" {
		v.band = aud
	}
	b := a.bands[aud]
	if b == nil {
		b = &BandQuiz{Audience: aud}
		a.bands[aud] = b
	}
	b.Rounds++
	b.Correct += int(num(r.data[event.KeyScore]))
	b.Questions += int(num(r.data[event.KeyQuestions]))
}

func (a *aggregator) gain(r statRow) {
	phase := str(r.data[event.KeyPhase])
	if phase == event.GainSkip {
		a.s.Skipped++
		return
	}
	ans := &gainAnswer{topic: str(r.data[event.KeyTopic]), audience: str(r.data[event.KeyAudience]), correct: r.data[event.KeyCorrect] == true}
	v := a.visit(r.session)
	switch phase {
	case event.GainBefore:
		if v.before == nil { // the first answer counts
			v.before = ans
		}
	case event.GainAfter:
		if v.after == nil {
			v.after = ans
		}
	}
	if r.session == "" { // no visit to pair it in: count it on its own
		a.gainRow(ans.audience, ans.topic, phase, ans.correct)
	}
}

func (a *aggregator) gainRow(band, topic, phase string, correct bool) *GainRow {
	k := [2]string{band, topic}
	g := a.gainRows[k]
	if g == nil {
		g = &GainRow{Audience: band, Topic: topic}
		a.gainRows[k] = g
	}
	switch phase {
	case event.GainBefore:
		g.Before++
		if correct {
			g.BeforeRight++
		}
	case event.GainAfter:
		g.After++
		if correct {
			g.AfterRight++
		}
	}
	return g
}

// finish turns the maps into the summary's sorted lists.
func (a *aggregator) finish() {
	s := a.s
	if s.Ended > 0 {
		s.AvgVisit = time.Duration(a.visitMS/int64(s.Ended)) * time.Millisecond
	}
	for _, id := range a.order {
		v := a.visits[id]
		// A visit's age band is what it told the quiz or the second gain question; the
		// start-of-visit question is asked before anyone says their age.
		band := v.band
		if band == "" && v.after != nil {
			band = v.after.audience
		}
		if band == "" && v.before != nil {
			band = v.before.audience
		}
		if band != "" {
			s.Audience[band]++
		}
		if v.started { // the funnel follows the visits that began in the range
			s.Funnel.Explored += b2i(v.explored)
			s.Funnel.Quiz += b2i(v.quiz)
			s.Funnel.Finished += b2i(v.finished)
			s.Funnel.GainAfter += b2i(v.after != nil)
		}
		topic := ""
		switch {
		case v.before != nil:
			topic = v.before.topic
			a.gainRow(band, topic, event.GainBefore, v.before.correct)
		case v.after != nil:
			topic = v.after.topic
		}
		if v.after != nil {
			g := a.gainRow(band, topic, event.GainAfter, v.after.correct)
			if v.before != nil {
				g.Pairs++
			}
		}
	}
	for _, d := range a.dwell {
		s.Dwell = append(s.Dwell, *d)
	}
	sort.Slice(s.Dwell, func(i, j int) bool {
		if s.Dwell[i].Total != s.Dwell[j].Total {
			return s.Dwell[i].Total > s.Dwell[j].Total
		}
		return s.Dwell[i].Zone < s.Dwell[j].Zone
	})
	for _, b := range bandOrder(a.bands) {
		s.Bands = append(s.Bands, *a.bands[b])
	}
	for _, b := range bandOrder(a.endings) {
		s.Scenes.Endings = append(s.Scenes.Endings, *a.endings[b])
	}
	for _, m := range a.missed {
		if m.Wrong > 0 {
			s.Missed = append(s.Missed, *m)
		}
	}
	sort.Slice(s.Missed, func(i, j int) bool {
		x, y := s.Missed[i], s.Missed[j]
		if x.Wrong != y.Wrong {
			return x.Wrong > y.Wrong
		}
		if x.Wrong*y.Answered != y.Wrong*x.Answered { // the higher miss rate first
			return x.Wrong*y.Answered > y.Wrong*x.Answered
		}
		return x.Question < y.Question
	})
	if len(s.Missed) > MissedTop {
		s.Missed = s.Missed[:MissedTop]
	}
	sort.SliceStable(s.Contests, func(i, j int) bool { return s.Contests[i].At.After(s.Contests[j].At) })
	for _, g := range a.gainRows {
		s.Gain = append(s.Gain, *g)
	}
	sort.Slice(s.Gain, func(i, j int) bool {
		x, y := s.Gain[i], s.Gain[j]
		if bx, by := bandRank(x.Audience), bandRank(y.Audience); bx != by {
			return bx < by
		}
		return x.Topic < y.Topic
	})
}

// bandRank orders the age bands youngest first, unknown last.
func bandRank(b string) int {
	switch b {
	case "primary":
		return 0
	case "secondary":
		return 1
	case "adult":
		return 2
	case "":
		return 9
	}
	return 3
}

func bandOrder[T any](m map[string]T) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if ri, rj := bandRank(out[i]), bandRank(out[j]); ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func num(v any) int64 {
	switch x := v.(type) {
	case float64:
		return int64(x)
	case int64:
		return x
	case int:
		return int64(x)
	}
	return 0
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// StaffTrail returns the newest staff events (the audit trail: PIN attempts, settings,
// exports, content packs, exit), newest first, at most limit.
func (l *Log) StaffTrail(limit int) ([]Event, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("eventlog: staff trail: limit %d must be positive", limit)
	}
	evs, err := l.query(`SELECT `+eventColumns+` FROM events WHERE substr(type, 1, ?) = ? ORDER BY seq DESC LIMIT ?`,
		len(event.StaffPrefix), event.StaffPrefix, limit)
	if err != nil {
		return nil, fmt.Errorf("eventlog: staff trail: %w", err)
	}
	return evs, nil
}
