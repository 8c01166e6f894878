package quizimport

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// Format is a kind of input file.
type Format string

// The formats Import reads.
const (
	XLSX  Format = "xlsx"
	CSV   Format = "csv"
	GIFT  Format = "gift"
	Aiken Format = "aiken"
)

// title is the format's name in messages.
func (f Format) title() string {
	switch f {
	case GIFT:
		return "GIFT"
	case Aiken:
		return "Aiken"
	}
	return "." + string(f)
}

// Errors Import and DetectFormat wrap; callers treat them as usage errors.
var (
	ErrDefaults = errors.New("missing or invalid defaults")
	ErrFormat   = errors.New("unsupported file")
)

// DetectFormat picks the format from the file name; a .txt file is sniffed for GIFT
// ({…} answer blocks) or Aiken (ANSWER: lines).
func DetectFormat(name string, data []byte) (Format, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".xlsx":
		return XLSX, nil
	case ".csv":
		return CSV, nil
	case ".gift":
		return GIFT, nil
	case ".aiken":
		return Aiken, nil
	case ".txt":
		text, _, err := decodeText(data)
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		if f, ok := sniffText(text); ok {
			return f, nil
		}
		return "", fmt.Errorf("%w: %s: neither GIFT ({…} answer blocks) nor Aiken (ANSWER: lines); rename it to .gift or .aiken", ErrFormat, name)
	case ".xls", ".et", ".ods", ".numbers":
		return "", fmt.Errorf("%w: %s: save the sheet as .xlsx (Excel workbook) or .csv (UTF-8) first", ErrFormat, name)
	default:
		return "", fmt.Errorf("%w: %s: the file name must end in .xlsx, .csv, .gift, .aiken or .txt", ErrFormat, name)
	}
}

// sniffText tells GIFT from Aiken.
func sniffText(text string) (Format, bool) {
	braces, answers := false, false
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "//") {
			continue
		}
		if strings.Contains(t, "{") || strings.HasPrefix(t, "::") || strings.HasPrefix(t, "$CATEGORY:") {
			braces = true
		}
		if aikenAnswer.MatchString(t) {
			answers = true
		}
	}
	switch {
	case braces:
		return GIFT, true
	case answers:
		return Aiken, true
	}
	return "", false
}

// decodeText reads a text file as UTF-8 (with or without a byte-order mark) or, when it
// is not valid UTF-8, as GB18030 (the encoding Chinese Windows and Excel write). note
// says which encoding was used when it was not UTF-8.
func decodeText(data []byte) (text, note string, err error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", "", errors.New("the file is UTF-16 text: save it as UTF-8 (Excel: CSV UTF-8)")
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(data) {
		return normalizeNewlines(string(data)), "", nil
	}
	dec, derr := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if derr != nil || !utf8.Valid(dec) || bytes.ContainsRune(dec, utf8.RuneError) {
		return "", "", errors.New("the file is neither UTF-8 nor GB18030/GBK text")
	}
	return normalizeNewlines(string(dec)), "read as GB18030/GBK, not UTF-8", nil
}

func normalizeNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// Options say how to import.
type Options struct {
	Format   Format   // "" picks it with DetectFormat
	Defaults Defaults // required for GIFT and Aiken (audience, difficulty, source; topic for Aiken)
	// Media is the content root that image paths are checked in; nil leaves them
	// unchecked (with a warning).
	Media fs.FS
	// Bank is the existing bank (*.yaml at its root) the import must not clash with:
	// ids and prompts already used there are errors. nil checks the file on its own.
	Bank fs.FS
	// Replaces names a file of Bank that the output will replace; it is left out of the
	// clash check.
	Replaces string
	// Limits bound what is read; zero fields take DefaultLimits.
	Limits Limits
}

// Result is the outcome of an import.
type Result struct {
	Format    Format
	Questions []quiz.Question // the accepted questions, in file order
	Report    Report
}

