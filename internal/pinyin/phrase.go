package pinyin

// How typed letters can meet a word's syllables.
const (
	noMatch      = iota
	exactMatch   // every syllable typed whole, nothing left: jindu → 禁毒
	abbrevMatch  // every syllable begun, some not finished: jd, jind → 禁毒
	predictMatch // the letters stop inside the word: yuanli → 远离毒品
	headMatch    // the word spelled whole and more letters follow: jinduwo → 禁毒
)

// phraseMatches sorts the words the input meets by how it meets them, each list in the
// table's order; head matches carry how many letters the word spans.
func (t *Table) phraseMatches(input string) (exact, abbrev, predict []string, head []Candidate) {
	for _, i := range t.byLetter[input[0]-'a'] {
		p := &t.phrases[i]
		kind, span := noMatch, 0
		for _, syls := range p.readings {
			k, s := match(input, syls)
			if k != noMatch && (kind == noMatch || k < kind || (k == kind && s > span)) {
				kind, span = k, s
			}
		}
		switch kind {
		case exactMatch:
			exact = append(exact, p.text)
		case abbrevMatch:
			abbrev = append(abbrev, p.text)
		case predictMatch:
			predict = append(predict, p.text)
		case headMatch:
			head = append(head, Candidate{Text: p.text, Span: span})
		}
	}
	return exact, abbrev, predict, head
}

// match finds the best way the input meets one reading of a word, and for a head match
// the letters the word spans.
func match(input string, syls []string) (kind, span int) {
	// partial: some syllable only begun; mid: one begun and then left for the next.
	var walk func(i, j int, partial, mid bool)
	walk = func(i, j int, partial, mid bool) {
		k, s := noMatch, 0
		switch {
		case i == len(input) && j == len(syls) && !partial:
			k = exactMatch
		case i == len(input) && j == len(syls):
			k = abbrevMatch
		case i == len(input):
			// A prediction needs two syllables begun, or one typed whole (wo → 我们, not w),
			// and only the last one unfinished (jiajia is not 健健康康).
			if (j >= 2 || !partial) && !mid {
				k = predictMatch
			}
		case j == len(syls):
			if !partial {
				k, s = headMatch, i
			}
		}
		if k != noMatch && (kind == noMatch || k < kind || (k == kind && s > span)) {
			kind, span = k, s
		}
		if i == len(input) || j == len(syls) {
			return
		}
		syl := syls[j]
		for n := min(len(syl), len(input)-i); n >= 1; n-- {
			if input[i:i+n] == syl[:n] {
				short := n < len(syl)
				walk(i+n, j+1, partial || short, mid || (short && i+n < len(input)))
			}
		}
	}
	walk(0, 0, false, false)
	return kind, span
}
