package content_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
)

var contentFiles = []string{content.FileMeta, content.FileZones, content.FileAttract, content.FileHistory,
	content.FileDrugs, content.FileDisguises, content.FileCases}

// overlay is the bundled root with one file replaced.
type overlay struct {
	fs.FS
	name string
	data []byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if name == o.name {
		return fstest.MapFS{name: {Data: o.data}}.Open(name)
	}
	return o.FS.Open(name)
}

// FuzzLoad replaces one YAML file of the bundled content with fuzz bytes. Loading must not
// panic, must report every problem against a file, and must never accept content over the
// limits. Seeds are the bundled files and a few hostile ones.
//
//	go test ./internal/content -run '^$' -fuzz FuzzLoad -fuzztime 5m
func FuzzLoad(f *testing.F) {
	root := assets.Content()
	for i, name := range contentFiles {
		data, err := fs.ReadFile(root, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), data)
	}
	f.Add(uint8(1), []byte("zones:\n  - &z {id: "+strings.Repeat("z", 300)+", kind: history}\n  - *z\n"))
	f.Add(uint8(5), []byte("a: &a [x, x]\nb: &b [*a, *a]\nintro: *b\n"))
	f.Add(uint8(3), []byte("events:\n  - image: ../../etc/passwd\n    narration: {zh: /dev/zero}\n"))
	lim := content.DefaultLimits()
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := contentFiles[int(which)%len(contentFiles)]
		cat, rep := content.Load(overlay{FS: root, name: name, data: data})
		for _, p := range rep.Problems {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		if rep.Err() != nil {
			return
		}
		if len(data) > int(lim.YAML.Bytes) {
			t.Fatalf("accepted a %d-byte file", len(data))
		}
		ids := []string{cat.Meta.PackID}
		for _, z := range cat.Zones {
			ids = append(ids, z.ID)
		}
		for _, s := range cat.Attract.Slides {
			ids = append(ids, s.ID)
		}
		for _, e := range cat.History.Events {
			ids = append(ids, e.ID)
		}
		for _, d := range cat.Drugs.Drugs {
			ids = append(ids, d.ID)
		}
		for _, it := range cat.Disguises.Items {
			ids = append(ids, it.ID)
		}
		for _, c := range cat.Cases.Cases {
			ids = append(ids, c.ID)
		}
		for _, id := range ids {
			if id == "" || len(id) > lim.IDBytes {
				t.Fatalf("accepted id %q", id)
			}
		}
		for _, s := range cat.Texts() {
			if len(s) > lim.YAML.Scalar {
				t.Fatalf("accepted a %d-byte text", len(s))
			}
		}
	})
}
