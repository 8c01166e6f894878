package quizimport

import (
	"fmt"
	"io"
	"strings"
)

// Loc is a place in a source file: a line of a text file or a row of a table.
type Loc struct {
	File string
	Line int  // 1-based line or row number; 0 for the whole file
	Row  bool // Line is a spreadsheet row (row N of the sheet, as Excel numbers it)
}

func (l Loc) String() string {
	switch {
	case l.Line == 0:
		return l.File
	case l.Row:
		return fmt.Sprintf("%s row %d", l.File, l.Line)
	}
	return fmt.Sprintf("%s:%d", l.File, l.Line)
}

// Level grades a report entry.
type Level int

// Levels of report entries.
const (
	Info    Level = iota // a note about the file, e.g. the encoding it was read in
	OK                   // the question was imported
	Warning              // the question was imported but needs a look (e.g. English is a copy)
	Error                // the question (or the whole file) was left out
	Draft                // the question was imported as a draft: kept, not served until filled in
)

func (l Level) String() string {
	switch l {
	case Info:
		return "note"
	case OK:
		return "ok"
	case Warning:
		return "warning"
	case Draft:
		return "draft"
	}
	return "error"
}

// Entry is one line of the import report.
type Entry struct {
	At    Loc
	Level Level
	ID    string // the question's id, given or generated; empty for file-level entries
	Title string // GIFT ::title:: or the start of the prompt
	Msg   string
}

// String formats the entry as "FILE row N: error id=…  «title»: reason".
func (e Entry) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", e.At, e.Level)
	if e.ID != "" {
		fmt.Fprintf(&b, " id=%s", e.ID)
	}
	if e.Title != "" {
		fmt.Fprintf(&b, " %q", e.Title)
	}
	if e.Msg != "" {
		b.WriteString(": ")
		b.WriteString(e.Msg)
	}
	return b.String()
}

// Report lists what happened to every row or question of a file, in file order.
type Report struct {
	Entries []Entry
}

// Imported counts the questions that were converted, drafts included.
func (r Report) Imported() int { return r.count(OK) + r.count(Draft) }

// Drafts counts the questions imported as drafts.
func (r Report) Drafts() int { return r.count(Draft) }

// Warnings counts the warnings.
func (r Report) Warnings() int { return r.count(Warning) }

// Skipped counts the rows or questions left out because of errors (a file-level error
// counts as one).
func (r Report) Skipped() int {
	seen := map[Loc]bool{}
	for _, e := range r.Entries {
		if e.Level == Error {
			seen[e.At] = true
		}
	}
	return len(seen)
}

// HasErrors reports whether anything was left out.
func (r Report) HasErrors() bool { return r.count(Error) > 0 }

func (r Report) count(l Level) int {
	n := 0
	for _, e := range r.Entries {
		if e.Level == l {
			n++
		}
	}
	return n
}

// Print writes one entry per line.
func (r Report) Print(w io.Writer) error {
	for _, e := range r.Entries {
		if _, err := fmt.Fprintln(w, e); err != nil {
			return fmt.Errorf("print report: %w", err)
		}
	}
	return nil
}

// Summary is the closing line: "imported N, skipped M (errors), W warnings → OUT", with
// the number of drafts when there are any.
func (r Report) Summary(out string) string {
	s := fmt.Sprintf("imported %d, skipped %d (errors), %d warnings", r.Imported(), r.Skipped(), r.Warnings())
	if d := r.Drafts(); d > 0 {
		noun := "drafts"
		if d == 1 {
			noun = "draft"
		}
		s = fmt.Sprintf("imported %d (%d %s: %d 道题待补充), skipped %d (errors), %d warnings", r.Imported(), d, noun, d, r.Skipped(), r.Warnings())
	}
	if out != "" {
		s += " → " + out
	}
	return s
}
