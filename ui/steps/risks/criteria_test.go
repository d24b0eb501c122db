package risks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// withCriteria records risk criteria through the store (the standard demo has none) and
// reads the assessment again.
func withCriteria(t *testing.T, h *uitest.Harness, c assessment.RiskCriteria) {
	t.Helper()
	a := h.Stored()
	next := *a
	next.RiskCriteria = c
	if _, err := h.Store.SaveHeader(a, &next); err != nil {
		t.Fatal(err)
	}
	h.Keys("ctrl+r")
}

func TestRiskCriteriaAreEditedFromTheRisksStep(t *testing.T) {
	h := uitest.New(t).Open(steps.Risks, New)
	audits := len(h.Work.Assessment().Audits)
	h.Press("risk appetite and acceptance")
	h.Keys("ctrl+u", "text:6", "enter", "ctrl+u", "text:8", "ctrl+s")
	h.Contains("above the risk appetite")
	h.Keys("ctrl+u", "text:3", "ctrl+s")
	if got := h.Stored().RiskCriteria; got != (assessment.RiskCriteria{Appetite: 6, Acceptance: 3}) {
		t.Fatalf("stored criteria %+v", got)
	}
	h.Contains("appetite 6, owner acceptance up to 3", "▲ above appetite (L×I over 6)")
	if got := len(h.Work.Assessment().Audits); got != audits {
		t.Errorf("saving the criteria left %d internal audits on screen, want %d", got, audits)
	}
}

func TestTheHeatMapMarksCellsAboveAppetiteWithAGlyph(t *testing.T) {
	h := uitest.New(t).Open(steps.Risks, New)
	h.Contains("no risk appetite recorded")
	withCriteria(t, h, assessment.RiskCriteria{Appetite: 9, Acceptance: 4})
	appetite := 9
	lines := strings.Split(ansi.Strip(riskStep(h).heatMapView()), "\n")
	for l := 1; l <= 5; l++ {
		cells := []rune(lines[2+5-l])
		for i := 1; i <= 5; i++ {
			marked := strings.Contains(string(cells[4+5*(i-1):4+5*i]), "▲")
			if want := l*i > appetite; marked != want {
				t.Errorf("cell L%d×I%d marked %v, want %v with appetite %d", l, i, marked, want, appetite)
			}
		}
	}
	h.Contains(fmt.Sprintf("▲ above appetite (L×I over %d)", appetite))
}

func TestTheRegisterSaysWhetherResidualRiskIsWithinAppetite(t *testing.T) {
	h := uitest.New(t).Open(steps.Risks, New)
	withCriteria(t, h, assessment.RiskCriteria{Appetite: 8, Acceptance: 4})
	a := h.Work.Assessment()
	seen := map[string]bool{}
	for i, x := range a.Risks {
		score, ok := x.ResidualScore()
		if !ok {
			continue
		}
		want := "within"
		if score > a.RiskCriteria.Appetite {
			want = "above"
		}
		if seen[want] {
			continue
		}
		seen[want] = true
		r := riskStep(h)
		r.cursor = len(r.systems()) + i
		var row string
		for _, line := range strings.Split(h.Screen(), "\n") {
			if strings.Contains(line, kit.RiskLabel(x)+" ") && !strings.Contains(line, "Source") {
				row = line
				break
			}
		}
		if !strings.Contains(row, " "+want+" ") {
			t.Errorf("%s (residual %d, appetite %d) shows %q, want %q", kit.RiskLabel(x), score, a.RiskCriteria.Appetite, row, want)
		}
		h.Contains(fmt.Sprintf("score %d · %s appetite (%d)", score, map[string]string{"within": "within", "above": "▲ above"}[want], a.RiskCriteria.Appetite))
	}
	if !seen["within"] || !seen["above"] {
		t.Fatalf("the demo lacks a risk %v appetite", seen)
	}
}
