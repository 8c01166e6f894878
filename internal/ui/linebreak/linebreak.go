// Package linebreak breaks Chinese and mixed text into lines by the rules of 禁则 (line-
// breaking rules for CJK text): no line starts with closing punctuation (。，、；：？！）》」 …),
// no line ends with opening punctuation (（《「“ …), a number stays with its unit (6月,
// 25日, 21 个), and Latin words and numbers are never split. It measures with a function it
// is given, so it has no UI dependency.
package linebreak

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	for _, u := range Units(text) {
		w := measure(u)
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
func Units(text string) []string {
	var units []string
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i + 1
		switch r := rs[i]; {
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
		units = append(units, string(rs[i:j]))
		i = j
	}
	return glue(units)
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
