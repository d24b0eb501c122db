package readiness

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// showLine scrolls the readiness screen to the first line that starts with text.
func showLine(t *testing.T, h *uitest.Harness, text string) {
	t.Helper()
	r := h.Step().(*readiness)
	for i, l := range r.lines() {
		if strings.HasPrefix(l.text, text) {
			r.cursor = i
			return
		}
	}
	t.Fatalf("no line starts with %q:\n%s", text, h.Screen())
}

func TestTheDemoShowsAuditCoverageAndTheLastReviewsInputs(t *testing.T) {
	h := uitest.New(t).Open(steps.Readiness, New)
	a := h.Work.Assessment()
	cov := assessment.InternalAuditCoverage(h.Cat, a, uitest.Day)
	showLine(t, h, "Internal audits over the cycle")
	h.Contains("Held in the cycle: IA-01, IA-02, IA-03",
		fmt.Sprintf("Clauses audited: %d of %d", cov.Clauses.Audited, cov.Clauses.Total),
		fmt.Sprintf("Controls audited: %d of %d", cov.Controls.Audited, cov.Controls.Total),
		fmt.Sprintf("Not audited in the cycle (%d): %s", len(cov.Uncovered()), cov.Uncovered()[0].Item.ID))

	rv := assessment.LastManagementReview(h.Cat, a, uitest.Day)
	showLine(t, h, "Last management review")
	h.Contains(fmt.Sprintf("%s on %s considered %d of %d inputs", rv.Review.Label(), rv.Review.Date.Format(time.DateOnly),
		len(rv.Inputs)-len(rv.Missing()), len(rv.Inputs)))
	for _, in := range rv.Missing() {
		h.Contains("not considered: " + in.Title)
	}

	showLine(t, h, "Certification path")
	h.Contains("Stage 1 audit: documentation and readiness: "+a.Certification.Stage1.Format(time.DateOnly),
		"Surveillance audit, year 1: "+a.Certification.Stage2.AddDate(1, 0, 0).Format(time.DateOnly),
		"phase 3 Build and operationalise runs until")
}

func TestNoAuditHeldInTheCycleShowsAndBlocks(t *testing.T) {
	h := uitest.New(t).Open(steps.Readiness, New)
	cycleBlocker := func() string {
		for _, b := range h.Work.Summary().Blockers {
			if b.Kind == "management_cycle_incomplete" && strings.Contains(b.Detail, "no internal audit of the AIMS was held") {
				return b.Detail
			}
		}
		return ""
	}
	if cycleBlocker() != "" {
		t.Fatal("the demo already lacks an internal audit")
	}
	for _, x := range h.Stored().Audits {
		if x.WasHeld() {
			if err := h.Store.DeleteAudit(h.ID, x.Number); err != nil {
				t.Fatal(err)
			}
		}
	}
	h.Keys("ctrl+r")
	detail := cycleBlocker()
	if detail == "" {
		t.Fatal("with no audit held, the rules find the cycle complete")
	}
	showLine(t, h, "Internal audits over the cycle")
	h.Contains("✗ No internal audit was held in the cycle", "Clauses audited: 0 of ")
	showLine(t, h, "Management cycle incomplete")
	h.Press("open group / go to item / edit KPI")
	h.Contains(detail[:60])
}
