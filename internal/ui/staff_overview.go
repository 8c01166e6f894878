package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/ui/chart"
)

// overviewState is the 概览 page between redraws: which period and section staff chose,
// and the summary read for it.
type overviewState struct {
	week    bool   // the last 7 days; false: today
	section string // "visits", "quiz" or "gain"
	sum     *eventlog.Summary
	failed  bool
	loading bool
	loaded  string    // the period (periodKey) sum belongs to
	readAt  time.Time // when its reading started: read again a minute later
}

// Overview sections.
const (
	secVisits = "visits"
	secQuiz   = "quiz"
	secGain   = "gain"
	secScenes = "scenes"
)

// overviewPage is the staff panel's 概览: today or the last 7 days at a glance, in charts.
func (s *Shell) overviewPage() fyne.CanvasObject {
	o := &s.overview
	if o.section == "" {
		o.section = secVisits
	}
	period := container.NewHBox(
		s.chip(s.t("staff.ov.today"), !o.week, func() { o.week = false; s.refreshStaff("") }),
		s.chip(s.t("staff.ov.week"), o.week, func() { o.week = true; s.refreshStaff("") }),
	)
	sections := container.NewHBox()
	secs := []string{secVisits, secQuiz, secGain}
	if s.hasScenes() {
		secs = append(secs, secScenes)
	}
	for _, sec := range secs {
		sec := sec
		sections.Add(s.chip(s.t("staff.ov.sec."+sec), o.section == sec, func() { o.section = sec; s.refreshStaff("") }))
	}
	// One row of chips; two in portrait, where one ran off the screen's edge.
	var chips fyne.CanvasObject = container.NewHBox(period, spacerW(24), sections)
	if vp := s.viewport(); vp.Height > vp.Width {
		chips = container.NewVBox(period, sections)
	}
	var body fyne.CanvasObject
	switch {
	case s.d.Records.Stats == nil:
		body = s.para(s.t("staff.ov.nolog")+s.d.Records.Unavailable, sizeBody, true, colorNameHeading)
	case !s.summaryFresh():
		s.loadSummary()
		body = s.para(s.t("staff.ov.loading"), sizeBody, false, colorNameMuted)
	case o.failed:
		body = s.para(s.t("staff.ov.failed"), sizeBody, true, colorNameHeading)
	default:
		switch o.section {
		case secQuiz:
			body = s.quizSection(o.sum)
		case secGain:
			body = s.gainSection(o.sum)
		case secScenes:
			body = s.scenesSection(o.sum)
		default:
			body = s.visitsSection(o.sum)
		}
	}
	return container.NewBorder(chips, nil, nil, nil, container.New(layout.NewCustomPaddedLayout(16, 0, 0, 0), body))
}

// periodRange is the chosen period: from local midnight today (or six days before) to now.
func (s *Shell) periodRange() (time.Time, time.Time) {
	now := s.d.Clock.Now().Local()
	y, m, d := now.Date()
	from := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	if s.overview.week {
		from = from.AddDate(0, 0, -6)
	}
	return from, from.AddDate(0, 0, map[bool]int{false: 1, true: 7}[s.overview.week])
}

// periodKey names the period (today or the last 7 days, and the day).
func (s *Shell) periodKey() string {
	return fmt.Sprintf("%v %s", s.overview.week, s.d.Clock.Now().Format("2006-01-02"))
}

// summaryFresh reports whether the summary on hand is of the chosen period and was read
// less than a minute ago (staff coming back to the page later get it read again; staff
// opening the panel get the one read while they typed the PIN).
func (s *Shell) summaryFresh() bool {
	o := &s.overview
	return o.loaded == s.periodKey() && s.d.Clock.Now().Sub(o.readAt) < time.Minute
}

// loadSummary reads the summary off the UI thread (a week of events) and redraws.
func (s *Shell) loadSummary() {
	o := &s.overview
	if o.loading {
		return
	}
	o.loading = true
	key, at := s.periodKey(), s.d.Clock.Now()
	from, to := s.periodRange()
	stats := s.d.Records.Stats
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		sum, err := stats(from, to)
		s.do(func() {
			o.loading, o.loaded, o.readAt, o.failed = false, key, at, err != nil
			o.sum = &sum
			if err != nil {
				s.d.Log.Error("staff overview: reading the visitor log", "err", err)
			}
			s.redrawStaffPage(pageOverview)
		})
	}()
}

