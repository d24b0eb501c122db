package assessment

import (
	"strings"
	"testing"
)

func TestResolveFieldSettlesOnlyWhatNeedsNoJudgement(t *testing.T) {
	tests := []struct {
		name                     string
		base, ours, theirs, want string // want "" for a conflict
		oursStale, theirsStale   bool
	}{
		{"both changed a value: a conflict", `"a"`, `"b"`, `"c"`, "", false, false},
		{"ours was taken from theirs before: theirs is newer", `"a"`, `"b"`, `"c"`, `"c"`, true, false},
		{"theirs was taken from ours before: ours is newer", `"a"`, `"b"`, `"c"`, `"b"`, false, true},
		{"both stale: a conflict", `"a"`, `"b"`, `"c"`, "", true, true},
		{"a list both added to keeps both additions", `[1]`, `[1,2]`, `[1,3]`, `[1,2,3]`, false, false},
		{"a list both added the same entry to keeps it once", `[1]`, `[1,2,4]`, `[1,2,3]`, `[1,2,4,3]`, false, false},
		{"a list new on both sides", ``, `[2]`, `[3]`, `[2,3]`, false, false},
		{"a list one side removed from: a conflict", `[1,2]`, `[1]`, `[1,2,3]`, "", false, false},
		{"a list one side edited: a conflict", `[{"t":"x"}]`, `[{"t":"y"}]`, `[{"t":"x"},{"t":"z"}]`, "", false, false},
		{"a list against a value: a conflict", `[1]`, `[1,2]`, `"x"`, "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := func(s string) []byte {
				if s == "" {
					return nil
				}
				return []byte(s)
			}
			got, ok := ResolveField(raw(tt.base), raw(tt.ours), raw(tt.theirs), tt.oursStale, tt.theirsStale)
			if ok != (tt.want != "") || ok && !SameJSON(got, []byte(tt.want)) {
				t.Errorf("got %s (%v), want %q", got, ok, tt.want)
			}
		})
	}
}

func TestRenumberMakesReferencesFollow(t *testing.T) {
	a := &Assessment{
		Systems:    []AISystem{{ID: 2, Name: "Fraud graph"}, {ID: 3, Name: "Chatbot"}},
		Risks:      []Risk{{ID: 5, SystemID: 2}, {ID: 6, SystemID: 3}, {ID: 7}},
		NCs:        []Nonconformity{{Number: 1}},
		Suppliers:  []Supplier{{Number: 1, Systems: []int64{2, 3}}},
		Incidents:  []Incident{{Number: 1, SystemID: 3}},
		Audits:     []InternalAudit{{Number: 1, Findings: []int{1}}},
		Interviews: []Interview{{Number: 2}},
		Results:    map[string]*Result{"4.1": {Evidence: []Evidence{{Title: "Interview", Kind: "interview", Interview: 2}}}},
	}
	a.Renumber("system", map[int64]int64{2: 3, 3: 4}) // a swap through a number in use
	a.Renumber("nc", map[int64]int64{1: 9})
	a.Renumber("interview", map[int64]int64{2: 5})
	if s, inc, au := a.Suppliers[0].Systems, a.Incidents[0].SystemID, a.Audits[0].Findings[0]; s[0] != 3 || s[1] != 4 || inc != 4 || au != 9 {
		t.Errorf("after renumbering: supplier systems %v, incident system %d, audit finding %d", s, inc, au)
	}
	if a.Interviews[0].Number != 5 || a.Results["4.1"].Evidence[0].Interview != 5 {
		t.Errorf("after renumbering the interview: %+v, evidence cites %d", a.Interviews, a.Results["4.1"].Evidence[0].Interview)
	}
	if a.Systems[0].ID != 3 || a.Systems[1].ID != 4 || a.Risks[0].SystemID != 3 || a.Risks[1].SystemID != 4 || a.Risks[2].SystemID != 0 || a.NCs[0].Number != 9 {
		t.Errorf("after renumbering: systems %+v, risks %+v, NCs %+v", a.Systems, a.Risks, a.NCs)
	}
	if got := a.Numbers("risk"); len(got) != 3 || got[2] != 7 {
		t.Errorf("risk numbers %v", got)
	}
	if strings.Join(NumberedKinds(), " ") != "system risk nc internal_audit review supplier training incident interview" {
		t.Errorf("numbered kinds %v", NumberedKinds())
	}
}

func TestAMergePlanIsSettledOneConflictAtATime(t *testing.T) {
	p := &MergePlan{Conflicts: []Conflict{{Ref: "result/4.1/status"}, {Ref: "risk/7"}}}
	if err := p.Settle("result/4.1/status", Theirs); err != nil {
		t.Fatal(err)
	}
	if u := p.Unsettled(); len(u) != 1 || u[0].Ref != "risk/7" {
		t.Errorf("unsettled %+v, want risk/7 left", u)
	}
	if err := p.Settle("risk/8", Ours); err == nil || !strings.Contains(err.Error(), "no conflict on risk/8") {
		t.Errorf("settling what is not in conflict: %v", err)
	}
	if s := p.Settlements(); len(s) != 1 || s["result/4.1/status"] != Theirs {
		t.Errorf("settlements %v", s)
	}
	if _, err := ParseSide("mine"); err == nil {
		t.Error("a side that is neither ours nor theirs was taken")
	}
}
