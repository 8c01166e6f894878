// Command layers measures what one full-screen layer of each kind costs a frame: with
// software GL (llvmpipe) a frame costs about the area of everything painted in it,
// covered or not. For each kind it shows three, then six window-sized objects, keeps
// Fyne redrawing (an animation that changes a 4-pixel square every tick) for a few
// seconds, and prints the milliseconds per drawn frame and what each of the three more
// layers added. Run it under X (bench/layers.sh
// starts a private Xvfb at 1920×1080).
//
//	layers [-seconds 3]
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// layer makes one window-sized object of kind.
func layer(kind string, i int) fyne.CanvasObject {
	c := color.NRGBA{R: uint8(20 * i), G: 40, B: 80, A: 0xFF}
	switch kind {
	case "rectangle":
		return canvas.NewRectangle(c)
	case "rounded":
		r := canvas.NewRectangle(c)
		r.CornerRadius = 24
		return r
	case "gradient":
		return canvas.NewLinearGradient(c, color.Black, 0)
	default: // "image": an RGBA picture, uploaded once and stretched by GL
		img := image.NewRGBA(image.Rect(0, 0, 800, 600))
		for j := range img.Pix {
			img.Pix[j] = uint8(j)
		}
		ci := canvas.NewImageFromImage(img)
		ci.FillMode, ci.ScaleMode = canvas.ImageFillStretch, canvas.ImageScaleFastest
		return ci
	}
}

func main() {
	secs := flag.Float64("seconds", 3, "how long each case is drawn")
	flag.Parse()
	a := app.New()
	w := a.NewWindow("layers")
	w.SetPadded(false)
	w.SetFullScreen(true)
	blink := canvas.NewRectangle(color.White)
	blink.Resize(fyne.NewSize(4, 4))
	frames := 0
	anim := fyne.NewAnimation(time.Hour, func(float32) {
		frames++
		blink.FillColor = color.NRGBA{R: uint8(frames), A: 0xFF}
		blink.Refresh()
	})
	type run struct {
		kind string
		n    int
	}
	// Three and six of each: one layer alone is drawn faster than Fyne's 60 Hz tick, so
	// the cost of one is the difference over the three more.
	runs := []run{{"none", 0}}
	for _, k := range []string{"rectangle", "rounded", "gradient", "image"} {
		runs = append(runs, run{k, 3}, run{k, 6})
	}
	go func() {
		time.Sleep(time.Second) // the window goes full screen
		fmt.Printf("%-10s %6s %12s %16s\n", "layers", "count", "ms/frame", "ms/frame/layer")
		prev := 0.0
		for _, r := range runs {
			fyne.DoAndWait(func() {
				var objs []fyne.CanvasObject
				for i := range r.n {
					objs = append(objs, layer(r.kind, i))
				}
				w.SetContent(container.NewStack(append(objs, container.NewWithoutLayout(blink))...))
			})
			time.Sleep(500 * time.Millisecond) // uploads and the first frames
			fyne.DoAndWait(func() { frames = 0 })
			start := time.Now()
			time.Sleep(time.Duration(*secs * float64(time.Second)))
			var n int
			fyne.DoAndWait(func() { n = frames })
			ms := float64(time.Since(start).Milliseconds()) / float64(max(n, 1))
			per := ""
			if r.n == 6 {
				per = fmt.Sprintf("%16.1f", (ms-prev)/3)
			}
			prev = ms
			fmt.Printf("%-10s %6d %12.1f%s\n", r.kind, r.n, ms, per)
		}
		fyne.DoAndWait(func() { a.Quit() })
		os.Exit(0)
	}()
	w.SetContent(container.NewWithoutLayout(blink))
	anim.Start()
	w.ShowAndRun()
}
