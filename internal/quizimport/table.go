package quizimport

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// Column names of the template. Choice columns are choice_a_zh … choice_f_en.
const (
	colID         = "id"
	colType       = "type"
	colAudience   = "audience"
	colDifficulty = "difficulty"
	colTopic      = "topic"
	colPromptZh   = "prompt_zh"
	colPromptEn   = "prompt_en"
	colAnswer     = "answer"
	colPinLast    = "pin_last"
	colExplainZh  = "explanation_zh"
	colExplainEn  = "explanation_en"
	colSource     = "source"
	colImage      = "image"
	choiceLetters = "abcdef"
	choiceColumn  = "choice_%c_%s"
)

// Columns lists the template's columns in template order.
func Columns() []string {
	cols := []string{colID, colType, colAudience, colDifficulty, colTopic, colPromptZh, colPromptEn}
	for _, l := range choiceLetters {
		cols = append(cols, fmt.Sprintf(choiceColumn, l, "zh"), fmt.Sprintf(choiceColumn, l, "en"))
	}
	return append(cols, colAnswer, colPinLast, colExplainZh, colExplainEn, colSource, colImage)
}

// columnAliases gives the Chinese (and other) header names each column may have.
func columnAliases(col string) []string {
	switch col {
	case colID:
		return []string{"编号", "题号"}
	case colType:
		return []string{"题型"}
	case colAudience:
		return []string{"对象", "受众", "适用对象"}
	case colDifficulty:
		return []string{"难度"}
	case colTopic:
		return []string{"主题", "专题"}
	case colPromptZh:
		return []string{"题目_中文", "题干_中文", "题目", "题干"}
	case colPromptEn:
		return []string{"题目_英文", "题干_英文"}
	case colAnswer:
		return []string{"答案"}
	case colPinLast:
		return []string{"末项固定", "最后一项固定"}
	case colExplainZh:
		return []string{"解析_中文", "解析"}
	case colExplainEn:
		return []string{"解析_英文"}
	case colSource:
		return []string{"出处", "来源"}
	case colImage:
		return []string{"图片"}
	}
	// choice_a_zh → 选项A_中文 (or just 选项A), choice_a_en → 选项A_英文
	rest, ok := strings.CutPrefix(col, "choice_")
	if !ok || len(rest) != 4 {
		return nil
	}
	letter := strings.ToUpper(rest[:1])
	if rest[2:] == "zh" {
		return []string{"选项" + letter + "_中文", "选项" + letter}
	}
	return []string{"选项" + letter + "_英文"}
}

