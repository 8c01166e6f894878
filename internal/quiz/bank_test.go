package quiz

import (
	"github.com/jindu-edu/kiosk/internal/content/contenttest"

	"strings"
	"testing"
	"testing/fstest"
)

const goodBank = `questions:
  - id: history-p-01
    type: single
    audience: primary
    difficulty: 1
    topic: history
    prompt: {zh: "国际禁毒日是哪一天？", en: "When is International Day against Drug Abuse?"}
    choices:
      - {zh: "6月26日", en: "26 June"}
      - {zh: "10月1日", en: "1 October"}
      - {zh: "以上都是", en: "All of the above"}
    answer: A
    pin_last: true
    explanation: {zh: "联合国定的。", en: "Set by the UN."}
    source: "[UN]"
    image: media/a.png
  - id: law-a-01
    type: multi
    audience: adult
    difficulty: 3
    topic: law
    prompt: {zh: "哪些是毒品？", en: "Which are drugs?"}
    choices:
      - {zh: "海洛因", en: "Heroin"}
      - {zh: "面粉", en: "Flour"}
      - {zh: "冰毒", en: "Meth"}
    answer: [A, C]
    explanation: {zh: "禁毒法第2条。", en: "Article 2."}
    source: "[禁毒法] 第2条"
  - id: law-s-01
    type: truefalse
    audience: secondary
    difficulty: 2
    topic: law
    prompt: {zh: "毒品数量以纯度折算。", en: "Drug quantities are converted by purity."}
    answer: false
    explanation: {zh: "不以纯度折算。", en: "They are not."}
    source: "[刑法] 第357条"
`

func bankFS(yaml string) (fstest.MapFS, fstest.MapFS) {
	return fstest.MapFS{"a.yaml": {Data: []byte(yaml)}}, fstest.MapFS{"media/a.png": {Data: contenttest.PNG(800, 600)}}
}

func TestGoodBank(t *testing.T) {
	b, rep := Load(bankFS(goodBank))
	if len(rep.Problems) > 0 {
		t.Fatalf("%v", rep.Problems)
	}
	if len(b.Questions) != 3 || len(b.For(Adult)) != 1 {
		t.Fatalf("%d questions", len(b.Questions))
	}
	tf := b.Questions[2]
	if len(tf.Choices) != 2 || tf.Correct()[0] != 1 {
		t.Fatalf("true/false normalised wrong: %+v", tf)
	}
	if m := b.Questions[1].Correct(); len(m) != 2 || m[0] != 0 || m[1] != 2 {
		t.Fatalf("multi answer %v", m)
	}
}

