package assessment

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

// cause is what a test expects of a blocker: its kind and what it names.
type cause struct{ Kind, Item, System, Ref string }

func causes(bs []Blocker) []cause {
	var out []cause
	for _, b := range bs {
		out = append(out, cause{b.Kind, b.Item, b.System, b.Ref})
	}
	return out
}

// secondSystem adds an in-scope AI system to an assessment, edited by the caller.
func secondSystem(a *Assessment, name string, edit func(s *AISystem)) {
	s := readySystem()
	s.ID, s.Name = int64(len(a.Systems)+1), name
	edit(&s)
	a.Systems = append(a.Systems, s)
}

// verdictRuleRows change a strong assessment (level 4, nothing holds it down) in one way each:
// one row per blocker kind, each on its own, and rows for the boundaries of the rules.
var verdictRuleRows = []struct {
	name      string
	mutate    func(a *Assessment)
	wantLevel int
	want      []cause
}{
	{name: "no_ai_system_in_scope: an empty inventory", mutate: func(a *Assessment) { a.Systems = nil },
		wantLevel: 2, want: []cause{{Kind: "no_ai_system_in_scope"}}},
	{name: "no_ai_system_in_scope: every system out of scope",
		mutate: func(a *Assessment) {
			a.Systems[0].InScope, a.Systems[0].ExclusionJustification = false, "Retired next month and replaced by the claims platform rules"
		},
		wantLevel: 2, want: []cause{{Kind: "no_ai_system_in_scope"}}},
	{name: "missing_impact_assessment", mutate: func(a *Assessment) { a.Systems[0].AISIADate = time.Time{} },
		wantLevel: 2, want: []cause{{Kind: "missing_impact_assessment", System: "Claims triage"}}},
	{name: "missing_impact_assessment: one dated after the report date is not done yet", mutate: func(a *Assessment) { a.Systems[0].AISIADate = ruleDay.AddDate(0, 0, 1) },
		wantLevel: 2, want: []cause{{Kind: "missing_impact_assessment", System: "Claims triage"}}},
	{name: "stale_impact_assessment: older than the last significant change", mutate: func(a *Assessment) { a.Systems[0].LastChange = daysBefore(10) },
		wantLevel: 2, want: []cause{{Kind: "stale_impact_assessment", System: "Claims triage"}}},
	{name: "stale_impact_assessment: a high-impact system's, 13 months old",
		mutate: func(a *Assessment) {
			s := &a.Systems[0]
			s.Impact, s.AISIADate, s.LastChange = ImpactHigh, ruleDay.AddDate(0, -13, 0), time.Time{}
		},
		wantLevel: 2, want: []cause{{Kind: "stale_impact_assessment", System: "Claims triage"}}},
	{name: "boundary: a high-impact system's impact assessment 11 months old is current",
		mutate: func(a *Assessment) {
			s := &a.Systems[0]
			s.Impact, s.AISIADate, s.LastChange = ImpactHigh, ruleDay.AddDate(0, -11, 0), time.Time{}
		},
		wantLevel: 4},
	{name: "boundary: a medium-impact system's impact assessment 13 months old warns but does not block",
		mutate: func(a *Assessment) {
			a.Systems[0].AISIADate, a.Systems[0].LastChange = ruleDay.AddDate(0, -13, 0), time.Time{}
		},
		wantLevel: 4},
	{name: "high_impact_out_of_scope",
		mutate: func(a *Assessment) {
			secondSystem(a, "Hiring screener", func(s *AISystem) {
				s.Impact, s.InScope, s.ExclusionJustification = ImpactHigh, false, "Operated by the group HR company under its own governance"
			})
		},
		wantLevel: 2, want: []cause{{Kind: "high_impact_out_of_scope", System: "Hiring screener"}}},
	{name: "nonconformant", mutate: func(a *Assessment) { a.Results["8.2"].Status = Nonconformant },
		wantLevel: 2, want: []cause{{Kind: "nonconformant", Item: "8.2"}}},
	{name: "partial_without_action: no nonconformity raised", mutate: func(a *Assessment) { a.Results["A.6.2.4"].Status = Partial },
		wantLevel: 2, want: []cause{{Kind: "partial_without_action", Item: "A.6.2.4"}}},
	{name: "partial_without_action: the open nonconformity has no due date",
		mutate: func(a *Assessment) {
			a.Results["A.6.2.4"].Status = Partial
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "A.6.2.4", Grade: MinorNC, Status: NCOpen, CorrectiveAction: "Add bias tests to the validation template"})
		},
		wantLevel: 2, want: []cause{{Kind: "partial_without_action", Item: "A.6.2.4"}}},
	{name: "partial_without_action: an observation is not a nonconformity",
		mutate: func(a *Assessment) {
			a.Results["A.6.2.4"].Status = Partial
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "A.6.2.4", Grade: Observation, Status: NCOpen, CorrectiveAction: "Add bias tests", Due: daysBefore(-30)})
		},
		wantLevel: 2, want: []cause{{Kind: "partial_without_action", Item: "A.6.2.4"}}},
	{name: "partial_conformity: the open minor nonconformity carries a corrective action and a due date",
		mutate: func(a *Assessment) {
			a.Results["A.6.2.4"].Status = Partial
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "A.6.2.4", Grade: MinorNC, Status: NCInProgress, CorrectiveAction: "Add bias tests to the validation template", Due: daysBefore(-30)})
		},
		wantLevel: 3, want: []cause{{Kind: "partial_conformity", Item: "A.6.2.4", Ref: "NC-002"}}},
	{name: "management_cycle_incomplete: an internal audit requirement partially conformant",
		mutate: func(a *Assessment) {
			a.Results["9.2.2"].Status = Partial
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "9.2.2", Grade: MinorNC, Status: NCOpen, CorrectiveAction: "Cover A.7 in the programme", Due: daysBefore(-30)})
		},
		wantLevel: 2, want: []cause{{Kind: "management_cycle_incomplete", Item: "9.2.2"}, {Kind: "partial_conformity", Item: "9.2.2", Ref: "NC-002"}}},
	{name: "management_cycle_incomplete: a management review requirement not assessed yet",
		mutate:    func(a *Assessment) { r := a.Results["9.3.2"]; r.Status, r.Maturity = NotAssessed, 0 },
		wantLevel: 2, want: []cause{{Kind: "management_cycle_incomplete", Item: "9.3.2"}}},
	{name: "management_cycle_incomplete: the only internal audit was held 13 months ago",
		mutate:    func(a *Assessment) { a.Audits[0].Held = ruleDay.AddDate(0, -13, 0) },
		wantLevel: 2, want: []cause{{Kind: "management_cycle_incomplete", Item: "9.2.1"}}},
	{name: "boundary: an internal audit of the whole AIMS held 11 months ago completes the cycle",
		mutate: func(a *Assessment) { a.Audits[0].Held = ruleDay.AddDate(0, -11, 0) }, wantLevel: 4},
	{name: "management_cycle_incomplete: the internal audit is only planned",
		mutate:    func(a *Assessment) { a.Audits[0].Held = time.Time{} },
		wantLevel: 2, want: []cause{{Kind: "management_cycle_incomplete", Item: "9.2.1"}}},
	{name: "management_cycle_incomplete: the audits of the cycle leave items of R uncovered",
		mutate: func(a *Assessment) {
			a.Audits[0].Items = slices.DeleteFunc(a.Audits[0].Items, func(id string) bool { return id == "A.10" })
		},
		wantLevel: 2, want: []cause{{Kind: "management_cycle_incomplete", Item: "9.2.2"}}},
	{name: "boundary: two audits of the cycle cover R between them",
		mutate: func(a *Assessment) {
			second := a.Audits[0]
			second.Number, second.Items, second.Held = 2, []string{"A.10.2", "A.10.3", "A.10.4"}, daysBefore(10)
			a.Audits[0].Items = slices.DeleteFunc(a.Audits[0].Items, func(id string) bool { return id == "A.10" })
			a.Audits = append(a.Audits, second)
		},
		wantLevel: 4},
	{name: "management_cycle_incomplete: the only management review was held 13 months ago",
		mutate:    func(a *Assessment) { a.Reviews[0].Date = ruleDay.AddDate(0, -13, 0) },
		wantLevel: 2, want: []cause{{Kind: "management_cycle_incomplete", Item: "9.3.1"}}},
	{name: "management_cycle_incomplete: the management review is only planned",
		mutate:    func(a *Assessment) { a.Reviews[0].Date = daysBefore(-20) },
		wantLevel: 2, want: []cause{{Kind: "management_cycle_incomplete", Item: "9.3.1"}}},
	{name: "management_cycle_incomplete: the management review left an input out",
		mutate:    func(a *Assessment) { a.Reviews[0].Inputs = a.Reviews[0].Inputs[1:] },
		wantLevel: 2, want: []cause{{Kind: "management_cycle_incomplete", Item: "9.3.2", Ref: "MR-01"}}},
	{name: "boundary: one review of the cycle that considered every input is enough",
		mutate: func(a *Assessment) {
			later := a.Reviews[0]
			later.Number, later.Date, later.Inputs = 2, daysBefore(5), later.Inputs[:2]
			a.Reviews = append(a.Reviews, later)
		},
		wantLevel: 4},
	{name: "open_major_nc: open", mutate: func(a *Assessment) { a.NCs = append(a.NCs, majorNC(NCOpen)) },
		wantLevel: 2, want: []cause{{Kind: "open_major_nc", Item: "8.2", Ref: "NC-004"}}},
	{name: "open_major_nc: reopened", mutate: func(a *Assessment) { a.NCs = append(a.NCs, majorNC(NCReopened)) },
		wantLevel: 2, want: []cause{{Kind: "open_major_nc", Item: "8.2", Ref: "NC-004"}}},
	{name: "open_major_nc: closed but not verified effective", mutate: func(a *Assessment) { a.NCs = append(a.NCs, majorNC(NCClosed)) },
		wantLevel: 2, want: []cause{{Kind: "open_major_nc", Item: "8.2", Ref: "NC-004"}}},
	{name: "boundary: a major nonconformity verified effective no longer blocks", mutate: func(a *Assessment) { a.NCs = append(a.NCs, majorNC(NCVerified)) },
		wantLevel: 4},
	{name: "unsupported_conformity: no evidence", mutate: func(a *Assessment) { a.Results["7.2"].Evidence = nil },
		wantLevel: 2, want: []cause{{Kind: "unsupported_conformity", Item: "7.2"}}},
	{name: "unsupported_conformity: the only evidence was valid until yesterday",
		mutate:    func(a *Assessment) { a.Results["7.2"].Evidence[0].ValidUntil = daysBefore(1) },
		wantLevel: 2, want: []cause{{Kind: "unsupported_conformity", Item: "7.2"}}},
	{name: "boundary: evidence valid until today still supports conformity",
		mutate:    func(a *Assessment) { a.Results["7.2"].Evidence[0].ValidUntil = ruleDay },
		wantLevel: 4},
	{name: "boundary: one expired and one valid evidence item still support conformity",
		mutate: func(a *Assessment) {
			r := a.Results["7.2"]
			r.Evidence[0].ValidUntil = daysBefore(1)
			r.Evidence = append(r.Evidence, Evidence{Title: "Training records 2025", Kind: "record"})
		},
		wantLevel: 4},
	{name: "unjustified_exclusion: a placeholder", mutate: func(a *Assessment) { excludeDirectly(a, "A.8.3", "n/a") },
		wantLevel: 2, want: []cause{{Kind: "unjustified_exclusion", Item: "A.8.3"}}},
	{name: "unjustified_exclusion: 19 characters", mutate: func(a *Assessment) { excludeDirectly(a, "A.8.3", "No public reporting") },
		wantLevel: 2, want: []cause{{Kind: "unjustified_exclusion", Item: "A.8.3"}}},
	{name: "boundary: a justification of 20 characters and three words is acceptable",
		mutate: func(a *Assessment) { excludeDirectly(a, "A.8.3", "No public reporting.") }, wantLevel: 4},
	{name: "unjustified_exclusion: two words however long", mutate: func(a *Assessment) { excludeDirectly(a, "A.8.3", "Outsourced-entirely elsewhere") },
		wantLevel: 2, want: []cause{{Kind: "unjustified_exclusion", Item: "A.8.3"}}},
	{name: "boundary: three words of 20 characters or more are acceptable",
		mutate: func(a *Assessment) { excludeDirectly(a, "A.8.3", "Outsourced entirely elsewhere") }, wantLevel: 4},
	{name: "required_control_excluded: the provider role requires A.10.4",
		mutate:    func(a *Assessment) { excludeDirectly(a, "A.10.4", goodJustification) },
		wantLevel: 2, want: []cause{{Kind: "required_control_excluded", Item: "A.10.4", System: "Claims triage"}}},
	{name: "exclusion_contradicts_risk_treatment", mutate: func(a *Assessment) { excludeDirectly(a, "A.7.4", goodJustification) },
		wantLevel: 2, want: []cause{{Kind: "exclusion_contradicts_risk_treatment", Item: "A.7.4", Ref: "R-01"}}},
	{name: "boundary: a closed risk no longer ties the SoA",
		mutate:    func(a *Assessment) { a.Risks[0].Status = "closed"; excludeDirectly(a, "A.7.4", goodJustification) },
		wantLevel: 4},
	{name: "ineffective_control", mutate: func(a *Assessment) { a.TestOf("A.5.2").Samples[0].Result = Exception },
		wantLevel: 2, want: []cause{{Kind: "ineffective_control", Item: "A.5.2"}}},
	{name: "boundary: an ineffective test overridden with a justification",
		mutate: func(a *Assessment) {
			t := a.TestOf("A.5.2")
			t.Samples[0].Result = Exception
			t.ConclusionOverride, t.OverrideJustification = Effective, "The exception was a test record, re-performed and passed"
		},
		wantLevel: 4},
	{name: "controls_not_tested: no test", mutate: func(a *Assessment) { a.Tests = a.Tests[1:] },
		wantLevel: 3, want: []cause{{Kind: "controls_not_tested", Item: "A.2.2"}}},
	{name: "controls_not_tested: a test not concluded", mutate: func(a *Assessment) { a.TestOf("A.2.2").Samples[0].Result = NotTested },
		wantLevel: 3, want: []cause{{Kind: "controls_not_tested", Item: "A.2.2"}}},
	{name: "kpis_not_measured: a manual KPI never entered", mutate: func(a *Assessment) { delete(a.KPIValues, "KPI-04") },
		wantLevel: 3, want: []cause{{Kind: "kpis_not_measured", Ref: "KPI-04"}}},
	{name: "kpis_not_measured: a manual KPI read 13 months ago",
		mutate: func(a *Assessment) {
			v := a.KPIValues["KPI-04"]
			v.Date = ruleDay.AddDate(0, -13, 0)
			a.KPIValues["KPI-04"] = v
		},
		wantLevel: 3, want: []cause{{Kind: "kpis_not_measured", Ref: "KPI-04"}}},
	{name: "boundary: a manual KPI read 11 months ago is measured",
		mutate: func(a *Assessment) {
			v := a.KPIValues["KPI-04"]
			v.Date = ruleDay.AddDate(0, -11, 0)
			a.KPIValues["KPI-04"] = v
		},
		wantLevel: 4},
	{name: "kpis_not_measured: no training record dates from the last 12 months",
		mutate:    func(a *Assessment) { a.Training[0].Date = ruleDay.AddDate(0, -13, 0) },
		wantLevel: 3, want: []cause{{Kind: "kpis_not_measured", Ref: "KPI-07"}}},
	{name: "boundary: a training record 11 months old is measured",
		mutate: func(a *Assessment) { a.Training[0].Date = ruleDay.AddDate(0, -11, 0) }, wantLevel: 4},
	{name: "kpis_not_measured: no AI incident in the register",
		mutate: func(a *Assessment) { a.Incidents = nil }, wantLevel: 3, want: []cause{{Kind: "kpis_not_measured", Ref: "KPI-05"}}},
	{name: "kpis_not_measured: the only incident is not resolved",
		mutate: func(a *Assessment) { a.Incidents[0].Resolved = time.Time{} }, wantLevel: 3, want: []cause{{Kind: "kpis_not_measured", Ref: "KPI-05"}}},
	{name: "kpis_not_measured: a supplier-dependent system and an empty supplier register",
		mutate: func(a *Assessment) { a.Systems[0].Suppliers = "Hosted language model" }, wantLevel: 3, want: []cause{{Kind: "kpis_not_measured", Ref: "KPI-09"}}},
	{name: "kpis_not_measured: residual risk without a risk appetite", mutate: func(a *Assessment) { a.RiskCriteria = RiskCriteria{} },
		wantLevel: 3, want: []cause{{Kind: "kpis_not_measured", Ref: "KPI-03"}}},
	{name: "overdue_nc: an open observation past its due date",
		mutate: func(a *Assessment) {
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "7.3", Grade: Observation, Status: NCOpen, Due: daysBefore(1)})
		},
		wantLevel: 3, want: []cause{{Kind: "overdue_nc", Item: "7.3", Ref: "NC-002"}}},
	{name: "boundary: an open finding due today is not overdue",
		mutate: func(a *Assessment) {
			a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "7.3", Grade: Observation, Status: NCOpen, Due: ruleDay})
		},
		wantLevel: 4},
}

