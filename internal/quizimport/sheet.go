package quizimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// row is one line of a spreadsheet with its row number.
type row struct {
	num   int
	cells []string
	dates []int // indexes of cells that Excel stores as dates or times
	long  []int // indexes of cells cut at Limits.MaxCellBytes
	size  int   // bytes of all cells (after cutting)
}

// rowFunc receives the rows of a sheet in order; returning false stops the reading.
type rowFunc func(row) bool

// newRow cuts over-long cells, so that a huge cell costs no more than a legal one.
func newRow(num int, cells []string, lim Limits) row {
	r := row{num: num, cells: cells}
	for i, c := range cells {
		var long bool
		if r.cells[i], long = clip(c, lim.MaxCellBytes); long {
			r.long = append(r.long, i)
		}
		r.size += len(r.cells[i])
	}
	return r
}

// readXLSX streams the rows of the workbook's first sheet, numbered as Excel shows them.
// The workbook is unpacked once under limits (checkZip) before excelize sees it; large
// worksheets are then streamed from a temporary file, never held in memory.
func readXLSX(data []byte, lim Limits, each rowFunc) error {
	if err := checkZip(data, lim); err != nil {
		return err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    lim.MaxSheetUnzip + lim.MaxPartUnzip*int64(lim.MaxZipEntries),
		UnzipXMLSizeLimit: lim.MaxUnzipMemory,
	})
	if err != nil {
		return fmt.Errorf("not a readable .xlsx workbook: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return errors.New("the workbook has no sheets")
	}
	// Two iterators in step: the values as Excel shows them and as stored, to tell a
	// date (shown "6月26日", stored 45834) from text.
	shown, err := f.Rows(sheets[0])
	if err != nil {
		return fmt.Errorf("read sheet %q: %w", sheets[0], err)
	}
	defer shown.Close()
	stored, err := f.Rows(sheets[0])
	if err != nil {
		return fmt.Errorf("read sheet %q: %w", sheets[0], err)
	}
	defer stored.Close()
	for num := 1; shown.Next() && stored.Next(); num++ {
		cells, err := shown.Columns()
		if err != nil {
			return fmt.Errorf("read sheet %q row %d: %w", sheets[0], num, err)
		}
		raw, err := stored.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("read sheet %q row %d: %w", sheets[0], num, err)
		}
		r := newRow(num, cells, lim)
		for j := range r.cells {
			if j < len(raw) && isDate(cells[j], raw[j]) {
				r.dates = append(r.dates, j)
			}
		}
		if !each(r) {
			return nil
		}
	}
	if err := shown.Error(); err != nil {
		return fmt.Errorf("read sheet %q: %w", sheets[0], err)
	}
	return nil
}

// isDate reports whether a cell holds a number that Excel shows as a date or time. Excel
// turns "6月26日" typed into a General cell into such a number, and what the file then
// holds is no longer the text the author saw. A number shown as a number ("3.00") is not.
func isDate(shown, raw string) bool {
	if shown == raw {
		return false
	}
	if _, err := strconv.ParseFloat(strings.TrimSpace(raw), 64); err != nil {
		return false
	}
	plain := strings.NewReplacer(",", "", " ", "", "%", "", "$", "", "¥", "", "￥", "", "(", "", ")", "").Replace(shown)
	if _, err := strconv.ParseFloat(plain, 64); err == nil {
		return false
	}
	return strings.ContainsAny(shown, "/-:年月日时分秒")
}

// readCSV streams the records of a CSV file, numbered by the line they start on (the row
// Excel shows unless a cell holds line breaks). Commas, semicolons and tabs are accepted
// as separators; the first non-empty line decides. note names the encoding when it was
// not UTF-8.
func readCSV(data []byte, lim Limits, each rowFunc) (note string, err error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", errors.New("the file is UTF-16 text: save it as UTF-8 (Excel: CSV UTF-8)")
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	var (
		src    io.Reader
		sample []byte
	)
	if utf8.Valid(data) {
		if bytes.IndexByte(data, '\r') >= 0 && !bytes.Contains(data, []byte("\r\n")) {
			data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n")) // old Mac line ends
		}
		src, sample = bytes.NewReader(data), data[:min(len(data), 64<<10)]
	} else {
		text, enc, err := decodeText(data) // GB18030: decoded whole, the file is bounded
		if err != nil {
			return "", err
		}
		src, note, sample = strings.NewReader(text), enc, []byte(text[:min(len(text), 64<<10)])
	}
	r := csv.NewReader(src)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.Comma = sniffComma(sample)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return note, nil
		}
		if err != nil {
			return note, fmt.Errorf("not valid CSV: %w", err)
		}
		line, _ := r.FieldPos(0)
		if !each(newRow(line, rec, lim)) {
			return note, nil
		}
	}
}

// sniffComma picks the separator from the first non-empty line: a comma when there is
// one, else a tab or a semicolon.
func sniffComma(sample []byte) rune {
	first, _, _ := bytes.Cut(bytes.TrimSpace(sample), []byte("\n"))
	switch {
	case bytes.Contains(first, []byte(",")):
		return ','
	case bytes.Contains(first, []byte("\t")):
		return '\t'
	case bytes.Contains(first, []byte(";")):
		return ';'
	}
	return ','
}
