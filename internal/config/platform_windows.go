//go:build windows

package config

// defaultUSBDir is the drive letter Windows usually gives the first USB stick on a kiosk
// PC with one internal disk and no card reader; set [packs] usb_dir and [events] export_dir
// to the letter the stick really gets (docs/install.md shows how to pin it).
const defaultUSBDir = `E:\`

// platformDataDir is %ProgramData%\jindu-kiosk (shared by every account, survives
// reinstalls), else the program's folder.
func platformDataDir(getenv func(string) string) string {
	return windowsDataDir(getenv)
}
