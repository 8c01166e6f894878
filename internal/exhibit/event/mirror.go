package event

import "time"

// The mirror station logs only that it was used, how far the visitor looked ahead and for
// how long: never a frame, never a face.
const (
	MirrorUse = "mirror_use"

	KeyYears  = "years"  // the furthest stage looked at: 0, 1, 3 or 5
	KeyCamera = "camera" // true: the live camera; false: an illustrated face
	KeyDrug   = "drug"   // the variant shown: meth or heroin
)

// NewMirrorUse records one use of the mirror station, when the visitor leaves it.
func NewMirrorUse(zone string, years int, camera bool, drug string, d time.Duration) Event {
	return Event{Type: MirrorUse, Zone: zone, Data: map[string]any{
		KeyYears: years, KeyCamera: camera, KeyDrug: drug, KeyDurationMS: d.Milliseconds()}}
}
