package content_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
)

func TestBundledContentIsCompleteAndClean(t *testing.T) {
	cat, rep := content.Load(assets.Content())
	for _, p := range rep.Problems {
		t.Errorf("bundled content: %s", p)
	}
	if n := len(cat.History.Events); n < 18 {
		t.Errorf("history has %d events, want at least 18", n)
	}
	if n := len(cat.Drugs.Drugs); n < 15 {
		t.Errorf("catalogue has %d drugs, want at least 15", n)
	}
	if n := len(cat.Drugs.Categories); n != 3 {
		t.Errorf("catalogue has %d categories, want 3", n)
	}
	for _, c := range cat.Drugs.Categories {
		if len(cat.Drugs.InCategory(c.ID)) == 0 {
			t.Errorf("category %s is empty", c.ID)
		}
	}
	if n := len(cat.Cases.Cases); n < 6 {
		t.Errorf("%d cases, want at least 6", n)
	}
	if len(cat.Meta.Help.Contacts) == 0 {
		t.Error("no help contacts")
	}
	if !cat.Meta.Demo {
		t.Error("bundled content must be marked demo")
	}
	if n := len(cat.Narrations()); n < 2*(18+15+6) {
		t.Errorf("%d narration clips, want zh and en for every event, drug and case", n)
	}
}

// minimal is a small valid content root that tests break one thing at a time.
// minimalTier is the primary tier of the minimal fixture's graphic case.
const minimalTier = `    primary:
      pages:
        - {zh: 小学第一页, en: Page one for children}
      lesson: {zh: 小学启示, en: Lesson for children}
`

func minimal() fstest.MapFS {
	svg := &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 6"></svg>`)}
	ogg := &fstest.MapFile{Data: []byte("OggS fake")}
	return fstest.MapFS{
		"content/meta.yaml": {Data: []byte(`pack_id: test
version: 1
title: {zh: 标题, en: Title}
slogan: {zh: 口号, en: Slogan}
notice: {zh: 说明, en: Notice}
help:
  title: {zh: 求助, en: Help}
  body: {zh: 正文, en: Body}
  contacts:
    - label: {zh: 报警, en: Police}
      value: "110"
`)},
		"content/zones.yaml": {Data: []byte(`zones:
  - id: history
    kind: history
    title: {zh: 历史, en: History}
    tagline: {zh: 一行, en: A line}
    color: "#C98A2E"
    icon: media/i.svg
`)},
		"content/attract.yaml": {Data: []byte(`slides:
  - id: a
    title: {zh: 欢迎, en: Welcome}
    body: {zh: 正文, en: Body}
    image: media/i.svg
`)},
		"content/history.yaml": {Data: []byte(`eras:
  - id: old
    title: {zh: 古代, en: Old}
    from: 1800
    to: 1900
events:
  - id: first
    date: "1839-06-03"
    date_label: {zh: 1839年, en: "1839"}
    era: old
    title: {zh: 事件, en: Event}
    body: {zh: 正文, en: Body}
    image: media/i.svg
    narration: {zh: media/a.ogg, en: media/a.ogg}
    source: test
  - id: second
    date: "1840"
    date_label: {zh: 1840年, en: "1840"}
    era: old
    title: {zh: 事件二, en: Event two}
    body: {zh: 正文, en: Body}
    image: media/i.svg
    narration: {zh: media/a.ogg, en: media/a.ogg}
    source: test
`)},
		"content/drugs.yaml": {Data: []byte(`categories:
  - id: traditional
    title: {zh: 传统, en: Traditional}
    summary: {zh: 简介, en: Summary}
drugs:
  - id: opium
    category: traditional
    name: {zh: 鸦片, en: Opium}
    appearance: {zh: 外观, en: Looks}
    harms: {zh: 危害, en: Harms}
    legal: {zh: 法律, en: Law}
    disguise: {zh: 伪装, en: Disguise}
    image: media/i.svg
    narration: {zh: media/a.ogg}
    source: test
`)},
		"content/disguises.yaml": {Data: []byte(`intro: {zh: 介绍, en: Intro}
items:
  - id: a
    name: {zh: 甲, en: A}
    image: media/i.svg
    suspicious: true
    clues: {zh: 线索, en: Clues}
    why: {zh: 原因, en: Why}
  - id: b
    name: {zh: 乙, en: B}
    image: media/i.svg
    suspicious: false
    clues: {zh: 线索, en: Clues}
    why: {zh: 原因, en: Why}
`)},
		"content/cases.yaml": {Data: []byte(`notice: {zh: 示意, en: Illustrative}
cases:
  - id: one
    title: {zh: 故事, en: Story}
    summary: {zh: 摘要, en: Summary}
    graphic: true
    image: media/i.svg
    image_soft: media/i.svg
    pages:
      - {zh: 第一页, en: Page one}
    lesson: {zh: 启示, en: Lesson}
    narration: {zh: media/a.ogg, en: media/a.ogg}
    source: test
` + minimalTier)},
		"media/i.svg": svg,
		"media/a.ogg": ogg,
	}
}

func TestMinimalFixtureHasOnlyTheExpectedWarning(t *testing.T) {
	_, rep := content.Load(minimal())
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	// The fixture's drug has no English narration on purpose.
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].String(), "content/drugs.yaml:14: warning: drugs[0].narration.en") {
		t.Fatalf("problems = %v", rep.Problems)
	}
}

