package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// setupSizes are the screens a setup must fit whole, in normal and large text.
var setupSizes = []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}}

// onPage reports how o lies outside the page (the window above the bar), "" if it is
// wholly on it. The rig's tap helper taps a button wherever it lies: this is what a finger
// can reach.
func (r *rig) onPage(o fyne.CanvasObject) string {
	drv := fyne.CurrentApp().Driver()
	p := drv.AbsolutePositionForObject(o)
	win := r.win.Canvas().Size()
	bottom := win.Height
	if len(r.shell.bar.Objects) > 0 {
		bottom = drv.AbsolutePositionForObject(r.shell.bar).Y
	}
	if p.X < -1 || p.Y < -1 || p.X+o.Size().Width > win.Width+1 || p.Y+o.Size().Height > bottom+1 {
		return fmt.Sprintf("at %v, %v, the page ending at %.0f of %v", p, o.Size(), bottom, win)
	}
	return ""
}

// pageTaps lists the page's visible buttons by their text (not the bar's, not the hot corner).
func (r *rig) pageTaps() map[string]*touch.Tappable {
	skip := map[fyne.CanvasObject]bool{r.hotCorner(): true}
	for _, o := range test.LaidOutObjects(r.shell.bar) {
		skip[o] = true
	}
	out := map[string]*touch.Tappable{}
	for _, o := range r.objects() {
		t, ok := o.(*touch.Tappable)
		if !ok || !t.Visible() || t.OnTapped == nil || skip[o] {
			continue
		}
		var txt []string
		for _, in := range test.LaidOutObjects(t) {
			if s := textOf(in); s != "" {
				txt = append(txt, s)
			}
		}
		out[strings.Join(txt, " ")] = t
	}
	return out
}

// controlsFit checks that each of want is a button of the page, and that every button of
// the page lies wholly on it, a full touch target, and no text is cut or off the page.
func (r *rig) controlsFit(where string, want ...string) {
	r.t.Helper()
	taps := r.pageTaps()
	for _, w := range want {
		if taps[w] == nil {
			r.t.Errorf("%s: no button %q; the page's buttons: %q", where, w, keys(taps))
		}
	}
	for txt, t := range taps {
		if out := r.onPage(t); out != "" {
			r.t.Errorf("%s: the button %q is not wholly on the page: %s", where, txt, out)
		}
		if t.Size().Height < targetHeight-1 {
			r.t.Errorf("%s: the button %q is %.0f px tall", where, txt, t.Size().Height)
		}
	}
	bar := map[fyne.CanvasObject]bool{}
	for _, o := range test.LaidOutObjects(r.shell.bar) {
		bar[o] = true
	}
	for _, o := range r.objects() {
		if txt := textOf(o); o.Visible() && !bar[o] && strings.TrimSpace(txt) != "" {
			if out := r.onPage(o); out != "" {
				r.t.Errorf("%s: the text %q is not wholly on the page: %s", where, txt, out)
			}
		}
	}
	r.fits(where)
}

func keys(m map[string]*touch.Tappable) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// labelKeysShown are the keys of the class keypad as its buttons show them.
func labelKeysShown() []string { return append(append([]string{}, labelKeys...), "删除", "清空") }