// majorNC is NC-004, a major nonconformity against 8.2 in the given state.
func majorNC(status NCStatus) Nonconformity {
	nc := Nonconformity{Number: 4, ItemID: "8.2", Grade: MajorNC, Status: status, Correction: "Risk criteria approved", CorrectiveAction: "Annual review of the criteria", Due: daysBefore(-20)}
	if status == NCVerified {
		nc.CheckDate, nc.CheckBy, nc.CheckResult = daysBefore(3), "Dana Lee", "Effective"
	}
	return nc
}

func TestEachVerdictRuleOnItsOwn(t *testing.T) {
	for _, tt := range verdictRuleRows {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := strongAssessment(t)
			tt.mutate(a)
			s := Evaluate(cat, a, ruleDay)
			if got := causes(s.Blockers); !slices.Equal(got, tt.want) {
				t.Errorf("blockers %+v, want %+v", got, tt.want)
			}
			if s.Level != tt.wantLevel || s.LevelName != levelName(cat, tt.wantLevel) {
				t.Errorf("level %d %q, want %d", s.Level, s.LevelName, tt.wantLevel)
			}
			for _, b := range s.Blockers {
				for _, name := range []string{b.Item, b.System, b.Ref} {
					if !strings.Contains(b.Detail, name) {
						t.Errorf("blocker detail %q does not name %q", b.Detail, name)
					}
				}
			}
		})
	}
}

