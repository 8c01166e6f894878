package main

import (
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInvalidContentFallsBackToTheBundledDemo(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "meta.yaml"), []byte("pack_id: [broken"), 0o644)

	demo := testDemo(t)
	p := loadContent(dir, bundled(demo, ""), log)
	if p.Catalog == nil || p.Root == nil || len(p.Catalog.Zones) == 0 || !p.HasQuiz() {
		t.Fatal("the kiosk must always have content to show")
	}
	if p.Source != "bundled demo" || !strings.Contains(p.Fallback, dir) || len(p.Problems) == 0 {
		t.Fatalf("the staff panel must learn why: %+v", p)
	}
	if !strings.Contains(p.Problems[0].String(), "content/meta.yaml:1") {
		t.Fatalf("problem not located: %s", p.Problems[0])
	}

	p = loadContent(filepath.Join(dir, "missing"), bundled(demo, ""), log)
	if p.Fallback == "" || p.Catalog.Meta.PackID != "demo" {
		t.Fatal("a missing content directory must fall back too")
	}
	p = loadContent("../../assets/content", bundled(demo, t.TempDir()), log)
	if p.Fallback != "" || p.Source != "../../assets/content" {
		t.Fatalf("a valid directory must be used: %+v", p)
	}
}

// testDemo is the source tree's demo content, opened as the kiosk opens it.
func testDemo(t *testing.T) fs.FS {
	t.Helper()
	root, err := openRoot("../../assets/content")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestDemoRootMissingIsEmptyAndSaysWhere(t *testing.T) {
	var logs strings.Builder
	log := slog.New(slog.NewTextHandler(&logs, nil))
	root := demoRoot("", []string{"/nowhere/demo"}, log)
	if embeddedDemo() == nil {
		if _, err := fs.Stat(root, "content/meta.yaml"); err == nil {
			t.Fatal("no demo found, yet the root has content")
		}
		if !strings.Contains(logs.String(), "/nowhere/demo") || !strings.Contains(logs.String(), "--demo") {
			t.Fatalf("the log must say where the demo was looked for and how to fix it:\n%s", logs.String())
		}
	}
	root = demoRoot("../../assets/content", nil, log)
	if _, err := fs.Stat(root, "content/meta.yaml"); err != nil {
		t.Fatalf("the demo directory is not used: %v", err)
	}
}
