package assessment

import (
	"encoding/json"
	"strings"
	"testing"
)

// cycles is a previous cycle (the ready fixture) and the next one copied from it and judged
// exactly as before, with its own internal audit and management review on record, so each
// test changes one thing.
func cycles(t *testing.T) (*Assessment, *Assessment) {
	t.Helper()
	cat, prev := readyAssessment(t)
	prev.EndDate = daysBefore(365)
	cur := NextCycle(prev, ruleDay)
	cur.Audits, cur.Reviews = prev.Audits, prev.Reviews
	for _, item := range cat.Assessable() {
		old := prev.Results[item.ID]
		r := cur.Results[item.ID]
		r.Status, r.Maturity = old.Status, old.Maturity
	}
	return prev, cur
}

func changedItems(list []ItemChange) string {
	var ids []string
	for _, c := range list {
		ids = append(ids, c.Item)
	}
	return strings.Join(ids, ",")
}

func TestCompareClassifiesItemChanges(t *testing.T) {
	tests := []struct {
		name                string
		prev, cur           func(*Result)
		improved, regressed string
	}{
		{name: "unchanged judgement is neither improved nor regressed"},
		{name: "status towards conformant is an improvement",
			prev: func(r *Result) { r.Status = Nonconformant }, improved: "5.2"},
		{name: "status away from conformant is a regression",
			cur: func(r *Result) { r.Status = Partial }, regressed: "5.2"},
		{name: "with the status unchanged a higher maturity is an improvement",
			cur: func(r *Result) { r.Maturity = 4 }, improved: "5.2"},
		{name: "with the status unchanged a lower maturity is a regression",
			prev: func(r *Result) { r.Maturity = 4 }, regressed: "5.2"},
		{name: "the status decides when status and maturity move apart",
			prev: func(r *Result) { r.Status, r.Maturity = Partial, 4 }, improved: "5.2"},
		{name: "an item not assessed in one cycle is not compared",
			prev: func(r *Result) { r.Status, r.Maturity = NotAssessed, 0 }},
		{name: "maturity is not compared when one cycle left it unset",
			prev: func(r *Result) { r.Maturity = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := ruleCatalogue(t)
			prev, cur := cycles(t)
			if tt.prev != nil {
				tt.prev(prev.Results["5.2"])
			}
			if tt.cur != nil {
				tt.cur(cur.Results["5.2"])
			}
			p := Compare(cat, prev, cur, ruleDay)
			if got := changedItems(p.Improved); got != tt.improved {
				t.Errorf("improved = %q, want %q", got, tt.improved)
			}
			if got := changedItems(p.Regressed); got != tt.regressed {
				t.Errorf("regressed = %q, want %q", got, tt.regressed)
			}
		})
	}
}

func TestCompareVerdictsAndGroupMeans(t *testing.T) {
	cat := ruleCatalogue(t)
	prev, cur := cycles(t)
	prev.Results["5.2"].Status, prev.Results["5.2"].Maturity = Nonconformant, 1
	for _, id := range []string{"5.1", "5.2", "5.3"} {
		cur.Results[id].Maturity = 4
	}
	p := Compare(cat, prev, cur, ruleDay)
	if p.Previous.Level != 1 || p.Previous.LevelName != "Not ready" || p.Current.Level != 3 || p.Current.Verdict != "Certification-ready" {
		t.Errorf("verdicts then %+v, now %+v", p.Previous, p.Current)
	}
	if !p.Previous.AsOf.Equal(prev.EndDate) || !p.Current.AsOf.Equal(ruleDay) {
		t.Errorf("previous judged at %v (want its end date %v), current at %v", p.Previous.AsOf, prev.EndDate, p.Current.AsOf)
	}
	var five GroupProgress
	for _, g := range p.Groups {
		if g.ID == "5" {
			five = g
		}
	}
	if five.Previous == nil || *five.Previous != 2.3 || *five.Current != 4.0 || *five.Change != 1.7 {
		t.Fatalf("clause 5 progress = %+v", five)
	}
	if len(p.Groups) != len(cat.Groups()) {
		t.Errorf("%d groups compared, want %d", len(p.Groups), len(cat.Groups()))
	}
}

func TestCompareGroupWithNothingRatedIsNull(t *testing.T) {
	cat := ruleCatalogue(t)
	prev, cur := cycles(t)
	for _, id := range []string{"10.1", "10.2"} {
		cur.Results[id].Maturity = 0
	}
	p := Compare(cat, prev, cur, ruleDay)
	var ten GroupProgress
	for _, g := range p.Groups {
		if g.ID == "10" {
			ten = g
		}
	}
	data, _ := json.Marshal(ten)
	if !strings.Contains(string(data), `"current_mean":null`) || !strings.Contains(string(data), `"change":null`) {
		t.Errorf("clause 10 with nothing rated now = %s", data)
	}
}

func TestCompareNonconformities(t *testing.T) {
	cat := ruleCatalogue(t)
	prev, _ := cycles(t)
	prev.NCs = []Nonconformity{
		{Number: 1, ItemID: "8.4", Grade: MajorNC, Status: NCOpen, Raised: daysBefore(400)},
		{Number: 2, ItemID: "9.2.2", Grade: MinorNC, Status: NCInProgress, Raised: daysBefore(400)},
		{Number: 3, ItemID: "A.7.5", Grade: MinorNC, Status: NCVerified, Raised: daysBefore(400)},
		{Number: 4, ItemID: "A.7.4", Grade: MinorNC, Status: NCClosed, Raised: daysBefore(400)},
	}
	cur := NextCycle(prev, ruleDay)
	cur.NCs[0].Status = NCVerified // NC-001 fixed during the year
	cur.NCs = append(cur.NCs,
		Nonconformity{Number: 3, ItemID: "6.2", Grade: MinorNC, Status: NCOpen, Raised: ruleDay}, // number reused
		Nonconformity{Number: 5, ItemID: "7.2", Grade: Observation, Status: NCOpen, Raised: ruleDay})
	p := Compare(cat, prev, cur, ruleDay)
	ids := func(list []NCChange) string {
		var out []string
		for _, c := range list {
			out = append(out, c.ID)
		}
		return strings.Join(out, ",")
	}
	if got := ids(p.NCsClosed); got != "NC-001" {
		t.Errorf("closed = %s, want NC-001", got)
	}
	if got := ids(p.NCsStillOpen); got != "NC-002" {
		t.Errorf("still open = %s, want NC-002", got)
	}
	if got := ids(p.NCsNew); got != "NC-003,NC-005" {
		t.Errorf("new = %s, want NC-003,NC-005 (a reused number is a new finding)", got)
	}
	if p.NCsClosed[0].PreviousStatus != NCOpen || p.NCsClosed[0].CurrentStatus != NCVerified {
		t.Errorf("closed NC states = %+v", p.NCsClosed[0])
	}
}

func TestCycleDateNeverAfterAsOf(t *testing.T) {
	a := &Assessment{EndDate: ruleDay.AddDate(0, 0, 10), Updated: daysBefore(5)}
	if got := CycleDate(a, ruleDay); !got.Equal(ruleDay) {
		t.Errorf("an end date after asOf gives %v, want asOf", got)
	}
	a.EndDate = daysBefore(20)
	if got := CycleDate(a, ruleDay); !got.Equal(daysBefore(20)) {
		t.Errorf("end date ignored: %v", got)
	}
	if got := CycleDate(&Assessment{Updated: daysBefore(3)}, ruleDay); !got.Equal(daysBefore(3)) {
		t.Errorf("without an end date the last update counts: %v", got)
	}
}
