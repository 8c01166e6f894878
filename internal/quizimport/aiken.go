package quizimport

import (
	"fmt"
	"regexp"
	"strings"

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
func parseAiken(file string, text string, def Defaults) ([]*item, []Entry) {
	const (
		inQuestion = iota
		inOptions
		answered
		skipping // after a malformed line: up to the ANSWER: line or a blank line
	)
	var (
		items []*item
		cur   *aikenQuestion
		state int
	)
	closeQ := func() {
		if cur != nil {
			items = append(items, cur.item(def))
		}
		cur = nil
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		n, t := i+1, strings.TrimSpace(lines[i])
		if cur == nil {
			if t == "" {
				continue
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
		opt := aikenOption.FindStringSubmatch(t)
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
			if t != "" {
				i-- // the line starts the next question
			}
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
	return items, nil
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
		q.Choices = append(q.Choices, content.Text{Zh: strings.TrimSpace(c)})
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
	if a.explain == "" {
		it.errf(`no explanation: Aiken has none; add a line "EXPLANATION: …" (or "解析：…") after the ANSWER: line`)
		return it
	}
	q.Explanation = content.Text{Zh: a.explain}
	q.Audience, q.Difficulty, q.Topic, q.Source = def.Audience, def.Difficulty, def.Topic, def.Source
	q.ID = generatedID(q.Topic, q.Audience, a.at.Line)
	monolingual(it)
	return it
}
