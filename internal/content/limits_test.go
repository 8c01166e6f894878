package content_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/content/contenttest"
	"github.com/jindu-edu/kiosk/internal/safefs"
)

// problems loads fsys and returns every problem as one string per line.
func problems(t *testing.T, load func() content.Report) string {
	t.Helper()
	var rep content.Report
	done := make(chan struct{})
	go func() { rep = load(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("loading blocked")
	}
	var b strings.Builder
	for _, p := range rep.Problems {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func wantAll(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("want a problem containing\n  %s\ngot\n  %s", w, got)
		}
	}
}

// Reproduction 1: a 30000×30000 PNG passed lint, and the kiosk grew past 10 GB.
func TestHugePNGIsRefused(t *testing.T) {
	fsys := minimal()
	fsys["media/huge.png"] = &fstest.MapFile{Data: contenttest.PNG(30000, 30000)}
	fsys["media/wide.png"] = &fstest.MapFile{Data: contenttest.PNG(9000, 10)}
	fsys["media/ok.png"] = &fstest.MapFile{Data: contenttest.PNG(800, 600)}
	for file, img := range map[string]string{"content/drugs.yaml": "huge", "content/attract.yaml": "wide", "content/zones.yaml": "ok"} {
		orig := fsys[file].Data
		fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(orig), "media/i.svg", "media/"+img+".png", 1))}
	}
	got := problems(t, func() content.Report { _, r := content.Load(fsys); return r })
	wantAll(t, got,
		`content/drugs.yaml:13: error: drugs[0].image: "media/huge.png": image is 30000×30000 pixels; the limit is 8192 on a side`,
		`content/attract.yaml:5: error: slides[0].image: "media/wide.png": image is 9000×10 pixels`)
	if strings.Contains(got, "ok.png") {
		t.Errorf("an 800×600 PNG was refused:\n%s", got)
	}
	lim := content.DefaultLimits()
	lim.ImagePixels = 1000
	_, rep := content.LoadLimited(fsys, lim)
	wantAll(t, fmt.Sprint(rep.Problems), `"media/ok.png": image is 800×600 = 480000 pixels; the limit is 1000`)
}