// TestTeamSetupFits: the team contest's setup fits whole at 1280×800, 1920×1080 and
// 1080×1920, in normal and large text: every option, the class field and 开始比赛 lie on
// the page above the bar as full touch targets, and so does the keypad once the field is
// tapped; the label typed there names the group.
func TestTeamSetupFits(t *testing.T) {
	options := []string{"2 队", "3 队", "4 队", "抢答", "轮流答", "小学生", "中学生", "成人", "5 题", "10 题", "15 题"}
	for _, size := range setupSizes {
		for _, large := range []bool{false, true} {
			r := newRig(t, withQuiz(&saves{}))
			r.visitAt(size, large)
			r.tap("知识竞答")
			r.tap("班级团队赛")
			r.enterPIN(testPIN)
			where := fmt.Sprintf("team setup at %s, large text %v", sizeName(size), large)
			r.controlsFit(where, append(options, "开始比赛")...)
			r.tap("抢答") // the longer rules
			r.controlsFit(where+", buzz-in", append(options, "开始比赛")...)
			r.tap("轻触输入（可不填）")
			r.controlsFit(where+", keypad", append(labelKeysShown(), "完成")...)
			for _, k := range []string{"五", "年级", "2", "班"} {
				r.tapKey(k)
			}
			r.mustHave("五年级2班")
			r.tap("完成")
			r.mustHave("五年级2班")
			r.controlsFit(where+", named", append(options, "开始比赛")...)
			r.tap("开始比赛")
			v, ok := r.shell.top().(*contestView)
			if !ok || v.label != "五年级2班" || v.c.Mode != "buzz" {
				t.Fatalf("%s: 开始比赛 did not start the buzz-in contest of 五年级2班; the screen shows:\n%s", where, r.dump())
			}
		}
	}
}

// TestBoardSetupFits: the board game's setup fits whole the same way: the options, the
// team names, the keypad, 恢复队名 and 开始游戏.
func TestBoardSetupFits(t *testing.T) {
	want := []string{"2 队", "3 队", "4 队", "小学生", "中学生", "成人", "开始游戏", "★ 禁毒先锋队", "▲ 阳光少年队"}
	for _, size := range setupSizes {
		for _, large := range []bool{false, true} {
			r := newRig(t, withBundledBank(t))
			r.visitAt(size, large)
			r.tap("禁毒大富翁")
			r.tap("4 队")
			where := fmt.Sprintf("board setup at %s, large text %v", sizeName(size), large)
			r.controlsFit(where, append(want, "● 健康守护队", "■ 远离毒品队", "10 分钟", "15 分钟", "20 分钟")...)
			r.tap("▲ 阳光少年队")
			r.controlsFit(where+", keypad", append(labelKeysShown(), "恢复队名", "完成")...)
			r.tap("清空")
			for _, k := range []string{"初", "二", "(", "3", ")", "班"} {
				r.tapKey(k)
			}
			r.tap("完成")
			r.controlsFit(where+", renamed", "▲ 初二(3)班", "开始游戏")
			r.tap("开始游戏")
			if _, ok := r.shell.top().(*boardGameView); !ok {
				t.Fatalf("%s: 开始游戏 did not start a game; the screen shows:\n%s", where, r.dump())
			}
		}
	}
}

// TestKeypadBackReturnsToSetup: on a setup's keypad page the bar's 返回 closes the keypad
// and keeps what was typed, as 完成 does; a teacher lost the whole setup to it before.
// A second 返回 then leaves the setup.
func TestKeypadBackReturnsToSetup(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	r.openTeamSetup()
	r.tap("轻触输入（可不填）")
	for _, k := range []string{"五", "年级", "2", "班"} {
		r.tapKey(k)
	}
	r.tap("返回")
	if _, ok := r.shell.top().(*teamSetupView); !ok || !r.showsNow("开始比赛") || !r.has("五年级2班") {
		t.Fatalf("返回 on the team keypad left the setup or lost the label; the screen shows:\n%s", r.dump())
	}
	r.tap("返回")
	if _, ok := r.shell.top().(*teamSetupView); ok {
		t.Fatal("返回 on the team setup itself stayed on it")
	}

	r = newRig(t, withBundledBank(t))
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒大富翁")
	r.tap("▲ 阳光少年队")
	r.tap("清空")
	r.tapKey("3")
	r.tap("返回")
	if _, ok := r.shell.top().(*boardSetupView); !ok || !r.showsNow("开始游戏") || !r.has("▲ 3") {
		t.Fatalf("返回 on the board keypad left the setup or lost the name; the screen shows:\n%s", r.dump())
	}
}
