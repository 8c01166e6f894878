// Package quizbank embeds the default quiz bank: the human-edited quizbank/*.yaml files
// (format: docs/quizbank-format.md). A content root with a quizbank/ directory of its own
// (an installed content pack) replaces it.
package quizbank

import (
	"embed"
	"io/fs"
)

//go:embed *.yaml
var files embed.FS

// Files returns the bank files, at the root of the returned fs.FS.
func Files() fs.FS { return files }
