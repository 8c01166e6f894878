package quiz

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/lint"
)

// Question types, audiences and topics of the bank format (docs/quizbank-format.md).
const (
	Single    = "single"
	Multi     = "multi"
	TrueFalse = "truefalse"

	Primary   = "primary"
	Secondary = "secondary"
	Adult     = "adult"
)

// Audiences in display order.
var Audiences = []string{Primary, Secondary, Adult}

// Topics the bank spreads over.
var Topics = []string{"history", "drugs", "law", "disguise", "refusal"}

// Dir is where a content root keeps its quiz bank.
const Dir = "quizbank"

// Question is one bank entry. For true/false questions Load fills in the two choices
// (对 / 错) so that the engine treats every type alike.
type Question struct {
	ID          string         `yaml:"id"`
	Type        string         `yaml:"type"`
	Audience    string         `yaml:"audience"`
	Difficulty  int            `yaml:"difficulty"`
	Topic       string         `yaml:"topic"`
	Prompt      content.Text   `yaml:"prompt"`
	Choices     []content.Text `yaml:"choices"`
	Answer      Answer         `yaml:"answer"`
	PinLast     bool           `yaml:"pin_last"`
	Explanation content.Text   `yaml:"explanation"`
	Source      string         `yaml:"source"`
	Image       string         `yaml:"image"`
	Status      string         `yaml:"status"` // "" or StatusDraft
}

// Correct lists the indexes of the right choices.
func (q Question) Correct() []int { return q.Answer.Indexes }

// Answer is written as a letter (single: B), a list of letters (multi: [A, C]) or a
// boolean (truefalse: true).
type Answer struct {
	Indexes []int
	Bool    *bool
	Err     string // why the answer could not be read; reported with the question's line
}

// UnmarshalYAML reads any of the three spellings.
func (a *Answer) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		switch strings.ToLower(n.Value) {
		case "true", "false":
			b := strings.ToLower(n.Value) == "true"
			a.Bool = &b
			return nil
		}
		if i, ok := letterIndex(n.Value); ok {
			a.Indexes = []int{i}
			return nil
		}
		a.Err = fmt.Sprintf("answer %q is not a letter A–F, a list of letters, or true/false", n.Value)
	case yaml.SequenceNode:
		for _, item := range n.Content {
			i, ok := letterIndex(item.Value)
			if !ok {
				a.Err = fmt.Sprintf("answer %q is not a letter A–F", item.Value)
				return nil
			}
			a.Indexes = append(a.Indexes, i)
		}
	default:
		a.Err = "answer must be a letter, a list of letters, or true/false"
	}
	return nil
}

// Letter is the label of choice i: A, B, C…
func Letter(i int) string { return string(rune('A' + i)) }

func letterIndex(s string) (int, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 1 || s[0] < 'A' || s[0] > 'F' {
		return 0, false
	}
	return int(s[0] - 'A'), true
}

// TrueFalseChoices are the two choices of every true/false question.
var TrueFalseChoices = []content.Text{{Zh: "对", En: "True"}, {Zh: "错", En: "False"}}

// Bank is a validated set of questions. Questions holds only the questions that may be
// served; drafts (status: draft) stay in the bank files and are counted in Drafts.
type Bank struct {
	Questions []Question
	Drafts    Drafts
}

type bankFile struct {
	Questions []Question `yaml:"questions"`
}

// BankFS picks the quiz bank of a content root: its quizbank/ directory when it has one,
// else def (the bundled bank).
func BankFS(root, def fs.FS) fs.FS {
	if st, err := fs.Stat(root, Dir); err == nil && st.IsDir() {
		if sub, err := fs.Sub(root, Dir); err == nil {
			return sub
		}
	}
	return def
}