// kpiGrid puts the big numbers in a row of four; two rows of two in portrait, where
// 5分00秒 was cut in a quarter of the page.
func (s *Shell) kpiGrid(kpis ...fyne.CanvasObject) *fyne.Container {
	if vp := s.viewport(); vp.Height > vp.Width {
		return container.NewGridWithColumns(2, kpis...)
	}
	return container.NewGridWithColumns(4, kpis...)
}

// kpi is one big number with its label.
func (s *Shell) kpi(value, label string) fyne.CanvasObject {
	v := s.label(value, sizeHeading, true, colorText)
	l := s.label(label, sizeSmall, false, colorMuted)
	return card(colorSurface, 20, 14, container.NewVBox(v, l))
}

// chartCard is a titled chart, sized for the screen.
func (s *Shell) chartCard(title string, kind chart.Kind, pts []chart.Point, c color.Color) fyne.CanvasObject {
	ch := chart.New(kind, pts, c)
	ch.TextSize = s.size(sizeSmall)
	ch.Text, ch.Muted = colorText, colorMuted
	ch.MinHeight = 240
	if s.shortScreen() {
		ch.MinHeight = 200
		ch.TextSize = s.size(sizeCaption) * 0.85
	}
	ch.Empty = s.t("staff.ov.empty")
	return s.staffCard(title, ch)
}

func (s *Shell) visitsSection(sum *eventlog.Summary) fyne.CanvasObject {
	peak := "—"
	best := 0
	for h, n := range sum.PerHour {
		if n > best {
			best, peak = n, s.t("staff.ov.hour", h)
		}
	}
	kpis := s.kpiGrid(
		s.kpi(fmt.Sprint(sum.Visits), s.t("staff.ov.visits")),
		s.kpi(minutes(sum.AvgVisit), s.t("staff.ov.avg")),
		s.kpi(peak, s.t("staff.ov.peak")),
		s.kpi(fmt.Sprint(sum.Funnel.Finished), s.t("staff.ov.finished")),
	)
	var trend []chart.Point
	trendTitle := s.t("staff.ov.perhour")
	if s.overview.week {
		trendTitle = s.t("staff.ov.perday")
		for _, d := range sum.PerDay {
			trend = append(trend, chart.Point{Label: d.Day.Format("1/2"), Value: float64(d.Visits), Text: fmt.Sprint(d.Visits)})
		}
	} else {
		lo, hi := 8, 18 // opening hours, widened to any visit outside them
		for h, n := range sum.PerHour {
			if n > 0 {
				lo, hi = min(lo, h), max(hi, h)
			}
		}
		for h := lo; h <= hi; h++ {
			trend = append(trend, chart.Point{Label: s.t("staff.ov.hour", h), Value: float64(sum.PerHour[h]), Text: fmt.Sprint(sum.PerHour[h])})
		}
	}
	var dwell []chart.Point
	for i, z := range sum.Dwell {
		if i == 6 {
			break
		}
		dwell = append(dwell, chart.Point{Label: s.zoneName(z.Zone), Value: z.Total.Minutes(), Text: minutes(z.Total)})
	}
	f := sum.Funnel
	funnel := []chart.Point{
		s.funnelStep("staff.ov.f.visits", f.Visits, f.Visits),
		s.funnelStep("staff.ov.f.explored", f.Explored, f.Visits),
		s.funnelStep("staff.ov.f.quiz", f.Quiz, f.Visits),
		s.funnelStep("staff.ov.f.finished", f.Finished, f.Visits),
		s.funnelStep("staff.ov.f.gain", f.GainAfter, f.Visits),
	}
	charts := container.NewGridWithColumns(3,
		s.chartCard(trendTitle, chart.Line, trend, colorHeading),
		s.chartCard(s.t("staff.ov.dwell"), chart.Bars, dwell, colorAccentLight),
		s.chartCard(s.t("staff.ov.funnel"), chart.Funnel, funnel, colorAccentLight),
	)
	return container.NewBorder(kpis, nil, nil, nil, container.New(layout.NewCustomPaddedLayout(16, 0, 0, 0), charts))
}

func (s *Shell) funnelStep(key string, n, of int) chart.Point {
	text := fmt.Sprint(n)
	if of > 0 && key != "staff.ov.f.visits" {
		text = fmt.Sprintf("%d · %d%%", n, n*100/of)
	}
	return chart.Point{Label: s.t(key), Value: float64(n), Text: text}
}

