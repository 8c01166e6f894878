// Package audio plays narration clips (ogg, mp3, wav) from a content root through beep,
// and short sound effects (Effects) on a second voice mixed over the narration.
// Playback control never blocks the caller on the sound device: decoding of a clip starts
// on the caller's goroutine but samples are pulled by the Output's own goroutine. When no
// sound device exists the Silent player stands in, so the UI works the same without sound.
// The real device output lives in the device subpackage, which needs cgo; this package
// does not, so it is tested with a fake Output.
package audio
