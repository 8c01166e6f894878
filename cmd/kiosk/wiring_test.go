package main

import (
	"io"
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

	p := loadContent(dir, "", log)
	if p.Catalog == nil || p.Root == nil || len(p.Catalog.Zones) == 0 || !p.HasQuiz() {
		t.Fatal("the kiosk must always have content to show")
	}
	if p.Source != "bundled demo" || !strings.Contains(p.Fallback, dir) || len(p.Problems) == 0 {
		t.Fatalf("the staff panel must learn why: %+v", p)
	}
	if !strings.Contains(p.Problems[0].String(), "content/meta.yaml:1") {
		t.Fatalf("problem not located: %s", p.Problems[0])
	}

	p = loadContent(filepath.Join(dir, "missing"), "", log)
	if p.Fallback == "" || p.Catalog.Meta.PackID != "demo" {
		t.Fatal("a missing content directory must fall back too")
	}
	p = loadContent("../../assets/content", t.TempDir(), log)
	if p.Fallback != "" || p.Source != "../../assets/content" {
		t.Fatalf("a valid directory must be used: %+v", p)
	}
}
