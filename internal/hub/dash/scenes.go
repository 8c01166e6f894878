package dash

import (
	"context"
	"fmt"
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/hub"
)

// SceneLabels are the Chinese names of the 情景体验 scenes, steps, responses and endings,
// read from a content pack's content/scenes.yaml. The hub does not ship content: without
// labels the 情景体验 page shows the ids the kiosks record.
type SceneLabels struct {
	scenes  map[string]string    // scene → title
	steps   map[[2]string]string // scene, step → who says what
	choices map[[3]string]string // scene, step, choice → the response
	endings map[[2]string]string // scene, ending → title
}

// ParseSceneLabels reads the labels from the text of a scenes.yaml (docs/content-format.md).
// Only the names are taken; the kiosk's content lint checks the rest.
func ParseSceneLabels(data []byte) (*SceneLabels, error) {
	var s content.Scenes
	if err := yaml.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("scenes.yaml: %w", err)
	}
	if len(s.Scenes) == 0 {
		return nil, fmt.Errorf("scenes.yaml: no scenes in it (want a list under scenes:)")
	}
	return LabelsFromScenes(s), nil
}

// LabelsFromScenes names what the scenes of s contain.
func LabelsFromScenes(s content.Scenes) *SceneLabels {
	l := &SceneLabels{scenes: map[string]string{}, steps: map[[2]string]string{},
		choices: map[[3]string]string{}, endings: map[[2]string]string{}}
	for _, sc := range s.Scenes {
		l.scenes[sc.ID] = sc.Title.Zh
		for _, st := range sc.Steps {
			if len(st.Lines) > 0 {
				first := st.Lines[0]
				say := shorten(first.Text.Zh, 14)
				if first.Speaker.Zh != "" {
					say = first.Speaker.Zh + "：" + say
				}
				l.steps[[2]string{sc.ID, st.ID}] = say
			}
			for _, c := range st.Choices {
				l.choices[[3]string{sc.ID, st.ID, c.ID}] = c.Text.Zh
			}
		}
		for _, e := range sc.Endings {
			l.endings[[2]string{sc.ID, e.ID}] = e.Title.Zh
		}
	}
	return l
}

// shorten keeps the first n characters of s, with … when it cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func (l *SceneLabels) scene(id string) string {
	if l != nil && l.scenes[id] != "" {
		return l.scenes[id]
	}
	return id
}

func (l *SceneLabels) step(sc, id string) string {
	if l != nil && l.steps[[2]string{sc, id}] != "" {
		return l.steps[[2]string{sc, id}]
	}
	return id
}

func (l *SceneLabels) choice(sc, step, id string) string {
	if l != nil && l.choices[[3]string{sc, step, id}] != "" {
		return l.choices[[3]string{sc, step, id}]
	}
	return id
}

func (l *SceneLabels) ending(sc, id string) string {
	if l != nil && l.endings[[2]string{sc, id}] != "" {
		return l.endings[[2]string{sc, id}]
	}
	return id
}

// endingKindNames are the ending kinds of internal/content in Chinese, in the order shown.
var (
	endingKindNames = map[string]string{content.EndRefuse: "拒绝离开", content.EndTell: "告诉大人",
		content.EndDeflect: "转移话题", content.EndAccept: "接受了", "": "未注明"}
	endingKindOrder = append(append([]string(nil), content.EndingKinds...), "")
)

func kindName(k string) string { return nameOr(endingKindNames, k) }

