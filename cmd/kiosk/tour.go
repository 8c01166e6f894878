package main

import (
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/ui"
)

// tourSettle is how long each tour screen is given to draw (pictures decode off-thread).
const tourSettle = 1500 * time.Millisecond

// runTour shows every screen of the tour in the real window, saves what the screen shows
// as DIR/NN-name.png, logs the canvas size against the screen, and quits. It is how the
// gallery is made from the real binary at every screen size (make screenshots).
func runTour(a fyne.App, w fyne.Window, shell *ui.Shell, dir string, log *slog.Logger) {
	defer fyne.Do(a.Quit)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Error("tour: no directory for screenshots", "err", err)
		return
	}
	time.Sleep(2 * tourSettle) // the first frame and the attract pictures
	var steps []ui.TourStep
	fyne.DoAndWait(func() { steps = shell.Tour() })
	for i, st := range steps {
		fyne.DoAndWait(st.Show)
		time.Sleep(tourSettle)
		var size fyne.Size
		fyne.DoAndWait(func() { size = w.Canvas().Size() })
		// What the X server shows, as a visitor sees it (the GL canvas cannot be read back
		// under a software X server): ImageMagick's import, which make installs.
		name := filepath.Join(dir, fmt.Sprintf("%02d-%s.png", i, st.Name))
		if out, err := exec.Command("import", "-window", "root", name).CombinedOutput(); err != nil {
			log.Error("tour: screenshot not saved", "step", st.Name, "err", err, "out", string(out))
		}
		log.Info("tour", "step", st.Name, "canvas", fmt.Sprintf("%.0fx%.0f", size.Width, size.Height))
	}
}
