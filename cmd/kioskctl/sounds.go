package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jindu-edu/kiosk/internal/audio/synth"
)

// writeSounds writes the synthesised sound effects into dir (assets/sounds).
func writeSounds(dir string, stdout io.Writer) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 1, fmt.Errorf("sound effects: %w", err)
	}
	names, files := synth.Files()
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return 1, fmt.Errorf("sound effects: %w", err)
		}
		fmt.Fprintf(stdout, "%s\t%d bytes\n", filepath.Join(dir, name), len(files[name]))
	}
	return 0, nil
}
