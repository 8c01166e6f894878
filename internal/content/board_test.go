package content_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
)

// boardOverlay is the bundled content with some files replaced (or removed: nil data).
type boardOverlay struct {
	base  fs.FS
	files map[string][]byte
}

func (o boardOverlay) Open(name string) (fs.File, error) {
	if data, ok := o.files[name]; ok {
		if data == nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return fstest.MapFS{name: {Data: data}}.Open(name)
	}
	return o.base.Open(name)
}

func TestBundledBoard(t *testing.T) {
	cat, rep := content.Load(assets.Content())
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	b := cat.Board
	if n := len(b.Squares); n < 24 || n > 32 {
		t.Errorf("the board has %d squares, the issue asks for 24 to 32", n)
	}
	kinds := map[string]int{}
	for _, sq := range b.Squares {
		kinds[sq.Kind]++
	}
	for _, k := range []string{"start", "question", "scenario", "fact", "trap", "sunshine"} {
		if kinds[k] == 0 {
			t.Errorf("no %s square", k)
		}
	}
	if _, ok := cat.Zone("board"); !ok {
		t.Error("no board zone on the home screen")
	}
	for _, f := range b.Facts {
		if f.Source == "" {
			t.Errorf("fact %s has no source", f.ID)
		}
	}
}

func TestBrokenBoardIsReportedByFileAndLine(t *testing.T) {
	orig, err := fs.ReadFile(assets.Content(), content.FileBoard)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		from, to string
		want     string // the message after "content/board.yaml:LINE: error: "; LINE is where `to` is
	}{
		{"start not first", "kind: start, place: {zh: \"花果园\"", "kind: fact, place: {zh: \"花果园\"",
			"squares[0].kind: the first square is where tokens start"},
		{"unknown kind", "{id: dashizi, kind: trap", "{id: dashizi, kind: casino",
			`squares[5].kind: unknown square kind "casino"`},
		{"rules out of range", "trap_back: 2 ", "trap_back: 0 ", "rules.trap_back: trap_back is 0; it must be 1 to 6"},
		{"unknown disguise", "disguise: popping-candy", "disguise: lollipop",
			`traps[1].disguise: disguise "lollipop" is not a suspicious item of content/disguises.yaml`},
		{"ordinary item as trap", "disguise: popping-candy", "disguise: packaged-candy",
			`traps[1].disguise: disguise "packaged-candy" is not a suspicious item`},
		{"fact without source", `source: "新华网 2024"`, `source: ""`, "facts[1].source: every knowledge card needs its source"},
		{"unknown age band", "audiences: [primary, secondary]\n    title: {zh: \"青骄", "audiences: [primary, toddler]\n    title: {zh: \"青骄",
			`facts[4].audiences[1]: unknown age band "toddler"`},
		{"all responses safe", "safe: true\n        feedback: {zh: \"很好！", "safe: true\n        feedback: {zh: \"很好！",
			""}, // placeholder row replaced below
		{"missing english", `place: {zh: "南明河", en: "Nanming River"}`, `place: {zh: "南明河"}`,
			"squares[1].place: English text (en) is missing"},
	}
	cases[7] = struct {
		name     string
		from, to string
		want     string
	}{"all responses safe", "      - text: {zh: \"应该没事，一口喝完\", en: \"It's probably fine: drink it all\"}\n",
		"      - text: {zh: \"应该没事，一口喝完\", en: \"It's probably fine: drink it all\"}\n        safe: true\n",
		"scenarios[3].responses: some responses must be safe (safe: true) and some not (has 2 of 2 safe)"}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := string(orig)
			at := strings.Index(text, tc.from)
			if at < 0 {
				t.Fatalf("board.yaml has no %q", tc.from)
			}
			text = text[:at] + tc.to + text[at+len(tc.from):]
			_, rep := content.Load(boardOverlay{assets.Content(), map[string][]byte{content.FileBoard: []byte(text)}})
			all := fmt.Sprint(rep.Problems)
			if !strings.Contains(all, tc.want) {
				t.Fatalf("want %q in\n%s", tc.want, all)
			}
			for _, p := range rep.Problems {
				if strings.Contains(p.String(), tc.want) && p.File != content.FileBoard {
					t.Errorf("%s is reported in %s", tc.want, p.File)
				}
				if strings.Contains(p.String(), tc.want) && p.Line == 0 {
					t.Errorf("%s has no line", tc.want)
				}
			}
		})
	}
	// The line is the field's own: a square's kind on the square's line.
	text := strings.Replace(string(orig), "{id: dashizi, kind: trap", "{id: dashizi, kind: casino", 1)
	line := strings.Count(text[:strings.Index(text, "id: dashizi")], "\n") + 1
	_, rep := content.Load(boardOverlay{assets.Content(), map[string][]byte{content.FileBoard: []byte(text)}})
	want := fmt.Sprintf("content/board.yaml:%d: error: squares[5].kind", line)
	if !strings.Contains(fmt.Sprint(rep.Problems), want) {
		t.Errorf("want %q in %v", want, rep.Problems)
	}
}

func TestBoardDecksCoverEveryAgeBand(t *testing.T) {
	orig, _ := fs.ReadFile(assets.Content(), content.FileBoard)
	// Without sunshine cards for primary groups, a primary game could not play its squares.
	text := strings.Replace(string(orig), "  - id: tell-an-adult\n", "  - id: tell-an-adult\n    audiences: [adult]\n", 1)
	text = strings.Replace(text, "  - id: call-110\n", "  - id: call-110\n    audiences: [secondary]\n", 1)
	_, rep := content.Load(boardOverlay{assets.Content(), map[string][]byte{content.FileBoard: []byte(text)}})
	if want := "sunshine: the board has sunshine squares but no card in sunshine for age band primary"; !strings.Contains(fmt.Sprint(rep.Problems), want) {
		t.Errorf("want %q in %v", want, rep.Problems)
	}
}

func TestBoardFileIsOptionalButABoardZoneNeedsIt(t *testing.T) {
	_, rep := content.Load(boardOverlay{assets.Content(), map[string][]byte{content.FileBoard: nil}})
	if want := "content/board.yaml: error: file is missing (a zone of its kind is on the home screen)"; !strings.Contains(fmt.Sprint(rep.Problems), want) {
		t.Errorf("want %q in %v", want, rep.Problems)
	}
	// A root without a board zone and without the file is fine (older packs).
	cat, rep := content.Load(minimal())
	if rep.Err() != nil || cat.Board.Present() {
		t.Errorf("minimal root: %v, board %v", rep.Problems, cat.Board.Present())
	}
	// Too few squares, on a root with a board zone.
	fsys := minimal()
	fsys[content.FileZones] = &fstest.MapFile{Data: append(fsys[content.FileZones].Data, []byte(`  - id: board
    kind: board
    title: {zh: 棋, en: Board}
    tagline: {zh: 一行, en: A line}
    color: "#3A6FD8"
    icon: media/i.svg
`)...)}
	fsys[content.FileBoard] = &fstest.MapFile{Data: []byte("title: {zh: 棋, en: Board}\nsquares:\n  - {id: a, kind: start, place: {zh: 起点, en: Start}}\n")}
	_, rep = content.Load(fsys)
	if want := "content/board.yaml:2: error: squares: the board has 1 squares; it needs 12 to 40"; !strings.Contains(fmt.Sprint(rep.Problems), want) {
		t.Errorf("want %q in %v", want, rep.Problems)
	}
}