// Load reads every *.yaml of bank and validates it; image paths are checked in media (the
// content root). Problems name files as quizbank/NAME. As with content, callers must not
// use a bank whose report has errors. The files of bank are read from several goroutines.
func Load(bank, media fs.FS) (*Bank, lint.Report) {
	var probs []lint.Problem
	names, err := fs.Glob(bank, "*.yaml")
	if err != nil || len(names) == 0 {
		probs = append(probs, lint.Problem{Severity: lint.Error, File: Dir,
			Msg: "no quiz bank files (quizbank/*.yaml)"})
		return &Bank{}, lint.Report{Problems: probs}
	}
	sort.Strings(names)
	b := &Bank{}
	seen := map[string]string{}    // id → file:line
	prompts := map[string]string{} // audience|prompt → file:line
	for _, pf := range parseFiles(bank, names) {
		name, d, f := pf.name, pf.doc, pf.file
		if d == nil {
			probs = append(probs, *pf.probs...)
			continue
		}
		if len(f.Questions) == 0 {
			d.Errf("questions", "the file has no questions")
		}
		for i := range f.Questions {
			q := &f.Questions[i]
			p := fmt.Sprintf("questions[%d]", i)
			check(d, p, q, media)
			if where, dup := seen[q.ID]; dup && q.ID != "" {
				d.Errf(p+".id", "id %q is used twice (also at %s)", q.ID, where)
			}
			at := fmt.Sprintf("%s:%d", name, d.Line(p))
			seen[q.ID] = at
			key := q.Audience + "|" + strings.TrimSpace(q.Prompt.Zh)
			if other, dup := prompts[key]; dup {
				d.Errf(p+".prompt", "the same prompt is asked to the same audience at %s", other)
			}
			prompts[key] = at
			if q.Type == TrueFalse && q.Answer.Bool != nil {
				q.Choices = TrueFalseChoices
				q.Answer.Indexes = []int{0}
				if !*q.Answer.Bool {
					q.Answer.Indexes = []int{1}
				}
			}
			if q.IsDraft() {
				b.Drafts.add(*q, at)
				continue
			}
			b.Questions = append(b.Questions, *q)
		}
		probs = append(probs, *pf.probs...)
	}
	return b, lint.Report{Problems: probs}
}

// parsedFile is one bank file read and parsed; doc is nil when it could not be (its
// problems say why). probs collects the file's problems, the validation's after the parse's.
type parsedFile struct {
	name  string
	doc   *lint.Doc
	file  bankFile
	probs *[]lint.Problem
}

