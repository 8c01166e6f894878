package quizimport

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// sheetFixture is a sheet with its columns in a free order, an empty row, numeric and
// boolean cells, a line break inside a cell and an image.
func sheetFixture(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "Sheet1"
	rows := [][]any{
		{"Type", "ID", "Audience", "Difficulty", "Topic", "Prompt_ZH", "Prompt_EN",
			"Choice_A_zh", "Choice_A_en", "Choice_B_zh", "Choice_B_en", "Choice_C_zh", "Choice_C_en",
			"Answer", "Pin_Last", "Explanation_zh", "Explanation_en", "Source", "Image"},
		{"single", "history-s-01", "secondary", 1, "history", "联合国把哪一天定为国际禁毒日？", "Which day did the UN set as the International Day against Drug Abuse?",
			"6月1日", "1 June", "6月26日", "26 June", "以上都不是", "None of the above",
			"B", "yes", "1987年，联合国大会把每年的6月26日定为国际禁毒日。", "In 1987 the UN General Assembly chose 26 June.", "[UN]", "media/img/june26.png"},
		{},
		{"truefalse", "", "adult", 2, "law", "《禁毒法》自2008年6月1日起施行。", "The Anti-Drug Law has been in force since 1 June 2008.",
			"", "", "", "", "", "",
			true, "", "2007年12月29日通过，\n2008年6月1日起施行。", "Adopted on 29 December 2007,\nin force since 1 June 2008.", "[禁毒法] 第71条", ""},
		{"multi", "law-a-03", "adult", 3.0, "law", "根据《刑法》第357条，下列说法正确的是？", "Under Article 357 of the Criminal Law, which are correct?",
			"海洛因和冰毒都是毒品", "Heroin and meth are drugs", "毒品数量以纯度折算", "Quantities are converted by purity", "毒品数量不以纯度折算", "Quantities are not converted by purity",
			"A, C", "", "第357条列出了毒品，并规定数量不以纯度折算。", "Article 357 names the drugs and says quantities are not converted by purity.", `[刑法] 第357条 "第2款"`, ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSXRoundTrip(t *testing.T) {
	res, err := Import("bank.xlsx", sheetFixture(t), Options{Media: media()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.HasErrors() || res.Report.Imported() != 3 || res.Report.Warnings() != 0 {
		t.Fatalf("report:\n%s", strings.Join(entries(res.Report), "\n"))
	}
	want := []quiz.Question{
		{ID: "history-s-01", Type: quiz.Single, Audience: quiz.Secondary, Difficulty: 1, Topic: "history",
			Prompt:  content.Text{Zh: "联合国把哪一天定为国际禁毒日？", En: "Which day did the UN set as the International Day against Drug Abuse?"},
			Choices: []content.Text{{Zh: "6月1日", En: "1 June"}, {Zh: "6月26日", En: "26 June"}, {Zh: "以上都不是", En: "None of the above"}},
			Answer:  quiz.Answer{Indexes: []int{1}}, PinLast: true,
			Explanation: content.Text{Zh: "1987年，联合国大会把每年的6月26日定为国际禁毒日。", En: "In 1987 the UN General Assembly chose 26 June."},
			Source:      "[UN]", Image: "media/img/june26.png"},
		{ID: "law-a-imp-4", Type: quiz.TrueFalse, Audience: quiz.Adult, Difficulty: 2, Topic: "law",
			Prompt:      content.Text{Zh: "《禁毒法》自2008年6月1日起施行。", En: "The Anti-Drug Law has been in force since 1 June 2008."},
			Answer:      quiz.Answer{Bool: boolPtr(true)},
			Explanation: content.Text{Zh: "2007年12月29日通过，\n2008年6月1日起施行。", En: "Adopted on 29 December 2007,\nin force since 1 June 2008."},
			Source:      "[禁毒法] 第71条"},
		{ID: "law-a-03", Type: quiz.Multi, Audience: quiz.Adult, Difficulty: 3, Topic: "law",
			Prompt:      content.Text{Zh: "根据《刑法》第357条，下列说法正确的是？", En: "Under Article 357 of the Criminal Law, which are correct?"},
			Choices:     []content.Text{{Zh: "海洛因和冰毒都是毒品", En: "Heroin and meth are drugs"}, {Zh: "毒品数量以纯度折算", En: "Quantities are converted by purity"}, {Zh: "毒品数量不以纯度折算", En: "Quantities are not converted by purity"}},
			Answer:      quiz.Answer{Indexes: []int{0, 2}},
			Explanation: content.Text{Zh: "第357条列出了毒品，并规定数量不以纯度折算。", En: "Article 357 names the drugs and says quantities are not converted by purity."},
			Source:      `[刑法] 第357条 "第2款"`},
	}
	if !reflect.DeepEqual(res.Questions, want) {
		t.Fatalf("imported\n%+v\nwant\n%+v", res.Questions, want)
	}
	wantEntry(t, res.Report, "bank.xlsx row 4: ok id=law-a-imp-4") // row 3 is empty
	roundTrip(t, res)
}

// chineseCSV uses Chinese header names and values, a BOM and CRLF line ends.
const chineseCSV = "\uFEFF编号,题型,对象,难度,主题,题目（中文）,题目（英文）,选项A_中文,选项A_英文,选项B_中文,选项B_英文,答案,解析_中文,解析_英文,出处,备注\r\n" +
	",单选,小学,1,历史,是谁在虎门销毁了大量鸦片？,Who destroyed opium at Humen?,林则徐,Lin Zexu,郑和,Zheng He,A,1839年林则徐在虎门销烟。,Lin Zexu destroyed opium at Humen in 1839.,新华网 2024,校对：王\r\n" +
	",,,,,,,,,,,,,,,\r\n" +
	",判断,中学,2,法律,\"毒品的数量要按纯度折算，\"\"对吗\"\"？\",Drug quantities are converted by purity.,,,,,错,不以纯度折算。,They are not converted by purity.,[刑法] 第357条,\r\n"

func TestCSVWithBOMAndChineseHeaders(t *testing.T) {
	for name, data := range map[string][]byte{"utf8": []byte(chineseCSV), "gb18030": gb18030(t, chineseCSV[3:])} {
		t.Run(name, func(t *testing.T) {
			res, err := Import("题库.csv", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Report.HasErrors() || res.Report.Imported() != 2 {
				t.Fatalf("report:\n%s", strings.Join(entries(res.Report), "\n"))
			}
			wantEntry(t, res.Report, "题库.csv row 1: warning", `column "备注" is not part of the template`)
			if name == "gb18030" {
				wantEntry(t, res.Report, "题库.csv: note: read as GB18030")
			}
			if got := ids(res.Questions); !reflect.DeepEqual(got, []string{"history-p-imp-2", "law-s-imp-4"}) {
				t.Fatalf("ids %v", got)
			}
			tf := res.Questions[1]
			if tf.Prompt.Zh != `毒品的数量要按纯度折算，"对吗"？` || tf.Answer.Bool == nil || *tf.Answer.Bool || len(tf.Choices) != 0 {
				t.Fatalf("true/false row read wrong: %+v", tf)
			}
			roundTrip(t, res)
		})
	}
}

func gb18030(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBadRowsAreReportedGoodRowsImported(t *testing.T) {
	const head = "id,type,audience,difficulty,topic,prompt_zh,prompt_en,choice_a_zh,choice_a_en,choice_b_zh,choice_b_en,choice_c_zh,choice_c_en,answer,explanation_zh,explanation_en,source\n"
	rows := []string{
		"good-1,single,adult,1,law,好题一,Good one,甲,A,乙,B,,,A,解析,Why,[刑法]",            // row 2
		"bad-type,essay,adult,1,law,坏题,Bad,甲,A,乙,B,,,A,解析,Why,[刑法]",                 // row 3
		"bad-letter,single,adult,1,law,坏题二,Bad two,甲,A,乙,B,丙,C,D,解析,Why,[刑法]",       // row 4
		"bad-prompt,single,adult,1,law,,No Chinese,甲,A,乙,B,,,A,解析,Why,[刑法]",         // row 5
		"bad-multi,multi,adult,1,law,坏题四,Bad four,甲,A,乙,B,丙,C,B,解析,Why,[刑法]",        // row 6
		"bad-gap,single,adult,1,law,坏题五,Bad five,甲,A,,,丙,C,A,解析,Why,[刑法]",           // row 7
		"bad-values,single,kids,5,sport,坏题六,Bad six,甲,A,乙,B,,,A,解析,Why,",            // row 8
		"good-1,truefalse,adult,2,law,好题二,Good two,,,,,,,maybe,解析,Why,[刑法]",         // row 9
		"good-1,truefalse,adult,2,law,好题一,Good two,,,,,,,对,解析,Why,[刑法]",             // row 10
		"good-2,truefalse,adult,2,law,好题三,Good three,,,,,,,F,解析,,[刑法]",              // row 11
		"good-3,single,adult,1,law,好题四,Good four,甲,A,乙,B,,,b,解析,Why,[刑法]",           // row 12
		"bad-g,single,adult,1,law,坏题七,Bad seven,甲,A,乙,B,,,G,解析,Why,[刑法]",            // row 13
		"bad-single,single,adult,1,law,坏题八,Bad eight,甲,A,乙,B,,,\"A,B\",解析,Why,[刑法]", // row 14
	}
	res, err := Import("staff.csv", []byte(head+strings.Join(rows, "\n")+"\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res.Questions); !reflect.DeepEqual(got, []string{"good-1", "good-3"}) {
		t.Errorf("imported %v\n%s", got, strings.Join(entries(res.Report), "\n"))
	}
	r := res.Report
	wantEntry(t, r, "staff.csv row 2: ok id=good-1")
	wantEntry(t, r, "staff.csv row 3: error id=bad-type", `type "essay" is not single, multi or truefalse`)
	wantEntry(t, r, "staff.csv row 4: error id=bad-letter", "answer D points at a choice that does not exist (3 choices)")
	wantEntry(t, r, "staff.csv row 5: error id=bad-prompt", "prompt: Chinese text (zh) is missing")
	wantEntry(t, r, "staff.csv row 6: error id=bad-multi", "a multi-choice question needs at least two right answers")
	wantEntry(t, r, "staff.csv row 7: error id=bad-gap", "choice B is empty but choice C is filled")
	wantEntry(t, r, "staff.csv row 8: error id=bad-values", `audience "kids"`)
	wantEntry(t, r, "staff.csv row 8: error id=bad-values", `difficulty "5"`)
	wantEntry(t, r, "staff.csv row 8: error id=bad-values", `topic "sport"`)
	wantEntry(t, r, "staff.csv row 9: error id=good-1", `answer "maybe" of a true/false question`)
	wantEntry(t, r, "staff.csv row 10: error id=good-1", `id "good-1" is used twice (also at staff.csv row 2)`)
	wantEntry(t, r, "staff.csv row 10: error id=good-1", "the same prompt is asked to the same audience at staff.csv row 2")
	wantEntry(t, r, "staff.csv row 11: error id=good-2", "explanation: English text (en) is missing")
	wantEntry(t, r, "staff.csv row 12: ok id=good-3")
	wantEntry(t, r, "staff.csv row 13: error id=bad-g", "letter G is past F")
	wantEntry(t, r, "staff.csv row 14: error id=bad-single", "a single-choice question has exactly one answer, has 2")
	if r.Imported() != 2 || r.Skipped() != 11 {
		t.Errorf("summary %q", r.Summary("x.yaml"))
	}
	if s := r.Summary("staff.yaml"); s != "imported 2, skipped 11 (errors), 0 warnings → staff.yaml" {
		t.Errorf("summary %q", s)
	}
	roundTrip(t, res)
}

// Excel turns "6月26日" typed into a General cell into a date; the file then holds a
// serial number. Such a row must fail, not import "45834".
func TestXLSXDateCellsAreErrors(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	head := []any{"type", "audience", "difficulty", "topic", "prompt_zh", "prompt_en", "choice_a_zh", "choice_a_en",
		"choice_b_zh", "choice_b_en", "answer", "explanation_zh", "explanation_en", "source"}
	good := []any{"单选", "小学", 1, "历史", "国际禁毒日是哪一天？", "Which day?", "6月1日", "1 June", "6月26日", "26 June", "B", "联合国定的。", "Set by the UN.", "[UN]"}
	bad := append([]any(nil), good...)
	bad[4] = "国际禁毒日是几月几日？"
	bad[8] = time.Date(2025, 6, 26, 0, 0, 0, 0, time.UTC)
	for i, r := range [][]any{head, good, bad, good} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellValue("Sheet1", "D4", "法律") // row 4 repeats row 2 for another topic
	f.SetCellValue("Sheet1", "B4", "成人")
	custom := `m"月"d"日"`
	for cell, st := range map[string]*excelize.Style{"I3": {CustomNumFmt: &custom}, "C4": {NumFmt: 2}} {
		id, err := f.NewStyle(st)
		if err != nil {
			t.Fatal(err)
		}
		f.SetCellStyle("Sheet1", cell, cell, id)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import("dates.xlsx", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "dates.xlsx row 3: error", "choice_b_zh: Excel stores this cell as a date")
	if got := ids(res.Questions); !reflect.DeepEqual(got, []string{"history-p-imp-2", "law-a-imp-4"}) {
		t.Fatalf("%v\n%s", got, strings.Join(entries(res.Report), "\n"))
	}
}

func TestHeaderProblems(t *testing.T) {
	res, err := Import("a.csv", []byte("\n\nid,prompt_zh,answer,Type,type\n1,2,3,4,5\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "a.csv row 3: error", "column type appears twice")
	wantEntry(t, res.Report, "a.csv row 3: error", "lacks the column(s) audience, difficulty, topic, prompt_en, explanation_zh, explanation_en, source")
	if len(res.Questions) != 0 || !res.Report.HasErrors() {
		t.Fatal("a bad header must import nothing")
	}

	// Defaults stand in for missing columns and fill empty cells.
	csv := "type,topic,prompt_zh,prompt_en,choice_a_zh,choice_a_en,choice_b_zh,choice_b_en,answer,explanation_zh,explanation_en\n" +
		"single,,问,Q,甲,A,乙,B,A,解,E\n"
	res, err = Import("b.csv", []byte(csv), Options{Defaults: Defaults{Audience: "成人", Difficulty: 2, Topic: "自护", Source: "[NNCC]"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.HasErrors() || len(res.Questions) != 1 {
		t.Fatalf("%s", strings.Join(entries(res.Report), "\n"))
	}
	if q := res.Questions[0]; q.ID != "refusal-a-imp-2" || q.Difficulty != 2 || q.Source != "[NNCC]" {
		t.Fatalf("defaults not applied: %+v", q)
	}

	if _, err := Import("c.csv", []byte(csv), Options{Defaults: Defaults{Audience: "kids"}}); !errors.Is(err, ErrDefaults) {
		t.Fatalf("a bad default must be ErrDefaults, got %v", err)
	}
	res, err = Import("d.csv", []byte("\n\n"), Options{})
	if err != nil || !res.Report.HasErrors() {
		t.Fatalf("an empty sheet must be reported: %v %v", err, entries(res.Report))
	}
	if _, err := Import("e.xlsx", []byte("not a zip"), Options{}); err == nil {
		t.Fatal("a broken workbook must be an error")
	}
}

func TestSemicolonCSVAndHeaderSpellings(t *testing.T) {
	csv := "Type;Audience;Difficulty;Topic;Prompt (zh);Prompt (en);Choice A (zh);Choice A (en);选项B（中文）;选项B（英文）;Answer;Explanation zh;Explanation-en;Source\n" +
		"多选;成人;3;毒品知识;哪些是毒品？;Which are drugs?;海洛因;Heroin;冰毒;Meth;AB;都是。;Both are.;[刑法] 第357条\n"
	res, err := Import("semi.csv", []byte(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.HasErrors() || len(res.Questions) != 1 || res.Questions[0].Type != quiz.Multi {
		t.Fatalf("%s", strings.Join(entries(res.Report), "\n"))
	}
}

func TestClashWithExistingBank(t *testing.T) {
	existing := "questions:\n  - id: law-a-01\n    type: truefalse\n    audience: adult\n    difficulty: 1\n    topic: law\n" +
		"    prompt: {zh: \"问\", en: \"Q\"}\n    answer: true\n    explanation: {zh: \"解\", en: \"E\"}\n    source: \"s\"\n"
	csv := "id,type,audience,difficulty,topic,prompt_zh,prompt_en,answer,explanation_zh,explanation_en,source\n" +
		"law-a-01,判断,成人,1,法律,另一问,Other,对,解,E,s\n" +
		"law-a-02,判断,成人,1,法律,问,Q,对,解,E,s\n" +
		"law-a-03,判断,中学,1,法律,问,Q,对,解,E,s\n"
	for _, name := range []string{"a.yaml", "历史.yaml"} { // sorted before and after the scratch file
		bank := media()
		bank[name] = &fstest.MapFile{Data: []byte(existing)}
		res, err := Import("new.csv", []byte(csv), Options{Bank: bank})
		if err != nil {
			t.Fatal(err)
		}
		wantEntry(t, res.Report, "new.csv row 2: error id=law-a-01", `"law-a-01" is used twice`, "quizbank/"+name+":2")
		wantEntry(t, res.Report, "new.csv row 3: error id=law-a-02", "same prompt", "quizbank/"+name+":")
		wantEntry(t, res.Report, "new.csv row 4: ok id=law-a-03")

		// Replacing the clashing file (re-importing over an earlier import) is fine.
		res, err = Import("new.csv", []byte(csv), Options{Bank: bank, Replaces: name})
		if err != nil || res.Report.HasErrors() {
			t.Fatalf("%v\n%s", err, strings.Join(entries(res.Report), "\n"))
		}
	}
}

func TestImages(t *testing.T) {
	csv := "type,audience,difficulty,topic,prompt_zh,prompt_en,answer,explanation_zh,explanation_en,source,image\n" +
		"判断,成人,1,法律,问一,Q1,对,解,E,s,media/img/june26.png\n" +
		"判断,成人,1,法律,问二,Q2,对,解,E,s,media/img/missing.png\n" +
		"判断,成人,1,法律,问三,Q3,对,解,E,s,media/img/photo.jpg\n"
	res, err := Import("img.csv", []byte(csv), Options{Media: media()})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "img.csv row 2: ok")
	wantEntry(t, res.Report, "img.csv row 3: error", `image: image "media/img/missing.png" does not exist in the content root`)
	wantEntry(t, res.Report, "img.csv row 4: error", `must be a .png or .svg path`)

	res, err = Import("img.csv", []byte(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "img.csv row 3: warning", `image "media/img/missing.png" not checked: no content root given`)
	wantEntry(t, res.Report, "img.csv row 4: error", `must be a .png or .svg path`)
	if len(res.Questions) != 2 {
		t.Fatalf("%v", ids(res.Questions))
	}
}
