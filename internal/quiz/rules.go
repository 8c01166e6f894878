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
// may name a choice the visitor saw elsewhere. These patterns find such references.
var positionRefs = []*regexp.Regexp{
	// 选项B, 答案C
	regexp.MustCompile(`(?:选项|答案)\s*[A-FＡ-Ｆ](?:$|[^A-Za-z])`),
	// B项, A、C项, A和B选项
	regexp.MustCompile(`(?:^|[^A-Za-zＡ-Ｚａ-ｚ])[A-FＡ-Ｆ](?:\s*[、,，和与及]\s*[A-FＡ-Ｆ])*\s*(?:项|选项)`),
	// 前两项, 后一个, 最后一项
	regexp.MustCompile(`(?:前|后|最后)\s*[一二两三四五六1-6]\s*(?:项|个)`),
	// 第三项, 第2个选项 — but not 第一款第三项 (an item of a law article)
	regexp.MustCompile(`(?:^|[^款条])第\s*[一二三四五六1-6]\s*(?:项|个选项|个答案)`),
	// option B, answers A and C
	regexp.MustCompile(`\b(?i:option|choice|answer)s?\s+\(?[A-F]\)?(?:$|[^A-Za-z0-9])`),
	// A and C are (right)
	regexp.MustCompile(`\b[A-F](?:\s*,\s*[A-F])*\s*(?:and|or|&)\s+[A-F]\s+(?:are|is|were)\b`),
	// the first two are, the last option, the latter choice
	regexp.MustCompile(`(?i)\b(?:first|second|third|fourth|last|former|latter)\s+(?:(?:two|three|four)\s+)?(?:options?|choices?|answers?|statements?|ones?)\b`),
	regexp.MustCompile(`(?i)\bthe\s+(?:first|last)\s+(?:two|three|four)\s+(?:are|were|is)\b`),
}

// PositionRef returns the first place in an explanation that names a choice by its letter
// or position, or "" when there is none.
func PositionRef(s string) string {
	for _, re := range positionRefs {
		if m := re.FindString(s); m != "" {
			return strings.TrimSpace(strings.TrimLeft(m, " ,.;:，。；："))
		}
	}
	return ""
}

// excerpt shortens a text to quote it in a problem.
func excerpt(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return string(r)
}
