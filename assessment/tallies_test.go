package assessment

import (
	"testing"
)

func TestHeatMapCountsRisksPerCell(t *testing.T) {
	risks := []Risk{
		{ID: 1, Likelihood: 5, Impact: 4, ResidualLikelihood: 2, ResidualImpact: 2},
		{ID: 2, Likelihood: 5, Impact: 4, ResidualLikelihood: 2, ResidualImpact: 2},
		{ID: 3, Likelihood: 1, Impact: 1},
		{ID: 4, Likelihood: 0, Impact: 3, ResidualLikelihood: 6, ResidualImpact: 1},
	}
	inherent, unrated := HeatMap(risks, false)
	if inherent[4][3] != 2 || inherent[0][0] != 1 || unrated != 1 {
		t.Errorf("inherent grid %v, unrated %d", inherent, unrated)
	}
	residual, unrated := HeatMap(risks, true)
	if residual[1][1] != 2 || unrated != 2 {
		t.Errorf("residual grid %v, unrated %d (unrated and off-scale risks are left out)", residual, unrated)
	}
}

func TestTallyNCs(t *testing.T) {
	a := &Assessment{NCs: []Nonconformity{
		{Number: 1, Grade: MajorNC, Status: NCOpen, Due: daysBefore(1)},
		{Number: 2, Grade: MinorNC, Status: NCReopened, Due: daysBefore(-5)},
		{Number: 3, Grade: MajorNC, Status: NCClosed},
		{Number: 4, Grade: MinorNC, Status: NCVerified},
		{Number: 5, Grade: MajorNC, Status: NCInProgress},
	}}
	got := TallyNCs(a, ruleDay)
	want := NCTally{Total: 5, Open: 3, Overdue: 1, Closed: 1, Verified: 1, OpenMajor: 2}
	if got != want {
		t.Errorf("tally = %+v, want %+v", got, want)
	}
}

func TestTallyRequestsCountsAbsentAsNotRequested(t *testing.T) {
	cat, a := readyAssessment(t)
	first := cat.EvidenceRequests[0].Items
	a.Requests[first[0].ID] = RequestStatus{State: Requested}
	a.Requests[first[1].ID] = RequestStatus{State: NotAvailable}
	delete(a.Requests, first[2].ID)
	got := TallyRequests(cat, a)
	if got.Requested != 1 || got.NotAvailable != 1 || got.NotRequested != 1 || got.Received != got.Total-3 {
		t.Errorf("tally = %+v", got)
	}
}

func TestGroupTargetAveragesEffectiveTargets(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Results["A.10.2"].Target = 5
	excludeDirectly(a, "A.10.4", goodJustification)
	a.Results["A.10.4"].Target = 1 // excluded: left out
	if got := GroupTarget(cat, a, "A.10"); got != 4.0 {
		t.Errorf("A.10 target = %v, want 4.0 (5 and the default 3)", got)
	}
	if got := GroupTarget(cat, a, "4"); got != 3.0 {
		t.Errorf("clause 4 target = %v, want the default 3.0", got)
	}
}

func TestLinkedRisksAndTestOf(t *testing.T) {
	a := &Assessment{
		Risks: []Risk{{ID: 1, Controls: []string{"A.7.4"}}, {ID: 2, Controls: []string{"A.5.2", "A.7.4"}}, {ID: 3}},
		Tests: []ControlTest{{ControlID: "A.5.2"}, {ControlID: "A.7.4", Population: 9}},
	}
	if got := LinkedRisks(a, "A.7.4"); len(got) != 2 || got[1].ID != 2 {
		t.Errorf("risks linked to A.7.4 = %v", got)
	}
	if got := a.TestOf("A.7.4"); got == nil || got.Population != 9 {
		t.Errorf("TestOf(A.7.4) = %v", got)
	}
	if a.TestOf("A.9.2") != nil {
		t.Error("a control without a test has a test")
	}
}

func TestImpactAssessmentProblem(t *testing.T) {
	s := readySystem()
	if p := ImpactAssessmentProblem(s, ruleDay); p != "" {
		t.Errorf("current impact assessment reported as %q", p)
	}
	s.LastChange = daysBefore(10)
	if p := ImpactAssessmentProblem(s, ruleDay); p != "older than the last significant change" {
		t.Errorf("stale impact assessment reported as %q", p)
	}
}

func TestTestedCountsSamplesWithAResult(t *testing.T) {
	test := ControlTest{Samples: []Sample{{Result: Pass}, {Result: Exception}, {Result: NotTested}, {}}}
	if got := test.Tested(); got != 2 {
		t.Errorf("tested = %d, want 2", got)
	}
}
