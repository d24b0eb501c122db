package readiness

import (
	"fmt"
	"testing"

	"aimsbench/ui/kit"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

func TestABlockerLeadsToWhereItIsFixed(t *testing.T) {
	h := uitest.New(t).Open(steps.Readiness, New)
	r := h.Step().(*readiness)
	a := h.Work.Assessment()
	var major assessment.Nonconformity
	for _, nc := range a.NCs {
		if nc.IsOpen() && nc.Grade == assessment.MajorNC {
			major = nc
		}
	}
	tests := []struct {
		name    string
		blocker assessment.Blocker
		want    steps.JumpTo
	}{
		{"an item's blocker goes to the gap analysis", assessment.Blocker{Kind: "nonconformant", Item: "8.4"}, steps.JumpTo{Step: steps.GapAnalysis, Item: "8.4"}},
		{"a system without a current impact assessment goes to risk and impact", assessment.Blocker{Kind: "missing_impact_assessment", System: a.Systems[0].Name},
			steps.JumpTo{Step: steps.Risks, System: a.Systems[0].ID}},
		{"an open major NC goes to the register", assessment.Blocker{Kind: "open_major_nc", Item: major.ItemID}, steps.JumpTo{Step: steps.Nonconformities, NC: major.Number}},
		{"no system in scope goes to the inventory", assessment.Blocker{Kind: "no_ai_system_in_scope"}, steps.JumpTo{Step: steps.Scoping}},
		{"a stale impact assessment goes to the system on risk and impact", assessment.Blocker{Kind: "stale_impact_assessment", System: a.Systems[1].Name},
			steps.JumpTo{Step: steps.Risks, System: a.Systems[1].ID}},
		{"an overdue NC goes to the register by its number", assessment.Blocker{Kind: "overdue_nc", Item: "9.2.2", Ref: "NC-003"}, steps.JumpTo{Step: steps.Nonconformities, NC: 3}},
		{"an exclusion the situation requires goes to the SoA", assessment.Blocker{Kind: "required_control_excluded", Item: "A.5.2"}, steps.JumpTo{Step: steps.SoA, Item: "A.5.2"}},
		{"an untested control goes to control testing", assessment.Blocker{Kind: "controls_not_tested", Item: "A.2.2"}, steps.JumpTo{Step: steps.ControlTesting, Item: "A.2.2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.blockerJump(tt.blocker)
			if got == nil || *got != tt.want {
				t.Errorf("jump %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestEnterOpensABlockerGroupAndThenGoesToTheBlocker(t *testing.T) {
	h := uitest.New(t).Open(steps.Readiness, New)
	r := h.Step().(*readiness)
	first := h.Work.Summary().Blockers[0]
	for i, l := range r.lines() {
		if l.group == first.Kind {
			r.cursor = i
		}
	}
	h.Contains("Missing impact assessment (caps the level at 2) · ")
	h.Press("open group / go to item / edit KPI")
	h.Contains(first.Detail)
	h.Press("down")
	h.Press("open group / go to item / edit KPI")
	if h.Work.Active() == steps.Readiness {
		t.Fatal("enter on a blocker stayed on the readiness step")
	}
	got := h.Blanks[h.Work.Active()].Got
	if len(got) == 0 {
		t.Fatal("the target step did not receive the move")
	}
	if _, ok := got[len(got)-1].(steps.JumpTo); !ok {
		t.Errorf("the target step received %T, not the move", got[len(got)-1])
	}
}

func TestTheScreenCountsAsSummaryJSONAndShowsTheLadder(t *testing.T) {
	h := uitest.New(t).Open(steps.Readiness, New)
	sum := h.Work.Summary()
	h.Contains(sum.CountLine(), "Level 3 Certification-ready: ", "Level 4 ", "Level 5 ")
	for _, rung := range sum.Ladder() {
		h.Contains(fmt.Sprintf("%s, %s below %d", kit.Plural(len(rung.Blockers), "blocker"), kit.Plural(len(rung.Below), "item"), rung.Level))
	}
}

func TestAManualKPIIsSavedAsTyped(t *testing.T) {
	h := uitest.New(t).Open(steps.Readiness, New)
	r := h.Step().(*readiness)
	for i, l := range r.lines() {
		if l.kpi != "" {
			r.cursor = i
			break
		}
	}
	line := r.lines()[r.cursor]
	if line.kpi == "" {
		t.Skip("the demo has no manual KPI")
	}
	h.Press("open group / go to item / edit KPI")
	h.Keys("ctrl+u", "text:42 %", "ctrl+s")
	if got := h.Stored().KPIValues[line.kpi].Value; got != "42 %" {
		t.Fatalf("KPI %s stored as %q", line.kpi, got)
	}
}
