package assessment

import (
	"strings"
	"testing"
	"time"
)

func TestGapReasons(t *testing.T) {
	tests := []struct {
		name   string
		item   string
		mutate func(a *Assessment)
		want   string
	}{
		{name: "conformant at target is no gap", item: "6.2"},
		{name: "nonconformant is a gap", item: "6.2",
			mutate: func(a *Assessment) { a.Results["6.2"].Status = Nonconformant }, want: "nonconformant"},
		{name: "partially conformant is a gap", item: "6.2",
			mutate: func(a *Assessment) { a.Results["6.2"].Status = Partial }, want: "partially conformant"},
		{name: "conformity without evidence is a gap", item: "6.2",
			mutate: func(a *Assessment) { a.Results["6.2"].Evidence = nil }, want: "conformant without evidence"},
		{name: "maturity below the default target is a gap", item: "6.2",
			mutate: func(a *Assessment) { a.Results["6.2"].Maturity = 2 }, want: "maturity 2 below target 3"},
		{name: "maturity below a raised target is a gap", item: "6.2",
			mutate: func(a *Assessment) { a.Results["6.2"].Target = 4 }, want: "maturity 3 below target 4"},
		{name: "status and maturity reasons are both given", item: "6.2",
			mutate: func(a *Assessment) { a.Results["6.2"].Status, a.Results["6.2"].Maturity = Partial, 2 },
			want:   "partially conformant|maturity 2 below target 3"},
		{name: "an item not assessed yet is no gap", item: "6.2",
			mutate: func(a *Assessment) { a.Results["6.2"].Status, a.Results["6.2"].Maturity = NotAssessed, 0 }},
		{name: "an excluded control is no gap", item: "A.10.4",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.10.4", goodJustification); a.Results["A.10.4"].Maturity = 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			if tt.mutate != nil {
				tt.mutate(a)
			}
			got := strings.Join(GapReasons(a, ruleItem(t, cat, tt.item), ruleDay), "|")
			if got != tt.want {
				t.Errorf("reasons = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGapRegisterOrderAndTopGaps(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Results["A.6.2.6"].Maturity = 2                                                // below target only
	a.Results["4.2"].Status, a.Results["4.2"].Priority = Partial, Low                // partial, low
	a.Results["9.2.2"].Status, a.Results["9.2.2"].Maturity = Nonconformant, 1        // nonconformant
	a.Results["5.2"].Status, a.Results["5.2"].Priority = Partial, High               // partial, high
	a.Results["7.2"].Status, a.Results["7.2"].Evidence = Conformant, []Evidence(nil) // unsupported
	var order []string
	for _, g := range GapRegister(cat, a, ruleDay) {
		order = append(order, g.Item.ID)
	}
	if got := strings.Join(order, ","); got != "4.2,5.2,7.2,9.2.2,A.6.2.6" {
		t.Errorf("register order = %s, want catalogue order", got)
	}
	if g := GapRegister(cat, a, ruleDay)[4]; g.Group != "A.6" {
		t.Errorf("A.6.2.6 grouped under %q, want A.6", g.Group)
	}
	order = nil
	for _, g := range TopGaps(cat, a, 4, ruleDay) {
		order = append(order, g.Item.ID)
	}
	if got := strings.Join(order, ","); got != "9.2.2,5.2,4.2,7.2" {
		t.Errorf("top gaps = %s, want severity then priority", got)
	}
	if n := len(TopGaps(cat, a, 50, ruleDay)); n != 5 {
		t.Errorf("TopGaps with a large n returned %d, want all 5", n)
	}
}

func TestUnassessedListsFieldworkLeft(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Results["8.3"].Maturity = 0
	a.Results["A.9.4"].Status = NotAssessed
	excludeDirectly(a, "A.10.4", goodJustification)
	a.Results["A.10.4"].Maturity = 0
	var ids []string
	for _, item := range Unassessed(cat, a) {
		ids = append(ids, item.ID)
	}
	if got := strings.Join(ids, ","); got != "8.3,A.9.4" {
		t.Errorf("unassessed = %s, want 8.3,A.9.4 (excluded controls are not fieldwork)", got)
	}
}

func TestRoadmapPlacesGapsAndOpenNCsInPhases(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Results["4.3"].Status = Partial         // phase 1
	a.Results["9.2.2"].Status = Nonconformant // phase 4
	a.NCs = []Nonconformity{
		{Number: 2, ItemID: "9.2.2", Grade: MajorNC, Status: NCOpen},
		{Number: 1, ItemID: "9.2.2", Grade: MinorNC, Status: NCInProgress},
		{Number: 3, ItemID: "4.3", Grade: MinorNC, Status: NCVerified},
		{Number: 4, Grade: Observation, Status: NCOpen},
	}
	start := time.Date(2026, 1, 5, 15, 0, 0, 0, time.UTC)
	phases, unplanned, unplannedNCs := Roadmap(cat, a, start)
	if len(phases) != len(cat.Phases) {
		t.Fatalf("%d phases, want %d", len(phases), len(cat.Phases))
	}
	first, last := phases[0], phases[len(phases)-1]
	if !first.From.Equal(time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)) || !first.To.Equal(first.From.AddDate(0, 0, first.Phase.EndWeek*7-1)) {
		t.Errorf("phase 1 window %v – %v", first.From, first.To)
	}
	if len(first.Gaps) != 1 || first.Gaps[0].Item.ID != "4.3" || len(first.OpenNCs) != 0 {
		t.Errorf("phase 1 gaps %v, NCs %v", first.Gaps, first.OpenNCs)
	}
	if len(last.Gaps) != 1 || len(last.OpenNCs) != 2 || last.OpenNCs[0].Number != 1 {
		t.Errorf("phase 4 should hold 9.2.2 and its open NCs in number order: %+v", last.OpenNCs)
	}
	if len(unplanned) != 0 || len(unplannedNCs) != 1 || unplannedNCs[0].Number != 4 {
		t.Errorf("unplanned gaps %v, NCs %v", unplanned, unplannedNCs)
	}
}
