//go:build embeddemo

package main

import (
	"io/fs"

	"github.com/jindu-edu/kiosk/assets"
)

// embeddedDemo is the demo content built into the program (build tag embeddemo): the
// Fyne package is one program file with no place beside it for the demo. It costs the
// program's memory about 20 MB more (docs/performance.md); kiosk PCs use the .deb.
func embeddedDemo() fs.FS { return assets.Content() }
