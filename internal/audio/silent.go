package audio

import (
	"io/fs"
	"os"
	"strings"
)

// Silent is the player used when there is no sound device. It plays nothing, never blocks,
// and says why in Reason for the staff panel.
type Silent struct {
	Why string
}

// Play does nothing.
func (s Silent) Play(fs.FS, string) error { return nil }

// Pause does nothing.
func (Silent) Pause() {}

// Resume does nothing.
func (Silent) Resume() {}

// Stop does nothing.
func (Silent) Stop() {}

// SetVolume does nothing.
func (Silent) SetVolume(int) {}

// Status is always Unavailable.
func (Silent) Status() Status { return Status{State: Unavailable} }

// Available is false.
func (Silent) Available() bool { return false }

// Reason says why there is no sound.
func (s Silent) Reason() string { return s.Why }

// CardsFile lists the ALSA sound cards on Linux.
const CardsFile = "/proc/asound/cards"

// DetectDevice reports whether the machine has a sound card, reading an ALSA cards list
// such as CardsFile. It never opens the device, so it cannot hang.
func DetectDevice(cardsFile string) (ok bool, reason string) {
	data, err := os.ReadFile(cardsFile)
	if err != nil {
		return false, "no sound system found (" + cardsFile + " is not readable)"
	}
	text := strings.TrimSpace(string(data))
	if text == "" || strings.Contains(text, "no soundcards") {
		return false, "no sound card is connected"
	}
	return true, ""
}
