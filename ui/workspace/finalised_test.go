package workspace_test

import (
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// finalise judges every item of the demo (controls excluded with a reason), names the
// assessor and signs the assessment off, as 'aimsbench finalise' would from another terminal.
func finalise(t *testing.T, h *uitest.Harness) {
	t.Helper()
	ptr := func(s assessment.Status) *assessment.Status { return &s }
	three, excluded := 3, assessment.Excluded
	why := "No AI system of the client needs this control"
	for _, item := range h.Cat.Assessable() {
		j := assessment.Judgement{Status: ptr(assessment.Conformant), Maturity: &three}
		if item.IsControl() {
			j = assessment.Judgement{Status: ptr(assessment.NotApplicable), Maturity: &three, Decision: &excluded, Justification: &why}
		}
		if _, err := h.Store.SaveJudgement(h.ID, item, j); err != nil {
			t.Fatal(err)
		}
	}
	a := h.Stored()
	a.Assessor = "Ana Lima"
	if _, err := h.Store.SaveHeader(nil, a); err != nil {
		t.Fatal(err)
	}
	so := assessment.SignOff{By: "Ana Lima", Role: "Lead assessor", Date: uitest.Day, Key: "ab12"}
	if _, err := h.Store.Finalise(h.Cat, h.ID, so, uitest.Day); err != nil {
		t.Fatal(err)
	}
}

func TestAFinalisedAssessmentSaysSoInTheHeader(t *testing.T) {
	h := uitest.New(t)
	finalise(t, h)
	h.Open(steps.Scoping, func(steps.Host) steps.Step { return &uitest.Blank{} })
	if first := strings.SplitN(h.Screen(), "\n", 2)[0]; !strings.Contains(first, "FINALISED") {
		t.Fatalf("the header does not say FINALISED: %q", first)
	}
}

// TestAnEditRefusedAsFinalisedIsNotOfferedForRetry: the assessment is finalised from the
// command line while the workbench is open; the next edit is refused in one sentence, no
// ctrl+s retry is offered, and the screen shows what is stored, finalised.
func TestAnEditRefusedAsFinalisedIsNotOfferedForRetry(t *testing.T) {
	h, host, _ := openWith(t)
	if strings.Contains(strings.SplitN(h.Screen(), "\n", 2)[0], "FINALISED") {
		t.Fatal("a draft assessment is shown FINALISED")
	}
	finalise(t, h)
	clause, _ := h.Cat.Item("4.1")
	finding := "written after the sign-off"
	h.Run(host.Apply(steps.Judge{Item: clause, Judgement: assessment.Judgement{Finding: &finding}}))
	h.Contains("Not saved: assessment "+h.ID+" is finalised", "reopen it")
	for _, g := range h.Work.FullHelp() {
		for _, b := range g {
			if b.Help().Desc == "retry failed save" && b.Enabled() {
				t.Fatalf("a refusal of a finalised assessment is offered for retry:\n%s", h.Screen())
			}
		}
	}
	h.Keys("ctrl+s")
	if h.Stored().Results["4.1"].Finding == finding {
		t.Fatal("ctrl+s saved the edit into the finalised assessment")
	}
	if h.Work.Assessment().Results["4.1"].Finding == finding {
		t.Error("the refused edit is still on screen as if it were saved")
	}
	if !strings.Contains(strings.SplitN(h.Screen(), "\n", 2)[0], "FINALISED") {
		t.Errorf("the header does not say FINALISED after the refusal:\n%s", h.Screen())
	}
}
