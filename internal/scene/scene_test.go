package scene

import (
	"reflect"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
)

func tx(s string) content.Text { return content.Text{Zh: s, En: s} }

// gate is a small scene: two hotspots, a step with two lines, a follow-up step and three
// endings, one of them accepting with a softened primary tier.
func gate() content.Scene {
	return content.Scene{
		ID: "gate", Ages: []string{content.AgePrimary, content.AgeSecondary},
		Hotspots: []content.Hotspot{{ID: "stranger", Step: "offer"}, {ID: "friend", Step: "later"}},
		Steps: []content.Step{
			{ID: "offer", Lines: []content.Line{{Text: tx("candy?")}, {Text: tx("no date on it")}},
				Choices: []content.Choice{{ID: "no", Next: "left"}, {ID: "ask", Next: "later"}, {ID: "take", Next: "ate"}}},
			{ID: "later", Lines: []content.Line{{Text: tx("sure?")}},
				Choices: []content.Choice{{ID: "tell", Next: "told"}, {ID: "take", Next: "ate"}}},
		},
		Endings: []content.Ending{
			{ID: "left", Kind: content.EndRefuse, Text: tx("you left")},
			{ID: "told", Kind: content.EndTell, Text: tx("you told")},
			{ID: "ate", Kind: content.EndAccept, Text: tx("hospital, detention"),
				Primary: &content.EndingTier{Text: tx("you felt unwell and told a grown-up")}},
		},
	}
}

func TestWalksEveryPath(t *testing.T) {
	start := time.Date(2026, 6, 26, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		hotspot, age string
		picks        []string
		ending, kind string
		text         string
		help         bool
		path         []Choice
	}{
		{"stranger", content.AgeSecondary, []string{"no"}, "left", content.EndRefuse, "you left", false,
			[]Choice{{"offer", "no", 3 * time.Second}}},
		{"stranger", content.AgeSecondary, []string{"ask", "tell"}, "told", content.EndTell, "you told", false,
			[]Choice{{"offer", "ask", 3 * time.Second}, {"later", "tell", 2 * time.Second}}},
		{"stranger", content.AgeSecondary, []string{"take"}, "ate", content.EndAccept, "hospital, detention", true,
			[]Choice{{"offer", "take", 3 * time.Second}}},
		{"stranger", content.AgePrimary, []string{"ask", "take"}, "ate", content.EndAccept, "you felt unwell and told a grown-up", true,
			[]Choice{{"offer", "ask", 3 * time.Second}, {"later", "take", 2 * time.Second}}},
		{"friend", content.AgePrimary, []string{"tell"}, "told", content.EndTell, "you told", false,
			[]Choice{{"later", "tell", 2 * time.Second}}},
	} {
		clk := kiosk.NewManualClock(start)
		w, err := Start(gate(), tc.hotspot, tc.age, clk)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range tc.picks {
			if w.MoreLines() {
				if w.Choices() != nil {
					t.Fatalf("%v: choices offered before the last line", tc.picks)
				}
				clk.Advance(time.Second)
				if !w.NextLine() {
					t.Fatal("NextLine refused a line that exists")
				}
				if len(w.Lines()) != 2 || w.Current().Text.Zh != "no date on it" {
					t.Fatalf("lines shown: %v", w.Lines())
				}
				clk.Advance(2 * time.Second)
			} else {
				clk.Advance(2 * time.Second)
			}
			if _, err := w.Choose(p); err != nil {
				t.Fatalf("%v: %v", tc.picks, err)
			}
		}
		e, ok := w.Ending()
		if !ok || e.ID != tc.ending || e.Kind != tc.kind || e.Text.Zh != tc.text || e.ShowsHelp() != tc.help {
			t.Errorf("%s %v: ending %+v (ok %v), want %s/%s %q help %v", tc.age, tc.picks, e, ok, tc.ending, tc.kind, tc.text, tc.help)
		}
		if got := w.Chosen(); !reflect.DeepEqual(got, tc.path) {
			t.Errorf("%v: chosen %+v, want %+v", tc.picks, got, tc.path)
		}
		if got := w.Path(); !reflect.DeepEqual(got, tc.picks) {
			t.Errorf("path %v, want %v", got, tc.picks)
		}
		var total time.Duration
		for _, c := range tc.path {
			total += c.After
		}
		clk.Advance(time.Minute) // the duration stops at the ending
		if w.Duration() != total {
			t.Errorf("%v: duration %v, want %v", tc.picks, w.Duration(), total)
		}
		if _, err := w.Choose("no"); err == nil {
			t.Error("a choice after the ending was accepted")
		}
	}
}

