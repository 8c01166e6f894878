//go:build windows

package usbdrive

import "golang.org/x/sys/windows"

// drives lists the drive letters in use with their type; readiness is asked of removable
// drives only (the Go runtime has turned off the "insert a disk" dialog).
func drives() []drive {
	mask, err := windows.GetLogicalDrives()
	if err != nil {
		return nil
	}
	var ds []drive
	for i := 0; i < 26; i++ {
		if mask&(1<<i) == 0 {
			continue
		}
		root := string(rune('A'+i)) + `:\`
		p, err := windows.UTF16PtrFromString(root)
		if err != nil {
			continue
		}
		d := drive{Root: root, Removable: windows.GetDriveType(p) == windows.DRIVE_REMOVABLE}
		if d.Removable {
			var serial, maxLen, flags uint32
			d.Ready = windows.GetVolumeInformation(p, nil, 0, &serial, &maxLen, &flags, nil, 0) == nil
		}
		ds = append(ds, d)
	}
	return ds
}
