package ui

import (
	"fmt"
	"image/color"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/crypto/bcrypt"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// withLog gives the rig a real event log whose events are recorded by the visit (so the
// overview and the audit trail read what the screens emitted), plus fixtures recorded
// before the shell starts.
func withLog(t *testing.T, fixtures func(l *eventlog.Log)) func(*rigConfig) {
	return func(c *rigConfig) {
		l, err := eventlog.Open(filepath.Join(t.TempDir(), "events.db"), eventlog.Options{KioskID: "nanming-01"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
		if fixtures != nil {
			fixtures(l)
		}
		flush := func() {
			if err := l.Flush(t.Context()); err != nil {
				t.Error(err)
			}
		}
		c.deps.Records = RecordsDeps{Health: l.Health,
			Stats: func(from, to time.Time) (eventlog.Summary, error) { flush(); return l.Stats(from, to, time.UTC) },
			Trail: func(n int) ([]eventlog.Event, error) { flush(); return l.StaffTrail(n) },
		}
		c.deps.Device = DeviceInfo{KioskID: "nanming-01", PublicKey: "MCowBQYDK2VwAyEAabcdefghijklmnopqrstuvwxyz0123456789ABCD=",
			Started: time.Date(2026, 6, 24, 7, 0, 0, 0, time.UTC),
			Disk:    func() (uint64, uint64, error) { return 40 << 30, 64 << 30, nil }}
	}
}

// weekFixture is a small week: three visits today, one two days ago, a contest, gain checks.
func weekFixture(now time.Time) func(l *eventlog.Log) {
	return func(l *eventlog.Log) {
		rec := func(at time.Time, session string, e event.Event) {
			e.At, e.Session = at, session
			l.Record(e)
		}
		for i, s := range []string{"a", "b", "c"} {
			at := now.Add(-time.Duration(i+1) * 40 * time.Minute)
			rec(at, s, event.NewSessionStart("zh"))
			rec(at, s, event.NewGainCheck(event.GainBefore, "law-primary-t", "law", "", i == 0))
			rec(at, s, event.NewZoneEnter("history"))
			rec(at, s, event.NewZoneLeave("history", time.Duration(i+2)*time.Minute))
			rec(at, s, event.NewSoloStart("quiz", "primary", 10))
			rec(at, s, event.NewSoloAnswer("quiz", "law-primary-s", []string{"B"}, false, false, time.Second))
			rec(at, s, event.NewSoloFinish("quiz", "primary", 6+i, 10))
			rec(at, s, event.NewGainCheck(event.GainAfter, "law-primary-t", "law", "primary", true))
			// 情景体验: a refuses, b accepts, c leaves before an ending (all secondary).
			rec(at.Add(4*time.Minute), s, event.NewSceneStart("scenes", "milk-tea", "friend", "secondary"))
			if kind := []string{"refuse", "accept", ""}[i]; kind != "" {
				rec(at.Add(4*time.Minute), s, event.NewSceneEnd("scenes", "milk-tea", kind, kind, "secondary", []string{"x"}, time.Minute))
			}
			rec(at.Add(5*time.Minute), s, event.NewSessionEnd(event.EndTimeout, 5*time.Minute))
		}
		rec(now.AddDate(0, 0, -2), "d", event.NewSessionStart("en"))
		rec(now.Add(-3*time.Hour), "", event.NewContestFinish("quiz", "buzz", "secondary", "二中 初一(3)班",
			map[string]int{"红队": 3, "蓝队": 5}, 10))
		rec(now.Add(-4*time.Hour), "", event.NewStaffLogin(false))
		rec(now.Add(-4*time.Hour), "", event.NewStaffSetting("volume"))
	}
}

// The overview is read while the PIN is typed, so that the panel opens with its numbers
// in its first frame, not with 正在统计 and then the numbers.
func TestStaffOverviewIsReadWhileThePINIsTyped(t *testing.T) {
	now := time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC) // the rig's clock
	r := newRig(t, withLog(t, weekFixture(now)))
	r.clock.Advance(30 * time.Second)
	r.openPINPad()
	r.settle()
	if !r.shell.summaryFresh() || r.shell.overview.sum == nil {
		t.Fatal("the overview was not read while the PIN pad was up")
	}
	if r.shell.modal != "pin" {
		t.Fatal("reading the overview must not open the panel")
	}
	// Once the pad's first frames are out, the panel is painted outside the window, once.
	r.paintsAheadOnSecondTick("访客人次", "the staff panel (while the PIN pad is up)")
	if r.shell.modal != "pin" || r.has("访客人次") {
		t.Fatal("painting the panel ahead must show nothing of it")
	}
	r.tick(250 * time.Millisecond)
	if r.paintedAhead("访客人次") {
		t.Fatal("the copy must go at the next tick, and be painted once per pad")
	}
	r.clock.Advance(40 * time.Second) // the PIN typed into the next minute
	read := r.shell.overview.readAt
	for _, d := range testPIN {
		r.tap(string(d))
	}
	r.tap("确定")
	r.settle()
	r.mustHave("访客人次", "5分00秒")
	if r.shell.overview.readAt != read {
		t.Fatal("the panel read the overview again, less than a minute after the pad did")
	}
}

func TestStaffOverviewFromTheLog(t *testing.T) {
	now := time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC) // the rig's clock
	r := newRig(t, withQuiz(&saves{}), withLog(t, weekFixture(now)))
	r.win.Resize(fyne.NewSize(1280, 800))
	r.openStaff()
	// Today: three visits of 5 minutes, all three finished a round.
	r.mustHave("概览", "访客人次", "平均参观时长", "5分00秒", "每小时访客", "各展区停留时间", "禁毒历史", "参观深度", "开始答题")
	r.noClipping("overview today")
	r.tap("近7天")
	r.mustHave("每天访客", "6/24")
	r.tap("答题")
	r.mustHave("各年龄段正确率", "70% · 3 轮", "最常答错的题", "错 3 / 3", "二中 初一(3)班", "蓝队 5  红队 3")
	r.noClipping("overview quiz")
	r.tap("学习成效")
	r.mustHave("参观前后答对率（按年龄段）", "33%", "100%", "禁毒法律（小学生）：参观前 1/3 答对，参观后 3/3 答对")
	r.noClipping("overview gain")
	r.tap("情景体验")
	r.mustHave("开始情景", "走到结局", "拒绝或求助的结局", "50%", "50% · 2 次",
		"中学生：拒绝离开 1 · 告诉大人 0 · 转移话题 0 · 接受了 1")
	r.noClipping("overview scenes")
}

func TestStaffAuditTrail(t *testing.T) {
	r := newRig(t, withLog(t, weekFixture(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC))))
	r.openStaff()
	r.tap("操作记录")
	r.mustHave("最近 40 次工作人员操作", "输入了错误的密码", "修改设置：默认音量")
	r.noClipping("audit")
}

