package assessment

import (
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
		if len(r.Evidence) != len(old.Evidence) || r.Decision != old.Decision {
			t.Errorf("%s lost its evidence references or SoA decision", id)
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
