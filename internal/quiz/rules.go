package quiz

import (
	"regexp"
	"strings"
)

// MaxFieldLen bounds ids and topics in bytes: they travel in every quiz_answer event, and
// the office hub refuses a field longer than this (internal/hub, maxFieldLen).
const MaxFieldLen = 256

// choiceLabel matches a letter label written at the start of a choice: "A、", "A．",
// "A) ", "A.", "(A)", "（A）", "Ａ、", "a)". Choices are shuffled on screen, so a label
// would show "A、海洛因" in slot C.
var choiceLabel = regexp.MustCompile(`^\s*(?:[(（]\s*([A-Fa-fＡ-Ｆａ-ｆ])\s*[)）]|([A-Fa-fＡ-Ｆａ-ｆ])\s*[、.．)）:：])\s*`)

// ChoiceLabel reports whether choice text s starts with a letter label, which index
// the letter names (A=0, full-width and lower-case letters alike) and the text after it.
func ChoiceLabel(s string) (index int, rest string, ok bool) {
	m := choiceLabel.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, s, false
	}
	var l string
	if m[2] >= 0 {
		l = s[m[2]:m[3]]
	} else {
		l = s[m[4]:m[5]]
	}
	r := []rune(l)[0]
	switch {
	case r >= 'a' && r <= 'f':
		r -= 'a' - 'A'
	case r >= 'Ａ' && r <= 'Ｆ':
		r -= 'Ａ' - 'A'
	case r >= 'ａ' && r <= 'ｆ':
		r -= 'ａ' - 'A'
	}
	return int(r - 'A'), s[m[1]:], true
}

// Explanations are shown after the choices were shuffled, so "B项" or "the first two"
// may name a choice the visitor saw elsewhere. These patterns find such references. Each
// comes with literals one of which every match contains (the English ones compared with the
// text in lower case): a pattern runs only on a text that has one, because running all of
// them over every explanation was a fifth of loading a 10,000-question bank.
var positionRefs = []struct {
	re    *regexp.Regexp
	need  []string
	lower bool // need is matched against the text in lower case
}{
	// 选项B, 答案C
	{regexp.MustCompile(`(?:选项|答案)\s*[A-FＡ-Ｆ](?:$|[^A-Za-z])`), []string{"选项", "答案"}, false},
	// B项, A、C项, A和B选项
	{regexp.MustCompile(`(?:^|[^A-Za-zＡ-Ｚａ-ｚ])[A-FＡ-Ｆ](?:\s*[、,，和与及]\s*[A-FＡ-Ｆ])*\s*(?:项|选项)`), []string{"项"}, false},
	// 前两项, 后一个, 最后一项
	{regexp.MustCompile(`(?:前|后|最后)\s*[一二两三四五六1-6]\s*(?:项|个)`), []string{"前", "后"}, false},
	// 第三项, 第2个选项 — but not 第一款第三项 (an item of a law article)
	{regexp.MustCompile(`(?:^|[^款条])第\s*[一二三四五六1-6]\s*(?:项|个选项|个答案)`), []string{"第"}, false},
	// option B, answers A and C
	{regexp.MustCompile(`\b(?i:option|choice|answer)s?\s+\(?[A-F]\)?(?:$|[^A-Za-z0-9])`), []string{"option", "choice", "answer"}, true},
	// A and C are (right)
	{regexp.MustCompile(`\b[A-F](?:\s*,\s*[A-F])*\s*(?:and|or|&)\s+[A-F]\s+(?:are|is|were)\b`), []string{"are", "is", "were"}, false},
	// the first two are, the last option, the latter choice
	{regexp.MustCompile(`(?i)\b(?:first|second|third|fourth|last|former|latter)\s+(?:(?:two|three|four)\s+)?(?:options?|choices?|answers?|statements?|ones?)\b`),
		[]string{"first", "second", "third", "fourth", "last", "former", "latter"}, true},
	{regexp.MustCompile(`(?i)\bthe\s+(?:first|last)\s+(?:two|three|four)\s+(?:are|were|is)\b`), []string{"first", "last"}, true},
}

// PositionRef returns the first place in an explanation that names a choice by its letter
// or position, or "" when there is none.
func PositionRef(s string) string {
	lower := strings.ToLower(s)
	// Go's case folding also matches ſ (s) and K (Kelvin, k): with those, skip no pattern.
	all := strings.ContainsAny(s, "ſ\u212a")
	for _, p := range positionRefs {
		if !all && !containsAny(s, lower, p.need, p.lower) {
			continue
		}
		if m := p.re.FindString(s); m != "" {
			return strings.TrimSpace(strings.TrimLeft(m, " ,.;:，。；："))
		}
	}
	return ""
}

// positionRefSlow is PositionRef without the literal filter (tests compare the two).
func positionRefSlow(s string) string {
	for _, p := range positionRefs {
		if m := p.re.FindString(s); m != "" {
			return strings.TrimSpace(strings.TrimLeft(m, " ,.;:，。；："))
		}
	}
	return ""
}

func containsAny(s, lower string, need []string, useLower bool) bool {
	if useLower {
		s = lower
	}
	for _, n := range need {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// excerpt shortens a text to quote it in a problem.
func excerpt(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return string(r)
}
