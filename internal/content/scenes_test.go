package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/internal/content"
)

// scenesYAML is a valid scenes file for the minimal fixture: two hotspots, two steps, three
// endings, the accepting one softened for primary.
const scenesYAML = `intro: {zh: 介绍, en: Intro}
refusal: {zh: 我不要，谢谢！, en: No thanks!}
scenes:
  - id: gate
    title: {zh: 校门口, en: Gate}
    summary: {zh: 简介, en: Summary}
    ages: [primary, secondary]
    panorama: media/i.svg
    start_yaw: 90
    hotspots:
      - id: stranger
        label: {zh: 陌生人, en: Stranger}
        yaw: 200
        pitch: 0
        step: offer
      - id: friend
        label: {zh: 朋友, en: Friend}
        yaw: 100
        pitch: -5
        step: later
    steps:
      - id: offer
        lines:
          - speaker: {zh: 陌生人, en: Stranger}
            text: {zh: 要糖吗, en: Candy}
            narration: {zh: media/a.ogg, en: media/a.ogg}
        choices:
          - id: no
            text: {zh: 不要, en: No}
            next: left
          - id: ask
            text: {zh: 问问, en: Ask}
            next: later
      - id: later
        lines:
          - text: {zh: 旁白, en: Narrator}
            narration: {zh: media/a.ogg, en: media/a.ogg}
        choices:
          - id: tell
            text: {zh: 告诉老师, en: Tell}
            next: told
          - id: take
            text: {zh: 收下, en: Take}
            next: ate
    endings:
      - id: left
        kind: refuse
        title: {zh: 离开, en: Left}
        text: {zh: 你离开了, en: You left}
        lesson: {zh: 启示, en: Lesson}
        narration: {zh: media/a.ogg, en: media/a.ogg}
      - id: told
        kind: tell
        title: {zh: 告诉, en: Told}
        text: {zh: 你告诉了, en: You told}
        lesson: {zh: 启示, en: Lesson}
        narration: {zh: media/a.ogg, en: media/a.ogg}
      - id: ate
        kind: accept
        title: {zh: 吃了, en: Ate}
        text: {zh: 后果, en: What follows}
        lesson: {zh: 求助, en: Get help}
        narration: {zh: media/a.ogg, en: media/a.ogg}
        primary:
          text: {zh: 不舒服, en: Unwell}
          lesson: {zh: 告诉大人, en: Tell a grown-up}
          narration: {zh: media/a.ogg, en: media/a.ogg}
`

func withScenes() fstest.MapFS {
	fsys := minimal()
	fsys["content/scenes.yaml"] = &fstest.MapFile{Data: []byte(scenesYAML)}
	zones := string(fsys["content/zones.yaml"].Data) + `  - id: scenes
    kind: scenes
    title: {zh: 情景体验, en: Scenes}
    tagline: {zh: 一行, en: A line}
    color: "#2F7FC1"
    icon: media/i.svg
`
	fsys["content/zones.yaml"] = &fstest.MapFile{Data: []byte(zones)}
	return fsys
}

func TestScenesLoad(t *testing.T) {
	cat, rep := content.Load(withScenes())
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	sc := cat.Scenes.Scenes[0]
	if len(sc.Hotspots) != 2 || len(sc.Steps) != 2 || len(sc.Endings) != 3 || sc.StartYaw != 90 {
		t.Fatalf("scene = %+v", sc)
	}
	if got := len(cat.Scenes.ForAge(content.AgeAdult)); got != 0 {
		t.Errorf("%d scenes for adults, want 0", got)
	}
	e, _ := sc.EndingByID("ate")
	if e.For(content.AgePrimary).Text.Zh != "不舒服" || e.For(content.AgeSecondary).Text.Zh != "后果" || !e.ShowsHelp() {
		t.Errorf("ending tiers: %+v", e)
	}
	var lines int
	for _, n := range cat.Narrations() {
		if n.Text == "要糖吗。" || n.Text == "吃了。不舒服。告诉大人。" {
			lines++
		}
	}
	if lines != 2 {
		t.Errorf("scene narrations not listed with their text: %v", cat.Narrations())
	}
	// Without the file and without a scenes zone, a root is still whole (older packs).
	old := minimal()
	if _, rep := content.Load(old); rep.Err() != nil {
		t.Errorf("a root without scenes.yaml: %v", rep.Err())
	}
}

