package hub

import (
	"context"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// 情景体验 (scenes): which responses visitors chose on each step of each scene, and which
// endings they reached, per age band. The counts come straight from the events (scene
// events are a few per visit, found by the events_type_day index), not from the rollup.

// SceneStats are the scene counts over a filter.
type SceneStats struct {
	Starts  []SceneStart  `json:"starts"`
	Choices []SceneChoice `json:"choices"`
	Endings []SceneEnding `json:"endings"`
}

// SceneStart counts the stories started in one scene by one age band ("" unknown).
type SceneStart struct {
	Scene    string `json:"scene"`
	Audience string `json:"audience"`
	Count    int64  `json:"count"`
}

// SceneChoice counts one response picked on one step of a scene by one age band.
type SceneChoice struct {
	Scene    string `json:"scene"`
	Step     string `json:"step"`
	Choice   string `json:"choice"`
	Audience string `json:"audience"`
	Count    int64  `json:"count"`
}

// SceneEnding counts one ending of a scene reached by one age band; Kind is the ending's
// kind as the kiosk recorded it (refuse, tell, deflect, accept).
type SceneEnding struct {
	Scene    string `json:"scene"`
	Ending   string `json:"ending"`
	Kind     string `json:"kind"`
	Audience string `json:"audience"`
	Count    int64  `json:"count"`
}

// sceneQueries are the three queries of SceneStats: starts (scene, audience, count),
// choices (scene, step, choice, audience, count), endings (scene, ending, kind, audience,
// count). Payload members that are missing or not strings count as "".
func sceneQueries(d dialect, f Filter) (starts, choices, endings string, args []any) {
	txt := func(key string) string { return "COALESCE(" + d.text(key) + ", '')" }
	aud := txt(event.KeyAudience)
	w, args := d.where(f, "type = '"+event.SceneStart+"'", "item <> ''")
	starts = `SELECT item, aud, COUNT(*) FROM (SELECT item, ` + aud + ` AS aud FROM events WHERE ` + w + `) x
		GROUP BY item, aud ORDER BY item, aud`
	w, _ = d.where(f, "type = '"+event.SceneChoice+"'", "item <> ''")
	choices = `SELECT item, step, choice, aud, COUNT(*) FROM (SELECT item, ` + txt(event.KeyStep) + ` AS step, ` +
		txt(event.KeyChoice) + ` AS choice, ` + aud + ` AS aud FROM events WHERE ` + w + `) x
		GROUP BY item, step, choice, aud ORDER BY item, step, choice, aud`
	w, _ = d.where(f, "type = '"+event.SceneEnd+"'", "item <> ''")
	endings = `SELECT item, ending, kind, aud, COUNT(*) FROM (SELECT item, ` + txt(event.KeyEnding) + ` AS ending, ` +
		txt(event.KeyKind) + ` AS kind, ` + aud + ` AS aud FROM events WHERE ` + w + `) x
		GROUP BY item, ending, kind, aud ORDER BY item, ending, kind, aud`
	return starts, choices, endings, args
}

func sceneStats(ctx context.Context, s dbStore, f Filter) (SceneStats, error) {
	starts, choices, endings, args := sceneQueries(s.dialect(), f)
	out := SceneStats{Starts: []SceneStart{}, Choices: []SceneChoice{}, Endings: []SceneEnding{}}
	err := s.query(ctx, "scene starts", starts, args, func(scan func(...any) error) error {
		var r SceneStart
		if err := scan(&r.Scene, &r.Audience, &r.Count); err != nil {
			return err
		}
		out.Starts = append(out.Starts, r)
		return nil
	})
	if err != nil {
		return out, err
	}
	err = s.query(ctx, "scene choices", choices, args, func(scan func(...any) error) error {
		var r SceneChoice
		if err := scan(&r.Scene, &r.Step, &r.Choice, &r.Audience, &r.Count); err != nil {
			return err
		}
		out.Choices = append(out.Choices, r)
		return nil
	})
	if err != nil {
		return out, err
	}
	err = s.query(ctx, "scene endings", endings, args, func(scan func(...any) error) error {
		var r SceneEnding
		if err := scan(&r.Scene, &r.Ending, &r.Kind, &r.Audience, &r.Count); err != nil {
			return err
		}
		out.Endings = append(out.Endings, r)
		return nil
	})
	return out, err
}