// The rule table is what the report prints: every kind it lists is emitted by some case
// above, every kind emitted is in it, and each row has a cap of 2 or 3 and its own words.
func TestVerdictRuleTableMatchesWhatTheCodeEmits(t *testing.T) {
	emitted := map[string]int{}
	for _, tt := range verdictRuleRows {
		cat, a := strongAssessment(t)
		tt.mutate(a)
		for _, b := range Evaluate(cat, a, ruleDay).Blockers {
			emitted[b.Kind] = b.Cap
		}
	}
	table := map[string]bool{}
	for i, r := range VerdictRules() {
		switch {
		case table[r.Kind]:
			t.Errorf("row %d: kind %s listed twice", i, r.Kind)
		case r.Cap != 2 && r.Cap != 3:
			t.Errorf("%s caps at %d; the table caps at 2 or 3", r.Kind, r.Cap)
		case len(strings.Fields(r.When)) < 8:
			t.Errorf("%s: %q is too thin to tell a reader when it applies", r.Kind, r.When)
		case emitted[r.Kind] != r.Cap:
			t.Errorf("%s (cap %d) is never emitted with that cap by any case", r.Kind, r.Cap)
		}
		table[r.Kind] = true
	}
	for kind := range emitted {
		if !table[kind] {
			t.Errorf("%s is emitted but missing from the rule table", kind)
		}
	}
	if len(table) != 17 {
		t.Errorf("%d rules, want the 13 + 4 of SPEC §4.4", len(table))
	}
}

