package wall

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"
	"unicode"
)

// Reason says why the filter held a message back.
type Reason string

// Reasons, most specific first. A held message is never stored; the visitor is asked to
// change it (the UI says which kind of thing to leave out, never which word it found).
const (
	ReasonNone   Reason = ""
	ReasonEmail  Reason = "email"
	ReasonURL    Reason = "url"
	ReasonIDCard Reason = "idcard"
	ReasonPhone  Reason = "phone"
	ReasonQQ     Reason = "qq"
	ReasonWeChat Reason = "wechat"
	ReasonDigits Reason = "digits"
	ReasonWord   Reason = "word"
)

// Personal reports whether r is a personal-data rule (as opposed to the word list).
func (r Reason) Personal() bool { return r != ReasonNone && r != ReasonWord }

// MaxDigitRun is the longest run of digits a message may hold: years and class numbers
// pass; phone, QQ and ID numbers do not, however they are spaced or written.
const MaxDigitRun = 5

// Filter holds typed text back when it contains a listed word or personal data. It is
// immutable and safe for concurrent use.
type Filter struct {
	words []string // normalised
}

// NewFilter builds a filter over a word list (see ParseWords); blank words are ignored.
func NewFilter(words []string) *Filter {
	f := &Filter{}
	for _, w := range words {
		if n := squeeze(w); n != "" {
			f.words = append(f.words, n)
		}
	}
	return f
}

// ParseWords reads a word list: one word or phrase a line, '#' starts a comment line.
func ParseWords(data []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// Words is the number of words in the list.
func (f *Filter) Words() int { return len(f.words) }

var (
	reEmail  = regexp.MustCompile(`[a-z0-9._%+\-]+@[a-z0-9\-]+(\.[a-z0-9\-]+)*`)
	reURL    = regexp.MustCompile(`https?:|www\.|[a-z0-9\-]+\.(com|cn|net|org|top|xyz|cc|me|io|vip|info|shop|site)\b|点com|点cn`)
	reIDCard = regexp.MustCompile(`\d{17}[\dx]`)
	rePhone  = regexp.MustCompile(`1[3-9]\d{9}|0\d{2,3}\d{7,8}`)
	reQQ     = regexp.MustCompile(`(qq|扣扣|企鹅|q号)[^0-9a-z]{0,4}\d{4,}`)
	reWeChat = regexp.MustCompile(`(微信|威信|薇信|vx|wx|weixin|wechat|v信|加v|wxid)[^0-9a-z]{0,4}[a-z0-9_\-]{4,}`)
)

// Check returns why text must be held back, or ReasonNone.
func (f *Filter) Check(text string) Reason {
	plain := normalise(text)    // lower-case, half-width, numerals as digits
	joined := joinDigits(plain) // digits with spaces, dashes and dots between them joined
	squeezed := squeeze(text)   // letters and digits only, for the word list
	switch {
	case reEmail.MatchString(plain) || (strings.Contains(plain, "@") && strings.Contains(squeezed, "qqcom")):
		return ReasonEmail
	case reURL.MatchString(plain):
		return ReasonURL
	case reIDCard.MatchString(joined):
		return ReasonIDCard
	case rePhone.MatchString(joined):
		return ReasonPhone
	case reQQ.MatchString(joined):
		return ReasonQQ
	case reWeChat.MatchString(joined):
		return ReasonWeChat
	case longestDigitRun(joined) > MaxDigitRun:
		return ReasonDigits
	}
	for _, w := range f.words {
		if strings.Contains(squeezed, w) {
			return ReasonWord
		}
	}
	return ReasonNone
}

// numerals maps Chinese numerals (as people write phone numbers out) to digits.
var numerals = map[rune]rune{'零': '0', '〇': '0', '○': '0', '一': '1', '幺': '1', '壹': '1', '二': '2', '两': '2',
	'贰': '2', '三': '3', '叁': '3', '四': '4', '肆': '4', '五': '5', '伍': '5', '六': '6', '陆': '6',
	'七': '7', '柒': '7', '八': '8', '捌': '8', '九': '9', '玖': '9'}

// normalise lower-cases text, turns full-width forms into ASCII and numerals into digits.
func normalise(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= '！' && r <= '～':
			r = r - '！' + '!'
		case r == '\u3000':
			r = ' '
		case r == '。':
			r = '.'
		}
		if d, ok := numerals[r]; ok {
			r = d
		}
		if r >= '①' && r <= '⑨' {
			r = '1' + (r - '①')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// joinDigits removes separators between digits: "138 1234-5678" → "13812345678".
func joinDigits(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if isSep(r) && i > 0 && isDigit(rs[i-1]) {
			j := i
			for j < len(rs) && isSep(rs[j]) {
				j++
			}
			if j < len(rs) && isDigit(rs[j]) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isSep(r rune) bool {
	return r == ' ' || r == '-' || r == '.' || r == '_' || r == '、' || r == ',' || r == '，' || r == '/' || r == '·'
}

func longestDigitRun(s string) int {
	best, cur := 0, 0
	for _, r := range s {
		if isDigit(r) {
			cur++
			best = max(best, cur)
		} else {
			cur = 0
		}
	}
	return best
}

// squeeze keeps only letters and digits, normalised: "傻 * 逼" matches "傻逼".
func squeeze(text string) string {
	var b strings.Builder
	for _, r := range normalise(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