func TestStaffDevicePage(t *testing.T) {
	r := newRig(t, withLog(t, nil), func(c *rigConfig) {
		c.deps.Records.Sync = func() evsync.State {
			return evsync.State{Status: evsync.StatusRetrying, Pending: 12,
				LastError: "post https://hub/v1/events: dial tcp 10.0.0.5:443: connect: network is unreachable"}
		}
	})
	r.openStaff()
	r.tap("设备")
	r.mustHave("本机编号：nanming-01", "MCowBQYDK2VwAyEA", "已运行 2 天 2 小时", "磁盘剩余 40.0 GB / 共 64.0 GB",
		"上传失败，稍后自动重试", "网络不通", "记录正常保存")
	for _, raw := range []string{"retrying", "dial tcp", "unreachable"} {
		if r.has(raw) {
			t.Errorf("the panel shows the raw %q", raw)
		}
	}
	r.noClipping("device")
}

// TestEveryStaffPageFits opens every page at the smallest landscape size and the largest
// common one: nothing cut, nothing off screen.
func TestEveryStaffPageFits(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}} {
		r := newRig(t, withQuiz(&saves{}), withLog(t, weekFixture(time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC))),
			func(c *rigConfig) {
				c.deps.Records.Export = func(bool, func(int, int)) (int, string, error) { return 0, "", evsync.ErrNothingToExport }
			})
		r.win.Resize(size)
		r.openStaff()
		for _, p := range r.shell.staffPages() {
			r.tap(r.shell.t(p.title))
			if r.shell.staffPage != p.key {
				t.Fatalf("tapping %q did not open it", p.key)
			}
			r.noClipping(p.key)
		}
	}
}