func TestVerdictLevels(t *testing.T) {
	kinds := func(s Summary) []string {
		var out []string
		for _, b := range s.Blockers {
			if !slices.Contains(out, b.Kind) {
				out = append(out, b.Kind)
			}
		}
		return out
	}
	tests := []struct {
		name        string
		build       func(t testing.TB) (*Assessment, Summary)
		wantLevel   int
		wantVerdict string
		wantKinds   []string
	}{
		{name: "conformant at 3 with evidence, two systems with current impact assessments, nothing excluded: level 3",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := readyAssessment(t)
				secondSystem(a, "Fraud scoring", func(s *AISystem) { s.AISIADate, s.LastChange = daysBefore(100), daysBefore(200) })
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 3, wantVerdict: "Certification-ready", wantKinds: []string{"controls_not_tested", "kpis_not_measured"}},
		{name: "the same at maturity 4 with no test and no KPI is still level 3",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := readyAssessment(t)
				secondSystem(a, "Fraud scoring", func(s *AISystem) { s.AISIADate, s.LastChange = daysBefore(100), daysBefore(200) })
				rateAll(a, 4)
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 3, wantVerdict: "Certification-ready", wantKinds: []string{"controls_not_tested", "kpis_not_measured"}},
		{name: "tested, measured and at maturity 4: a strong certification position",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := strongAssessment(t)
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 4, wantVerdict: "Strong certification position"},
		{name: "the same at maturity 5 is exemplary",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := strongAssessment(t)
				rateAll(a, 5)
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 5, wantVerdict: "Exemplary"},
		{name: "the level follows the floor, not the mean",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := strongAssessment(t)
				rateAll(a, 5)
				a.Results["7.4"].Maturity = 4
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 4, wantVerdict: "Strong certification position"},
		{name: "an item at maturity 1 gives level 1, below every cap",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := strongAssessment(t)
				a.Results["9.1"].Maturity = 1
				a.Systems = nil
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 1, wantVerdict: "Not ready", wantKinds: []string{"no_ai_system_in_scope"}},
		{name: "every item partially conformant is not certification-ready",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := strongAssessment(t)
				for _, r := range a.Results {
					r.Status = Partial
				}
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 2, wantVerdict: "Significant gaps", wantKinds: []string{"partial_without_action", "management_cycle_incomplete"}},
		{name: "all 38 controls excluded is not certification-ready",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := strongAssessment(t)
				a.Tests = nil
				for _, item := range cat.Assessable() {
					if item.IsControl() {
						excludeDirectly(a, item.ID, goodJustification)
					}
				}
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 2, wantVerdict: "Significant gaps", wantKinds: []string{"required_control_excluded", "exclusion_contradicts_risk_treatment", "kpis_not_measured"}},
		{name: "an unjudged item makes the verdict incomplete with a provisional level",
			build: func(t testing.TB) (*Assessment, Summary) {
				cat, a := strongAssessment(t)
				delete(a.Results, "A.3.3")
				return a, Evaluate(cat, a, ruleDay)
			},
			wantLevel: 4, wantVerdict: "Incomplete — 69 of 70 assessed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s := tt.build(t)
			if s.Level != tt.wantLevel || s.Verdict != tt.wantVerdict {
				t.Errorf("level %d, verdict %q; want %d, %q", s.Level, s.Verdict, tt.wantLevel, tt.wantVerdict)
			}
			if got := kinds(s); !sameStrings(got, tt.wantKinds) {
				t.Errorf("blocker kinds %q, want %q", got, tt.wantKinds)
			}
		})
	}
}

