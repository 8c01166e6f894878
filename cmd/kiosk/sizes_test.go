package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// screenSizes are the screens the kiosk supports: landscape 1080p, a 1280×800 panel,
// portrait 1080×1920 and 4K.
var screenSizes = []struct{ w, h int }{{1920, 1080}, {1280, 800}, {1080, 1920}, {3840, 2160}}

// TestRealWindowFitsEveryScreen runs the real binary under Xvfb at every supported size:
// the window is exactly the screen (never taller than it, which would put what is drawn
// away from where a finger lands), and a visitor can tap into a zone and back to 首页 with
// the bar's button. With UPDATE_SCREENSHOTS=DIR (make screenshots) it also tours every
// screen at every size into DIR/real-WxH/.
func TestRealWindowFitsEveryScreen(t *testing.T) {
	needX(t)
	if testing.Short() {
		t.Skip("the real binary under Xvfb: not in -short")
	}
	bin := kioskBinary(t)
	for _, sz := range screenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			x := startXvfb(t, fmt.Sprintf("%dx%d", sz.w, sz.h))
			dir := t.TempDir()
			k := x.startKiosk(bin, "--data", filepath.Join(dir, "data"))
			win, _ := x.run("xdotool", "search", "--name", "禁毒预防教育基地")
			geo, _ := x.run("xdotool", "getwindowgeometry", strings.Fields(win)[0])
			if want := fmt.Sprintf("%dx%d", sz.w, sz.h); !strings.Contains(geo, "Geometry: "+want) {
				t.Fatalf("the window is not the screen (%s): %s", want, geo)
			}
			shot := func(name string) string {
				p := filepath.Join(dir, name+".png")
				if _, err := x.run("import", "-window", "root", p); err != nil {
					t.Fatal(err)
				}
				return p
			}
			settled := func(name string) string { // two equal shots in a row: nothing moves
				var prev string
				for i := 0; i < 20; i++ {
					time.Sleep(300 * time.Millisecond)
					p := shot(fmt.Sprintf("%s-%d", name, i))
					if prev != "" && !differs(readPNG(t, prev), readPNG(t, p)) {
						return p
					}
					prev = p
				}
				return prev
			}
			attract := settled("attract")
			x.tap(sz.w/2, sz.h/2)
			home := settled("home")
			if !differs(readPNG(t, attract), readPNG(t, home)) {
				t.Fatal("a tap on the attract loop did not open the home screen")
			}
			// A tile found by its colour (the mirror's), wherever the home grid puts it.
			tile, ok := colourCentre(readPNG(t, home), mirrorColour)
			if !ok {
				t.Fatalf("no home tile of the mirror's colour (shots in %s)", dir)
			}
			x.tap(tile.X, tile.Y)
			zone := settled("zone")
			if !differs(readPNG(t, home), readPNG(t, zone)) {
				t.Fatal("a tap on a home tile opened nothing")
			}
			sc := screenScale(sz.w, sz.h)      // 4K draws the 1080p design at 2×
			x.tap(int(60*sc), sz.h-int(50*sc)) // 首页, at the bar's left end at every size
			back := settled("back-home")
			if differs(readPNG(t, home), readPNG(t, back)) {
				t.Fatalf("首页 did not bring the home screen back (shots in %s)", dir)
			}
			k.stop(t)
			if want := fmt.Sprintf("scale=%v", screenScale(sz.w, sz.h)); !strings.Contains(k.logs.String(), want) {
				t.Errorf("the kiosk did not draw at %s for this screen:\n%s", want, k.logs)
			}
			if strings.Contains(k.logs.String(), "level=ERROR") || strings.Contains(k.logs.String(), "panic") {
				t.Errorf("the kiosk logged errors:\n%s", k.logs)
			}
			if out := os.Getenv("UPDATE_SCREENSHOTS"); out != "" {
				tour := filepath.Join(out, fmt.Sprintf("real-%dx%d", sz.w, sz.h))
				os.RemoveAll(tour)
				k := x.startKiosk(bin, "--data", filepath.Join(dir, "tour-data"), "--tour", tour)
				<-k.exited
				sc := screenScale(sz.w, sz.h) // the canvas is in Fyne units: the screen over the scale
				if !strings.Contains(k.logs.String(), fmt.Sprintf("step=end canvas=%dx%d", int(float32(sz.w)/sc), int(float32(sz.h)/sc))) {
					t.Errorf("the tour did not finish at the screen's size:\n%s", k.logs)
				}
				keepForGallery(t, x, tour)
			}
		})
	}
}

// galleryScreens are the tour's screens kept in docs/screenshots (the others are looked at,
// not committed): they are stored at most 1920 px wide in 256 colours to keep the
// repository small.
var galleryScreens = []string{"attract", "home", "history", "drug-detail", "case-help", "quiz-groups",
	"quiz-feedback", "team-contest", "language-en", "staff-packs", "staff", "wall", "wall-compose", "board-game",
	"scene-look", "mirror-5-years"}

func keepForGallery(t *testing.T, x *xscreen, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	for _, f := range files {
		keep := false
		for _, name := range galleryScreens {
			keep = keep || strings.HasSuffix(f, "-"+name+".png")
		}
		if !keep {
			os.Remove(f)
			continue
		}
		if _, err := x.run("convert", f, "-resize", "1920x1920>", "-colors", "256", f); err != nil {
			t.Errorf("shrink %s: %v", f, err)
		}
	}
}
