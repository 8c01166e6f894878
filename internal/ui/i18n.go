package ui

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/jindu-edu/kiosk/internal/content"
)

// Strings holds the UI string tables, one per language. Runtime language switching is
// per visitor, so the kiosk keeps its own tables instead of Fyne's process-wide locale.
type Strings struct {
	tables map[content.Lang]map[string]string
}

// LoadStrings reads strings/zh.json and strings/en.json from fsys and checks that both
// have the same keys.
func LoadStrings(fsys fs.FS) (*Strings, error) {
	s := &Strings{tables: map[content.Lang]map[string]string{}}
	for _, l := range []content.Lang{content.Zh, content.En} {
		data, err := fs.ReadFile(fsys, "strings/"+string(l)+".json")
		if err != nil {
			return nil, fmt.Errorf("read UI strings: %w", err)
		}
		t := map[string]string{}
		if err := json.Unmarshal(data, &t); err != nil {
			return nil, fmt.Errorf("UI strings %s.json: %w", l, err)
		}
		s.tables[l] = t
	}
	if missing := s.Missing(); len(missing) > 0 {
		return nil, fmt.Errorf("UI strings: keys missing in one language: %v", missing)
	}
	return s, nil
}

// Missing lists keys present in one table but not the other.
func (s *Strings) Missing() []string {
	var out []string
	zh, en := s.tables[content.Zh], s.tables[content.En]
	for k := range zh {
		if _, ok := en[k]; !ok {
			out = append(out, "en:"+k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			out = append(out, "zh:"+k)
		}
	}
	sort.Strings(out)
	return out
}

// T returns key in l, formatted with args; a missing key shows as the key itself so
// that it is noticed in screenshots (tests fail on it).
func (s *Strings) T(l content.Lang, key string, args ...any) string {
	v, ok := s.tables[l][key]
	english := ok && l == content.En
	if !ok {
		v, ok = s.tables[content.Zh][key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		v = fmt.Sprintf(v, args...)
	}
	if english {
		v = englishPunct(v)
	}
	return v
}

// latinMarks are the punctuation marks the bundled font draws full-width, with the Latin
// marks that take their place in English.
var latinMarks = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "…", "...")

// englishPunct gives English text straight quotes and a three-dot ellipsis. The bundled
// font is a Chinese one, whose “ ” ‘ ’ … are full-width (as Chinese typesetting wants
// them), so in an English sentence they leave a gap of half a word on each side; its " '
// and . are proportional. Chinese text keeps its marks: only English text goes through
// here (Shell.t, Shell.tx, english, the captions). The spaced separator · stays: the font
// has no narrow one, and between two spaces its width reads as space.
func englishPunct(s string) string {
	if !strings.ContainsAny(s, "“”‘’…") {
		return s
	}
	return latinMarks.Replace(s)
}

// All returns every string of every table, for the font-coverage test.
func (s *Strings) All() []string {
	var out []string
	for _, t := range s.tables {
		for _, v := range t {
			out = append(out, v)
		}
	}
	return out
}
