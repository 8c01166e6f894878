package pack

import (
	"archive/zip"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// BuildOptions describe a pack to build. Key is optional: without it the pack is unsigned
// and needs Sign before a kiosk accepts it.
type BuildOptions struct {
	ID            string
	Title         Text
	Version       int64
	MinAppVersion string
	MaxAppVersion string
	Target        Target
	Created       time.Time // zero: now
	Key           ed25519.PrivateKey
}

// stored are extensions that are already compressed; deflating them wastes time.
var stored = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".webp": true,
	".ogg": true, ".mp3": true, ".mp4": true, ".webm": true, ".zip": true, ".gz": true}

// Build packs the content root dir into out. It refuses symlinks and special files; files
// and directories whose names start with "." are left out. The file is written beside out
// and renamed into place.
func Build(dir, out string, o BuildOptions) (Manifest, error) {
	m := o.manifest()
	return m, writeAtomically(out, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		buf := make([]byte, bufSize)
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, path)
			rel = filepath.ToSlash(rel)
			if rel != "." && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !d.Type().IsRegular() {
				return fmt.Errorf("%s: not a regular file (%s)", rel, d.Type())
			}
			if err := checkPath(rel); err != nil {
				return err
			}
			f, err := addFile(zw, path, rel, buf)
			m.Files = append(m.Files, f)
			m.TotalSize += f.Size
			return err
		})
		if err != nil {
			return fmt.Errorf("build %s: %w", dir, err)
		}
		m.FileCount = len(m.Files)
		if err := m.Validate(); err != nil {
			return err
		}
		return finishPack(zw, &m, o.Key)
	})
}

// BuildApp packs programs into an app pack at out: kiosk becomes root/bin/kiosk and
// kioskctl, when not "", root/bin/kioskctl. app names the release and its platform; the
// manifest's version is AppSerial(app.Version).
func BuildApp(kiosk, kioskctl, out string, app App, o BuildOptions) (Manifest, error) {
	serial, _ := AppSerial(app.Version)
	o.Version = serial
	m := o.manifest()
	m.Kind, m.App = KindApp, &app
	err := writeAtomically(out, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		buf := make([]byte, bufSize)
		progs := [][2]string{{kiosk, AppKiosk}, {kioskctl, AppKioskctl}}
		for _, p := range progs {
			if p[0] == "" {
				continue
			}
			if st, err := os.Stat(p[0]); err != nil || !st.Mode().IsRegular() {
				return fmt.Errorf("build app pack: %s is not a program file", p[0])
			}
			f, err := addFile(zw, p[0], p[1], buf)
			if err != nil {
				return fmt.Errorf("build app pack: %s: %w", p[0], err)
			}
			m.Files = append(m.Files, f)
			m.TotalSize += f.Size
		}
		m.FileCount = len(m.Files)
		if err := m.Validate(); err != nil {
			return err
		}
		return finishPack(zw, &m, o.Key)
	})
	return m, err
}

// manifest is the manifest of o before any file is added.
func (o BuildOptions) manifest() Manifest {
	m := Manifest{Format: Format, ID: o.ID, Title: o.Title, Version: o.Version, Created: o.Created,
		MinAppVersion: o.MinAppVersion, MaxAppVersion: o.MaxAppVersion, Target: o.Target, Files: []File{}}
	if m.Created.IsZero() {
		m.Created = time.Now().UTC().Truncate(time.Second)
	}
	return m
}

func addFile(zw *zip.Writer, path, rel string, buf []byte) (File, error) {
	src, err := os.Open(path)
	if err != nil {
		return File{Path: rel}, err
	}
	defer src.Close()
	method := zip.Deflate
	if stored[strings.ToLower(filepath.Ext(rel))] {
		method = zip.Store
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: RootPrefix + rel, Method: method})
	if err != nil {
		return File{Path: rel}, err
	}
	h := sha256.New()
	n, err := io.CopyBuffer(io.MultiWriter(w, h), src, buf)
	return File{Path: rel, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, err
}

// finishPack writes manifest.json (and manifest.sig when key is set) and closes zw.
func finishPack(zw *zip.Writer, m *Manifest, key ed25519.PrivateKey) error {
	m.KeyID = ""
	if key != nil {
		m.KeyID = KeyID(key.Public().(ed25519.PublicKey))
	}
	data, err := m.Marshal()
	if err != nil {
		return err
	}
	members := []struct {
		name string
		data []byte
	}{{ManifestName, data}}
	if key != nil {
		members = append(members, struct {
			name string
			data []byte
		}{SigName, SignManifest(data, key)})
	}
	for _, mb := range members {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: mb.name, Method: zip.Deflate})
		if err == nil {
			_, err = w.Write(mb.data)
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", mb.name, err)
		}
	}
	return zw.Close()
}

// Sign (re)signs the pack at path with key: the manifest gets the key's id, manifest.sig
// is replaced, the content members are copied unchanged (not recompressed).
func Sign(path string, key ed25519.PrivateKey) (Manifest, error) {
	f, a, err := openFile(path, Limits{MaxFiles: 1 << 30})
	if err != nil {
		return Manifest{}, err
	}
	defer f.Close()
	if err := a.parseUntrusted(); err != nil {
		return Manifest{}, err
	}
	m := a.man
	return m, writeAtomically(path, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		for _, zf := range a.zr.File {
			if zf.Name == ManifestName || zf.Name == SigName {
				continue
			}
			if err := zw.Copy(zf); err != nil {
				return wrapErr(CodeUnreadable, zf.Name, err)
			}
		}
		return finishPack(zw, &m, key)
	})
}

// writeAtomically writes path through a temporary file in the same directory.
func writeAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