// headerKey normalises a header cell: case, spaces, underscores, hyphens and brackets do
// not matter, so "Choice A (zh)", "choice_a_zh" and "选项A（中文）" all match.
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(" \t\u3000_-()（）[]【】:：", r) {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// headerIndex maps normalised header names to columns.
func headerIndex() map[string]string {
	idx := map[string]string{}
	for _, c := range Columns() {
		idx[headerKey(c)] = c
		for _, a := range columnAliases(c) {
			idx[headerKey(a)] = c
		}
	}
	return idx
}

func empty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// headerSearch is how many non-empty rows may come before the header row (a title,
// a note): the first row that names three template columns is the header.
const headerSearch = 10

// parseTable turns the rows of a sheet into items as read streams them. File-level
// problems (header, limits) come back as entries.
func parseTable(file string, read func(rowFunc) error, def Defaults, lim Limits) ([]*item, []Entry, error) {
	var (
		items   []*item
		notes   []Entry
		pending []row // non-empty rows before the header
		cols    map[string]int
		total   int64
		failed  bool
	)
	index := headerIndex()
	each := func(r row) bool {
		if empty(r.cells) {
			return true
		}
		if r.num > lim.MaxRows {
			notes = append(notes, cutRows(file, r.num, fmt.Sprintf("超过%d行上限 (more than %d rows)", lim.MaxRows, lim.MaxRows)))
			return false
		}
		if total += int64(r.size); total > lim.MaxTotalBytes {
			notes = append(notes, cutRows(file, r.num, fmt.Sprintf("文本超过%s上限 (more than %s of text)", mb(lim.MaxTotalBytes), mb(lim.MaxTotalBytes))))
			return false
		}
		if cols != nil {
			items = append(items, parseRow(Loc{File: file, Line: r.num, Row: true}, r, cols, def, lim))
			return true
		}
		if known(index, r.cells) < 3 {
			if pending = append(pending, r); len(pending) == headerSearch {
				failed = true
				return false
			}
			return true
		}
		at := Loc{File: file, Line: r.num, Row: true}
		for _, p := range pending {
			notes = append(notes, Entry{At: Loc{File: file, Line: p.num, Row: true}, Level: Warning,
				Msg: fmt.Sprintf("row %d is above the header row (row %d) and was skipped: a title row? (标题行已跳过)", p.num, r.num)})
		}
		var hn []Entry
		cols, hn = readHeader(at, r.cells, def)
		notes = append(notes, hn...)
		if hasLevel(hn, Error) {
			failed = true
			return false
		}
		return true
	}
	if err := read(each); err != nil {
		return nil, nil, err
	}
	switch {
	case cols == nil && !failed && len(pending) == 0:
		return nil, []Entry{{At: Loc{File: file}, Level: Error, Msg: "the sheet is empty"}}, nil
	case cols == nil && !hasLevel(notes, Error):
		notes = append(notes, Entry{At: Loc{File: file, Line: pending[0].num, Row: true}, Level: Error,
			Msg: fmt.Sprintf("no header row in the first %d rows: the first row must name the columns (type, prompt_zh, answer … see docs/quizbank-import.md); if there is a title row above the header, delete the title row (删除标题行)", headerSearch)})
	}
	if failed {
		return nil, notes, nil
	}
	return items, notes, nil
}

// known counts the cells of a row that name a template column.
func known(index map[string]string, cells []string) int {
	n := 0
	for _, c := range cells {
		if _, ok := index[headerKey(c)]; ok {
			n++
		}
	}
	return n
}

// readHeader finds the column of every template name. It fails when a required column
// is missing (unless a default stands in for it) or named twice.
func readHeader(at Loc, cells []string, def Defaults) (map[string]int, []Entry) {
	idx := headerIndex()
	cols := map[string]int{}
	var notes []Entry
	fail := func(format string, args ...any) {
		notes = append(notes, Entry{At: at, Level: Error, Msg: fmt.Sprintf(format, args...)})
	}
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		col, ok := idx[headerKey(c)]
		if !ok {
			notes = append(notes, Entry{At: at, Level: Warning,
				Msg: fmt.Sprintf("column %q is not part of the template; it is ignored", strings.TrimSpace(c))})
			continue
		}
		if j, dup := cols[col]; dup {
			fail("column %s appears twice (%q and %q)", col, strings.TrimSpace(cells[j]), strings.TrimSpace(c))
			continue
		}
		cols[col] = i
	}
	required := []string{colType, colPromptZh, colPromptEn, colAnswer, colExplainZh, colExplainEn}
	for col, d := range map[string]bool{colAudience: def.Audience != "", colDifficulty: def.Difficulty != 0,
		colTopic: def.Topic != "", colSource: def.Source != ""} {
		if !d {
			required = append(required, col)
		}
	}
	var missing []string
	for _, col := range Columns() { // template order
		for _, r := range required {
			if r == col {
				if _, ok := cols[col]; !ok {
					missing = append(missing, col)
				}
			}
		}
	}
	if len(missing) > 0 {
		fail("the header row lacks the column(s) %s; the first non-empty row must name the columns (see docs/quizbank-import.md)",
			strings.Join(missing, ", "))
	}
	return cols, notes
}