// TestExportFeedbackIsDrawn drives an export through the rendered window: the progress
// bar is laid out and painted while the export runs, survives a rebuild of the panel, and
// the result is drawn when it ends.
func TestExportFeedbackIsDrawn(t *testing.T) {
	release := make(chan struct{})
	progress := make(chan func(int, int), 1)
	r := newRig(t, func(c *rigConfig) {
		c.deps.Records = RecordsDeps{
			Health: func() eventlog.Health { return eventlog.Health{Events: 10} },
			Export: func(all bool, p func(done, total int)) (int, string, error) {
				progress <- p
				<-release
				if all {
					return 0, "/media/usb", fmt.Errorf("stat: %w at /media/usb", ErrNoStick)
				}
				return 10, "/media/usb", nil
			},
		}
	})
	r.win.Resize(fyne.NewSize(1280, 800))
	r.openStaff()
	r.tap("设备")
	r.tap("导出到U盘")
	(<-progress)(1, 2)
	r.settle()
	bar := r.shownBar()
	if bar == nil {
		t.Fatalf("no progress bar drawn while exporting; screen:\n%s", r.dump())
	}
	r.mustHave("正在导出")
	if bar.Value != 0.5 {
		t.Fatalf("bar at %v, want 0.5", bar.Value)
	}
	r.paintedBar(bar, 0.5)
	// A rebuild during the export (staff look at another page and come back).
	r.tap("设置")
	r.tap("设备")
	bar2 := r.shownBar()
	if bar2 == nil || bar2 == bar || bar2.Value != 0.5 {
		t.Fatalf("after a rebuild the bar is %v", bar2)
	}
	if r.has("重新导出全部") {
		t.Fatal("the export buttons are offered while an export runs")
	}
	close(release)
	r.waitExport(1)
	r.mustHave("已导出 10 条到 /media/usb")
	if r.shownBar() != nil {
		t.Fatal("the bar stays after the export")
	}
	// The button works again: no stick this time, said in words.
	release = make(chan struct{})
	close(release)
	r.tap("重新导出全部")
	<-progress
	r.waitExport(2)
	r.mustHave("没有找到U盘（/media/usb）：请插入U盘")
}

// shownBar is the progress bar laid out on screen, if any.
func (r *rig) shownBar() *widget.ProgressBar {
	for _, o := range r.objects() {
		if b, ok := o.(*widget.ProgressBar); ok && b.Visible() && b.Size().Width > 100 && b.Size().Height > 4 {
			return b
		}
	}
	return nil
}

// paintedBar checks the captured window: the bar's filled part is painted in the theme's
// primary colour, and its empty part is not.
func (r *rig) paintedBar(b *widget.ProgressBar, frac float32) {
	r.t.Helper()
	img := r.win.Canvas().Capture()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	scale := float32(img.Bounds().Dx()) / r.win.Canvas().Size().Width
	y := int((pos.Y + b.Size().Height/2) * scale)
	at := func(f float32) color.Color { return img.At(int((pos.X+b.Size().Width*f)*scale), y) }
	same := func(c color.Color, want color.NRGBA) bool {
		cr, cg, cb, _ := c.RGBA()
		d := func(a uint32, b uint8) int { return max(int(a>>8)-int(b), int(b)-int(a>>8)) }
		return d(cr, want.R) < 24 && d(cg, want.G) < 24 && d(cb, want.B) < 24
	}
	if !same(at(frac/2), colorAccent) {
		r.t.Errorf("filled part of the bar painted %v, want %v", at(frac/2), colorAccent)
	}
	if same(at((1+frac)/2), colorAccent) {
		r.t.Error("the empty part of the bar is painted as filled")
	}
}

