package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

func TestQuestionnaireRefusesWorkbooksChangedOutsideTheAnswers(t *testing.T) {
	const lead = "5 Leadership"
	// Each edit is something a client (or their spreadsheet program) might do; the answer
	// in row 2 proves nothing is imported when the workbook is refused.
	cases := []struct {
		name string
		edit func(f *excelize.File)
		want string
	}{
		{"question changed", func(f *excelize.File) { f.SetCellValue(lead, "C3", "Do you have a policy?") },
			`sheet "5 Leadership", row 3 (item 5.2): the question was changed; only the answer columns E to G may be filled in`},
		{"requirement title changed", func(f *excelize.File) { f.SetCellValue(lead, "B4", "Roles") }, `row 4 (item 5.3): the requirement title was changed`},
		{"typical evidence cleared", func(f *excelize.File) { f.SetCellValue(lead, "D2", "") }, `row 2 (item 5.1): the typical evidence was changed`},
		{"item ID changed", func(f *excelize.File) { f.SetCellValue(lead, "A3", "5.9") }, `row 3 (item 5.2): the item ID was changed`},
		{"header changed", func(f *excelize.File) { f.SetCellValue(lead, "E1", "Answer") }, `row 1: the heading of column E was changed from "Your answer"`},
		{"row deleted", func(f *excelize.File) { f.RemoveRow(lead, 3) }, `row 3 holds item 5.3, which belongs in row 4: rows were added, removed or moved`},
		{"last row deleted", func(f *excelize.File) { f.RemoveRow(lead, 4) }, `sheet "5 Leadership", row 4 (item 5.3) is missing: rows were removed`},
		{"row inserted", func(f *excelize.File) { f.InsertRows(lead, 3, 1) }, `row 3 is empty where item 5.2 belongs`},
		{"row added after the last", func(f *excelize.File) { f.SetCellValue(lead, "E9", "one more thing") }, `row 9 was added after the last question (row 4)`},
		{"text beside the answers", func(f *excelize.File) { f.SetCellValue(lead, "H2", "see email") }, `row 2: cell H2 holds text outside the questionnaire's columns`},
		{"sheet renamed", func(f *excelize.File) { f.SetSheetName(lead, "Leadership") }, `has no sheet "5 Leadership" (it was renamed or deleted)`},
		{"sheet deleted", func(f *excelize.File) { f.DeleteSheet("A.9 Use of AI systems") }, `has no sheet "A.9 Use of AI systems"`},
		{"cover renamed", func(f *excelize.File) { f.SetSheetName(coverSheet, "Cover") }, `has no sheet "Read me"`},
		{"sheet added", func(f *excelize.File) { f.NewSheet("Notes") }, `has a sheet "Notes" that the questionnaire did not have`},
		{"item taken off the hidden list", func(f *excelize.File) { f.RemoveRow(manifestSheet, 12) }, `the questionnaire's hidden identification was changed`},
		{"fingerprint property changed", func(f *excelize.File) {
			f.SetCustomProps(excelize.CustomProperty{Name: propFingerprint, Value: strings.Repeat("0", 64)})
		}, `the questionnaire's hidden identification was changed`},
		{"issue date changed", func(f *excelize.File) { f.SetCellValue(manifestSheet, "B9", "2026-12-24") }, `hidden identification was changed`},
		{"hidden sheet deleted", func(f *excelize.File) { f.DeleteSheet(manifestSheet) }, `is not an aimsbench questionnaire`},
		{"newer format", func(f *excelize.File) { f.SetCellValue(manifestSheet, "B2", "2") }, `a questionnaire of format version "2", which this aimsbench does not know`},
	}
	a := demo(t, assessment.DemoStandard)
	blank, err := os.ReadFile(exportQuestionnaire(t, a))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "questionnaire.xlsx")
			if err := os.WriteFile(path, blank, 0o600); err != nil {
				t.Fatal(err)
			}
			fill(t, path, []answer{{lead, 2, "Our board steers the AIMS.", "", ""}}, c.edit)
			q, err := ReadQuestionnaireFile(path, catalogue(t), a)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v (%v), want a refusal saying %q", err, q, c.want)
			}
			if strings.Count(err.Error(), ". ") > 0 || strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("the refusal is not one sentence: %v", err)
			}
		})
	}
}

func TestQuestionnaireRefusesFilesThatAreNotItsOwn(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	other := demo(t, assessment.DemoStandard)
	other.ID, other.Organisation.Name = "other001", "Contoso \x1b[31mBank"
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	plain := excelize.NewFile()
	var plainBytes bytes.Buffer
	plain.Write(&plainBytes)
	cases := []struct {
		name string
		path string
		cat  *checklists.Catalogue
		into *assessment.Assessment
		want string
	}{
		{"another assessment's questionnaire", exportQuestionnaire(t, other), catalogue(t), a,
			"is the questionnaire of assessment other001 (Contoso \ufffd[31mBank), not of demo0001 (Northwind Mutual Insurance); import it into its own assessment with --into other001"},
		{"issued with another catalogue", exportQuestionnaire(t, a), otherCatalogue(t), a, "was issued with catalogue iso42001-2023 version " + catalogue(t).Version + ", but iso42001-2023 version 2099.1 is loaded"},
		{"a workbook that is not a questionnaire", write("budget.xlsx", plainBytes.Bytes()), catalogue(t), a, "is not an aimsbench questionnaire"},
		{"a text file", write("notes.xlsx", []byte("answers: yes, yes, no")), catalogue(t), a, "is not an Excel workbook (.xlsx) that can be read"},
		{"an old or password-protected file", write("locked.xlsx", append(append([]byte{}, oleSignature...), make([]byte, 512)...)), catalogue(t), a, "is an old-style Excel file (.xls) or is locked with a password"},
		{"a file over the size limit", write("huge.xlsx", make([]byte, MaxQuestionnaireBytes+1)), catalogue(t), a, "is larger than 10 MB"},
		{"a zip bomb", write("bomb.xlsx", zipBomb(t)), catalogue(t), a, "unpacks to more than 64 MB"},
		{"a folder", dir, catalogue(t), a, "is a folder"},
		{"a missing file", filepath.Join(dir, "none.xlsx"), catalogue(t), a, "cannot read"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadQuestionnaireFile(c.path, c.cat, c.into)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want a refusal saying %q", err, c.want)
			}
		})
	}
}

// zipBomb is a small file that unpacks to 80 MB.
func zipBomb(t *testing.T) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range 80 {
		w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
