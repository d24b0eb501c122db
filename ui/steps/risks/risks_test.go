package risks

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

func riskStep(h *uitest.Harness) *risks { return h.Work.Step(steps.Risks).(*risks) }

func findRisk(a *assessment.Assessment, title string) *assessment.Risk {
	for i := range a.Risks {
		if strings.HasPrefix(a.Risks[i].Title, title) {
			return &a.Risks[i]
		}
	}
	return nil
}

// addRisk fills the whole risk form: title, the first AI system, likelihood 4, impact 5,
// two controls and an owner. The title carries a q, which must type, not quit.
func addRisk(h *uitest.Harness, title string) {
	h.T.Helper()
	h.Keys("a", "text:"+title)
	if !h.Work.Typing() {
		h.T.Fatal("q in the risk form quit the application")
	}
	h.Keys("enter", "down", "enter", // system: the first of the inventory
		"enter", "enter", // Annex C source and objective left unset
		"right", "enter", // likelihood 3 → 4
		"right", "right", "enter", // impact 3 → 5
		"enter",                     // treatment modify
		"text:a.6.2.6,9.2", "enter", // controls, written loosely
		"enter", "enter", // residual not rated
		"text:Quinn", "enter",
		"enter") // status open: submits
}

func TestRiskAddEditAndDeleteWhichDefaultsToNo(t *testing.T) {
	h := uitest.New(t).Open(steps.Risks, New)
	before := len(h.Stored().Risks)
	addRisk(h, "Qm")
	r := findRisk(h.Stored(), "Qm")
	if r == nil {
		t.Fatalf("new risk not stored; screen:\n%s", h.Screen())
	}
	want := assessment.Risk{ID: int64(before + 1), Title: "Qm", SystemID: 1, Likelihood: 4, Impact: 5,
		Treatment: "modify", Controls: []string{"A.6.2.6", "A.9.2"}, Owner: "Quinn", Status: "open", Raised: r.Raised}
	if !reflect.DeepEqual(*r, want) {
		t.Fatalf("stored risk\n%+v\nwant\n%+v", *r, want)
	}
	h.Contains("R-15", "Qm", "4×5", "high")

	// Edit: the cursor stays on the new risk; change its title and close it.
	h.Keys("enter", "text: again", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter",
		"right", "right", "right", "enter")
	r = findRisk(h.Stored(), "Qm again")
	if r == nil || r.Status != "closed" || r.ID != want.ID {
		t.Fatalf("edited risk: %+v", r)
	}

	// Delete: enter alone takes the default answer, No.
	h.Keys("d")
	h.Contains("Please confirm", "R-15")
	h.Keys("enter")
	if findRisk(h.Stored(), "Qm") == nil {
		t.Fatal("enter on the delete confirmation deleted the risk")
	}
	h.Keys("d", "y")
	if findRisk(h.Stored(), "Qm") != nil || len(h.Stored().Risks) != before {
		t.Fatal("y did not delete the risk")
	}
	if strings.Contains(h.Screen(), "Qm again") {
		t.Fatal("the deleted risk is still on screen")
	}
}

func TestRiskFormRefusesUnknownControls(t *testing.T) {
	h := uitest.New(t).Open(steps.Risks, New)
	h.Keys("a", "text:Zz", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "text:A.42", "enter")
	h.Contains("not an Annex A control")
	if riskStep(h).editing == nil {
		t.Fatal("the form closed on an unknown control")
	}
	h.Keys("esc")
	if findRisk(h.Stored(), "Zz") != nil {
		t.Fatal("a cancelled form stored a risk")
	}
}

// heatCounts reads the heat map as drawn: counts[l-1][i-1], 0 for an empty cell.
func heatCounts(t *testing.T, view string) [5][5]string {
	t.Helper()
	lines := strings.Split(ansi.Strip(view), "\n")
	var out [5][5]string
	for row := 0; row < 5; row++ {
		cells := []rune(lines[2+row])
		for i := 0; i < 5; i++ {
			cell := string(cells[4+5*i : 4+5*i+5])
			out[4-row][i] = strings.Fields(cell)[0]
		}
	}
	return out
}

