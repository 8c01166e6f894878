// Package lint holds what the content and quiz-bank validators share: problems located by
// file, line and field, and YAML parsing that remembers the line of every field path.
package lint

import (
	"fmt"
	"strings"
)

// Severity says whether a problem makes the content root unusable.
type Severity int

// Severities, from mild to fatal.
const (
	Warning Severity = iota // shown by the linter; the kiosk still uses the content
	Error                   // the content root is rejected
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Problem is one finding about a content root, located by file, line and field.
type Problem struct {
	Severity Severity
	File     string // path inside the root, e.g. content/history.yaml
	Line     int    // 1-based; 0 when unknown (e.g. a missing file)
	Field    string // e.g. events[3].title.en
	Msg      string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	fmt.Fprintf(&b, ": %s: ", p.Severity)
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Report is the outcome of loading and checking a set of files.
type Report struct {
	Problems []Problem
}

// Errors returns the problems of Error severity.
func (r Report) Errors() []Problem {
	var out []Problem
	for _, p := range r.Problems {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Err summarises the errors, or returns nil when the root is usable.
func (r Report) Err() error {
	errs := r.Errors()
	if len(errs) == 0 {
		return nil
	}
	if len(errs) == 1 {
		return fmt.Errorf("invalid: %s", errs[0])
	}
	return fmt.Errorf("invalid: %s (and %d more errors)", errs[0], len(errs)-1)
}
