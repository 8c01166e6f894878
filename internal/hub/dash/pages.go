package dash

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jindu-edu/kiosk/internal/hub"
)

// page is one entry of the dashboard's navigation. A new page (for example the approved
// wall messages, once the hub stores them) is one more entry in Pages with a build
// function over its own store query; the layout, filter, login and Excel export come
// with it.
type page struct {
	Path  string // under /dash/
	Title string
	build func(ctx context.Context, d *Dashboard, f hub.Filter) (view, error)
}

// Pages are the dashboard's pages in navigation order.
var Pages = []page{
	{"", "概览", overviewPage},
	{"kiosks", "设备状态", healthPage},
	{"visits", "参观人次", visitsPage},
	{"dwell", "展区停留", dwellPage},
	{"quiz", "答题正确率", quizPage},
	{"gain", "学习成效", gainPage},
	{"groups", "团体成绩", groupsPage},
	{"scenes", "情景体验", scenesPage},
}

// onlineWithin is how recent a kiosk's last upload or heartbeat must be for 在线 (the
// kiosk sends a heartbeat every 5 minutes).
const onlineWithin = 15 * time.Minute

func overviewPage(ctx context.Context, d *Dashboard, f hub.Filter) (view, error) {
	o, err := d.Store.Overview(ctx, f)
	if err != nil {
		return view{}, err
	}
	h, err := d.Store.Health(ctx)
	if err != nil {
		return view{}, err
	}
	online := 0
	for _, k := range h {
		if !k.LastSeen.IsZero() && d.now().Sub(k.LastSeen) < onlineWithin {
			online++
		}
	}
	t := o.Totals
	avgDwell := "—"
	if t.Leaves > 0 {
		avgDwell = fmt.Sprintf("%.1f 分钟", float64(t.DwellMS)/float64(t.Leaves)/60000)
	}
	v := view{
		Title: "概览",
		Note:  "所选日期内各基地、各展机的合计（按展机当地日期）。",
		Cards: []card{
			{ID: "visits", Label: "参观人次", Value: cellText(t.Visits), Note: fmt.Sprintf("%d 天有参观", len(o.Days))},
			{ID: "sessions", Label: "访客会话", Value: cellText(t.Sessions)},
			{ID: "answers", Label: "答题次数", Value: cellText(t.Answers), Note: "正确率 " + cellText(rate(t.Right, t.Answers))},
			{ID: "dwell", Label: "平均展区停留", Value: avgDwell},
			{ID: "kiosks", Label: "展机", Value: fmt.Sprintf("%d / %d", o.Active, o.Kiosks), Note: "有数据 / 已登记"},
			{ID: "online", Label: "在线展机", Value: fmt.Sprintf("%d / %d", online, len(h)), Note: "15 分钟内有联系"},
		},
	}
	days := chart{ID: "days", Title: "每日参观人次", Kind: "line"}
	visits := series{Name: "参观人次"}
	answers := series{Name: "答题次数"}
	for _, day := range o.Days {
		days.X = append(days.X, day.Day)
		visits.Data = append(visits.Data, float64(day.Visits))
		answers.Data = append(answers.Data, float64(day.Answers))
	}
	days.Series = []series{visits, answers}
	bases := chart{ID: "bases", Title: "各基地参观人次", Kind: "hbar"}
	bs := series{Name: "参观人次"}
	baseTable := table{ID: "bases", Title: "各基地", Cols: []string{"基地", "参观人次", "访客会话", "答题次数", "正确率", "事件数"}}
	for _, b := range o.PerBase {
		name := baseName(b.Base)
		bases.X = append(bases.X, name)
		bs.Data = append(bs.Data, float64(b.Visits))
		baseTable.Rows = append(baseTable.Rows, []any{name, b.Visits, b.Sessions, b.Answers, rate(b.Right, b.Answers), b.Events})
	}
	bases.Series = []series{bs}
	kioskTable := table{ID: "kiosks", Title: "各展机", Cols: []string{"展机", "基地", "参观人次", "访客会话", "答题次数", "正确率", "事件数"}}
	for _, k := range o.PerKiosk {
		kioskTable.Rows = append(kioskTable.Rows, []any{k.KioskID, baseName(k.Base), k.Visits, k.Sessions, k.Answers, rate(k.Right, k.Answers), k.Events})
	}
	v.Charts = []chart{days, bases}
	v.Tables = []table{baseTable, kioskTable}
	return v, nil
}

