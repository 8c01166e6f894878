//go:build !embeddemo

package main

import "io/fs"

// embeddedDemo is nil: this build reads the demo content from files (demo.Locate), so the
// program does not carry it in its own memory pages.
func embeddedDemo() fs.FS { return nil }