func TestHeatMapCountsOpenRisksOnly(t *testing.T) {
	h := uitest.New(t).Open(steps.Risks, New)
	var want [5][5]int
	for _, r := range h.Stored().Risks {
		if r.Status == "open" {
			want[r.Likelihood-1][r.Impact-1]++
		}
	}
	got := heatCounts(t, riskStep(h).heatMapView())
	for l := range 5 {
		for i := range 5 {
			w := "·"
			if want[l][i] > 0 {
				w = string(rune('0' + want[l][i]))
			}
			if got[l][i] != w {
				t.Errorf("cell L%d×I%d shows %q, want %q (open risks only)", l+1, i+1, got[l][i], w)
			}
		}
	}
	if got[4][4] != "·" {
		t.Fatalf("the demo has an open 5×5 risk; pick another cell")
	}
	addRisk(h, "Qx")
	if got := heatCounts(t, riskStep(h).heatMapView()); got[3][4] != string(rune('0'+want[3][4]+1)) {
		t.Errorf("after adding an open 4×5 risk the cell shows %q", got[3][4])
	}
	h.Contains("H/M/L")
}

func TestImpactAssessmentFormUpdatesTheSystem(t *testing.T) {
	h := uitest.New(t).Open(steps.Risks, New)
	done, total := riskStep(h).Progress()
	// Call-centre sentiment analysis, the sixth in-scope system, has no impact assessment.
	h.Keys("j", "j", "j", "j", "j")
	h.Contains("Call-centre sentiment", "✗ none")
	h.Keys("enter", "text:2026-11-20", "enter", "enter", "text: Qc", "enter", "enter", "left", "enter")
	var sys assessment.AISystem
	for _, s := range h.Stored().Systems {
		if strings.HasPrefix(s.Name, "Call-centre") {
			sys = s
		}
	}
	if sys.AISIADate.Format("2006-01-02") != "2026-11-20" || !sys.ImpactToRiskTrace || !strings.Contains(sys.AffectedGroups, "Qc") {
		t.Fatalf("stored system after the form: %+v", sys)
	}
	if d, tot := riskStep(h).Progress(); d != done+1 || tot != total {
		t.Errorf("progress %d/%d, want %d/%d", d, tot, done+1, total)
	}
}

func TestStoredTextWithEscapesIsShownVisibly(t *testing.T) {
	h := uitest.New(t)
	a := h.Stored()
	risk, sys := a.Risks[0], a.Systems[0]
	risk.Title, sys.Harms = "evil\x1b]0;pwned\x07 title", "wipe\x1b[2Jscreen"
	if _, err := h.Store.SaveRisk(a.ID, nil, risk); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Store.SaveSystem(a.ID, nil, sys); err != nil {
		t.Fatal(err)
	}
	h.Open(steps.Risks, New)
	raw := h.Work.View()
	h.Keys("t") // to the register: the risk's detail
	raw += h.Work.View()
	for _, bad := range []string{"\x1b]0;", "\x1b[2J", "\x07"} {
		if strings.Contains(raw, bad) {
			t.Errorf("stored text reached the terminal raw: %q", bad)
		}
	}
}

func TestANewRiskNeverTakesADeletedRisksNumber(t *testing.T) {
	h := uitest.New(t).Open(steps.Risks, New)
	last := h.Stored().Risks[len(h.Stored().Risks)-1]
	h.Keys("G", "d", "y") // delete the highest-numbered risk
	addRisk(h, "Qn")
	r := findRisk(h.Stored(), "Qn")
	if r == nil || r.ID != last.ID+1 {
		t.Fatalf("new risk stored as %+v; %s was deleted and its number must not be reused", r, kit.RiskLabel(last))
	}
	h.Contains(kit.RiskLabel(*r), "Qn")
	h.Keys("enter", "text:2", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	if got := h.Stored(); findRisk(got, "Qn2") == nil || len(got.Risks) != len(h.Work.Assessment().Risks) {
		t.Fatalf("editing the new risk: %d stored, %d on screen", len(got.Risks), len(h.Work.Assessment().Risks))
	}
}
