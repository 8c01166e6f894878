//go:build linux

package audio

func detect() (bool, string) { return DetectDevice(CardsFile) }
