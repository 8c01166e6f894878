package exhibit

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/appupdate"
	"github.com/jindu-edu/kiosk/internal/exhibit/exhibittest"
	"github.com/jindu-edu/kiosk/internal/pack"
)

// TestDeskInstallsAppPackForNextStart: an app pack on the stick is listed with the content
// packs, installed into the app store (not onto the shelf: the running program and its
// content are untouched), reported on the stick, and can be withdrawn.
func TestDeskInstallsAppPackForNextStart(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake program is a shell script")
	}
	pub, priv := exhibittest.Key(t)
	d, shelf, stick := newDesk(t, pub)
	apps, err := pack.OpenStore(filepath.Join(t.TempDir(), appupdate.Dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	d.c.Apps = apps
	exhibittest.Build(t, exhibittest.DemoRoot(t, nil), stick, "base-v2.jkpack", "base", 2, priv)
	prog := filepath.Join(t.TempDir(), "kiosk")
	os.WriteFile(prog, []byte("#!/bin/sh\necho 1.1.0\n"), 0o755)
	_, err = pack.BuildApp(prog, "", filepath.Join(stick, "kiosk-1.1.0.jkpack"),
		pack.App{Version: "1.1.0", OS: runtime.GOOS, Arch: runtime.GOARCH},
		pack.BuildOptions{ID: "jindu-kiosk", Title: pack.Text{Zh: "禁毒展项程序", En: "Kiosk"}, Target: pack.Target{All: true}, Key: priv})
	if err != nil {
		t.Fatal(err)
	}

	found := d.Scan()
	var app, content pack.Found
	for _, f := range found {
		if f.Manifest.IsApp() {
			app = f
		} else {
			content = f
		}
	}
	if app.State != pack.StateValid || content.State != pack.StateValid || !d.Newer(app) || !d.Newer(content) {
		t.Fatalf("scan %+v", found)
	}
	before := shelf.Current()
	out := d.Install(context.Background(), app.Path, nil)
	if out.Err != nil {
		t.Fatalf("install: %v (%s)", out.Err, out.Message)
	}
	if shelf.Current() != before {
		t.Fatal("an app pack changed the content on show")
	}
	if !strings.Contains(out.Message, "下次启动展项时启用") || !strings.Contains(out.Message, "1.1.0") {
		t.Fatalf("message %q", out.Message)
	}
	data, _ := os.ReadFile(out.Report)
	var rep pack.Report
	if err := json.Unmarshal(data, &rep); err != nil || rep.Result != "installed" || rep.PackID != "jindu-kiosk" {
		t.Fatalf("report %s", data)
	}
	if d.Newer(app) {
		t.Fatal("the installed program update is still offered")
	}
	if lines := strings.Join(d.AppStatus(), "\n"); !strings.Contains(lines, "程序版本：1.0.0") || !strings.Contains(lines, "已安装程序更新 1.1.0") {
		t.Fatalf("status:\n%s", lines)
	}
	// The content pack still installs as content; the app store is not touched by it.
	if out := d.Install(context.Background(), content.Path, nil); out.Err != nil || shelf.Current() == before {
		t.Fatalf("content pack after an app pack: %v", out.Err)
	}
	if !d.CanWithdrawApp() {
		t.Fatal("no withdraw offered")
	}
	if out := d.WithdrawApp(); out.Err != nil || !strings.Contains(out.Message, "随系统安装的版本") || d.CanWithdrawApp() {
		t.Fatalf("withdraw: %v %q", out.Err, out.Message)
	}

	// A kiosk without an app store refuses app packs with words for staff.
	d.c.Apps = nil
	if out := d.Install(context.Background(), app.Path, nil); out.Err == nil || !strings.Contains(out.Message, "未启用程序更新") {
		t.Fatalf("no store: %v %q", out.Err, out.Message)
	}
	if d.Newer(app) {
		t.Fatal("an app pack offered without an app store")
	}
}