// scenesPage shows, per scene, which responses each age band chose on each step (as a share
// of that band's picks on the step), and the kinds of endings each band reached.
func scenesPage(ctx context.Context, d *Dashboard, f hub.Filter) (view, error) {
	st, err := d.Store.Scenes(ctx, f)
	if err != nil {
		return view{}, err
	}
	l := d.Scenes
	v := view{Title: "情景体验", Note: "各情景中每个年龄段选择了哪些回应、走到了哪种结局。占比 = 该年龄段在这一步所做选择中选这个回应的比例；" +
		"年龄段取访客在情景体验里选择的对象。"}
	if l == nil {
		v.Note += "（中心端未加载内容包，以编号显示；启动时加 --content 目录 可显示中文名称。）"
	}
	var starts, ended, accepted int64
	for _, r := range st.Starts {
		starts += r.Count
	}
	// Picks per scene, step and band: the denominator of a response's share.
	type stepBand struct{ scene, step, band string }
	perStep := map[stepBand]int64{}
	for _, r := range st.Choices {
		perStep[stepBand{r.Scene, r.Step, r.Audience}] += r.Count
	}
	choices := append([]hub.SceneChoice(nil), st.Choices...)
	sort.SliceStable(choices, func(i, j int) bool {
		a, b := choices[i], choices[j]
		if x, y := a.Scene+"\x00"+a.Step+"\x00"+a.Choice, b.Scene+"\x00"+b.Step+"\x00"+b.Choice; x != y {
			return x < y
		}
		return bandRank(a.Audience) < bandRank(b.Audience)
	})
	ct := table{ID: "choices", Title: "各情景各步骤的回应", Cols: []string{"情景", "这一步", "回应", "年龄段", "选择次数", "占该年龄段这一步"}}
	var scenes []string
	type bar struct{ scene, step, choice string }
	bars := map[string][]bar{} // per scene, in order
	seenBar := map[bar]bool{}
	bands := map[string]map[string]bool{} // per scene
	share := map[bar]map[string]float64{}
	for _, r := range choices {
		if bars[r.Scene] == nil {
			scenes = append(scenes, r.Scene)
			bands[r.Scene] = map[string]bool{}
		}
		b := bar{r.Scene, r.Step, r.Choice}
		if !seenBar[b] {
			seenBar[b] = true
			bars[r.Scene] = append(bars[r.Scene], b)
			share[b] = map[string]float64{}
		}
		bands[r.Scene][r.Audience] = true
		rt := rate(r.Count, perStep[stepBand{r.Scene, r.Step, r.Audience}])
		share[b][r.Audience] = float64(rt)
		ct.Rows = append(ct.Rows, []any{l.scene(r.Scene), l.step(r.Scene, r.Step), l.choice(r.Scene, r.Step, r.Choice),
			audienceName(r.Audience), r.Count, rt})
	}
	for _, sc := range scenes {
		c := chart{ID: "choices-" + sc, Title: l.scene(sc) + "：各年龄段的选择", Kind: "hbar", Percent: true}
		for _, b := range bars[sc] {
			c.X = append(c.X, l.step(sc, b.step)+" → "+l.choice(sc, b.step, b.choice))
		}
		for _, band := range sortedBands(bands[sc]) {
			s := series{Name: audienceName(band)}
			for _, b := range bars[sc] {
				s.Data = append(s.Data, round4(share[b][band]))
			}
			c.Series = append(c.Series, s)
		}
		v.Charts = append(v.Charts, c)
	}

	// Endings: per scene and band, the share of each kind.
	type sceneBand struct{ scene, band string }
	perBand := map[sceneBand]int64{}
	kindCount := map[sceneBand]map[string]int64{}
	kinds := map[string]bool{}
	var rows []sceneBand
	for _, r := range st.Endings {
		k := sceneBand{r.Scene, r.Audience}
		if kindCount[k] == nil {
			kindCount[k] = map[string]int64{}
			rows = append(rows, k)
		}
		perBand[k] += r.Count
		kindCount[k][r.Kind] += r.Count
		kinds[r.Kind] = true
		ended += r.Count
		if r.Kind == content.EndAccept {
			accepted += r.Count
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].scene != rows[j].scene {
			return rows[i].scene < rows[j].scene
		}
		return bandRank(rows[i].band) < bandRank(rows[j].band)
	})
	ec := chart{ID: "endings", Title: "各情景各年龄段走到的结局", Kind: "hbar", Percent: true, Stack: true}
	for _, k := range rows {
		ec.X = append(ec.X, l.scene(k.scene)+" · "+audienceName(k.band))
	}
	for _, kind := range orderedKinds(kinds) {
		s := series{Name: kindName(kind)}
		for _, k := range rows {
			s.Data = append(s.Data, round4(float64(rate(kindCount[k][kind], perBand[k]))))
		}
		ec.Series = append(ec.Series, s)
	}
	v.Charts = append([]chart{ec}, v.Charts...)
	et := table{ID: "endings", Title: "各情景的结局", Cols: []string{"情景", "结局", "类型", "年龄段", "次数", "占该年龄段该情景"}}
	endings := append([]hub.SceneEnding(nil), st.Endings...)
	sort.SliceStable(endings, func(i, j int) bool {
		a, b := endings[i], endings[j]
		if x, y := a.Scene+"\x00"+a.Ending+"\x00"+a.Kind, b.Scene+"\x00"+b.Ending+"\x00"+b.Kind; x != y {
			return x < y
		}
		return bandRank(a.Audience) < bandRank(b.Audience)
	})
	for _, r := range endings {
		et.Rows = append(et.Rows, []any{l.scene(r.Scene), l.ending(r.Scene, r.Ending), kindName(r.Kind), audienceName(r.Audience),
			r.Count, rate(r.Count, perBand[sceneBand{r.Scene, r.Audience}])})
	}
	v.Cards = []card{
		{ID: "starts", Label: "开始情景", Value: cellText(starts), Note: "点了发光的人或物"},
		{ID: "ended", Label: "走到结局", Value: cellText(ended), Note: "完成率 " + cellText(rate(ended, starts))},
		{ID: "declined", Label: "拒绝或求助的结局", Value: cellText(rate(ended-accepted, ended)), Note: "拒绝离开、告诉大人、转移话题"},
		{ID: "accepted", Label: "选择接受的结局", Value: cellText(rate(accepted, ended)), Note: "看到后果和求助方式"},
	}
	v.Tables = []table{ct, et}
	return v, nil
}

// orderedKinds lists the ending kinds present: the known ones in their order, then others.
func orderedKinds(set map[string]bool) []string {
	var out, other []string
	for _, k := range endingKindOrder {
		if set[k] {
			out = append(out, k)
		}
	}
	for k := range set {
		if _, known := endingKindNames[k]; !known {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}
