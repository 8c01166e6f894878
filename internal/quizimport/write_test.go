package quizimport

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

func TestMarshalFormat(t *testing.T) {
	qs := []quiz.Question{
		{ID: "history-p-01", Type: quiz.Single, Audience: quiz.Primary, Difficulty: 1, Topic: "history",
			Prompt:  content.Text{Zh: "国际禁毒日是哪一天？", En: "When is it?"},
			Choices: []content.Text{{Zh: "6月26日", En: "26 June"}, {Zh: "以上都不是", En: "None"}},
			Answer:  quiz.Answer{Indexes: []int{0}}, PinLast: true,
			Explanation: content.Text{Zh: "联合国定的。", En: "Set by the UN."}, Source: "[UN]", Image: "media/img/june26.png"},
		{ID: "law-a-01", Type: quiz.Multi, Audience: quiz.Adult, Difficulty: 3, Topic: "law",
			Prompt:      content.Text{Zh: "哪些是毒品？", En: "Which are drugs?"},
			Choices:     []content.Text{{Zh: "海洛因", En: "Heroin"}, {Zh: "面粉", En: "Flour"}, {Zh: "冰毒", En: "Meth"}},
			Answer:      quiz.Answer{Indexes: []int{0, 2}},
			Explanation: content.Text{Zh: "第357条。", En: "Article 357."}, Source: "[刑法] 第357条"},
		{ID: "law-s-01", Type: quiz.TrueFalse, Audience: quiz.Secondary, Difficulty: 2, Topic: "law",
			Prompt:      content.Text{Zh: "毒品数量以纯度折算。", En: "Converted by purity."},
			Answer:      quiz.Answer{Bool: boolPtr(false)},
			Explanation: content.Text{Zh: "不以纯度折算。", En: "Not converted."}, Source: "[刑法] 第357条"},
	}
	data, err := Marshal(qs, "Imported by a test.\nSecond line.")
	if err != nil {
		t.Fatal(err)
	}
	want := `# Imported by a test.
# Second line.
questions:
  - id: history-p-01
    type: single
    audience: primary
    difficulty: 1
    topic: history
    prompt: {zh: "国际禁毒日是哪一天？", en: "When is it?"}
    choices:
      - {zh: "6月26日", en: "26 June"}
      - {zh: "以上都不是", en: "None"}
    answer: A
    pin_last: true
    explanation: {zh: "联合国定的。", en: "Set by the UN."}
    source: "[UN]"
    image: media/img/june26.png

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
    explanation: {zh: "第357条。", en: "Article 357."}
    source: "[刑法] 第357条"

  - id: law-s-01
    type: truefalse
    audience: secondary
    difficulty: 2
    topic: law
    prompt: {zh: "毒品数量以纯度折算。", en: "Converted by purity."}
    answer: false
    explanation: {zh: "不以纯度折算。", en: "Not converted."}
    source: "[刑法] 第357条"
`
	if string(data) != want {
		t.Fatalf("got\n%s\nwant\n%s", data, want)
	}
	got := loadBank(t, data)
	for i := range qs {
		if !reflect.DeepEqual(got[i], normalized(qs[i])) {
			t.Errorf("question %d: got %+v want %+v", i, got[i], normalized(qs[i]))
		}
	}
}

func TestMarshalQuotesAwkwardText(t *testing.T) {
	awkward := []string{
		`他说："不要"，然后走了。`, `back\slash`, "two\nlines\tand a tab", "key: value # not a comment",
		"- dash", "yes", "null", "@at", "'single'", "{flow}", "[list]", "  spaces  ", "%percent", "*star", "&amp", "!bang", "|pipe", ">fold",
	}
	var qs []quiz.Question
	for i, s := range awkward {
		qs = append(qs, quiz.Question{ID: "x-" + string(rune('a'+i)), Type: quiz.Single, Audience: quiz.Adult, Difficulty: 1, Topic: "law",
			Prompt:      content.Text{Zh: "问" + s, En: s},
			Choices:     []content.Text{{Zh: s, En: s}, {Zh: "乙", En: "b"}},
			Answer:      quiz.Answer{Indexes: []int{1}},
			Explanation: content.Text{Zh: s, En: s}, Source: s})
	}
	qs = append(qs, quiz.Question{ID: "123", Type: quiz.TrueFalse, Audience: quiz.Adult, Difficulty: 1, Topic: "law",
		Prompt: content.Text{Zh: "数字编号", En: "numeric id"}, Answer: quiz.Answer{Bool: boolPtr(true)},
		Explanation: content.Text{Zh: "解", En: "e"}, Source: "s"})
	data, err := Marshal(qs, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(data), "\n  - ") != len(qs) {
		t.Errorf("one list item per question expected:\n%s", data)
	}
	got := loadBank(t, data)
	for i := range qs {
		if !reflect.DeepEqual(got[i], normalized(qs[i])) {
			t.Errorf("question %d: got %+v want %+v", i, got[i], normalized(qs[i]))
		}
	}
}
