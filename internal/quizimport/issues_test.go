package quizimport

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"github.com/jindu-edu/kiosk/internal/quiz"
)

// Regression tests, one per reported issue.

// Issue 1: a Moodle Aiken file (no EXPLANATION:, no flags) imported 0 questions. Now
// every question is a draft in OUT; the bank keeps it, never serves it, counts it and
// lint warns with the field to fill in. Filled in and undrafted, it is served.
func TestIssue1MoodleAikenImportsDrafts(t *testing.T) {
	aiken := "海洛因属于哪一类毒品？\nA. 传统毒品\nB. 合成毒品\nANSWER: A\n\n" +
		"冰毒的学名是什么？\nA. 甲基苯丙胺\nB. 吗啡\nANSWER: A\n"
	res, err := Import("moodle.aiken", []byte(aiken), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.Imported() != 2 || r.Drafts() != 2 || r.HasErrors() {
		t.Fatalf("%s\n%s", r.Summary(""), strings.Join(entries(r), "\n"))
	}
	wantEntry(t, r, "moodle.aiken:1: draft id=q-x-imp-1", "fill in explanation, audience, difficulty, topic, source")
	if s := r.Summary("o.yaml"); !strings.Contains(s, "imported 2 (2 drafts: 2 道题待补充)") {
		t.Errorf("summary %q", s)
	}
	data, err := res.YAML("moodle.aiken")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "status: draft # 待补充 to fill in: explanation, audience, difficulty, topic, source") {
		t.Errorf("the file must say what to fill in:\n%s", data)
	}
	roundTrip(t, res)

	b, rep := quiz.Load(fstest.MapFS{"moodle.yaml": {Data: data}}, media())
	if rep.Err() != nil || len(b.Questions) != 0 || b.Drafts.Count != 2 || b.Drafts.Missing["explanation"] != 2 {
		t.Fatalf("bank: %v questions, drafts %+v, %v", len(b.Questions), b.Drafts, rep.Problems)
	}
	for _, p := range rep.Problems {
		if p.Severity != 0 || !strings.Contains(p.Msg, "draft: fill in") {
			t.Errorf("want only draft warnings, got %s", p)
		}
	}

	// The teacher fills the first one in and removes the draft status.
	text := string(data)
	text = strings.Replace(text, `audience: ""`, "audience: adult", 1)
	text = strings.Replace(text, "difficulty: 0", "difficulty: 1", 1)
	text = strings.Replace(text, `topic: ""`, "topic: drugs", 1)
	text = strings.Replace(text, `explanation: {zh: "", en: ""}`, `explanation: {zh: "海洛因是传统毒品。", en: "Heroin is a traditional drug."}`, 1)
	text = strings.Replace(text, `source: ""`, `source: "[NNCC]"`, 1)
	text = strings.Replace(text, "    status: draft # 待补充 to fill in: explanation, audience, difficulty, topic, source\n", "", 1)
	b, rep = quiz.Load(fstest.MapFS{"moodle.yaml": {Data: []byte(text)}}, media())
	if rep.Err() != nil || len(b.Questions) != 1 || b.Drafts.Count != 1 || len(b.For(quiz.Adult)) != 1 {
		t.Fatalf("after filling in: %d questions, %d drafts, %v\n%s", len(b.Questions), b.Drafts.Count, rep.Problems, text)
	}
}

// Issue 2: letter labels were kept and then shuffled ("A、海洛因" in slot C).
func TestIssue2ChoiceLabelsAreStripped(t *testing.T) {
	csv := "type,audience,difficulty,topic,prompt_zh,prompt_en,choice_a_zh,choice_a_en,choice_b_zh,choice_b_en,choice_c_zh,choice_c_en,choice_d_zh,choice_d_en,answer,explanation_zh,explanation_en,source\n" +
		"单选,成人,1,毒品知识,哪个是毒品？,Which is a drug?,A、海洛因,A) Heroin,B．面粉,(B) Flour,（C）白糖,C. Sugar,Ｄ、食盐,D:Salt,A,海洛因是毒品。,Heroin is a drug.,[NNCC]\n" +
		"单选,成人,1,毒品知识,哪个是冰毒？,Which is meth?,C、甲基苯丙胺,Meth,面粉,Flour,,,,,A,冰毒。,Meth.,[NNCC]\n"
	res, err := Import("labels.csv", []byte(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Questions) != 1 {
		t.Fatalf("%s", strings.Join(entries(res.Report), "\n"))
	}
	var got []string
	for _, c := range res.Questions[0].Choices {
		got = append(got, c.Zh, c.En)
	}
	if want := []string{"海洛因", "Heroin", "面粉", "Flour", "白糖", "Sugar", "食盐", "Salt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("choices %q", got)
	}
	wantEntry(t, res.Report, "labels.csv: note: removed the letter labels", "from 8 choices")
	// A label naming another letter is not guessed away: the row is refused.
	wantEntry(t, res.Report, "labels.csv row 3: error", `choice A: "C、甲基苯丙胺" starts with a letter label`)
	roundTrip(t, res)

	gift := "::g1::哪个是毒品？{=A. 海洛因 ~B、面粉 ~（C）白糖 ####海洛因是毒品。}\n"
	res = importText(t, "labels.gift", gift)
	if c := res.Questions[0].Choices; c[0].Zh != "海洛因" || c[1].Zh != "面粉" || c[2].Zh != "白糖" {
		t.Errorf("GIFT choices %+v", c)
	}
	aiken := "哪个是毒品？\nA. A、海洛因\nＢ．面粉\nANSWER: A\nEXPLANATION: 海洛因是毒品。\n"
	res = importText(t, "labels.aiken", aiken)
	if c := res.Questions[0].Choices; len(c) != 2 || c[0].Zh != "海洛因" || c[1].Zh != "面粉" {
		t.Errorf("Aiken choices %+v\n%s", c, strings.Join(entries(res.Report), "\n"))
	}
}

var fullDefaults = Defaults{Audience: "adult", Difficulty: 1, Topic: "drugs", Source: "[NNCC]"}

func importText(t *testing.T, name, text string) *Result {
	t.Helper()
	res, err := Import(name, []byte(text), Options{Defaults: fullDefaults})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Questions) == 0 {
		t.Fatalf("nothing imported:\n%s", strings.Join(entries(res.Report), "\n"))
	}
	roundTrip(t, res)
	return res
}

