package pack

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Format is the manifest's format value; a reader refuses any other.
const Format = "jindu-pack/1"

// Limits of the fixed-name members of a pack, checked on the bytes actually read.
const (
	MaxManifestBytes = 4 << 20
	maxSigBytes      = 1 << 10
)

// Member names inside the zip. Content files live under RootPrefix.
const (
	ManifestName = "manifest.json"
	SigName      = "manifest.sig"
	RootPrefix   = "root/"
)

// Text is a title in both languages.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Target says which kiosks may install a pack: all of them, or the listed ids.
type Target struct {
	All    bool     `json:"all,omitempty"`
	Kiosks []string `json:"kiosks,omitempty"`
}

// Allows reports whether the kiosk id may install the pack.
func (t Target) Allows(kiosk string) bool {
	if t.All {
		return true
	}
	for _, k := range t.Kiosks {
		if k == kiosk {
			return true
		}
	}
	return false
}

// File is one content file: its path relative to the content root ("content/zones.yaml",
// stored in the zip as "root/content/zones.yaml"), size in bytes and lower-case hex sha256.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Manifest is manifest.json. It is signed as the exact bytes in the zip.
type Manifest struct {
	Format        string    `json:"format"`
	Kind          string    `json:"kind,omitempty"` // KindContent ("") or KindApp
	ID            string    `json:"id"`
	Title         Text      `json:"title"`
	Version       int64     `json:"version"`
	Created       time.Time `json:"created"`
	MinAppVersion string    `json:"min_app_version,omitempty"`
	MaxAppVersion string    `json:"max_app_version,omitempty"`
	App           *App      `json:"app,omitempty"` // set exactly when Kind is KindApp
	Target        Target    `json:"target"`
	KeyID         string    `json:"key_id"` // KeyID of the signing key; "" before signing
	FileCount     int       `json:"file_count"`
	TotalSize     int64     `json:"total_size"`
	Files         []File    `json:"files"`
}

// ParseManifest decodes and validates manifest bytes strictly: unknown fields, trailing
// data, bad paths, duplicates and wrong totals are errors.
func ParseManifest(data []byte) (Manifest, error) {
	var m Manifest
	if len(data) > MaxManifestBytes {
		return m, fail(CodeManifest, ManifestName, "larger than %d bytes", MaxManifestBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, wrapErr(CodeManifest, ManifestName, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return m, fail(CodeManifest, ManifestName, "data after the JSON object")
	}
	if err := m.Validate(); err != nil {
		return m, err
	}
	return m, nil
}

// Marshal encodes m as the bytes to put in the zip (indented, final newline).
func (m Manifest) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	return append(b, '\n'), nil
}

// Validate checks every field and that the file list is a safe, collision-free set.
func (m Manifest) Validate() error {
	bad := func(format string, args ...any) error { return fail(CodeManifest, ManifestName, format, args...) }
	switch {
	case m.Format != Format:
		return bad("format %q, want %q", m.Format, Format)
	case !validID(m.ID):
		return bad("id %q: use 1–64 of a-z A-Z 0-9 . _ -", m.ID)
	case strings.TrimSpace(m.Title.Zh) == "" || strings.TrimSpace(m.Title.En) == "":
		return bad("title needs both zh and en")
	case m.Version < 1:
		return bad("version %d must be 1 or more", m.Version)
	case m.Created.IsZero():
		return bad("created is missing")
	case m.Target.All == (len(m.Target.Kiosks) > 0):
		return bad("target must be either all or a non-empty list of kiosk ids")
	case m.FileCount != len(m.Files):
		return bad("file_count %d but %d files listed", m.FileCount, len(m.Files))
	}
	for name, v := range map[string]string{"min_app_version": m.MinAppVersion, "max_app_version": m.MaxAppVersion} {
		if _, ok := parseVersion(v); v != "" && !ok {
			return bad("%s %q is not like 1.4 or v1.4.2", name, v)
		}
	}
	if err := m.validateKind(); err != nil {
		return err
	}
	var total int64
	names := newNameSet()
	for _, f := range m.Files {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		if err := names.add(f.Path); err != nil {
			return err
		}
		if f.Size < 0 {
			return fail(CodeManifest, f.Path, "negative size")
		}
		if len(f.SHA256) != 64 || strings.ToLower(f.SHA256) != f.SHA256 {
			return fail(CodeManifest, f.Path, "sha256 must be 64 lower-case hex digits")
		}
		if _, err := hex.DecodeString(f.SHA256); err != nil {
			return fail(CodeManifest, f.Path, "sha256 is not hex")
		}
		total += f.Size
		if total < 0 {
			return bad("total size overflows")
		}
	}
	if total != m.TotalSize {
		return bad("total_size %d but the files add up to %d", m.TotalSize, total)
	}
	return nil
}

func validID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// parseVersion reads "1.4", "v1.4.2" or "v1.4.2-3-gabcdef-dirty" as numbers; the part after
// the first '-' is ignored.
func parseVersion(s string) ([3]int, bool) {
	var v [3]int
	s = strings.TrimPrefix(s, "v")
	if i := strings.IndexByte(s, '-'); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) == 0 || len(parts) > 3 {
		return v, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(p) > 9 {
			return v, false
		}
		v[i] = n
	}
	return v, true
}

// AppSatisfies reports whether the kiosk software version app meets min. An app version
// that is not a release number ("dev", a bare commit hash) is a development build and
// satisfies any minimum; an empty min is always met.
func AppSatisfies(app, min string) bool {
	if min == "" {
		return true
	}
	a, ok := parseVersion(app)
	if !ok {
		return true
	}
	m, ok := parseVersion(min)
	if !ok {
		return false
	}
	for i := range a {
		if a[i] != m[i] {
			return a[i] > m[i]
		}
	}
	return true
}

// AppAtMost reports whether the kiosk software version app is at most max (a pack's
// max_app_version). A development build and an empty max always pass.
func AppAtMost(app, max string) bool {
	if max == "" {
		return true
	}
	a, ok := parseVersion(app)
	if !ok {
		return true
	}
	m, ok := parseVersion(max)
	if !ok {
		return false
	}
	for i := range a {
		if a[i] != m[i] {
			return a[i] < m[i]
		}
	}
	return true
}
