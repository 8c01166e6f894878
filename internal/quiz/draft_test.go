package quiz

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/lint"
)

// draftBank has one ready question and two drafts, as an Aiken import writes them.
const draftBank = `questions:
  - id: law-a-01
    type: truefalse
    audience: adult
    difficulty: 1
    topic: law
    prompt: {zh: "问一", en: "Q1"}
    answer: true
    explanation: {zh: "解", en: "E"}
    source: "s"
  - id: law-a-imp-5
    type: single
    audience: adult
    difficulty: 1
    topic: law
    prompt: {zh: "问二", en: "Q2"}
    choices:
      - {zh: "甲", en: "A1"}
      - {zh: "乙", en: "B1"}
    answer: A
    explanation: {zh: "", en: ""}
    source: "s"
    status: draft
  - id: q-x-imp-9
    type: single
    prompt: {zh: "问三", en: "Q3"}
    choices:
      - {zh: "甲", en: "A1"}
      - {zh: "乙", en: "B1"}
    answer: B
    status: draft
`

func problems(rep lint.Report) string {
	var b strings.Builder
	for _, p := range rep.Problems {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

// Issue 1: drafts are kept, never served, counted per missing field, and reported as
// warnings naming the field to fill.
func TestDraftsAreWarningsCountedAndNeverServed(t *testing.T) {
	b, rep := Load(bankFS(draftBank))
	if rep.Err() != nil {
		t.Fatalf("drafts must not be errors:\n%s", problems(rep))
	}
	out := problems(rep)
	for _, want := range []string{
		"quizbank/a.yaml:21: warning: questions[1].explanation: draft: fill in explanation",
		"questions[2].explanation: draft: fill in explanation",
		"questions[2].audience: draft: fill in audience",
		"questions[2].difficulty: draft: fill in difficulty",
		"questions[2].topic: draft: fill in topic",
		"questions[2].source: draft: fill in source",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in\n%s", want, out)
		}
	}
	if len(b.Questions) != 1 || b.Questions[0].ID != "law-a-01" {
		t.Fatalf("only the ready question may be servable: %v", b.Questions)
	}
	want := Drafts{Count: 2, Missing: map[string]int{"explanation": 2, "audience": 1, "difficulty": 1, "topic": 1, "source": 1},
		Items: []DraftItem{
			{ID: "law-a-imp-5", At: "quizbank/a.yaml:11", Missing: []string{"explanation"}},
			{ID: "q-x-imp-9", At: "quizbank/a.yaml:24", Missing: []string{"explanation", "audience", "difficulty", "topic", "source"}},
		}}
	if !reflect.DeepEqual(b.Drafts, want) {
		t.Errorf("drafts\n got %+v\nwant %+v", b.Drafts, want)
	}
	for _, q := range b.For(Adult) {
		if q.IsDraft() {
			t.Errorf("For served draft %s", q.ID)
		}
	}

	// Even a caller that passes drafts to Select never gets one.
	pool := []Question{b.Questions[0]}
	for i := 0; i < 5; i++ {
		pool = append(pool, Question{ID: "d" + string(rune('0'+i)), Audience: Adult, Difficulty: 1, Topic: "law", Status: StatusDraft})
	}
	got := Select(pool, Adult, 10, nil, rand.New(rand.NewPCG(1, 2)))
	if len(got) != 1 || got[0].ID != "law-a-01" {
		t.Errorf("Select served drafts: %v", got)
	}

	// A filled-in draft still waits for its status to be removed; a bad status is an error;
	// a wrong value is an error even in a draft.
	filled := strings.Replace(draftBank, `explanation: {zh: "", en: ""}`, `explanation: {zh: "解二", en: "E2"}`, 1)
	_, rep = Load(bankFS(filled))
	if !strings.Contains(problems(rep), "questions[1].status: draft: nothing is missing any more") {
		t.Errorf("filled draft:\n%s", problems(rep))
	}
	_, rep = Load(bankFS(strings.Replace(draftBank, "status: draft", "status: later", 1)))
	if !strings.Contains(problems(rep), `error: questions[1].status: status "later" must be draft`) {
		t.Errorf("bad status:\n%s", problems(rep))
	}
	_, rep = Load(bankFS(strings.Replace(draftBank, "type: single\n    prompt", "type: single\n    audience: kids\n    prompt", 1)))
	if !strings.Contains(problems(rep), `error: questions[2].audience: audience "kids"`) {
		t.Errorf("bad value in a draft:\n%s", problems(rep))
	}
}

// Issue 2: a letter label in a bank choice is an error.
func TestChoiceLabelIsAnError(t *testing.T) {
	for _, label := range []string{"A、", "A．", "A) ", "A.", "(A)", "（A）", "Ａ、", "a)", "B:"} {
		yml := strings.Replace(goodBank, `{zh: "面粉", en: "Flour"}`, `{zh: "`+label+`面粉", en: "Flour"}`, 1)
		_, rep := Load(bankFS(yml))
		if rep.Err() == nil || !strings.Contains(problems(rep), "questions[1].choices[1]: ") ||
			!strings.Contains(problems(rep), "starts with a letter label") {
			t.Errorf("label %q not caught:\n%s", label, problems(rep))
		}
	}
	for _, s := range []string{"A型肝炎", "Aspirin", "All of the above", "6月26日", "B超"} {
		if _, _, ok := ChoiceLabel(s); ok {
			t.Errorf("%q is no label", s)
		}
	}
	if i, rest, ok := ChoiceLabel("（Ｃ）海洛因"); !ok || i != 2 || rest != "海洛因" {
		t.Errorf("full-width label: %d %q %v", i, rest, ok)
	}
}

// Explanations naming a choice by letter or position are warnings; legal item numbers
// (第一款第三项) and ordinals that name no choice are not.
func TestPositionRefs(t *testing.T) {
	for _, s := range []string{"B项正确", "选项C是错的", "A、C项都对", "前两项见第39条", "第三项见第52条", "最后一项不对",
		"Option B is wrong", "answers A and C", "A and C are correct", "The first two are in Article 39", "the last option"} {
		if PositionRef(s) == "" {
			t.Errorf("%q not found", s)
		}
	}
	for _, s := range []string{"《刑法》第347条第2款第三项", "世界上第一个国际禁毒公约", "DNA项目", "the first two years of treatment",
		"Vitamin B and C", "1912年海牙《国际鸦片公约》"} {
		if ref := PositionRef(s); ref != "" {
			t.Errorf("%q: false alarm %q", s, ref)
		}
	}
	yml := strings.Replace(goodBank, `explanation: {zh: "禁毒法第2条。"`, `explanation: {zh: "A、C项见禁毒法第2条。"`, 1)
	_, rep := Load(bankFS(yml))
	if rep.Err() == nil || !strings.Contains(problems(rep), `error: questions[1].explanation: "A、C项" names a choice`) {
		t.Errorf("a served question naming a position must be refused:\n%s", problems(rep))
	}
}

// Issue 9: ids and topics longer than the hub accepts are errors.
func TestFieldLengths(t *testing.T) {
	long := strings.Repeat("x", MaxFieldLen+1)
	_, rep := Load(bankFS(strings.Replace(goodBank, "id: law-a-01", "id: "+long, 1)))
	if !strings.Contains(problems(rep), "error: questions[1].id: id is 257 bytes long; at most 256") {
		t.Errorf("long id:\n%s", problems(rep))
	}
	_, rep = Load(bankFS(strings.Replace(goodBank, "topic: law", "topic: "+long, 1)))
	if !strings.Contains(problems(rep), "error: questions[1].topic: topic is 257 bytes long") {
		t.Errorf("long topic:\n%s", problems(rep))
	}
	if _, rep := Load(bankFS(strings.Replace(goodBank, "id: law-a-01", "id: "+long[:MaxFieldLen], 1))); rep.Err() != nil {
		t.Errorf("256 bytes is allowed: %v", rep.Err())
	}
}