func baseName(b string) string {
	if b == "" {
		return "未分配基地"
	}
	return b
}

func healthPage(ctx context.Context, d *Dashboard, _ hub.Filter) (view, error) {
	h, err := d.Store.Health(ctx)
	if err != nil {
		return view{}, err
	}
	v := view{Title: "设备状态", NoFilter: true,
		Note: "每台展机最近一次上传或心跳（展机每 5 分钟发送一次状态）。15 分钟内有联系为在线。"}
	t := table{ID: "health", Title: "展机健康", Cols: []string{"展机", "基地", "状态", "最后联系", "程序版本", "内容包版本",
		"待上传事件", "同步滞后", "磁盘可用", "运行时长", "最近错误"}}
	now := d.now()
	online, offline, never := 0, 0, 0
	for _, k := range h {
		state := "离线"
		switch {
		case k.LastSeen.IsZero():
			state, never = "从未连接", never+1
		case now.Sub(k.LastSeen) < onlineWithin:
			state, online = "在线", online+1
		default:
			offline++
		}
		disk, lag, up := "—", "—", "—"
		if !k.StatusAt.IsZero() {
			lag = "无积压"
			if k.Pending > 0 {
				lag = "最早一条已等 " + duration(time.Duration(k.LagS)*time.Second)
			}
			if k.DiskTotal > 0 {
				disk = fmt.Sprintf("%.1f / %.1f GB", float64(k.DiskFree)/(1<<30), float64(k.DiskTotal)/(1<<30))
			}
			up = duration(time.Duration(k.UptimeS) * time.Second)
		}
		lastErr := k.LastError
		if lastErr == "" {
			lastErr = "—"
		}
		t.Rows = append(t.Rows, []any{k.KioskID, baseName(k.Base), state, k.LastSeen, dashIfEmpty(k.AppVersion),
			dashIfEmpty(k.PackVersion), k.Pending, lag, disk, up, lastErr})
	}
	v.Cards = []card{
		{ID: "online", Label: "在线", Value: cellText(online)},
		{ID: "offline", Label: "离线", Value: cellText(offline)},
		{ID: "never", Label: "从未连接", Value: cellText(never)},
	}
	v.Tables = []table{t}
	return v, nil
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// duration reads a duration in Chinese: 3 天 4 小时, 5 小时 2 分, 7 分钟.
func duration(d time.Duration) string {
	switch {
	case d >= 24*time.Hour:
		return fmt.Sprintf("%d 天 %d 小时", int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour))
	case d >= time.Hour:
		return fmt.Sprintf("%d 小时 %d 分", int(d/time.Hour), int(d%time.Hour/time.Minute))
	default:
		return fmt.Sprintf("%d 分钟", int(d/time.Minute))
	}
}

func visitsPage(ctx context.Context, d *Dashboard, f hub.Filter) (view, error) {
	rows, err := d.Store.Visits(ctx, f)
	if err != nil {
		return view{}, err
	}
	v := view{Title: "参观人次", Note: "参观人次 = 开始参观的次数；访客会话 = 当天有任何操作的访客会话数。"}
	t := table{ID: "visits", Title: "每日各展机参观", Cols: []string{"日期", "展机", "参观人次", "访客会话"}}
	byDay := map[string]float64{}
	var days []string
	var total int64
	for _, r := range rows {
		if _, ok := byDay[r.Day]; !ok {
			days = append(days, r.Day)
		}
		byDay[r.Day] += float64(r.Visits)
		total += r.Visits
		t.Rows = append(t.Rows, []any{r.Day, r.KioskID, r.Visits, r.Sessions})
	}
	c := chart{ID: "visits", Title: "每日参观人次（所有展机）", Kind: "bar", X: days}
	s := series{Name: "参观人次"}
	for _, day := range days {
		s.Data = append(s.Data, byDay[day])
	}
	c.Series = []series{s}
	v.Cards = []card{{ID: "visits", Label: "参观人次", Value: cellText(total)}, {ID: "days", Label: "有参观的天数", Value: cellText(len(days))}}
	v.Charts = []chart{c}
	v.Tables = []table{t}
	return v, nil
}

