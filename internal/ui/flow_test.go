package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

func TestVisitorWalksThroughEveryZone(t *testing.T) {
	r := newRig(t)
	cat := r.shell.cat()

	// Attract loop, then a tap starts a visit on the home screen.
	r.mustHave("轻触屏幕 开始参观", cat.Meta.Title.Zh)
	r.noClipping("attract")
	r.tap("轻触屏幕 开始参观")
	if r.shell.Session().State() != kiosk.Active || r.shell.Depth() != 1 {
		t.Fatal("a tap on the attract loop must start a visit at home")
	}
	r.mustHave("禁毒历史", "毒品种类", "危害案例", "首页", "返回", "中 / EN", "字号")
	r.noClipping("home")

	// History: first event, next by the bar, next by swipe, a jump by the strip.
	r.tap("禁毒历史")
	ev := cat.History.Events
	r.mustHave(ev[0].Title.Zh, ev[0].DateLabel.Zh, "1 / 21")
	r.noClipping("history")
	r.tap("下一个")
	r.mustHave(ev[1].Title.Zh, "2 / 21")
	r.swipeLeft()
	r.mustHave(ev[2].Title.Zh, "3 / 21")
	r.tap(ev[len(ev)-1].Date[:4])
	r.mustHave(ev[len(ev)-1].Title.Zh)
	r.tap("下一个") // the last page stays put
	r.mustHave(ev[len(ev)-1].Title.Zh)
	r.tap(cat.History.Eras[0].Title.Zh)
	r.mustHave(ev[0].Title.Zh)
	r.tap("返回")
	r.mustHave("毒品种类")

	// Drug types: all, filter, detail, paging within the filter.
	r.tap("毒品种类")
	r.mustHave("冰毒", "海洛因", "识破伪装")
	r.noClipping("drug list")
	r.tap("新精神活性物质")
	if r.has("海洛因") {
		t.Error("the NPS filter still shows heroin")
	}
	r.tap("全部")
	r.tap("冰毒")
	r.mustHave("外观", "危害", "法律", "伪装警示", "甲基苯丙胺")
	r.noClipping("drug detail")
	r.tap("下一个")
	if r.has("甲基苯丙胺") {
		t.Error("next did not move to another drug")
	}
	r.tap("返回")
	r.mustHave("冰毒", "海洛因")

	// Spot the disguise: judge an item, see why.
	r.tap("识破伪装")
	first := cat.Disguises.Items[0]
	r.mustHave(first.Name.Zh, "它可能是伪装的毒品吗？")
	r.noClipping("spot")
	if first.Suspicious {
		r.tap("可疑，不碰")
	} else {
		r.tap("正常商品")
	}
	r.mustHave("答对了！", "为什么", "已识破 1 / 8")
	r.tap("看下一个")
	r.mustHave(cat.Disguises.Items[1].Name.Zh)
	r.tap("首页")
	if r.shell.Depth() != 1 {
		t.Fatal("home must clear the stack")
	}

	// Harm cases: open one, page to its end, where the help card is.
	r.tap("危害案例")
	c := cat.Cases.Cases[0]
	r.mustHave(c.Title.Zh, cat.Cases.Notice.Zh[:30])
	r.noClipping("case list")
	r.tap(c.Title.Zh)
	r.mustHave(c.Pages[0].Zh, "综合示意案例 · 人物为化名")
	r.noClipping("case")
	for range c.Pages {
		r.tap("下一个")
	}
	r.mustHave(cat.Meta.Help.Title.Zh, cat.Meta.Help.Contacts[0].Value, "启示")
	r.tap("返回案例列表")
	r.mustHave(cat.Cases.Cases[1].Title.Zh)
	r.tap("返回")
	r.tap("返回")
	r.mustHave("禁毒历史", "毒品种类", "危害案例")

	types := r.events.types()
	for _, want := range []string{event.SessionStart, event.ZoneEnter, event.ZoneLeave, event.ItemView} {
		if !slices.Contains(types, want) {
			t.Errorf("no %s event in %v", want, types)
		}
	}
	if e, _ := r.events.last(event.ZoneLeave); e.Data["dwell_ms"] == nil {
		t.Error("zone_leave carries no dwell time")
	}
}

