package assessment

import (
	"slices"
	"sync"
	"testing"
	"time"

	"aimsbench/checklists"
)

// ruleDay is the day every rule test evaluates on, so no test depends on the clock.
var ruleDay = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)

// daysBefore is the date n days before ruleDay (negative n: after it).
func daysBefore(n int) time.Time { return ruleDay.AddDate(0, 0, -n) }

var loadRuleCatalogue = sync.OnceValues(checklists.Builtin)

// ruleCatalogue is the built-in catalogue the rules are tested against.
func ruleCatalogue(t testing.TB) *checklists.Catalogue {
	t.Helper()
	cat, err := loadRuleCatalogue()
	if err != nil {
		t.Fatalf("built-in catalogue refused: %v", err)
	}
	return cat
}

// ruleItem is the catalogue entry with the given ID; the test fails when it does not exist.
func ruleItem(t testing.TB, cat *checklists.Catalogue, id string) checklists.Item {
	t.Helper()
	item, ok := cat.Item(id)
	if !ok {
		t.Fatalf("catalogue has no item %s", id)
	}
	return item
}

// readySystem is the fixture's one in-scope AI system: complete inventory entry, medium
// impact, in operation, no suppliers, impact assessment a month old and newer than its last
// significant change.
func readySystem() AISystem {
	return AISystem{
		ID: 1, Name: "Claims triage", Purpose: "Route insurance claims to handlers",
		Owner: "Dana Lee", Stage: "operation-monitoring", Roles: []string{"provider"},
		Impact: ImpactMedium, InScope: true, HumanOversight: true,
		AISIADate: daysBefore(30), LastChange: daysBefore(60),
	}
}

// readyAssessment is a certification-ready assessment: one in-scope AI system with a recent
// impact assessment, every clause leaf and every control conformant at maturity 3 with one
// evidence item, a minor nonconformity from last year's internal audit verified effective,
// a full management cycle on record (an independent internal audit of the whole AIMS two
// months ago, a management review of every input last month), the claims handlers' training
// recorded as complete, and every readiness checklist
// condition met. Nothing is tested and no KPI is read yet, so it is level 3 and no higher.
// Tests break one thing at a time.
func readyAssessment(t testing.TB) (*checklists.Catalogue, *Assessment) {
	t.Helper()
	cat := ruleCatalogue(t)
	a := &Assessment{
		ID: "ready", Title: "Readiness review", Organisation: Organisation{Name: "Acme Insurance"},
		Scope:         Scope{Statement: "AI systems of the claims division", Boundaries: "Claims division, EU cloud tenant"},
		Certification: CertificationPlan{Body: "Example Certification Ltd"},
		RoleHolders:   []RoleHolder{{RoleID: "aims-manager", Name: "Priya Shah", Contact: "priya@example.com"}},
		Systems:       []AISystem{readySystem()},
		Results:       map[string]*Result{},
		Risks: []Risk{{ID: 1, Title: "Biased routing", SystemID: 1, Likelihood: 2, Impact: 3,
			Treatment: "modify", Controls: []string{"A.7.4"}, Status: "treated", Raised: daysBefore(90)}},
		NCs: []Nonconformity{{Number: 1, ItemID: "7.5.2", Source: "internal_audit", Grade: MinorNC, Status: NCVerified,
			Description: "Two AI procedures were issued without approval", CorrectiveAction: "Approval step added to the document workflow",
			Owner: "Priya Shah", Raised: daysBefore(200), Due: daysBefore(150), Closed: daysBefore(160),
			CheckDate: daysBefore(120), CheckBy: "Dana Lee", CheckResult: "Effective: ten procedures since, all approved"}},
		Requests:  map[string]RequestStatus{},
		KPIValues: map[string]KPIValue{},
	}
	a.Audits = []InternalAudit{wholeAIMSAudit(cat, 1, daysBefore(60))}
	a.Reviews = []ManagementReview{fullReview(cat, 1, daysBefore(30))}
	a.Training = []TrainingRecord{{Number: 1, Group: "Claims handlers", Training: "Using the triage score", Due: 12, Completed: 12, Date: daysBefore(20)}}
	for _, item := range cat.Assessable() {
		r := NewResult(item)
		r.Status, r.Maturity = Conformant, 3
		r.Evidence = []Evidence{{Title: "Evidence for " + item.ID, Kind: "document"}}
		a.Results[item.ID] = r
	}
	for _, c := range cat.EvidenceRequests {
		for _, e := range c.Items {
			a.Requests[e.ID] = RequestStatus{State: Received}
		}
	}
	return cat, a
}

// strongAssessment is readyAssessment in a strong certification position: every item at
// maturity 4, every control tested effective, every manual KPI read last month and a risk
// appetite recorded, so no blocker is left and the level is 4.
func strongAssessment(t testing.TB) (*checklists.Catalogue, *Assessment) {
	t.Helper()
	cat, a := readyAssessment(t)
	rateAll(a, 4)
	for _, item := range cat.Assessable() {
		if item.IsControl() {
			a.Tests = append(a.Tests, effectiveTest(item.ID))
		}
	}
	for _, k := range cat.KPIs {
		if k.Computed == "" {
			a.KPIValues[k.ID] = KPIValue{Value: "within target", Target: "agreed threshold", Date: daysBefore(30)}
		}
	}
	a.RiskCriteria = RiskCriteria{Appetite: 8, Acceptance: 4}
	a.Incidents = []Incident{{Number: 1, Title: "Triage queue mislabelled", SystemID: 1, Occurred: daysBefore(40), Detected: daysBefore(38), Resolved: daysBefore(30)}}
	return cat, a
}

// wholeAIMSAudit is an internal audit held on a day by an auditor from outside the claims
// division, covering every clause heading and Annex A objective.
func wholeAIMSAudit(cat *checklists.Catalogue, number int, held time.Time) InternalAudit {
	var groups []string
	for _, g := range cat.Groups() {
		groups = append(groups, g.ID)
	}
	return InternalAudit{Number: number, Title: "The whole AIMS", Planned: held, Held: held, Auditor: "Sam Okoro",
		AuditorArea: "Group Internal Audit", Areas: []string{"Claims division"}, Items: groups}
}

// fullReview is a management review held on a day that considered every 9.3.2 input.
func fullReview(cat *checklists.Catalogue, number int, held time.Time) ManagementReview {
	var inputs []string
	for _, in := range cat.ManagementReviewInputs {
		inputs = append(inputs, in.ID)
	}
	return ManagementReview{Number: number, Date: held, Attendees: []string{"Board chair", "Priya Shah"}, Inputs: inputs,
		Decisions: "Objectives confirmed for next year"}
}

// effectiveTest is an annual control's test whose one sample passed.
func effectiveTest(control string) ControlTest {
	return ControlTest{ControlID: control, Frequency: "annual", Population: 1, Samples: []Sample{{Ref: "2025", Result: Pass}}}
}

// excludeDirectly sets an SoA exclusion directly on a result, as an import would, bypassing Apply.
func excludeDirectly(a *Assessment, id, justification string) {
	r := a.Results[id]
	r.Decision, r.Status, r.Justification = Excluded, NotApplicable, justification
}

// rateAll rates every result at the given maturity.
func rateAll(a *Assessment, maturity int) {
	for _, r := range a.Results {
		r.Maturity = maturity
	}
}

// goodJustification is an exclusion reason long enough to count as reasoned.
const goodJustification = "The organisation has no customers of its AI systems outside the group"

// sameStrings compares two lists, treating nil and empty alike.
func sameStrings(got, want []string) bool {
	return slices.Equal(nonNilSlice(got), nonNilSlice(want))
}
