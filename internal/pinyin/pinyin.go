// Package pinyin turns the letters a visitor types on the on-screen keyboard into ranked
// Chinese candidates: whole words first when the letters spell one (jindu → 禁毒, also
// abbreviated: jd → 禁毒), then single characters by how common they are. The table is
// generated (gen/, `go generate`) from go-pinyin's readings, ranked by frequency and the
// 通用规范汉字表, and holds only characters the bundled font has.
package pinyin

//go:generate go run ./gen

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed table.txt
var tableText string

// Table is a parsed candidate table. It is read-only after parsing: safe for concurrent use.
type Table struct {
	syls     map[string][]entry // syllable → characters, most common first
	sorted   []string           // every syllable, sorted, for prefix ranges
	prefixes map[string]bool    // every non-empty prefix of a syllable
	phrases  []phrase           // in the order they are offered
	byLetter [26][]int32        // phrases whose first syllable starts with the letter
}

type entry struct {
	r    rune
	rank int32 // global: 0 is the most common (syllable, character) pair
}

type phrase struct {
	text     string
	readings [][]string
}

var bundled = sync.OnceValues(func() (*Table, error) { return Parse(tableText) })

// Bundled returns the embedded table, parsed on first use (a few milliseconds).
func Bundled() (*Table, error) { return bundled() }

// Parse reads a table in the generated format (see gen/).
func Parse(text string) (*Table, error) {
	t := &Table{syls: map[string][]entry{}, prefixes: map[string]bool{}}
	for n, line := range strings.Split(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		key, rest, ok := strings.Cut(line, "\t")
		if !ok || key == "" || rest == "" {
			return nil, fmt.Errorf("pinyin table line %d: want two tab-separated fields", n+1)
		}
		if key[0] >= 'a' && key[0] <= 'z' {
			es, err := parseEntries(rest)
			if err != nil {
				return nil, fmt.Errorf("pinyin table line %d (%s): %w", n+1, key, err)
			}
			t.syls[key] = es
			t.sorted = append(t.sorted, key)
			for i := 1; i <= len(key); i++ {
				t.prefixes[key[:i]] = true
			}
			continue
		}
		p := phrase{text: key}
		for _, alt := range strings.Split(rest, ";") {
			p.readings = append(p.readings, strings.Split(alt, "'"))
		}
		first := p.readings[0][0]
		if first == "" || first[0] < 'a' || first[0] > 'z' {
			return nil, fmt.Errorf("pinyin table line %d (%s): bad syllables %q", n+1, key, rest)
		}
		letters := map[byte]bool{}
		for _, rd := range p.readings {
			letters[rd[0][0]] = true
		}
		for l := range letters {
			t.byLetter[l-'a'] = append(t.byLetter[l-'a'], int32(len(t.phrases)))
		}
		t.phrases = append(t.phrases, p)
	}
	if len(t.syls) == 0 {
		return nil, fmt.Errorf("pinyin table: no syllables")
	}
	sort.Strings(t.sorted)
	return t, nil
}

// parseEntries reads "我5握768…": a character, then its rank.
func parseEntries(s string) ([]entry, error) {
	var es []entry
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		j := i + 1
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
		n, err := strconv.Atoi(string(rs[i+1 : j]))
		if err != nil {
			return nil, fmt.Errorf("rank of %q: %w", string(r), err)
		}
		es = append(es, entry{r: r, rank: int32(n)})
		i = j
	}
	return es, nil
}

// IsSyllable reports whether s is a whole toneless syllable (ü typed as v).
func (t *Table) IsSyllable(s string) bool { _, ok := t.syls[s]; return ok }

// Runes calls f for every character the table can offer (for coverage checks).
func (t *Table) Runes(f func(rune)) {
	for _, es := range t.syls {
		for _, e := range es {
			f(e.r)
		}
	}
	for _, p := range t.phrases {
		for _, r := range p.text {
			f(r)
		}
	}
}
