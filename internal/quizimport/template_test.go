package quizimport

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The staff templates docs/quizbank-template.csv and .xlsx are generated from the rows
// below: QUIZIMPORT_WRITE_TEMPLATES=1 go test -run TestTemplates ./internal/quizimport
const (
	templateCSV  = "../../docs/quizbank-template.csv"
	templateXLSX = "../../docs/quizbank-template.xlsx"
)

// templateRows are the example questions, one per type (facts: content reference).
var templateRows = []map[string]string{
	{
		"id": "history-s-tpl-01", "type": "单选", "audience": "中学", "difficulty": "1", "topic": "历史",
		"prompt_zh":   "联合国把每年的哪一天定为国际禁毒日？",
		"prompt_en":   "Which day of the year did the United Nations make the International Day against Drug Abuse and Illicit Trafficking?",
		"choice_a_zh": "6月1日", "choice_a_en": "1 June",
		"choice_b_zh": "6月26日", "choice_b_en": "26 June",
		"choice_c_zh": "12月1日", "choice_c_en": "1 December",
		"choice_d_zh": "以上都不是", "choice_d_en": "None of the above",
		"answer": "B", "pin_last": "是",
		"explanation_zh": "1987年，联合国大会决定把每年的6月26日定为国际禁毒日。",
		"explanation_en": "In 1987 the UN General Assembly made 26 June the International Day against Drug Abuse and Illicit Trafficking.",
		"source":         "[UN]",
	},
	{
		"id": "", "type": "判断", "audience": "成人", "difficulty": "1", "topic": "法律",
		"prompt_zh":      "《中华人民共和国禁毒法》自2008年6月1日起施行。",
		"prompt_en":      "The Anti-Drug Law of the People's Republic of China has been in force since 1 June 2008.",
		"answer":         "对",
		"explanation_zh": "《禁毒法》于2007年12月29日通过，自2008年6月1日起施行。",
		"explanation_en": "The Anti-Drug Law was adopted on 29 December 2007 and came into force on 1 June 2008.",
		"source":         "[禁毒法] 第71条",
	},
	{
		"id": "law-a-tpl-03", "type": "多选", "audience": "成人", "difficulty": "2", "topic": "法律",
		"prompt_zh":   "根据《刑法》第357条，下列说法正确的是？",
		"prompt_en":   "Under Article 357 of the Criminal Law, which statements are correct?",
		"choice_a_zh": "海洛因、甲基苯丙胺（冰毒）和大麻都属于毒品", "choice_a_en": "Heroin, methamphetamine (ice) and cannabis are all drugs",
		"choice_b_zh": "毒品的数量不以纯度折算", "choice_b_en": "Drug quantities are not converted by purity",
		"choice_c_zh": "毒品的数量要按纯度折算", "choice_c_en": "Drug quantities are converted by purity",
		"choice_d_zh": "只有海洛因才算毒品", "choice_d_en": "Only heroin counts as a drug",
		"answer":         "A,B",
		"explanation_zh": "《刑法》第357条规定，毒品包括鸦片、海洛因、甲基苯丙胺（冰毒）、吗啡、大麻、可卡因等；毒品的数量以查证属实的数量计算，不以纯度折算。",
		"explanation_en": "Article 357 of the Criminal Law names opium, heroin, methamphetamine (ice), morphine, cannabis, cocaine and others as drugs; drug quantities are counted as verified and are not converted by purity.",
		"source":         "[刑法] 第357条",
	},
}

// templateHelp is the second sheet of the workbook: what each column means.
var templateHelp = [][]string{
	{"列 column", "中文说明", "English", "可填的值 allowed values", "必填 required"},
	{"id", "题目编号；留空则自动生成", "Question id; left empty, one is generated", "history-p-01 (小写字母、数字、-)", "否 no"},
	{"type", "题型", "Question type", "单选 single / 多选 multi / 判断 truefalse", "是 yes"},
	{"audience", "适用对象", "Audience", "小学 primary / 中学 secondary / 成人 adult", "是 yes"},
	{"difficulty", "难度", "Difficulty", "1 / 2 / 3", "是 yes"},
	{"topic", "主题", "Topic", "历史 history / 毒品知识 drugs / 法律 law / 伪装 disguise / 自护 refusal", "是 yes"},
	{"prompt_zh / prompt_en", "题目（中文 / 英文）", "Question text (Chinese / English)", "", "是 yes"},
	{"choice_a_zh … choice_f_en", "选项A–F（中文 / 英文）；判断题不填", "Choices A–F (Chinese / English); empty for true/false", "2–6 个选项，中间不能空 / 2–6, no gaps", "单选、多选 yes"},
	{"answer", "答案", "Answer", "单选 B；多选 A,C 或 AC；判断 对/错 (true/false, T/F)", "是 yes"},
	{"pin_last", "最后一个选项不打乱（如\"以上都不是\"）", "Keep the last choice last (e.g. \"None of the above\")", "是/否 yes/no，可空", "否 no"},
	{"explanation_zh / explanation_en", "解析（中文 / 英文），答题后显示", "Explanation shown after answering (Chinese / English)", "", "是 yes"},
	{"source", "出处", "Source of the fact", "[禁毒法] 第2条, [刑法] 第357条, [UN] …", "是 yes"},
	{"image", "图片（内容包中的路径）", "Image path inside the content pack", "media/img/….png 或 .svg", "否 no"},
}

func templateCSVBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("\uFEFF") // so that Excel reads the file as UTF-8
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	cols := Columns()
	if err := w.Write(cols); err != nil {
		t.Fatal(err)
	}
	for _, r := range templateRows {
		var rec []string
		for _, c := range cols {
			rec = append(rec, r[c])
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func templateXLSXBytes(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet, help = "题库 Questions", "说明 Help"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", sheet))
	cols := Columns()
	cell := func(col, row int) string {
		name, err := excelize.CoordinatesToCellName(col, row)
		must(err)
		return name
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = c
	}
	must(f.SetSheetRow(sheet, "A1", &head))
	for r, row := range templateRows {
		for i, c := range cols {
			v := row[c]
			if c == "difficulty" {
				var n int
				fmt.Sscan(v, &n)
				must(f.SetCellValue(sheet, cell(i+1, r+2), n))
				continue
			}
			must(f.SetCellValue(sheet, cell(i+1, r+2), v))
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	must(err)
	must(f.SetRowStyle(sheet, 1, 1, bold))
	// Text format (@) keeps Excel from turning "6月26日" or "1/2" into dates.
	wrap, err := f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	must(err)
	last := cell(len(cols), 1)
	lastCol := strings.TrimRight(last, "0123456789")
	must(f.SetColStyle(sheet, "A:"+lastCol, wrap))
	must(f.SetColWidth(sheet, "A", "A", 18))
	must(f.SetColWidth(sheet, "B", "E", 10))
	must(f.SetColWidth(sheet, "F", "G", 36))
	must(f.SetColWidth(sheet, "H", strings.TrimRight(cell(len(cols)-6, 1), "0123456789"), 18))
	must(f.SetColWidth(sheet, strings.TrimRight(cell(len(cols)-5, 1), "0123456789"), lastCol, 30))
	must(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	drop := map[string][]string{
		"type":       {"单选", "多选", "判断", "single", "multi", "truefalse"},
		"audience":   {"小学", "中学", "成人", "primary", "secondary", "adult"},
		"difficulty": {"1", "2", "3"},
		"topic":      {"历史", "毒品知识", "法律", "伪装", "自护", "history", "drugs", "law", "disguise", "refusal"},
		"pin_last":   {"是", "否"},
	}
	for i, c := range cols {
		keys, ok := drop[c]
		if !ok {
			continue
		}
		col := strings.TrimRight(cell(i+1, 1), "0123456789")
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s1000", col, col))
		must(dv.SetDropList(keys))
		must(f.AddDataValidation(sheet, dv))
	}

	_, err = f.NewSheet(help)
	must(err)
	for r, row := range templateHelp {
		vals := make([]any, len(row))
		for i, v := range row {
			vals[i] = v
		}
		must(f.SetSheetRow(help, cell(1, r+1), &vals))
	}
	must(f.SetRowStyle(help, 1, 1, bold))
	must(f.SetColStyle(help, "A:E", wrap))
	must(f.SetColWidth(help, "A", "A", 30))
	must(f.SetColWidth(help, "B", "D", 40))
	must(f.SetColWidth(help, "E", "E", 14))
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	must(err)
	return buf.Bytes()
}

// TestTemplates keeps the published templates in step with the importer: both import
// without a problem and give the same questions.
func TestTemplates(t *testing.T) {
	csvData := templateCSVBytes(t)
	if os.Getenv("QUIZIMPORT_WRITE_TEMPLATES") == "1" {
		if err := os.WriteFile(templateCSV, csvData, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(templateXLSX, templateXLSXBytes(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	onDisk, err := os.ReadFile(templateCSV)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, csvData) {
		t.Errorf("%s is out of date: run QUIZIMPORT_WRITE_TEMPLATES=1 go test -run TestTemplates ./internal/quizimport", templateCSV)
	}
	xlsxData, err := os.ReadFile(templateXLSX)
	if err != nil {
		t.Fatal(err)
	}
	var results []*Result
	for name, data := range map[string][]byte{templateCSV: onDisk, templateXLSX: xlsxData} {
		res, err := Import(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Report.HasErrors() || res.Report.Warnings() > 0 || len(res.Questions) != len(templateRows) {
			t.Fatalf("%s:\n%s", name, strings.Join(entries(res.Report), "\n"))
		}
		roundTrip(t, res)
		results = append(results, res)
	}
	if !reflect.DeepEqual(results[0].Questions, results[1].Questions) {
		t.Errorf("the .csv and .xlsx templates differ:\n%+v\n%+v", results[0].Questions, results[1].Questions)
	}
	types := map[string]bool{}
	for _, q := range results[0].Questions {
		types[q.Type] = true
	}
	if len(types) != 3 {
		t.Errorf("the template should show every question type, has %v", types)
	}
}
