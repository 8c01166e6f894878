//go:build !linux && !windows

package audio

// detect trusts the platform's audio stack (macOS and the BSDs always have an output).
func detect() (bool, string) { return true, "" }