// parseFiles reads and parses the bank files on all cores (YAML parsing is most of the
// time a large bank takes to load), returning them in the order of names; validation,
// which compares questions across files, stays in that order.
func parseFiles(bank fs.FS, names []string) []parsedFile {
	out := make([]parsedFile, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pf := &out[i]
				pf.name = Dir + "/" + names[i]
				pf.probs = new([]lint.Problem)
				data, err := fs.ReadFile(bank, names[i])
				if err != nil {
					*pf.probs = append(*pf.probs, lint.Problem{Severity: lint.Error, File: pf.name, Msg: "cannot read: " + err.Error()})
					continue
				}
				if d, ok := lint.Parse(pf.name, data, &pf.file, pf.probs); ok {
					pf.doc = d
				}
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// check applies the rules of one question. A draft may lack the fields of DraftFields:
// each missing one is a warning that names it, not an error.
func check(d *lint.Doc, p string, q *Question, fsys fs.FS) {
	draft := q.IsDraft()
	switch {
	case q.ID == "":
		d.Errf(p+".id", "id is missing")
	case len(q.ID) > MaxFieldLen:
		d.Errf(p+".id", "id is %d bytes long; at most %d", len(q.ID), MaxFieldLen)
	}
	if q.Status != "" && !draft {
		d.Errf(p+".status", "status %q must be draft, or left out", q.Status)
	}
	// fill reports a missing field: a warning for a draft, an error otherwise.
	fill := func(field, format string, args ...any) {
		if draft {
			d.Warnf(p+"."+field, "draft: fill in %s (%s), then remove status: draft", field, fmt.Sprintf(format, args...))
			return
		}
		d.Errf(p+"."+field, format, args...)
	}
	text := func(field string, t content.Text) {
		if strings.TrimSpace(t.Zh) == "" {
			d.Errf(p+"."+field, "Chinese text (zh) is missing")
		}
		if strings.TrimSpace(t.En) == "" {
			d.Errf(p+"."+field, "English text (en) is missing")
		}
	}
	text("prompt", q.Prompt)
	switch zh, en := strings.TrimSpace(q.Explanation.Zh) == "", strings.TrimSpace(q.Explanation.En) == ""; {
	case zh && en:
		fill("explanation", "every question needs an explanation in zh and en")
	case zh:
		fill("explanation", "Chinese text (zh) is missing")
	case en:
		fill("explanation", "English text (en) is missing")
	}
	for _, t := range []string{q.Explanation.Zh, q.Explanation.En} {
		if ref := PositionRef(t); ref != "" {
			const msg = "%q names a choice by its letter or position, but choices are shuffled on screen: name the choice by its content"
			if q.IsDraft() { // a draft is not served yet: the teacher rewrites it with the rest
				d.Warnf(p+".explanation", msg, ref)
			} else {
				d.Errf(p+".explanation", msg, ref)
			}
			break
		}
	}
	if strings.TrimSpace(q.Source) == "" {
		fill("source", "every question needs its source")
	}
	switch {
	case q.Audience == "" && draft:
		fill("audience", "primary, secondary or adult")
	case !contains(Audiences, q.Audience):
		d.Errf(p+".audience", "audience %q must be primary, secondary or adult", q.Audience)
	}
	switch {
	case q.Difficulty == 0 && draft:
		fill("difficulty", "1, 2 or 3")
	case q.Difficulty < 1 || q.Difficulty > 3:
		d.Errf(p+".difficulty", "difficulty %d must be 1, 2 or 3", q.Difficulty)
	}
	switch {
	case len(q.Topic) > MaxFieldLen:
		d.Errf(p+".topic", "topic is %d bytes long; at most %d", len(q.Topic), MaxFieldLen)
	case q.Topic == "" && draft:
		fill("topic", "one of %s", strings.Join(Topics, ", "))
	case !contains(Topics, q.Topic):
		d.Errf(p+".topic", "topic %q must be one of %s", q.Topic, strings.Join(Topics, ", "))
	}
	if draft && len(q.Missing()) == 0 {
		d.Warnf(p+".status", "draft: nothing is missing any more; remove status: draft to let visitors see it")
	}
	if q.Answer.Err != "" {
		d.Errf(p+".answer", "%s", q.Answer.Err)
	}
	for i, c := range q.Choices {
		field := fmt.Sprintf("choices[%d]", i)
		text(field, c)
		for _, s := range []string{c.Zh, c.En} {
			if _, _, ok := ChoiceLabel(s); ok {
				d.Errf(p+"."+field, "%q starts with a letter label, but choices are shuffled on screen: remove the label", excerpt(s))
				break
			}
		}
	}
	switch q.Type {
	case Single, Multi:
		if n := len(q.Choices); n < 2 || n > 6 {
			d.Errf(p+".choices", "a %s question needs 2–6 choices, has %d", q.Type, n)
		}
		if q.Answer.Bool != nil {
			d.Errf(p+".answer", "a %s question's answer is a letter, not true/false", q.Type)
		}
		for _, i := range q.Answer.Indexes {
			if i >= len(q.Choices) {
				d.Errf(p+".answer", "answer %s points at a choice that does not exist (%d choices)", Letter(i), len(q.Choices))
			}
		}
		if q.Type == Single && len(q.Answer.Indexes) != 1 && q.Answer.Err == "" && q.Answer.Bool == nil {
			d.Errf(p+".answer", "a single-choice question has exactly one answer, has %d", len(q.Answer.Indexes))
		}
		if q.Type == Multi && len(q.Answer.Indexes) < 2 && q.Answer.Err == "" {
			d.Errf(p+".answer", "a multi-choice question needs at least two right answers")
		}
		if dup := duplicateIndex(q.Answer.Indexes); dup >= 0 {
			d.Errf(p+".answer", "answer %s is listed twice", Letter(dup))
		}
	case TrueFalse:
		if len(q.Choices) > 0 {
			d.Errf(p+".choices", "a true/false question has no choices (they are 对 / 错)")
		}
		if q.Answer.Bool == nil && q.Answer.Err == "" {
			d.Errf(p+".answer", "a true/false question's answer is true or false")
		}
	default:
		d.Errf(p+".type", "type %q must be single, multi or truefalse", q.Type)
	}
	if q.PinLast && q.Type == TrueFalse {
		d.Errf(p+".pin_last", "pin_last needs choices")
	}
	if q.Image != "" {
		if !fs.ValidPath(q.Image) || !(strings.HasSuffix(q.Image, ".png") || strings.HasSuffix(q.Image, ".svg")) {
			d.Errf(p+".image", "%q must be a .png or .svg path inside the content root", q.Image)
		} else if st, err := fs.Stat(fsys, q.Image); err != nil || st.Size() == 0 {
			d.Errf(p+".image", "image %q does not exist in the content root", path.Clean(q.Image))
		} else if err := content.DefaultLimits().CheckMedia(fsys, q.Image); err != nil {
			d.Errf(p+".image", "%v", err) // a link, a special file, or pixels over the limits
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func duplicateIndex(xs []int) int {
	seen := map[int]bool{}
	for _, x := range xs {
		if seen[x] {
			return x
		}
		seen[x] = true
	}
	return -1
}

// For returns the questions of one audience that may be served (never a draft).
func (b *Bank) For(audience string) []Question {
	var out []Question
	for _, q := range b.Questions {
		if q.Audience == audience && !q.IsDraft() {
			out = append(out, q)
		}
	}
	return out
}
