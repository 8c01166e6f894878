package quizimport

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

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
	giftFormat = regexp.MustCompile(`^\s*\[(html|moodle|plain|markdown)\]`)
	htmlDrop   = regexp.MustCompile(`(?is)<!--.*?(?:-->|$)|<(script|style)\b.*?(?:</(?:script|style)\s*>|$)`)
	htmlBlock  = regexp.MustCompile(`(?i)</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote)\b[^>]*>`)
	htmlTag    = regexp.MustCompile(`</?[A-Za-z][^>]*>`)
)

// giftBlock is the text of one question, escapes already replaced.
type giftBlock struct {
	line int // first line
	text string
}

// parseGIFT reads a Moodle GIFT file: questions separated by blank lines, // comment
// lines, $CATEGORY: lines.
// At most lim.MaxQuestions questions are read; the rest is cut with a report line.
func parseGIFT(file string, text string, def Defaults, lim Limits) ([]*item, []Entry) {
	var (
		items    []*item
		notes    []Entry
		cur      []string
		start    int
		depth    int
		complete bool // cur already holds a closed {…}
		catTopic string
	)
	cut := false
	flush := func() {
		if len(cur) > 0 && !cut {
			if len(items) == lim.MaxQuestions {
				notes = append(notes, cutQuestions(file, start, lim.MaxQuestions))
				cut = true
			} else {
				items = append(items, parseGIFTQuestion(Loc{File: file, Line: start},
					giftBlock{line: start, text: strings.Join(cur, "\n")}, def, catTopic))
			}
		}
		cur, depth, complete = nil, 0, false
	}
	n := 0
	for raw := range strings.Lines(text) {
		if n++; cut {
			break
		}
		l := giftEscape.Replace(strings.TrimSuffix(raw, "\n"))
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
	q := &it.q
	q.Prompt = content.Text{Zh: giftPrompt(it, before, after, isTrueFalse(body), isHTML)}
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
	switch tf := strings.ToUpper(norm.NFKC.String(strings.TrimSpace(head))); {
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
			q.Choices = append(q.Choices, content.Text{Zh: it.unlabel(giftText(a.text, isHTML), len(q.Choices))})
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
	// Without feedback or a topic the question becomes a draft (Import: settle) that a
	// teacher completes: add general feedback (####…) or a $CATEGORY naming the topic.
	q.Explanation = content.Text{Zh: explanation}
	q.Audience, q.Difficulty, q.Source = def.Audience, def.Difficulty, def.Source
	q.Topic = catTopic
	if q.Topic == "" {
		q.Topic = def.Topic
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

// giftText turns raw GIFT text into plain text: a leading format marker ([html],
// [moodle], [plain], [markdown]) is dropped, line breaks and runs of spaces become one
// space, HTML (for [html] texts) is reduced to its text, escapes are undone. A real line
// break is written \n in GIFT.
func giftText(s string, isHTML bool) string {
	if m := giftFormat.FindStringSubmatch(s); m != nil {
		isHTML = isHTML || m[1] == "html"
		s = s[len(m[0]):]
	}
	s = strings.Join(strings.Fields(s), " ")
	if isHTML {
		// Scripts, styles and comments go with their content; block elements separate
		// words, inline ones (<b>, <span>) do not. Entities are decoded last, so that
		// "&lt;b&gt;" stays text.
		s = htmlTag.ReplaceAllString(htmlBlock.ReplaceAllString(htmlDrop.ReplaceAllString(s, ""), " "), "")
		s = strings.Join(strings.Fields(html.UnescapeString(s)), " ")
	}
	return strings.TrimSpace(giftUnescape.Replace(s))
}

// isTrueFalse reports whether an answer block is {T}, {FALSE}… (with feedback or not).
func isTrueFalse(body string) bool {
	head, _, _ := strings.Cut(strings.TrimSpace(body), "#")
	switch strings.ToUpper(norm.NFKC.String(strings.TrimSpace(head))) {
	case "T", "TRUE", "F", "FALSE":
		return true
	}
	return false
}

// giftPrompt builds the prompt from the text before and after the answer block. As
// Moodle documents it, answers placed inside the sentence make a missing-word question
// (a blank where the braces were), and answers placed after the question do not. So
// text after the block makes a blank only when it holds words, or when it is closing
// punctuation that the sentence before the block still lacks ("期限是 {…}。"). Closing
// punctuation after a finished sentence ("…everything.{F}\";") is dropped with a warning;
// a true/false statement never gets a blank.
func giftPrompt(it *item, before, after string, trueFalse, isHTML bool) string {
	pre, post := giftText(before, isHTML), giftText(after, isHTML)
	switch {
	case post == "":
		return pre
	case onlyPunct(post) && (trueFalse || endsSentence(pre)):
		it.warnf("text %q after the answer block was dropped", post)
		return pre
	case trueFalse:
		return giftText(before+" "+after, isHTML)
	}
	return giftText(before+"____"+after, isHTML)
}

func onlyPunct(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// endsSentence reports whether s ends with a full stop, question or exclamation mark,
// perhaps followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’」』)）] ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") ||
		strings.HasSuffix(s, "。") || strings.HasSuffix(s, "？") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "…")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