func TestChangePINInThePanel(t *testing.T) {
	pinCost = bcrypt.MinCost
	r := newRig(t)
	r.openStaff()
	r.tap("设置")
	r.tap("修改密码")
	r.mustHave("输入新的管理员密码")
	r.enterPIN("2468")
	r.mustHave("密码为 6 到 12 位数字")
	r.enterPIN("24681357")
	r.mustHave("再输入一次新密码")
	r.enterPIN("24681350")
	r.mustHave("两次输入的密码不一样")
	r.enterPIN("24681357")
	r.enterPIN("24681357")
	r.mustHave("新密码已生效")
	if e, ok := r.events.last(event.StaffSetting); !ok || e.Data[event.KeySetting] != "staff_pin" {
		t.Fatal("the PIN change is not in the audit trail")
	}
	r.tap("关闭面板")
	r.openPINPad()
	r.enterPIN(testPIN)
	if r.shell.Modal() == "staff" {
		t.Fatal("the old PIN still opens the panel")
	}
	r.tap("清除")
	r.enterPIN("24681357")
	if r.shell.Modal() != "staff" {
		t.Fatal("the new PIN does not open the panel")
	}
}

// TestLearningGainCheck: the home screen asks one question at the start of a visit; the
// end of the solo round asks the same topic again; both go to the log with the age band.
func TestLearningGainCheck(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	r.win.Resize(fyne.NewSize(1280, 800))
	r.tap("轻触屏幕 开始参观")
	// Not r.noClipping here: main's home at 1280×800 with five zones pushes the fifth
	// tile's subtitle off screen with or without this button (it takes no height).
	r.tap("考考你") // 1280×800: a button beside the title opens the question
	r.mustHave("先考考你（可跳过）")
	r.tap("对")
	before, ok := r.events.last(event.GainCheck)
	if !ok || before.Data[event.KeyPhase] != event.GainBefore || before.Session == "" || before.Data[event.KeyTopic] == "" {
		t.Fatalf("before: %+v", before)
	}
	if r.has("考考你") {
		t.Fatal("the question is offered again after the answer")
	}
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("小学生")
	v := r.shell.top().(*soloView)
	for i := 0; i < 10; i++ {
		r.answerRight(v)
		if i < 9 {
			r.tap("下一题")
		}
	}
	r.tap("看成绩")
	r.mustHave("参观前的那道题，再考你一次")
	after := v.s.gain.after
	if after.Topic != before.Data[event.KeyTopic] || after.Audience != "primary" {
		t.Fatalf("second question %s on %q for %q, want the topic %v", after.ID, after.Topic, after.Audience, before.Data[event.KeyTopic])
	}
	r.tap(r.shell.tx(after.Choices[after.Correct()[0]]))
	e, _ := r.events.last(event.GainCheck)
	if e.Data[event.KeyPhase] != event.GainAfter || e.Data[event.KeyCorrect] != true || e.Data[event.KeyAudience] != "primary" ||
		e.Session != before.Session {
		t.Fatalf("after: %+v", e)
	}
	r.mustHave("答对了！参观让你学到了。")

	// A new visit asks afresh; skipping is one tap and is logged.
	r.tick(200 * time.Second)
	r.tap("轻触屏幕 开始参观")
	r.tap("考考你")
	r.tap("跳过")
	if e, _ := r.events.last(event.GainCheck); e.Data[event.KeyPhase] != event.GainSkip || e.Session == before.Session {
		t.Fatalf("skip: %+v", e)
	}
	if r.has("先考考你") {
		t.Fatal("the card stays after skipping")
	}
}

func TestSyncErrorWords(t *testing.T) {
	for msg, want := range map[string]string{
		"dial tcp 10.0.0.5:443: connect: network is unreachable": "network",
		"lookup hub.example: no such host":                       "dns",
		"context deadline exceeded (Client.Timeout)":             "timeout",
		"tls: failed to verify certificate: x509: unknown":       "tls",
		"hub answered 503 Service Unavailable":                   "server",
		"something odd":                                          "other",
	} {
		if got := syncErrorKey(msg); got != want {
			t.Errorf("%q: %s, want %s", msg, got, want)
		}
	}
	for _, st := range []string{evsync.StatusStarting, evsync.StatusIdle, evsync.StatusSending, evsync.StatusRetrying,
		evsync.StatusTokenRejected, evsync.StatusStopped, "new"} {
		if k := syncStatusKey(st); strings.Contains(k, " ") {
			t.Errorf("status %q has key %q", st, k)
		}
	}
}
