package report

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"aimsbench/assessment"
)

// pages reads a PDF back page by page (pdftotext separates pages with form feeds), each page
// as its lines.
func pages(t *testing.T, path string) [][]string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	var all [][]string
	for _, page := range strings.Split(strings.TrimRight(string(out), "\f"), "\f") {
		all = append(all, strings.Split(page, "\n"))
	}
	return all
}

var pageFooter = regexp.MustCompile(`Page \d+ of \d+`)

// bodyLines counts a page's lines of text other than the running head, the running foot
// and the letters of the DRAFT watermark.
func bodyLines(lines []string, org string) int {
	n := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case l == "", len([]rune(l)) == 1, strings.HasPrefix(l, org) && strings.HasSuffix(l, "CONFIDENTIAL"), pageFooter.MatchString(l):
		default:
			n++
		}
	}
	return n
}

// completed is the standard demo with every item judged on evidence, the assessor named and
// the sign-off recorded: a report of it may be final.
func completed(t *testing.T) *assessment.Assessment {
	a := demo(t, assessment.DemoStandard)
	for _, item := range assessment.Unassessed(catalogue(t), a) {
		r := a.Result(item)
		r.Status, r.Maturity = assessment.Conformant, 3
		r.Evidence = append(r.Evidence, assessment.Evidence{Title: "Procedure for " + item.ID, Kind: "document", Reference: "DOC-" + item.ID})
		a.Results[item.ID] = r
	}
	a.Assessor = "Eleanor Whitfield"
	a.SignOff = assessment.SignOff{By: "Eleanor Whitfield", Role: "Lead assessor", Date: reportDay}
	return a
}

func TestEveryPageCarriesMoreThanALoneSentence(t *testing.T) {
	cat := catalogue(t)
	empty := &assessment.Assessment{ID: "empty001", Title: "First look", Organisation: assessment.Organisation{Name: "Acme"},
		CatalogueID: cat.ID, CatalogueVersion: cat.Version, Created: reportDay, Updated: reportDay}
	cases := []struct {
		name string
		a    *assessment.Assessment
		opts Options
	}{
		{"standard demo", demo(t, assessment.DemoStandard), Options{}},
		{"standard demo, gap report", demo(t, assessment.DemoStandard), Options{GapOnly: true}},
		{"final report", completed(t), Options{}},
		{"empty assessment", empty, Options{}},
		{"large demo", demo(t, assessment.DemoLarge), Options{}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.a.Systems != nil && len(tt.a.Systems) > 100 {
				t.Skip("the large demo's report is read back without -short")
			}
			for i, lines := range pages(t, exportPDF(t, tt.a, tt.opts)) {
				if n := bodyLines(lines, tt.a.Organisation.Name); i > 0 && n < 3 {
					t.Errorf("page %d has %d lines of body text: %q", i+1, n, lines)
				}
			}
		})
	}
}

func TestDraftUntilCompleteNamedAndSignedOff(t *testing.T) {
	incomplete := demo(t, assessment.DemoStandard)
	for i, lines := range pages(t, exportPDF(t, incomplete, Options{})) {
		if text := strings.Join(lines, " "); !strings.Contains(text, "DRAFT") {
			t.Errorf("page %d of an incomplete assessment's report is not marked DRAFT", i+1)
		}
	}
	text := pdfText(t, exportPDF(t, incomplete, Options{}))
	mustContain(t, text, "the assessment is not complete (54 of 67 items assessed) and no sign-off is recorded")

	final := completed(t)
	text = pdfText(t, exportPDF(t, final, Options{}))
	if strings.Contains(text, "DRAFT") {
		t.Error("the report of a complete, signed-off assessment is marked DRAFT")
	}
	mustContain(t, text, "1.0, FINAL", "Eleanor Whitfield, Lead assessor, on 26 Nov 2026")
	if asked := pdfText(t, exportPDF(t, final, Options{Draft: true})); !strings.Contains(asked, "a draft was asked for") {
		t.Error("--draft does not make a final report a draft")
	}
}

