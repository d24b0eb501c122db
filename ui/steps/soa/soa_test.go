package soa

import (
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// soaStep opens the SoA of the demo with the cursor on the given control.
func soaStep(t *testing.T, control string) (*uitest.Harness, *soa) {
	t.Helper()
	h := uitest.New(t).Open(steps.SoA, New)
	s := h.Work.Step(steps.SoA).(*soa)
	for i, c := range s.controls {
		if c.ID == control {
			s.cursor = i
		}
	}
	if it, _ := s.selected(); it.ID != control {
		t.Fatalf("no control %s in the SoA", control)
	}
	return h, s
}

func TestSoAExcludeWithJustificationStoresDecisionAndNotApplicable(t *testing.T) {
	h, s := soaStep(t, "A.2.2")
	h.Keys("space")
	if !s.Typing() {
		t.Fatal("space on an included control did not ask for a justification")
	}
	h.Keys("text:Policy set at group level; quality q", "enter")
	r := h.Stored().Results["A.2.2"]
	if r == nil || r.Decision != assessment.Excluded || r.Status != assessment.NotApplicable {
		t.Fatalf("A.2.2 after exclusion: %+v", r)
	}
	if r.Justification != "Policy set at group level; quality q" {
		t.Errorf("justification stored as %q", r.Justification)
	}
	h.Contains("EXCL", "excluded from the SoA")
	if done, total := s.Progress(); done != total {
		t.Errorf("a justified exclusion counts as done: progress %d/%d", done, total)
	}
}

func TestSoAExcludeWithEmptyJustificationIsRefused(t *testing.T) {
	h, s := soaStep(t, "A.2.2")
	h.Keys("space", "text:   ", "enter")
	h.Contains("✗ excluding A.2.2 from the")
	if s.sheet == nil || !strings.Contains(s.sheet.Err, "needs a justification") {
		t.Fatal("the refusal does not say a justification is needed")
	}
	if !s.Typing() {
		t.Error("the refusal closed the justification input; the assessor should be able to type one")
	}
	h.Keys("esc")
	if r := h.Stored().Results["A.2.2"]; r != nil && r.Decision == assessment.Excluded {
		t.Fatalf("a refused exclusion was stored: %+v", r)
	}
	if r := h.Work.Assessment().Results["A.2.2"]; r != nil && r.Decision == assessment.Excluded {
		t.Fatalf("a refused exclusion changed the screen's assessment: %+v", r)
	}
}

func TestSoAIncludingAnExcludedControlResetsItsStatus(t *testing.T) {
	h, _ := soaStep(t, "A.7.3")
	if r := h.Stored().Results["A.7.3"]; r == nil || r.Decision != assessment.Excluded {
		t.Fatalf("the demo should exclude A.7.3: %+v", r)
	}
	h.Contains("! A.7.3 is excluded") // the exclusion's consistency warnings
	h.Keys("space")
	r := h.Stored().Results["A.7.3"]
	if r.Decision != assessment.Included || r.Status != assessment.NotAssessed {
		t.Fatalf("A.7.3 after including: decision %s, status %s", r.Decision, r.Status)
	}
}

func TestSoAEnterEditsTheJustificationOfAnExcludedControl(t *testing.T) {
	h, _ := soaStep(t, "A.7.3")
	h.Keys("enter", "ctrl+j", "text:Reviewed again.", "enter")
	r := h.Stored().Results["A.7.3"]
	if r.Decision != assessment.Excluded || len(r.Justification) == 0 || r.Justification[len(r.Justification)-len("Reviewed again."):] != "Reviewed again." {
		t.Fatalf("A.7.3 justification after editing: %q", r.Justification)
	}
}

// TestARequiredControlSaysWhyAndWhatExcludingItDoes is issue 10 on the workbench: a control
// the situation requires says why, and excluding it says it will cap the verdict at 2.
func TestARequiredControlSaysWhyAndWhatExcludingItDoes(t *testing.T) {
	h := uitest.New(t).Open(steps.SoA, New)
	h.Send(steps.JumpTo{Step: steps.SoA, Item: "A.6.1.2"})
	req := assessment.RequiredControls(h.Cat, h.Work.Assessment())["A.6.1.2"]
	if len(req) == 0 {
		t.Fatal("the demo's situation does not require A.6.1.2")
	}
	h.Contains("R Required because an in-scope system has the AI producer")
	h.Press("exclude…")
	h.Contains("Beware: required because", "caps the readiness verdict at 2")
	h.Keys("text:n/a", "ctrl+s")
	h.Contains(`"n/a" is a placeholder`)
	if s := h.Work.Step(steps.SoA).(*soa); s.sheet == nil || s.sheet.Get("why") != "n/a" {
		t.Fatal("the refused justification was not kept in the open sheet")
	}
	h.Keys("ctrl+u", "text:Production of models moved to the group data science centre in 2026", "ctrl+s")
	if r := h.Stored().Results["A.6.1.2"]; r.Decision != assessment.Excluded {
		t.Fatalf("A.6.1.2 was not excluded: %+v", r)
	}
	h.Contains("✗ Excluded although required")
	found := false
	for _, b := range h.Work.Summary().Blockers {
		found = found || (b.Kind == "required_control_excluded" && b.Item == "A.6.1.2" && b.Cap == 2)
	}
	if !found {
		t.Error("the verdict does not carry the required_control_excluded blocker")
	}
}
