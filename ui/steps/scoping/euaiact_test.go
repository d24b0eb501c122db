package scoping

import (
	"slices"
	"testing"
	"time"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// onSystem puts the inventory cursor on the system with the given name.
func onSystem(t *testing.T, h *uitest.Harness, name string) assessment.AISystem {
	t.Helper()
	systems := h.Work.Assessment().Systems
	i := slices.IndexFunc(systems, func(s assessment.AISystem) bool { return s.Name == name })
	if i < 0 {
		t.Fatalf("no system %q", name)
	}
	scopingOf(h).cursor[secInventory] = i
	return systems[i]
}

func TestASystemsDetailShowsItsClassAndObligationsAsIndicative(t *testing.T) {
	h := inventory(t)
	var hr assessment.AISystem
	for _, s := range h.Work.Assessment().Systems {
		if s.EUAIAct.Area == "employment" {
			hr = s
		}
	}
	onSystem(t, h, hr.Name)
	h.Work.SetSize(160, 90) // room for the whole detail and the class column
	h.Contains("EU AI Act", "High-risk: a use listed in Annex III — point 4, Employment and workers management (indicative, not legal",
		"EU AI Act obligations it points to", "Indicative only, not legal advice", "high-risk 4")
	for _, o := range hr.EUAIAct.Obligations(h.Cat) {
		h.Contains("· " + o.Article + ": ")
	}
}

func TestClassifyingAHighRiskUseAsksForItsAnnexIIIArea(t *testing.T) {
	h := inventory(t)
	sys := onSystem(t, h, "Claims triage model")
	if sys.EUAIAct.Category != "minimal" {
		t.Fatalf("the demo classifies %s as %q", sys.Name, sys.EUAIAct.Category)
	}
	h.Press("edit")
	press(h, "enter", "enter", "enter", "enter", "enter", "enter") // identity and classification as they are
	h.Contains("EU AI Act category (indicative, not legal advice)")
	press(h, "up", "up", "up", "enter", "enter") // minimal → high-risk (Annex III); the reason as it is
	h.Contains("Annex III area the use falls in")
	press(h, "enter")
	h.Contains("needs the Annex III area its use falls in")
	if got, _ := storedSystem(h, sys.Name); got.EUAIAct.Category != "minimal" {
		t.Fatalf("stored %+v before the area was chosen", got.EUAIAct)
	}
	press(h, "down", "down", "down", "down", "ctrl+s") // point 4, employment
	got, _ := storedSystem(h, sys.Name)
	if got.EUAIAct.Category != "high-risk" || got.EUAIAct.Area != "employment" || got.EUAIAct.Rationale != sys.EUAIAct.Rationale {
		t.Fatalf("stored %+v", got.EUAIAct)
	}
	h.Contains("point 4, Employment and workers management (indicative")
}

func TestTheCertificationFormShowsTheLaterAuditsReadOnly(t *testing.T) {
	h := uitest.New(t).Open(steps.Scoping, New)
	stage2 := h.Work.Assessment().Certification.Stage2
	press(h, "]", "]", "]")
	h.Contains("Surveillance audit, year 1: by " + stage2.AddDate(1, 0, 0).Format(time.DateOnly))
	press(h, "enter", "enter", "enter", "ctrl+u", "text:2027-09-01")
	h.Contains("Follows from Stage 2 (not editable)", "Surveillance audit, year 2: by 2029-09-01",
		"Recertification audit, year 3 (before the certificate expires): by 2030-06-01")
}
