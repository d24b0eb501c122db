package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
)

// FuzzQuestionnaireAnswer writes any text into an answer cell, as a client could, and reads
// the workbook back: the import never fails on an answer a spreadsheet can hold, and what it
// reads shows no raw control character once made visible.
func FuzzQuestionnaireAnswer(f *testing.F) {
	for _, s := range []string{"Approved in March.", "\x1b[2J\x1b]0;title\x07", "_x001B_[31m_x0000_", "=cmd|' /C calc'!A0", "\u202eevil.exe",
		"سياسة 🧑‍💼 中文", "  \r\n\t ", "\xff\xfe invalid", strings.Repeat("é", 40000)} {
		f.Add(s)
	}
	a := demo(f, assessment.DemoStandard)
	dir := f.TempDir()
	blank := filepath.Join(dir, "blank.xlsx")
	if err := ExportFile(blank, "questionnaire", catalogue(f), a, Options{AsOf: reportDay}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		wb, err := excelize.OpenFile(blank)
		if err != nil {
			t.Fatal(err)
		}
		wb.SetCellValue("5 Leadership", "E3", text)
		path := filepath.Join(t.TempDir(), "filled.xlsx")
		if err := wb.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		wb.Close()
		q, err := ReadQuestionnaireFile(path, catalogue(t), a)
		if err != nil {
			t.Fatalf("an answer of %d bytes refused: %v", len(text), err)
		}
		for _, p := range q.Answers {
			if v := assessment.Visible(p.Answer, true); strings.ContainsAny(v, "\x1b\x00\x07\u202e") {
				t.Errorf("shown with a raw control character: %q", v)
			}
		}
	})
}

// FuzzReadQuestionnaire reads any file as a filled questionnaire: it is read or refused with
// an error, never a crash.
func FuzzReadQuestionnaire(f *testing.F) {
	a := demo(f, assessment.DemoStandard)
	dir := f.TempDir()
	good := filepath.Join(dir, "good.xlsx")
	if err := ExportFile(good, "questionnaire", catalogue(f), a, Options{AsOf: reportDay}); err != nil {
		f.Fatal(err)
	}
	data, _ := os.ReadFile(good)
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add(bytes.Replace(data, []byte("PK"), []byte("PX"), 3))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "in.xlsx")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if q, err := ReadQuestionnaireFile(path, catalogue(t), a); err == nil && q.Assessment != a.ID {
			t.Errorf("read a questionnaire of assessment %q into %s", q.Assessment, a.ID)
		}
	})
}
