package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// sectionText is the text of one section of the report as read back: from its heading (the
// last time the title appears, past the contents) to the next section's heading.
func sectionText(t *testing.T, text string, f *facts, id string) string {
	t.Helper()
	for i, s := range f.sections {
		if s.id != id {
			continue
		}
		start := strings.LastIndex(text, f.numbers[id]+" "+s.title)
		if start < 0 {
			t.Fatalf("the report has no section %q", s.title)
		}
		rest := text[start:]
		if i+1 < len(f.sections) {
			next := f.sections[i+1]
			if end := strings.Index(rest, strings.TrimSpace(f.numbers[next.id]+" "+next.title)); end > 0 {
				rest = rest[:end]
			}
		}
		return rest
	}
	t.Fatalf("the report plans no section %q", id)
	return ""
}

func TestReportListsEveryFieldRegister(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	text := pdfText(t, exportPDF(t, a, Options{}))
	f := gather(catalogue(t), a, Options{AsOf: reportDay})
	records := sectionText(t, text, f, "records")
	audit, review, tr, sup, inc := a.Audits[0], a.Reviews[0], a.Training[0], a.Suppliers[0], a.Incidents[0]
	mustContain(t, records,
		audit.Label()+" "+audit.Title, "of the 32 clause requirements",
		review.Label()+" "+date(review.Date), "Inputs of the last review held",
		tr.Label()+" "+tr.Group, sup.Label()+" "+sup.Name,
		inc.Label()+" "+inc.Title, "mean time to detect")
	method := sectionText(t, text, f, "method")
	for _, x := range a.Interviews {
		mustContain(t, method, x.Label()+" "+x.Name)
	}
}

func TestReportSaysWhenARegisterIsEmpty(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	a.Audits, a.Reviews, a.Training, a.Suppliers, a.Incidents, a.Interviews = nil, nil, nil, nil, nil, nil
	text := pdfText(t, exportPDF(t, a, Options{}))
	f := gather(catalogue(t), a, Options{AsOf: reportDay})
	mustContain(t, sectionText(t, text, f, "records"),
		"No internal audit, held or planned, is recorded.", "No management review meeting is recorded.",
		"No competence or training record is entered.", "No supplier is recorded in the supplier register.",
		"No AI incident is recorded.")
	mustContain(t, sectionText(t, text, f, "method"), "No interview is recorded in the interview log.")
	if strings.Contains(text, "Incident What happened") {
		t.Error("an empty incident register still prints its table header")
	}
}

func TestALongRegisterIsSummarisedWithItsMostRecentEntries(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	a.Incidents = nil
	for i := 1; i <= 60; i++ {
		detected := reportDay.AddDate(0, 0, -3*i)
		a.Incidents = append(a.Incidents, assessment.Incident{Number: i, Title: fmt.Sprintf("Drift found by check %d", i),
			Occurred: detected.AddDate(0, 0, -2), Detected: detected, Resolved: detected.AddDate(0, 0, 5)})
	}
	text := pdfText(t, exportPDF(t, a, Options{}))
	records := sectionText(t, text, reportFacts(t, a), "records")
	mustContain(t, records, "The register holds 60 AI incidents, 0 of them still open.",
		"The 20 most recent of the 60 incidents by detection date are listed below",
		`"AI incidents" sheet`, "mean time to detect 2.0 days", "INC-001 Drift found by check 1", "INC-020 Drift found by check 20")
	if strings.Contains(records, "INC-021") || strings.Contains(records, "INC-060") {
		t.Error("the report lists older incidents than the 20 most recent")
	}
}

// reportFacts is what the report of an assessment states, dated like every report test.
func reportFacts(t *testing.T, a *assessment.Assessment) *facts {
	t.Helper()
	return gather(catalogue(t), a, Options{AsOf: reportDay})
}

