// Command gen writes internal/pinyin/table.txt, the candidate table of the on-screen pinyin
// keyboard. Run it with `go generate ./internal/pinyin` (or `make pinyin`) from the module root.
//
// Sources:
//   - readings: the dictionary of github.com/mozillazg/go-pinyin (itself from the Unihan
//     readings and other public dictionaries), tones removed, ü typed as v; for characters of
//     the 通用规范汉字字典 (Unihan kTGHZ2013) only its readings and those with a frequency;
//   - order: the 现代汉语频率词典 counts per reading (Unihan kHanyuPinlu), then the
//     通用规范汉字表 (Unihan kTGH: level 1 before 2 before 3, then its number), then the rest;
//   - coverage: only characters that both bundled fonts (assets/fonts) have a glyph for;
//   - phrases: gen/phrases.txt, one word a line, in the order they are offered.
//
// Unihan comes from Debian's unicode-data package (/usr/share/unicode), as in scripts/make-font.sh.
package main

import (
	"bufio"
	"compress/bzip2"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"

	gopinyin "github.com/mozillazg/go-pinyin"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

func main() {
	unihan := flag.String("unihan", "/usr/share/unicode", "directory of Unihan_*.txt.bz2 (Debian unicode-data)")
	fonts := flag.String("fonts", "../../assets/fonts/NotoSansSC-Regular.otf,../../assets/fonts/NotoSansSC-Bold.otf", "fonts every candidate must be covered by")
	phrases := flag.String("phrases", "gen/phrases.txt", "phrase list")
	out := flag.String("out", "table.txt", "output")
	flag.Parse()
	if err := run(*unihan, strings.Split(*fonts, ","), *phrases, *out); err != nil {
		log.Fatal(err)
	}
}

// reading is one toneless syllable of a character, with its frequency count.
type reading struct {
	syl   string
	count int
}

// charInfo is what the generator knows of one character.
type charInfo struct {
	r        rune
	readings []reading // go-pinyin's order, counts from kHanyuPinlu where it has them
	pinlu    bool      // kHanyuPinlu has the character
	tgh      int       // 通用规范汉字表 number, 0 if not in it
}

func run(unihan string, fonts []string, phrasesPath, out string) error {
	covered, err := coverage(fonts)
	if err != nil {
		return err
	}
	pinlu, err := unihanField(unihan+"/Unihan_Readings.txt.bz2", "kHanyuPinlu")
	if err != nil {
		return err
	}
	tghField, err := unihanField(unihan+"/Unihan_OtherMappings.txt.bz2", "kTGH")
	if err != nil {
		return err
	}
	standard, err := unihanField(unihan+"/Unihan_Readings.txt.bz2", "kTGHZ2013")
	if err != nil {
		return err
	}
	chars := map[rune]*charInfo{}
	for cp, list := range gopinyin.PinyinDict {
		r := rune(cp)
		if !unicode.Is(unicode.Han, r) || !covered(r) {
			continue
		}
		ci := &charInfo{r: r}
		counts := map[string]int{}
		if p, ok := pinlu[r]; ok {
			ci.pinlu = true
			for _, f := range strings.Fields(p) { // wǒ(23213)
				i := strings.IndexByte(f, '(')
				n, _ := strconv.Atoi(strings.TrimSuffix(f[i+1:], ")"))
				counts[toneless(f[:i])] += n
			}
		}
		// The 通用规范汉字字典 (kTGHZ2013: "387.070:wǒ …") gives the standard readings of
		// the characters it has; go-pinyin also lists old and dialect ones (夭 wò), which
		// are kept only where the frequency dictionary saw them.
		std := map[string]bool{}
		for _, f := range strings.Fields(standard[r]) {
			if _, py, ok := strings.Cut(f, ":"); ok {
				std[toneless(py)] = true
			}
		}
		seen := map[string]bool{}
		for _, py := range strings.Split(list, ",") {
			s := toneless(py)
			if !valid(s) || seen[s] || (len(std) > 0 && !std[s] && counts[s] == 0) {
				continue
			}
			seen[s] = true
			ci.readings = append(ci.readings, reading{s, counts[s]})
		}
		if t, ok := tghField[r]; ok { // 2013:0387
			ci.tgh, _ = strconv.Atoi(strings.TrimPrefix(t, "2013:"))
		}
		if len(ci.readings) > 0 {
			chars[r] = ci
		}
	}

	// One global order of (syllable, character) pairs: counted readings by count, then the
	// uncounted ones by the 通用规范汉字表, then characters outside it by code point.
	type pair struct {
		syl string
		ci  *charInfo
		n   int
	}
	var pairs []pair
	for _, ci := range chars {
		for _, rd := range ci.readings {
			pairs = append(pairs, pair{rd.syl, ci, rd.count})
		}
	}
	class := func(p pair) int {
		switch {
		case p.n > 0:
			return 0
		case p.ci.tgh > 0 && p.ci.tgh <= 3500 && !p.ci.pinlu:
			return 1 // level 1 character that the frequency dictionary lacks
		case p.ci.tgh > 3500 && p.ci.tgh <= 6500:
			return 2
		case p.ci.tgh > 0 && p.ci.tgh <= 3500:
			return 3 // a reading the frequency dictionary never saw for a common character
		case p.ci.tgh > 0:
			return 4
		}
		return 5
	}
	sort.Slice(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if ca, cb := class(a), class(b); ca != cb {
			return ca < cb
		}
		if a.n != b.n {
			return a.n > b.n
		}
		if ta, tb := tghOrder(a.ci), tghOrder(b.ci); ta != tb {
			return ta < tb
		}
		if a.ci.r != b.ci.r {
			return a.ci.r < b.ci.r
		}
		return a.syl < b.syl
	})
	bySyl := map[string][]string{}
	for rank, p := range pairs {
		bySyl[p.syl] = append(bySyl[p.syl], string(p.ci.r)+strconv.Itoa(rank))
	}
	syls := make([]string, 0, len(bySyl))
	for s := range bySyl {
		syls = append(syls, s)
	}
	sort.Strings(syls)

	phraseLines, err := phraseTable(phrasesPath, chars)
	if err != nil {
		return err
	}

	var b strings.Builder
	b.WriteString("# Generated by internal/pinyin/gen (go generate ./internal/pinyin); do not edit.\n")
	b.WriteString("# syllable<TAB>character+rank…  (rank: global order, 0 = most common)\n")
	b.WriteString("# phrase<TAB>syllables'joined;another reading…  (in the order they are offered)\n")
	for _, s := range syls {
		fmt.Fprintf(&b, "%s\t%s\n", s, strings.Join(bySyl[s], ""))
	}
	for _, l := range phraseLines {
		b.WriteString(l + "\n")
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	log.Printf("%d characters, %d syllables, %d pairs, %d phrases, %d bytes", len(chars), len(syls), len(pairs), len(phraseLines), b.Len())
	return nil
}

// phraseTable reads the phrase list: a word, optionally followed by its syllables when the
// characters' usual readings would be wrong (银行 yin hang). Without them, every combination
// of the readings the frequency dictionary attests is offered (at most 16).
func phraseTable(path string, chars map[rune]*charInfo) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("phrases: %w", err)
	}
	defer f.Close()
	var lines []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		fields := strings.Fields(line)
		word := fields[0]
		if seen[word] {
			continue
		}
		seen[word] = true
		runes := []rune(word)
		var options [][]string
		for i, r := range runes {
			ci := chars[r]
			if ci == nil {
				return nil, fmt.Errorf("%s:%d: %q: %q has no reading or no glyph in the fonts", path, n, word, string(r))
			}
			var opts []string
			if len(fields) > 1 {
				if len(fields) != len(runes)+1 {
					return nil, fmt.Errorf("%s:%d: %q: %d syllables for %d characters", path, n, word, len(fields)-1, len(runes))
				}
				opts = []string{fields[i+1]}
			} else {
				for _, rd := range ci.readings {
					if rd.count > 0 || !ci.pinlu {
						opts = append(opts, rd.syl)
					}
				}
				if len(opts) == 0 {
					opts = []string{ci.readings[0].syl}
				}
			}
			options = append(options, opts)
		}
		combos := [][]string{{}}
		for _, opts := range options {
			var next [][]string
			for _, c := range combos {
				for _, o := range opts {
					next = append(next, append(append([]string{}, c...), o))
				}
			}
			combos = next
		}
		if len(combos) > 16 {
			combos = combos[:1] // the most common reading of each character
		}
		alts := make([]string, len(combos))
		for i, c := range combos {
			alts[i] = strings.Join(c, "'")
		}
		lines = append(lines, word+"\t"+strings.Join(alts, ";"))
	}
	return lines, sc.Err()
}

