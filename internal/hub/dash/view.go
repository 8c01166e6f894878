package dash

import (
	"fmt"
	"strconv"
	"time"
)

// view is one dashboard page as data: cards, charts and tables. The HTML page and the
// Excel export are both drawn from it, so they always show the same numbers.
type view struct {
	Title  string
	Note   string // a line under the title: what the page counts
	Cards  []card
	Charts []chart
	Tables []table
	// NoFilter hides the date and kiosk filter (the health page is "now").
	NoFilter bool
}

type card struct {
	ID, Label, Value, Note string
}

// chart is what static/dash.js turns into an ECharts option.
type chart struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Kind    string   `json:"kind"` // "line", "bar" (vertical), "hbar" (horizontal)
	X       []string `json:"x"`
	Series  []series `json:"series"`
	Percent bool     `json:"percent,omitempty"` // values are 0..1, shown as %
	Unit    string   `json:"unit,omitempty"`
	Stack   bool     `json:"stack,omitempty"`
}

type series struct {
	Name string    `json:"name"`
	Data []float64 `json:"data"`
}

// table is a table of the page and a sheet of its Excel export.
type table struct {
	ID    string
	Title string
	Cols  []string
	Rows  [][]any // string, int64, float64, pct, minutes, time.Time
}

// pct is a rate 0..1, shown as a percentage.
type pct float64

// text is how a cell reads on the page.
func cellText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return group(int64(x))
	case int64:
		return group(x)
	case float64:
		return strconv.FormatFloat(x, 'f', 1, 64)
	case pct:
		return strconv.FormatFloat(float64(x)*100, 'f', 1, 64) + "%"
	case time.Time:
		if x.IsZero() {
			return "—"
		}
		return x.Local().Format("2006-01-02 15:04")
	default:
		return fmt.Sprint(v)
	}
}

// numeric reports whether a cell is right-aligned.
func numeric(v any) bool {
	switch v.(type) {
	case int, int64, float64, pct:
		return true
	}
	return false
}

// group writes n with thousands separators.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

func rate(right, of int64) pct {
	if of == 0 {
		return 0
	}
	return pct(float64(right) / float64(of))
}

// Chinese names of the age bands and topics of the quiz bank (internal/quiz).
var (
	audienceNames = map[string]string{"primary": "小学", "secondary": "中学", "adult": "成人", "": "未注明"}
	topicNames    = map[string]string{"history": "禁毒历史", "drugs": "认识毒品", "law": "法律法规",
		"disguise": "识别伪装", "refusal": "学会拒绝", "": "未注明"}
	audienceOrder = []string{"primary", "secondary", "adult", ""}
)

func audienceName(a string) string { return nameOr(audienceNames, a) }

func topicName(t string) string { return nameOr(topicNames, t) }

func nameOr(m map[string]string, k string) string {
	if n, ok := m[k]; ok {
		return n
	}
	return k
}
