package quizimport

import (
	"fmt"
	"iter"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

var (
	aikenOption  = regexp.MustCompile(`^([A-Z])\s*[.)．）、]\s*(.*)$`)
	aikenAnswer  = regexp.MustCompile(`(?i)^(?:ANSWER|答案)\s*[:：]\s*(.*)$`)
	aikenExplain = regexp.MustCompile(`(?i)^(?:EXPLANATION|FEEDBACK|解析)\s*[:：]\s*(.*)$`)
)

// aikenQuestion collects one question while its lines are read.
type aikenQuestion struct {
	at      Loc
	prompt  []string
	choices []string
	answer  string
	explain string
	errs    []string
}

// parseAiken reads an Aiken file: a question line, options "A. …" or "A) …", then
// "ANSWER: B". As an extension the bank needs, a line "EXPLANATION: …" (or "解析：…")
// may follow the answer. Blank lines between questions are optional.
// Option labels and the answer are read after NFKC, so "Ａ．" and "ANSWER: Ｂ" work. At
// most lim.MaxQuestions questions are read; the rest is cut with a report line.
func parseAiken(file string, text string, def Defaults, lim Limits) ([]*item, []Entry) {
	const (
		inQuestion = iota
		inOptions
		answered
		skipping // after a malformed line: up to the ANSWER: line or a blank line
	)
	var (
		items []*item
		notes []Entry
		cur   *aikenQuestion
		state int
	)
	closeQ := func() {
		if cur != nil {
			items = append(items, cur.item(def))
		}
		cur = nil
	}
	next, stop := iter.Pull(strings.Lines(text))
	defer stop()
	var (
		n       int
		line    string
		pending bool // line is to be read again: it starts the next question
	)
	for {
		if !pending {
			l, ok := next()
			if !ok {
				break
			}
			n, line = n+1, l
		}
		pending = false
		t := strings.TrimSpace(line)
		if cur == nil {
			if t == "" {
				continue
			}
			if len(items) == lim.MaxQuestions {
				notes = append(notes, cutQuestions(file, n, lim.MaxQuestions))
				return items, notes
			}
			cur, state = &aikenQuestion{at: Loc{File: file, Line: n}}, inQuestion
			if aikenAnswer.MatchString(t) || aikenExplain.MatchString(t) {
				cur.errs = append(cur.errs, fmt.Sprintf("%q has no question and options before it", t))
				cur.prompt = []string{t}
				closeQ()
				continue
			}
			cur.prompt = []string{t}
			continue
		}
		opt := aikenOption.FindStringSubmatch(nfkcPrefix(t, 3))
		ans := aikenAnswer.FindStringSubmatch(t)
		switch state {
		case inQuestion:
			switch {
			case t == "":
				cur.errs = append(cur.errs, "no options (A. …) and no ANSWER: line")
				closeQ()
			case opt != nil && opt[1] == "A":
				cur.choices, state = []string{opt[2]}, inOptions
			case ans != nil:
				cur.errs = append(cur.errs, fmt.Sprintf("line %d: ANSWER: before any option (A. …)", n))
				closeQ()
			default:
				cur.prompt = append(cur.prompt, t)
			}
		case inOptions:
			switch {
			case ans != nil:
				cur.answer, state = strings.TrimSpace(ans[1]), answered
			case t == "":
				cur.errs = append(cur.errs, fmt.Sprintf("line %d: no ANSWER: line after the options", n))
				closeQ()
			case opt != nil && opt[1] == quiz.Letter(len(cur.choices)):
				cur.choices = append(cur.choices, opt[2])
			case opt != nil:
				cur.errs = append(cur.errs, fmt.Sprintf("line %d: option %s. where %s. was expected", n, opt[1], quiz.Letter(len(cur.choices))))
				state = skipping
			default:
				cur.errs = append(cur.errs, fmt.Sprintf("line %d: %q is neither an option (%s. …) nor ANSWER:", n, excerpt(t), quiz.Letter(len(cur.choices))))
				state = skipping
			}
		case answered:
			if m := aikenExplain.FindStringSubmatch(t); m != nil {
				cur.explain = strings.TrimSpace(m[1])
				closeQ()
				continue
			}
			closeQ()
			pending = t != "" // the line starts the next question
		case skipping:
			switch {
			case ans != nil:
				state = answered // an EXPLANATION: line may still follow
			case t == "":
				closeQ()
			}
		}
	}
	if cur != nil && (state == inQuestion || state == inOptions) {
		cur.errs = append(cur.errs, "no ANSWER: line before the end of the file")
	}
	closeQ()
	return items, notes
}

// nfkcPrefix applies NFKC to the first n runes of s (an option label such as "Ｂ．"),
// leaving the text after them as written.
func nfkcPrefix(s string, n int) string {
	i := 0
	for k := range s {
		if n == 0 {
			i = k
			break
		}
		n--
		i = len(s)
	}
	return norm.NFKC.String(s[:i]) + s[i:]
}

// item converts the collected lines.
func (a *aikenQuestion) item(def Defaults) *item {
	it := &item{at: a.at, errs: a.errs}
	q := &it.q
	q.Prompt = content.Text{Zh: strings.Join(a.prompt, " ")}
	it.title = excerpt(q.Prompt.Zh)
	if len(it.errs) > 0 {
		return it
	}
	for _, c := range a.choices {
		q.Choices = append(q.Choices, content.Text{Zh: it.unlabel(strings.TrimSpace(c), len(q.Choices))})
	}
	idx, err := parseLetters(a.answer)
	if err != nil {
		it.errf("ANSWER: %v", err)
		return it
	}
	q.Answer.Indexes = idx
	q.Type = quiz.Single
	if len(idx) > 1 {
		q.Type = quiz.Multi
	}
	// Aiken has no explanation: without the EXPLANATION: extension the question becomes
	// a draft (Import: settle) that a teacher completes.
	q.Explanation = content.Text{Zh: a.explain}
	q.Audience, q.Difficulty, q.Topic, q.Source = def.Audience, def.Difficulty, def.Topic, def.Source
	q.ID = generatedID(q.Topic, q.Audience, a.at.Line)
	monolingual(it)
	return it
}