// swipeLeft drags across the page from right to left.
func (r *rig) swipeLeft() {
	r.t.Helper()
	for _, o := range r.objects() {
		if d, ok := o.(*touch.DragScroll); ok {
			d.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -150, DY: 5}})
			d.DragEnd()
			return
		}
		if s, ok := o.(*touch.Swipe); ok {
			test.Drag(r.win.Canvas(), fyne.NewPos(1500, 600), -200, 0)
			_ = s
			return
		}
	}
	r.t.Fatal("no swipe surface")
}

func TestQuizAndWallTilesAppearOnlyWithTheirScreens(t *testing.T) {
	r := newRig(t, func(rc *rigConfig) {
		c := *rc.pack.Catalog
		c.Zones = append(slices.Clone(c.Zones), content.Zone{ID: "quiz", Kind: content.KindQuiz,
			Title: content.Text{Zh: "知识竞答", En: "Quiz"}, Color: "#14A39A", Icon: c.Zones[0].Icon})
		rc.pack.Catalog = &c
	})
	r.tap("轻触屏幕 开始参观")
	if r.has("知识竞答") {
		t.Fatal("a zone kind without a screen must not get a tile")
	}
}

func TestLanguageTextSizeAndVolumeResetAfterIdle(t *testing.T) {
	r := newRig(t)
	r.tap("轻触屏幕 开始参观")
	r.tap("中 / EN")
	r.mustHave("History of Drug Control", "Home", "Back", "Text size")
	if r.shell.Lang() != content.En {
		t.Fatal("language did not switch")
	}
	r.tap("History of Drug Control")
	r.mustHave(r.shell.cat().History.Events[0].Title.En)
	r.tap("Text size")
	if !r.shell.Large() || fyne.CurrentApp().Settings().Theme().Size(sizeBody) != 35 {
		t.Fatal("text size did not grow")
	}
	r.noClipping("history, English, large text")
	r.tap("Sound")
	if r.player.volume == 80 {
		t.Fatal("the sound button did not change the volume")
	}

	r.tick(90 * time.Second)
	if r.shell.Modal() != "idle" {
		t.Fatal("no prompt after 90 s idle")
	}
	r.mustHave("Still there?")
	r.tick(20 * time.Second)
	if r.shell.Session().State() != kiosk.Attract || r.shell.Depth() != 0 {
		t.Fatal("no reset to attract")
	}
	if r.shell.Lang() != content.Zh || r.shell.Large() || r.player.volume != 80 {
		t.Fatalf("defaults not restored: lang %s large %v volume %d", r.shell.Lang(), r.shell.Large(), r.player.volume)
	}
	end, ok := r.events.last(event.SessionEnd)
	if !ok || end.Data["reason"] != event.EndTimeout {
		t.Fatalf("session_end %v", end)
	}
	r.mustHave("轻触屏幕 开始参观")
}

func TestPromptCountsDownAndATapContinues(t *testing.T) {
	r := newRig(t)
	r.tap("轻触屏幕 开始参观")
	r.tap("毒品种类")
	r.tick(90 * time.Second)
	r.mustHave("还在吗？", "20 秒后将回到首页")
	r.tick(5 * time.Second)
	r.mustHave("15 秒后将回到首页")
	r.tap("我还在，继续参观")
	if r.shell.Modal() != "" || r.shell.Session().State() != kiosk.Active {
		t.Fatal("the visit must continue")
	}
	r.mustHave("冰毒")
	r.tick(89 * time.Second)
	if r.shell.Modal() != "" {
		t.Fatal("prompted again too soon")
	}
}

