package audio

import "fmt"

// Detect reports whether this machine has a sound output, without opening it: on Linux
// from the ALSA cards list (CardsFile), on Windows from the count of wave-out devices.
func Detect() (ok bool, reason string) { return detect() }

// countDetect is the Windows rule, kept untagged so that its test runs everywhere: n output
// devices from the system (err: the system could not say).
func countDetect(n uint32, err error) (bool, string) {
	if err != nil {
		return false, fmt.Sprintf("no sound system found (%v)", err)
	}
	if n == 0 {
		return false, "no sound card is connected"
	}
	return true, ""
}