// Reproduction 2: a content file that is a link to /dev/zero made lint run out of memory;
// a link to a PNG outside the root was accepted.
func TestLinksAndSpecialFilesAreRefused(t *testing.T) {
	fsys := minimal()
	fsys["media/outside-link.png"] = &fstest.MapFile{Data: []byte("placeholder")}
	fsys["content/drugs.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["content/drugs.yaml"].Data),
		"image: media/i.svg", "image: media/outside-link.png", 1))}
	fsys["content/cases.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["content/cases.yaml"].Data),
		"image_soft: media/i.svg", "image_soft: media/fifo.svg", 1))}
	dir := contenttest.WriteTree(t, fsys)
	outside := filepath.Join(t.TempDir(), "secret.png")
	if err := os.WriteFile(outside, contenttest.PNG(8, 6), 0o644); err != nil {
		t.Fatal(err)
	}
	replace := func(name, target string) {
		p := filepath.Join(dir, name)
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	replace("media/a.ogg", "/dev/zero")
	replace("media/outside-link.png", outside)
	replace("content/disguises.yaml", "/dev/zero")
	if err := syscall.Mkfifo(filepath.Join(dir, "media/fifo.svg"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := safefs.New(dir, content.DefaultLimits().MaxFile())
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	want := []string{
		`content/disguises.yaml: error: cannot read: is a symbolic link`,
		`content/history.yaml:14: error: events[0].narration.zh: "media/a.ogg": cannot read media file: is a symbolic link`,
		`content/drugs.yaml:13: error: drugs[0].image: "media/outside-link.png": cannot read media file: is a symbolic link`,
		`content/cases.yaml:8: error: cases[0].image_soft: "media/fifo.svg": cannot read media file: is not a regular file (a FIFO)`,
	}
	wantAll(t, problems(t, func() content.Report { _, r := content.Load(root); return r }), want...)
	// os.DirFS reports links too, so Load refuses them there as well.
	wantAll(t, problems(t, func() content.Report { _, r := content.Load(os.DirFS(dir)); return r }), want...)
}

// Reproduction 3: a 308-character zone id passed lint, and the hub refused every batch
// carrying it.
func TestLongIDsAreRefused(t *testing.T) {
	long := strings.Repeat("a", 308)
	ids := []struct{ file, from, field string }{
		{"content/meta.yaml", "pack_id: test", "pack_id"},
		{"content/zones.yaml", "id: history", "zones[0].id"},
		{"content/attract.yaml", "id: a", "slides[0].id"},
		{"content/history.yaml", "id: old", "eras[0].id"},
		{"content/history.yaml", "id: first", "events[0].id"},
		{"content/drugs.yaml", "id: traditional", "categories[0].id"},
		{"content/drugs.yaml", "id: opium", "drugs[0].id"},
		{"content/disguises.yaml", "id: a", "items[0].id"},
		{"content/cases.yaml", "id: one", "cases[0].id"},
	}
	for _, id := range ids {
		t.Run(id.field, func(t *testing.T) {
			fsys := minimal()
			key, _, _ := strings.Cut(id.from, ": ")
			src := strings.Replace(string(fsys[id.file].Data), id.from, key+": "+long, 1)
			fsys[id.file] = &fstest.MapFile{Data: []byte(src)}
			_, rep := content.Load(fsys)
			wantAll(t, fmt.Sprint(rep.Errors()), id.field+": "+key+" is 308 bytes long; the limit is 64")
		})
	}
}

// Reproduction 9a: a 50 MB YAML file took 2.5 GB to lint. It is now refused by its size
// before it is read.
func TestHugeYAMLIsRefusedBeforeReading(t *testing.T) {
	dir := contenttest.WriteTree(t, minimal())
	f, err := os.Create(filepath.Join(dir, "content/drugs.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat("  - {id: x, name: {zh: 甲, en: A}, image: media/i.svg}\n", 1<<20/64))
	f.WriteString("drugs:\n")
	for range 50 << 20 / len(chunk) {
		f.Write(chunk)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	root, err := safefs.New(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	_, rep := content.Load(root)
	took := time.Since(start)
	runtime.ReadMemStats(&m1)
	wantAll(t, fmt.Sprint(rep.Errors()), "content/drugs.yaml: error: cannot read: is larger than the limit: 52", "bytes, limit 524288")
	if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 4<<20 || took > 2*time.Second {
		t.Fatalf("loading allocated %d bytes in %v", alloc, took)
	}
}

func TestAliasBombIsRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("intro: &l0 {zh: 哈, en: ha}\nitems:\n  - id: x\n    name: {zh: 甲, en: A}\n")
	b.WriteString("    clues: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]\n")
	for i := 2; i <= 9; i++ {
		fmt.Fprintf(&b, "    why%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n",
			i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	fsys := minimal()
	fsys["content/disguises.yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	got := problems(t, func() content.Report { _, r := content.Load(fsys); return r })
	wantAll(t, got, "content/disguises.yaml:", "error: more than 50000 YAML nodes (aliases counted as expanded)")
}

func TestHostileSVGIsRefused(t *testing.T) {
	for name, svg := range map[string]string{
		"entities": `<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>`,
		"deep":     strings.Repeat("<g>", 100) + strings.Repeat("</g>", 100),
		"not svg":  `<html></html>`,
		"many":     `<svg>` + strings.Repeat(`<rect/>`, 20_001) + `</svg>`,
	} {
		fsys := minimal()
		fsys["media/i.svg"] = &fstest.MapFile{Data: []byte(svg)}
		_, rep := content.Load(fsys)
		if rep.Err() == nil || !strings.Contains(rep.Err().Error(), `"media/i.svg"`) {
			t.Errorf("%s: %v", name, rep.Err())
		}
	}
	lim := content.DefaultLimits()
	if err := lim.CheckSVG([]byte(`<svg><g><rect/></g></svg>`)); err != nil {
		t.Errorf("a plain SVG: %v", err)
	}
}

func TestLimitsByKind(t *testing.T) {
	lim := content.DefaultLimits()
	for name, want := range map[string]int64{"a.yaml": lim.YAML.Bytes, "b.PNG": lim.ImageBytes, "c.jpg": lim.ImageBytes,
		"d.svg": lim.SVGBytes, "e.ogg": lim.AudioBytes, "strings/zh.json": lim.StringsBytes, "f.exe": 0} {
		if got := lim.FileBytes(name); got != want {
			t.Errorf("FileBytes(%s) = %d, want %d", name, got, want)
		}
	}
	if lim.MaxFile() != lim.AudioBytes {
		t.Errorf("MaxFile = %d", lim.MaxFile())
	}
}

func TestCheckMediaForOtherValidators(t *testing.T) {
	lim := content.DefaultLimits()
	fsys := fstest.MapFS{"q/huge.png": {Data: contenttest.PNG(30000, 30000)}, "q/ok.png": {Data: contenttest.PNG(80, 60)}}
	if err := lim.CheckMedia(fsys, "q/ok.png"); err != nil {
		t.Errorf("ok.png: %v", err)
	}
	for _, name := range []string{"q/huge.png", "q/missing.png", "q/x.exe"} {
		if err := lim.CheckMedia(fsys, name); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
