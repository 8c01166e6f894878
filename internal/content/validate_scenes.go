package content

import (
	"fmt"
	"strings"

	"github.com/jindu-edu/kiosk/internal/lint"
)

// MaxSceneDepth is the most steps a path through a scene may take before it ends: the
// moment, a follow-up, and one more (the "2–3 steps per scene").
const MaxSceneDepth = 3

func (v *validator) scenes(d *lint.Doc, s *Scenes) {
	v.text(d, "intro", s.Intro)
	v.text(d, "refusal", s.Refusal)
	if len(s.Scenes) == 0 {
		d.Errf("scenes", "at least one scene is needed")
	}
	seen := map[string]bool{}
	for i, sc := range s.Scenes {
		p := fmt.Sprintf("scenes[%d]", i)
		v.ids(d, p, seen, sc.ID)
		v.text(d, p+".title", sc.Title)
		v.text(d, p+".summary", sc.Summary)
		v.sceneAges(d, p+".ages", sc.Ages)
		v.image(d, p+".panorama", sc.Panorama, true)
		v.image(d, p+".thumbnail", sc.Thumbnail, false)
		if sc.StartYaw < 0 || sc.StartYaw >= 360 {
			d.Errf(p+".start_yaw", "start_yaw %g must be a direction from 0 to under 360 degrees", sc.StartYaw)
		}
		v.scene(d, p, sc)
	}
}

func (v *validator) sceneAges(d *lint.Doc, p string, ages []string) {
	if len(ages) == 0 {
		d.Errf(p, "a scene needs at least one age band (primary, secondary, adult)")
	}
	seen := map[string]bool{}
	for j, a := range ages {
		switch {
		case a != AgePrimary && a != AgeSecondary && a != AgeAdult:
			d.Errf(fmt.Sprintf("%s[%d]", p, j), "unknown age band %q (primary, secondary or adult)", a)
		case seen[a]:
			d.Errf(fmt.Sprintf("%s[%d]", p, j), "age band %q is listed twice", a)
		}
		seen[a] = true
	}
}

// scene checks the hotspots, steps and endings of one scene and its story graph: every
// hotspot and every choice leads somewhere, every path ends within MaxSceneDepth steps.
func (v *validator) scene(d *lint.Doc, p string, sc Scene) {
	nodes := map[string]bool{} // steps and endings share one namespace: a choice names either
	steps := map[string]int{}
	for j, st := range sc.Steps {
		sp := fmt.Sprintf("%s.steps[%d]", p, j)
		v.ids(d, sp, nodes, st.ID)
		steps[st.ID] = j
	}
	endings := map[string]bool{}
	for j, e := range sc.Endings {
		v.ids(d, fmt.Sprintf("%s.endings[%d]", p, j), nodes, e.ID)
		endings[e.ID] = true
	}
	if len(sc.Hotspots) == 0 {
		d.Errf(p+".hotspots", "a scene needs at least one hotspot to start its story")
	}
	hs := map[string]bool{}
	for j, h := range sc.Hotspots {
		hp := fmt.Sprintf("%s.hotspots[%d]", p, j)
		v.ids(d, hp, hs, h.ID)
		v.text(d, hp+".label", h.Label)
		if h.Yaw < 0 || h.Yaw >= 360 {
			d.Errf(hp+".yaw", "yaw %g must be a direction from 0 to under 360 degrees", h.Yaw)
		}
		if h.Pitch < -30 || h.Pitch > 30 {
			d.Errf(hp+".pitch", "pitch %g must lie within ±30 degrees of the horizon", h.Pitch)
		}
		if _, ok := steps[h.Step]; !ok {
			d.Errf(hp+".step", "hotspot %q has no target: step %q is not one of the scene's steps", h.ID, h.Step)
		}
	}
	if len(sc.Steps) == 0 {
		d.Errf(p+".steps", "a scene needs at least one step")
	}
	for j, st := range sc.Steps {
		v.sceneStep(d, fmt.Sprintf("%s.steps[%d]", p, j), st, steps, endings)
	}
	if len(sc.Endings) == 0 {
		d.Errf(p+".endings", "a scene needs endings")
	}
	safe := false
	for j, e := range sc.Endings {
		v.sceneEnding(d, fmt.Sprintf("%s.endings[%d]", p, j), e, sc.For(AgePrimary))
		safe = safe || e.Kind == EndRefuse || e.Kind == EndTell
	}
	if len(sc.Endings) > 0 && !safe {
		d.Errf(p+".endings", "a scene needs at least one ending of kind refuse or tell")
	}
	v.sceneGraph(d, p, sc, steps, endings)
}