func TestEvidenceIsShownWhereTheJudgementIs(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	r := a.Results["A.6.2.4"]
	r.Evidence = append(r.Evidence, assessment.Evidence{Title: "Validation pack for the pricing model Ωmega", Kind: "document",
		Reference: "VAL-2026-117 v3", Path: "/evidence/val.pdf", SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		AttachedAt: reportDay})
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, text, "Validation pack for the pricing model Ωmega — VAL-2026-117 v3, recorded 26 Nov 2026, SHA-256 9f86d081884c",
		"Appendix 1: Results and the evidence behind them")
	gap := pdfText(t, exportPDF(t, a, Options{GapOnly: true}))
	mustContain(t, gap, "VAL-2026-117 v3")
}

func TestWithoutControlTestsNothingClaimsTesting(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	a.Tests = nil
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, text, "No control was tested for operating effectiveness: the conformity of the Annex A controls rests on design",
		"No control was tested for operating effectiveness, so no sample was drawn",
		"No operating-effectiveness test is on record, so no sample was drawn")
	for _, claim := range []string{"were tested for operating effectiveness", "sampled tests", "Samples are drawn at random",
		"tested for operating effectiveness on", "Every included control was tested"} {
		if strings.Contains(text, claim) {
			t.Errorf("the report claims testing that is not on record: %q", claim)
		}
	}
}

func TestSoAJustifiesInclusionAndShowsImplementationAndEvidence(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	a.Results["A.2.2"].Justification = "Included because the board requires one AI policy for every business line."
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, text, "Included. Included because the board requires one AI policy for every business line.",
		"A.4.6 Human resources Included. Treats 1 risk in the register: R-11.", "Partly implemented", "Not applicable",
		"Clause 6.1.3 asks for the reason behind every decision")
}

func TestRoadmapGivesEveryActionAnOwnerAndADate(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	a.Risks = nil
	f := gather(catalogue(t), a, Options{AsOf: reportDay})
	subjects := map[string]bool{}
	for _, act := range f.plan.Actions {
		if act.Owner == "" || act.Due.IsZero() || act.Phase == 0 {
			t.Errorf("action %q lacks an owner, a date or a phase: %+v", act.Subject, act)
		}
		subjects[act.Subject] = true
	}
	for _, want := range []string{"AI risk register", "AI system Call-centre sentiment analysis", "Governance roles"} {
		if !subjects[want] {
			t.Errorf("no action for %q", want)
		}
	}
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, text, "Set up the AI risk register", "Phase 4 (Evaluate, audit and certify) ends on", "after the Stage 1 audit on",
		"(end of phase, proposed)")
	if strings.Contains(text, "Close the gap: ") {
		t.Error("the roadmap restates a gap instead of an action")
	}
}

func TestExecutiveSummaryIsOnePageInTheBoardsTerms(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	f := gather(catalogue(t), a, Options{AsOf: reportDay})
	d, err := layout(f, nil, 0, nil, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if d.found["limits"] != d.found["summary"]+1 {
		t.Errorf("the executive summary runs from page %d to %d", d.found["summary"], d.found["limits"]-1)
	}
	summary := pdfPage(t, exportPDF(t, a, Options{}), d.found["summary"])
	mustContain(t, summary, "9.2.2 Internal audit programme", "Decisions and resources needed", "Path to Stage 1 and Stage 2",
		"blockers,", "items below level 3", "is not ready for a certification audit")
}

func TestLargeDemoRowsStayShort(t *testing.T) {
	f := gather(catalogue(t), demo(t, assessment.DemoLarge), Options{AsOf: reportDay})
	d, err := layout(f, nil, 0, nil, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if d.tallestRow > pageHeight/3 {
		t.Errorf("the tallest table row is %.0f mm, over a third of a page (%.0f mm)", d.tallestRow, pageHeight/3)
	}
}
