package ui

import (
	"crypto/ed25519"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/exhibit/exhibittest"
	"github.com/jindu-edu/kiosk/internal/pack"
	"github.com/jindu-edu/kiosk/quizbank"
)

// packRig is a rig whose staff panel installs packs from a stick directory into a real
// pack store, through the real desk.
func packRig(t testing.TB) (*rig, string, ed25519.PrivateKey) {
	t.Helper()
	pub, priv := exhibittest.Key(t)
	stick := t.TempDir()
	store, err := pack.OpenStore(filepath.Join(t.TempDir(), "packs"), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, func(c *rigConfig) {
		c.desk = func(shelf *exhibit.Shelf) PackDesk {
			return exhibit.NewPackDesk(exhibit.PackDeskConfig{Store: store, Shelf: shelf,
				Bundled: exhibit.Bundled{Root: assets.Content(), Bank: quizbank.Files()},
				Trust:   []ed25519.PublicKey{pub}, KioskID: "kiosk-01", AppVersion: "test", StickDir: stick})
		}
	})
	return r, stick, priv
}

// waitFor ticks until the screen shows text (the install runs on its own goroutine).
func (r *rig) waitFor(text string) {
	r.t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if r.has(text) {
			return
		}
	}
	r.t.Fatalf("screen never showed %q; it shows:\n%s", text, r.dump())
}

func TestStaffInstallsAPackAndRollsBack(t *testing.T) {
	r, stick, priv := packRig(t)
	title := func(name string) map[string]func([]byte) []byte {
		return map[string]func([]byte) []byte{"content/meta.yaml": exhibittest.Replace("南明区禁毒预防教育基地", name)}
	}
	exhibittest.Build(t, exhibittest.DemoRoot(t, title("花果园禁毒教育基地")), stick, "v2.jkpack", "guiyang", 2, priv)

	r.tap("轻触屏幕 开始参观")
	r.mustHave("南明区禁毒预防教育基地")
	r.openStaff()
	r.tap("内容包")
	r.mustHave("测试内容包", "有效", "未安装内容包")
	r.tap("安装")
	r.waitFor("已安装“测试内容包”（版本 2）")
	r.mustHave("安装报告已写回U盘")
	r.tap("关闭面板")
	r.mustHave("花果园禁毒教育基地") // attract shows the new pack at once
	r.tap("轻触屏幕 开始参观")
	r.mustHave("花果园禁毒教育基地")

	var ok, report bool
	for _, e := range r.events.all {
		if e.Type == event.StaffPack && e.Data[event.KeyAction] == event.PackInstall {
			ok = e.Data[event.KeyOK] == true && e.Session == ""
		}
		report = report || (e.Type == event.StaffPack && e.Data[event.KeyAction] == event.PackReport)
	}
	if !ok || !report {
		t.Fatal("the install and its report are not in the staff audit trail")
	}
	if e, _ := r.events.last(event.SessionStart); e.Content != "guiyang-v2" {
		t.Fatalf("events after the install carry content %q", e.Content)
	}

	// A stick plugged in while the page is open shows up by itself; install v3, roll back.
	r.openStaff()
	r.tap("内容包")
	exhibittest.Build(t, exhibittest.DemoRoot(t, title("第三版内容")), stick, "v3.jkpack", "guiyang", 3, priv)
	r.tick(3 * time.Second)
	r.mustHave("版本 3")
	r.tap("更新内容并导出记录")
	r.waitFor("已安装“测试内容包”（版本 3）")
	r.tap("内容包")
	r.mustHave("上一版本：“测试内容包”（版本 2）")
	r.tap("回退到上一版本")
	r.mustHave("已回退到“测试内容包”（版本 2）")
	r.tap("关闭面板")
	r.mustHave("花果园禁毒教育基地")
}

func TestStaffSeesWhyAPackIsRefused(t *testing.T) {
	r, stick, _ := packRig(t)
	_, foreign := exhibittest.Key(t)
	exhibittest.Build(t, exhibittest.DemoRoot(t, nil), stick, "foreign.jkpack", "guiyang", 2, foreign)
	r.openStaff()
	r.tap("内容包")
	r.mustHave("密钥不受信任")
	for _, o := range r.objects() {
		if strings.Contains(textOf(o), "安装") && textOf(o) == "安装" {
			t.Fatal("a pack signed by an unknown key offers 安装")
		}
	}
}
