package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/assets"

	"github.com/jindu-edu/kiosk/internal/hours"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// withHours opens the rig's exhibition by the given weekly lines (the rig starts on
// Friday 2026-06-26 at 09:00).
func withHours(t testing.TB, weekly ...string) func(*rigConfig) {
	sch, err := hours.Parse(weekly, nil)
	if err != nil {
		t.Fatal(err)
	}
	return func(c *rigConfig) { c.deps.Hours = sch }
}

func TestClosedCardOutsideHours(t *testing.T) {
	r := newRig(t, withHours(t, "周二至周日 10:00-17:00"))
	r.tick(time.Second)
	r.mustHave("本馆已闭馆", "The exhibition is closed", "今天 10:00 开馆", "Opens today at 10:00", "轻触屏幕查看开放时间")
	if r.has("轻触屏幕 开始参观") {
		t.Fatal("the attract loop still shows while closed")
	}
	r.noClipping("closed card")

	r.tap("本馆已闭馆")
	r.settle()
	if r.shell.Session().State() != kiosk.Attract || r.shell.Depth() != 0 {
		t.Fatal("a tap on the closed card started a visit")
	}
	r.mustHave("开放时间 · Opening hours", "周二至周日 10:00–17:00", "Tue–Sun 10:00–17:00")
	r.noClipping("closed card with hours")
	r.tick(31 * time.Second)
	if r.has("周二至周日 10:00–17:00") {
		t.Fatal("the opening hours stay after 30 s")
	}

	r.clock.Advance(time.Hour) // 10:00: open
	r.tick(time.Second)
	r.mustHave("轻触屏幕 开始参观")
	if r.has("本馆已闭馆") {
		t.Fatal("the closed card stays after opening time")
	}
}

func TestClosedCardKeepsStaffGesture(t *testing.T) {
	r := newRig(t, withHours(t, "周一 08:00-08:30"))
	r.tick(time.Second)
	r.mustHave("本馆已闭馆", "6月29日（周一）8:00 开馆")
	r.openStaff()
	r.mustHave("管理面板")
	r.tick(time.Second)
	r.tap("关闭面板")
	r.tick(time.Second)
	r.mustHave("本馆已闭馆")
	if r.has("轻触屏幕 开始参观") {
		t.Fatal("closing the staff panel brought the attract loop back while closed")
	}
}

func TestVisitRunsPastClosingThenClosedCard(t *testing.T) {
	r := newRig(t, withHours(t, "周五 08:00-09:01"))
	r.tick(time.Second)
	r.tap("轻触屏幕 开始参观")
	r.clock.Advance(time.Minute) // 09:01: closed, but a visitor is here
	r.tick(time.Second)
	if r.has("本馆已闭馆") || r.shell.Depth() == 0 {
		t.Fatal("closing time interrupted a visit")
	}
	r.tick(3 * time.Minute)                // idle prompt, then reset
	r.mustHave("本馆已闭馆", "7月3日（周五）8:00 开馆") // Friday only: next Friday
}

func TestOnTickSaysBetweenVisits(t *testing.T) {
	var between []bool
	r := newRig(t, func(c *rigConfig) { c.deps.OnTick = func(b bool) { between = append(between, b) } })
	r.tick(time.Second)
	r.tap("轻触屏幕 开始参观")
	r.tick(time.Second)
	if len(between) != 2 || !between[0] || between[1] {
		t.Fatalf("OnTick: %v, want [true false]", between)
	}
}

func TestClosedCardFitsEveryScreen(t *testing.T) {
	for _, sz := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}, {Width: 1080, Height: 1920}, {Width: 3840, Height: 2160}} {
		r := newRig(t, withHours(t, "周二至周日 10:00-17:00", "周一 13:00-15:00"))
		r.win.Resize(sz)
		r.tick(time.Second)
		r.tap("本馆已闭馆")
		r.settle()
		r.noClipping("closed card")
		r.noOverlap()
		if dir := os.Getenv("UPDATE_SCREENSHOTS"); dir != "" {
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("closed-%.0fx%.0f.png", sz.Width, sz.Height)))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, r.win.Canvas().Capture())
			f.Close()
		}
	}
}

// noOverlap fails if two visible texts on screen overlap (a column taller than the window
// is squeezed by Fyne's layouts, not clipped).
func (r *rig) noOverlap() {
	r.t.Helper()
	drv := fyne.CurrentApp().Driver()
	type box struct {
		text string
		p    fyne.Position
		s    fyne.Size
	}
	var boxes []box
	for _, o := range r.objects() {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && t.Text != "" {
			boxes = append(boxes, box{t.Text, drv.AbsolutePositionForObject(t), t.MinSize()})
		}
	}
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if a.p.X < b.p.X+b.s.Width-1 && b.p.X < a.p.X+a.s.Width-1 && a.p.Y < b.p.Y+b.s.Height-1 && b.p.Y < a.p.Y+a.s.Height-1 {
				r.t.Errorf("at %v %q %v %v overlaps %q %v %v", r.win.Canvas().Size(), a.text, a.p, a.s, b.text, b.p, b.s)
			}
		}
	}
}

func TestOutOfServiceScreen(t *testing.T) {
	test.NewTempApp(t)
	strs, err := LoadStrings(assets.Strings())
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	ShowOutOfService(w, strs, "展项程序多次启动失败")
	var got []string
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if s := textOf(o); s != "" {
			got = append(got, s)
		}
	}
	want := "暂停服务|Temporarily out of service|工作人员正在处理，请稍后再来|Our staff are on it. Please come back later.|展项程序多次启动失败"
	if strings.Join(got, "|") != want {
		t.Fatalf("out-of-service screen shows %q", got)
	}
}
