package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/internal/content"
)

const wallFixture = `intro: {zh: 写下你的承诺, en: Write your pledge}
notice: {zh: 请不要写真实姓名和联系方式, en: No names please}
phrases:
  - id: p1
    text: {zh: 珍爱生命，远离毒品, en: Cherish life}
stickers:
  - id: s1
    text: {zh: 拒绝毒品, en: Say no}
    color: "#C0392B"
`

// withWall is the minimal root with a wall zone and its file.
func withWall(wall string) fstest.MapFS {
	fsys := minimal()
	z := string(fsys["content/zones.yaml"].Data) + `  - id: wall
    kind: wall
    title: {zh: 禁毒留言, en: Message Wall}
    tagline: {zh: 写下承诺, en: Leave a pledge}
    color: "#2F7FC1"
    icon: media/i.svg
`
	fsys["content/zones.yaml"] = &fstest.MapFile{Data: []byte(z)}
	if wall != "" {
		fsys["content/wall.yaml"] = &fstest.MapFile{Data: []byte(wall)}
	}
	return fsys
}

func TestWallContent(t *testing.T) {
	cat, rep := content.Load(withWall(wallFixture))
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	if p, ok := cat.Wall.Phrase("s1"); !ok || p.Text.En != "Say no" {
		t.Fatalf("phrase s1: %+v", p)
	}
	for _, c := range []struct{ name, from, to, want string }{
		{"no pledges", "phrases:\n  - id: p1\n    text: {zh: 珍爱生命，远离毒品, en: Cherish life}\n", "phrases: []\n",
			"content/wall.yaml:3: error: phrases: the wall needs at least one ready pledge"},
		{"long sticker", "text: {zh: 拒绝毒品,", "text: {zh: 拒绝毒品拒绝毒品拒绝,",
			"stickers[0].text.zh: 10 characters; a sticker holds at most 8"},
		{"bad colour", `color: "#C0392B"`, `color: red`, `stickers[0].color: colour "red"`},
		{"shared id", "id: s1", "id: p1", `stickers[0].id: id "p1" is used twice`},
		{"no notice", "notice: {zh: 请不要写真实姓名和联系方式, en: No names please}\n", "",
			"notice: Chinese text (zh) is missing"},
	} {
		_, rep := content.Load(withWall(strings.Replace(wallFixture, c.from, c.to, 1)))
		if rep.Err() == nil || !strings.Contains(wallProblems(rep), c.want) {
			t.Errorf("%s: want %q in\n%s", c.name, c.want, wallProblems(rep))
		}
	}
	_, rep = content.Load(withWall(""))
	if !strings.Contains(wallProblems(rep), "content/wall.yaml: error: file is missing") {
		t.Errorf("a wall zone without its file: %s", wallProblems(rep))
	}
	// Without a wall zone the file is not needed; a word list must be text.
	fsys := minimal()
	fsys["content/wall-words.txt"] = &fstest.MapFile{Data: []byte{0xff, 0xfe, 'x'}}
	if _, rep := content.Load(fsys); !strings.Contains(wallProblems(rep), "content/wall-words.txt: error: not UTF-8 text") {
		t.Errorf("binary word list: %s", wallProblems(rep))
	}
	fsys["content/wall-words.txt"] = &fstest.MapFile{Data: []byte("坏词\n")}
	if _, rep := content.Load(fsys); rep.Err() != nil {
		t.Fatal(rep.Err())
	}
	if got := string(content.WallWords(fsys)); got != "坏词\n" {
		t.Fatalf("WallWords = %q", got)
	}
}

func wallProblems(rep content.Report) string {
	var b strings.Builder
	for _, p := range rep.Problems {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}
