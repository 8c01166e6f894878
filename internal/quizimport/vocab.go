package quizimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/jindu-edu/kiosk/internal/quiz"
)

// The spellings staff may use for the fixed vocabularies of the bank. Keys are
// lower-case; values are the bank's words. These tables are read, never written.
var (
	typeAliases = map[string]string{
		quiz.Single: quiz.Single, "单选": quiz.Single, "单选题": quiz.Single,
		quiz.Multi: quiz.Multi, "多选": quiz.Multi, "多选题": quiz.Multi,
		quiz.TrueFalse: quiz.TrueFalse, "判断": quiz.TrueFalse, "判断题": quiz.TrueFalse,
		"true/false": quiz.TrueFalse, "tf": quiz.TrueFalse,
	}
	audienceAliases = map[string]string{
		quiz.Primary: quiz.Primary, "小学": quiz.Primary, "小学生": quiz.Primary,
		quiz.Secondary: quiz.Secondary, "中学": quiz.Secondary, "中学生": quiz.Secondary,
		quiz.Adult: quiz.Adult, "成人": quiz.Adult, "成年人": quiz.Adult,
	}
	topicAliases = map[string]string{
		"history": "history", "历史": "history",
		"drugs": "drugs", "毒品知识": "drugs", "毒品": "drugs",
		"law": "law", "法律": "law", "法律知识": "law",
		"disguise": "disguise", "伪装": "disguise", "伪装毒品": "disguise",
		"refusal": "refusal", "自护": "refusal", "自我保护": "refusal", "拒毒": "refusal",
	}
	// idPattern is what a generated or GIFT-title id looks like: history-p-01.
	idPattern = regexp.MustCompile(`^[a-z0-9]+(?:[-_][a-z0-9]+)*$`)
)

func lookup(aliases map[string]string, s string) (string, bool) {
	v, ok := aliases[strings.ToLower(strings.TrimSpace(s))]
	return v, ok
}

// normType, normAudience and normTopic map a staff spelling to the bank's word.
func normType(s string) (string, error) {
	if v, ok := lookup(typeAliases, s); ok {
		return v, nil
	}
	return "", fmt.Errorf("type %q is not single, multi or truefalse (单选, 多选, 判断)", s)
}

func normAudience(s string) (string, error) {
	if v, ok := lookup(audienceAliases, s); ok {
		return v, nil
	}
	return "", fmt.Errorf("audience %q is not primary, secondary or adult (小学, 中学, 成人)", s)
}

func normTopic(s string) (string, error) {
	if v, ok := lookup(topicAliases, s); ok {
		return v, nil
	}
	return "", fmt.Errorf("topic %q is not history, drugs, law, disguise or refusal (历史, 毒品知识, 法律, 伪装, 自护)", s)
}

// parseDifficulty reads 1, 2 or 3; spreadsheets may show "2.0".
func parseDifficulty(s string) (int, error) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int(f)) || f < 1 || f > 3 {
		return 0, fmt.Errorf("difficulty %q is not 1, 2 or 3", s)
	}
	return int(f), nil
}

// parseBool reads the yes/no and true/false spellings of pin_last and true/false answers.
func parseBool(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(norm.NFKC.String(s))) {
	case "true", "t", "yes", "y", "1", "对", "正确", "是", "√", "✓", "✔":
		return true, true
	case "false", "f", "no", "n", "0", "错", "错误", "否", "×", "✗", "✘":
		return false, true
	}
	return false, false
}

// parseLetters reads "B", "A,C", "AC", "a c" or "A、C" as choice indexes.
func parseLetters(s string) ([]int, error) {
	var out []int
	for _, r := range strings.ToUpper(norm.NFKC.String(s)) {
		switch {
		case r >= 'A' && r <= 'F':
			out = append(out, int(r-'A'))
		case r >= 'G' && r <= 'Z':
			return nil, fmt.Errorf("answer %q: letter %c is past F (a question has at most 6 choices)", s, r)
		case strings.ContainsRune(" ,;，、；/", r):
		default:
			return nil, fmt.Errorf("answer %q is not letters such as B or A,C", s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("answer is empty")
	}
	return out, nil
}

// Defaults supply what a file does not say: all of it for GIFT and Aiken, and empty
// cells of a table. Values may use the Chinese aliases (小学, 法律…).
type Defaults struct {
	Audience   string
	Difficulty int // 0: none
	Topic      string
	Source     string
}

// normalize maps aliases to the bank's words and checks the values.
func (d Defaults) normalize() (Defaults, error) {
	var err error
	if d.Audience != "" {
		if d.Audience, err = normAudience(d.Audience); err != nil {
			return d, fmt.Errorf("%w: --audience: %v", ErrDefaults, err)
		}
	}
	if d.Topic != "" {
		if d.Topic, err = normTopic(d.Topic); err != nil {
			return d, fmt.Errorf("%w: --topic: %v", ErrDefaults, err)
		}
	}
	if d.Difficulty != 0 && (d.Difficulty < 1 || d.Difficulty > 3) {
		return d, fmt.Errorf("%w: --difficulty %d is not 1, 2 or 3", ErrDefaults, d.Difficulty)
	}
	d.Source = strings.TrimSpace(d.Source)
	return d, nil
}

// missing lists the defaults a text format needs but d lacks. GIFT may take its topic
// from $CATEGORY, so a missing topic is reported per question there.
func (d Defaults) missing(f Format) []string {
	if f != GIFT && f != Aiken {
		return nil
	}
	var m []string
	if d.Audience == "" {
		m = append(m, "--audience")
	}
	if d.Difficulty == 0 {
		m = append(m, "--difficulty")
	}
	if d.Topic == "" && f == Aiken {
		m = append(m, "--topic")
	}
	if d.Source == "" {
		m = append(m, "--source")
	}
	return m
}

// generatedID is the id of a question whose file gives none: <topic>-<a>-imp-<line>.
func generatedID(topic, audience string, line int) string {
	a := "x"
	if audience != "" {
		a = audience[:1]
	}
	if topic == "" {
		topic = "q"
	}
	return fmt.Sprintf("%s-%s-imp-%d", topic, a, line)
}

// hasHan reports whether s contains a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FA1F {
			return true
		}
	}
	return false
}

// excerpt shortens a prompt to name a question in the report.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return s
}
