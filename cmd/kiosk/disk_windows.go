//go:build windows

package main

import "golang.org/x/sys/windows"

// diskSpace is the space free to this user and the size of the volume holding dir (0, 0
// when unknown), for the heartbeat.
func diskSpace(dir string) (free, total int64) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, 0
	}
	var avail, size, all uint64
	if windows.GetDiskFreeSpaceEx(p, &avail, &size, &all) != nil {
		return 0, 0
	}
	return int64(avail), int64(size)
}
