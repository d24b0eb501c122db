package assessment

import (
	"slices"
	"testing"
	"time"
)

func TestNextCycleKeepsContextAndResetsJudgements(t *testing.T) {
	cat := ruleCatalogue(t)
	asOf := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	prev, err := Demo(cat, DemoStandard, asOf)
	if err != nil {
		t.Fatal(err)
	}
	prev.ID = "prev"
	prev.RiskCriteria = RiskCriteria{Appetite: 9, Acceptance: 4}
	next := NextCycle(prev, asOf.AddDate(1, 0, 0))
	if next.RiskCriteria != prev.RiskCriteria {
		t.Errorf("risk criteria %+v not carried over", next.RiskCriteria)
	}
	if next.PreviousID != "prev" || len(next.Systems) != len(prev.Systems) || next.Scope.Statement != prev.Scope.Statement {
		t.Fatal("scope, inventory or link to the previous cycle not kept")
	}
	for id, r := range next.Results {
		old := prev.Results[id]
		if r.Maturity != 0 || (r.Status != NotAssessed && r.Decision != Excluded) {
			t.Errorf("%s judgement not reset: %+v", id, r)
		}
		if len(r.Evidence) != len(carriedEvidence(old.Evidence)) || r.Decision != old.Decision {
			t.Errorf("%s lost its evidence references or SoA decision", id)
		}
		for _, e := range r.Evidence {
			if e.Interview != 0 {
				t.Errorf("%s carries evidence citing interview %d, but the interview log stays with its cycle", id, e.Interview)
			}
		}
	}
	for _, nc := range next.NCs {
		if nc.Status == NCVerified {
			t.Errorf("%s was verified effective but carried over", nc.Label())
		}
	}
	if len(next.Tests) != 0 {
		t.Error("control tests carried over; they must be re-performed each cycle")
	}
	next.Systems[0].Name = "changed"
	if prev.Systems[0].Name == "changed" {
		t.Error("the new cycle shares the inventory with the old one")
	}
	if s := Evaluate(cat, next, asOf); s.Assessed != 0 {
		t.Errorf("next cycle starts with %d assessed", s.Assessed)
	}
}

// Each field register is carried to the next cycle or left with the one that ended, as the
// README's copy section says.
func TestNextCycleCarriesTheFieldRecordsThatOutliveACycle(t *testing.T) {
	cat := ruleCatalogue(t)
	prev, err := Demo(cat, DemoStandard, ruleDay)
	if err != nil {
		t.Fatal(err)
	}
	next := NextCycle(prev, ruleDay.AddDate(1, 0, 0))
	var planned, open int
	for _, x := range prev.Audits {
		if !x.WasHeld() {
			planned++
		}
	}
	for _, x := range prev.Incidents {
		if x.Open() {
			open++
		}
	}
	tests := []struct {
		register  string
		got, want int
	}{
		{"suppliers with their due diligence", len(next.Suppliers), len(prev.Suppliers)},
		{"training records", len(next.Training), len(prev.Training)},
		{"internal audits still only planned", len(next.Audits), planned},
		{"AI incidents not yet resolved", len(next.Incidents), open},
		{"management reviews (held in the cycle that ended)", len(next.Reviews), 0},
		{"interviews (the fieldwork of the cycle that ended)", len(next.Interviews), 0},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %d carried, want %d", tt.register, tt.got, tt.want)
		}
	}
	if planned == 0 || open == 0 {
		t.Fatal("the demo has no planned audit or open incident; the test proves nothing")
	}
	for i, s := range next.Systems {
		if s.EUAIAct != prev.Systems[i].EUAIAct {
			t.Errorf("%s lost its EU AI Act classification", s.Name)
		}
	}
	if err := Validate(cat, next); err != nil {
		t.Errorf("the next cycle does not pass the import rules: %v", err)
	}
	next.Suppliers[0].Systems[0] = 99
	next.Audits[0].Items[0] = "changed"
	if prev.Suppliers[0].Systems[0] == 99 || slices.Contains(prev.Audits[len(prev.Audits)-1].Items, "changed") {
		t.Error("the new cycle shares its field records with the old one")
	}
}
