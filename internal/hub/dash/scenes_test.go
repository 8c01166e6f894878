package dash

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/hub"
)

const testScenesYAML = `
scenes:
  - id: ktv
    title: {zh: "KTV里的生日会", en: "A birthday at a KTV"}
    steps:
      - id: offer
        lines:
          - speaker: {zh: "阿明", en: "Ming"}
            text: {zh: "来，尝尝这个新饮料，可带劲了！", en: "Try this new drink!"}
        choices:
          - {id: refuse, text: {zh: "我不要，谢谢！", en: "No, thanks!"}, next: leave}
          - {id: accept, text: {zh: "尝一口", en: "Take a sip"}, next: fine}
    endings:
      - {id: leave, kind: refuse, title: {zh: "你离开了包间", en: "You left"}}
      - {id: fine, kind: accept, title: {zh: "头晕的夜晚", en: "A dizzy night"}}
`

// seedScenes adds kiosk-01's 情景体验 events to the seeded store. Counted by hand:
// 3 starts (adult); on step offer adult picked refuse 2, accept 1 (66.7% / 33.3% of
// adult picks), secondary refuse 1 (100%); endings adult leave 2, fine 1.
func seedScenes(t *testing.T, d *Dashboard) {
	t.Helper()
	ev := func(seq int64, typ, payload string) eventlog.Event {
		w := time.Date(2026, 6, 1, 11, int(seq-100), 0, 0, time.UTC)
		return eventlog.Event{ID: fmt.Sprintf("kiosk-01-%d", seq), KioskID: "kiosk-01", SessionID: "s", Seq: seq, WallTime: w,
			BootID: "b", Type: typ, Zone: "scenes", Item: "ktv", ContentVersion: "c", AppVersion: "a",
			Payload: json.RawMessage(payload)}
	}
	events := []eventlog.Event{
		ev(101, "scene_start", `{"hotspot":"ming","audience":"adult"}`),
		ev(102, "scene_choice", `{"step":"offer","choice":"refuse","audience":"adult"}`),
		ev(103, "scene_end", `{"ending":"leave","kind":"refuse","audience":"adult"}`),
		ev(104, "scene_start", `{"hotspot":"ming","audience":"adult"}`),
		ev(105, "scene_choice", `{"step":"offer","choice":"refuse","audience":"adult"}`),
		ev(106, "scene_end", `{"ending":"leave","kind":"refuse","audience":"adult"}`),
		ev(107, "scene_start", `{"hotspot":"ming","audience":"adult"}`),
		ev(108, "scene_choice", `{"step":"offer","choice":"accept","audience":"adult"}`),
		ev(109, "scene_end", `{"ending":"fine","kind":"accept","audience":"adult"}`),
		ev(110, "scene_choice", `{"step":"offer","choice":"refuse","audience":"secondary"}`),
	}
	if _, _, err := d.Store.Insert(context.Background(), "kiosk-01", events); err != nil {
		t.Fatal(err)
	}
}

