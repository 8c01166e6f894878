// Package syslocale gives the process a locale Fyne can parse before Fyne reads it. Fyne
// looks the locale up while its packages initialise, and reads "C.UTF-8" (the default of a
// bare systemd unit or container) as the tag "C", logging "Error parsing user locale C" on
// every start. Importing this package (for its init) from a main package fixes that: Go
// initialises packages in import-path order as far as dependencies allow, and this one
// depends only on the standard library, so it runs before Fyne's translation package.
// The kiosk's own language switching does not depend on the process locale.
package syslocale

import (
	"os"
	"strings"
)

// Default is the locale set when the environment has none a program can use.
const Default = "zh_CN.UTF-8"

func init() { Fix() }

// Fix sets LANG to Default, and clears LC_ALL and LC_MESSAGES, when the first of LC_ALL,
// LC_MESSAGES and LANG that is set is C, POSIX or C.<charset>, or none is set. It reports
// whether it changed anything.
func Fix() bool {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if v != "C" && v != "POSIX" && !strings.HasPrefix(v, "C.") {
			return false
		}
		break
	}
	os.Setenv("LANG", Default)
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LC_MESSAGES")
	return true
}