func TestLadderAndCountLine(t *testing.T) {
	cat, a := strongAssessment(t)
	a.Results["9.1"].Maturity = 2
	a.Results["7.4"].Maturity = 3
	a.Results["A.2.2"].Maturity = 3
	a.Results["8.2"].Status = Nonconformant
	delete(a.KPIValues, "KPI-04")
	s := Evaluate(cat, a, ruleDay)
	ladder := s.Ladder()
	type rung struct {
		level    int
		blockers []string
		below    []string
	}
	want := []rung{
		{3, []string{"nonconformant"}, []string{"9.1"}},
		{4, []string{"nonconformant", "kpis_not_measured"}, []string{"7.4", "9.1", "A.2.2"}},
		{5, []string{"nonconformant", "kpis_not_measured"}, nil}, // every item is below 5: checked by count
	}
	for i, w := range want {
		r := ladder[i]
		var kinds, items []string
		for _, b := range r.Blockers {
			kinds = append(kinds, b.Kind)
		}
		for _, it := range r.Below {
			items = append(items, it.Item)
		}
		if r.Level != w.level || !slices.Equal(kinds, w.blockers) || (w.below != nil && !slices.Equal(items, w.below)) {
			t.Errorf("rung %d: blockers %q, below %q; want %q, %q", r.Level, kinds, items, w.blockers, w.below)
		}
		if r.Reached() {
			t.Errorf("rung %d reached with %d steps left", r.Level, r.Steps())
		}
	}
	if n := len(ladder[2].Below); n != 70 {
		t.Errorf("%d items below level 5, want all 70", n)
	}
	if got, want := s.CountLine(), "2 blockers, 1 item below level 3, 5 steps to level 4"; got != want {
		t.Errorf("count line %q, want %q", got, want)
	}
	out, err := json.Marshal(s)
	if err != nil || !strings.Contains(string(out), `"below_level_3":[{"item":"9.1","title":"Monitoring, measurement, analysis and evaluation","maturity":2}]`) ||
		!strings.Contains(string(out), `"steps_to_level_4":5`) || !strings.Contains(string(out), `{"kind":"nonconformant","cap":2,"item":"8.2"`) {
		t.Errorf("summary JSON lacks below_level_3, steps_to_level_4 or a blocker's cap: %.600s %v", out, err)
	}
	if strong := Evaluate(cat, func() *Assessment { _, a := strongAssessment(t); return a }(), ruleDay); !strong.Rung(4).Reached() ||
		strong.CountLine() != "0 blockers, 0 items below level 3, 0 steps to level 4" {
		t.Errorf("a strong assessment: %q", strong.CountLine())
	}
}
