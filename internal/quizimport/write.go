package quizimport

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// Marshal writes questions as a bank file (a `questions:` list, as in quizbank/*.yaml):
// texts as {zh: "…", en: "…"} flow maps, answers as letters, a list of letters or a
// boolean, no choices for true/false, one blank line between questions. comment, when
// not empty, heads the file as # lines.
func Marshal(qs []quiz.Question, comment string) ([]byte, error) {
	data, _, err := marshal(qs, comment)
	return data, err
}

// marshal also returns the 1-based line on which each question starts.
func marshal(qs []quiz.Question, comment string) ([]byte, []int, error) {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, q := range qs {
		list.Content = append(list.Content, questionNode(q))
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{plain("questions"), list}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, nil, fmt.Errorf("encode bank YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, nil, fmt.Errorf("encode bank YAML: %w", err)
	}

	var out bytes.Buffer
	line := 0
	emit := func(s string) {
		out.WriteString(s)
		out.WriteByte('\n')
		line++
	}
	for _, c := range strings.Split(strings.TrimRight(comment, "\n"), "\n") {
		if comment != "" {
			emit(strings.TrimRight("# "+c, " "))
		}
	}
	var starts []int
	// The encoder never wraps lines (yaml.v3 has no width limit) and quotes every text,
	// so a line starting with "  - " is the start of a question.
	for _, l := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
		if strings.HasPrefix(l, "  - ") {
			if len(starts) > 0 {
				emit("")
			}
			starts = append(starts, line+1)
		}
		emit(l)
	}
	if len(starts) != len(qs) {
		return nil, nil, fmt.Errorf("encode bank YAML: %d questions but %d list items", len(qs), len(starts))
	}
	return out.Bytes(), starts, nil
}

func questionNode(q quiz.Question) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) { m.Content = append(m.Content, plain(key), v) }
	add("id", str(q.ID))
	add("type", str(q.Type))
	add("audience", str(q.Audience))
	add("difficulty", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(q.Difficulty)})
	add("topic", str(q.Topic))
	add("prompt", textNode(q.Prompt))
	if len(q.Choices) > 0 {
		cs := &yaml.Node{Kind: yaml.SequenceNode}
		for _, c := range q.Choices {
			cs.Content = append(cs.Content, textNode(c))
		}
		add("choices", cs)
	}
	add("answer", answerNode(q))
	if q.PinLast {
		add("pin_last", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	add("explanation", textNode(q.Explanation))
	add("source", quoted(q.Source))
	if q.Image != "" {
		add("image", str(q.Image))
	}
	if q.Status != "" {
		st := str(q.Status)
		if m := q.Missing(); len(m) > 0 {
			st.LineComment = "# 待补充 to fill in: " + strings.Join(m, ", ")
		}
		add("status", st)
	}
	return m
}

// answerNode writes B, [A, C] or true. A single-choice answer with several letters is
// written as a list so that the bank's rules report it.
func answerNode(q quiz.Question) *yaml.Node {
	if q.Answer.Bool != nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(*q.Answer.Bool)}
	}
	if len(q.Answer.Indexes) == 1 && q.Type != quiz.Multi {
		return str(quiz.Letter(q.Answer.Indexes[0]))
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, i := range q.Answer.Indexes {
		seq.Content = append(seq.Content, str(quiz.Letter(i)))
	}
	return seq
}

func textNode(t content.Text) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{
		plain("zh"), quoted(t.Zh), plain("en"), quoted(t.En),
	}}
}

// plain is a key; str a string the encoder quotes only when it must; quoted a string
// always in double quotes (texts and sources, as the hand-written bank has them).
func plain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s}
}
