// Package mirror is the core of the 看看"吸毒后的你" station: a camera behind an interface
// (V4L2 on Linux, images for tests and for kiosks without a camera), the ageing effect drawn
// on the face region that the on-screen oval guide gives, and the station that opens the
// camera only while the zone is on screen and runs frames through the effect on a goroutine
// of its own. It has no Fyne import.
//
// Privacy: a frame lives only in a small ring of buffers in memory. Nothing here writes a
// frame anywhere, and the station keeps no frame once the camera is closed.
package mirror