func dwellPage(ctx context.Context, d *Dashboard, f hub.Filter) (view, error) {
	rows, err := d.Store.Dwell(ctx, f)
	if err != nil {
		return view{}, err
	}
	v := view{Title: "展区停留", Note: "访客离开展区时记录的停留时间。"}
	t := table{ID: "dwell", Title: "各展区停留", Cols: []string{"展区", "离开次数", "合计停留（分钟）", "平均停留（秒）"}}
	c := chart{ID: "dwell", Title: "平均停留（秒）", Kind: "hbar", Unit: "秒"}
	s := series{Name: "平均停留"}
	for _, r := range rows {
		avg := r.AvgMS / 1000
		t.Rows = append(t.Rows, []any{r.Zone, r.Leaves, float64(r.TotalMS) / 60000, avg})
		c.X = append(c.X, r.Zone)
		s.Data = append(s.Data, round1(avg))
	}
	c.Series = []series{s}
	v.Charts = []chart{c}
	v.Tables = []table{t}
	return v, nil
}

func round1(x float64) float64 { return float64(int64(x*10+0.5)) / 10 }

func quizPage(ctx context.Context, d *Dashboard, f hub.Filter) (view, error) {
	rows, err := d.Store.QuestionsByAudience(ctx, f)
	if err != nil {
		return view{}, err
	}
	v := view{Title: "答题正确率", Note: "每道题在各年龄段的正确率；年龄段取该轮答题开始时选择的对象。"}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Question != rows[j].Question {
			return rows[i].Question < rows[j].Question
		}
		return bandRank(rows[i].Audience) < bandRank(rows[j].Audience)
	})
	t := table{ID: "questions", Title: "各题各年龄段", Cols: []string{"题目", "年龄段", "作答次数", "答对次数", "正确率"}}
	var questions []string
	acc := map[string]map[string]float64{}
	bands := map[string]bool{}
	var answered, right int64
	for _, r := range rows {
		if acc[r.Question] == nil {
			acc[r.Question] = map[string]float64{}
			questions = append(questions, r.Question)
		}
		acc[r.Question][r.Audience] = r.Accuracy
		bands[r.Audience] = true
		answered += r.Answered
		right += r.Right
		t.Rows = append(t.Rows, []any{r.Question, audienceName(r.Audience), r.Answered, r.Right, pct(r.Accuracy)})
	}
	c := chart{ID: "accuracy", Title: "各题正确率（按年龄段）", Kind: "bar", X: questions, Percent: true}
	for _, b := range sortedBands(bands) {
		s := series{Name: audienceName(b)}
		for _, q := range questions {
			s.Data = append(s.Data, round4(acc[q][b]))
		}
		c.Series = append(c.Series, s)
	}
	v.Cards = []card{
		{ID: "answered", Label: "作答次数", Value: cellText(answered)},
		{ID: "accuracy", Label: "总体正确率", Value: cellText(rate(right, answered))},
		{ID: "questions", Label: "题目数", Value: cellText(len(questions))},
	}
	v.Charts = []chart{c}
	v.Tables = []table{t}
	return v, nil
}

func round4(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }

// bandRank orders age bands young to old, unknown ones last.
func bandRank(b string) int {
	for i, a := range audienceOrder {
		if a == b {
			return i
		}
	}
	return len(audienceOrder)
}

