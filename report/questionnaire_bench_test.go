package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
)

// BenchmarkQuestionnaire writes the auditee questionnaire of the large demo, and reads back
// one the client filled in completely (every row answered with a paragraph,
// a reference and a contact). Target: 1 s each, what an assessor waits for without noticing.
func BenchmarkQuestionnaire(b *testing.B) {
	cat := catalogue(b)
	a := demo(b, assessment.DemoLarge)
	opts := Options{AsOf: reportDay}
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteQuestionnaire(io.Discard, cat, a, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	path := filepath.Join(b.TempDir(), "filled.xlsx")
	if err := ExportFile(path, "questionnaire", cat, a, opts); err != nil {
		b.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	answered := 0
	for _, sheet := range f.GetSheetList()[1 : len(f.GetSheetList())-1] {
		rows, _ := f.GetRows(sheet)
		for r := 2; r <= len(rows); r++ {
			f.SetCellValue(sheet, fmt.Sprintf("E%d", r), strings.Repeat("We do this and keep records of it. ", 20))
			f.SetCellValue(sheet, fmt.Sprintf("F%d", r), "DOC-0042 v3, intranet")
			f.SetCellValue(sheet, fmt.Sprintf("G%d", r), "Jane Roe, CISO")
			answered++
		}
	}
	if err := f.Save(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			q, err := ReadQuestionnaireFile(path, cat, a)
			if err != nil || len(q.Answers) != answered {
				b.Fatalf("read %v answers of %d: %v", q, answered, err)
			}
		}
		b.ReportMetric(float64(answered), "rows")
	})
}
