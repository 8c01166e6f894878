package hours

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dayNames maps every accepted spelling of a weekday.
var dayNames = map[string]time.Weekday{
	"周一": time.Monday, "周二": time.Tuesday, "周三": time.Wednesday, "周四": time.Thursday,
	"周五": time.Friday, "周六": time.Saturday, "周日": time.Sunday, "周天": time.Sunday,
	"星期一": time.Monday, "星期二": time.Tuesday, "星期三": time.Wednesday, "星期四": time.Thursday,
	"星期五": time.Friday, "星期六": time.Saturday, "星期日": time.Sunday, "星期天": time.Sunday,
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

// rangeSeps join the two ends of a range: 至, -, –, —, ~, ～.
var rangeSeps = []string{"至", "–", "—", "～", "~", "-"}

func parseRule(line string) (rule, error) {
	var r rule
	f := strings.Fields(line)
	if len(f) != 2 {
		return r, errors.New("应写成“星期 时间”，例如“周二至周日 09:00-17:00”")
	}
	for _, part := range strings.FieldsFunc(f[0], func(c rune) bool { return c == ',' || c == '，' || c == '、' }) {
		a, b, isRange := splitRange(part)
		from, ok1 := dayNames[strings.ToLower(a)]
		if !isRange {
			if !ok1 {
				return r, fmt.Errorf("不认识的星期“%s”（写周一…周日，或 Mon…Sun）", a)
			}
			r.days[from] = true
			continue
		}
		to, ok2 := dayNames[strings.ToLower(b)]
		if !ok1 || !ok2 {
			return r, fmt.Errorf("不认识的星期范围“%s”", part)
		}
		// Monday-first week: 周二至周日 is Tue..Sun; 周六至周一 wraps.
		for d := mondayIndex(from); ; d = (d + 1) % 7 {
			r.days[(d+1)%7] = true
			if d == mondayIndex(to) {
				break
			}
		}
	}
	a, b, isRange := splitRange(f[1])
	if !isRange {
		return r, errors.New("时间应写成“09:00-17:00”")
	}
	var err1, err2 error
	r.from, err1 = clock(a)
	r.to, err2 = clock(b)
	if err := errors.Join(err1, err2); err != nil {
		return r, err
	}
	if r.to <= r.from {
		return r, errors.New("闭馆时间应晚于开馆时间（不能跨过午夜）")
	}
	return r, nil
}

// mondayIndex numbers Monday 0 … Sunday 6.
func mondayIndex(d time.Weekday) int { return (int(d) + 6) % 7 }

// splitRange splits "A至B" at the first range separator that is not at the start.
func splitRange(s string) (a, b string, ok bool) {
	for _, sep := range rangeSeps {
		if i := strings.Index(s, sep); i > 0 {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}

// clock parses "9:00", "09:00" or "24:00" as minutes since midnight.
func clock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	if !ok {
		h, m, ok = strings.Cut(s, "：")
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || hh > 24 || (hh == 24 && mm > 0) {
		return 0, fmt.Errorf("时间“%s”应写成 09:00 这样的 24 小时制", s)
	}
	return hh*60 + mm, nil
}

// ParseClock parses a time of day ("03:30") as minutes since midnight.
func ParseClock(s string) (int, error) {
	m, err := clock(s)
	if err == nil && m == 24*60 {
		return 0, fmt.Errorf("时间“%s”应在 00:00 到 23:59 之间", s)
	}
	return m, err
}

func parseDates(s string) (dateRange, error) {
	a, b, isRange := strings.Cut(strings.TrimSpace(s), "..")
	if !isRange {
		b = a
	}
	da, err1 := time.Parse(time.DateOnly, a)
	db, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return dateRange{}, errors.New("日期应写成 2027-02-10，或 2027-02-10..2027-02-16")
	}
	if db.Before(da) {
		return dateRange{}, errors.New("日期范围的结束早于开始")
	}
	return dateRange{da.Format(time.DateOnly), db.Format(time.DateOnly)}, nil
}
