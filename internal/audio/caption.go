package audio

import (
	"strings"
	"unicode/utf8"
)

// Sentences splits narration text into caption lines at sentence ends (。！？.!?).
func Sentences(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	rs := []rune(text)
	for i, r := range rs {
		b.WriteRune(r)
		switch r {
		case '。', '！', '？', '；':
			flush()
		case '.', '!', '?':
			if i+1 == len(rs) || rs[i+1] == ' ' {
				flush()
			}
		}
	}
	flush()
	return out
}

// CaptionAt picks the caption line for a playback progress in [0,1], assuming speech
// proceeds evenly through the characters of the text.
func CaptionAt(lines []string, progress float64) string {
	if len(lines) == 0 {
		return ""
	}
	total := 0
	for _, l := range lines {
		total += utf8.RuneCountInString(l)
	}
	target := int(progress * float64(total))
	for _, l := range lines {
		n := utf8.RuneCountInString(l)
		if target < n {
			return l
		}
		target -= n
	}
	return lines[len(lines)-1]
}
