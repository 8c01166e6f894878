// Package usbdrive finds the USB stick where it has no fixed path: on Windows a stick gets
// whatever drive letter is free, so the config value "auto" stands for the first removable
// drive with a medium in it. On Linux deploy/usb mounts the stick at configured paths and
// "auto" finds nothing.
package usbdrive

// Auto is the [packs] usb_dir / [events] export_dir value that asks for the stick to be
// found by drive type.
const Auto = "auto"

// Resolve returns dir unchanged, or for Auto the root of the first ready removable drive
// (e.g. `F:\`), "" when there is none. It asks the system on every call: a stick may be
// plugged in, pulled or given another letter at any time.
func Resolve(dir string) string {
	if dir != Auto {
		return dir
	}
	return first(drives())
}

// drive is one drive letter as the system reports it.
type drive struct {
	Root      string // `E:\`
	Removable bool   // DRIVE_REMOVABLE: USB sticks and card-reader slots
	Ready     bool   // a medium is in it (an empty card slot is not ready)
}

// first is the stick rule: the first removable, ready drive, skipping A: and B: (floppy
// letters, which some BIOSes still report).
func first(ds []drive) string {
	for _, d := range ds {
		if d.Removable && d.Ready && d.Root != "" && d.Root[0] != 'A' && d.Root[0] != 'B' {
			return d.Root
		}
	}
	return ""
}