func TestRefusesWhatTheSceneDoesNotHave(t *testing.T) {
	clk := kiosk.NewManualClock(time.Now())
	if _, err := Start(gate(), "ghost", content.AgeAdult, clk); err == nil {
		t.Error("started at a hotspot the scene lacks")
	}
	broken := gate()
	broken.Hotspots[0].Step = "gone"
	if _, err := Start(broken, "stranger", content.AgeAdult, clk); err == nil {
		t.Error("started at a hotspot with no step")
	}
	w, _ := Start(gate(), "stranger", content.AgeAdult, clk)
	if _, err := w.Choose("no"); err == nil {
		t.Error("chose before the step's last line")
	}
	w.NextLine()
	if w.NextLine() {
		t.Error("went past the last line")
	}
	if _, err := w.Choose("maybe"); err == nil {
		t.Error("accepted a choice the step lacks")
	}
	dangling := gate()
	dangling.Steps[0].Choices[0].Next = "nowhere"
	w, _ = Start(dangling, "stranger", content.AgeAdult, clk)
	w.NextLine()
	if _, err := w.Choose("no"); err == nil || w.Ended() {
		t.Errorf("a choice leading nowhere: err %v, ended %v", err, w.Ended())
	}
}

func TestPaths(t *testing.T) {
	got := Paths(gate())
	want := []Path{
		{"stranger", []string{"no"}, "left"},
		{"stranger", []string{"ask", "tell"}, "told"},
		{"stranger", []string{"ask", "take"}, "ate"},
		{"stranger", []string{"take"}, "ate"},
		{"friend", []string{"tell"}, "told"},
		{"friend", []string{"take"}, "ate"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paths:\n%v\nwant\n%v", got, want)
	}
	loop := gate()
	loop.Steps[1].Choices[0].Next = "offer" // later → offer → later …
	for _, p := range Paths(loop) {
		if len(p.Choices) > 3 {
			t.Errorf("a loop was followed: %v", p)
		}
	}
}

func TestAgeOf(t *testing.T) {
	for _, tc := range []struct {
		primary bool
		picked  string
		want    string
	}{
		{true, content.AgeAdult, content.AgePrimary},
		{false, "", content.AgeSecondary},
		{false, content.AgeAdult, content.AgeAdult},
		{false, content.AgePrimary, content.AgePrimary},
		{false, "elderly", content.AgeSecondary},
	} {
		if got := AgeOf(tc.primary, tc.picked); got != tc.want {
			t.Errorf("AgeOf(%v, %q) = %q, want %q", tc.primary, tc.picked, got, tc.want)
		}
	}
}

// TestBundledScenesEnd walks every path of every bundled scene for every age band it is
// shown to: each ends, an accepting ending shows the help card, and primary visitors never
// see an accepting ending without its softened tier.
func TestBundledScenesEnd(t *testing.T) {
	cat, rep := content.Load(assets.Content())
	if err := rep.Err(); err != nil {
		t.Skipf("bundled content does not load yet: %v", err)
	}
	if len(cat.Scenes.Scenes) < 4 {
		t.Fatalf("%d bundled scenes, want at least 4", len(cat.Scenes.Scenes))
	}
	for _, sc := range cat.Scenes.Scenes {
		paths := Paths(sc)
		if len(paths) == 0 {
			t.Errorf("%s: no path", sc.ID)
		}
		for _, age := range sc.Ages {
			for _, p := range paths {
				w, err := Start(sc, p.Hotspot, age, kiosk.NewManualClock(time.Now()))
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range p.Choices {
					for w.NextLine() {
					}
					if _, err := w.Choose(c); err != nil {
						t.Fatalf("%s %v: %v", sc.ID, p, err)
					}
				}
				e, ok := w.Ending()
				if !ok || e.ID != p.Ending {
					t.Fatalf("%s %v: ended %v at %q", sc.ID, p, ok, e.ID)
				}
				if e.Kind == content.EndAccept && age == content.AgePrimary {
					orig, _ := sc.EndingByID(e.ID)
					if orig.Primary == nil || e.Text != orig.Primary.Text {
						t.Errorf("%s: primary sees the unsoftened ending %q", sc.ID, e.ID)
					}
				}
			}
		}
	}
}
