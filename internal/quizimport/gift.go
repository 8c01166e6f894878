package quizimport

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// GIFT escapes are replaced by private-use runes while the question is taken apart, so
// that an escaped ~ = # { } : is never mistaken for syntax, and put back in the texts.
var (
	giftEscape = strings.NewReplacer(`\\`, "\uE000", `\~`, "\uE001", `\=`, "\uE002", `\#`, "\uE003",
		`\{`, "\uE004", `\}`, "\uE005", `\:`, "\uE006", `\n`, "\uE007")
	giftUnescape = strings.NewReplacer("\uE000", `\`, "\uE001", "~", "\uE002", "=", "\uE003", "#",
		"\uE004", "{", "\uE005", "}", "\uE006", ":", "\uE007", "\n")
	giftFormat = regexp.MustCompile(`^\[(html|moodle|plain|markdown)\]`)
	htmlBlock  = regexp.MustCompile(`(?i)</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote)\b[^>]*>`)
	htmlTag    = regexp.MustCompile(`<[^>]*>`)
)

// giftBlock is the text of one question, escapes already replaced.
type giftBlock struct {
	line int // first line
	text string
}

// parseGIFT reads a Moodle GIFT file: questions separated by blank lines, // comment
// lines, $CATEGORY: lines.
func parseGIFT(file string, text string, def Defaults) ([]*item, []Entry) {
	var (
		items    []*item
		notes    []Entry
		cur      []string
		start    int
		depth    int
		complete bool // cur already holds a closed {…}
		catTopic string
	)
	flush := func() {
		if len(cur) > 0 {
			items = append(items, parseGIFTQuestion(Loc{File: file, Line: start},
				giftBlock{line: start, text: strings.Join(cur, "\n")}, def, catTopic))
		}
		cur, depth, complete = nil, 0, false
	}
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		l := giftEscape.Replace(raw)
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "//"):
			continue
		case t == "":
			flush() // as in Moodle, a blank line ends a question even inside {…}
			continue
		case strings.HasPrefix(t, "$CATEGORY:") && depth == 0:
			flush()
			catTopic = ""
			path := giftUnescape.Replace(strings.TrimSpace(strings.TrimPrefix(t, "$CATEGORY:")))
			last := strings.TrimSpace(path[strings.LastIndex(path, "/")+1:])
			if topic, err := normTopic(last); err == nil {
				catTopic = topic
			} else {
				then := "the questions after it have no topic unless --topic is given"
				if def.Topic != "" {
					then = "the questions after it get --topic " + def.Topic
				}
				notes = append(notes, Entry{At: Loc{File: file, Line: n}, Level: Warning,
					Msg: fmt.Sprintf("category %q does not end in a topic (history, drugs, law, disguise, refusal or 历史, 毒品知识, 法律, 伪装, 自护); %s", path, then)})
			}
			continue
		case depth == 0 && complete && strings.HasPrefix(t, "::"):
			flush() // a new titled question without a blank line before it
		}
		if len(cur) == 0 {
			start = n
		}
		cur = append(cur, l)
		depth += strings.Count(l, "{") - strings.Count(l, "}")
		if depth < 0 {
			depth = 0
		}
		if depth == 0 && strings.Contains(l, "}") {
			complete = true
		}
	}
	flush()
	return items, notes
}

// giftAnswer is one ~ or = entry of an answer block.
type giftAnswer struct {
	text, feedback string
	right          bool
}

// parseGIFTQuestion reads one question; unsupported kinds become errors naming the kind.
func parseGIFTQuestion(at Loc, b giftBlock, def Defaults, catTopic string) *item {
	it := &item{at: at}
	s := strings.TrimSpace(b.text)
	if strings.HasPrefix(s, "::") {
		end := strings.Index(s[2:], "::")
		if end < 0 {
			it.errf("the title ::… is not closed with ::")
			return it
		}
		it.title = giftText(s[2:2+end], false)
		s = strings.TrimSpace(s[2+end+2:])
	}
	isHTML := false
	if m := giftFormat.FindStringSubmatch(s); m != nil {
		isHTML = m[1] == "html"
		s = s[len(m[0]):]
	}
	open := strings.Index(s, "{")
	if open < 0 {
		if it.title == "" {
			it.title = excerpt(giftText(s, isHTML))
		}
		it.errf("unsupported GIFT item: no answer block {…} (a description, not a question)")
		return it
	}
	end := strings.Index(s[open:], "}")
	if end < 0 {
		it.errf("the answer block { is not closed with }")
		return it
	}
	before, body, after := s[:open], s[open+1:open+end], s[open+end+1:]
	prompt := before
	if strings.TrimSpace(after) != "" {
		prompt = before + "____" + after // missing word: the blank is where the braces were
	}
	q := &it.q
	q.Prompt = content.Text{Zh: giftText(prompt, isHTML)}
	if it.title == "" {
		it.title = excerpt(q.Prompt.Zh)
	}
	if strings.Contains(after, "{") {
		it.errf("unsupported GIFT question: more than one answer block {…}")
		return it
	}

	body = strings.TrimSpace(body)
	var general string
	if i := strings.Index(body, "####"); i >= 0 {
		general, body = body[i+4:], strings.TrimSpace(body[:i])
	}
	head, _, _ := strings.Cut(body, "#")
	unsupported := func(kind string) *item {
		it.errf("unsupported GIFT question type: %s; only multiple choice, multiple answers and true/false are imported", kind)
		return it
	}
	var explanation string
	switch tf := strings.ToUpper(strings.TrimSpace(head)); {
	case body == "":
		return unsupported("essay ({})")
	case strings.HasPrefix(body, "#"):
		return unsupported("numerical ({#…})")
	case tf == "T" || tf == "TRUE" || tf == "F" || tf == "FALSE":
		q.Type = quiz.TrueFalse
		v := tf[0] == 'T'
		q.Answer.Bool = &v
		// {T#shown when wrong#shown when right}: prefer the feedback for the right answer.
		fb := strings.Split(body, "#")[1:]
		for i := len(fb) - 1; i >= 0 && explanation == ""; i-- {
			explanation = giftText(fb[i], isHTML)
		}
	case strings.Contains(body, "->"):
		return unsupported("matching (->)")
	default:
		answers, err := giftAnswers(body)
		if err != nil {
			it.errf("%v", err)
			return it
		}
		wrong := 0
		var fbs []string
		for _, a := range answers {
			q.Choices = append(q.Choices, content.Text{Zh: giftText(a.text, isHTML)})
			if !a.right {
				wrong++
				continue
			}
			q.Answer.Indexes = append(q.Answer.Indexes, len(q.Choices)-1)
			if f := giftText(a.feedback, isHTML); f != "" && !contains(fbs, f) {
				fbs = append(fbs, f)
			}
		}
		if !strings.Contains(body, "~") {
			return unsupported("short answer (only = answers, no ~ choices)")
		}
		switch len(q.Answer.Indexes) {
		case 0:
			it.errf("no right answer: mark it with = or a positive weight ~%%50%%")
			return it
		case 1:
			q.Type = quiz.Single
		default:
			q.Type = quiz.Multi
		}
		explanation = strings.Join(fbs, " ")
	}
	if g := giftText(general, isHTML); g != "" {
		explanation = g
	}
	if explanation == "" {
		it.errf("no explanation: add general feedback (####…) or feedback on the right answer (#…)")
		return it
	}
	q.Explanation = content.Text{Zh: explanation}

	q.Audience, q.Difficulty, q.Source = def.Audience, def.Difficulty, def.Source
	q.Topic = catTopic
	if q.Topic == "" {
		q.Topic = def.Topic
	}
	if q.Topic == "" {
		it.errf("no topic: give --topic or put the question under a $CATEGORY whose last part is a topic (e.g. $CATEGORY: 禁毒/法律)")
		return it
	}
	if idPattern.MatchString(it.title) {
		q.ID = it.title
		it.title = excerpt(q.Prompt.Zh) // the id already names it
	} else {
		q.ID = generatedID(q.Topic, q.Audience, at.Line)
	}
	monolingual(it)
	return it
}

// giftAnswers splits "=right#fb ~wrong ~%50%half" into answers.
func giftAnswers(body string) ([]giftAnswer, error) {
	i := strings.IndexAny(body, "~=")
	if i < 0 {
		return nil, fmt.Errorf("unsupported GIFT answer block {%s}: no ~ or = answers", giftUnescape.Replace(body))
	}
	if pre := strings.TrimSpace(body[:i]); pre != "" {
		return nil, fmt.Errorf("text %q before the first ~ or = answer", giftUnescape.Replace(pre))
	}
	var out []giftAnswer
	for i < len(body) {
		marker := body[i]
		j := strings.IndexAny(body[i+1:], "~=")
		raw := body[i+1:]
		if j >= 0 {
			raw = body[i+1 : i+1+j]
			i = i + 1 + j
		} else {
			i = len(body)
		}
		a := giftAnswer{right: marker == '='}
		raw = strings.TrimSpace(raw)
		if strings.HasPrefix(raw, "%") {
			k := strings.Index(raw[1:], "%")
			if k < 0 {
				return nil, fmt.Errorf("weight %q is not closed with %%", raw)
			}
			w, err := strconv.ParseFloat(strings.TrimSpace(raw[1:1+k]), 64)
			if err != nil {
				return nil, fmt.Errorf("weight %%%s%% is not a number", raw[1:1+k])
			}
			a.right = w > 0
			raw = raw[k+2:]
		}
		a.text, a.feedback, _ = strings.Cut(raw, "#")
		out = append(out, a)
	}
	return out, nil
}

// giftText turns raw GIFT text into plain text: line breaks and runs of spaces become
// one space, HTML (for [html] questions) is reduced to its text, escapes are undone.
// A real line break is written \n in GIFT.
func giftText(s string, isHTML bool) string {
	s = strings.Join(strings.Fields(s), " ")
	if isHTML {
		// Block elements separate words; inline ones (<b>, <span>) do not.
		s = htmlTag.ReplaceAllString(htmlBlock.ReplaceAllString(s, " "), "")
		s = strings.Join(strings.Fields(html.UnescapeString(s)), " ")
	}
	return strings.TrimSpace(giftUnescape.Replace(s))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
