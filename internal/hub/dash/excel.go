package dash

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jindu-edu/kiosk/internal/hub"
)

// excel answers with the page's tables as an .xlsx workbook, one sheet per table, numbers
// as numbers (rates with a percent format).
func (d *Dashboard) excel(w http.ResponseWriter, v view, f hub.Filter) {
	book, err := workbook(v, f)
	if err != nil {
		d.log().Error("dashboard excel", "page", v.Title, "err", err)
		http.Error(w, "导出失败："+err.Error(), http.StatusInternalServerError)
		return
	}
	defer book.Close()
	name := v.Title
	if f.From != "" || f.To != "" {
		name += "_" + f.From + "至" + f.To
	}
	if f.KioskID != "" {
		name += "_" + f.KioskID
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="export.xlsx"; filename*=UTF-8''%s`,
		url.PathEscape(name+".xlsx")))
	if err := book.Write(w); err != nil {
		d.log().Warn("dashboard excel: write", "err", err)
	}
}

func workbook(v view, f hub.Filter) (*excelize.File, error) {
	book := excelize.NewFile()
	pctStyle, err := book.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return nil, err
	}
	numStyle, err := book.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	if err != nil {
		return nil, err
	}
	head, err := book.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	for i, t := range v.Tables {
		sheet := t.Title
		if i == 0 {
			if err := book.SetSheetName("Sheet1", sheet); err != nil {
				return nil, err
			}
		} else if _, err := book.NewSheet(sheet); err != nil {
			return nil, err
		}
		rng := "全部日期"
		if f.From != "" || f.To != "" {
			rng = f.From + " 至 " + f.To
		}
		if f.KioskID != "" {
			rng += "，展机 " + f.KioskID
		}
		if err := book.SetSheetRow(sheet, "A1", &[]any{v.Title + " · " + t.Title + "（" + rng + "）"}); err != nil {
			return nil, err
		}
		cols := make([]any, len(t.Cols))
		for j, c := range t.Cols {
			cols[j] = c
		}
		if err := book.SetSheetRow(sheet, "A2", &cols); err != nil {
			return nil, err
		}
		last, _ := excelize.CoordinatesToCellName(len(t.Cols), 2)
		book.SetCellStyle(sheet, "A2", last, head) //nolint:errcheck // cosmetic
		for r, row := range t.Rows {
			for c, val := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+3)
				var err error
				switch x := val.(type) {
				case pct:
					err = book.SetCellFloat(sheet, cell, float64(x), -1, 64)
					book.SetCellStyle(sheet, cell, cell, pctStyle) //nolint:errcheck // cosmetic
				case float64:
					err = book.SetCellFloat(sheet, cell, x, -1, 64)
					book.SetCellStyle(sheet, cell, cell, numStyle) //nolint:errcheck // cosmetic
				case time.Time:
					err = book.SetCellValue(sheet, cell, cellText(x))
				default:
					err = book.SetCellValue(sheet, cell, val)
				}
				if err != nil {
					return nil, fmt.Errorf("sheet %s cell %s: %w", sheet, cell, err)
				}
			}
		}
		for j := range t.Cols {
			col, _ := excelize.ColumnNumberToName(j + 1)
			book.SetColWidth(sheet, col, col, 16) //nolint:errcheck // cosmetic
		}
	}
	return book, nil
}
