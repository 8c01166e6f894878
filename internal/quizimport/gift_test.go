package quizimport

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

var textDefaults = Defaults{Audience: "中学", Difficulty: 2, Source: "[NNCC]"}

func importFixture(t *testing.T, name string, def Defaults) *Result {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(name, data, Options{Defaults: def})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestGIFT(t *testing.T) {
	res := importFixture(t, "sample.gift", textDefaults)
	r := res.Report
	wantIDs := []string{"intl-day", "history-s-imp-12", "law-multi", "purity", "law-s-imp-38", "law-s-imp-40", "esc", "no-fb"}
	if got := ids(res.Questions); !reflect.DeepEqual(got, wantIDs) {
		t.Fatalf("imported %v, want %v\n%s", got, wantIDs, strings.Join(entries(r), "\n"))
	}
	byID := map[string]quiz.Question{}
	for _, q := range res.Questions {
		byID[q.ID] = q
		if q.Audience != quiz.Secondary || q.Difficulty != 2 || q.Source != "[NNCC]" || q.Prompt.En != q.Prompt.Zh {
			t.Errorf("%s: defaults or English copy wrong: %+v", q.ID, q)
		}
		if q.IsDraft() {
			wantEntry(t, r, "draft id="+q.ID)
		} else {
			wantEntry(t, r, "ok id="+q.ID)
		}
		wantEntry(t, r, "warning id="+q.ID, "no English text: copied the Chinese; translate before use")
	}

	// Multiple choice: the right answer's feedback is the explanation; category → topic.
	mc := byID["intl-day"]
	if mc.Type != quiz.Single || mc.Topic != "history" || !reflect.DeepEqual(mc.Answer.Indexes, []int{0}) || len(mc.Choices) != 3 ||
		mc.Explanation.Zh != "对。1987年，联合国大会把每年的6月26日定为国际禁毒日。" || mc.Choices[1].Zh != "6月1日" {
		t.Errorf("multiple choice: %+v", mc)
	}
	if q := byID["history-s-imp-12"]; q.Answer.Indexes[0] != 1 || !strings.HasPrefix(q.Explanation.Zh, "1839年，林则徐") {
		t.Errorf("general feedback not kept: %+v", q)
	}
	wantEntry(t, r, `sample.gift:12: ok id=history-s-imp-12 "虎门销烟"`) // a title that is no id

	// Weights: positive ones are right; general feedback wins over per-answer feedback.
	multi := byID["law-multi"]
	if multi.Type != quiz.Multi || multi.Topic != "law" || !reflect.DeepEqual(multi.Answer.Indexes, []int{0, 1}) ||
		!strings.HasPrefix(multi.Explanation.Zh, "《刑法》第357条所称毒品") {
		t.Errorf("multiple answers: %+v", multi)
	}

	// True/false: the feedback shown for the right answer.
	tf := byID["purity"]
	if tf.Type != quiz.TrueFalse || tf.Answer.Bool == nil || *tf.Answer.Bool || len(tf.Choices) != 0 ||
		tf.Explanation.Zh != "正确，毒品数量不以纯度折算。" {
		t.Errorf("true/false: %+v", tf)
	}

	// Missing word, [html], escapes.
	if q := byID["law-s-imp-38"]; q.Prompt.Zh != "《禁毒法》自 ____ 起施行。" || q.Answer.Indexes[0] != 0 {
		t.Errorf("missing word: %+v", q)
	}
	if q := byID["law-s-imp-40"]; q.Prompt.Zh != "社区戒毒的期限是 ____。" ||
		q.Explanation.Zh != "《禁毒法》第33条：社区戒毒的期限为3年。 <见第33条>" {
		t.Errorf("html: %q / %q", q.Prompt.Zh, q.Explanation.Zh)
	}
	if q := byID["esc"]; q.Prompt.Zh != "GIFT 的特殊字符 ~ = # { } : 要加反斜杠，对吗？" || !*q.Answer.Bool ||
		q.Explanation.Zh != "对：~ = # { } : 都要转义。" {
		t.Errorf("escapes: %+v", q)
	}

	// Unsupported and broken questions are reported with line and title.
	wantEntry(t, r, `sample.gift:26: error "how-many": unsupported GIFT question type: numerical`)
	wantEntry(t, r, `sample.gift:28: error "pairs": unsupported GIFT question type: matching`)
	wantEntry(t, r, `sample.gift:34: error "short": unsupported GIFT question type: short answer`)
	wantEntry(t, r, `sample.gift:36: error "opinion": unsupported GIFT question type: essay`)
	// No feedback at all: a draft that names what to fill in (issue 1).
	wantEntry(t, r, `sample.gift:44: draft id=no-fb "没有解析的题。": draft: fill in explanation before visitors see it`)
	wantEntry(t, r, `sample.gift:46: error id=fees`, "choices: a single question needs 2–6 choices, has 7")
	if r.Imported() != 8 || r.Drafts() != 1 || r.Skipped() != 5 || r.Warnings() != 8 {
		t.Errorf("%s", r.Summary(""))
	}
	roundTrip(t, res)
}

func TestGIFTEdgeCases(t *testing.T) {
	gift := "// no blank line between titled questions, CRLF, an unknown category\r\n" +
		"$CATEGORY: top/Default\r\n" +
		"::a1::问一{=对#解释 ~错}\r\n" +
		"::a2::问二{TRUE#解释二}\r\n" +
		"\r\n" +
		"::open::问三{=a ~b\r\n" +
		"\r\n" +
		"::no-right::问四{~a ~b ####解}\r\n" +
		"\r\n" +
		"::junk::问五{前面 =a ~b ####解}\r\n" +
		"\r\n" +
		"::Q6 English:: Which day is International Day against Drug Abuse? {=26 June ~1 June ####Set by the UN in 1987.}\r\n"
	res, err := Import("edge.gift", []byte(gift), Options{Defaults: Defaults{Audience: "adult", Difficulty: 1, Source: "s", Topic: "drugs"}})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	wantEntry(t, r, "edge.gift:2: warning", `category "top/Default" does not end in a topic`, "get --topic drugs")
	wantEntry(t, r, "edge.gift:3: ok id=a1")
	wantEntry(t, r, "edge.gift:4: ok id=a2")
	wantEntry(t, r, "edge.gift:6: error", "not closed")
	wantEntry(t, r, "edge.gift:8: error", "no right answer")
	wantEntry(t, r, "edge.gift:10: error", `text "前面" before the first ~ or = answer`)
	wantEntry(t, r, `edge.gift:12: ok id=drugs-a-imp-12 "Q6 English"`)
	wantEntry(t, r, `edge.gift:12: warning`, "no Chinese text")
	if got := ids(res.Questions); !reflect.DeepEqual(got, []string{"a1", "a2", "drugs-a-imp-12"}) {
		t.Fatalf("%v\n%s", got, strings.Join(entries(r), "\n"))
	}
	if res.Questions[0].Topic != "drugs" || res.Questions[1].Explanation.Zh != "解释二" {
		t.Errorf("%+v", res.Questions[:2])
	}
	roundTrip(t, res)

	// Without --topic a question outside a topic category is a draft lacking its topic,
	// not a guess.
	res, err = Import("edge.gift", []byte(gift), Options{Defaults: Defaults{Audience: "adult", Difficulty: 1, Source: "s"}})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "edge.gift:3: draft id=a1", "fill in topic")
	for _, q := range res.Questions {
		if !q.IsDraft() || q.Topic != "" {
			t.Errorf("%s: want a draft without topic: %+v", q.ID, q)
		}
	}
	roundTrip(t, res)
}