// parseRow reads one question; what it cannot read becomes an error of the row.
func parseRow(at Loc, r row, cols map[string]int, def Defaults, lim Limits) *item {
	cells := r.cells
	get := func(col string) string {
		i, ok := cols[col]
		if !ok || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(normalizeNewlines(cells[i]))
	}
	// Values from fixed vocabularies are read after NFKC: Ｂ is B, ２ is 2.
	word := func(col string) string { return norm.NFKC.String(get(col)) }
	it := &item{at: at}
	for _, col := range Columns() {
		i, ok := cols[col]
		if ok && slices.Contains(r.dates, i) {
			it.errf("%s: Excel stores this cell as a date or time (read as %q); format the column as Text (文本) and type the value again",
				col, get(col))
		}
		if ok && slices.Contains(r.long, i) {
			it.errf("%s: the cell is longer than %d bytes; shorten it", col, lim.MaxCellBytes)
		}
	}
	q := &it.q
	q.Prompt = content.Text{Zh: get(colPromptZh), En: get(colPromptEn)}
	it.title = excerpt(q.Prompt.Zh)
	if it.title == "" {
		it.title = excerpt(q.Prompt.En)
	}

	var err error
	if s := word(colType); s == "" {
		it.errf("type is empty (single, multi or truefalse; 单选, 多选, 判断)")
	} else if q.Type, err = normType(s); err != nil {
		it.errf("%v", err)
	}
	q.Audience = def.Audience
	if s := word(colAudience); s != "" {
		if q.Audience, err = normAudience(s); err != nil {
			it.errf("%v", err)
		}
	} else if q.Audience == "" {
		it.errf("audience is empty (primary, secondary or adult; 小学, 中学, 成人)")
	}
	q.Difficulty = def.Difficulty
	if s := word(colDifficulty); s != "" {
		if q.Difficulty, err = parseDifficulty(s); err != nil {
			it.errf("%v", err)
		}
	} else if q.Difficulty == 0 {
		it.errf("difficulty is empty (1, 2 or 3)")
	}
	q.Topic = def.Topic
	if s := word(colTopic); s != "" {
		if q.Topic, err = normTopic(s); err != nil {
			it.errf("%v", err)
		}
	} else if q.Topic == "" {
		it.errf("topic is empty (history, drugs, law, disguise or refusal; 历史, 毒品知识, 法律, 伪装, 自护)")
	}
	q.ID = word(colID)
	if q.ID == "" {
		q.ID = generatedID(q.Topic, q.Audience, at.Line)
	} else if !idPattern.MatchString(q.ID) {
		it.warnf("id %q is not like history-p-01 (lower-case letters, digits and -); kept as written", q.ID)
	}

	last := -1
	var choices []content.Text
	for i, l := range choiceLetters {
		c := content.Text{Zh: get(fmt.Sprintf(choiceColumn, l, "zh")), En: get(fmt.Sprintf(choiceColumn, l, "en"))}
		c.Zh, c.En = it.unlabel(c.Zh, i), it.unlabel(c.En, i)
		choices = append(choices, c)
		if c.Zh != "" || c.En != "" {
			last = i
		}
	}
	for i := 0; i < last; i++ {
		if choices[i].Zh == "" && choices[i].En == "" {
			it.errf("choice %s is empty but choice %s is filled: choices must be A, B, C… without gaps",
				quiz.Letter(i), quiz.Letter(last))
		}
	}
	if q.Type == quiz.TrueFalse {
		if last >= 0 {
			it.warnf("choices are ignored for a true/false question (they are always 对 / 错)")
		}
	} else {
		q.Choices = choices[:last+1]
	}

	ans := word(colAnswer)
	switch {
	case ans == "":
		it.errf("answer is empty")
	case q.Type == quiz.TrueFalse:
		if b, ok := parseBool(ans); ok {
			q.Answer.Bool = &b
		} else {
			it.errf("answer %q of a true/false question must be true/false, 对/错 or T/F", ans)
		}
	case q.Type != "":
		if q.Answer.Indexes, err = parseLetters(ans); err != nil {
			it.errf("%v", err)
		}
	}
	if s := word(colPinLast); s != "" {
		b, ok := parseBool(s)
		if !ok {
			it.errf("pin_last %q must be yes or no (是/否), or empty", s)
		}
		q.PinLast = b
	}
	q.Explanation = content.Text{Zh: get(colExplainZh), En: get(colExplainEn)}
	q.Source = def.Source
	if s := get(colSource); s != "" {
		q.Source = s
	}
	q.Image = get(colImage)
	return it
}