// YAML returns the accepted questions as a bank file headed by a comment naming source.
func (r *Result) YAML(source string) ([]byte, error) {
	return Marshal(r.Questions, Header(source))
}

// Header is the comment heading every file the importer writes; kioskctl uses it to
// refuse to overwrite a file a person wrote.
func Header(source string) string {
	return HeaderPrefix + " from " + path.Base(filepath.ToSlash(source)) + ".\n" +
		"Check every question (and translate English marked as copied) before adding it to quizbank/."
}

// HeaderPrefix starts the first line of every generated file.
const HeaderPrefix = "Imported by kioskctl quizbank import"

// item is one row or question on its way through the import.
type item struct {
	at     Loc
	title  string
	q      quiz.Question
	errs   []string
	warns  []string
	labels int  // letter labels removed from choices
	cut    bool // accepted, but past what one bank file may hold: left out, reported once
}

// unlabel removes a letter label ("A、", "(A)", "Ａ．") from the text of choice i when the
// letter is the choice's own; choices are shuffled on screen, so the label would lie. A
// label naming another letter is left for the bank's rules to report.
func (it *item) unlabel(s string, i int) string {
	if j, rest, ok := quiz.ChoiceLabel(s); ok && j == i && strings.TrimSpace(rest) != "" {
		it.labels++
		return strings.TrimSpace(rest)
	}
	return s
}

// settle makes an item of a one-language format that lacks only fields a draft may
// lack (explanation, audience, difficulty, topic, source) a draft.
func (it *item) settle() {
	if len(it.errs) == 0 && len(it.q.Missing()) > 0 {
		it.q.Status = quiz.StatusDraft
	}
}

func (it *item) errf(format string, args ...any) {
	it.errs = append(it.errs, fmt.Sprintf(format, args...))
}

func (it *item) warnf(format string, args ...any) {
	it.warns = append(it.warns, fmt.Sprintf(format, args...))
}

// Import converts one staff file. name is used in the report and to pick the format;
// data is the file's content. The error is for a file that cannot be read at all or
// options that do not fit the format (ErrDefaults, ErrFormat); problems of single rows
// are in the report.
func Import(name string, data []byte, opt Options) (*Result, error) {
	lim := opt.Limits.orDefault()
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, fmt.Errorf("%s: the file is %d MB, more than %s: split it", name, len(data)>>20, mb(lim.MaxFileBytes))
	}
	f := opt.Format
	if f == "" {
		var err error
		if f, err = DetectFormat(name, data); err != nil {
			return nil, err
		}
	}
	def, err := opt.Defaults.normalize()
	if err != nil {
		return nil, err
	}
	items, notes, err := parse(name, f, data, def, lim)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if m := def.missing(f); len(m) > 0 && len(items) > 0 {
		notes = append(notes, Entry{At: Loc{File: name}, Level: Warning, Msg: fmt.Sprintf(
			"%s files say nothing about audience, difficulty, topic or source and %s was not given: the questions are drafts until a teacher fills them in (or import again with %s)",
			f.title(), strings.Join(m, ", "), strings.Join(m, ", "))})
	}
	notes = append(notes, fitFile(name, items)...)
	if err := validate(items, opt); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dedupe(items)
	res := &Result{Format: f}
	labels := 0
	for _, it := range items {
		if len(it.errs) == 0 && !it.cut {
			res.Questions = append(res.Questions, it.q)
			labels += it.labels
		}
	}
	if labels > 0 {
		notes = append(notes, Entry{At: Loc{File: name}, Level: Info, Msg: fmt.Sprintf(
			"removed the letter labels (A、 B. (C) …) from %d choices: choices are shuffled on screen", labels)})
	}
	if err := verify(res.Questions, opt); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	res.Report = report(name, items, notes)
	return res, nil
}

