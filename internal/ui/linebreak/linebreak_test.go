package linebreak

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mono measures a CJK character as 1 and anything else as 0.5.
func mono(s string) float32 {
	var w float32
	for _, r := range s {
		if r < 0x2E80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

func TestRules(t *testing.T) {
	text := "1987年，联合国把每年的6月26日定为“国际禁毒日”。截至目前共有21 个节点，《中华人民共和国禁毒法》自2008年6月1日起施行。Say no, walk away!"
	for w := float32(3); w <= 30; w++ {
		lines := Break(text, w, mono)
		if bad := Violations(lines); len(bad) > 0 {
			t.Fatalf("width %v: %v\n%s", w, bad, strings.Join(lines, "\n"))
		}
		joined := strings.Join(lines, "")
		for _, keep := range []string{"6月", "26日", "21 个", "1987年", "2008年", "walk"} {
			if !strings.Contains(joined, keep) && w > 5 {
				t.Errorf("width %v: %q was split:\n%s", w, keep, strings.Join(lines, "\n"))
			}
		}
		for _, l := range lines {
			if mono(l) > w && utf8.RuneCountInString(l) > 1 && w >= 6 {
				t.Errorf("width %v: line too wide: %q", w, l)
			}
		}
		if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("width %v: text changed:\n%s", w, strings.Join(lines, "\n"))
		}
	}
}

func TestUnitsKeepNumbersAndWords(t *testing.T) {
	got := strings.Join(Units("共21 个节点，6月26日（周五）。"), "|")
	want := "共|21 个|节|点，|6月|26日|（周|五）。"
	if got != want {
		t.Fatalf("units\n got %s\nwant %s", got, want)
	}
}

func TestTermsStayWhole(t *testing.T) {
	got := strings.Join(Units("传统 · 合成 · 新精神活性物质；争做禁毒小卫士！"), "|")
	want := "传|统| ·| |合|成| ·| |新精神活性物质；|争|做|禁毒小卫士！"
	if got != want {
		t.Fatalf("units\n got %s\nwant %s", got, want)
	}
	text := "传统 · 合成 · 新精神活性物质"
	for w := float32(8); w <= 14; w++ {
		lines := Break(text, w, mono)
		if joined := strings.Join(lines, "|"); !strings.Contains(joined, "新精神活性物质") {
			t.Errorf("width %v: the term was split: %s", w, joined)
		}
	}
	// A term wider than a whole line is still cut, never lost.
	if got := strings.Join(Break("新精神活性物质", 4, mono), ""); got != "新精神活性物质" {
		t.Fatalf("long term: %q", got)
	}
}