func TestNarrationPausesTheIdleTimer(t *testing.T) {
	r := newRig(t)
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒历史")
	r.mustHave("播放讲解")
	r.tap("播放讲解")
	ev := r.shell.cat().History.Events[0]
	if len(r.player.plays) != 1 || r.player.plays[0] != ev.Narration.Zh {
		t.Fatalf("plays %v", r.player.plays)
	}
	r.player.at(10 * time.Second)
	r.tick(time.Second)
	if r.has("播放讲解") {
		t.Error("the caption line must replace the play hint while narration plays")
	}
	r.tick(5 * time.Minute)
	if r.shell.Modal() != "" {
		t.Fatal("prompted while narration was playing")
	}
	r.player.finish()
	r.tick(time.Second)
	r.mustHave("重播")
	if e, ok := r.events.last(event.Narration); !ok || e.Data["action"] != "complete" {
		t.Fatalf("no narration complete event: %v", e)
	}
	r.tick(90 * time.Second)
	if r.shell.Modal() != "idle" {
		t.Fatal("the idle timer must run again once narration ends")
	}
	r.tap("下一个") // continue
	if r.shell.Modal() == "idle" {
		t.Fatal("a tap must dismiss the prompt")
	}
}

// The PIN is checked off the UI thread: the pad answers the tap on 确定 at once with
// 正在验证…, a second 确定 meanwhile does nothing, and the verdict arrives after. (r.tap
// and r.mustHave let the UI thread's queued work run first, so this test looks and taps
// without them until the end.)
func TestPINIsCheckedOffTheUIThread(t *testing.T) {
	r := newRig(t)
	hot := r.hotCorner()
	for i := 0; i < 5; i++ {
		test.Tap(hot)
		r.clock.Advance(300 * time.Millisecond)
	}
	for _, d := range testPIN {
		r.tap(string(d))
	}
	ok := r.tappableNow("确定")
	test.Tap(ok)
	if !r.showsNow("正在验证…") {
		t.Fatal("the pad does not say 正在验证… while the PIN is checked")
	}
	if r.shell.Modal() != "pin" {
		t.Fatal("the panel opened before the check was done")
	}
	test.Tap(r.tappableNow("确定")) // a second tap while checking: no second check
	r.settle()
	if r.shell.Modal() != "staff" {
		t.Fatalf("the right PIN did not open the panel; screen:\n%s", r.dump())
	}
	logins := 0
	for _, typ := range r.events.types() {
		if typ == event.StaffLogin {
			logins++
		}
	}
	if logins != 1 {
		t.Fatalf("%d staff_login events for one PIN, want 1", logins)
	}
}

// tappableNow finds the innermost tappable showing text exactly, without settling.
func (r *rig) tappableNow(text string) *touch.Tappable {
	r.t.Helper()
	var best *touch.Tappable
	for _, o := range test.LaidOutObjects(r.win.Canvas().Content()) {
		if tp, ok := o.(*touch.Tappable); ok && o.Visible() {
			for _, in := range test.LaidOutObjects(tp) {
				if textOf(in) == text {
					best = tp
				}
			}
		}
	}
	if best == nil {
		r.t.Fatalf("nothing tappable shows %q", text)
	}
	return best
}

// showsNow reports whether some visible object shows text, without settling.
func (r *rig) showsNow(text string) bool {
	for _, o := range test.LaidOutObjects(r.win.Canvas().Content()) {
		if o.Visible() && strings.Contains(textOf(o), text) {
			return true
		}
	}
	return false
}

