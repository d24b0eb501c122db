package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestNewAssessmentReportShowsWhatWasRecorded is the acceptance walk of issue 12: a new
// assessment judged from the command line exports a PDF in which every evidence title and
// reference, recommendation, owner and due date can be found, a workbook of ten sheets or more with typed
// cells, and a roadmap whose actions all name an owner and a date.
func TestNewAssessmentReportShowsWhatWasRecorded(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read reports back; install poppler-utils (.ci/run does)")
	}
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--org", "Lakeside Credit Union", "--assessor", "Ana Ortiz"))
	judged := []struct{ item, status, maturity, evidence, ref, recommendation, owner string }{
		{"5.2", "conformant", "3", "AI policy v2, approved by the board", "LCU-POL-014", "", ""},
		{"6.1.2", "partial", "2", "Draft AI risk method", "LCU-RM-07 draft 0.3",
			"Approve the risk method and assess every in-scope system with it", "Priya Raman"},
		{"A.6.2.4", "nonconformant", "1", "Model validation log, pricing model", "MVL-2026-Q3",
			"Validate the pricing model against the hold-out data before the next release", "Tomasz Wróbel"},
	}
	for _, j := range judged {
		args := []string{"assess", id, j.item, "--status", j.status, "--maturity", j.maturity,
			"--evidence", j.evidence, "--evidence-ref", j.ref}
		if j.recommendation != "" {
			args = append(args, "--recommendation", j.recommendation, "--owner", j.owner, "--due", "2027-03-15", "--priority", "high")
		}
		c.ok(args...)
	}

	pdf := filepath.Join(t.TempDir(), "report.pdf")
	c.ok("export", id, "--format", "pdf", "--out", pdf, "--as-of", "2026-12-02")
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`\s+`).ReplaceAllString(string(out), " ")
	wants := []string{"DRAFT", "15 Mar 2027"}
	for _, j := range judged {
		wants = append(wants, j.evidence, j.ref, j.recommendation, j.owner)
	}
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF does not contain %q", w)
		}
	}

	xlsx := filepath.Join(t.TempDir(), "workbook.xlsx")
	c.ok("export", id, "--format", "xlsx", "--out", xlsx, "--as-of", "2026-12-02")
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) < 10 {
		t.Errorf("the workbook has %d sheets, want at least 10: %v", len(sheets), sheets)
	}
	rows, _ := f.GetRows("Roadmap")
	if len(rows) < 2 {
		t.Fatal("the roadmap sheet has no action")
	}
	for i := range rows[1:] {
		row := i + 2
		owner, _ := f.GetCellValue("Roadmap", cellName(6, row))
		raw, _ := f.GetCellValue("Roadmap", cellName(8, row), excelize.Options{RawCellValue: true})
		if owner == "" || !regexp.MustCompile(`^\d{5}$`).MatchString(raw) {
			t.Errorf("roadmap row %d: owner %q, due %q; want an owner and a typed date", row, owner, raw)
		}
	}
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