func TestScenesPage(t *testing.T) {
	d, srv, _ := newTestDash(t)
	seedScenes(t, d)
	b := newBrowser(t, srv.URL)
	login(t, b)

	// Without the content: the ids.
	_, page := b.do("GET", "/dash/scenes", nil, nil)
	for _, want := range []string{
		`id="card-starts"><div class="label">开始情景</div><div class="value">3</div>`,
		`<div class="value">3</div><div class="cnote">完成率 100.0%</div>`,
		`id="card-accepted"><div class="label">选择接受的结局</div><div class="value">33.3%</div>`,
		`<td>ktv</td><td>offer</td><td>refuse</td><td>成人</td><td class="num">2</td><td class="num">66.7%</td>`,
		`<td>ktv</td><td>offer</td><td>refuse</td><td>中学</td><td class="num">1</td><td class="num">100.0%</td>`,
		`<td>ktv</td><td>fine</td><td>接受了</td><td>成人</td><td class="num">1</td><td class="num">33.3%</td>`,
		`id="chart-choices-ktv"`, `id="chart-endings"`, "未加载内容包",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("scenes page without labels: no %q", want)
		}
	}

	labels, err := ParseSceneLabels([]byte(testScenesYAML))
	if err != nil {
		t.Fatal(err)
	}
	d.Scenes = labels
	_, page = b.do("GET", "/dash/scenes", nil, nil)
	for _, want := range []string{
		`<td>KTV里的生日会</td><td>阿明：来，尝尝这个新饮料，可带劲了…</td><td>我不要，谢谢！</td><td>成人</td><td class="num">2</td><td class="num">66.7%</td>`,
		`<td>KTV里的生日会</td><td>你离开了包间</td><td>拒绝离开</td><td>成人</td><td class="num">2</td><td class="num">66.7%</td>`,
		"KTV里的生日会：各年龄段的选择",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("scenes page with labels: no %q", want)
		}
	}
	if strings.Contains(page, "未加载内容包") {
		t.Error("the note about missing labels is shown with labels loaded")
	}
	// The chart of ktv: one bar per response, a series per band with the share.
	spec := chartSpec(t, page, "choices-ktv")
	if len(spec.X) != 2 {
		t.Fatalf("chart bars %q, want 2", spec.X)
	}
	refuse := 0
	if strings.HasSuffix(spec.X[1], "我不要，谢谢！") {
		refuse = 1
	}
	if spec.X[refuse] != "阿明：来，尝尝这个新饮料，可带劲了… → 我不要，谢谢！" || spec.X[1-refuse] != "阿明：来，尝尝这个新饮料，可带劲了… → 尝一口" {
		t.Errorf("chart bars %q", spec.X)
	}
	shares := map[string][]float64{}
	for _, s := range spec.Series {
		shares[s.Name] = s.Data
	}
	if got := shares["成人"]; len(got) != 2 || got[refuse] != 0.6667 || got[1-refuse] != 0.3333 {
		t.Errorf("adult shares %v (refuse at %d)", got, refuse)
	}
	if got := shares["中学"]; len(got) != 2 || got[refuse] != 1 || got[1-refuse] != 0 {
		t.Errorf("secondary shares %v", got)
	}

	if _, err := ParseSceneLabels([]byte("scenes: [")); err == nil || !strings.Contains(err.Error(), "scenes.yaml") {
		t.Errorf("broken YAML: %v", err)
	}
	if _, err := ParseSceneLabels([]byte("intro: {zh: 你好}\n")); err == nil || !strings.Contains(err.Error(), "no scenes") {
		t.Errorf("no scenes: %v", err)
	}
}

// chartSpec reads the data-spec of the chart with id from a page.
func chartSpec(t *testing.T, page, id string) chart {
	t.Helper()
	_, rest, ok := strings.Cut(page, `id="chart-`+id+`" data-spec="`)
	if !ok {
		t.Fatalf("no chart %s", id)
	}
	raw, _, _ := strings.Cut(rest, `"`)
	raw = strings.NewReplacer("&#34;", `"`, "&quot;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#43;", "+", "&#39;", "'").Replace(raw)
	var c chart
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		t.Fatalf("chart %s: %v in %s", id, err, raw)
	}
	return c
}

// seedSceneWalks adds kiosk-02's walks through the bundled scenes: per scene and
// age band it is shown to, a few visitors tap a hotspot and pick responses at random to an
// ending, and it returns the scenes' labels. For the browser test's charts.
func seedSceneWalks(t *testing.T, s hub.Store) *SceneLabels {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "assets", "content", "content", "scenes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var sc content.Scenes
	if err := yaml.Unmarshal(data, &sc); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 16))
	var events []eventlog.Event
	at := time.Date(2026, 5, 20, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	add := func(typ, item, payload string) {
		n := int64(len(events) + 1000) // after the seeded events of kiosk-02
		events = append(events, eventlog.Event{ID: fmt.Sprintf("kiosk-02-%d", n), KioskID: "kiosk-02", SessionID: "v",
			Seq: n, WallTime: at.Add(time.Duration(n) * time.Minute), BootID: "b", Type: typ, Zone: "scenes", Item: item,
			ContentVersion: "c", AppVersion: "a", Payload: json.RawMessage(payload)})
	}
	for _, scene := range sc.Scenes {
		for _, age := range scene.Ages {
			for range 6 + rng.IntN(10) {
				h := scene.Hotspots[rng.IntN(len(scene.Hotspots))]
				add("scene_start", scene.ID, fmt.Sprintf(`{"hotspot":%q,"audience":%q}`, h.ID, age))
				step, _ := scene.StepByID(h.Step)
				for range 4 {
					c := step.Choices[rng.IntN(len(step.Choices))]
					add("scene_choice", scene.ID, fmt.Sprintf(`{"step":%q,"choice":%q,"audience":%q}`, step.ID, c.ID, age))
					if next, ok := scene.StepByID(c.Next); ok {
						step = next
						continue
					}
					e, _ := scene.EndingByID(c.Next)
					add("scene_end", scene.ID, fmt.Sprintf(`{"ending":%q,"kind":%q,"audience":%q}`, e.ID, e.Kind, age))
					break
				}
			}
		}
	}
	if _, _, err := s.Insert(context.Background(), "kiosk-02", events); err != nil {
		t.Fatal(err)
	}
	return LabelsFromScenes(sc)
}
