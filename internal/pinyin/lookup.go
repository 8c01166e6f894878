package pinyin

import (
	"sort"
	"strings"
)

// Candidate is one offer for the letters typed: its text and how many of the letters it
// spells (the rest stay typed, so a sentence can be committed word by word).
type Candidate struct {
	Text string
	Span int
}

// MaxInput bounds the letters looked at; more are ignored (a stuck key cannot slow a tap).
const MaxInput = 40

// firstChars is how many single characters of a whole typed syllable come before the
// abbreviated and predicted words: wo → 我 before 我们.
const firstChars = 6

// Candidates returns the candidate texts for input (lower-case letters, whole or partial
// syllables without separators), best first, at most limit of them (all when limit ≤ 0).
func (t *Table) Candidates(input string, limit int) []string {
	cs := t.Lookup(input, limit)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Text
	}
	return out
}

// Span returns how many letters of input the candidate text spells (len(input) if the
// text is not one of its candidates).
func (t *Table) Span(input, text string) int {
	for _, c := range t.Lookup(input, 0) {
		if c.Text == text {
			return c.Span
		}
	}
	return len(input)
}

// Lookup is Candidates with the span of every candidate. The order:
//  1. words the letters spell exactly (jindu → 禁毒);
//  2. the most common characters of the syllable, when the letters are one syllable (wo → 我);
//  3. words the letters abbreviate (jd → 禁毒), then words they begin (yuanli → 远离毒品);
//  4. the other characters of that syllable;
//  5. words that spell the beginning of the letters (jinduwo → 禁毒, spanning "jindu");
//  6. characters of the first syllable (jindu → 进, spanning "jin");
//  7. characters of longer syllables the letters begin (zh → 这, 中 …).
func (t *Table) Lookup(input string, limit int) []Candidate {
	input = normalize(input)
	if input == "" {
		return nil
	}
	c := collector{limit: limit, seen: map[string]bool{}}
	exact, abbrev, predict, head := t.phraseMatches(input)
	whole := t.syls[input]
	if t.syls["lve"] != nil && (input == "lue" || input == "nue") {
		whole = t.syls[input[:1]+"ve"] // lue is how the textbooks write lüe
	}
	c.phrases(exact, len(input))
	c.chars(whole[:min(firstChars, len(whole))], len(input))
	pieces := t.split(input)
	if len(pieces) >= 2 { // zh is one syllable begun, not 最好 abbreviated
		c.phrases(abbrev, len(input))
	}
	c.phrases(predict, len(input))
	c.chars(whole, len(input))
	if input == "nu" || input == "lu" {
		c.chars(t.syls[input[:1]+"v"], len(input)) // nü, lü for children who type u: nu → 女
	}
	for _, h := range head {
		c.add(h.Text, h.Span)
	}
	if whole == nil {
		if len(pieces) >= 2 {
			if es := t.syls[pieces[0]]; es != nil {
				c.chars(es, len(pieces[0]))
			} else {
				c.chars(t.extending(pieces[0], c.room()), len(pieces[0]))
			}
		}
	}
	c.chars(t.extending(input, c.room()), len(input))
	return c.out
}

// collector gathers candidates in order, once each, up to the limit.
type collector struct {
	limit int
	seen  map[string]bool
	out   []Candidate
}

func (c *collector) full() bool { return c.limit > 0 && len(c.out) >= c.limit }

// room is how many more candidates are wanted (a large number for "all").
func (c *collector) room() int {
	if c.limit <= 0 {
		return 1 << 30
	}
	return c.limit - len(c.out)
}

func (c *collector) add(text string, span int) {
	if c.full() || c.seen[text] {
		return
	}
	c.seen[text] = true
	c.out = append(c.out, Candidate{Text: text, Span: span})
}

func (c *collector) phrases(ps []string, span int) {
	for _, p := range ps {
		c.add(p, span)
	}
}

func (c *collector) chars(es []entry, span int) {
	for _, e := range es {
		if c.full() {
			return
		}
		c.add(string(e.r), span)
	}
}

// extending merges, by rank, the characters of every syllable longer than p that starts
// with p, keeping at most n of them (the lists are sorted: a merge of their heads).
func (t *Table) extending(p string, n int) []entry {
	var lists [][]entry
	for i := sort.SearchStrings(t.sorted, p); i < len(t.sorted) && strings.HasPrefix(t.sorted[i], p); i++ {
		if t.sorted[i] != p {
			lists = append(lists, t.syls[t.sorted[i]])
		}
	}
	var out []entry
	seen := map[rune]bool{}
	for len(out) < n {
		best := -1
		for i, l := range lists {
			if len(l) > 0 && (best < 0 || l[0].rank < lists[best][0].rank) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		e := lists[best][0]
		lists[best] = lists[best][1:]
		if !seen[e.r] {
			seen[e.r] = true
			out = append(out, e)
		}
	}
	return out
}

// split cuts input into syllables: as few partial ones as possible, then as few pieces as
// possible, longest first (xian is 先, not 西安; jd is j·d). A piece is a whole syllable or
// the beginning of one; nil if some letters begin no syllable.
func (t *Table) split(input string) []string {
	n := len(input)
	type best struct {
		partial, pieces, next int
		ok                    bool
	}
	b := make([]best, n+1)
	b[n] = best{ok: true}
	for i := n - 1; i >= 0; i-- {
		for j := min(n, i+6); j > i; j-- {
			piece := input[i:j]
			if !t.prefixes[piece] || !b[j].ok {
				continue
			}
			p := b[j].partial
			if t.syls[piece] == nil {
				p++
			}
			cand := best{partial: p, pieces: b[j].pieces + 1, next: j, ok: true}
			cur := b[i]
			if !cur.ok || cand.partial < cur.partial || (cand.partial == cur.partial && cand.pieces < cur.pieces) {
				b[i] = cand
			}
		}
	}
	if !b[0].ok {
		return nil
	}
	var out []string
	for i := 0; i < n; i = b[i].next {
		out = append(out, input[i:b[i].next])
	}
	return out
}

// normalize keeps lower-case ASCII letters, at most MaxInput of them.
func normalize(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && b.Len() < MaxInput; i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}
