package exhibit

import (
	"context"
	"fmt"

	"github.com/jindu-edu/kiosk/internal/appupdate"
	"github.com/jindu-edu/kiosk/internal/pack"
)

// installApp installs an app pack into the app store; the new program starts at the next
// start of the kiosk, on trial until its first frame (package appupdate). Call with d.mu.
func (d *PackDesk) installApp(ctx context.Context, path string, progress func(done, total int64)) Outcome {
	var out Outcome
	if d.c.Apps == nil {
		out.Err = fmt.Errorf("app packs refused: no app store")
		out.Message = "本机未启用程序更新（数据目录不可用），请联系技术人员。"
	} else {
		var in pack.Installed
		in, out.Err = appupdate.Install(ctx, d.c.Apps, path, pack.InstallOptions{
			Trust: d.c.Trust, KioskID: d.c.KioskID, AppVersion: d.c.AppVersion,
			Limits: d.c.Limits, Progress: progress,
		})
		out.Manifest = in.Manifest
	}
	result := "installed"
	if out.Err == nil {
		out.Message = fmt.Sprintf("已安装程序更新 %s（当前版本 %s 保留，可恢复）。下次启动展项时启用：每晚定时重启时，或关机再开机。"+
			"若新版本无法显示画面，展项会自动恢复为当前版本。", out.Manifest.App.Version, d.c.AppVersion)
		d.c.Log.Info("app update installed", "version", out.Manifest.App.Version, "running", d.c.AppVersion)
	} else {
		result = "rejected"
		if out.Message == "" {
			out.Message = pack.Message(out.Err)
		}
		d.c.Log.Error("app update refused", "file", path, "err", out.Err)
	}
	out.Report = d.report(path, out.Manifest, result, out.Message, nil)
	return out
}

// Newer reports whether a pack on the stick is newer than what it would replace: the
// content on show for a content pack, the running program and any installed update for
// an app pack.
func (d *PackDesk) Newer(f pack.Found) bool {
	if !f.Manifest.IsApp() {
		return f.Manifest.Version > d.c.Shelf.Current().Number()
	}
	if d.c.Apps == nil {
		return false
	}
	cur, _ := pack.AppSerial(d.c.AppVersion)
	if in, ok := d.c.Apps.Current(); ok {
		cur = max(cur, in.Manifest.Version)
	}
	return f.Manifest.Version > cur
}

// AppStatus is what the panel says about the program: its version, an update waiting for
// the next start, the version kept for recovery, the last automatic rollback.
func (d *PackDesk) AppStatus() []string {
	return appupdate.Status(d.c.Apps, appupdate.Program{Version: d.c.AppVersion, Install: d.c.AppInstall})
}

// CanWithdrawApp reports whether a program update is installed (and can be withdrawn).
func (d *PackDesk) CanWithdrawApp() bool {
	if d.c.Apps == nil {
		return false
	}
	_, ok := d.c.Apps.Current()
	return ok
}

// WithdrawApp returns to the previous program version (or the system's) at the next start.
func (d *PackDesk) WithdrawApp() Outcome {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.c.Apps == nil {
		return Outcome{Err: fmt.Errorf("no app store"), Message: "本机未启用程序更新。"}
	}
	m, msg, err := appupdate.Withdraw(d.c.Apps)
	if err == nil {
		d.c.Log.Info("app update withdrawn by staff", "to", m.ID)
	}
	return Outcome{Manifest: m, Err: err, Message: msg}
}
