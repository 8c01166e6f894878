package quiz

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/quizbank"
)

// TestLoadCachedAnswersAsLoad: the bundled bank (with its pictures and warnings) read back
// from the cache is exactly what Load gives.
func TestLoadCachedAnswersAsLoad(t *testing.T) {
	dir := t.TempDir()
	want, wrep := Load(quizbank.Files(), assets.Content())
	for i, what := range []string{"first load (writes the cache)", "second load (reads it)"} {
		got, rep := LoadCached(quizbank.Files(), assets.Content(), dir)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(rep.Problems, wrep.Problems) {
			t.Fatalf("%s: the bank or its problems differ from Load's", what)
		}
		files, _ := filepath.Glob(filepath.Join(dir, cachePrefix+"*.gob"))
		if len(files) != 1 {
			t.Fatalf("%s: %d cache files, want 1", what, len(files))
		}
		if i == 0 { // prove the second load reads the file: make it the only source of a marker
			c, ok := readCache(files[0], assets.Content())
			if !ok {
				t.Fatal("the cache just written does not read back")
			}
			if len(c.Bank.Questions) != len(want.Questions) {
				t.Fatal("the cache holds another bank")
			}
		}
	}
}

func smallBank(prompt string) fstest.MapFS {
	return fstest.MapFS{"a.yaml": &fstest.MapFile{Data: []byte(`questions:
  - id: q1
    type: truefalse
    audience: adult
    difficulty: 1
    topic: law
    prompt: {zh: "` + prompt + `", en: "Is it against the law?"}
    answer: true
    explanation: {zh: "是的。", en: "Yes."}
    source: "《禁毒法》"
    image: media/q1.png
`)}}
}

func TestLoadCachedNoticesEveryChange(t *testing.T) {
	png, err := assets.Content().Open("media/img/attract/protect.png")
	if err != nil {
		t.Fatal(err)
	}
	st, _ := png.Stat()
	data := make([]byte, st.Size())
	_, _ = png.Read(data)
	png.Close()
	media := fstest.MapFS{"media/q1.png": &fstest.MapFile{Data: data, ModTime: time.Unix(100, 0)}}
	dir := t.TempDir()

	b, rep := LoadCached(smallBank("违法吗？"), media, dir)
	if rep.Err() != nil || b.Questions[0].Prompt.Zh != "违法吗？" {
		t.Fatalf("first load: %v %+v", rep.Err(), b.Questions)
	}
	// The bank file changed: the new text, not the cached one.
	b, _ = LoadCached(smallBank("这违法吗？"), media, dir)
	if b.Questions[0].Prompt.Zh != "这违法吗？" {
		t.Fatal("a changed bank file was answered from the cache")
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.gob")); len(files) != 1 {
		t.Fatalf("the old bank's cache was not removed: %v", files)
	}
	// The picture is removed: the cached answer (no problem) would be wrong.
	_, rep = LoadCached(smallBank("这违法吗？"), fstest.MapFS{}, dir)
	if rep.Err() == nil {
		t.Fatal("a missing picture was not reported: the cache was trusted")
	}
	// The picture changed (time): validated again, still fine.
	media["media/q1.png"].ModTime = time.Unix(200, 0)
	if _, rep = LoadCached(smallBank("这违法吗？"), media, dir); rep.Err() != nil {
		t.Fatal(rep.Err())
	}
	// A corrupt cache file is ignored and written again.
	files, _ := filepath.Glob(filepath.Join(dir, "*.gob"))
	if err := os.WriteFile(files[0], []byte("not a gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, rep = LoadCached(smallBank("这违法吗？"), media, dir)
	if rep.Err() != nil || len(b.Questions) != 1 {
		t.Fatalf("corrupt cache: %v", rep.Err())
	}
	if _, ok := readCache(files[0], media); !ok {
		t.Fatal("the corrupt cache file was not rewritten")
	}
}

func TestLoadCachedNeverCachesErrors(t *testing.T) {
	dir := t.TempDir()
	bad := fstest.MapFS{"a.yaml": &fstest.MapFile{Data: []byte("questions:\n  - id: x\n")}}
	if _, rep := LoadCached(bad, fstest.MapFS{}, dir); rep.Err() == nil {
		t.Fatal("a broken bank loaded")
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 0 {
		t.Fatalf("a broken bank was cached: %v", files)
	}
	// An unwritable cache dir costs nothing but the cache.
	if _, rep := LoadCached(smallBank("违法吗？"), fstest.MapFS{"media/q1.png": &fstest.MapFile{Data: []byte("x")}}, "/proc/no-such-dir"); rep.Err() == nil {
		t.Log("tiny picture accepted") // validity is Load's business; only no panic matters here
	}
}

// BenchmarkLoad10kCached reads the generated 10,000-question bank back from its cache, as a
// kiosk start does when the bank has not changed (compare BenchmarkLoad10k).
func BenchmarkLoad10kCached(b *testing.B) {
	fsys := genBank(10000)
	dir := b.TempDir()
	if _, rep := LoadCached(fsys, fstest.MapFS{}, dir); rep.Err() != nil {
		b.Fatal(rep.Err())
	}
	b.ReportAllocs()
	for b.Loop() {
		bank, rep := LoadCached(fsys, fstest.MapFS{}, dir)
		if rep.Err() != nil || len(bank.Questions) != 10000 {
			b.Fatalf("%v, %d questions", rep.Err(), len(bank.Questions))
		}
	}
}
