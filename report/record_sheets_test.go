package report

import (
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
)

// typedDate fails unless a cell holds a date as a spreadsheet date, showing day.
func typedDate(t *testing.T, f *excelize.File, sheet, cell string, day time.Time) {
	t.Helper()
	shown, _ := f.GetCellValue(sheet, cell)
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if shown != day.Format(time.DateOnly) || raw != strconv.Itoa(excelDay(day)) {
		t.Errorf("%s!%s shows %q and holds %q; want the date %s stored as day %d", sheet, cell, shown, raw,
			day.Format(time.DateOnly), excelDay(day))
	}
}

func TestXLSXHasASheetPerFieldRegister(t *testing.T) {
	a := demo(t, assessment.DemoLarge)
	f := openXLSX(t, a)
	counts := map[string]int{sheetAudits: len(a.Audits), sheetReviews: len(a.Reviews), sheetTraining: len(a.Training),
		sheetSuppliers: len(a.Suppliers), sheetIncidents: len(a.Incidents), sheetInterviews: len(a.Interviews)}
	for sheet, n := range counts {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Errorf("the workbook has no %q sheet: %v", sheet, err)
			continue
		}
		if len(rows)-1 != n {
			t.Errorf("the %q sheet has %d rows, want every one of the %d entries", sheet, len(rows)-1, n)
		}
	}
	inc := a.Incidents[len(a.Incidents)-1]
	row := strconv.Itoa(findRow(t, f, sheetIncidents, inc.Label()))
	typedDate(t, f, sheetIncidents, "E"+row, inc.Detected)
	audit := a.Audits[0]
	row = strconv.Itoa(findRow(t, f, sheetAudits, audit.Label()))
	typedDate(t, f, sheetAudits, "C"+row, audit.Planned)
	tr := a.Training[0]
	row = strconv.Itoa(findRow(t, f, sheetTraining, tr.Label()))
	if due, _ := f.GetCellValue(sheetTraining, "D"+row, excelize.Options{RawCellValue: true}); due != strconv.Itoa(tr.Due) {
		t.Errorf("people due reads %q, want the number %d", due, tr.Due)
	}
	if kind, _ := f.GetCellType(sheetTraining, "D"+row); kind == excelize.CellTypeSharedString || kind == excelize.CellTypeInlineString {
		t.Error("people due is stored as text, not as a number")
	}
}

func TestXLSXInventoryAndSummaryCarryTheClassAndTheCertificationPath(t *testing.T) {
	cat := catalogue(t)
	a := demo(t, assessment.DemoStandard)
	f := openXLSX(t, a)
	s := a.Systems[0]
	row := strconv.Itoa(findRow(t, f, "AI systems", s.Name))
	if class, _ := f.GetCellValue("AI systems", "N"+row); class != s.EUAIAct.Describe(cat) {
		t.Errorf("the inventory gives %s the EU AI Act class %q, want %q", s.Name, class, s.EUAIAct.Describe(cat))
	}
	if head, _ := f.GetCellValue("AI systems", "N1"); head != "EU AI Act class (indicative, not legal advice)" {
		t.Errorf("the class column is headed %q", head)
	}
	for _, m := range assessment.CertificationPath(a.Certification) {
		row := strconv.Itoa(findRow(t, f, "Summary", m.Title))
		typedDate(t, f, "Summary", "B"+row, m.Date)
	}
}

func TestXLSXShadesDueDiligenceResultsOnly(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	a.Suppliers[0].Result, a.Suppliers[0].Assessed = "", time.Time{}
	a.Results["4.1"].Status = assessment.NotAssessed
	f := openXLSX(t, a)
	fill := func(sheet, cell string) []string {
		id, _ := f.GetCellStyle(sheet, cell)
		s, _ := f.GetStyle(id)
		if s == nil {
			return nil
		}
		return s.Fill.Color
	}
	row := strconv.Itoa(findRow(t, f, sheetSuppliers, a.Suppliers[0].Label()))
	if word, _ := f.GetCellValue(sheetSuppliers, "F"+row); word != "no due diligence" || len(fill(sheetSuppliers, "F"+row)) == 0 {
		t.Errorf("a supplier never assessed reads %q with fill %v, want a shaded \"no due diligence\"", word, fill(sheetSuppliers, "F"+row))
	}
	row = strconv.Itoa(findRow(t, f, "Items", "4.1"))
	if c := fill("Items", "F"+row); len(c) != 0 {
		t.Errorf("an item not assessed is shaded %v; only what is judged is shaded", c)
	}
}
