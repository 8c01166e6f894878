//go:build !windows

package usbdrive

// drives is empty: outside Windows the stick is mounted at a configured path.
func drives() []drive { return nil }
