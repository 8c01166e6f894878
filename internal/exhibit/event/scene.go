package event

import "time"

// 情景体验 (scenes): a visitor taps a hotspot in a panorama (SceneStart), picks responses
// (SceneChoice, one per step) and reaches an ending (SceneEnd). Item is the scene id; the
// office counts the responses chosen per age band from these.
const (
	SceneStart  = "scene_start"
	SceneChoice = "scene_choice"
	SceneEnd    = "scene_end"

	KeyHotspot = "hotspot"
	KeyStep    = "step"
	KeyEnding  = "ending" // the ending reached; KeyKind (wall.go) is its kind: refuse, tell, deflect, accept
	KeyPath    = "path"   // the choice ids picked, in order
)

// NewSceneStart marks a scene's story started at a hotspot, for an age band.
func NewSceneStart(zone, scene, hotspot, audience string) Event {
	return Event{Type: SceneStart, Zone: zone, Item: scene, Data: map[string]any{
		KeyHotspot: hotspot, KeyAudience: audience}}
}

// NewSceneChoice marks one response picked on a step, after elapsed on that step.
func NewSceneChoice(zone, scene, step, choice, audience string, elapsed time.Duration) Event {
	return Event{Type: SceneChoice, Zone: zone, Item: scene, Data: map[string]any{
		KeyStep: step, KeyChoice: choice, KeyAudience: audience, KeyMS: elapsed.Milliseconds()}}
}

// NewSceneEnd marks an ending reached: its id and kind, the path of choices that led there
// and the time from the hotspot to the ending.
func NewSceneEnd(zone, scene, ending, kind, audience string, path []string, d time.Duration) Event {
	return Event{Type: SceneEnd, Zone: zone, Item: scene, Data: map[string]any{
		KeyEnding: ending, KeyKind: kind, KeyAudience: audience, KeyPath: path, KeyDurationMS: d.Milliseconds()}}
}
