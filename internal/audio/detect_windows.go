//go:build windows

package audio

import "golang.org/x/sys/windows"

// detect asks winmm how many wave-out devices there are (no device is opened).
func detect() (bool, string) {
	proc := windows.NewLazySystemDLL("winmm.dll").NewProc("waveOutGetNumDevs")
	if err := proc.Find(); err != nil {
		return countDetect(0, err)
	}
	n, _, _ := proc.Call()
	return countDetect(uint32(n), nil)
}