func (v *validator) sceneStep(d *lint.Doc, p string, st Step, steps map[string]int, endings map[string]bool) {
	if len(st.Lines) == 0 {
		d.Errf(p+".lines", "a step needs at least one line")
	}
	for k, l := range st.Lines {
		lp := fmt.Sprintf("%s.lines[%d]", p, k)
		v.optText(d, lp+".speaker", l.Speaker)
		v.text(d, lp+".text", l.Text)
		v.narration(d, lp+".narration", l.Narration)
	}
	if n := len(st.Choices); n < 2 || n > 4 {
		d.Errf(p+".choices", "a step needs 2 to 4 choices (has %d)", n)
	}
	seen := map[string]bool{}
	for k, c := range st.Choices {
		cp := fmt.Sprintf("%s.choices[%d]", p, k)
		v.ids(d, cp, seen, c.ID)
		v.text(d, cp+".text", c.Text)
		if _, ok := steps[c.Next]; !ok && !endings[c.Next] {
			d.Errf(cp+".next", "choice %q leads nowhere: %q is neither a step nor an ending of the scene", c.ID, c.Next)
		}
	}
}

func (v *validator) sceneEnding(d *lint.Doc, p string, e Ending, primary bool) {
	known := false
	for _, k := range EndingKinds {
		known = known || e.Kind == k
	}
	if !known {
		d.Errf(p+".kind", "unknown ending kind %q (%s)", e.Kind, strings.Join(EndingKinds, ", "))
	}
	v.text(d, p+".title", e.Title)
	v.text(d, p+".text", e.Text)
	v.text(d, p+".lesson", e.Lesson)
	v.narration(d, p+".narration", e.Narration)
	t := e.Primary
	if t == nil {
		if primary && e.Kind == EndAccept {
			d.Errf(p+".primary", "an accepting ending of a scene shown to primary needs a softened primary tier (primary: text, lesson, narration)")
		}
		return
	}
	v.text(d, p+".primary.text", t.Text)
	v.text(d, p+".primary.lesson", t.Lesson)
	v.narration(d, p+".primary.narration", t.Narration)
}

// sceneGraph walks every path from every hotspot: a path that comes back to a step it
// passed never ends, and one longer than MaxSceneDepth steps is too long for a visitor at
// a screen. Steps and endings no path reaches are reported as warnings.
func (v *validator) sceneGraph(d *lint.Doc, p string, sc Scene, steps map[string]int, endings map[string]bool) {
	reached := map[string]bool{}
	reported := map[string]bool{}
	var walk func(id string, depth int, onPath map[string]bool)
	walk = func(id string, depth int, onPath map[string]bool) {
		j, isStep := steps[id]
		if !isStep {
			reached[id] = true // an ending, or a missing target already reported
			return
		}
		sp := fmt.Sprintf("%s.steps[%d]", p, j)
		if onPath[id] {
			if !reported["loop "+id] {
				d.Errf(sp, "the story loops back to step %q: every branch must end", id)
				reported["loop "+id] = true
			}
			return
		}
		if depth > MaxSceneDepth {
			if !reported["deep "+id] {
				d.Errf(sp, "step %q is step %d of a path: a path may have at most %d steps before its ending", id, depth, MaxSceneDepth)
				reported["deep "+id] = true
			}
			return
		}
		reached[id] = true
		onPath[id] = true
		for _, c := range sc.Steps[j].Choices {
			walk(c.Next, depth+1, onPath)
		}
		delete(onPath, id)
	}
	for _, h := range sc.Hotspots {
		walk(h.Step, 1, map[string]bool{})
	}
	for j, st := range sc.Steps {
		if !reached[st.ID] && len(sc.Hotspots) > 0 && !reported["loop "+st.ID] && !reported["deep "+st.ID] {
			d.Warnf(fmt.Sprintf("%s.steps[%d]", p, j), "no hotspot or choice leads to step %q", st.ID)
		}
	}
	for j, e := range sc.Endings {
		if !reached[e.ID] && len(sc.Hotspots) > 0 {
			d.Warnf(fmt.Sprintf("%s.endings[%d]", p, j), "no choice leads to ending %q", e.ID)
		}
	}
}
