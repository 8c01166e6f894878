package demo

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestCandidatesOrder(t *testing.T) {
	got := Candidates("", "", "/usr/bin/kiosk", "/srv/a/b")
	want := []string{
		"/usr/bin/demo",
		"/usr/share/jindu-kiosk/demo",
		"/usr/assets/content",
		"/srv/a/b/assets/content",
		"/srv/a/assets/content",
		"/srv/assets/content",
		"/assets/content",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("candidates:\n got %q\nwant %q", got, want)
	}
	if got := Candidates("/x", "/y", "/usr/bin/kiosk", "/"); !reflect.DeepEqual(got, []string{"/x"}) {
		t.Fatalf("an explicit directory is the only candidate: %q", got)
	}
	if got := Candidates("", "/y", "/usr/bin/kiosk", "/"); !reflect.DeepEqual(got, []string{"/y"}) {
		t.Fatalf("the environment's directory is the only candidate: %q", got)
	}
}

func TestFindTakesTheFirstContentRoot(t *testing.T) {
	tmp := t.TempDir()
	empty := filepath.Join(tmp, "empty")          // exists, no content in it
	dirMarker := filepath.Join(tmp, "dir-marker") // meta.yaml is a directory
	good := filepath.Join(tmp, "good")            // a content root
	second := filepath.Join(tmp, "second")        // also one, but later
	for _, d := range []string{empty, filepath.Join(dirMarker, "content", "meta.yaml")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{good, second} {
		if err := os.MkdirAll(filepath.Join(d, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "content", "meta.yaml"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(tmp, "missing")
	if got := Find([]string{missing, empty, dirMarker, good, second}); got != good {
		t.Fatalf("Find = %q, want %q", got, good)
	}
	if got := Find([]string{missing, empty}); got != "" {
		t.Fatalf("Find without a content root = %q, want empty", got)
	}
}

func TestLocateFindsTheSourceTree(t *testing.T) {
	// go test runs in internal/demo: the repository's assets/content is two levels up.
	t.Setenv(Env, "")
	dir, tried := Locate("")
	if dir == "" {
		t.Fatalf("the source tree's demo not found; tried %q", tried)
	}
	if filepath.Base(dir) != "content" || filepath.Base(filepath.Dir(dir)) != "assets" {
		t.Fatalf("Locate = %q, want …/assets/content", dir)
	}
}
