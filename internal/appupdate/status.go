package appupdate

import (
	"fmt"

	"github.com/jindu-edu/kiosk/internal/pack"
)

// Status is what the staff panel says about the kiosk program, in Chinese lines.
func Status(store *pack.Store, running Program) []string {
	how := "随系统安装"
	if running.Install != "" {
		how = "程序更新包安装"
	}
	ver := running.Version
	if _, ok := pack.AppSerial(ver); !ok {
		ver += "（开发版本）"
	}
	lines := []string{fmt.Sprintf("程序版本：%s（%s）", ver, how)}
	if store == nil {
		return lines
	}
	if cur, ok := store.Current(); ok && cur.Manifest.App != nil && cur.Name != running.Install {
		packaged := Program{}
		if running.Install == "" {
			packaged.Version = running.Version
		}
		if Choose(packaged, cur, true).Install != "" {
			lines = append(lines, fmt.Sprintf("已安装程序更新 %s：下次启动展项时启用（每晚定时重启时，或关机再开机）。", cur.Manifest.App.Version))
		} else {
			lines = append(lines, fmt.Sprintf("已安装的程序更新 %s 不比随系统安装的版本新，不会启用。", cur.Manifest.App.Version))
		}
	}
	if prev, ok := store.Previous(); ok && prev.Manifest.App != nil {
		lines = append(lines, fmt.Sprintf("上一程序版本 %s 已保留，可恢复。", prev.Manifest.App.Version))
	}
	if notice, at := store.LastNotice(); notice != "" {
		lines = append(lines, "程序自动回退："+at.Local().Format("2006-01-02 15:04 ")+notice)
	}
	return lines
}

// Withdraw returns to the previous program version, or to the one installed with the
// system when no update is kept: the staff's explicit rollback. It applies at the next
// start. The message is for staff.
func Withdraw(store *pack.Store) (pack.Manifest, string, error) {
	in, ok, err := store.Withdraw()
	switch {
	case err != nil:
		return pack.Manifest{}, pack.Message(err), err
	case ok && in.Manifest.App != nil:
		return in.Manifest, fmt.Sprintf("已恢复为上一程序版本 %s，下次启动展项时启用。", in.Manifest.App.Version), nil
	}
	return pack.Manifest{}, "已撤销程序更新，下次启动展项时使用随系统安装的版本。", nil
}
