package hours

import (
	"fmt"
	"strings"
	"time"
)

var (
	zhDays = [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}
	enDays = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// Lines are the weekly opening times, one line per rule, in Chinese ("zh") or English:
// "周二至周日 9:00–17:00", "Tue–Sun 9:00–17:00". Empty for a schedule without weekly rules.
func (s *Schedule) Lines(lang string) []string {
	if s == nil {
		return nil
	}
	names, sep, join := zhDays, "至", "、"
	if lang == "en" {
		names, sep, join = enDays, "–", ", "
	}
	var out []string
	for _, r := range s.rules {
		out = append(out, daysText(r.days, names, sep, join)+" "+hm(r.from)+"–"+hm(r.to))
	}
	return out
}

// daysText writes the days Monday first, runs of three or more as ranges.
func daysText(days [7]bool, names [7]string, sep, join string) string {
	if days == [7]bool{true, true, true, true, true, true, true} {
		if names == zhDays {
			return "每天"
		}
		return "Daily"
	}
	var parts []string
	for i := 0; i < 7; {
		if !days[(i+1)%7] {
			i++
			continue
		}
		j := i
		for j+1 < 7 && days[(j+2)%7] {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, names[(i+1)%7])
		case j == i+1:
			parts = append(parts, names[(i+1)%7], names[(j+1)%7])
		default:
			parts = append(parts, names[(i+1)%7]+sep+names[(j+1)%7])
		}
		i = j + 1
	}
	return strings.Join(parts, join)
}

func hm(m int) string { return fmt.Sprintf("%d:%02d", m/60, m%60) }

// NextText says when the exhibition opens next, relative to now: "明天（周二）9:00 开馆",
// "Opens tomorrow (Tue) at 9:00"; "" if it does not open within the look-ahead.
func (s *Schedule) NextText(now time.Time, lang string) string {
	next, ok := s.NextOpen(now)
	if !ok {
		return ""
	}
	y1, m1, d1 := now.Date()
	today := time.Date(y1, m1, d1, 0, 0, 0, 0, now.Location())
	days := int(time.Date(next.Year(), next.Month(), next.Day(), 0, 0, 0, 0, now.Location()).Sub(today).Hours() / 24)
	at := hm(next.Hour()*60 + next.Minute())
	wd := next.Weekday()
	if lang == "en" {
		switch days {
		case 0:
			return "Opens today at " + at
		case 1:
			return fmt.Sprintf("Opens tomorrow (%s) at %s", enDays[wd], at)
		default:
			return fmt.Sprintf("Opens %s %s at %s", enDays[wd], next.Format("2 Jan"), at)
		}
	}
	switch days {
	case 0:
		return "今天 " + at + " 开馆"
	case 1:
		return fmt.Sprintf("明天（%s）%s 开馆", zhDays[wd], at)
	default:
		return fmt.Sprintf("%d月%d日（%s）%s 开馆", next.Month(), next.Day(), zhDays[wd], at)
	}
}
