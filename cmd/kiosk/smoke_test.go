package main

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSmokeUnderXvfb builds the real binary, starts it full screen under Xvfb at
// 1920×1080, waits for its window and first frame, saves a screenshot, taps once and
// checks that the home screen replaced the attract loop. KIOSK_SMOKE=require (make test)
// turns a missing Xvfb into a failure instead of a skip.
func TestSmokeUnderXvfb(t *testing.T) {
	needX(t)
	bin := kioskBinary(t)
	scr := startXvfb(t, "1920x1080")
	dir := t.TempDir()
	start := time.Now()
	k := scr.startKiosk(bin, "--data", filepath.Join(dir, "data")) // waits for a painted frame
	t.Logf("first frame of the attract loop after %v", time.Since(start).Round(10*time.Millisecond))
	x, logs := scr.run, k.logs
	win, _ := x("xdotool", "search", "--name", "禁毒预防教育基地")
	shot := filepath.Join(dir, "attract.png")
	if _, err := x("import", "-window", "root", shot); err != nil {
		t.Fatal(err)
	}
	img := readPNG(t, shot)

	geo, _ := x("xdotool", "getwindowgeometry", strings.Fields(win)[0])
	if !strings.Contains(geo, "1920x1080") {
		t.Errorf("window is not full screen: %s", geo)
	}
	if b := img.Bounds(); b.Dx() != 1920 || b.Dy() != 1080 {
		t.Fatalf("screenshot is %v", b)
	}
	keep(t, shot, "00-xvfb-attract.png")

	if _, err := x("xdotool", "mousemove", "960", "540", "click", "1"); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home.png")
	waitFor(t, 20*time.Second, "the home screen", func() bool {
		if _, err := x("import", "-window", "root", home); err != nil {
			return false
		}
		return differs(readPNG(t, shot), readPNG(t, home))
	})
	keep(t, home, "00-xvfb-home.png")
	select {
	case <-k.exited:
		t.Fatalf("the kiosk exited:\n%s", logs.String())
	default:
	}
	if strings.Contains(logs.String(), "panic") {
		t.Fatalf("the kiosk logged a panic:\n%s", logs.String())
	}
}

// freeDisplay finds an X display number no server uses: without a lock file, or with the
// lock of a server that is gone (whose stale lock and socket are removed).
func freeDisplay(t *testing.T) string {
	for n := 140; n < 400; n++ {
		lock := fmt.Sprintf("/tmp/.X%d-lock", n)
		sock := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
		if data, err := os.ReadFile(lock); err == nil {
			pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
			if pid <= 0 || syscall.Kill(pid, 0) == nil {
				continue // a live server (or a lock we cannot read)
			}
			os.Remove(lock)
			os.Remove(sock)
		} else if _, err := os.Stat(sock); err == nil {
			continue
		}
		return fmt.Sprintf(":%d", n)
	}
	t.Fatal("no free X display number")
	return ""
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out after %v waiting for %s", limit, what)
}

func readPNG(t *testing.T, path string) image.Image {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return image.NewGray(image.Rect(0, 0, 1, 1))
	}
	return img
}

// colours counts distinct colours on a coarse grid: a blank or black screen has one.
func colours(img image.Image) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	return len(seen)
}

func differs(a, b image.Image) bool {
	n := 0
	bd := a.Bounds()
	if bd != b.Bounds() {
		return false
	}
	for y := bd.Min.Y; y < bd.Max.Y; y += 11 {
		for x := bd.Min.X; x < bd.Max.X; x += 11 {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n > 500
}

// keep copies a screenshot into $UPDATE_SCREENSHOTS (make screenshots) when set.
func keep(t *testing.T, src, name string) {
	dir := os.Getenv("UPDATE_SCREENSHOTS")
	if dir == "" {
		return
	}
	data, err := os.ReadFile(src)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	if err != nil {
		t.Error(err)
	}
}
