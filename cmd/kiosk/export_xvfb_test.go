package main

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealExportFeedbackIsDrawn runs the real binary's tour under Xvfb at 1280×800 with a
// USB directory: pressing 导出到U盘 on the 设备 page must leave its result on the screen
// (amber text in the export card, which the page without an export does not have), and
// the export file on the stick. Before the fix the real window showed neither.
func TestRealExportFeedbackIsDrawn(t *testing.T) {
	needX(t)
	if testing.Short() {
		t.Skip("the real binary under Xvfb: not in -short")
	}
	bin := kioskBinary(t)
	x := startXvfb(t, "1280x800")
	dir := t.TempDir()
	stick := filepath.Join(dir, "usb")
	if err := os.Mkdir(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "kiosk.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf("kiosk_id = \"k-export\"\ndata_dir = %q\n[events]\nexport_dir = %q\n",
		filepath.Join(dir, "data"), stick)), 0o600)
	tour := filepath.Join(dir, "tour")
	k := x.startKiosk(bin, "--config", cfg, "--tour", tour)
	<-k.exited
	find := func(name string) image.Image {
		m, _ := filepath.Glob(filepath.Join(tour, "*-"+name+".png"))
		if len(m) != 1 {
			t.Fatalf("no tour screen %q in %s:\n%s", name, tour, k.logs)
		}
		return readPNG(t, m[0])
	}
	before, after := amber(find("staff-device")), amber(find("staff-export"))
	if after < before+300 {
		t.Errorf("no export result drawn: %d amber pixels in the export column before, %d after", before, after)
	}
	files, _ := os.ReadDir(stick)
	if len(files) == 0 {
		t.Errorf("nothing written to the stick; the kiosk's log:\n%s", k.logs)
	}
	if strings.Contains(k.logs.String(), "level=ERROR") {
		t.Errorf("the kiosk logged errors:\n%s", k.logs)
	}
}

// amber counts the pixels in the right-hand column drawn in the panel's heading colour
// (#F5B94A), which the export's result line uses.
func amber(img image.Image) int {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X + b.Dx()*3/5; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r>>8, 0xF5) && near(g>>8, 0xB9) && near(bl>>8, 0x4A) {
				n++
			}
		}
	}
	return n
}

func near(a uint32, b int) bool { return int(a)-b < 24 && b-int(a) < 24 }
