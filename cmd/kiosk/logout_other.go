//go:build !windows

package main

import (
	"io"
	"os"
)

// logOutput is stderr (the journal or the terminal).
func logOutput() io.Writer { return os.Stderr }