func (s *Shell) quizSection(sum *eventlog.Summary) fyne.CanvasObject {
	rounds, right, asked := 0, 0, 0
	var bands []chart.Point
	for _, b := range sum.Bands {
		rounds += b.Rounds
		right += b.Correct
		asked += b.Questions
		bands = append(bands, chart.Point{Label: s.bandName(b.Audience), Value: pct(b.Correct, b.Questions),
			Text: s.t("staff.ov.rate.rounds", int(pct(b.Correct, b.Questions)), b.Rounds)})
	}
	kpis := container.NewGridWithColumns(3,
		s.kpi(fmt.Sprint(rounds), s.t("staff.ov.rounds")),
		s.kpi(percent(right, asked), s.t("staff.ov.accuracy")),
		s.kpi(fmt.Sprint(len(sum.Contests)), s.t("staff.ov.contests")),
	)
	var missed []chart.Point
	for i, m := range sum.Missed {
		if i == 5 {
			break
		}
		missed = append(missed, chart.Point{Label: s.questionName(m.Question), Value: float64(m.Wrong),
			Text: s.t("staff.ov.missed.n", m.Wrong, m.Answered)})
	}
	contests := container.NewVBox()
	for i, c := range sum.Contests {
		if i == 4 {
			contests.Add(s.para(s.t("staff.ov.more", len(sum.Contests)-4), sizeSmall, false, colorNameMuted))
			break
		}
		contests.Add(s.para(c.At.Local().Format("1/2 15:04")+"  "+c.Group, sizeSmall, true, ""))
		contests.Add(s.para(scoreLine(c.Scores), sizeSmall, false, colorNameMuted))
	}
	if len(sum.Contests) == 0 {
		contests.Add(s.para(s.t("staff.ov.empty"), sizeSmall, false, colorNameMuted))
	}
	charts := container.NewGridWithColumns(3,
		s.chartCard(s.t("staff.ov.bands"), chart.Bars, bands, colorHeading),
		s.chartCard(s.t("staff.ov.missed"), chart.Bars, missed, colorBadLight),
		s.staffCard(s.t("staff.ov.contest.list"), contests),
	)
	return container.NewBorder(kpis, nil, nil, nil, container.New(layout.NewCustomPaddedLayout(16, 0, 0, 0), charts))
}

func (s *Shell) gainSection(sum *eventlog.Summary) fyne.CanvasObject {
	type tally struct{ b, br, a, ar int }
	byBand := map[string]*tally{}
	var order []string
	all := tally{}
	for _, g := range sum.Gain {
		t := byBand[g.Audience]
		if t == nil {
			t = &tally{}
			byBand[g.Audience] = t
			order = append(order, g.Audience)
		}
		t.b, t.br, t.a, t.ar = t.b+g.Before, t.br+g.BeforeRight, t.a+g.After, t.ar+g.AfterRight
		all.b, all.br, all.a, all.ar = all.b+g.Before, all.br+g.BeforeRight, all.a+g.After, all.ar+g.AfterRight
	}
	kpis := s.kpiGrid(
		s.kpi(fmt.Sprint(all.b), s.t("staff.ov.gain.asked")),
		s.kpi(fmt.Sprint(sum.Skipped), s.t("staff.ov.gain.skipped")),
		s.kpi(percent(all.br, all.b), s.t("staff.ov.gain.before")),
		s.kpi(percent(all.ar, all.a), s.t("staff.ov.gain.after")),
	)
	var bars []chart.Point
	for _, b := range order {
		t := byBand[b]
		bars = append(bars,
			chart.Point{Label: s.bandName(b) + " " + s.t("staff.ov.before"), Value: pct(t.br, t.b), Text: percent(t.br, t.b), Color: colorMuted},
			chart.Point{Label: s.bandName(b) + " " + s.t("staff.ov.after"), Value: pct(t.ar, t.a), Text: percent(t.ar, t.a), Color: colorGoodLight})
	}
	topics := container.NewVBox()
	for i, g := range sum.Gain {
		if i == 6 {
			topics.Add(s.para(s.t("staff.ov.more", len(sum.Gain)-6), sizeSmall, false, colorNameMuted))
			break
		}
		topics.Add(s.para(s.t("staff.ov.gain.row", s.topicName(g.Topic), s.bandName(g.Audience),
			g.BeforeRight, g.Before, g.AfterRight, g.After), sizeSmall, false, ""))
	}
	if len(sum.Gain) == 0 {
		topics.Add(s.para(s.t("staff.ov.empty"), sizeSmall, false, colorNameMuted))
	}
	charts := container.NewGridWithColumns(2,
		s.chartCard(s.t("staff.ov.gain.bands"), chart.Bars, bars, colorGoodLight),
		s.staffCard(s.t("staff.ov.gain.topics"), topics),
	)
	note := s.para(s.t("staff.ov.gain.note"), sizeSmall, false, colorNameMuted)
	return container.NewBorder(kpis, note, nil, nil, container.New(layout.NewCustomPaddedLayout(16, 8, 0, 0), charts))
}