func TestStaffEntryPINLockoutAndPanel(t *testing.T) {
	r := newRig(t)
	hot := r.hotCorner()
	for i := 0; i < 5; i++ {
		test.Tap(hot)
		r.clock.Advance(300 * time.Millisecond)
	}
	if r.shell.Modal() != "pin" {
		t.Fatal("the hidden gesture did not open the PIN pad")
	}
	r.mustHave("工作人员验证")
	for i := 0; i < 5; i++ {
		r.enterPIN("000000")
	}
	r.mustHave("尝试次数过多，请 30 秒后再试")
	r.enterPIN(testPIN)
	if r.shell.Modal() != "pin" {
		t.Fatal("a locked pad must not open, even for the right PIN")
	}
	r.clock.Advance(31 * time.Second)
	r.enterPIN(testPIN)
	if r.shell.Modal() != "staff" {
		t.Fatalf("the right PIN did not open the panel; screen:\n%s", r.dump())
	}
	r.mustHave("管理面板", "概览", "设备", "设置", "操作记录")
	r.tap("设备")
	r.mustHave("内置演示内容", "demo v1", "内容检查通过", "声音设备正常")
	r.tap("设置")
	r.mustHave("无操作超时", "小学团体模式")
	r.tap("120 秒")
	if len(r.saved) != 1 || r.saved[0].IdleTimeout != kiosk.Duration(120*time.Second) {
		t.Fatalf("saved %v", r.saved)
	}
	if r.shell.Session().IdleTimeout() != 120*time.Second {
		t.Fatal("the new idle timeout is not in force")
	}
	r.mustHave("已保存")
	r.tap("开")
	if !r.shell.v.Settings().SoftenGraphic {
		t.Fatal("soften setting not applied")
	}
	r.tap("退出程序")
	r.mustHave("确定要退出展示程序吗？")
	r.tap("退出程序")
	if !r.quit {
		t.Fatal("exit did not quit")
	}
	logins := 0
	for _, e := range r.events.all {
		if e.Type == event.StaffLogin {
			logins++
		}
	}
	if logins != 7 {
		t.Errorf("%d staff_login events, want 7 (6 failed, 1 ok)", logins)
	}
}

func TestStaffPanelClosesWhenLeftAlone(t *testing.T) {
	r := newRig(t)
	r.openStaff()
	r.tick(90 * time.Second)
	if r.shell.Modal() != "" || r.shell.Session().State() != kiosk.Attract {
		t.Fatal("an abandoned staff panel must close")
	}
}

func TestNoPINMeansNoEntry(t *testing.T) {
	r := newRig(t, func(c *rigConfig) { c.deps.Guard = kiosk.NewGuard(c.deps.Clock, nil) })
	r.openPINPad()
	r.enterPIN("000000")
	r.mustHave("本机尚未设置管理员密码")
	if r.shell.Modal() != "pin" {
		t.Fatal("no PIN set must never open the panel")
	}
}

func TestSoftenedCaseImages(t *testing.T) {
	r := newRig(t, func(c *rigConfig) { c.settings.SoftenGraphic = true })
	r.tap("轻触屏幕 开始参观")
	r.tap("危害案例")
	r.mustHave("小学团体模式：图片已柔化")
	var graphic content.Case
	for _, c := range r.shell.cat().Cases.Cases {
		if c.Graphic {
			graphic = c
		}
	}
	r.tap(graphic.Title.Zh)
	// the primary tier's pictures, never the graphic case picture or a page picture only the
	// full story shows
	kids := graphic.For(true)
	hard := map[string]bool{graphic.Image: true}
	for j := range graphic.Pages {
		hard[graphic.PageImage(j, false)] = true
	}
	for j := range kids.Pages {
		delete(hard, kids.PageImage(j, true))
	}
	for j := range kids.Pages {
		if !r.showsImage(kids.PageImage(j, true)) {
			t.Fatalf("page %d does not show its softened picture %s", j+1, kids.PageImage(j, true))
		}
		for h := range hard {
			if r.showsImage(h) {
				t.Fatalf("page %d shows the graphic picture %s", j+1, h)
			}
		}
		r.tap("下一个")
	}
}

// TestPrimaryTierText: in primary-school mode cases and catalogue entries tell their
// primary tier; otherwise the full text.
func TestPrimaryTierText(t *testing.T) {
	withTiers := func(c *rigConfig) {
		cat := *c.pack.Catalog
		cases := slices.Clone(cat.Cases.Cases)
		cases[0].Primary = &content.CaseTier{Pages: []content.CasePage{{Zh: "小学版第一页", En: "Page one for children"}},
			Lesson: content.Text{Zh: "小学版的道理", En: "Lesson for children"}}
		cat.Cases.Cases = cases
		drugs := slices.Clone(cat.Drugs.Drugs)
		drugs[0].Primary = &content.DrugTier{Harms: content.Text{Zh: "小学版危害", En: "Harms for children"}}
		cat.Drugs.Drugs = drugs
		c.pack.Catalog = &cat
	}
	for _, primary := range []bool{true, false} {
		r := newRig(t, withTiers, func(c *rigConfig) { c.settings.SoftenGraphic = primary })
		cat := r.shell.cat()
		r.tap("轻触屏幕 开始参观")
		r.tap("危害案例")
		r.tap(cat.Cases.Cases[0].Title.Zh)
		if r.has("小学版第一页") != primary || r.has(cat.Cases.Cases[0].Pages[0].Zh[:12]) == primary {
			t.Fatalf("primary mode %v: case page shows:\n%s", primary, r.dump())
		}
		r.tap("首页")
		r.tap("毒品种类")
		r.tap(cat.Drugs.Drugs[0].Name.Zh)
		if r.has("小学版危害") != primary {
			t.Fatalf("primary mode %v: drug entry shows:\n%s", primary, r.dump())
		}
	}
}

