package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// WriteXLSX writes a workbook with one sheet each for the gap register, the Statement of
// Applicability, the nonconformities and the AI system inventory: styled header, frozen
// header row, filters on every column, wrapped text and every cell neutralised.
func WriteXLSX(w io.Writer, cat *checklists.Catalogue, a *assessment.Assessment, opts Options) error {
	asOf := opts.reportDate(a)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: a.Organisation.Name + " — " + a.Title, Creator: "aimsbench", Subject: "ISO/IEC 42001 readiness assessment",
		Created: asOf.Format("2006-01-02T15:04:05Z"), Modified: asOf.Format("2006-01-02T15:04:05Z"),
	}); err != nil {
		return fmt.Errorf("set workbook properties: %w", err)
	}
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3A5F"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	})
	if err != nil {
		return fmt.Errorf("create the header style: %w", err)
	}
	body, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return fmt.Errorf("create the cell style: %w", err)
	}
	sheets := []register{gapTable(cat, a, asOf), soaTable(cat, a), ncTable(a, asOf), inventoryTable(cat, a)}
	for i, reg := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", reg.name)
		} else {
			_, err = f.NewSheet(reg.name)
		}
		if err == nil {
			err = writeSheet(f, reg, head, body)
		}
		if err != nil {
			return fmt.Errorf("write the %s sheet: %w", reg.name, err)
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// writeSheet fills one sheet from a register.
func writeSheet(f *excelize.File, reg register, head, body int) error {
	last, err := excelize.ColumnNumberToName(len(reg.header))
	if err != nil {
		return err
	}
	if err := f.SetSheetRow(reg.name, "A1", &reg.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(reg.name, 1, rowHeight(reg.header, reg.widths)); err != nil {
		return err
	}
	for i, row := range reg.rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = neutralise(c)
		}
		if err := f.SetSheetRow(reg.name, fmt.Sprintf("A%d", i+2), &cells); err != nil {
			return err
		}
		if err := f.SetRowHeight(reg.name, i+2, rowHeight(row, reg.widths)); err != nil {
			return err
		}
	}
	for i, w := range reg.widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(reg.name, col, col, w); err != nil {
			return err
		}
	}
	lastRow := max(len(reg.rows)+1, 2)
	if err := f.SetCellStyle(reg.name, "A2", fmt.Sprintf("%s%d", last, lastRow), body); err != nil {
		return err
	}
	if err := f.SetCellStyle(reg.name, "A1", last+"1", head); err != nil {
		return err
	}
	if err := f.SetPanes(reg.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return f.AutoFilter(reg.name, fmt.Sprintf("A1:%s%d", last, lastRow), nil)
}

// rowHeight estimates the height in points a row of wrapped text needs, since not every
// spreadsheet program grows rows to fit when it opens a file.
func rowHeight(row []string, widths []float64) float64 {
	lines := 1
	for i, text := range row {
		if i >= len(widths) {
			break
		}
		perLine := max(int(widths[i]*1.1), 1)
		n := 0
		for _, part := range strings.Split(text, "\n") {
			n += max(1, (utf8.RuneCountInString(part)+perLine-1)/perLine)
		}
		lines = max(lines, n)
	}
	return min(15*float64(lines)+3, 409)
}
