package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPanoThumbs renders the scene cards of a copy of the bundled content: one PNG per
// scene at the size asked, at the path its thumbnail names, and a scene without a
// thumbnail is listed and skipped.
func TestPanoThumbs(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "../../assets/content", dir)
	p := filepath.Join(dir, "content", "scenes.yaml")
	data, _ := os.ReadFile(p)
	data = bytes.Replace(data, []byte("    thumbnail: media/pano/thumb/vape.png\n"), nil, 1)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, "media", "pano", "thumb"))
	var out bytes.Buffer
	if code, err := run([]string{"media", "pano-thumbs", dir, "192x108"}, nil, &out); code != 0 {
		t.Fatalf("pano-thumbs: %d %v\n%s", code, err, out.String())
	}
	if !strings.Contains(out.String(), "vape: no thumbnail named") || !strings.Contains(out.String(), "rendered 5 scene thumbnails") {
		t.Errorf("output:\n%s", out.String())
	}
	for _, id := range []string{"school-gate", "milk-tea", "ktv-party", "diet-pills", "exam-week"} {
		f, err := os.Open(filepath.Join(dir, "media", "pano", "thumb", id+".png"))
		if err != nil {
			t.Error(err)
			continue
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil || img.Bounds().Dx() != 192 || img.Bounds().Dy() != 108 {
			t.Errorf("%s: %v, %v", id, img.Bounds(), err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "media", "pano", "thumb", "vape.png")); err == nil {
		t.Error("a thumbnail was written for a scene that names none")
	}
	if code, _ := run([]string{"media", "pano-thumbs", dir, "9x9"}, nil, &out); code != 2 {
		t.Errorf("a 9x9 thumbnail: exit %d, want 2", code)
	}
	if code, err := run([]string{"media", "pano-thumbs", filepath.Join(dir, "nope")}, nil, &out); code != 1 || !strings.Contains(err.Error(), "content root") {
		t.Errorf("a missing root: %d %v", code, err)
	}
}
