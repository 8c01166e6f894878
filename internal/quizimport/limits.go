package quizimport

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Limits bound what one import may read, so that a zip bomb, a million-row sheet or a
// huge text file is cut or refused with a report line instead of exhausting memory. The
// zero value of a field means its default (DefaultLimits).
type Limits struct {
	MaxFileBytes   int64 // the input file as stored (.xlsx zipped); larger files are refused
	MaxTextBytes   int64 // a GIFT or Aiken file; larger files are refused
	MaxRows        int   // sheet rows read (the header counts); later rows are cut and reported
	MaxQuestions   int   // GIFT or Aiken questions read; later ones are cut and reported
	MaxCellBytes   int   // one cell or text of a question; a longer one is an error of its row
	MaxTotalBytes  int64 // the text of all rows read; the rows after the limit are cut
	MaxSheetUnzip  int64 // all worksheets of a workbook, unzipped (they are streamed)
	MaxPartUnzip   int64 // any other part of a workbook, unzipped (read into memory)
	MaxZipEntries  int   // parts of a workbook
	MaxUnzipMemory int64 // worksheet XML above this is streamed from a temporary file
}

// DefaultLimits fit the bank: a kiosk holds a few hundred questions, so 5000 rows, 4 KB
// cells and 16 MB of text leave a wide margin while keeping memory in the tens of MB.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:   64 << 20,
		MaxTextBytes:   8 << 20,
		MaxRows:        5000,
		MaxQuestions:   5000,
		MaxCellBytes:   4096,
		MaxTotalBytes:  16 << 20,
		MaxSheetUnzip:  256 << 20,
		MaxPartUnzip:   16 << 20,
		MaxZipEntries:  256,
		MaxUnzipMemory: 1 << 20,
	}
}

// orDefault fills the zero fields of l.
func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	fill64 := func(v *int64, def int64) {
		if *v <= 0 {
			*v = def
		}
	}
	fill := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	fill64(&l.MaxFileBytes, d.MaxFileBytes)
	fill64(&l.MaxTextBytes, d.MaxTextBytes)
	fill(&l.MaxRows, d.MaxRows)
	fill(&l.MaxQuestions, d.MaxQuestions)
	fill(&l.MaxCellBytes, d.MaxCellBytes)
	fill64(&l.MaxTotalBytes, d.MaxTotalBytes)
	fill64(&l.MaxSheetUnzip, d.MaxSheetUnzip)
	fill64(&l.MaxPartUnzip, d.MaxPartUnzip)
	fill(&l.MaxZipEntries, d.MaxZipEntries)
	fill64(&l.MaxUnzipMemory, d.MaxUnzipMemory)
	return l
}

func mb(n int64) string { return fmt.Sprintf("%d MB", n>>20) }

// checkZip unpacks every part of a workbook into io.Discard, counting the bytes it really
// yields (not the sizes the zip claims), and refuses the workbook when a part or the
// worksheets together unpack to more than the limits. Only then is it handed to excelize.
func checkZip(data []byte, lim Limits) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a readable .xlsx workbook: %w", err)
	}
	if len(zr.File) > lim.MaxZipEntries {
		return fmt.Errorf("the workbook has %d parts (at most %d): it is not a plain question sheet", len(zr.File), lim.MaxZipEntries)
	}
	var sheets int64
	for _, f := range zr.File {
		sheet := strings.HasPrefix(strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/")), "xl/worksheets/sheet")
		limit := lim.MaxPartUnzip
		if sheet {
			limit = lim.MaxSheetUnzip - sheets
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("not a readable .xlsx workbook: part %s: %w", f.Name, err)
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, limit+1))
		rc.Close()
		if err != nil {
			return fmt.Errorf("not a readable .xlsx workbook: part %s: %w", f.Name, err)
		}
		if n > limit {
			what := fmt.Sprintf("its part %s unpacks to more than %s", f.Name, mb(lim.MaxPartUnzip))
			if sheet {
				what = "its worksheets unpack to more than " + mb(lim.MaxSheetUnzip)
			}
			return fmt.Errorf("the workbook is refused: %s (%d bytes zipped); a question sheet is far smaller — is it a zip bomb?", what, len(data))
		}
		if sheet {
			sheets += n
		}
	}
	return nil
}

// clip cuts s to at most n bytes on a rune boundary; long reports whether it was longer.
func clip(s string, n int) (_ string, long bool) {
	if len(s) <= n {
		return s, false
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.Clone(s[:n]), true
}

// cutRows is the report line for the rows a sheet could not take: row is the first row
// left out.
func cutRows(file string, row int, why string) Entry {
	return Entry{At: Loc{File: file, Line: row, Row: true}, Level: Error,
		Msg: fmt.Sprintf("第%d行起未导入：%s (rows from %d on were not imported; split the file)", row, why, row)}
}

// cutQuestions is the report line for the questions of a text file after the limit.
func cutQuestions(file string, line, n int) Entry {
	return Entry{At: Loc{File: file, Line: line}, Level: Error,
		Msg: fmt.Sprintf("第%d题起未导入：超过%d题上限 (questions from line %d on were not imported: more than %d; split the file)", n+1, n, line, n)}
}