func TestFallbackIsShownToStaff(t *testing.T) {
	r := newRig(t, func(c *rigConfig) {
		c.pack.Fallback = "/srv/pack: content invalid: drugs.yaml:3: error"
		c.pack.Problems = []content.Problem{{Severity: content.Error, File: "content/drugs.yaml", Line: 3, Msg: "broken"}}
	})
	r.openStaff()
	r.tap("设备")
	r.mustHave("已改用内置内容", "/srv/pack", "content/drugs.yaml:3: error: broken", "内容问题（1）")
}

func (r *rig) hotCorner() *touch.Tappable {
	for _, o := range r.objects() {
		if t, ok := o.(*touch.Tappable); ok && t.Size() == fyne.NewSize(110, 110) && t.Position().IsZero() {
			return t
		}
	}
	r.t.Fatal("no hot corner")
	return nil
}

func (r *rig) openPINPad() {
	hot := r.hotCorner()
	for i := 0; i < 5; i++ {
		test.Tap(hot)
	}
}

func (r *rig) openStaff() {
	r.openPINPad()
	r.enterPIN(testPIN)
	if r.shell.Modal() != "staff" {
		r.t.Fatal("staff panel did not open")
	}
}

func (r *rig) enterPIN(pin string) {
	for _, d := range pin {
		r.tap(string(d))
	}
	r.tap("确定")
	r.settle() // the PIN is checked off the UI thread
}

// paintedAhead reports whether a text containing text is on what prewarm paints outside
// the window.
func (r *rig) paintedAhead(text string) bool {
	for _, o := range test.LaidOutObjects(r.shell.warmer) {
		if strings.Contains(textOf(o), text) {
			return true
		}
	}
	return false
}

// paintsAheadOnSecondTick checks that what (found by its text) is painted outside the
// window two ticks in, and not within the first frames of the page on screen.
func (r *rig) paintsAheadOnSecondTick(text, what string) {
	r.t.Helper()
	r.tick(250 * time.Millisecond)
	if r.paintedAhead(text) {
		r.t.Fatalf("%s was painted ahead within the first frames", what)
	}
	r.tick(250 * time.Millisecond)
	if !r.paintedAhead(text) || r.shell.warmer.Objects[0].Position().X >= 0 {
		r.t.Fatalf("%s was not painted ahead, outside the window", what)
	}
}

func (r *rig) showsImage(path string) bool {
	r.settle()
	for _, o := range r.objects() {
		if ci, ok := o.(*canvasImage); ok && ci.Visible() && r.shell.images.nameOf(ci) == path && (r.shell.images.drawn(ci) || ci.Resource != nil) {
			return true
		}
	}
	return false
}

