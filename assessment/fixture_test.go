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
// evidence item, and every readiness checklist condition met. Tests break one thing at a time.
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
		Requests:  map[string]RequestStatus{},
		KPIValues: map[string]KPIValue{},
	}
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
