package content

import (
	"fmt"
	"strings"

	"github.com/jindu-edu/kiosk/internal/lint"
)

// FileBoard is the 禁毒大富翁 board game, read when a zone of kind board is on the home
// screen (then it must be there).
const FileBoard = "content/board.yaml"

// KindBoard is the zone kind of the board game.
const KindBoard = "board"

// Square kinds of the board.
const (
	SquareStart    = "start"    // 起点: a bonus each time a token passes or lands
	SquareQuestion = "question" // 知识题: a question from the quiz bank
	SquareScenario = "scenario" // 情景卡: someone offers something; pick the response
	SquareFact     = "fact"     // 知识卡: a fact with its source
	SquareTrap     = "trap"     // 陷阱: a lure in disguise; go back, with the lesson
	SquareSunshine = "sunshine" // 阳光驿站: help and recovery; only ever helps
)

// squareKinds in the order the format documents them.
var squareKinds = []string{SquareStart, SquareQuestion, SquareScenario, SquareFact, SquareTrap, SquareSunshine}

// BoardAudiences are the age bands a card can be limited to (the quiz bank's audiences).
var BoardAudiences = []string{"primary", "secondary", "adult"}

// Board is the board game: its rules, the squares in walking order (the first is the
// start) and the card decks the squares draw from.
type Board struct {
	Title     Text           `yaml:"title"`
	Intro     Text           `yaml:"intro"`
	Rules     BoardRules     `yaml:"rules"`
	Squares   []BoardSquare  `yaml:"squares"`
	Scenarios []ScenarioCard `yaml:"scenarios"`
	Facts     []FactCard     `yaml:"facts"`
	Traps     []TrapCard     `yaml:"traps"`
	Sunshine  []SunshineCard `yaml:"sunshine"`
}

// Present reports whether the content root has a board.
func (b Board) Present() bool { return len(b.Squares) > 0 }

// BoardRules are the numbers of the game, which staff may change.
type BoardRules struct {
	StartBonus     int `yaml:"start_bonus"`     // points for passing or landing on the start
	QuestionPoints int `yaml:"question_points"` // a right answer
	QuestionSteps  int `yaml:"question_steps"`  // squares forward after a right answer
	ScenarioPoints int `yaml:"scenario_points"` // a safe response
	FactPoints     int `yaml:"fact_points"`     // reading a knowledge card
	TrapBack       int `yaml:"trap_back"`       // squares back on a trap
	SunshinePoints int `yaml:"sunshine_points"` // a sunshine square
	Rounds         int `yaml:"rounds"`          // turns per team before the game ends
}

// BoardSquare is one square of the walk.
type BoardSquare struct {
	ID    string `yaml:"id"`
	Kind  string `yaml:"kind"`
	Place Text   `yaml:"place"` // the Guiyang place the square stands for
	Image string `yaml:"image"` // optional illustration
}

// ScenarioCard is a situation where someone offers something, with responses to pick.
type ScenarioCard struct {
	ID        string     `yaml:"id"`
	Audiences []string   `yaml:"audiences"` // empty: every age band
	Situation Text       `yaml:"situation"`
	Responses []Response `yaml:"responses"`
	Lesson    Text       `yaml:"lesson"` // the refusal skill the card teaches
}

// Response is one answer to a situation; Safe marks the responses that keep you safe.
type Response struct {
	Text     Text `yaml:"text"`
	Safe     bool `yaml:"safe"`
	Feedback Text `yaml:"feedback"`
}

// FactCard is a fact and where it comes from.
type FactCard struct {
	ID        string   `yaml:"id"`
	Audiences []string `yaml:"audiences"`
	Title     Text     `yaml:"title"`
	Body      Text     `yaml:"body"`
	Source    string   `yaml:"source"`
}

// TrapCard is a lure dressed up as something harmless, from the 识破伪装 items.
type TrapCard struct {
	ID        string   `yaml:"id"`
	Audiences []string `yaml:"audiences"`
	Disguise  string   `yaml:"disguise"` // an item id of disguises.yaml (its name and picture)
	Lure      Text     `yaml:"lure"`     // what happens on the square
	Lesson    Text     `yaml:"lesson"`
}

// SunshineCard is help and recovery: asking for help is right.
type SunshineCard struct {
	ID        string   `yaml:"id"`
	Audiences []string `yaml:"audiences"`
	Title     Text     `yaml:"title"`
	Body      Text     `yaml:"body"`
}

// ForAudience reports whether a card limited to audiences is dealt to age band a.
func ForAudience(audiences []string, a string) bool {
	if len(audiences) == 0 {
		return true
	}
	for _, x := range audiences {
		if x == a {
			return true
		}
	}
	return false
}

// Square counts bound the walk: fewer than 12 squares is no walk, more than 40 no longer
// fits around the screen's edge at 1280×800.
const (
	MinSquares = 12
	MaxSquares = 40
)

