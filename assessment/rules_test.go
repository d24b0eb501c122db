package assessment

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"aimsbench/checklists"
)

// groupByID finds a roll-up group by ID.
func groupByID(t *testing.T, groups []Group, id string) Group {
	t.Helper()
	for _, g := range groups {
		if g.ID == id {
			return g
		}
	}
	t.Fatalf("no roll-up group %s", id)
	return Group{}
}

func TestRollUps(t *testing.T) {
	type counts = map[Status]int
	tests := []struct {
		name   string
		mutate func(a *Assessment)
		group  string // "overall" for the whole assessment
		want   Group
	}{
		{name: "counts per status, mean and minimum over a clause heading",
			mutate: func(a *Assessment) {
				r := a.Results["4.2"]
				r.Status, r.Maturity = Partial, 2
				r = a.Results["4.3"]
				r.Status, r.Maturity = Nonconformant, 1
				r = a.Results["4.4"]
				r.Status, r.Maturity = NotAssessed, 0
			},
			group: "4",
			want: Group{Assessed: 3, Total: 4, Mean: 2.0, Min: 1,
				ByStatus: counts{Conformant: 1, Partial: 1, Nonconformant: 1, NotAssessed: 1, NotApplicable: 0}}},
		{name: "mean is rounded to one decimal",
			mutate: func(a *Assessment) { a.Results["A.2.3"].Maturity = 4; a.Results["A.2.4"].Maturity = 4 },
			group:  "A.2",
			want:   Group{Assessed: 3, Total: 3, Mean: 3.7, Min: 3, ByStatus: counts{Conformant: 3}}},
		{name: "sub-clauses roll up into their top-level clause",
			mutate: func(a *Assessment) { a.Results["9.3.2"].Maturity = 5 },
			group:  "9",
			want:   Group{Assessed: 6, Total: 6, Mean: 3.3, Min: 3, ByStatus: counts{Conformant: 6}}},
		{name: "an excluded control is left out of its objective's totals",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.10.4", goodJustification); a.Results["A.10.4"].Maturity = 1 },
			group:  "A.10",
			want:   Group{Assessed: 2, Total: 2, Mean: 3.0, Min: 3, ByStatus: counts{Conformant: 2}}},
		{name: "an item rated but not assessed counts towards mean and minimum only",
			mutate: func(a *Assessment) { a.Results["10.1"].Status = NotAssessed; a.Results["10.1"].Maturity = 1 },
			group:  "10",
			want:   Group{Assessed: 1, Total: 2, Mean: 2.0, Min: 1, ByStatus: counts{Conformant: 1, NotAssessed: 1}}},
		{name: "a group with nothing rated has mean 0.0 and minimum 0",
			mutate: func(a *Assessment) {
				for _, id := range []string{"A.3.2", "A.3.3"} {
					a.Results[id].Status, a.Results[id].Maturity = NotAssessed, 0
				}
			},
			group: "A.3",
			want:  Group{Assessed: 0, Total: 2, ByStatus: counts{NotAssessed: 2}}},
		{name: "overall covers the 32 clause leaves and 38 included controls",
			mutate: func(*Assessment) {},
			group:  "overall",
			want:   Group{Assessed: 70, Total: 70, Mean: 3.0, Min: 3, ByStatus: counts{Conformant: 70}}},
		{name: "overall leaves excluded controls out",
			mutate: func(a *Assessment) {
				excludeDirectly(a, "A.10.4", goodJustification)
				excludeDirectly(a, "A.8.3", goodJustification)
			},
			group: "overall",
			want:  Group{Assessed: 68, Total: 68, Mean: 3.0, Min: 3, ByStatus: counts{Conformant: 68}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			var got Group
			if tt.group == "overall" {
				got = Evaluate(cat, a, ruleDay).Overall
			} else {
				got = groupByID(t, Groups(cat, a), tt.group)
			}
			for _, s := range Statuses {
				if got.ByStatus[s] != tt.want.ByStatus[s] {
					t.Errorf("%s: %d, want %d", s, got.ByStatus[s], tt.want.ByStatus[s])
				}
			}
			if got.Assessed != tt.want.Assessed || got.Total != tt.want.Total || got.Mean != tt.want.Mean || got.Min != tt.want.Min {
				t.Errorf("got %d/%d mean %s min %d; want %d/%d mean %s min %d",
					got.Assessed, got.Total, got.Mean, got.Min, tt.want.Assessed, tt.want.Total, tt.want.Mean, tt.want.Min)
			}
		})
	}
}

