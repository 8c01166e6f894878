package content

import "github.com/jindu-edu/kiosk/internal/lint"

// Problem, Report and the severities are the shared lint types.
type (
	Problem  = lint.Problem
	Report   = lint.Report
	Severity = lint.Severity
)

// Severities.
const (
	Warning = lint.Warning
	Error   = lint.Error
)