func TestBankErrorsNameFileAndLine(t *testing.T) {
	cases := []struct{ from, to, want string }{
		{"id: law-a-01", "id: history-p-01", `quizbank/a.yaml:17: error: questions[1].id: id "history-p-01" is used twice (also at quizbank/a.yaml:2)`},
		{"type: multi", "type: essay", `quizbank/a.yaml:18: error: questions[1].type: type "essay" must be single, multi or truefalse`},
		{"answer: A", "answer: D", `quizbank/a.yaml:12: error: questions[0].answer: answer D points at a choice that does not exist (3 choices)`},
		{"answer: A", "answer: [A, B]", `questions[0].answer: a single-choice question has exactly one answer, has 2`},
		{"answer: [A, C]", "answer: [A]", `quizbank/a.yaml:27: error: questions[1].answer: a multi-choice question needs at least two right answers`},
		{"answer: [A, C]", "answer: [A, Z]", `questions[1].answer: answer "Z" is not a letter A–F`},
		{"answer: false", "answer: B", `questions[2].answer: a true/false question's answer is true or false`},
		{"audience: adult", "audience: kids", `quizbank/a.yaml:19: error: questions[1].audience: audience "kids"`},
		{"difficulty: 3", "difficulty: 5", `quizbank/a.yaml:20: error: questions[1].difficulty: difficulty 5 must be 1, 2 or 3`},
		{"topic: history", "topic: sport", `quizbank/a.yaml:6: error: questions[0].topic: topic "sport"`},
		{`source: "[UN]"`, `source: ""`, `quizbank/a.yaml:15: error: questions[0].source: every question needs its source`},
		{`explanation: {zh: "联合国定的。", en: "Set by the UN."}`, `explanation: {zh: "联合国定的。"}`, `quizbank/a.yaml:14: error: questions[0].explanation: English text (en) is missing`},
		{"image: media/a.png", "image: media/b.png", `quizbank/a.yaml:16: error: questions[0].image: image "media/b.png" does not exist`},
		{`      - {zh: "以上都是", en: "All of the above"}` + "\n", "", ""},
		{"      - {zh: \"10月1日\", en: \"1 October\"}\n      - {zh: \"以上都是\", en: \"All of the above\"}\n", "", `questions[0].choices: a single question needs 2–6 choices, has 1`},
		{"    answer: false", "    choices:\n      - {zh: 对, en: True}\n    answer: false", `questions[2].choices: a true/false question has no choices`},
		{"prompt: {zh: \"哪些是毒品？\"", "prompt: {zh: \"国际禁毒日是哪一天？\"", ""},
		{"audience: adult", "audience: primary", ""},
		{"explanation: {zh: \"禁毒法第2条。\"", "explanaton: {zh: \"禁毒法第2条。\"", `questions[1].explanaton: unknown field "explanaton"`},
	}
	for _, tc := range cases[:len(cases)-3] {
		if !strings.Contains(goodBank, tc.from) {
			t.Fatalf("fixture lacks %q", tc.from)
		}
		_, rep := Load(bankFS(strings.Replace(goodBank, tc.from, tc.to, 1)))
		if tc.want == "" {
			if rep.Err() != nil {
				t.Errorf("%q → %q: unexpected %v", tc.from, tc.to, rep.Err())
			}
			continue
		}
		found := false
		for _, p := range rep.Problems {
			if strings.Contains(p.String(), tc.want) {
				found = true
			}
		}
		if !found || rep.Err() == nil {
			t.Errorf("%q → %q: want %q in %v", tc.from, tc.to, tc.want, rep.Problems)
		}
	}
	// The same prompt twice for one audience is a duplicate.
	dup := strings.Replace(strings.Replace(goodBank, "prompt: {zh: \"哪些是毒品？\"", "prompt: {zh: \"国际禁毒日是哪一天？\"", 1), "audience: adult", "audience: primary", 1)
	_, rep := Load(bankFS(dup))
	if rep.Err() == nil || !strings.Contains(rep.Err().Error(), "same prompt is asked to the same audience at quizbank/a.yaml:2") {
		t.Errorf("duplicate prompt: %v", rep.Err())
	}
	typo := strings.Replace(goodBank, "explanation: {zh: \"禁毒法第2条。\"", "explanaton: {zh: \"禁毒法第2条。\"", 1)
	if _, rep := Load(bankFS(typo)); rep.Err() == nil || !strings.Contains(rep.Err().Error(), `unknown field "explanaton"`) {
		t.Errorf("typo: %v", rep.Err())
	}
	if _, rep := Load(fstest.MapFS{}, fstest.MapFS{}); rep.Err() == nil {
		t.Error("a root without a bank must be an error")
	}
}

// A quiz picture is held to the content limits: one whose header claims 30000×30000
// pixels is refused by lint (the kiosk would otherwise try to decode it).
func TestHugeQuizImageIsRefused(t *testing.T) {
	bank, media := bankFS(goodBank)
	media["media/a.png"] = &fstest.MapFile{Data: contenttest.PNG(30000, 30000)}
	_, rep := Load(bank, media)
	if rep.Err() == nil || !strings.Contains(rep.Err().Error(), "30000×30000") {
		t.Fatalf("a 30000×30000 quiz picture passed: %v", rep.Err())
	}
}