func TestGroupsAreTheClauseHeadingsAndObjectives(t *testing.T) {
	cat, a := readyAssessment(t)
	var ids []string
	for _, g := range Groups(cat, a) {
		ids = append(ids, g.ID)
	}
	want := []string{"4", "5", "6", "7", "8", "9", "10", "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"}
	if !slices.Equal(ids, want) {
		t.Errorf("groups %q, want %q", ids, want)
	}
}

func TestMeanMarshalsWithOneDecimal(t *testing.T) {
	tests := []struct {
		name string
		mean Mean
		want string
	}{
		{name: "whole number keeps its decimal", mean: 2, want: `{"mean":2.0}`},
		{name: "zero prints as 0.0", mean: 0, want: `{"mean":0.0}`},
		{name: "one decimal is kept", mean: 3.7, want: `{"mean":3.7}`},
		{name: "unrounded value prints one decimal", mean: 3.66667, want: `{"mean":3.7}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(struct {
				Mean Mean `json:"mean"`
			}{tt.mean})
			if err != nil || string(got) != tt.want {
				t.Errorf("got %s, %v; want %s", got, err, tt.want)
			}
			if s := tt.mean.String(); !strings.Contains(tt.want, s) {
				t.Errorf("String() %q disagrees with JSON %s", s, tt.want)
			}
		})
	}
}

func TestVerdictFloorMeanAndShortfalls(t *testing.T) {
	cat, a := strongAssessment(t)
	a.Results["6.3"].Maturity = 3
	a.Results["A.4.3"].Target = 5
	s := Evaluate(cat, a, ruleDay)
	if s.Floor != 3 || s.Mean != 4.0 || s.Level != 3 {
		t.Errorf("floor %d, mean %s, level %d; want 3, 4.0, 3", s.Floor, s.Mean, s.Level)
	}
	var short []string
	for _, b := range s.BelowTarget {
		short = append(short, b.Item)
	}
	if want := []string{"A.4.3"}; !slices.Equal(short, want) {
		t.Errorf("below target %q, want %q (6.3 meets the default target 3)", short, want)
	}
	out, err := json.Marshal(s)
	if err != nil || !strings.Contains(string(out), `"mean":4.0`) || !strings.Contains(string(out), `"blockers":[]`) {
		t.Errorf("summary JSON lacks a one-decimal mean or an empty blocker list: %.200s %v", out, err)
	}
}

// checklistByID finds one readiness checklist line.
func checklistByID(t *testing.T, got []ChecklistResult, id string) ChecklistResult {
	t.Helper()
	for _, c := range got {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no checklist entry %s", id)
	return ChecklistResult{}
}

func TestReadinessChecklist(t *testing.T) {
	tests := []struct {
		name      string
		mutate    func(a *Assessment)
		entry     string
		wantHolds bool
		wantWhy   string // a phrase Why must contain when the entry fails
	}{
		{name: "RC-01 holds with a named AIMS manager", mutate: func(*Assessment) {}, entry: "RC-01", wantHolds: true},
		{name: "RC-01 fails when only other roles are named",
			mutate: func(a *Assessment) { a.RoleHolders = []RoleHolder{{RoleID: "ciso", Name: "Sam Ortiz"}} },
			entry:  "RC-01", wantWhy: "AIMS manager"},
		{name: "RC-01 fails when 5.3 is partially conformant",
			mutate: func(a *Assessment) { a.Results["5.3"].Status = Partial },
			entry:  "RC-01", wantWhy: "5.3 is partially conformant"},
		{name: "RC-11 fails without a training record of the last 12 months",
			mutate: func(a *Assessment) { a.Training[0].Date = ruleDay.AddDate(0, -13, 0) },
			entry:  "RC-11", wantWhy: "no training record dates from the last 12 months"},
		{name: "RC-12 fails when the audits of the cycle leave items uncovered",
			mutate: func(a *Assessment) { a.Audits[0].Items = a.Audits[0].Items[1:] },
			entry:  "RC-12", wantWhy: "leave 4 items of R unaudited: 4.1, 4.2, 4.3, 4.4"},
		{name: "RC-13 fails when no management review of the cycle considered every input",
			mutate: func(a *Assessment) { a.Reviews[0].Inputs = a.Reviews[0].Inputs[:6] },
			entry:  "RC-13", wantWhy: "did not consider openings for continual improvement"},
		{name: "RC-02 inventory holds on the ready assessment", mutate: func(*Assessment) {}, entry: "RC-02", wantHolds: true},
		{name: "RC-02 inventory fails naming a system without an owner",
			mutate: func(a *Assessment) { a.Systems[0].Owner = " " },
			entry:  "RC-02", wantWhy: "Claims triage (no owner)"},
		{name: "RC-02 inventory fails naming a system without stage and role",
			mutate: func(a *Assessment) { a.Systems[0].Stage, a.Systems[0].Roles = "", nil },
			entry:  "RC-02", wantWhy: "Claims triage (no life-cycle stage, AI role)"},
		{name: "RC-02 inventory fails when empty",
			mutate: func(a *Assessment) { a.Systems = nil },
			entry:  "RC-02", wantWhy: "inventory is empty"},
		{name: "RC-02 inventory fails when 4.3 is not conformant",
			mutate: func(a *Assessment) { a.Results["4.3"].Status = Nonconformant },
			entry:  "RC-02", wantWhy: "4.3 is nonconformant"},
		{name: "RC-02 inventory holds with its control excluded",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.4.2", goodJustification) },
			entry:  "RC-02", wantHolds: true},
		{name: "RC-03 fails naming a system without an AI role",
			mutate: func(a *Assessment) { a.Systems[0].Roles = nil },
			entry:  "RC-03", wantWhy: "systems without a determined AI role: Claims triage"},
		{name: "RC-04 fails without scope boundaries",
			mutate: func(a *Assessment) { a.Scope.Boundaries = "" },
			entry:  "RC-04", wantWhy: "boundaries"},
		{name: "RC-06 fails with an empty risk register",
			mutate: func(a *Assessment) { a.Risks = nil },
			entry:  "RC-06", wantWhy: "risk register is empty"},
		{name: "RC-07 fails naming a system with a stale impact assessment",
			mutate: func(a *Assessment) { a.Systems[0].LastChange = daysBefore(10) },
			entry:  "RC-07", wantWhy: "Claims triage (older than the last significant change)"},
		{name: "RC-08 fails naming a control excluded without justification",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.8.5", "") },
			entry:  "RC-08", wantWhy: "A.8.5 (no acceptable justification)"},
		{name: "RC-08 fails when an exclusion leaves a risk untreated",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.7.4", goodJustification) },
			entry:  "RC-08", wantWhy: "A.7.4 (a risk in the register is treated with it)"},
		{name: "RC-08 fails when the situation requires the excluded control",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.10.4", goodJustification) },
			entry:  "RC-08", wantWhy: "A.10.4 (required because an in-scope system has the AI provider role (Claims triage))"},
		{name: "RC-09 fails when a conformant control failed its test",
			mutate: func(a *Assessment) {
				a.Tests = []ControlTest{{ControlID: "A.6.2.6", Frequency: "monthly", Samples: []Sample{{Ref: "#1", Result: Exception}}}}
			},
			entry: "RC-09", wantWhy: "A.6.2.6 (conformant, but its test concluded ineffective)"},
		{name: "RC-12 fails while an internal audit finding has no response",
			mutate: func(a *Assessment) {
				a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "7.5.3", Source: "internal_audit", Grade: MinorNC, Status: NCOpen})
			},
			entry: "RC-12", wantWhy: "internal audit findings without a correction or corrective action: NC-002"},
		{name: "RC-14 cannot hold when gaps exist and no nonconformity was ever raised",
			mutate: func(a *Assessment) { a.NCs = nil; a.Results["8.2"].Status = Partial },
			entry:  "RC-14", wantWhy: "1 item is partially conformant or nonconformant, yet no nonconformity has been raised"},
		{name: "RC-14 holds with no gap and no nonconformity",
			mutate: func(a *Assessment) { a.NCs = nil }, entry: "RC-14", wantHolds: true},
		{name: "RC-09 condition-only entry holds when every included control is conformant",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.10.4", goodJustification) },
			entry:  "RC-09", wantHolds: true},
		{name: "RC-09 condition-only entry fails naming a control not conformant",
			mutate: func(a *Assessment) { a.Results["A.3.2"].Status = Partial },
			entry:  "RC-09", wantWhy: "A.3.2 (partially conformant)"},
		{name: "RC-14 fails while a minor NC is not verified",
			mutate: func(a *Assessment) {
				a.NCs = []Nonconformity{{Number: 7, ItemID: "10.2", Grade: MinorNC, Status: NCClosed}}
			},
			entry: "RC-14", wantWhy: "NC-007 (closed)"},
		{name: "RC-14 ignores an open observation",
			mutate: func(a *Assessment) {
				a.NCs = []Nonconformity{{Number: 7, ItemID: "10.2", Grade: Observation, Status: NCOpen}}
			},
			entry: "RC-14", wantHolds: true},
		{name: "RC-15 fails while an evidence request is outstanding",
			mutate: func(a *Assessment) { a.Requests["EV-GOV-01"] = RequestStatus{State: Requested} },
			entry:  "RC-15", wantWhy: "1 of 45 evidence requests are not received"},
		{name: "RC-15 fails without a certification body",
			mutate: func(a *Assessment) { a.Certification.Body = "" },
			entry:  "RC-15", wantWhy: "certification body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			got := checklistByID(t, Checklist(cat, a, ruleDay), tt.entry)
			if got.Holds != tt.wantHolds {
				t.Fatalf("holds %v, want %v (why %q)", got.Holds, tt.wantHolds, got.Why)
			}
			if tt.wantHolds != (len(got.Why) == 0) {
				t.Errorf("holds %v but why %q", got.Holds, got.Why)
			}
			if !tt.wantHolds && !strings.Contains(strings.Join(got.Why, "; "), tt.wantWhy) {
				t.Errorf("why %q does not say %q", got.Why, tt.wantWhy)
			}
		})
	}
}

func TestReadinessChecklistAllHoldOnReadyAssessment(t *testing.T) {
	cat, a := readyAssessment(t)
	got := Checklist(cat, a, ruleDay)
	if len(got) != 15 {
		t.Fatalf("%d checklist entries, want the guide's 15", len(got))
	}
	for _, c := range got {
		if !c.Holds {
			t.Errorf("%s %s fails on the ready assessment: %q", c.ID, c.Title, c.Why)
		}
	}
}

func TestVocabularyIsImplemented(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		has   func(string) bool
		keys  []string
	}{
		{"every condition has an implementation", checklists.Conditions, implemented(conditions), implementedNames(conditions)},
		{"every item test has an implementation", checklists.ItemTests, implemented(itemTests), implementedNames(itemTests)},
		{"every system selector has an implementation", checklists.SystemSelectors, implemented(systemSelectors), implementedNames(systemSelectors)},
		{"every computed KPI has an implementation", checklists.ComputedKPIs, implemented(kpiRules), implementedNames(kpiRules)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, n := range tt.names {
				if !tt.has(n) {
					t.Errorf("%q is in the vocabulary but not implemented", n)
				}
			}
			for _, k := range tt.keys {
				if !slices.Contains(tt.names, k) {
					t.Errorf("%q is implemented but missing from the vocabulary, so no catalogue can use it", k)
				}
			}
		})
	}
}

func implemented[V any](m map[string]V) func(string) bool {
	return func(k string) bool { _, ok := m[k]; return ok }
}

func implementedNames[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestCommonGaps(t *testing.T) {
	secondSystem := func(a *Assessment, edit func(s *AISystem)) {
		s := readySystem()
		s.ID, s.Name = 2, "Hiring screener"
		edit(&s)
		a.Systems = append(a.Systems, s)
	}
	tests := []struct {
		name        string
		mutate      func(a *Assessment)
		wantGap     string // "" when no common gap may be found
		wantItems   []string
		wantSystems []string
	}{
		{name: "ready assessment shows no common gap", mutate: func(*Assessment) {}},
		{name: "CG-01 empty inventory", mutate: func(a *Assessment) { a.Systems = nil }, wantGap: "CG-01"},
		{name: "CG-01 inventory entry without owner names the system",
			mutate:  func(a *Assessment) { a.Systems[0].Owner = "" },
			wantGap: "CG-01", wantSystems: []string{"Claims triage"}},
		{name: "CG-01 inventory entry out of scope without a role still counts",
			mutate:  func(a *Assessment) { secondSystem(a, func(s *AISystem) { s.InScope, s.Roles = false, nil }) },
			wantGap: "CG-01", wantSystems: []string{"Hiring screener"}},
		{name: "CG-02 A.5.4 not assessed",
			mutate:  func(a *Assessment) { r := a.Results["A.5.4"]; r.Status, r.Maturity = NotAssessed, 0 },
			wantGap: "CG-02", wantItems: []string{"A.5.4"}},
		{name: "CG-02 A.5.5 excluded with a reasoned justification",
			mutate:  func(a *Assessment) { excludeDirectly(a, "A.5.5", goodJustification) },
			wantGap: "CG-02", wantItems: []string{"A.5.5"}},
		{name: "CG-02 A.5.4 partially conformant is not the bolt-on gap",
			mutate: func(a *Assessment) { a.Results["A.5.4"].Status = Partial }},
		{name: "CG-03 in-scope system without impact assessment",
			mutate:  func(a *Assessment) { a.Systems[0].AISIADate = time.Time{} },
			wantGap: "CG-03", wantSystems: []string{"Claims triage"}},
		{name: "CG-03 impact assessment older than the last significant change",
			mutate:  func(a *Assessment) { a.Systems[0].LastChange = daysBefore(29) },
			wantGap: "CG-03", wantSystems: []string{"Claims triage"}},
		{name: "CG-03 impact assessment older than 12 months",
			mutate: func(a *Assessment) {
				a.Systems[0].AISIADate, a.Systems[0].LastChange = ruleDay.AddDate(-1, 0, -1), ruleDay.AddDate(-2, 0, 0)
			},
			wantGap: "CG-03", wantSystems: []string{"Claims triage"}},
		{name: "CG-03 impact assessment exactly 12 months old is still current",
			mutate: func(a *Assessment) {
				a.Systems[0].AISIADate, a.Systems[0].LastChange = ruleDay.AddDate(-1, 0, 0), ruleDay.AddDate(-2, 0, 0)
			}},
		{name: "CG-03 impact assessment on the day of the change is current",
			mutate: func(a *Assessment) { a.Systems[0].LastChange = a.Systems[0].AISIADate }},
		{name: "CG-03 out-of-scope system without impact assessment is not a gap",
			mutate: func(a *Assessment) {
				secondSystem(a, func(s *AISystem) { s.InScope, s.AISIADate, s.ExclusionJustification = false, time.Time{}, "pilot" })
			}},
		{name: "CG-04 exclusion with a placeholder justification",
			mutate:  func(a *Assessment) { excludeDirectly(a, "A.10.4", "not relevant") },
			wantGap: "CG-04", wantItems: []string{"A.10.4"}},
		{name: "CG-04 sensitive exclusion while a high-impact system is in scope",
			mutate: func(a *Assessment) {
				a.Systems[0].Impact = ImpactHigh
				excludeDirectly(a, "A.7.5", goodJustification)
			},
			wantGap: "CG-04", wantItems: []string{"A.7.5"}},
		{name: "CG-04 high-impact system left out of scope",
			mutate: func(a *Assessment) {
				secondSystem(a, func(s *AISystem) { s.InScope, s.Impact, s.ExclusionJustification = false, ImpactHigh, "owned by HR" })
			},
			wantGap: "CG-04", wantSystems: []string{"Hiring screener"}},
		{name: "CG-04 reasoned exclusion of a non-sensitive control is credible",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.10.4", goodJustification) }},
		{name: "CG-05 A.6.2.7 nonconformant",
			mutate:  func(a *Assessment) { a.Results["A.6.2.7"].Status = Nonconformant },
			wantGap: "CG-05", wantItems: []string{"A.6.2.7"}},
		{name: "CG-05 A.7.5 nonconformant",
			mutate:  func(a *Assessment) { a.Results["A.7.5"].Status = Nonconformant },
			wantGap: "CG-05", wantItems: []string{"A.7.5"}},
		{name: "CG-05 A.7.5 partially conformant is not the traceability gap",
			mutate: func(a *Assessment) { a.Results["A.7.5"].Status = Partial }},
		{name: "CG-06 high-impact system without documented oversight",
			mutate:  func(a *Assessment) { a.Systems[0].Impact, a.Systems[0].HumanOversight = ImpactHigh, false },
			wantGap: "CG-06", wantSystems: []string{"Claims triage"}},
		{name: "CG-06 medium-impact system without documented oversight is not a gap",
			mutate: func(a *Assessment) { a.Systems[0].HumanOversight = false }},
		{name: "CG-07 supplier-dependent system and A.10.3 partially conformant",
			mutate: func(a *Assessment) {
				a.Systems[0].Suppliers = "Hosted LLM from Example AI"
				a.Results["A.10.3"].Status = Partial
			},
			wantGap: "CG-07", wantItems: []string{"A.10.3"}, wantSystems: []string{"Claims triage"}},
		{name: "CG-07 supplier-dependent system with A.10.3 conformant is not a gap",
			mutate: func(a *Assessment) { a.Systems[0].Suppliers = "Hosted LLM from Example AI" }},
		{name: "CG-07 A.10.3 partially conformant without supplier-dependent systems is not a gap",
			mutate: func(a *Assessment) { a.Results["A.10.3"].Status = Partial }},
		{name: "CG-07 only an out-of-scope system depends on suppliers",
			mutate: func(a *Assessment) {
				secondSystem(a, func(s *AISystem) { s.InScope, s.Suppliers, s.ExclusionJustification = false, "Vendor model", "pilot" })
				a.Results["A.10.3"].Status = Partial
			}},
		{name: "CG-08 system in operation and A.6.2.6 partially conformant",
			mutate:  func(a *Assessment) { a.Results["A.6.2.6"].Status = Partial },
			wantGap: "CG-08", wantItems: []string{"A.6.2.6"}, wantSystems: []string{"Claims triage"}},
		{name: "CG-08 no system in operation is not a gap",
			mutate: func(a *Assessment) { a.Systems[0].Stage = "deployment"; a.Results["A.6.2.6"].Status = Partial }},
		{name: "CG-09 A.2.3 nonconformant",
			mutate:  func(a *Assessment) { a.Results["A.2.3"].Status = Nonconformant },
			wantGap: "CG-09", wantItems: []string{"A.2.3"}},
		{name: "CG-09 A.2.3 partially conformant is not a gap",
			mutate: func(a *Assessment) { a.Results["A.2.3"].Status = Partial }},
		{name: "CG-10 internal audit partially performed",
			mutate:  func(a *Assessment) { a.Results["9.2.2"].Status = Partial },
			wantGap: "CG-10", wantItems: []string{"9.2.2"}},
		{name: "CG-10 management review nonconformant",
			mutate:  func(a *Assessment) { a.Results["9.3.1"].Status = Nonconformant; a.Results["9.3.3"].Status = Partial },
			wantGap: "CG-10", wantItems: []string{"9.3.1", "9.3.3"}},
		{name: "CG-10 monitoring (9.1) partially conformant is not the audit gap",
			mutate: func(a *Assessment) { a.Results["9.1"].Status = Partial }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			gaps := CommonGaps(cat, a, ruleDay)
			var ids []string
			for _, g := range gaps {
				ids = append(ids, g.ID)
			}
			var want []string
			if tt.wantGap != "" {
				want = []string{tt.wantGap}
			}
			if !sameStrings(ids, want) {
				t.Fatalf("gaps %q, want %q", ids, want)
			}
			if tt.wantGap == "" {
				return
			}
			g := gaps[0]
			if !sameStrings(g.Items, tt.wantItems) || !sameStrings(g.Systems, tt.wantSystems) {
				t.Errorf("items %q, systems %q; want %q, %q", g.Items, g.Systems, tt.wantItems, tt.wantSystems)
			}
			for _, name := range append(slices.Clone(g.Items), g.Systems...) {
				if !strings.Contains(g.Detail, name) {
					t.Errorf("detail %q does not name %s", g.Detail, name)
				}
			}
		})
	}
}

// kpiByID finds one KPI result by ID.
func kpiByID(t *testing.T, got []KPIResult, id string) KPIResult {
	t.Helper()
	for _, k := range got {
		if k.ID == id {
			return k
		}
	}
	t.Fatalf("no KPI %s", id)
	return KPIResult{}
}

func TestKPIs(t *testing.T) {
	system := func(id int64, name string, edit func(s *AISystem)) AISystem {
		s := readySystem()
		s.ID, s.Name = id, name
		edit(&s)
		return s
	}
	tests := []struct {
		name   string
		mutate func(a *Assessment)
		kpi    string
		want   string
	}{
		{name: "KPI-01 impact assessment coverage counts current assessments of in-scope systems",
			mutate: func(a *Assessment) {
				a.Systems = append(a.Systems,
					system(2, "Stale", func(s *AISystem) { s.AISIADate = daysBefore(400) }),
					system(3, "Missing", func(s *AISystem) { s.AISIADate = time.Time{} }),
					system(4, "Changed", func(s *AISystem) { s.LastChange = daysBefore(1) }),
					system(5, "Out of scope", func(s *AISystem) { s.InScope, s.AISIADate = false, time.Time{} }))
			},
			kpi: "KPI-01", want: "25% (1 of 4 in-scope systems)"},
		{name: "KPI-01 without in-scope systems says so",
			mutate: func(a *Assessment) { a.Systems = nil }, kpi: "KPI-01", want: "no in-scope systems"},
		{name: "KPI-02 counts conformant included controls tested effective",
			mutate: func(a *Assessment) {
				excludeDirectly(a, "A.10.4", goodJustification)
				a.Results["A.5.2"].Status = Partial
				pass2 := []Sample{{Ref: "#1", Result: Pass}, {Ref: "#2", Result: Pass}}
				a.Tests = []ControlTest{
					{ControlID: "A.6.2.6", Frequency: "monthly", Samples: pass2},
					{ControlID: "A.5.2", Frequency: "monthly", Samples: pass2}, // effective, but only partial
					{ControlID: "A.7.4", Frequency: "monthly", Samples: pass2[:1]},
					{ControlID: "A.8.2", Frequency: "monthly", Samples: []Sample{{Ref: "#1", Result: Exception}, {Ref: "#2", Result: Pass}}},
				}
			},
			kpi: "KPI-02", want: "3% (1 of 37 included controls)"},
		{name: "KPI-02 without a concluded test is not measured",
			mutate: func(a *Assessment) {
				a.Tests = []ControlTest{{ControlID: "A.7.4", Frequency: "monthly", Samples: []Sample{{Ref: "#1", Result: Pass}}}}
			},
			kpi: "KPI-02", want: "not measured: no control test is concluded"},
		{name: "KPI-03 without a risk appetite counts open risks but does not measure residual risk",
			mutate: func(a *Assessment) {
				a.RiskCriteria = RiskCriteria{}
				a.Risks = []Risk{
					{Title: "high", Likelihood: 5, Impact: 3, Status: "open", Raised: daysBefore(40)},
					{Title: "medium", Likelihood: 2, Impact: 4, Status: "open", Raised: daysBefore(10)},
					{Title: "low", Likelihood: 1, Impact: 5, Status: "open"},
					{Title: "treated", Likelihood: 5, Impact: 5, Status: "treated", Raised: daysBefore(400)},
				}
			},
			kpi: "KPI-03", want: "3 open: 1 high, 1 medium, 1 low; oldest 40 days; residual risk not measured: no risk appetite recorded"},
		{name: "KPI-03 compares each residual score with the appetite, falling back on the inherent score when no residual is rated",
			mutate: func(a *Assessment) {
				a.RiskCriteria = RiskCriteria{Appetite: 8, Acceptance: 4}
				a.Risks = []Risk{
					{Title: "above", Likelihood: 5, Impact: 3, Status: "open", Raised: daysBefore(40)},
					{Title: "on the line", Likelihood: 2, Impact: 4, Status: "open", Raised: daysBefore(10)},
					{Title: "treated down", Likelihood: 5, Impact: 5, ResidualLikelihood: 2, ResidualImpact: 2, Status: "treated"},
					{Title: "closed", Likelihood: 5, Impact: 5, Status: "closed"},
				}
			},
			kpi: "KPI-03", want: "2 open: 1 high, 1 medium, 0 low; oldest 40 days; residual risk within appetite (score ≤ 8) for 2 of 3 risks"},
		{name: "KPI-03 without open risks says so",
			mutate: func(a *Assessment) { a.RiskCriteria.Appetite = 8 }, kpi: "KPI-03",
			want: "no open risks; residual risk within appetite (score ≤ 8) for 1 of 1 risks"},
		{name: "KPI-03 with an empty register is not measured",
			mutate: func(a *Assessment) { a.RiskCriteria.Appetite, a.Risks = 8, nil }, kpi: "KPI-03",
			want: "not measured: the risk register is empty"},
		{name: "KPI-08 counts open nonconformities with age, overdue count and mean time to close",
			mutate: func(a *Assessment) {
				a.NCs = []Nonconformity{
					{Number: 1, Grade: MajorNC, Status: NCOpen, Raised: daysBefore(20), Due: daysBefore(5)},
					{Number: 2, Grade: MinorNC, Status: NCInProgress, Raised: daysBefore(10), Due: daysBefore(-5)},
					{Number: 3, Grade: MinorNC, Status: NCClosed, Raised: daysBefore(30), Closed: daysBefore(20)},
					{Number: 4, Grade: MajorNC, Status: NCVerified, Raised: daysBefore(60), Closed: daysBefore(40)},
				}
			},
			kpi: "KPI-08", want: "2 open (1 overdue), mean age 15 days; mean time to close 15 days over 2 closed"},
		{name: "KPI-08 leaves observations, opportunities and good practice out",
			mutate: func(a *Assessment) {
				a.NCs = []Nonconformity{
					{Number: 1, Grade: MinorNC, Status: NCOpen, Raised: daysBefore(20)},
					{Number: 2, Grade: Observation, Status: NCOpen, Raised: daysBefore(90), Due: daysBefore(5)},
					{Number: 3, Grade: OFI, Status: NCOpen, Raised: daysBefore(90)},
					{Number: 4, Grade: GoodPractice, Status: NCClosed, Raised: daysBefore(90), Closed: daysBefore(1)},
				}
			},
			kpi: "KPI-08", want: "1 open (0 overdue), mean age 20 days"},
		{name: "KPI-08 without NCs",
			mutate: func(a *Assessment) { a.NCs = nil }, kpi: "KPI-08", want: "0 open (0 overdue)"},
		{name: "KPI-09 supplier-dependent in-scope systems whose suppliers the register shows assessed",
			mutate: func(a *Assessment) {
				a.Systems = append(a.Systems,
					system(2, "A", func(s *AISystem) { s.Suppliers = "Vendor model" }),
					system(3, "B", func(s *AISystem) { s.Suppliers = "Vendor data" }),
					system(4, "C", func(s *AISystem) { s.Suppliers, s.InScope = "Vendor data", false }),
					system(5, "D", func(*AISystem) {}))
				a.Suppliers = []Supplier{
					{Number: 1, Name: "Vendor", Systems: []int64{2, 4}, Assessed: daysBefore(100), Result: Satisfactory},
					{Number: 2, Name: "Data house", Systems: []int64{3}, Assessed: daysBefore(400), Result: Satisfactory},
					{Number: 3, Name: "Hosting", Systems: []int64{5}},
				}
			},
			kpi: "KPI-09", want: "33% (1 of 3 supplier-dependent systems)"},
		{name: "KPI-09 with supplier-dependent systems and an empty register is not measured",
			mutate: func(a *Assessment) { a.Systems[0].Suppliers = "Vendor model" }, kpi: "KPI-09",
			want: "not measured: 1 in-scope system relies on suppliers, but the supplier register is empty"},
		{name: "KPI-09 without supplier-dependent systems says so",
			mutate: func(*Assessment) {}, kpi: "KPI-09", want: "no supplier-dependent systems"},
		{name: "KPI-10 high-impact in-scope systems with documented oversight",
			mutate: func(a *Assessment) {
				a.Systems = []AISystem{
					system(1, "A", func(s *AISystem) { s.Impact = ImpactHigh }),
					system(2, "B", func(s *AISystem) { s.Impact = ImpactHigh }),
					system(3, "C", func(s *AISystem) { s.Impact, s.HumanOversight = ImpactHigh, false }),
					system(4, "D", func(s *AISystem) { s.Impact, s.HumanOversight, s.InScope = ImpactHigh, false, false }),
					system(5, "E", func(s *AISystem) { s.HumanOversight = false }),
				}
			},
			kpi: "KPI-10", want: "67% (2 of 3 high-impact systems)"},
		{name: "KPI-04 manual KPI shows the entered value",
			mutate: func(a *Assessment) {
				a.KPIValues["KPI-04"] = KPIValue{Value: "PSI 0.08", Target: "PSI < 0.1", Date: daysBefore(3)}
			},
			kpi: "KPI-04", want: "PSI 0.08"},
		{name: "KPI-07 without training records is not measured",
			mutate: func(a *Assessment) { a.Training = nil }, kpi: "KPI-07", want: "not measured: no competence and training record is entered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			got := kpiByID(t, KPIs(cat, a, ruleDay), tt.kpi)
			if got.Value != tt.want {
				t.Errorf("value %q, want %q", got.Value, tt.want)
			}
		})
	}
}

func TestKPIsShowFormulaAndSource(t *testing.T) {
	cat, a := readyAssessment(t)
	a.KPIValues["KPI-04"] = KPIValue{Value: "PSI 0.08", Target: "PSI < 0.1", Date: daysBefore(3)}
	got := KPIs(cat, a, ruleDay)
	if len(got) != 10 {
		t.Fatalf("%d KPIs, want 10", len(got))
	}
	for i, k := range got {
		want := "manual"
		if cat.KPIs[i].Computed != "" {
			want = "computed"
		}
		if k.Source != want || k.Formula == "" || k.Formula != cat.KPIs[i].Formula {
			t.Errorf("%s: source %q, formula %q; want source %q and the catalogue's formula", k.ID, k.Source, k.Formula, want)
		}
	}
	if m := kpiByID(t, got, "KPI-04"); m.Target != "PSI < 0.1" || !m.Date.Equal(daysBefore(3)) {
		t.Errorf("manual KPI target %q date %s not reported", m.Target, m.Date)
	}
}

func TestRiskSeverity(t *testing.T) {
	tests := []struct {
		name               string
		likelihood, impact int
		want               string
	}{
		{"score 25 is high", 5, 5, "high"},
		{"score 15 is high", 3, 5, "high"},
		{"score 12 is medium", 3, 4, "medium"},
		{"score 8 is medium", 2, 4, "medium"},
		{"score 6 is low", 2, 3, "low"},
		{"score 1 is low", 1, 1, "low"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Severity(tt.likelihood, tt.impact); got != tt.want {
				t.Errorf("Severity(%d, %d) = %q, want %q", tt.likelihood, tt.impact, got, tt.want)
			}
		})
	}
}
