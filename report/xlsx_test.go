package report

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
)

// openXLSX exports an assessment as a workbook and opens it again.
func openXLSX(t *testing.T, a *assessment.Assessment) *excelize.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workbook.xlsx")
	if err := ExportFile(path, "xlsx", catalogue(t), a, Options{AsOf: reportDay}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// findRow returns the number of the first row of a sheet whose first cell is key.
func findRow(t *testing.T, f *excelize.File, sheet, key string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == key {
			return i + 1
		}
	}
	t.Fatalf("%s has no row %q", sheet, key)
	return 0
}

func TestXLSXIsAWorkingFile(t *testing.T) {
	cat := catalogue(t)
	a := withFormulas(t)
	f := openXLSX(t, a)
	want := map[string]int{"Items": 70, "Gap register": len(assessment.GapRegister(cat, a, reportDay)), "Statement of Applicability": 38,
		"Risks": len(a.Risks), "Control tests": len(a.Tests), "Nonconformities": len(a.NCs), "Evidence requests": 45,
		"AI systems": len(a.Systems), "KPIs": len(cat.KPIs)}
	sheets := f.GetSheetList()
	if len(sheets) < 10 || sheets[0] != "Summary" {
		t.Fatalf("sheets %v: want the summary first and at least ten", sheets)
	}
	for _, sheet := range sheets[1:] {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v", sheet, panes)
		}
		style, _ := f.GetCellStyle(sheet, "A1")
		if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("%s: header not bold", sheet)
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("%s: not set up to print landscape to the page width: %+v", sheet, layout)
		}
		if n, ok := want[sheet]; ok {
			if rows, _ := f.GetRows(sheet); len(rows) != n+1 {
				t.Errorf("%s: %d rows, want %d and a header", sheet, len(rows), n)
			}
		}
	}
	titles := 0
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles++
		}
	}
	if titles != len(sheets)-1 {
		t.Errorf("%d sheets repeat their header when printed, want %d", titles, len(sheets)-1)
	}
}

func TestXLSXNumbersAndDatesAreTyped(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	f := openXLSX(t, a)
	r := a.Results["4.2"]
	row := strconv.Itoa(findRow(t, f, "Items", "4.2"))
	tests := []struct {
		name, sheet, cell, shown, raw string
	}{
		{"maturity", "Items", "G" + row, strconv.Itoa(r.Maturity), strconv.Itoa(r.Maturity)},
		{"target", "Items", "H" + row, "3", "3"},
		{"due date", "Items", "N" + row, r.Due.Format("2006-01-02"), strconv.Itoa(excelDay(r.Due))},
		{"readiness level", "Summary", "B6", "2", "2"},
		{"report date", "Summary", "B4", "2026-11-26", strconv.Itoa(excelDay(reportDay))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown, _ := f.GetCellValue(tt.sheet, tt.cell)
			raw, _ := f.GetCellValue(tt.sheet, tt.cell, excelize.Options{RawCellValue: true})
			kind, _ := f.GetCellType(tt.sheet, tt.cell)
			if shown != tt.shown || raw != tt.raw || kind == excelize.CellTypeSharedString || kind == excelize.CellTypeInlineString {
				t.Errorf("%s!%s shows %q, holds %q (type %v); want a typed cell showing %q", tt.sheet, tt.cell, shown, raw, kind, tt.shown)
			}
		})
	}
	status, _ := f.GetCellStyle("Items", "F"+row)
	if s, _ := f.GetStyle(status); s == nil || len(s.Fill.Color) == 0 {
		t.Error("a status cell is not coloured")
	}
	if word, _ := f.GetCellValue("Items", "F"+row); word != r.Status.Label() {
		t.Errorf("the status reads %q, want the word %q", word, r.Status.Label())
	}
}

// excelDay is a date as the spreadsheet's serial day number.
func excelDay(t interface{ Unix() int64 }) int { return int(t.Unix()/86400) + 25569 }

func TestXLSXShowsFormulaTextWithoutAnApostrophe(t *testing.T) {
	f := openXLSX(t, withFormulas(t))
	row := strconv.Itoa(findRow(t, f, "AI systems", formulaText["system"]))
	name, _ := f.GetCellValue("AI systems", "A"+row)
	if name != formulaText["system"] {
		t.Errorf("the cell shows %q, want the text as typed", name)
	}
	if formula, _ := f.GetCellFormula("AI systems", "A"+row); formula != "" {
		t.Errorf("a cell holds the formula %q", formula)
	}
	style, _ := f.GetCellStyle("AI systems", "A"+row)
	if xf := f.Styles.CellXfs.Xf[style]; xf.QuotePrefix == nil || !*xf.QuotePrefix {
		t.Error("text that looks like a formula is not stored with the quote-prefix style")
	}
}
