package report

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// WriteXLSX writes the assessment as a working file (SPEC §10a): a summary sheet with the
// verdict, blockers and roll-ups, then every item, the gap register, the Statement of
// Applicability, risks, control tests and their samples, nonconformities, evidence, evidence
// requests, the roadmap, KPIs, AI systems and the field registers (internal audits, management
// reviews, training, suppliers, AI incidents, interviews). Numbers and dates are typed cells;
// statuses are worded and coloured; every sheet has a styled, frozen, filtered header row and prints
// landscape to the page width with the header repeated. Text a spreadsheet would take for a
// formula is stored as text with the quote-prefix style, so it shows without an apostrophe.
func WriteXLSX(w io.Writer, cat *checklists.Catalogue, a *assessment.Assessment, opts Options) error {
	if cat == nil || a == nil {
		return fmt.Errorf("the workbook needs an assessment and its catalogue")
	}
	f := gather(cat, a, opts)
	x, err := newWorkbook(f)
	if err != nil {
		return err
	}
	defer x.file.Close()
	if err := x.summarySheet(f); err != nil {
		return fmt.Errorf("write the summary sheet: %w", err)
	}
	registers := []register{resultsTable(cat, a), gapTable(cat, a, f.asOf), soaTable(cat, a), riskTable(f), testTable(f), sampleTable(f),
		ncTable(a, f.asOf), evidenceTable(cat, a), requestTable(f), roadmapTable(f), kpiTable(f), inventoryTable(cat, a)}
	for _, reg := range append(registers, recordTables(f)...) {
		if err := x.registerSheet(reg); err != nil {
			return fmt.Errorf("write the %s sheet: %w", reg.name, err)
		}
	}
	x.file.SetActiveSheet(0)
	return x.file.Write(w)
}

// workbook is a workbook being written, with its styles made once.
type workbook struct {
	file                             *excelize.File
	head, body, quoted, number, date int
	mean, title, label               int
	status                           map[string]int // status word → its coloured style
}

// newWorkbook creates the file, its properties and styles.
func newWorkbook(f *facts) (*workbook, error) {
	file := excelize.NewFile()
	stamp := f.asOf.Format("2006-01-02T15:04:05Z")
	if err := file.SetDocProps(&excelize.DocProperties{Title: f.a.Organisation.Name + " — " + f.a.Title, Creator: "aimsbench",
		Subject: "ISO/IEC 42001 readiness assessment", Created: stamp, Modified: stamp}); err != nil {
		file.Close()
		return nil, fmt.Errorf("set workbook properties: %w", err)
	}
	x := &workbook{file: file, status: map[string]int{}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	dateFmt, meanFmt := "yyyy-mm-dd", "0.0"
	styles := []struct {
		to    *int
		style excelize.Style
	}{
		{&x.head, excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: solid("1F3A5F"),
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&x.body, excelize.Style{Alignment: top}},
		{&x.quoted, excelize.Style{Alignment: top, NumFmt: 49}}, // 49 is the text format "@"
		{&x.number, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&x.date, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, CustomNumFmt: &dateFmt}},
		{&x.mean, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &meanFmt}},
		{&x.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "1F3A5F"}}},
		{&x.label, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}},
	}
	for _, s := range styles {
		id, err := file.NewStyle(&s.style)
		if err != nil {
			file.Close()
			return nil, fmt.Errorf("create a cell style: %w", err)
		}
		*s.to = id
	}
	quotePrefix(file, x.quoted)
	for fill, words := range statusWords {
		font := &excelize.Font{}
		if fill == "962822" {
			font = &excelize.Font{Bold: true, Color: "FFFFFF"}
		}
		id, err := file.NewStyle(&excelize.Style{Fill: solid(fill), Font: font, Alignment: top})
		if err != nil {
			file.Close()
			return nil, fmt.Errorf("create a status style: %w", err)
		}
		for _, w := range words {
			x.status[w] = id
		}
	}
	return x, nil
}

// statusWords are the words a status cell may hold, by the fill that marks them: light for
// what is in order, amber for what is under way, dark red for what is wrong.
var statusWords = map[string][]string{
	"D6EAD8": {"conformant", "implemented", "effective", "received", "reviewed", "low", "pass", "verified effective", "closed", "satisfactory"},
	"F6D68C": {"partially conformant", "partly implemented", "requested", "medium", "not concluded", "in progress", "minor nonconformity", "observation", "conditional"},
	"962822": {"nonconformant", "not implemented", "ineffective", "not available", "high", "exception", "overdue", "major nonconformity", "reopened", "unsatisfactory", "no due diligence"},
}

func solid(colour string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
}

// quotePrefix sets the quote-prefix flag on a style, which tells a spreadsheet program that the
// cell is text even when it starts like a formula. excelize has no option for it, so the flag
// is set on the style record it created.
func quotePrefix(file *excelize.File, style int) {
	if file.Styles == nil || file.Styles.CellXfs == nil || style >= len(file.Styles.CellXfs.Xf) {
		return
	}
	on := true
	file.Styles.CellXfs.Xf[style].QuotePrefix = &on
}

// cellStyle is the style a value is shown with in a column.
func (x *workbook) cellStyle(c sheetColumn, v any) int {
	switch v := v.(type) {
	case time.Time:
		return x.date
	case float64:
		return x.mean
	case int, int64:
		return x.number
	case string:
		if c.kind == statusValue {
			if id, ok := x.status[strings.ToLower(v)]; ok {
				return id
			}
		}
		if formulaLike(v) {
			return x.quoted
		}
	}
	return x.body
}