// Issue 3: punctuation or quotes after the answer block made a missing-word question.
func TestIssue3TrailingPunctuationIsNoMissingWord(t *testing.T) {
	gift := "::tf::Drugs can ruin everything.{F#No.#Yes, they can.}\";\n\n" +
		"::mc::哪一天是国际禁毒日？{=6月26日 ~6月1日 ####联合国定的。}。\n\n" +
		"::mw::国际禁毒日是{=6月26日 ~6月1日 ####联合国定的。}。\n\n" +
		"::mw2::Moodle costs {=nothing ~a lot ####It is free.} to download.\n"
	res := importText(t, "trail.gift", gift)
	prompts := map[string]string{}
	for _, q := range res.Questions {
		prompts[q.ID] = q.Prompt.Zh
	}
	want := map[string]string{"tf": "Drugs can ruin everything.", "mc": "哪一天是国际禁毒日？",
		"mw": "国际禁毒日是____。", "mw2": "Moodle costs ____ to download."}
	if !reflect.DeepEqual(prompts, want) {
		t.Errorf("prompts %q", prompts)
	}
	wantEntry(t, res.Report, "trail.gift:1: warning id=tf", `text "\";" after the answer block was dropped`)
}

// Issue 4: [plain] [html] [moodle] [markdown] stayed in the texts; HTML is reduced to
// text safely (scripts, styles and comments go, entities are decoded once).
func TestIssue4FormatMarkers(t *testing.T) {
	gift := "::m1::[markdown]哪个是毒品？{=[plain]海洛因#[moodle]对 ~[html]<b>面粉</b> ####[html]<p>海洛因&amp;冰毒都是毒品<script>alert(1)</script><!-- x --></p><style>p\\{color:red\\}</style>&lt;b&gt;}\n"
	q := importText(t, "m.gift", gift).Questions[0]
	if q.Prompt.Zh != "哪个是毒品？" || q.Choices[0].Zh != "海洛因" || q.Choices[1].Zh != "面粉" ||
		q.Explanation.Zh != "海洛因&冰毒都是毒品 <b>" {
		t.Errorf("%q %q %q", q.Prompt.Zh, q.Choices, q.Explanation.Zh)
	}
	for _, s := range []string{q.Prompt.Zh, q.Choices[0].Zh, q.Choices[1].Zh, q.Explanation.Zh} {
		if strings.Contains(s, "[") || strings.Contains(s, "alert") {
			t.Errorf("marker or script left in %q", s)
		}
	}
}

