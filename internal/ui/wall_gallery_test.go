package ui

import (
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/internal/ui/keyboard"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// typeOn taps the keyboard's keys that show each letter of s, as a finger would.
func (r *rig) typeOn(kb *keyboard.Keyboard, s string) {
	r.t.Helper()
	for _, c := range s {
		found := false
		for _, o := range test.LaidOutObjects(kb) {
			if t, ok := o.(*canvas.Text); ok && strings.EqualFold(t.Text, string(c)) {
				test.TapAt(kb, t.Position().Add(fyne.NewPos(t.Size().Width/2, t.Size().Height/2)))
				found = true
				break
			}
		}
		if !found {
			r.t.Fatalf("no key %q", string(c))
		}
	}
}

// fillWall puts a varied wall in the store: pledges, stickers, typed text and drawings.
func fillWall(t testing.TB, st *wall.Store, clock interface{ Advance(time.Duration) }, n int) {
	pledges := []struct{ id, text string }{{"cherish-life", "珍爱生命，远离毒品"}, {"say-no", "拒绝毒品"},
		{"strangers", "陌生人给的饮料和零食，我不接"}, {"love-life", "珍爱生命"}}
	groups := []string{"初二(3)班", "", "五年级1班", "", "高一(7)班"}
	for i := 0; i < n; i++ {
		m := wall.Message{State: wall.Approved, Group: groups[i%len(groups)], Lang: "zh"}
		switch i % 4 {
		case 0:
			p := wall.NewPen(inkAspect)
			// "禁毒" is beyond a test; a smiling face and a heart are not.
			circle := func(cx, cy, rad float32, from, to float64, c int) {
				p.Begin(wall.Point{X: cx + rad*float32(math.Cos(from)), Y: cy + rad*float32(math.Sin(from))}, c)
				for a := from; a <= to; a += 0.1 {
					p.Move(wall.Point{X: cx + rad*float32(math.Cos(a)), Y: cy + rad*float32(math.Sin(a))})
				}
				p.End()
			}
			circle(0.5, 0.25, 0.2, 0, 2*math.Pi+0.1, 0)
			circle(0.5, 0.27, 0.12, 0.3, math.Pi-0.3, 1)
			circle(0.43, 0.2, 0.02, 0, 2*math.Pi, 2)
			circle(0.57, 0.2, 0.02, 0, 2*math.Pi, 2)
			m.Kind, m.Ink = wall.KindInk, p.Ink()
		case 2:
			m.Kind, m.Text = wall.KindText, []string{"我们一起远离毒品！", "好奇心不能用来尝毒品", "爸爸妈妈，我会保护好自己"}[i%3]
		default:
			pl := pledges[i%len(pledges)]
			m.Kind, m.Phrase, m.Text = wall.KindPhrase, pl.id, pl.text
		}
		if _, err := st.Add(m); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Minute)
	}
}

// TestWallGallery renders the wall's screens at every supported size, checks no label is
// cut off, and with UPDATE_SCREENSHOTS=DIR saves them as PNGs.
func TestWallGallery(t *testing.T) {
	dir := os.Getenv("UPDATE_SCREENSHOTS")
	for _, sz := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}, {Width: 1080, Height: 1920}} {
		var st *wall.Store
		r := newRig(t, withWall(t, &st))
		r.win.Resize(sz)
		fillWall(t, st, r.clock, 14)
		suffix := ""
		if sz.Width != 1920 {
			suffix = fmt.Sprintf("-%dx%d", int(sz.Width), int(sz.Height))
		}
		shot := func(name string) {
			t.Helper()
			// The keyboard lays out its own key labels (its tests check them).
			kbText := map[string]bool{}
			if v, ok := r.shell.top().(*composeView); ok && v.keys != nil && v.mode == modeKeys {
				for _, o := range test.LaidOutObjects(v.keys.kb) {
					if tx, ok := o.(*canvas.Text); ok {
						kbText[tx.Text] = true
					}
				}
			}
			var cut []string
			for _, c := range r.clipped() {
				if _, txt, _ := strings.Cut(c, ": "); !kbText[txt] {
					cut = append(cut, c)
				}
			}
			if len(cut) > 0 {
				t.Errorf("%s at %v: %s", name, r.win.Canvas().Size(), strings.Join(cut, "; "))
			}
			if dir == "" {
				return
			}
			r.settle()
			f, err := os.Create(filepath.Join(dir, name+suffix+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			png.Encode(f, r.win.Canvas().Capture())
		}
		r.tap("轻触屏幕 开始参观")
		if sz.Width == 1920 { // the home grid is the home screen's (TestGallery); here only its new tile
			shot("wall-00-home")
		}
		r.tap("禁毒留言")
		shot("wall-01-wall")
		r.tap("拒绝毒品")
		shot("wall-02-enlarged")
		r.tap("关闭")
		r.tap("写留言")
		msgs, _ := st.List(wall.Approved, 13, 1) // the oldest: a drawing
		r.pad().SetDrawing(msgs[0].Ink)
		r.tap("红")
		p := r.pad()
		o := fyne.NewPos(p.Size().Width/2-200, p.Size().Height*0.85)
		r.write(p, o, 80, fyne.Delta{DX: 5, DY: 0})
		shot("wall-03-handwrite")
		r.tap("拼音键盘")
		v := r.shell.top().(*composeView)
		r.typeOn(v.keys.kb, "jindu")
		shot("wall-04-keyboard")
		r.tap("选一句")
		shot("wall-05-phrases")
		r.tap("填写")
		for _, k := range []string{"初", "二", "(", "3", ")", "班"} {
			r.tap(k)
		}
		shot("wall-06-group")
		r.tap("好了")
		r.tap("手写")
		r.tap("发送 ➜")
		shot("wall-07-thanks")
		r.tap("中 / EN")
		r.tap("Write another")
		r.tap("Keyboard")
		r.typeOn(r.shell.top().(*composeView).keys.kb, "drugfree")
		shot("wall-08-english-keyboard")
		r.tap("Pick a pledge")
		shot("wall-09-english-phrases")
		r.shell.home() // the bar shows icons only on narrow screens
		r.tap("Message Wall")
		shot("wall-10-english-wall")
		r.tap("中 / EN")
		r.openStaff()
		r.tap("留言审核")
		shot("wall-11-review")
		r.tap("关闭")
		for i := 0; i < 12 && !r.has("今日留言"); i++ {
			r.tick(8 * time.Second)
		}
		shot("wall-12-attract-today")
	}
}