func TestStaffPanelShowsTheLogAndExports(t *testing.T) {
	exported := make(chan struct{}, 1)
	r := newRig(t, func(c *rigConfig) {
		c.deps.Records = RecordsDeps{
			Health: func() eventlog.Health {
				return eventlog.Health{Events: 1234, Unsynced: 234, SizeBytes: 900 << 20, Budget: 1024 << 20,
					OverBudgetWarning: true, Dropped: 2}
			},
			Export: func(all bool, progress func(done, total int)) (int, string, error) {
				if all {
					return 0, "", evsync.ErrNothingToExport
				}
				progress(50, 100)
				progress(100, 100)
				exported <- struct{}{}
				return 234, "/media/usb", nil
			},
		}
	})
	r.openStaff()
	r.tap("设备")
	r.mustHave("访客记录", "已记录 1234 条，未上传 234 条", "快占满", "未能保存 2 条", "未配置中心地址")
	r.tap("导出到U盘")
	<-exported
	// The export's last UI step records the audit event (under the recorder's lock), so once
	// it is there the screen can be read without racing the export goroutine.
	e := r.waitExport(1)
	if e.Data["events"] != 234 || e.Data["all"] != false || e.Session != "" {
		t.Fatalf("export audit event: %+v", e)
	}
	r.mustHave("已导出 234 条到 /media/usb")
	r.tap("重新导出全部")
	if e := r.waitExport(2); e.Data["all"] != true {
		t.Fatalf("re-export not recorded: %+v", e)
	}
	r.mustHave("没有新的记录需要导出")
}

// waitExport waits for the n-th staff_export event and returns it.
func (r *rig) waitExport(n int) event.Event {
	r.t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		r.settle()
		var got []event.Event
		r.events.mu.Lock()
		for _, e := range r.events.all {
			if e.Type == event.StaffExport {
				got = append(got, e)
			}
		}
		r.events.mu.Unlock()
		if len(got) >= n {
			return got[n-1]
		}
	}
	r.t.Fatalf("no export number %d", n)
	return event.Event{}
}

// TestStaffPanelShowsLogAndSyncTrouble: a log waiting for disk space and events the hub
// refused are told in words staff can act on.
func TestStaffPanelShowsLogAndSyncTrouble(t *testing.T) {
	r := newRig(t, func(c *rigConfig) {
		c.deps.Records = RecordsDeps{
			Health: func() eventlog.Health { return eventlog.Health{Opening: true, Pending: 12} },
			Sync: func() evsync.State {
				return evsync.State{Status: evsync.StatusRetrying, SetAside: 3, StaffMessage: "区中心拒收了部分记录"}
			},
		}
	})
	r.openStaff()
	r.tap("设备")
	r.mustHave("12 条记录暂存在内存中", "区中心拒收了部分记录", "3 条记录被区中心拒收，已留在本机")
}

func TestStaffPanelWithoutALog(t *testing.T) {
	r := newRig(t, func(c *rigConfig) { c.deps.Records = RecordsDeps{Unavailable: "disk full"} })
	r.openStaff()
	r.mustHave("没有访客记录可统计：disk full")
	r.tap("设备")
	r.mustHave("访客记录不可用：disk full")
}

// TestEnglishLargeTextFitsEverywhere walks every zone in English with large text, the
// hardest case for the layouts, and checks that no label is cut or pushed off screen.
func TestEnglishLargeTextFitsEverywhere(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}} {
		r := newRig(t, withQuiz(&saves{}))
		r.win.Resize(size)
		r.tap("轻触屏幕 开始参观")
		r.tap("中 / EN")
		th := fyne.CurrentApp().Settings().Theme()
		r.tap("A+")
		if fyne.CurrentApp().Settings().Theme() != th || th.Size(sizeBody) <= 28 {
			t.Fatal("A+ must enlarge the text in the theme in force, without setting a new theme (Fyne drops its font caches on SetTheme)")
		}
		r.noClipping("home")
		cat := r.shell.cat()
		r.tap("History of Drug Control")
		r.noClipping("history")
		r.tap("Home")
		r.tap("Types of Drugs")
		r.noClipping("drugs")
		r.tap(cat.Drugs.Drugs[0].Name.En)
		r.noClipping("drug detail")
		r.tap("Spot the disguise")
		r.noClipping("spot")
		r.tap("Home")
		r.tap("Cases of Harm")
		r.noClipping("cases")
		r.tap(english(cat.Cases.Cases[0].Title))
		r.noClipping("case")
		r.tap("Home")
		r.tap("Knowledge Quiz")
		r.noClipping("quiz home")
		r.tap("Solo challenge")
		r.tap("Adults")
		r.noClipping("question")
	}
}