// tghOrder is the character's 通用规范汉字表 number, characters outside it last.
func tghOrder(ci *charInfo) int {
	if ci.tgh == 0 {
		return 1 << 30
	}
	return ci.tgh
}

// toneless turns "lǜ" into "lv" and "ê" into "e".
func toneless(py string) string {
	d := norm.NFD.String(strings.ToLower(py))
	d = strings.ReplaceAll(d, "u\u0308", "v")
	var b strings.Builder
	for _, r := range d {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// valid keeps syllables that have a vowel (drops the interjections m, n, ng, hm, hng).
func valid(s string) bool { return s != "" && strings.ContainsAny(s, "aeiouv") }

// unihanField reads one field of a bzip2'd Unihan file: code point → value.
func unihanField(path, field string) (map[rune]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("unihan (apt-get install unicode-data): %w", err)
	}
	defer f.Close()
	m := map[rune]string{}
	sc := bufio.NewScanner(bzip2.NewReader(f))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) != 3 || parts[1] != field {
			continue
		}
		cp, err := strconv.ParseInt(strings.TrimPrefix(parts[0], "U+"), 16, 32)
		if err != nil {
			continue
		}
		m[rune(cp)] = parts[2]
	}
	return m, sc.Err()
}

// coverage returns a test for "every font has a glyph for r".
func coverage(paths []string) (func(rune) bool, error) {
	var fonts []*sfnt.Font
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("font: %w", err)
		}
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", p, err)
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	return func(r rune) bool {
		for _, f := range fonts {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				return false
			}
		}
		return true
	}, nil
}