// titledSheet is a workbook whose first row is a merged title above the header.
func titledSheet(t *testing.T, rows int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "Sheet1"
	head := []any{"type", "audience", "difficulty", "topic", "prompt_zh", "prompt_en", "answer", "explanation_zh", "explanation_en", "source"}
	f.SetCellValue(s, "A1", "2026年禁毒知识竞赛题库")
	if err := f.MergeCell(s, "A1", "J1"); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow(s, "A2", &head)
	for i := 0; i < rows; i++ {
		r := []any{"判断", "成人", 1, "法律", fmt.Sprintf("第%d题：吸毒违法。", i+1), fmt.Sprintf("Q%d: drug use is illegal.", i+1), "对", "是的。", "Yes.", "[禁毒法]"}
		f.SetSheetRow(s, fmt.Sprintf("A%d", i+3), &r)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Issue 5: a merged title row above the header failed the whole sheet.
func TestIssue5TitleRowAboveHeader(t *testing.T) {
	res, err := Import("titled.xlsx", titledSheet(t, 20), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Imported() != 20 || res.Report.HasErrors() {
		t.Fatalf("%s", strings.Join(entries(res.Report), "\n"))
	}
	wantEntry(t, res.Report, "titled.xlsx row 1: warning", "above the header row (row 2) and was skipped", "标题行")
	wantEntry(t, res.Report, "titled.xlsx row 3: ok")

	// No header in the first rows at all: the report says to delete the title rows.
	csv := strings.Repeat("禁毒题库,,\n", 12) + "type,prompt_zh\n"
	res, err = Import("junk.csv", []byte(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "junk.csv row 1: error", "no header row in the first 10 rows", "delete the title row")
}

// Issue 6: full-width letters and digits were refused.
func TestIssue6FullWidthAnswers(t *testing.T) {
	csv := "type,audience,difficulty,topic,prompt_zh,prompt_en,choice_a_zh,choice_a_en,choice_b_zh,choice_b_en,choice_c_zh,choice_c_en,answer,pin_last,explanation_zh,explanation_en,source\n" +
		"单选,成人,２,法律,问一,Q1,甲,A,乙,B,丙,C,Ｂ,否,解,E,s\n" +
		"ｍｕｌｔｉ,成人,１,法律,问二,Q2,甲,A,乙,B,丙,C,Ａ，Ｃ,,解,E,s\n" +
		"判断,成人,３,法律,问三,Q3,,,,,,,Ｔ,,解,E,s\n"
	res, err := Import("fw.csv", []byte(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Questions) != 3 {
		t.Fatalf("%s", strings.Join(entries(res.Report), "\n"))
	}
	if q := res.Questions; q[0].Difficulty != 2 || q[0].Answer.Indexes[0] != 1 || q[1].Type != quiz.Multi ||
		!reflect.DeepEqual(q[1].Answer.Indexes, []int{0, 2}) || !*q[2].Answer.Bool {
		t.Errorf("%+v", q)
	}
	res = importText(t, "fw.aiken", "问？\nＡ．甲\nＢ．乙\nANSWER: Ｂ\nEXPLANATION: 解。\n")
	if q := res.Questions[0]; len(q.Choices) != 2 || q.Answer.Indexes[0] != 1 {
		t.Errorf("%+v", q)
	}
}

// Issue 7: a duplicate was missed when its first copy had been rejected.
func TestIssue7DuplicateOfRejectedRow(t *testing.T) {
	csv := "id,type,audience,difficulty,topic,prompt_zh,prompt_en,answer,explanation_zh,explanation_en,source\n" +
		"law-a-01,问答,成人,1,法律,吸毒违法吗？,Illegal?,对,解,E,s\n" + // row 2: bad type
		"law-a-01,判断,成人,1,法律,吸毒违法吗？,Illegal?,对,解,E,s\n" + // row 3: same id and prompt
		"law-a-02,判断,成人,1,法律,吸毒违法吗？,Illegal?,对,解,E,s\n" + // row 4: same prompt
		"law-a-03,判断,中学,1,法律,吸毒违法吗？,Illegal?,对,解,E,s\n" // row 5: another audience
	res, err := Import("dup.csv", []byte(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	wantEntry(t, r, "dup.csv row 3: error id=law-a-01", `id "law-a-01" is used twice (also at dup.csv row 2, which was left out)`)
	wantEntry(t, r, "dup.csv row 3: error id=law-a-01", "same prompt is asked to the same audience at dup.csv row 2, which was left out")
	wantEntry(t, r, "dup.csv row 4: error id=law-a-02", "same prompt is asked to the same audience at dup.csv row 2, which was left out")
	if got := ids(res.Questions); !reflect.DeepEqual(got, []string{"law-a-03"}) {
		t.Errorf("imported %v", got)
	}
}

// Issue 9: ids longer than the office hub accepts are refused.
func TestIssue9LongID(t *testing.T) {
	csv := "id,type,audience,difficulty,topic,prompt_zh,prompt_en,answer,explanation_zh,explanation_en,source\n" +
		strings.Repeat("a", 300) + ",判断,成人,1,法律,问,Q,对,解,E,s\n"
	res, err := Import("long.csv", []byte(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "long.csv row 2: error", "id: id is 300 bytes long; at most 256")
}

// The explanation-position rule: an imported "B项" is refused with what to reword (the
// choices are shuffled on screen, so "A" would name the wrong one).
func TestPositionWarningOnImport(t *testing.T) {
	res, err := Import("pos.gift", []byte("::p1::哪个是毒品？{=海洛因 ~面粉 ####A项正确，海洛因是毒品。}\n"),
		Options{Defaults: fullDefaults})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "pos.gift:1: error id=p1", `explanation: "A项" names a choice by its letter or position`)
}