// TestCatalogueObjectsFillTheirCards: a drug drawn small on its 4:3 card is cut to the
// object, so that it fills more of the wide catalogue card (the card's own proportions are
// gone from most pictures; some objects are as wide as their card).
func TestCatalogueObjectsFillTheirCards(t *testing.T) {
	r := newRig(t)
	r.tap("开始参观")
	r.tap("毒品种类")
	r.settle()
	n, cut := 0, 0
	for _, o := range r.objects() {
		ci, ok := o.(*canvasImage)
		if !ok || !ci.Visible() || !r.shell.images.drawn(ci) || r.shell.images.nameOf(ci) == "" {
			continue
		}
		n++
		b := ci.Image.Bounds()
		if d := float64(b.Dx())/float64(b.Dy()) - 4.0/3.0; d > 0.05 || d < -0.05 {
			cut++ // no longer the whole 4:3 card
		}
	}
	if n < 10 || cut < n*2/3 {
		t.Fatalf("%d of %d catalogue pictures cut to their object", cut, n)
	}
}

// TestPicturesAreDecodedAtTheSizeShown: once a page is laid out, each picture on it holds
// pixels for the size it is drawn at (within a tenth), so Fyne uploads it without a rescale.
func TestPicturesAreDecodedAtTheSizeShown(t *testing.T) {
	r := newRig(t)
	r.tap("开始参观")
	r.tap("毒品种类")
	r.settle()
	n := 0
	for _, o := range r.objects() {
		ci, ok := o.(*canvasImage)
		if !ok || !ci.Visible() || !r.shell.images.drawn(ci) || ci.Size().Width < 8 || r.shell.images.nameOf(ci) == "" {
			continue // not a content picture (the logo is drawn)
		}
		n++
		ib := ci.Image.Bounds()
		fw, fh := fitInside(ib.Dx(), ib.Dy(), int(ci.Size().Width+0.5), int(ci.Size().Height+0.5))
		if ib.Dx() > fw*11/10 || ib.Dy() > fh*11/10 {
			t.Errorf("%s: decoded %dx%d for a %vx%v box (fits %dx%d)", r.shell.images.nameOf(ci),
				ib.Dx(), ib.Dy(), ci.Size().Width, ci.Size().Height, fw, fh)
		}
		if ci.ScaleMode != canvas.ImageScaleFastest {
			t.Errorf("%s: Fyne would rescale it on the UI thread", r.shell.images.nameOf(ci))
		}
	}
	if n < 5 {
		t.Fatalf("only %d pictures on the drug catalogue", n)
	}
}

// TestPicturesWaitAsOnePixel: a picture the page asks for before it is decoded shows one
// transparent pixel, not no image (Fyne would paint and convert a transparent picture as
// large as its box on the UI thread), and its own picture once decoded.
func TestPicturesWaitAsOnePixel(t *testing.T) {
	r := newRig(t)
	r.tap("开始参观")
	r.tap("毒品种类")
	var shown []*canvasImage
	waiting := 0
	for _, o := range test.LaidOutObjects(r.win.Canvas().Content()) { // not settled: decodes still running
		ci, ok := o.(*canvasImage)
		if !ok || r.shell.images.nameOf(ci) == "" || ci.Resource != nil {
			continue
		}
		shown = append(shown, ci)
		if ci.Image == nil {
			t.Fatalf("%s: no image while it is decoded", r.shell.images.nameOf(ci))
		}
		if !r.shell.images.drawn(ci) {
			waiting++
			if b := ci.Image.Bounds(); b.Dx() != 1 || b.Dy() != 1 {
				t.Errorf("%s waits as %v", r.shell.images.nameOf(ci), b)
			}
		}
	}
	if waiting == 0 {
		t.Fatalf("none of %d pictures was still being decoded when the page came on", len(shown))
	}
	r.settle()
	for _, ci := range shown {
		if !r.shell.images.drawn(ci) || ci.Image.Bounds().Dx() < 8 {
			t.Errorf("%s: not drawn once decoded", r.shell.images.nameOf(ci))
		}
	}
}
