package content

import (
	"errors"
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
	FileWall      = "content/wall.yaml"      // only when a zone is of kind wall
	FileWallWords = "content/wall-words.txt" // optional: replaces the app's default word filter
	FileScenes    = "content/scenes.yaml"    // only when a zone of kind scenes is shown
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
	}
	for _, f := range files {
		data, err := safefs.ReadFile(fsys, f.name, lim.YAML.Bytes)
		if err != nil {
			msg := "cannot read: " + reason(err)
			if errors.Is(err, fs.ErrNotExist) {
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
	v.optional(c, &probs)
	v.wallWords()
	return c, Report{Problems: probs}
}

// optional loads the files only some zones need, when such a zone is on the home screen.
func (v *validator) optional(c *Catalog, probs *[]Problem) {
	seen := map[string]bool{}
	for _, z := range c.Zones {
		switch {
		case seen[z.Kind]:
		case z.Kind == KindMirror:
			v.load(FileMirror, &c.Mirror, func(d *lint.Doc) { v.mirror(d, &c.Mirror) }, probs)
		case z.Kind == KindWall:
			v.load(FileWall, &c.Wall, func(d *lint.Doc) { v.wall(d, &c.Wall) }, probs)
		case z.Kind == KindBoard: // after the disguises its traps name
			v.load(FileBoard, &c.Board, func(d *lint.Doc) { v.board(d, &c.Board, c.Disguises) }, probs)
		case z.Kind == KindScenes:
			v.load(FileScenes, &c.Scenes, func(d *lint.Doc) { v.scenes(d, &c.Scenes) }, probs)
		}
		seen[z.Kind] = true
	}
}

// load reads, parses and checks one optional file; a missing one is an error (its zone
// needs it).
func (v *validator) load(name string, into any, check func(*lint.Doc), probs *[]Problem) {
	data, err := safefs.ReadFile(v.fsys, name, v.lim.YAML.Bytes)
	if err != nil {
		msg := "cannot read: " + reason(err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = "file is missing (a zone of its kind is on the home screen)"
		}
		*probs = append(*probs, Problem{Severity: Error, File: name, Msg: msg})
		return
	}
	if d, ok := lint.ParseLimited(name, data, into, probs, v.lim.YAML); ok {
		check(d)
	}
}

type zonesFile struct {
	Zones []Zone `yaml:"zones"`
}
