package pack

import (
	"archive/zip"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits bound what a pack may unpack to. Zero fields take the defaults.
type Limits struct {
	MaxBytes int64 // total uncompressed bytes
	MaxFiles int   // number of files
	MaxRatio int   // uncompressed bytes per compressed byte, per file
}

// Default limits: 4 GiB, 20 000 files, ratio 100 (text compresses 3–10×, media ~1×).
const (
	DefaultMaxBytes = 4 << 30
	DefaultMaxFiles = 20000
	DefaultMaxRatio = 100
	// ratioSlack lets small, very compressible files (a YAML of spaces) through.
	ratioSlack = 64 << 10
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxFiles <= 0 {
		l.MaxFiles = DefaultMaxFiles
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	return l
}

// archive is an opened pack whose member names have been checked.
type archive struct {
	zr       *zip.Reader
	manifest []byte               // exact bytes of manifest.json
	sig      []byte               // nil when unsigned
	content  map[string]*zip.File // path under root/ → member
	man      Manifest             // set by authenticate or parseUntrusted
}

// openArchive reads the zip directory and the fixed members, and refuses unsafe or
// colliding names, links and special files. It reads no content file.
func openArchive(r io.ReaderAt, size int64, lim Limits) (*archive, error) {
	lim = lim.withDefaults()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, wrapErr(CodeUnreadable, "", err)
	}
	if len(zr.File) > 2*lim.MaxFiles+2 { // files plus directory entries plus manifest and sig
		return nil, fail(CodeBudget, "", "%d members, more than allowed for %d files", len(zr.File), lim.MaxFiles)
	}
	a := &archive{zr: zr, content: map[string]*zip.File{}}
	names := newNameSet()
	var manifestFile, sigFile *zip.File
	for _, f := range zr.File {
		name := f.Name
		isDir := strings.HasSuffix(name, "/")
		if err := checkPath(strings.TrimSuffix(name, "/")); err != nil {
			return nil, err
		}
		mode := f.Mode()
		if isDir != mode.IsDir() || (!isDir && !mode.IsRegular()) {
			return nil, fail(CodeNotRegular, name, "mode %s", mode)
		}
		switch {
		case name == ManifestName || name == SigName:
			if (name == ManifestName && manifestFile != nil) || (name == SigName && sigFile != nil) {
				return nil, fail(CodeDuplicate, name, "stored twice")
			}
			if name == ManifestName {
				manifestFile = f
			} else {
				sigFile = f
			}
			continue
		case name == RootPrefix && isDir:
			continue
		case !strings.HasPrefix(name, RootPrefix):
			return nil, fail(CodeExtraFile, name, "outside %s", RootPrefix)
		}
		rel := strings.TrimPrefix(name, RootPrefix)
		if isDir {
			continue // directories are created from the file paths; an empty one is ignored
		}
		if err := names.add(rel); err != nil {
			var e *Error
			errors.As(err, &e)
			e.File = name
			return nil, e
		}
		a.content[rel] = f
	}
	if manifestFile == nil {
		return nil, fail(CodeManifest, ManifestName, "missing from the pack")
	}
	if a.manifest, err = readMember(manifestFile, MaxManifestBytes); err != nil {
		return nil, err
	}
	if sigFile != nil {
		if a.sig, err = readMember(sigFile, maxSigBytes); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// readMember reads a small member, counting the bytes actually decompressed.
func readMember(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, wrapErr(CodeUnreadable, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, wrapErr(CodeUnreadable, f.Name, err)
	}
	if int64(len(b)) > limit {
		return nil, fail(CodeManifest, f.Name, "larger than %d bytes", limit)
	}
	return b, nil
}

// authenticate checks the signature against trust, then parses the manifest strictly.
func (a *archive) authenticate(trust []ed25519.PublicKey) error {
	if a.sig == nil {
		return fail(CodeUnsigned, SigName, "missing")
	}
	var claim struct {
		KeyID string `json:"key_id"`
	}
	_ = json.Unmarshal(a.manifest, &claim) // only names the key in the error message
	if _, err := verifySig(a.manifest, a.sig, claim.KeyID, trust); err != nil {
		return err
	}
	m, err := ParseManifest(a.manifest)
	if err != nil {
		return err
	}
	a.man = m
	return nil
}

// parseUntrusted parses the manifest without looking at the signature (pack info).
func (a *archive) parseUntrusted() error {
	m, err := ParseManifest(a.manifest)
	a.man = m
	return err
}

// matchEntries checks that the archive holds exactly the manifest's files, within limits.
func (a *archive) matchEntries(lim Limits) error {
	lim = lim.withDefaults()
	m := a.man
	if m.FileCount > lim.MaxFiles {
		return fail(CodeBudget, "", "%d files, this kiosk allows %d", m.FileCount, lim.MaxFiles)
	}
	if m.TotalSize > lim.MaxBytes {
		return fail(CodeBudget, "", "%s, this kiosk allows %s", humanBytes(m.TotalSize), humanBytes(lim.MaxBytes))
	}
	listed := make(map[string]bool, len(m.Files))
	for _, f := range m.Files {
		listed[f.Path] = true
		zf, ok := a.content[f.Path]
		if !ok {
			return fail(CodeMissingFile, RootPrefix+f.Path, "listed in the manifest but not in the pack")
		}
		if zf.UncompressedSize64 != uint64(f.Size) {
			return fail(CodeSize, zf.Name, "zip says %d bytes, manifest %d", zf.UncompressedSize64, f.Size)
		}
	}
	for rel, zf := range a.content {
		if !listed[rel] {
			return fail(CodeExtraFile, zf.Name, "not listed in the manifest")
		}
	}
	return nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}
