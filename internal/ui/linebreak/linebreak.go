// Package linebreak breaks Chinese and mixed text into lines by the rules of 禁则 (line-
// breaking rules for CJK text): no line starts with closing punctuation (。，、；：？！）》」 …),
// no line ends with opening punctuation (（《「“ …), a number stays with its unit (6月,
// 25日, 21 个), Latin words and numbers are never split, and the exhibit's own terms
// (新精神活性物质, 禁毒小卫士 …) stay on one line. It measures with a function it is given,
// so it has no UI dependency.
package linebreak

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// termList holds the words a line may not split (a visitor reads 禁/毒小卫士 as two words):
// drug names, laws and the exhibit's own terms, longest first where one contains another.
// A term longer than a whole line is still cut by characters.
const termList = "新精神活性物质 禁毒小卫士 国际禁毒日 禁毒宣传月 禁毒委员会 禁毒办 禁毒法 刑法 治安管理处罚法 " +
	"戒毒条例 麻醉药品 精神药品 第一类 第二类 依托咪酯 甲基苯丙胺 苯丙胺 氯胺酮 海洛因 吗啡 可卡因 " +
	"大麻 鸦片 冰毒 摇头丸 麻古 K粉 γ-羟基丁酸 芬太尼 合成大麻素 卡西酮 笑气 电子烟 上头电子烟 " +
	"奶茶粉 跳跳糖 邮票 神仙水 联合国 林则徐 虎门销烟 万国禁烟会 中国禁毒网 青骄第二课堂 " +
	"戒毒所 社区戒毒 社区康复 强制隔离戒毒 自愿戒毒 美沙酮 艾滋病 拒绝毒品 远离毒品 珍爱生命 " +
	"贵阳 贵州 南明区 派出所 老师 家长 爸爸妈妈"

// terms maps a term's first rune to the terms starting with it, longest first.
var terms = sync.OnceValue(func() map[rune][]string {
	m := map[rune][]string{}
	for _, t := range strings.Fields(termList) {
		r, _ := utf8.DecodeRuneInString(t)
		m[r] = append(m[r], t)
	}
	for _, ts := range m {
		for i := range ts { // longest first, so 上头电子烟 wins over 电子烟's prefix rivals
			for j := i + 1; j < len(ts); j++ {
				if len(ts[j]) > len(ts[i]) {
					ts[i], ts[j] = ts[j], ts[i]
				}
			}
		}
	}
	return m
})

// termAt returns how many runes of the term starting at rs[i] there are (0: none).
func termAt(rs []rune, i int) int {
	for _, t := range terms()[rs[i]] {
		tr := []rune(t)
		if len(tr) <= len(rs)-i && string(rs[i:i+len(tr)]) == t {
			return len(tr)
		}
	}
	return 0
}

// noStart may not begin a line: it hangs on to what comes before it.
const noStart = "，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}〙〗〛～" + "々ゝゞ"

// noEnd may not end a line: it goes with what comes after it.
const noEnd = "（《「『【〔〈“‘([{〘〖〚"

// units follow a number without a break (6月, 25日, 21 个, 100%).
const unitChars = "年月日号时分秒岁个名条次件位种类项座家所倍克米元毫公里斤天周届期批"

// Break splits text into lines no wider than width, as measured by measure. A unit that
// alone is wider than width is cut by characters. Existing newlines are kept.
func Break(text string, width float32, measure func(string) float32) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, breakPara(para, width, measure)...)
	}
	return out
}

func breakPara(text string, width float32, measure func(string) float32) []string {
	if text == "" {
		return []string{""}
	}
	var lines []string
	var line strings.Builder
	var lineW float32
	queue := Units(text)
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		w := measure(u)
		if w > width {
			if parts := units(u, false); len(parts) > 1 { // a term wider than a line: break it as plain text
				queue = append(parts, queue...)
				continue
			}
		}
		space := strings.TrimSpace(u) == ""
		switch {
		case lineW+w <= width || line.Len() == 0 && w <= width:
			if !(space && line.Len() == 0) { // no space at a line's start
				line.WriteString(u)
				lineW += w
			}
		case space: // a space where the line ends: the break itself
			lines = append(lines, strings.TrimRight(line.String(), " "))
			line.Reset()
			lineW = 0
		case w > width: // wider than a whole line: cut it by characters
			if line.Len() > 0 {
				lines = append(lines, strings.TrimRight(line.String(), " "))
				line.Reset()
				lineW = 0
			}
			for _, r := range u {
				rw := measure(string(r))
				hang := strings.ContainsRune(noStart, r) // closing punctuation hangs past the edge
				if lineW+rw > width && line.Len() > 0 && !hang {
					lines = append(lines, line.String())
					line.Reset()
					lineW = 0
				}
				line.WriteRune(r)
				lineW += rw
			}
		default:
			lines = append(lines, strings.TrimRight(line.String(), " "))
			line.Reset()
			line.WriteString(u)
			lineW = w
		}
	}
	return append(lines, strings.TrimRight(line.String(), " "))
}

// Units splits text into the pieces a line may break between.
func Units(text string) []string { return units(text, true) }

// units splits text into pieces, keeping the exhibit's terms whole when withTerms is set.
func units(text string, withTerms bool) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i + 1
		switch r := rs[i]; {
		case withTerms && unicode.Is(unicode.Han, r) && termAt(rs, i) > 0:
			j = i + termAt(rs, i)
		case r == ' ':
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
		case isWordRune(r):
			for j < len(rs) && (isWordRune(rs[j]) || strings.ContainsRune(".,:'-/", rs[j]) && j+1 < len(rs) && isWordRune(rs[j+1])) {
				j++
			}
			if unicode.IsDigit(r) || isDigits(rs[i:j]) { // a number keeps its unit, even after a space
				k := j
				if k < len(rs) && rs[k] == ' ' && k+1 < len(rs) && strings.ContainsRune(unitChars, rs[k+1]) {
					k++
				}
				if k < len(rs) && strings.ContainsRune(unitChars, rs[k]) {
					j = k + 1
				}
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return glue(out)
}

// glue attaches closing punctuation to the unit before it and opening punctuation to the
// unit after it.
func glue(in []string) []string {
	var out []string
	pendingOpen := ""
	for _, u := range in {
		first, _ := utf8.DecodeRuneInString(u)
		switch {
		case len([]rune(u)) == 1 && strings.ContainsRune(noEnd, first):
			pendingOpen += u
		case strings.ContainsRune(noStart, first) && len(out) > 0 && pendingOpen == "":
			out[len(out)-1] += u
		default:
			out = append(out, pendingOpen+u)
			pendingOpen = ""
		}
	}
	if pendingOpen != "" {
		out = append(out, pendingOpen)
	}
	return out
}

func isWordRune(r rune) bool {
	return r < 0x3000 && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.Is(unicode.Han, r)
}

func isDigits(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return len(rs) > 0
}

// Violations lists the lines that break a rule: starting with closing punctuation or ending
// with opening punctuation (tests run it over the content's own texts).
func Violations(lines []string) []string {
	var bad []string
	for i, l := range lines {
		if l == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(l); i > 0 && strings.ContainsRune(noStart, r) {
			bad = append(bad, "starts with "+string(r)+": "+l)
		}
		if r, _ := utf8.DecodeLastRuneInString(l); i < len(lines)-1 && strings.ContainsRune(noEnd, r) {
			bad = append(bad, "ends with "+string(r)+": "+l)
		}
	}
	return bad
}