func TestInventoryShowsTheEUAIActClassOnceAsIndicative(t *testing.T) {
	cat := catalogue(t)
	a := demo(t, assessment.DemoStandard)
	text := pdfText(t, exportPDF(t, a, Options{}))
	scope := sectionText(t, text, reportFacts(t, a), "scope")
	if n := strings.Count(scope, "not legal advice"); n != 1 {
		t.Errorf("the inventory says %d times that the EU AI Act class is not legal advice, want once", n)
	}
	mustContain(t, scope, "EU AI Act class", "Minimal risk", "High-risk, Annex III point", "EU AI Act classes and their obligations")
	// Each class's obligations are listed once, not once per system.
	minimal, _ := cat.EUAIActCategory("minimal")
	duty := minimal.Obligations[0].Article + ": " + minimal.Obligations[0].Duty
	systems := 0
	for _, s := range a.Systems {
		if s.InScope && s.EUAIAct.Category == "minimal" {
			systems++
		}
	}
	if systems < 2 {
		t.Fatalf("the demo has %d in-scope minimal-risk systems; the test needs two", systems)
	}
	mustContain(t, scope, duty)
	if n := strings.Count(scope, spaces.ReplaceAllString(duty, " ")); n != countClassesWith(cat, a, duty) {
		t.Errorf("the duty %q is printed %d times, want once per class that has it", duty, n)
	}
}

// countClassesWith counts the distinct classes of in-scope systems whose obligations include
// a duty.
func countClassesWith(cat *checklists.Catalogue, a *assessment.Assessment, duty string) int {
	seen := map[assessment.EUAIActClass]bool{}
	for _, s := range a.Systems {
		if !s.InScope || !s.EUAIAct.Classified() {
			continue
		}
		key := assessment.EUAIActClass{Category: s.EUAIAct.Category, Area: s.EUAIAct.Area}
		for _, o := range key.Obligations(cat) {
			if o.Article+": "+o.Duty == duty {
				seen[key] = true
			}
		}
	}
	return len(seen)
}

func TestCertificationPlanGivesSurveillanceAndRecertificationDates(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	a.Certification.Stage2 = time.Date(2027, 6, 3, 0, 0, 0, 0, time.UTC)
	text := pdfText(t, exportPDF(t, a, Options{}))
	mustContain(t, sectionText(t, text, reportFacts(t, a), "scope"),
		"Surveillance audit, year 1 3 Jun 2028", "Surveillance audit, year 2 3 Jun 2029",
		"Recertification audit, year 3 (before the certificate expires) 3 Mar 2030")
}

func TestWordReportHasTheFieldRecords(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	body := string(docxParts(t, exportDOCX(t, a, Options{}))["word/document.xml"])
	for _, want := range []string{"Management system records", a.Audits[0].Label(), a.Incidents[0].Label(),
		a.Suppliers[0].Name, a.Interviews[0].Label(), "Surveillance audit, year 1", "not legal advice"} {
		if !strings.Contains(body, want) {
			t.Errorf("the Word report does not contain %q", want)
		}
	}
}

func TestControlCharactersInTheRecordsAreShownNotObeyed(t *testing.T) {
	a := demo(t, assessment.DemoStandard)
	hostile := "rec\x1b[2Jord\x07"
	a.Audits[0].Title, a.Reviews[0].Decisions, a.Training[0].Group = hostile, hostile, hostile
	a.Suppliers[0].Name, a.Incidents[0].Title, a.Interviews[0].Name = hostile, hostile, hostile
	text := pdfText(t, exportPDF(t, a, Options{}))
	if strings.ContainsAny(text, "\x1b\x07") {
		t.Error("a control character from the records reached the PDF's text")
	}
	if n := strings.Count(text, "rec‹ESC›[2Jord‹U+0007›"); n < 6 {
		t.Errorf("the PDF shows the marked text %d times, want it for each of the 6 registers", n)
	}
	body := string(docxParts(t, exportDOCX(t, a, Options{}))["word/document.xml"])
	if n := strings.Count(body, "rec⟨ESC⟩[2Jord⟨U+0007⟩"); n < 6 {
		t.Errorf("the Word report shows the marked text %d times, want it for each of the 6 registers", n)
	}
}
