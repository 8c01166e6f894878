package pinyin

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// maxReadings bounds the syllable combinations kept for an added word.
const maxReadings = 16

// WithWords returns a table that also offers these words (a content pack's ready pledges,
// say), after its own. Their readings are the table's readings of each character, every
// combination up to 16. Words of one character, already in the table, or with a character
// the table cannot offer (no glyph, no reading) are left out and returned as skipped.
func (t *Table) WithWords(words []string) (out *Table, skipped []string) {
	// Each character's readings, the most common first (so the cap keeps the likely ones).
	type reading struct {
		syl  string
		rank int32
	}
	byRune := map[rune][]reading{}
	for syl, es := range t.syls {
		for _, e := range es {
			byRune[e.r] = append(byRune[e.r], reading{syl, e.rank})
		}
	}
	readings := map[rune][]string{}
	for r, rs := range byRune {
		sort.Slice(rs, func(i, j int) bool { return rs[i].rank < rs[j].rank })
		for _, rd := range rs {
			readings[r] = append(readings[r], rd.syl)
		}
	}
	known := map[string]bool{}
	for _, p := range t.phrases {
		known[p.text] = true
	}
	c := *t
	c.phrases = append([]phrase(nil), t.phrases...)
	for l := range c.byLetter {
		c.byLetter[l] = append([]int32(nil), t.byLetter[l]...)
	}
	for _, w := range words {
		w = strings.TrimSpace(w)
		if utf8.RuneCountInString(w) < 2 || known[w] {
			skipped = append(skipped, w)
			continue
		}
		combos := [][]string{nil}
		for _, r := range w {
			syls := readings[r]
			if len(syls) == 0 {
				combos = nil
				break
			}
			var next [][]string
			for _, cb := range combos {
				for _, s := range syls {
					if len(next) < maxReadings {
						next = append(next, append(append([]string(nil), cb...), s))
					}
				}
			}
			combos = next
		}
		if len(combos) == 0 {
			skipped = append(skipped, w)
			continue
		}
		known[w] = true
		letters := map[byte]bool{}
		for _, cb := range combos {
			letters[cb[0][0]] = true
		}
		for l := range letters {
			c.byLetter[l-'a'] = append(c.byLetter[l-'a'], int32(len(c.phrases)))
		}
		c.phrases = append(c.phrases, phrase{text: w, readings: combos})
	}
	return &c, skipped
}
