package main

import (
	"log/slog"
	"math"
	"os"
	"strconv"
	"time"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// Fyne's scale comes from FYNE_SCALE times a factor it derives from the monitor's DPI. A
// kiosk's layouts are designed on a 1920×1080 canvas (1080×1920 in portrait) whatever the
// panel's physical size, so the kiosk sets the scale from the screen's pixels alone: a
// 3840×2160 panel draws every screen at 2×, a 1280×800 one at 1× with its own layouts.
const (
	envScale      = "FYNE_SCALE"
	envNoDPIScale = "FYNE_DISABLE_DPI_DETECTION"
)

// screenScale is the scale for a screen of w×h pixels: how many times the design canvas
// fits, in quarter steps, never below 1 (smaller screens adapt their layouts instead).
func screenScale(w, h int) float32 {
	if w <= 0 || h <= 0 {
		return 1
	}
	long, short := float64(max(w, h)), float64(min(w, h))
	s := math.Min(long/1920, short/1080)
	s = math.Floor(s*4) / 4
	if s < 1 {
		return 1
	}
	return float32(s)
}

// setScreenScale sets Fyne's scale for the primary screen before the first window opens,
// unless the operator set FYNE_SCALE (it then wins, DPI detection included).
// It returns the screen's size in pixels (0, 0 when unknown).
func setScreenScale(log *slog.Logger) (w, h int) {
	w, h, ok := primaryScreen()
	if !ok {
		log.Warn("screen size unknown: drawing at scale 1")
		return 0, 0
	}
	if os.Getenv(envScale) != "" {
		log.Info("screen scale set by the environment", envScale, os.Getenv(envScale))
		return w, h
	}
	s := screenScale(w, h)
	_ = os.Setenv(envScale, strconv.FormatFloat(float64(s), 'f', -1, 32))
	_ = os.Setenv(envNoDPIScale, "true")
	log.Info("screen scale", "width", w, "height", h, "scale", s)
	return w, h
}

// primaryScreen reads the primary monitor's current mode. It runs on the main thread
// (Fyne's driver locks it at init) before Fyne starts GLFW; Fyne's own Init is then a no-op.
// A display server that is not answering yet (the kiosk started by the session a moment
// before the server takes connections) is waited for up to displayWait.
func primaryScreen() (w, h int, ok bool) {
	for end := time.Now().Add(displayWait); ; time.Sleep(250 * time.Millisecond) {
		if w, h, ok = readPrimaryScreen(); ok || time.Now().After(end) {
			return w, h, ok
		}
	}
}

// displayWait is how long the kiosk waits at start for a display it cannot open.
const displayWait = 10 * time.Second

func readPrimaryScreen() (w, h int, ok bool) {
	defer func() {
		if recover() != nil { // GLFW panics on errors it does not return: the display did not open
			glfw.Terminate()
			w, h, ok = 0, 0, false
		}
	}()
	if err := glfw.Init(); err != nil {
		return 0, 0, false
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		glfw.Terminate()
		return 0, 0, false
	}
	mode := m.GetVideoMode()
	if mode == nil {
		return 0, 0, false
	}
	return mode.Width, mode.Height, true
}