func TestBrokenScenesAreReportedByLine(t *testing.T) {
	for _, tc := range []struct {
		name, from, to, want string
		fatal                bool
	}{
		{"hotspot without target", "step: later\n    steps:", "step: nowhere\n    steps:",
			`content/scenes.yaml:20: error: scenes[0].hotspots[1].step: hotspot "friend" has no target: step "nowhere"`, true},
		{"choice leads nowhere", "next: left", "next: gone",
			`content/scenes.yaml:30: error: scenes[0].steps[0].choices[0].next: choice "no" leads nowhere`, true},
		{"loop", "next: told", "next: offer",
			`error: scenes[0].steps[0]: the story loops back to step "offer": every branch must end`, true},
		{"one choice", "          - id: ask\n            text: {zh: 问问, en: Ask}\n            next: later\n", "",
			"content/scenes.yaml:27: error: scenes[0].steps[0].choices: a step needs 2 to 4 choices (has 1)", true},
		{"line without narration", "text: {zh: 要糖吗, en: Candy}\n            narration: {zh: media/a.ogg, en: media/a.ogg}",
			"text: {zh: 要糖吗, en: Candy}", "error: scenes[0].steps[0].lines[0].narration.zh: media file is missing", true},
		{"line without english", "text: {zh: 要糖吗, en: Candy}", "text: {zh: 要糖吗}",
			"content/scenes.yaml:25: warning: scenes[0].steps[0].lines[0].text: English text (en) is missing", false},
		{"unsoftened accepting ending for primary", "        primary:\n          text: {zh: 不舒服, en: Unwell}\n          lesson: {zh: 告诉大人, en: Tell a grown-up}\n          narration: {zh: media/a.ogg, en: media/a.ogg}\n", "",
			"error: scenes[0].endings[2].primary: an accepting ending of a scene shown to primary needs a softened primary tier", true},
		{"unknown age", "ages: [primary, secondary]", "ages: [primary, toddler]",
			`content/scenes.yaml:7: error: scenes[0].ages[1]: unknown age band "toddler"`, true},
		{"unknown ending kind", "kind: tell", "kind: shrug",
			`error: scenes[0].endings[1].kind: unknown ending kind "shrug"`, true},
		{"pitch out of range", "pitch: -5", "pitch: -50",
			"content/scenes.yaml:19: error: scenes[0].hotspots[1].pitch: pitch -50 must lie within ±30 degrees", true},
		{"yaw out of range", "yaw: 200", "yaw: 360",
			"content/scenes.yaml:13: error: scenes[0].hotspots[0].yaw: yaw 360 must be a direction", true},
		{"unreached ending", "next: told", "next: left",
			`warning: scenes[0].endings[1]: no choice leads to ending "told"`, false},
		{"no safe ending", "kind: refuse", "kind: deflect",
			"", false}, // still has a tell ending: no problem
		{"step and ending share an id", "      - id: told\n", "      - id: later\n",
			`error: scenes[0].endings[1].id: id "later" is used twice`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := withScenes()
			if !strings.Contains(scenesYAML, tc.from) {
				t.Fatalf("fixture has no %q", tc.from)
			}
			fsys["content/scenes.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(scenesYAML, tc.from, tc.to, 1))}
			_, rep := content.Load(fsys)
			var got []string
			found := tc.want == ""
			for _, p := range rep.Problems {
				got = append(got, p.String())
				found = found || strings.Contains(p.String(), tc.want)
			}
			if !found {
				t.Errorf("want a problem containing\n  %s\ngot\n  %s", tc.want, strings.Join(got, "\n  "))
			}
			if (rep.Err() != nil) != tc.fatal {
				t.Errorf("Err() = %v, want fatal=%v", rep.Err(), tc.fatal)
			}
		})
	}
	t.Run("deep path", func(t *testing.T) {
		deep := strings.Replace(scenesYAML, "            next: told\n", "            next: s3\n", 1) // later → s3 → s4 → told
		deep = strings.Replace(deep, "    endings:\n", `      - id: s3
        lines:
          - text: {zh: 三, en: Three}
            narration: {zh: media/a.ogg, en: media/a.ogg}
        choices:
          - {id: a, text: {zh: 甲, en: A}, next: s4}
          - {id: b, text: {zh: 乙, en: B}, next: left}
      - id: s4
        lines:
          - text: {zh: 四, en: Four}
            narration: {zh: media/a.ogg, en: media/a.ogg}
        choices:
          - {id: a, text: {zh: 甲, en: A}, next: told}
          - {id: b, text: {zh: 乙, en: B}, next: left}
    endings:
`, 1)
		fsys := withScenes()
		fsys["content/scenes.yaml"] = &fstest.MapFile{Data: []byte(deep)}
		_, rep := content.Load(fsys)
		if err := rep.Err(); err == nil || !strings.Contains(err.Error()+allProblems(rep), `step "s4" is step 4 of a path`) {
			t.Errorf("a 4-step path: %v\n%s", err, allProblems(rep))
		}
	})
	t.Run("scenes zone without the file", func(t *testing.T) {
		fsys := withScenes()
		delete(fsys, "content/scenes.yaml")
		_, rep := content.Load(fsys)
		if !strings.Contains(allProblems(rep), `content/scenes.yaml: error: file is missing (a zone of its kind is on the home screen)`) {
			t.Errorf("problems:\n%s", allProblems(rep))
		}
	})
}

func allProblems(rep content.Report) string {
	var b strings.Builder
	for _, p := range rep.Problems {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}