func sortedBands(set map[string]bool) []string {
	var out []string
	for _, b := range audienceOrder {
		if set[b] {
			out = append(out, b)
		}
	}
	var other []string
	for b := range set {
		if _, known := audienceNames[b]; !known {
			other = append(other, b)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}

func gainPage(ctx context.Context, d *Dashboard, f hub.Filter) (view, error) {
	rows, err := d.Store.Gain(ctx, f)
	if err != nil {
		return view{}, err
	}
	v := view{Title: "学习成效", Note: "参观开始时的一道检测题和参观中再次检测同一主题：同一次参观内前后都作答的才计入（不识别访客身份）。"}
	t := table{ID: "gain", Title: "前后测对比", Cols: []string{"年龄段", "主题", "前后都作答", "参观前答对", "参观前正确率", "参观后答对", "参观后正确率", "提升（百分点）"}}
	sort.SliceStable(rows, func(i, j int) bool { return bandRank(rows[i].Audience) < bandRank(rows[j].Audience) })
	c := chart{ID: "gain", Title: "参观前后正确率", Kind: "bar", Percent: true}
	before, after := series{Name: "参观前"}, series{Name: "参观后"}
	var pairs, br, ar int64
	for _, r := range rows {
		label := audienceName(r.Audience) + "·" + topicName(r.Topic)
		c.X = append(c.X, label)
		before.Data = append(before.Data, round4(r.BeforeRate))
		after.Data = append(after.Data, round4(r.AfterRate))
		pairs, br, ar = pairs+r.Pairs, br+r.BeforeRight, ar+r.AfterRight
		t.Rows = append(t.Rows, []any{audienceName(r.Audience), topicName(r.Topic), r.Pairs, r.BeforeRight, pct(r.BeforeRate),
			r.AfterRight, pct(r.AfterRate), (r.AfterRate - r.BeforeRate) * 100})
	}
	c.Series = []series{before, after}
	v.Cards = []card{
		{ID: "pairs", Label: "前后都作答的参观", Value: cellText(pairs)},
		{ID: "before", Label: "参观前正确率", Value: cellText(rate(br, pairs))},
		{ID: "after", Label: "参观后正确率", Value: cellText(rate(ar, pairs))},
	}
	v.Charts = []chart{c}
	v.Tables = []table{t}
	return v, nil
}

func groupsPage(ctx context.Context, d *Dashboard, f hub.Filter) (view, error) {
	rows, err := d.Store.Groups(ctx, f)
	if err != nil {
		return view{}, err
	}
	v := view{Title: "团体成绩", Note: "每场团体赛（学校、班级由老师输入，不含学生姓名）。"}
	t := table{ID: "groups", Title: "团体赛", Cols: []string{"日期", "时间", "展机", "团体", "年龄段", "赛制", "题数", "各队得分"}}
	c := chart{ID: "contests", Title: "每日团体赛场次", Kind: "bar"}
	perDay := map[string]float64{}
	for _, g := range rows {
		if _, ok := perDay[g.Day]; !ok {
			c.X = append(c.X, g.Day)
		}
		perDay[g.Day]++
		teams := make([]string, 0, len(g.Scores))
		for name := range g.Scores {
			teams = append(teams, name)
		}
		sort.Strings(teams)
		var scores []string
		for _, name := range teams {
			scores = append(scores, fmt.Sprintf("%s %g", name, g.Scores[name]))
		}
		t.Rows = append(t.Rows, []any{g.Day, g.WallTime.Format("15:04"), g.KioskID, dashIfEmpty(g.Group), audienceName(g.Audience),
			modeName(g.Mode), int64(g.Questions), strings.Join(scores, " · ")})
	}
	s := series{Name: "场次"}
	for _, day := range c.X {
		s.Data = append(s.Data, perDay[day])
	}
	c.Series = []series{s}
	v.Cards = []card{{ID: "contests", Label: "团体赛场次", Value: cellText(len(rows))}}
	v.Charts = []chart{c}
	v.Tables = []table{t}
	return v, nil
}

func modeName(m string) string {
	switch strings.TrimPrefix(m, "team-") {
	case "buzz":
		return "抢答"
	case "turns":
		return "轮答"
	}
	return m
}