// hasScenes reports whether the content has a 情景体验 zone.
func (s *Shell) hasScenes() bool {
	for _, z := range s.cat().Zones {
		if z.Kind == content.KindScenes {
			return true
		}
	}
	return false
}

// scenesSection is 情景体验: stories started and endings reached, and per age band how
// many endings were a refusal or asking for help (refuse, tell, deflect) rather than
// accepting. The office dashboard has the responses per scene and step.
func (s *Shell) scenesSection(sum *eventlog.Summary) fyne.CanvasObject {
	sc := sum.Scenes
	ended, declined := 0, 0
	var bars []chart.Point
	rows := container.NewVBox()
	for _, b := range sc.Endings {
		no := b.Total - b.Kinds[content.EndAccept]
		ended, declined = ended+b.Total, declined+no
		bars = append(bars, chart.Point{Label: s.bandName(b.Audience), Value: pct(no, b.Total),
			Text: s.t("staff.ov.sc.rate", percent(no, b.Total), b.Total)})
		line := s.bandName(b.Audience) + "："
		for i, k := range content.EndingKinds {
			if i > 0 {
				line += " · "
			}
			line += fmt.Sprintf("%s %d", s.t("staff.ov.sc.kind."+k), b.Kinds[k])
		}
		rows.Add(s.para(line, sizeSmall, false, ""))
	}
	if len(sc.Endings) == 0 {
		rows.Add(s.para(s.t("staff.ov.empty"), sizeSmall, false, colorNameMuted))
	}
	kpis := container.NewGridWithColumns(3,
		s.kpi(fmt.Sprint(sc.Started), s.t("staff.ov.sc.started")),
		s.kpi(fmt.Sprint(ended), s.t("staff.ov.sc.ended")),
		s.kpi(percent(declined, ended), s.t("staff.ov.sc.declined")),
	)
	charts := container.NewGridWithColumns(2,
		s.chartCard(s.t("staff.ov.sc.bands"), chart.Bars, bars, colorGoodLight),
		s.staffCard(s.t("staff.ov.sc.kinds"), rows),
	)
	note := s.para(s.t("staff.ov.sc.note"), sizeSmall, false, colorNameMuted)
	return container.NewBorder(kpis, note, nil, nil, container.New(layout.NewCustomPaddedLayout(16, 8, 0, 0), charts))
}

// zoneName is a zone's Chinese title, or its id when the content no longer has it.
func (s *Shell) zoneName(id string) string {
	for _, z := range s.cat().Zones {
		if z.ID == id {
			return z.Title.Zh
		}
	}
	return id
}

// questionName is the start of a question's prompt, or its id when the bank lacks it.
func (s *Shell) questionName(id string) string {
	if b := s.pack().Bank; b != nil {
		for _, q := range b.Questions {
			if q.ID == id {
				return clip(q.Prompt.Zh, 10)
			}
		}
	}
	return id
}

func (s *Shell) bandName(b string) string {
	if b == "" {
		return s.t("staff.ov.band.unknown")
	}
	return s.t("quiz.age." + b)
}

func (s *Shell) topicName(t string) string {
	if name := s.t("staff.topic." + t); name != "staff.topic."+t {
		return name
	}
	return t
}

// clip shortens text to n characters with an ellipsis.
func clip(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n]) + "…"
}

func scoreLine(scores map[string]int) string {
	names := make([]string, 0, len(scores))
	for k := range scores {
		names = append(names, k)
	}
	// The winner first, then by name.
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			a, b := names[i], names[j]
			if scores[b] > scores[a] || (scores[b] == scores[a] && b < a) {
				names[i], names[j] = b, a
			}
		}
	}
	line := ""
	for i, n := range names {
		if i > 0 {
			line += "  "
		}
		line += fmt.Sprintf("%s %d", n, scores[n])
	}
	return line
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) * 100 / float64(of)
}

func percent(n, of int) string {
	if of == 0 {
		return "—"
	}
	return fmt.Sprintf("%d%%", n*100/of)
}

// minutes says a duration as minutes (and seconds under ten minutes).
func minutes(d time.Duration) string {
	if d <= 0 {
		return "—"
	}
	if d < 10*time.Minute {
		return fmt.Sprintf("%d分%02d秒", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%d 分钟", int(d.Minutes()))
}

// Chart colours: lighter shades of the theme's, readable on the panel's dark cards.
var (
	colorAccentLight = hex("#3CC6B8")
	colorBadLight    = hex("#F08A7A")
	colorGoodLight   = hex("#6FD89A")
)
