package quizimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// row is one line of a spreadsheet with its row number.
type row struct {
	num   int
	cells []string
	dates []int // indexes of cells that Excel stores as dates or times
}

// readXLSX returns the rows of the workbook's first sheet, numbered as Excel shows them.
func readXLSX(data []byte) ([]row, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a readable .xlsx workbook: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("the workbook has no sheets")
	}
	cells, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("read sheet %q: %w", sheets[0], err)
	}
	raw, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("read sheet %q: %w", sheets[0], err)
	}
	rows := make([]row, 0, len(cells))
	for i, c := range cells {
		r := row{num: i + 1, cells: c}
		for j := range c {
			if i < len(raw) && j < len(raw[i]) && isDateCell(f, sheets[0], i, j, raw[i][j]) {
				r.dates = append(r.dates, j)
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// isDateCell reports whether a cell holds a number shown as a date or time. Excel turns
// "6月26日" typed into a General cell into such a number, and what the file then holds
// is no longer the text the author saw.
func isDateCell(f *excelize.File, sheet string, r, c int, raw string) bool {
	if _, err := strconv.ParseFloat(raw, 64); err != nil {
		return false
	}
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return false
	}
	idx, err := f.GetCellStyle(sheet, name)
	if err != nil || idx == 0 {
		return false
	}
	st, err := f.GetStyle(idx)
	if err != nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return dateFormat.MatchString(literals.ReplaceAllString(strings.ToLower(*st.CustomNumFmt), ""))
	}
	n := st.NumFmt // built-in date and time formats, including the Chinese ones
	return n >= 14 && n <= 22 || n >= 27 && n <= 36 || n >= 45 && n <= 47 || n >= 50 && n <= 58
}

var (
	literals   = regexp.MustCompile(`"[^"]*"|\\.|\[[^\]]*\]`) // quoted text, escapes, [Red] and [$-804]
	dateFormat = regexp.MustCompile(`[ydhs]|[年月日时分秒]`)
)

// readCSV returns the records of a CSV text, numbered by the line they start on (the row
// Excel shows unless a cell holds line breaks). Commas, semicolons and tabs are accepted
// as separators; the first non-empty line decides.
func readCSV(text string) ([]row, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	first := strings.TrimSpace(text)
	first, _, _ = strings.Cut(first, "\n")
	if !strings.Contains(first, ",") {
		switch {
		case strings.Contains(first, "\t"):
			r.Comma = '\t'
		case strings.Contains(first, ";"):
			r.Comma = ';'
		}
	}
	var rows []row
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("not valid CSV: %w", err)
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, row{num: line, cells: rec})
	}
}

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

// parseTable turns the rows of a sheet into items. The first non-empty row is the
// header; empty rows are skipped. File-level problems (header) come back as entries.
func parseTable(file string, rows []row, def Defaults) ([]*item, []Entry) {
	h := 0
	for h < len(rows) && empty(rows[h].cells) {
		h++
	}
	if h == len(rows) {
		return nil, []Entry{{At: Loc{File: file}, Level: Error, Msg: "the sheet is empty"}}
	}
	header := rows[h]
	at := Loc{File: file, Line: header.num, Row: true}
	cols, notes := readHeader(at, header.cells, def)
	if hasLevel(notes, Error) {
		return nil, notes
	}
	var items []*item
	for _, r := range rows[h+1:] {
		if empty(r.cells) {
			continue
		}
		items = append(items, parseRow(Loc{File: file, Line: r.num, Row: true}, r, cols, def))
	}
	return items, notes
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
func parseRow(at Loc, r row, cols map[string]int, def Defaults) *item {
	cells := r.cells
	get := func(col string) string {
		i, ok := cols[col]
		if !ok || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(normalizeNewlines(cells[i]))
	}
	it := &item{at: at}
	for _, col := range Columns() {
		if i, ok := cols[col]; ok && slices.Contains(r.dates, i) {
			it.errf("%s: Excel stores this cell as a date or time (read as %q); format the column as Text (文本) and type the value again",
				col, get(col))
		}
	}
	q := &it.q
	q.Prompt = content.Text{Zh: get(colPromptZh), En: get(colPromptEn)}
	it.title = excerpt(q.Prompt.Zh)
	if it.title == "" {
		it.title = excerpt(q.Prompt.En)
	}

	var err error
	if s := get(colType); s == "" {
		it.errf("type is empty (single, multi or truefalse; 单选, 多选, 判断)")
	} else if q.Type, err = normType(s); err != nil {
		it.errf("%v", err)
	}
	q.Audience = def.Audience
	if s := get(colAudience); s != "" {
		if q.Audience, err = normAudience(s); err != nil {
			it.errf("%v", err)
		}
	} else if q.Audience == "" {
		it.errf("audience is empty (primary, secondary or adult; 小学, 中学, 成人)")
	}
	q.Difficulty = def.Difficulty
	if s := get(colDifficulty); s != "" {
		if q.Difficulty, err = parseDifficulty(s); err != nil {
			it.errf("%v", err)
		}
	} else if q.Difficulty == 0 {
		it.errf("difficulty is empty (1, 2 or 3)")
	}
	q.Topic = def.Topic
	if s := get(colTopic); s != "" {
		if q.Topic, err = normTopic(s); err != nil {
			it.errf("%v", err)
		}
	} else if q.Topic == "" {
		it.errf("topic is empty (history, drugs, law, disguise or refusal; 历史, 毒品知识, 法律, 伪装, 自护)")
	}
	q.ID = get(colID)
	if q.ID == "" {
		q.ID = generatedID(q.Topic, q.Audience, at.Line)
	} else if !idPattern.MatchString(q.ID) {
		it.warnf("id %q is not like history-p-01 (lower-case letters, digits and -); kept as written", q.ID)
	}

	last := -1
	var choices []content.Text
	for i, l := range choiceLetters {
		c := content.Text{Zh: get(fmt.Sprintf(choiceColumn, l, "zh")), En: get(fmt.Sprintf(choiceColumn, l, "en"))}
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

	ans := get(colAnswer)
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
	if s := get(colPinLast); s != "" {
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
