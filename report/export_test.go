package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aimsbench/assessment"
)

// formulaText are cell values a spreadsheet would run as formulas.
var formulaText = map[string]string{
	"finding": "=HYPERLINK(\"http://evil.example\",\"click\")",
	"rec":     "+1+1",
	"owner":   "@SUM(A1:A9)",
	"system":  "-2+3",
	"nc":      "\tcmd|' /C calc'!A0",
}

// withFormulas puts formula-like text where the registers print it.
func withFormulas(t *testing.T) *assessment.Assessment {
	a := demo(t, assessment.DemoStandard)
	r := a.Results["4.2"]
	r.Finding, r.Recommendation, r.Owner = formulaText["finding"], formulaText["rec"], formulaText["owner"]
	a.Systems[0].Name = formulaText["system"]
	a.NCs[0].Description = formulaText["nc"]
	return a
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Errorf("%s has no byte-order mark", path)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%s is not valid CSV: %v", path, err)
	}
	return rows
}

func TestCSVNeutralisesFormulasAndWritesBothRegisters(t *testing.T) {
	cat := catalogue(t)
	a := withFormulas(t)
	path := filepath.Join(t.TempDir(), "gaps.csv")
	if err := ExportFile(path, "csv", cat, a, Options{AsOf: reportDay}); err != nil {
		t.Fatal(err)
	}
	gaps := readCSV(t, path)
	if len(gaps) != len(assessment.GapRegister(cat, a, reportDay))+1 || gaps[0][0] != "Item" {
		t.Fatalf("gap register has %d rows, header %v", len(gaps), gaps[0])
	}
	var row []string
	for _, r := range gaps {
		if r[0] == "4.2" {
			row = r
		}
	}
	for _, want := range []string{"'" + formulaText["finding"], "'" + formulaText["rec"], "'" + formulaText["owner"]} {
		if !contains(row, want) {
			t.Errorf("4.2 row %q lacks the neutralised %q", row, want)
		}
	}
	for _, r := range gaps {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q would be read as a formula", c)
			}
		}
	}
	soa := readCSV(t, SoAPath(path))
	if len(soa) != 39 || soa[0][0] != "Control" || soa[1][0] != "A.2.2" {
		t.Errorf("SoA has %d rows starting %v", len(soa), soa[:2])
	}
	results := readCSV(t, ResultsPath(path))
	if len(results) != 71 || results[0][0] != "Item" || results[1][0] != "4.1" {
		t.Fatalf("the results annex has %d rows starting %v", len(results), results[:2])
	}
	for _, r := range results {
		if r[0] == "4.2" && (r[5] != "partially conformant" || r[10] == "" || !strings.HasPrefix(r[8], "'=HYPERLINK")) {
			t.Errorf("4.2 in the results annex: %q", r)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestExportFileIsPrivateAndNeverPartial(t *testing.T) {
	cat := catalogue(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := ExportFile(path, "pdf", cat, demo(t, assessment.DemoStandard), Options{AsOf: reportDay}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("export mode %v (err %v), want 0600", info.Mode().Perm(), err)
	}
	if err := ExportFile(filepath.Join(dir, "missing", "out.pdf"), "pdf", cat, demo(t, assessment.DemoStandard), Options{}); err == nil ||
		!strings.Contains(err.Error(), "does the folder exist") {
		t.Errorf("export into a missing folder: %v", err)
	}
	if err := ExportFile(filepath.Join(dir, "x.doc"), "doc", cat, demo(t, assessment.DemoStandard), Options{}); err == nil {
		t.Error("an unknown format was accepted")
	}
	failing := errors.New("disk full")
	err = writeAtomic(map[string]func(w io.Writer) error{
		filepath.Join(dir, "a.csv"): func(w io.Writer) error { _, err := w.Write([]byte("ok")); return err },
		filepath.Join(dir, "b.csv"): func(io.Writer) error { return failing },
	}, refuseExisting)
	if !errors.Is(err, failing) {
		t.Errorf("failure not reported: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "out.pdf" {
			t.Errorf("a failed export left %s behind", e.Name())
		}
	}
}

func TestDefaultFileNameIsSafe(t *testing.T) {
	tests := []struct{ org, id, want string }{
		{"Northwind Mutual Insurance", "3f9c2a1b", "Northwind-Mutual-Insurance-iso42001-readiness-2026-11-26-3f9c2a1b.pdf"},
		{"Zoë Ångström AG / R&D: \"AI\" *", "3f9c2a1b", "Zoe-Angstrom-AG-R-D-AI-iso42001-readiness-2026-11-26-3f9c2a1b.pdf"},
		{"../../etc/passwd", "../x", "etc-passwd-iso42001-readiness-2026-11-26-x.pdf"},
		{"Москва Ωmega", "3f9c2a1b", "Москва-Ωmega-iso42001-readiness-2026-11-26-3f9c2a1b.pdf"},
		{"", "3f9c2a1b", "assessment-iso42001-readiness-2026-11-26-3f9c2a1b.pdf"},
		{"Not stored yet", "", "Not-stored-yet-iso42001-readiness-2026-11-26.pdf"},
	}
	for _, tt := range tests {
		a := &assessment.Assessment{ID: tt.id, Organisation: assessment.Organisation{Name: tt.org}}
		if got := DefaultFileName(a, "pdf", reportDay); got != tt.want {
			t.Errorf("DefaultFileName(%q, %q) = %q, want %q", tt.org, tt.id, got, tt.want)
		}
	}
	next := &assessment.Assessment{ID: "77aa0c31", Organisation: assessment.Organisation{Name: "Northwind Mutual Insurance"}}
	first := &assessment.Assessment{ID: "3f9c2a1b", Organisation: next.Organisation}
	if DefaultFileName(first, "pdf", reportDay) == DefaultFileName(next, "pdf", reportDay) {
		t.Error("two cycles of one organisation exported on one day get the same file name")
	}
}

func TestExportWritesOnlyWhatMayBeWritten(t *testing.T) {
	cat := catalogue(t)
	a := demo(t, assessment.DemoStandard)
	dir := t.TempDir()
	existing := filepath.Join(dir, "gaps-soa.csv")
	os.WriteFile(existing, []byte("keep me"), 0o600)
	refused := errors.New("refused by the guard")
	for _, tc := range []struct {
		name, path, format string
		mayWrite           func(string) error
		want               error // nil: the file is written
	}{
		{"no guard: an existing file is refused", existing, "json", nil, nil},
		{"no guard: the SoA file of a CSV export exists", filepath.Join(dir, "gaps.csv"), "csv", nil, nil},
		{"the guard refuses", filepath.Join(dir, "report.pdf"), "pdf", func(string) error { return refused }, refused},
		{"the guard refuses the second file only", filepath.Join(dir, "reg.csv"), "csv", func(p string) error {
			if strings.HasSuffix(p, "-soa.csv") {
				return refused
			}
			return nil
		}, refused},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ExportFile(tc.path, tc.format, cat, a, Options{AsOf: reportDay, MayWrite: tc.mayWrite})
			if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Errorf("ExportFile: %v", err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("a refused export wrote files: %v", entries)
			}
			if data, _ := os.ReadFile(existing); string(data) != "keep me" {
				t.Error("an existing file was overwritten")
			}
		})
	}
}

func TestDrawableText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zoë Ωmega Москва", "Zoë Ωmega Москва"},
		{"Zoe\u0308", "Zoë"}, // composed so the accent meets its letter
		{"rocket 🚀 and 漢", "rocket □ and □"},
		{"flag ❤️ with selector", "flag □ with selector"},
		{"bell\a and \x1b[2J", "bell‹U+0007› and ‹ESC›[2J"},
		{"tab\there", "tab here"},
		{"ok ✓ not ✗", "ok √ not ×"},
	}
	for _, tt := range tests {
		if got := drawable(tt.in, true); got != tt.want {
			t.Errorf("drawable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
