package scene

import "github.com/jindu-edu/kiosk/internal/content"

// Path is one way through a scene: the hotspot it starts at, the choices picked and the
// ending reached.
type Path struct {
	Hotspot string
	Choices []string
	Ending  string
}

// Paths lists every way through sc from every hotspot, depth first in content order. A
// validated scene has no loops; a loop in an unvalidated one is cut where it comes back
// to a step on the path.
func Paths(sc content.Scene) []Path {
	var out []Path
	var walk func(h string, id string, choices []string, on map[string]bool)
	walk = func(h string, id string, choices []string, on map[string]bool) {
		st, ok := sc.StepByID(id)
		if !ok {
			if _, isEnd := sc.EndingByID(id); isEnd {
				out = append(out, Path{Hotspot: h, Choices: append([]string(nil), choices...), Ending: id})
			}
			return
		}
		if on[id] {
			return
		}
		on[id] = true
		for _, c := range st.Choices {
			walk(h, c.Next, append(choices, c.ID), on)
		}
		delete(on, id)
	}
	for _, h := range sc.Hotspots {
		walk(h.ID, h.Step, nil, map[string]bool{})
	}
	return out
}

// AgeOf is the age band the kiosk shows scenes for: primary when staff have set the
// primary-school mode, else the band the visitor picked (secondary by default).
func AgeOf(primaryMode bool, picked string) string {
	switch {
	case primaryMode:
		return content.AgePrimary
	case picked == content.AgePrimary || picked == content.AgeAdult:
		return picked
	}
	return content.AgeSecondary
}