// Issue 1: without --audience, --difficulty or --source the questions of a GIFT or Aiken
// file are drafts that say what is missing; a bad value is still a usage error.
func TestTextFormatsWithoutDefaultsGiveDrafts(t *testing.T) {
	res, err := Import("q.gift", []byte("::a::b{=c ~d ####e}"), Options{Defaults: Defaults{Topic: "law"}})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "q.gift: warning", "--audience, --difficulty, --source was not given: the questions are drafts")
	wantEntry(t, res.Report, "q.gift:1: draft id=a", "fill in audience, difficulty, source")
	roundTrip(t, res)
	res, err = Import("q.aiken", []byte("q\nA. a\nB. b\nANSWER: A\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "q.aiken:1: draft id=q-x-imp-1", "fill in explanation, audience, difficulty, topic, source")
	roundTrip(t, res)
	if _, err := Import("q.aiken", []byte("q\nA. a\nB. b\nANSWER: A\n"), Options{Defaults: Defaults{Audience: "kids"}}); !errors.Is(err, ErrDefaults) {
		t.Fatalf("a bad default must be ErrDefaults: %v", err)
	}
}

func TestDetectFormat(t *testing.T) {
	cases := []struct {
		name, data string
		want       Format
	}{
		{"a.XLSX", "", XLSX}, {"a.csv", "", CSV}, {"a.gift", "", GIFT}, {"a.aiken", "", Aiken},
		{"a.txt", "// c\n::t::q{=a ~b}\n", GIFT},
		{"a.txt", "\uFEFFq?\nA. a\nB. b\nANSWER: B\n", Aiken},
		{"a.txt", "$CATEGORY: law\n\nq{T}\n", GIFT},
	}
	for _, c := range cases {
		if got, err := DetectFormat(c.name, []byte(c.data)); err != nil || got != c.want {
			t.Errorf("%s %q: %v %v, want %v", c.name, c.data, got, err, c.want)
		}
	}
	for _, name := range []string{"a.xls", "a.docx", "a.yaml", "a"} {
		if _, err := DetectFormat(name, nil); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: want ErrFormat, got %v", name, err)
		}
	}
	if _, err := DetectFormat("a.txt", []byte("just some text\n")); !errors.Is(err, ErrFormat) {
		t.Errorf("plain text: %v", err)
	}
	if _, err := DetectFormat("a.txt", []byte{0xFF, 0xFE, 'a', 0}); err == nil {
		t.Error("UTF-16 must be refused")
	}
}

