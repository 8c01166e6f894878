package syslocale

import (
	"os"
	"testing"
)

func TestFix(t *testing.T) {
	for _, c := range []struct {
		lang, lcAll, want string
		changed           bool
	}{
		{"C", "", Default, true},
		{"", "", Default, true},
		{"C.UTF-8", "", Default, true},
		{"POSIX", "", Default, true},
		{"en_GB.UTF-8", "", "en_GB.UTF-8", false},
		{"zh_CN.UTF-8", "C", Default, true}, // LC_ALL wins over LANG
		{"C", "en_US.UTF-8", "C", false},    // a usable LC_ALL: left alone
	} {
		t.Setenv("LANG", c.lang)
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		changed := Fix()
		if got := os.Getenv("LANG"); got != c.want || changed != c.changed {
			t.Errorf("LANG=%q LC_ALL=%q: LANG %q changed %v, want %q %v", c.lang, c.lcAll, got, changed, c.want, c.changed)
		}
		if changed && os.Getenv("LC_ALL") != "" {
			t.Errorf("LC_ALL left at %q", os.Getenv("LC_ALL"))
		}
	}
}