// sheetValue is a value as written to a cell: unset dates left empty.
func sheetValue(v any) any {
	if t, ok := v.(time.Time); ok && t.IsZero() {
		return nil
	}
	return v
}

// registerSheet writes a register on its own sheet: header, rows, widths, filter, frozen
// header and print set-up.
func (x *workbook) registerSheet(reg register) error {
	if _, err := x.file.NewSheet(reg.name); err != nil {
		return err
	}
	if _, err := x.writeBlock(reg.name, reg, 1, true); err != nil {
		return err
	}
	if err := setColWidths(x.file, reg.name, columnWidths(reg.cols)); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(reg.cols))
	lastRow := max(len(reg.rows)+1, 2)
	if err := x.file.SetPanes(reg.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	if err := x.file.AutoFilter(reg.name, fmt.Sprintf("A1:%s%d", last, lastRow), nil); err != nil {
		return err
	}
	return x.printSetUp(reg.name, "landscape", true)
}

// writeBlock writes a register from row top, with its header row when header is set, and
// returns the next free row. A register sheet sets its column widths here.
func (x *workbook) writeBlock(sheet string, reg register, top int, header bool) (int, error) {
	if header {
		head := reg.headers()
		if err := x.file.SetSheetRow(sheet, fmt.Sprintf("A%d", top), &head); err != nil {
			return 0, err
		}
		last, _ := excelize.ColumnNumberToName(len(reg.cols))
		if err := x.file.SetCellStyle(sheet, fmt.Sprintf("A%d", top), fmt.Sprintf("%s%d", last, top), x.head); err != nil {
			return 0, err
		}
		if err := x.file.SetRowHeight(sheet, top, rowHeight(head, columnWidths(reg.cols))); err != nil {
			return 0, err
		}
		top++
	}
	for i, row := range reg.rows {
		if err := x.writeRow(sheet, reg.cols, row, top+i); err != nil {
			return 0, err
		}
	}
	return top + len(reg.rows), nil
}

// writeRow writes one row of typed values, each cell styled for what it holds.
func (x *workbook) writeRow(sheet string, cols []sheetColumn, row []any, n int) error {
	cells := make([]any, len(row))
	texts := make([]string, len(row))
	for j, v := range row {
		cells[j], texts[j] = sheetValue(v), plainValue(v)
	}
	if err := x.file.SetSheetRow(sheet, fmt.Sprintf("A%d", n), &cells); err != nil {
		return err
	}
	start, style := 0, -1
	for j := 0; j <= len(row); j++ { // style runs of neighbouring cells that share a style in one call
		s := -1
		if j < len(row) {
			s = x.cellStyle(cols[j], row[j])
		}
		if s == style && j < len(row) {
			continue
		}
		if style >= 0 {
			from, _ := excelize.CoordinatesToCellName(start+1, n)
			to, _ := excelize.CoordinatesToCellName(j, n)
			if err := x.file.SetCellStyle(sheet, from, to, style); err != nil {
				return err
			}
		}
		start, style = j, s
	}
	return x.file.SetRowHeight(sheet, n, rowHeight(texts, columnWidths(cols)))
}

// summarySheet writes the first sheet: a title, then the key figures as labelled values,
// the blockers and the roll-ups one below the other, each under its own heading.
func (x *workbook) summarySheet(f *facts) error {
	const sheet = "Summary"
	if err := x.file.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	blocks := summaryTables(f)
	widths := make([]float64, 0, 12)
	for _, b := range blocks { // a column is as wide as the widest block needs it
		for i, c := range b.cols {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], c.width)
		}
	}
	row := 1
	for i, b := range blocks {
		if err := x.heading(sheet, row, b.name); err != nil {
			return err
		}
		next, err := x.writeBlock(sheet, b, row+1, i > 0)
		if err != nil {
			return err
		}
		if i == 0 {
			if err := x.file.SetCellStyle(sheet, fmt.Sprintf("A%d", row+1), fmt.Sprintf("A%d", next-1), x.label); err != nil {
				return err
			}
		}
		row = next + 1
	}
	if err := setColWidths(x.file, sheet, widths); err != nil {
		return err
	}
	return x.printSetUp(sheet, "portrait", false)
}

// heading writes a block's title in the title style.
func (x *workbook) heading(sheet string, row int, text string) error {
	cell := fmt.Sprintf("A%d", row)
	if err := x.file.SetCellValue(sheet, cell, text); err != nil {
		return err
	}
	return x.file.SetCellStyle(sheet, cell, cell, x.title)
}

// printSetUp prints a sheet on A4, fitted to the page width, with the sheet's name and page
// numbers in the footer and, for a register, its header row repeated on every page.
func (x *workbook) printSetUp(sheet, orientation string, repeatHeader bool) error {
	size, fit, tall := 9, 1, 0 // 9 is A4
	if err := x.file.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &fit, FitToHeight: &tall}); err != nil {
		return err
	}
	fitToPage := true
	if err := x.file.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
		return err
	}
	if err := x.file.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&L&A&RPage &P of &N"}); err != nil {
		return err
	}
	if !repeatHeader {
		return nil
	}
	return x.file.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", sheet), Scope: sheet})
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

// columnWidths are the widths of a register's columns, in characters.
func columnWidths(cols []sheetColumn) []float64 {
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = c.width
	}
	return out
}

// setColWidths sets the widths of a sheet's first columns, in characters.
func setColWidths(f *excelize.File, sheet string, widths []float64) error {
	for i, w := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err == nil {
			err = f.SetColWidth(sheet, col, col, w)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
