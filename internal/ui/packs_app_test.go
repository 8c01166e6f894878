package ui

import (
	"crypto/ed25519"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/appupdate"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/exhibittest"
	"github.com/jindu-edu/kiosk/internal/pack"
	"github.com/jindu-edu/kiosk/quizbank"
)

// TestStaffInstallsAProgramUpdate: an app pack on the stick shows on the 内容包 page as a
// program update, installs for the next start with words staff can act on, is never taken
// by 更新内容并导出记录, and can be withdrawn.
func TestStaffInstallsAProgramUpdate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake program is a shell script")
	}
	pub, priv := exhibittest.Key(t)
	stick := t.TempDir()
	store, err := pack.OpenStore(filepath.Join(t.TempDir(), "packs"), nil)
	if err != nil {
		t.Fatal(err)
	}
	apps, err := pack.OpenStore(filepath.Join(t.TempDir(), appupdate.Dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := newRig(t, func(c *rigConfig) {
		c.desk = func(shelf *exhibit.Shelf) PackDesk {
			return exhibit.NewPackDesk(exhibit.PackDeskConfig{Store: store, Shelf: shelf, Apps: apps,
				Bundled: exhibit.Bundled{Root: assets.Content(), Bank: quizbank.Files()},
				Trust:   []ed25519.PublicKey{pub}, KioskID: "kiosk-01", AppVersion: "1.0.0", StickDir: stick})
		}
	})
	prog := filepath.Join(t.TempDir(), "kiosk")
	os.WriteFile(prog, []byte("#!/bin/sh\necho 1.1.0\n"), 0o755)
	_, err = pack.BuildApp(prog, "", filepath.Join(stick, "kiosk-1.1.0.jkpack"),
		pack.App{Version: "1.1.0", OS: runtime.GOOS, Arch: runtime.GOARCH},
		pack.BuildOptions{ID: "jindu-kiosk", Title: pack.Text{Zh: "禁毒展项程序", En: "Kiosk"}, Target: pack.Target{All: true}, Key: priv})
	if err != nil {
		t.Fatal(err)
	}

	r.openStaff()
	r.tap("内容包")
	r.mustHave("展项程序", "程序版本：1.0.0（随系统安装）", "程序更新 1.1.0", "有效")
	r.tap("更新内容并导出记录")
	r.waitFor("U盘上没有比当前更新的有效内容包")
	if _, ok := apps.Current(); ok {
		t.Fatal("更新内容并导出记录 installed a program update")
	}
	r.tap("内容包")
	r.tap("安装")
	r.waitFor("已安装程序更新 1.1.0")
	r.mustHave("已安装程序更新 1.1.0：下次启动展项时启用", "不比当前程序新，无需安装", "恢复上一程序版本")
	if _, ok := apps.Current(); !ok {
		t.Fatal("not installed")
	}
	r.tap("恢复上一程序版本")
	r.waitFor("已撤销程序更新，下次启动展项时使用随系统安装的版本。")
	if _, ok := apps.Current(); ok {
		t.Fatal("not withdrawn")
	}
}
