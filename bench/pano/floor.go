package main

import (
	"fmt"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
)

// runFloor is --floor: the same full-screen window showing only a half-resolution picture
// (as a drag frame is) whose pixels change and which is refreshed every frame, no projection
// and no hotspots. What it reaches is what Fyne and the software GL can paint on this
// machine at this moment: the ceiling of the panorama's drag frame rate.
func runFloor(w, h int, phase time.Duration) {
	a := app.New()
	win := a.NewWindow("pano bench floor")
	win.SetPadded(false)
	img := image.NewRGBA(image.Rect(0, 0, w/2, h/2))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 13)
	}
	ci := &canvas.Image{Image: img, FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleFastest}
	win.SetContent(ci)
	win.Resize(fyne.NewSize(float32(w), float32(h)))
	win.SetFullScreen(true)
	frames := 0
	anim := &fyne.Animation{Duration: time.Second, RepeatCount: fyne.AnimationRepeatForever, Tick: func(float32) {
		img.Pix[frames%len(img.Pix)]++
		frames++
		ci.Refresh()
	}}
	go func() {
		time.Sleep(2 * time.Second) // the window maps
		fyne.DoAndWait(anim.Start)
		var n0, n1 int
		fyne.DoAndWait(func() { n0 = frames })
		cpu0, start := cpuTime(), time.Now()
		time.Sleep(phase)
		fyne.DoAndWait(func() { n1 = frames })
		n, el := n1-n0, time.Since(start)
		fmt.Printf("%-10s %5.1f frames/s  (%d frames of a bare %dx%d picture; process CPU %v a frame)\n", "floor",
			float64(n)/el.Seconds(), n, w/2, h/2, ((cpuTime() - cpu0) / time.Duration(max(n, 1))).Round(100*time.Microsecond))
		fyne.DoAndWait(a.Quit)
	}()
	win.ShowAndRun()
}
