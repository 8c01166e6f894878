// Package demo finds the demo content the kiosk falls back to when no content pack is
// installed or the installed one cannot be shown. The demo is shipped as files beside the
// program (the .deb's /usr/share/jindu-kiosk/demo, the Windows folder's demo\) rather than
// inside it: 25 MB of narration and pictures in the program's own pages were mapped into
// every kiosk's memory whether shown or not (docs/performance.md).
package demo

import (
	"os"
	"path/filepath"
)

// Env names the environment variable that points at the demo directory; the program update
// launcher sets it so that an updated program uses the demo installed with the system.
const Env = "KIOSK_DEMO"

// ShareDir is the demo's place under an installation prefix (/usr or /usr/local), beside
// the prefix's bin/ directory.
const ShareDir = "share/jindu-kiosk/demo"

// marker is the file every content root has (content.FileMeta).
const marker = "content/meta.yaml"

// parents is how many directories above the working directory are searched for a source
// tree's assets/content (go run and go test start in a package directory).
const parents = 3

// Candidates lists, in order, where the demo is looked for: explicit (a flag, else the
// environment variable), then beside the program exe — exe's dir/demo, the installation
// prefix's ShareDir, a source tree's assets/content above bin/ — then a source tree's
// assets/content in cwd or one of its parents. Empty arguments are skipped.
func Candidates(explicit, env, exe, cwd string) []string {
	if explicit != "" {
		return []string{explicit}
	}
	if env != "" {
		return []string{env}
	}
	var out []string
	if exe != "" {
		dir := filepath.Dir(exe)
		out = append(out,
			filepath.Join(dir, "demo"),
			filepath.Join(dir, "..", filepath.FromSlash(ShareDir)),
			filepath.Join(dir, "..", "assets", "content"))
	}
	if cwd != "" {
		for i, d := 0, cwd; i <= parents; i++ {
			out = append(out, filepath.Join(d, "assets", "content"))
			up := filepath.Dir(d)
			if up == d {
				break
			}
			d = up
		}
	}
	return out
}

// Find returns the first of the candidates that holds a content root (it has
// content/meta.yaml as a regular file), or "" when none does. Whether the content in it is
// valid is the loader's business.
func Find(candidates []string) string {
	for _, c := range candidates {
		if fi, err := os.Stat(filepath.Join(c, filepath.FromSlash(marker))); err == nil && fi.Mode().IsRegular() {
			return filepath.Clean(c)
		}
	}
	return ""
}

// Locate is Find over Candidates for this process: its executable and working directory.
// It returns the directory ("" if none) and the places tried, for a staff member's message.
func Locate(explicit string) (string, []string) {
	exe, err := os.Executable()
	if err == nil {
		if r, err := filepath.EvalSymlinks(exe); err == nil {
			exe = r
		}
	} else {
		exe = ""
	}
	cwd, err := os.Getwd()
	if err != nil {
		cwd = ""
	}
	c := Candidates(explicit, os.Getenv(Env), exe, cwd)
	return Find(c), c
}