// board checks the board against the disguise items it draws its traps from.
func (v *validator) board(d *lint.Doc, b *Board, disguises Disguises) {
	v.text(d, "title", b.Title)
	v.text(d, "intro", b.Intro)
	v.boardRules(d, b.Rules)
	if n := len(b.Squares); n < MinSquares || n > MaxSquares {
		d.Errf("squares", "the board has %d squares; it needs %d to %d", n, MinSquares, MaxSquares)
	}
	seen := map[string]bool{}
	used := map[string]bool{}
	for i, sq := range b.Squares {
		p := fmt.Sprintf("squares[%d]", i)
		v.ids(d, p, seen, sq.ID)
		switch {
		case !hasString(squareKinds, sq.Kind):
			d.Errf(p+".kind", "unknown square kind %q (%s)", sq.Kind, strings.Join(squareKinds, ", "))
		case i == 0 && sq.Kind != SquareStart:
			d.Errf(p+".kind", "the first square is where tokens start: its kind must be start")
		case i > 0 && sq.Kind == SquareStart:
			d.Errf(p+".kind", "only the first square can be the start")
		}
		used[sq.Kind] = true
		v.text(d, p+".place", sq.Place)
		v.image(d, p+".image", sq.Image, false)
	}

	items := map[string]bool{}
	for _, it := range disguises.Items {
		if it.Suspicious {
			items[it.ID] = true
		}
	}
	decks := map[string][][]string{} // square kind → audiences of each card
	seen = map[string]bool{}         // card ids are unique over all decks (events name them)
	for i, c := range b.Scenarios {
		p := fmt.Sprintf("scenarios[%d]", i)
		v.ids(d, p, seen, c.ID)
		v.audiences(d, p, c.Audiences)
		v.text(d, p+".situation", c.Situation)
		v.text(d, p+".lesson", c.Lesson)
		if n := len(c.Responses); n < 2 || n > 4 {
			d.Errf(p+".responses", "a situation needs 2 to 4 responses (has %d)", n)
		}
		safe := 0
		for j, r := range c.Responses {
			rp := fmt.Sprintf("%s.responses[%d]", p, j)
			v.text(d, rp+".text", r.Text)
			v.text(d, rp+".feedback", r.Feedback)
			if r.Safe {
				safe++
			}
		}
		if safe == 0 || safe == len(c.Responses) {
			d.Errf(p+".responses", "some responses must be safe (safe: true) and some not (has %d of %d safe)", safe, len(c.Responses))
		}
		decks[SquareScenario] = append(decks[SquareScenario], c.Audiences)
	}
	for i, c := range b.Facts {
		p := fmt.Sprintf("facts[%d]", i)
		v.ids(d, p, seen, c.ID)
		v.audiences(d, p, c.Audiences)
		v.text(d, p+".title", c.Title)
		v.text(d, p+".body", c.Body)
		if strings.TrimSpace(c.Source) == "" {
			d.Errf(p+".source", "every knowledge card needs its source")
		}
		decks[SquareFact] = append(decks[SquareFact], c.Audiences)
	}
	for i, c := range b.Traps {
		p := fmt.Sprintf("traps[%d]", i)
		v.ids(d, p, seen, c.ID)
		v.audiences(d, p, c.Audiences)
		if !items[c.Disguise] {
			d.Errf(p+".disguise", "disguise %q is not a suspicious item of %s", c.Disguise, FileDisguises)
		}
		v.text(d, p+".lure", c.Lure)
		v.text(d, p+".lesson", c.Lesson)
		decks[SquareTrap] = append(decks[SquareTrap], c.Audiences)
	}
	for i, c := range b.Sunshine {
		p := fmt.Sprintf("sunshine[%d]", i)
		v.ids(d, p, seen, c.ID)
		v.audiences(d, p, c.Audiences)
		v.text(d, p+".title", c.Title)
		v.text(d, p+".body", c.Body)
		decks[SquareSunshine] = append(decks[SquareSunshine], c.Audiences)
	}
	// Every square kind on the board needs a card for every age band. Question squares
	// draw from the quiz bank and fall back to knowledge cards.
	deckOf := map[string]string{SquareScenario: "scenarios", SquareFact: "facts", SquareTrap: "traps",
		SquareSunshine: "sunshine", SquareQuestion: "facts"}
	for _, kind := range squareKinds {
		field, ok := deckOf[kind]
		if !ok || !used[kind] {
			continue
		}
		deck := decks[kind]
		if kind == SquareQuestion {
			deck = decks[SquareFact]
		}
		for _, a := range BoardAudiences {
			n := 0
			for _, auds := range deck {
				if ForAudience(auds, a) {
					n++
				}
			}
			if n == 0 {
				d.Errf(field, "the board has %s squares but no card in %s for age band %s", kind, field, a)
			}
		}
	}
}

func (v *validator) boardRules(d *lint.Doc, r BoardRules) {
	for _, f := range []struct {
		name   string
		val    int
		lo, hi int
	}{
		{"start_bonus", r.StartBonus, 0, 100}, {"question_points", r.QuestionPoints, 0, 100},
		{"question_steps", r.QuestionSteps, 0, 6}, {"scenario_points", r.ScenarioPoints, 0, 100},
		{"fact_points", r.FactPoints, 0, 100}, {"trap_back", r.TrapBack, 1, 6},
		{"sunshine_points", r.SunshinePoints, 1, 100}, {"rounds", r.Rounds, 1, 50},
	} {
		if f.val < f.lo || f.val > f.hi {
			d.Errf("rules."+f.name, "%s is %d; it must be %d to %d", f.name, f.val, f.lo, f.hi)
		}
	}
}

func (v *validator) audiences(d *lint.Doc, p string, as []string) {
	for j, a := range as {
		if !hasString(BoardAudiences, a) {
			d.Errf(fmt.Sprintf("%s.audiences[%d]", p, j), "unknown age band %q (%s)", a, strings.Join(BoardAudiences, ", "))
		}
	}
}

func hasString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
