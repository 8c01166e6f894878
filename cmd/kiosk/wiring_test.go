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

	cat, root, info := loadContent(dir, log)
	if cat == nil || root == nil || len(cat.Zones) == 0 {
		t.Fatal("the kiosk must always have content to show")
	}
	if info.Source != "bundled demo" || !strings.Contains(info.Fallback, dir) || len(info.Problems) == 0 {
		t.Fatalf("the staff panel must learn why: %+v", info)
	}
	if !strings.Contains(info.Problems[0].String(), "content/meta.yaml:1") {
		t.Fatalf("problem not located: %s", info.Problems[0])
	}

	cat, _, info = loadContent(filepath.Join(dir, "missing"), log)
	if info.Fallback == "" || cat.Meta.PackID != "demo" {
		t.Fatal("a missing content directory must fall back too")
	}
	_, _, info = loadContent("../../assets/content", log)
	if info.Fallback != "" || info.Source != "../../assets/content" {
		t.Fatalf("a valid directory must be used: %+v", info)
	}
}
