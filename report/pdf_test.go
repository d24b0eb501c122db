package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// reportDay is the date every report test is evaluated at, so no test depends on the clock.
var reportDay = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

var loadCatalogue = sync.OnceValues(checklists.Builtin)

func catalogue(t testing.TB) *checklists.Catalogue {
	t.Helper()
	cat, err := loadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// demo is a fresh demo assessment with an ID, as the store would return it.
func demo(t testing.TB, size assessment.DemoSize) *assessment.Assessment {
	t.Helper()
	a, err := assessment.Demo(catalogue(t), size, reportDay)
	if err != nil {
		t.Fatal(err)
	}
	a.ID = "demo0001"
	return a
}

// exportPDF writes the report to a file in a temporary folder and returns its path.
func exportPDF(t testing.TB, a *assessment.Assessment, opts Options) string {
	t.Helper()
	return exportAs(t, "pdf", a, opts)
}

// exportAs writes an export of one file in a format to a temporary folder, dated reportDay
// unless opts say otherwise, and returns its path.
func exportAs(t testing.TB, format string, a *assessment.Assessment, opts Options) string {
	t.Helper()
	if opts.AsOf.IsZero() {
		opts.AsOf = reportDay
	}
	path := filepath.Join(t.TempDir(), "report."+format)
	if err := ExportFile(path, format, catalogue(t), a, opts); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return path
}

var spaces = regexp.MustCompile(`\s+`)

// pdfText reads a PDF back with pdftotext in content order, with runs of white space made
// single spaces so wrapped table cells read as one phrase.
func pdfText(t testing.TB, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read reports back; install poppler-utils (.ci/run does)")
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return spaces.ReplaceAllString(string(out), " ")
}

func mustContain(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, spaces.ReplaceAllString(w, " ")) {
			t.Errorf("the report does not contain %q", w)
		}
	}
}

func TestReportHasEverySectionVerdictSystemAndNC(t *testing.T) {
	cat := catalogue(t)
	a := demo(t, assessment.DemoStandard)
	text := pdfText(t, exportPDF(t, a, Options{Fingerprint: "c0ffee1234"}))
	f := gather(cat, a, Options{AsOf: reportDay})
	for _, s := range f.sections {
		if s.id != "cover" {
			mustContain(t, text, f.numbers[s.id]+" "+s.title)
		}
	}
	sum := assessment.Evaluate(cat, a, reportDay)
	mustContain(t, text, sum.Verdict, sum.LevelName, "c0ffee1234", "Page 2 of", "CONFIDENTIAL",
		`IT Control Objectives for Sarbanes-Oxley", 2nd edition (2006)`, "copyright of ISO and IEC")
	for _, s := range a.Systems {
		mustContain(t, text, s.Name)
	}
	for _, nc := range a.NCs {
		mustContain(t, text, nc.Label())
	}
	// The one-page summary names every kind of blocker under its theme, with its first subjects.
	summary := pdfPage(t, exportPDF(t, a, Options{}), pageOf(t, f, "summary"))
	named := map[string]int{}
	for _, b := range sum.Blockers {
		switch named[b.Kind]++; {
		case b.Cap == 3 && named[b.Kind] == 1:
			mustContain(t, summary, summaryTheme(b.Kind))
		case b.Cap == 3:
		case named[b.Kind] == 1:
			mustContain(t, summary, theme(b.Kind), f.blockerSubject(b))
		case named[b.Kind] <= themeLimit && b.Kind != "open_major_nc":
			mustContain(t, summary, f.blockerSubject(b))
		}
	}
}

// pageOf is the page a section starts on.
func pageOf(t *testing.T, f *facts, section string) int {
	t.Helper()
	d, err := layout(f, nil, 0, nil, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d.found[section]
}

func TestContentsListsTheRightPages(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	path := exportPDF(t, a, Options{})
	f := gather(catalogue(t), a, Options{AsOf: reportDay})
	first, err := layout(f, nil, 0, nil, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	contents := pdfPage(t, path, first.found["contents"])
	data, _ := os.ReadFile(path)
	if links := bytes.Count(data, []byte("/Subtype /Link")); links != len(f.sections)-2 {
		t.Errorf("%d links in the PDF, want one per contents line (%d)", links, len(f.sections)-2)
	}
	if !bytes.Contains(data, []byte("/Outlines")) {
		t.Error("the PDF has no bookmarks")
	}
	for _, s := range f.sections {
		if s.id == "cover" || s.id == "contents" {
			continue
		}
		page := first.found[s.id]
		want := strings.TrimSpace(f.numbers[s.id] + " " + s.title)
		if !regexp.MustCompile(regexp.QuoteMeta(want) + `[ .]*` + strconv.Itoa(page) + `\b`).MatchString(contents) {
			t.Errorf("contents line %q does not give page %d", want, page)
		}
		if !strings.Contains(pdfPage(t, path, page), want) {
			t.Errorf("section %q is not on page %d", want, page)
		}
	}
}

// pdfPage is the text of one page.
func pdfPage(t *testing.T, path string, page int) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d: %v", page, err)
	}
	return spaces.ReplaceAllString(string(out), " ")
}

func TestNamesInLatinGreekAndCyrillicSurvive(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	names := []string{"Zoë Ångström", "Łódź Analytics", "Ωmega Διαχείριση", "Москва Страхование", "Øresund Fjärr"}
	a.Organisation.Name = "Zoë Ångström & Łódź Ωmega Москва AG"
	for i, n := range names {
		a.Systems[i].Name = n
	}
	a.Results["4.2"].Finding = "Décision reportée; Ωmega review; проверка не проведена."
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, text, append(names, a.Organisation.Name, "проверка не проведена")...)
}

