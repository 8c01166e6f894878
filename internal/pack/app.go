package pack

import (
	"fmt"
	"io/fs"
	"strings"
)

// Kinds of pack. A content pack replaces what the kiosk shows; an app pack carries a newer
// kiosk program (docs/content-packs.md, "Program updates"). Both are signed and verified
// the same way; a store takes one kind only.
const (
	KindContent = ""
	KindApp     = "app"
)

// The programs inside an app pack's root. AppKiosk is required; AppKioskctl is optional.
const (
	AppKiosk    = "bin/kiosk"
	AppKioskctl = "bin/kioskctl"
)

// App describes the program an app pack carries.
type App struct {
	Version string `json:"version"` // release number "1.5.0" (or "v1.5"); no suffix
	OS      string `json:"os"`      // GOOS of the programs: "linux", "windows"
	Arch    string `json:"arch"`    // GOARCH: "amd64", "arm64"
}

// AppSerial turns a program version into the manifest's integer version: major×1 000 000 +
// minor×1 000 + patch, each part below 1000. "1.5.0" is 1005000. Anything after a '-' is
// ignored ("v1.5.0-3-gabc" is 1005000); false for a development build ("dev", a commit).
func AppSerial(v string) (int64, bool) {
	p, ok := parseVersion(v)
	if !ok {
		return 0, false
	}
	for _, n := range p {
		if n > 999 {
			return 0, false
		}
	}
	return int64(p[0])*1_000_000 + int64(p[1])*1_000 + int64(p[2]), true
}

// IsApp reports whether m describes an app pack.
func (m Manifest) IsApp() bool { return m.Kind == KindApp }

// Label names the pack for staff: 内容包“…”（版本 7） or 程序“…”（版本 1.5.0）.
func (m Manifest) Label() string {
	if m.IsApp() && m.App != nil {
		return fmt.Sprintf("程序“%s”（版本 %s）", m.Title.Zh, m.App.Version)
	}
	return fmt.Sprintf("内容包“%s”（版本 %d）", m.Title.Zh, m.Version)
}

// kindName is how a refusal names the kind.
func kindName(k string) string {
	if k == KindApp {
		return "an app pack"
	}
	return "a content pack"
}

// validateKind checks the kind and, for an app pack, its program description: a release
// number whose serial is the manifest's version, an OS and architecture, and bin/kiosk.
func (m Manifest) validateKind() error {
	bad := func(format string, args ...any) error { return fail(CodeManifest, ManifestName, format, args...) }
	switch m.Kind {
	case KindContent:
		if m.App != nil {
			return bad("app is only for kind %q", KindApp)
		}
		return nil
	case KindApp:
	default:
		return bad("kind %q: want %q or none", m.Kind, KindApp)
	}
	if m.App == nil {
		return bad("kind app needs app: version, os, arch")
	}
	serial, ok := AppSerial(m.App.Version)
	if !ok || strings.Contains(m.App.Version, "-") {
		return bad("app version %q is not a release number like 1.5.0", m.App.Version)
	}
	if serial != m.Version {
		return bad("version %d must be %d for app version %s", m.Version, serial, m.App.Version)
	}
	if !lowerWord(m.App.OS) || !lowerWord(m.App.Arch) {
		return bad("app os %q and arch %q must be like linux and amd64", m.App.OS, m.App.Arch)
	}
	for _, f := range m.Files {
		if f.Path == AppKiosk {
			return nil
		}
	}
	return fail(CodeMissingFile, RootPrefix+AppKiosk, "an app pack must carry the kiosk program")
}

func lowerWord(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// fileMode is the mode an installed file gets: the programs of an app pack are executable.
func fileMode(m Manifest, path string) fs.FileMode {
	if m.IsApp() && strings.HasPrefix(path, "bin/") {
		return 0o755
	}
	return 0o644
}
