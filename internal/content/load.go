package content

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/safefs"
)

// Files of a content root, relative to it.
const (
	FileMeta      = "content/meta.yaml"
	FileZones     = "content/zones.yaml"
	FileAttract   = "content/attract.yaml"
	FileHistory   = "content/history.yaml"
	FileDrugs     = "content/drugs.yaml"
	FileDisguises = "content/disguises.yaml"
	FileCases     = "content/cases.yaml"
	FileScenes    = "content/scenes.yaml" // optional
)

// Load reads and validates the content root in fsys within DefaultLimits. It always
// returns a catalog (possibly partial) and a report; callers must not show the catalog
// when report.Err() is non-nil. fsys should be a safefs.Dir for a directory: on any fs.FS
// every file is bounded before it is read, but only a safefs.Dir (or an fs.FS that reports
// links, such as os.DirFS) lets links be refused.
func Load(fsys fs.FS) (*Catalog, Report) {
	return LoadLimited(fsys, DefaultLimits())
}

// LoadLimited is Load within lim.
func LoadLimited(fsys fs.FS, lim Limits) (*Catalog, Report) {
	var probs []Problem
	c := &Catalog{}
	v := &validator{fsys: fsys, lim: lim, probs: &probs}

	files := []struct {
		name  string
		into  any
		check func(*lint.Doc)
	}{
		{FileMeta, &c.Meta, func(d *lint.Doc) { v.meta(d, &c.Meta) }},
		{FileZones, &zonesFile{}, nil},
		{FileAttract, &c.Attract, func(d *lint.Doc) { v.attract(d, &c.Attract) }},
		{FileHistory, &c.History, func(d *lint.Doc) { v.history(d, &c.History) }},
		{FileDrugs, &c.Drugs, func(d *lint.Doc) { v.drugs(d, &c.Drugs) }},
		{FileDisguises, &c.Disguises, func(d *lint.Doc) { v.disguises(d, &c.Disguises) }},
		{FileCases, &c.Cases, func(d *lint.Doc) { v.cases(d, &c.Cases) }},
		{FileScenes, &c.Scenes, func(d *lint.Doc) { v.scenes(d, &c.Scenes) }},
	}
	for _, f := range files {
		data, err := safefs.ReadFile(fsys, f.name, lim.YAML.Bytes)
		if err != nil {
			msg := "cannot read: " + reason(err)
			if errors.Is(err, fs.ErrNotExist) {
				if optionalFiles[f.name] {
					continue
				}
				msg = "file is missing"
			}
			probs = append(probs, Problem{Severity: Error, File: f.name, Msg: msg})
			continue
		}
		d, ok := lint.ParseLimited(f.name, data, f.into, &probs, lim.YAML)
		if !ok {
			continue
		}
		if zf, ok := f.into.(*zonesFile); ok {
			c.Zones = zf.Zones
			v.zones(d, c.Zones)
			continue
		}
		f.check(d)
	}
	probs = append(probs, zonesWithoutContent(c)...)
	return c, Report{Problems: probs}
}

// optionalFiles may be missing from a root (a pack made before the file existed).
var optionalFiles = map[string]bool{FileScenes: true}

type zonesFile struct {
	Zones []Zone `yaml:"zones"`
}

// zonesWithoutContent reports zones whose optional content file is missing.
func zonesWithoutContent(c *Catalog) []Problem {
	var out []Problem
	for _, z := range c.Zones {
		if z.Kind == KindScenes && len(c.Scenes.Scenes) == 0 {
			out = append(out, Problem{Severity: Error, File: FileZones, Field: "zones",
				Msg: fmt.Sprintf("zone %q shows scenes, but %s has none (is the file missing?)", z.ID, FileScenes)})
		}
	}
	return out
}