func TestCharactersTheFontLacksArePlaceholdersNotErrors(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	a.Results["4.2"].Finding = "Model launch 🚀 went badly 😞; see 漢字 memo.\x1b[31m red \u202e reversed"
	a.Systems[0].Name = "Triage 🤖 bot"
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, text, "Model launch □ went badly □; see □□ memo.‹ESC›[31m red ‹U+202E› reversed", "Triage □ bot")
	if strings.Contains(text, "\x1b") {
		t.Error("an escape character reached the PDF text")
	}
}

func TestSameDataGivesTheSameBytes(t *testing.T) {
	for _, opts := range []Options{{}, {Draft: true, GapOnly: true, Fingerprint: "abc"}} {
		one, err := os.ReadFile(exportPDF(t, demo(t, assessment.DemoStandard), opts))
		if err != nil {
			t.Fatal(err)
		}
		two, err := os.ReadFile(exportPDF(t, demo(t, assessment.DemoStandard), opts))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(one, two) {
			t.Errorf("two exports with options %+v differ (%d and %d bytes)", opts, len(one), len(two))
		}
		if !bytes.Contains(one, []byte("/CreationDate (D:20261126000000)")) {
			t.Error("the creation date is not the report date")
		}
	}
}

func TestDraftAndGapReport(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	text := pdfText(t, exportPDF(t, a, Options{Draft: true, GapOnly: true}))
	mustContain(t, text, "DRAFT", "Gap register", "Roadmap to certification", "Nonconformities and corrective actions", "Sign-off")
	for _, absent := range []string{"Statement of Applicability covers", "Risk heat map", "Exceptions found", "Evidence request status"} {
		if strings.Contains(text, absent) {
			t.Errorf("the gap report contains %q", absent)
		}
	}
	if cover := pdfPage(t, exportPDF(t, a, Options{Draft: true, GapOnly: true}), 1); !strings.Contains(cover, "GAP REPORT") {
		t.Errorf("the gap report's cover does not say so: %q", cover)
	}
}

func TestProgressSinceTheLastCycle(t *testing.T) {
	cat := catalogue(t)
	prev := demo(t, assessment.DemoStandard)
	prev.ID = "prev0001"
	cur := assessment.NextCycle(prev, reportDay.AddDate(1, 0, 0))
	cur.ID = "next0001"
	for id, r := range prev.Results {
		cur.Results[id].Status, cur.Results[id].Maturity = r.Status, r.Maturity
	}
	cur.Results["8.4"].Status, cur.Results["8.4"].Maturity = assessment.Conformant, 3
	cur.NCs[0].Status = assessment.NCVerified
	text := pdfText(t, exportPDF(t, cur, Options{Previous: prev, AsOf: reportDay.AddDate(1, 0, 0)}))
	p := assessment.Compare(cat, prev, cur, reportDay.AddDate(1, 0, 0))
	mustContain(t, text, "Progress since the last assessment", "Items that improved", "8.4 AI system impact assessment",
		"Nonconformities closed since the last cycle", p.NCsClosed[0].ID, p.Previous.Verdict)
	if without := pdfText(t, exportPDF(t, cur, Options{AsOf: reportDay})); strings.Contains(without, "Progress since the last assessment") {
		t.Error("the progress section appears without a previous cycle")
	}
}

func TestEmptyAssessmentExplainsEverySection(t *testing.T) {
	cat := catalogue(t)
	a := &assessment.Assessment{ID: "empty001", Title: "First look", Organisation: assessment.Organisation{Name: "Acme"},
		CatalogueID: cat.ID, CatalogueVersion: cat.Version, Created: reportDay, Updated: reportDay}
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, text, "Incomplete — 0 of 70 assessed", "The AI system inventory is empty",
		"No operating-effectiveness test has been recorded yet", "The AI risk register is empty",
		"No nonconformity, observation or opportunity for improvement has been raised", "not rated yet",
		"No item has been judged yet", "No certification body or audit dates have been recorded yet",
		"No audit dates are set yet", "No control was tested for operating effectiveness")
}

func TestLargeDemoExportsEveryNonconformity(t *testing.T) {
	a := demo(t, assessment.DemoLarge)
	text := pdfText(t, exportPDF(t, a, Options{}))
	if len(a.NCs) != 200 {
		t.Fatalf("large demo has %d NCs, want 200", len(a.NCs))
	}
	for _, nc := range a.NCs {
		if !strings.Contains(text, nc.Label()+" ") {
			t.Errorf("%s is missing from the large report", nc.Label())
		}
	}
}

func TestWritePDFReportsProgress(t *testing.T) {
	var calls [][2]int
	var buf bytes.Buffer
	err := WritePDF(&buf, catalogue(t), demo(t, assessment.DemoStandard),
		Options{AsOf: reportDay, Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	last := calls[len(calls)-1]
	if len(calls) < 10 || last[0] != last[1] {
		t.Errorf("progress calls %v", calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] <= calls[i-1][0] {
			t.Fatalf("progress went backwards: %v", calls)
		}
	}
}

func TestTextLongerThanAPageIsSplitNotClipped(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprintf("w%04d", i))
	}
	a.Results["4.2"].Finding = strings.Join(words, " ") // many pages tall in its table cell
	a.Systems[0].Purpose = strings.Repeat("x", 4000)    // one word wider than any column
	a.Scope.Statement = strings.Repeat("Scope sentence without end ", 700) + "END-OF-SCOPE"
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, text, "END-OF-SCOPE")
	for _, w := range words {
		if !strings.Contains(text, " "+w+" ") {
			t.Fatalf("word %s of the long finding is missing", w)
		}
	}
}