func TestAiken(t *testing.T) {
	res := importFixture(t, "sample.aiken", Defaults{Audience: "adult", Difficulty: 2, Topic: "法律", Source: "[禁毒法]"})
	r := res.Report
	if got := ids(res.Questions); !reflect.DeepEqual(got, []string{"law-a-imp-1", "law-a-imp-7", "law-a-imp-26", "law-a-imp-31"}) {
		t.Fatalf("imported %v\n%s", got, strings.Join(entries(r), "\n"))
	}
	first := res.Questions[0]
	want := quiz.Question{ID: "law-a-imp-1", Type: quiz.Single, Audience: quiz.Adult, Difficulty: 2, Topic: "law",
		Prompt:      content.Text{Zh: "《禁毒法》自哪一天起施行？", En: "《禁毒法》自哪一天起施行？"},
		Choices:     []content.Text{{Zh: "2008年6月1日", En: "2008年6月1日"}, {Zh: "2007年12月29日", En: "2007年12月29日"}, {Zh: "1990年12月28日", En: "1990年12月28日"}},
		Answer:      quiz.Answer{Indexes: []int{0}},
		Explanation: content.Text{Zh: "《禁毒法》2007年12月29日通过，2008年6月1日起施行。", En: "《禁毒法》2007年12月29日通过，2008年6月1日起施行。"},
		Source:      "[禁毒法]"}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("got  %+v\nwant %+v", first, want)
	}
	if q := res.Questions[1]; q.Answer.Indexes[0] != 2 || !strings.HasPrefix(q.Explanation.Zh, "《禁毒法》第33条") {
		t.Errorf("A) options and 解析： %+v", q)
	}
	if q := res.Questions[3]; q.Type != quiz.Multi || !reflect.DeepEqual(q.Answer.Indexes, []int{0, 1}) {
		t.Errorf("ANSWER: A, B %+v", q)
	}
	wantEntry(t, r, "sample.aiken:1: warning id=law-a-imp-1", "no English text")
	wantEntry(t, r, "sample.aiken:14: error id=law-a-imp-14", "answer D points at a choice that does not exist (2 choices)")
	wantEntry(t, r, "sample.aiken:20: error", "line 22: option C. where B. was expected")
	wantEntry(t, r, "sample.aiken:26: draft id=law-a-imp-26", "fill in explanation")
	wantEntry(t, r, "sample.aiken:31: warning id=law-a-imp-31", "no Chinese text")
	wantEntry(t, r, "sample.aiken:38: error", "no ANSWER: line before the end of the file")
	if r.Imported() != 4 || r.Drafts() != 1 || r.Skipped() != 3 {
		t.Errorf("%s\n%s", r.Summary(""), strings.Join(entries(r), "\n"))
	}
	roundTrip(t, res)
}