func TestBrokenContentIsReportedByFileAndLine(t *testing.T) {
	cases := []struct {
		name  string
		file  string
		from  string
		to    string
		want  string // substring of one problem
		fatal bool   // is an error (not a warning)
	}{
		{"missing english", "content/history.yaml", "title: {zh: 事件, en: Event}", "title: {zh: 事件}",
			"content/history.yaml:11: warning: events[0].title: English text (en) is missing", false},
		{"missing chinese", "content/drugs.yaml", "name: {zh: 鸦片, en: Opium}", "name: {en: Opium}",
			"content/drugs.yaml:8: error: drugs[0].name: Chinese text (zh) is missing", true},
		{"unknown field", "content/drugs.yaml", "harms:", "harmz:",
			`content/drugs.yaml:10: error: drugs[0].harmz: unknown field "harmz"`, true},
		{"undefined era", "content/history.yaml", "era: old\n    title: {zh: 事件,", "era: new\n    title: {zh: 事件,",
			`content/history.yaml:10: error: events[0].era: era "new" is not defined`, true},
		{"era years", "content/history.yaml", `date: "1840"`, `date: "1950"`,
			`content/history.yaml:19: error: events[1].era: event year 1950 is outside era "old"`, true},
		{"date order", "content/history.yaml", `date: "1840"`, `date: "1838"`,
			`content/history.yaml:17: error: events[1].date: event "second" (1838) is out of date order`, true},
		{"bad date", "content/history.yaml", `date: "1840"`, `date: "1840-13"`,
			`content/history.yaml:17: error: events[1].date: date "1840-13"`, true},
		{"duplicate id", "content/history.yaml", "id: second", "id: first",
			`content/history.yaml:16: error: events[1].id: id "first" is used twice`, true},
		{"missing image", "content/drugs.yaml", "image: media/i.svg", "image: media/nope.svg",
			`content/drugs.yaml:13: error: drugs[0].image: "media/nope.svg": cannot read media file`, true},
		{"path escape", "content/drugs.yaml", "image: media/i.svg", "image: ../etc/passwd.svg",
			`content/drugs.yaml:13: error: drugs[0].image: "../etc/passwd.svg" is not a relative path`, true},
		{"unknown category", "content/drugs.yaml", "category: traditional", "category: modern",
			`content/drugs.yaml:7: error: drugs[0].category: category "modern" is not defined`, true},
		{"graphic without soft image", "content/cases.yaml", "    image_soft: media/i.svg\n", "",
			`content/cases.yaml:3: error: cases[0].image_soft: a graphic case needs a softened image`, true},
		{"broken yaml", "content/zones.yaml", "kind: history", "kind: [history",
			"content/zones.yaml:2: error: not valid YAML: yaml: line 2: did not find expected", true},
		{"wrong type", "content/history.yaml", "from: 1800", "from: early",
			"content/history.yaml:4: error: wrong type", true},
		{"unknown zone kind", "content/zones.yaml", "kind: history", "kind: arcade",
			`content/zones.yaml:3: error: zones[0].kind: unknown kind "arcade"`, true},
		{"bad colour", "content/zones.yaml", `color: "#C98A2E"`, `color: orange`,
			`content/zones.yaml:6: error: zones[0].color: colour "orange"`, true},
		{"one-sided game", "content/disguises.yaml", "suspicious: false", "suspicious: true",
			"content/disguises.yaml:2: error: items: the game needs both suspicious and ordinary items", true},
		{"missing source", "content/history.yaml", "source: test\n  - id: second", "source: \"\"\n  - id: second",
			"content/history.yaml:15: error: events[0].source: every dated fact needs its source", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := minimal()
			orig := string(fsys[tc.file].Data)
			if !strings.Contains(orig, tc.from) {
				t.Fatalf("fixture %s has no %q", tc.file, tc.from)
			}
			fsys[tc.file] = &fstest.MapFile{Data: []byte(strings.Replace(orig, tc.from, tc.to, 1))}
			_, rep := content.Load(fsys)
			var got []string
			found := false
			for _, p := range rep.Problems {
				got = append(got, p.String())
				if strings.Contains(p.String(), tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("want a problem containing\n  %s\ngot\n  %s", tc.want, strings.Join(got, "\n  "))
			}
			if (rep.Err() != nil) != tc.fatal {
				t.Errorf("Err() = %v, want fatal=%v", rep.Err(), tc.fatal)
			}
		})
	}
}

func TestMissingFileAndCorruptMedia(t *testing.T) {
	fsys := minimal()
	delete(fsys, "content/cases.yaml")
	fsys["media/a.ogg"] = &fstest.MapFile{Data: []byte("not audio")}
	_, rep := content.Load(fsys)
	want := []string{"content/cases.yaml: error: file is missing", `"media/a.ogg" is not an Ogg file`}
	all := ""
	for _, p := range rep.Problems {
		all += p.String() + "\n"
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in\n%s", w, all)
		}
	}
}

func TestCaptionAndLanguageFallback(t *testing.T) {
	if got := (content.Text{Zh: "中"}).In(content.En); got != "中" {
		t.Errorf("fallback = %q", got)
	}
	got := content.Caption(content.Zh, content.Text{Zh: "需要帮助？"}, content.Text{Zh: "请拨打110"})
	if got != "需要帮助？请拨打110。" {
		t.Errorf("caption = %q", got)
	}
	got = content.Caption(content.En, content.Text{En: "Opium"}, content.Text{En: "Dark paste."})
	if got != "Opium. Dark paste." {
		t.Errorf("caption = %q", got)
	}
}

func BenchmarkLoadBundled(b *testing.B) {
	root := assets.Content()
	b.ReportAllocs()
	for b.Loop() {
		if _, rep := content.Load(root); rep.Err() != nil {
			b.Fatal(rep.Err())
		}
	}
}

var _ fs.FS = fstest.MapFS{}