// parse reads the rows or questions of a file; notes are about the file as a whole.
func parse(name string, f Format, data []byte, def Defaults, lim Limits) (items []*item, notes []Entry, err error) {
	switch f {
	case XLSX:
		return parseTable(name, func(each rowFunc) error { return readXLSX(data, lim, each) }, def, lim)
	case CSV:
		var enc string
		items, notes, err = parseTable(name, func(each rowFunc) (err error) {
			enc, err = readCSV(data, lim, each)
			return err
		}, def, lim)
		if enc != "" {
			notes = append([]Entry{{At: Loc{File: name}, Level: Info, Msg: enc}}, notes...)
		}
		return items, notes, err
	case GIFT, Aiken:
	default:
		return nil, nil, fmt.Errorf("%w: format %q", ErrFormat, f)
	}
	if int64(len(data)) > lim.MaxTextBytes {
		return nil, nil, fmt.Errorf("the file is larger than %s; a %s file of questions is far smaller: split it", mb(lim.MaxTextBytes), f.title())
	}
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, nil, err
	}
	if enc != "" {
		notes = append(notes, Entry{At: Loc{File: name}, Level: Info, Msg: enc})
	}
	var more []Entry
	if f == GIFT {
		items, more = parseGIFT(name, text, def, lim)
	} else {
		items, more = parseAiken(name, text, def, lim)
	}
	for _, it := range items {
		checkSizes(it, lim)
		it.settle()
	}
	return items, append(notes, more...), nil
}

// verify re-checks the accepted questions as they will be written. Removing the rows
// with errors cannot make the others invalid, so a problem here is a bug in the importer.
func verify(qs []quiz.Question, opt Options) error {
	if len(qs) == 0 {
		return nil
	}
	data, _, err := marshal(qs, "")
	if err != nil {
		return err
	}
	bank, err := bankWith(opt, data)
	if err != nil {
		return err
	}
	_, rep := quiz.Load(bank, mediaFor(opt, qs))
	for _, p := range rep.Problems {
		if p.Severity == lint.Error && (p.File == quiz.Dir+"/"+scratch || scratchRef.MatchString(p.Msg)) {
			return fmt.Errorf("internal error: the accepted questions do not pass the bank's rules: %s", p)
		}
	}
	return nil
}

// report lists file notes and, per item, its errors or its ok line and warnings, in
// file order.
func report(name string, items []*item, notes []Entry) Report {
	entries := append([]Entry(nil), notes...)
	if len(items) == 0 && !hasLevel(notes, Error) {
		entries = append(entries, Entry{At: Loc{File: name}, Level: Error, Msg: "no questions found"})
	}
	for _, it := range items {
		if it.cut && len(it.errs) == 0 {
			continue // reported by the cut entry
		}
		e := Entry{At: it.at, ID: it.q.ID, Title: it.title}
		if len(it.errs) > 0 {
			for _, msg := range it.errs {
				e.Level, e.Msg = Error, msg
				entries = append(entries, e)
			}
			continue
		}
		e.Level = OK
		if it.q.IsDraft() {
			e.Level, e.Msg = Draft, fmt.Sprintf("draft: fill in %s before visitors see it (written with status: draft)",
				strings.Join(it.q.Missing(), ", "))
		}
		entries = append(entries, e)
		e.Msg = ""
		for _, msg := range it.warns {
			e.Level, e.Msg = Warning, msg
			entries = append(entries, e)
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].At.Line < entries[j].At.Line })
	return Report{Entries: entries}
}

func hasLevel(es []Entry, l Level) bool {
	for _, e := range es {
		if e.Level == l {
			return true
		}
	}
	return false
}

// monolingual fills in the English of a question whose format has one language (GIFT,
// Aiken): the bank needs both, so the text is copied and the copy reported.
func monolingual(it *item) {
	q := &it.q
	texts := []*content.Text{&q.Prompt, &q.Explanation}
	for i := range q.Choices {
		texts = append(texts, &q.Choices[i])
	}
	han := false
	for _, t := range texts {
		t.En = t.Zh
		han = han || hasHan(t.Zh)
	}
	if han {
		it.warnf("no English text: copied the Chinese; translate before use")
	} else {
		it.warnf("no Chinese text: the English was put in both languages; translate before use")
	}
}
