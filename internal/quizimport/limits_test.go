package quizimport

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Issue 8: a 1 MB zip bomb, a million-row sheet or a 100k-row CSV took 3.6–4.3 GB.
// These tests build such inputs in code and check that the import stays bounded and
// the report names the cut.

// measure runs f and returns the peak heap it reached above the heap before it (sampled)
// and the bytes it allocated in total.
func measure(f func()) (peak, total uint64) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var (
		wg   sync.WaitGroup
		max  uint64
		done = make(chan struct{})
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > max {
				max = m.HeapAlloc
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if max < before.HeapAlloc {
		return 0, after.TotalAlloc - before.TotalAlloc
	}
	return max - before.HeapAlloc, after.TotalAlloc - before.TotalAlloc
}

// xlsxParts are the parts of a minimal workbook around sheet1.xml.
var xlsxParts = map[string]string{
	"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
	"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
}

// workbook writes the fixed parts and then sheet1.xml from sheet.
func workbook(t *testing.T, sheet func(w io.Writer)) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, xlsxParts[name])
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	sheet(w)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bomb is a workbook with one part that unpacks to size bytes of spaces from about
// size/1000 bytes: one compressed megabyte repeated (sync-flushed deflate blocks join).
func bomb(t *testing.T, part string, size int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range xlsxParts {
		w, _ := zw.Create(name)
		io.WriteString(w, text)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	var block bytes.Buffer
	fw, _ := flate.NewWriter(&block, flate.BestCompression)
	fw.Write(chunk)
	fw.Flush()
	crc := crc32.NewIEEE()
	n := size >> 20
	var raw bytes.Buffer
	for i := int64(0); i < n; i++ {
		raw.Write(block.Bytes())
		crc.Write(chunk)
	}
	raw.Write([]byte{0x03, 0x00}) // the final, empty block
	w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: uint64(n << 20)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZipBombIsRefusedWithinBoundedMemory(t *testing.T) {
	for _, part := range []string{"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"} {
		data := bomb(t, part, 1<<30)
		if len(data) > 2<<20 {
			t.Fatalf("the bomb is %d bytes", len(data))
		}
		var err error
		peak, total := measure(func() { _, err = Import("bomb.xlsx", data, Options{}) })
		if err == nil || !strings.Contains(err.Error(), "to more than") || !strings.Contains(err.Error(), "zip bomb") {
			t.Errorf("%s: want a refusal, got %v", part, err)
		}
		t.Logf("%s (%d KB zipped, 1 GB unzipped): peak heap +%d MB, allocated %d MB", part, len(data)>>10, peak>>20, total>>20)
		if peak > 64<<20 || total > 128<<20 {
			t.Errorf("%s: peak heap +%d MB, allocated %d MB", part, peak>>20, total>>20)
		}
	}
}

const bigHeader = "type,audience,difficulty,topic,prompt_zh,prompt_en,answer,explanation_zh,explanation_en,source"

func bigRow(i int) string {
	return fmt.Sprintf("判断,成人,1,法律,第%d题：吸毒是违法行为。,Question %d: drug use is illegal.,对,《禁毒法》禁止吸毒。,The Anti-Drug Law forbids it.,[禁毒法]", i, i)
}

func TestMillionRowSheetIsCut(t *testing.T) {
	data := workbook(t, func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		cells := func(r int, vals []string) {
			fmt.Fprintf(w, `<row r="%d">`, r)
			for j, v := range vals {
				fmt.Fprintf(w, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+j, r, v)
			}
			io.WriteString(w, `</row>`)
		}
		cells(1, strings.Split(bigHeader, ","))
		for r := 2; r <= 1_000_000; r++ {
			if r <= 6000 {
				cells(r, strings.Split(bigRow(r), ","))
			} else {
				cells(r, []string{"判断"})
			}
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	})
	var (
		res *Result
		err error
	)
	peak, total := measure(func() { res, err = Import("million.xlsx", data, Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("1M rows (%d MB zipped): peak heap +%d MB, allocated %d MB", len(data)>>20, peak>>20, total>>20)
	wantEntry(t, res.Report, "million.xlsx row 5001: error", "第5001行起未导入：超过5000行上限")
	fileCut(t, res)
	if peak > 200<<20 {
		t.Errorf("peak heap +%d MB", peak>>20)
	}
}

func TestHundredThousandRowCSVIsCut(t *testing.T) {
	var b strings.Builder
	b.WriteString(bigHeader + "\n")
	for i := 2; i <= 100_001; i++ {
		b.WriteString(bigRow(i) + "\n")
	}
	data := []byte(b.String())
	var (
		res *Result
		err error
	)
	peak, total := measure(func() { res, err = Import("big.csv", data, Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("100k rows (%d MB): peak heap +%d MB, allocated %d MB", len(data)>>20, peak>>20, total>>20)
	wantEntry(t, res.Report, "big.csv row 5001: error", "第5001行起未导入：超过5000行上限")
	fileCut(t, res)
	if peak > 200<<20 {
		t.Errorf("peak heap +%d MB", peak>>20)
	}
}

// fileCut checks that the questions that passed were cut where one bank file is full
// (lint's YAML limits), that the cut is reported, and that the rest loads as a bank.
func fileCut(t *testing.T, res *Result) {
	t.Helper()
	n := res.Report.Imported()
	if n < 1000 || n != len(res.Questions) {
		t.Errorf("imported %d (%d questions)", n, len(res.Questions))
	}
	wantEntry(t, res.Report, "行起未导入：一个题库文件最多512 KB")
	roundTrip(t, res)
}

func TestCellAndTextLimits(t *testing.T) {
	csv := bigHeader + "\n" + strings.Replace(bigRow(2), "第2题", strings.Repeat("长", 2000), 1) + "\n" + bigRow(3) + "\n"
	res, err := Import("cell.csv", []byte(csv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "cell.csv row 2: error", "prompt_zh: the cell is longer than 4096 bytes")
	wantEntry(t, res.Report, "cell.csv row 3: ok")

	// Text formats: a question past the limit is cut, a file past the size is refused.
	var g strings.Builder
	for i := 0; i < 5003; i++ {
		fmt.Fprintf(&g, "::q%d::问%d？{T####对。}\n\n", i, i)
	}
	res, err = Import("many.gift", []byte(g.String()), Options{Defaults: fullDefaults})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "many.gift:10001: error", "第5001题起未导入：超过5000题上限")
	fileCut(t, res)
	var a strings.Builder
	for i := 0; i < 5001; i++ {
		fmt.Fprintf(&a, "问%d？\nA. 甲\nB. 乙\nANSWER: A\nEXPLANATION: 解。\n", i)
	}
	res, err = Import("many.aiken", []byte(a.String()), Options{Defaults: fullDefaults})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "many.aiken:25001: error", "第5001题起未导入")
	huge := "::a::" + strings.Repeat("长", 3<<20) + "{T}\n"
	if _, err := Import("huge.gift", []byte(huge), Options{Defaults: fullDefaults}); err == nil || !strings.Contains(err.Error(), "larger than 8 MB") {
		t.Errorf("huge GIFT: %v", err)
	}
	long := "::a::" + strings.Repeat("长", 2000) + "{T####对。}\n"
	res, err = Import("long.gift", []byte(long), Options{Defaults: fullDefaults})
	if err != nil {
		t.Fatal(err)
	}
	wantEntry(t, res.Report, "long.gift:1: error", "prompt: the text is 6000 bytes long; at most 4096")
	if _, err := Import("x.csv", make([]byte, 65<<20), Options{}); err == nil || !strings.Contains(err.Error(), "split it") {
		t.Errorf("a 65 MB file: %v", err)
	}
}
