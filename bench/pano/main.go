// Command pano measures the 情景体验 panorama's frame rate in a real window: a full-screen
// Fyne window with the look-around widget over a bundled scene, driven by a robot finger
// (drag events every 16 ms, as a touchscreen sends them), then a flick that coasts, then the
// slow turn. It prints, per phase, the frames drawn per second and the time spent drawing
// each (projection and texture hand-over on the UI thread; the GPU upload and paint happen
// in Fyne's loop and show up as fewer frames per second), and the process's CPU time per
// frame (all its threads, Mesa's rasteriser included; not the X server's).
//
//	DISPLAY=:N go run ./bench/pano [--scene ktv-party] [--seconds 5] [--size 1920x1080] [--floor]
package main

import (
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/media"
	"github.com/jindu-edu/kiosk/internal/pano"
	"github.com/jindu-edu/kiosk/internal/ui/panorama"
)

func main() {
	sceneID := flag.String("scene", "ktv-party", "bundled scene to show")
	secs := flag.Float64("seconds", 5, "length of each phase")
	size := flag.String("size", "1920x1080", "window size")
	floor := flag.Bool("floor", false, "measure a bare refreshed picture instead (what Fyne and the GL can paint)")
	flag.Parse()
	var w, h int
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil {
		fmt.Fprintln(os.Stderr, "bad --size:", err)
		os.Exit(2)
	}
	if *floor {
		runFloor(w, h, time.Duration(*secs*float64(time.Second)))
		return
	}
	cat, rep := content.Load(assets.Content())
	if err := rep.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sc, ok := cat.Scenes.SceneByID(*sceneID)
	if !ok {
		fmt.Fprintln(os.Stderr, "no scene", *sceneID)
		os.Exit(2)
	}
	sw := pano.StripWidthFor(w, h, 4096, 1024)
	t0 := time.Now()
	img, err := media.Decode(assets.Content(), sc.Panorama, sw, sw, content.DefaultLimits())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("strip %s decoded to %v in %v\n", sc.Panorama, img.Bounds().Size(), time.Since(t0).Round(time.Millisecond))

	a := app.New()
	win := a.NewWindow("pano bench")
	win.SetPadded(false)
	var spots []panorama.Hotspot
	for _, hs := range sc.Hotspots {
		spots = append(spots, panorama.Hotspot{ID: hs.ID, Label: hs.Label.Zh, Yaw: hs.Yaw, Pitch: hs.Pitch})
	}
	p := panorama.New(sc.StartYaw, spots)
	p.SetStrip(pano.NewStrip(img))
	win.SetContent(p)
	win.Resize(fyne.NewSize(float32(w), float32(h)))
	win.SetFullScreen(true)
	phase := time.Duration(*secs * float64(time.Second))
	go func() {
		time.Sleep(2 * time.Second) // the window maps
		fyne.DoAndWait(p.Start)
		measure := func(name string, during func(stop <-chan struct{})) {
			var before panorama.Stats
			fyne.DoAndWait(func() { before = p.Stats() })
			cpu0 := cpuTime()
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() { during(stop); close(done) }()
			start := time.Now()
			time.Sleep(phase)
			close(stop)
			<-done
			el := time.Since(start)
			var after panorama.Stats
			fyne.DoAndWait(func() { after = p.Stats() })
			cpu := cpuTime() - cpu0
			n := after.Frames - before.Frames
			half := after.HalfFrames - before.HalfFrames
			mean := time.Duration(0)
			if n > 0 {
				mean = (after.Total - before.Total) / time.Duration(n)
			}
			perFrame := time.Duration(0)
			if n > 0 {
				perFrame = cpu / time.Duration(n)
			}
			fmt.Printf("%-10s %5.1f frames/s  (%d frames, %d at half resolution; draw mean %v, max so far %v; process CPU %v a frame)\n",
				name, float64(n)/el.Seconds(), n, half, mean.Round(10*time.Microsecond), after.Max.Round(10*time.Microsecond),
				perFrame.Round(100*time.Microsecond))
		}
		measure("drag", func(stop <-chan struct{}) {
			tk := time.NewTicker(16 * time.Millisecond)
			defer tk.Stop()
			for {
				select {
				case <-stop:
					fyne.DoAndWait(p.DragEnd)
					return
				case <-tk.C:
					fyne.Do(func() { p.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -12}}) })
				}
			}
		})
		measure("flick", func(stop <-chan struct{}) {
			for range 6 {
				fyne.DoAndWait(func() { p.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -40}}) })
				time.Sleep(16 * time.Millisecond)
			}
			fyne.DoAndWait(p.DragEnd)
			<-stop
		})
		time.Sleep(panorama.IdleBeforeAuto())
		measure("slow-turn", func(stop <-chan struct{}) { <-stop })
		fyne.DoAndWait(a.Quit)
	}()
	win.ShowAndRun()
}

// cpuTime is the process's user and system time so far, all threads (the projection, Fyne's
// loop and Mesa's software rasteriser): per frame, a measure less sensitive to the other work
// on a shared machine than frames per second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
