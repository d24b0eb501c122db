package assessment

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// to returns a pointer to v, for the optional fields of a Judgement.
func to[T any](v T) *T { return &v }

// cloneResult copies a result deeply enough to detect any change Apply makes to it.
func cloneResult(r *Result) Result {
	c := *r
	c.Evidence = append([]Evidence(nil), r.Evidence...)
	return c
}

func TestJudgementApplyRules(t *testing.T) {
	excludedResult := func(id string) *Result {
		return &Result{ItemID: id, Status: NotApplicable, Decision: Excluded, Justification: goodJustification}
	}
	tests := []struct {
		name    string
		item    string
		start   *Result // nil: a fresh result
		j       Judgement
		wantErr string // "" when the judgement is accepted
		check   func(t *testing.T, r *Result)
	}{
		{name: "not applicable on a clause requirement is refused", item: "4.1",
			j: Judgement{Status: to(NotApplicable)}, wantErr: "mandatory clause requirement"},
		{name: "not applicable on an included control is refused", item: "A.2.2",
			j: Judgement{Status: to(NotApplicable)}, wantErr: "included in the Statement of Applicability"},
		{name: "excluding a control without justification is refused", item: "A.10.4",
			j: Judgement{Decision: to(Excluded)}, wantErr: "needs a justification"},
		{name: "excluding a control with a blank justification is refused", item: "A.10.4",
			j: Judgement{Decision: to(Excluded), Justification: to("   ")}, wantErr: "needs a justification"},
		{name: "clearing the justification of an excluded control is refused", item: "A.10.4", start: excludedResult("A.10.4"),
			j: Judgement{Justification: to("")}, wantErr: "needs a justification"},
		{name: "excluding a control with justification sets status not applicable", item: "A.10.4",
			start: &Result{ItemID: "A.10.4", Status: Conformant, Decision: Included, Maturity: 3},
			j:     Judgement{Decision: to(Excluded), Justification: to("  " + goodJustification + " ")},
			check: func(t *testing.T, r *Result) {
				if r.Status != NotApplicable || r.Decision != Excluded || r.Justification != goodJustification {
					t.Errorf("got status %s, decision %s, justification %q", r.Status, r.Decision, r.Justification)
				}
			}},
		{name: "excluding a control with a placeholder is refused", item: "A.10.4",
			j: Judgement{Decision: to(Excluded), Justification: to("n/a")}, wantErr: `"n/a" is a placeholder, not a reason`},
		{name: "excluding a control with 19 characters is refused", item: "A.10.4",
			j: Judgement{Decision: to(Excluded), Justification: to("No public reporting")}, wantErr: "too short"},
		{name: "excluding a control with 20 characters and three words is accepted", item: "A.10.4",
			j: Judgement{Decision: to(Excluded), Justification: to("No public reporting.")}},
		{name: "an included control may carry the justification for its inclusion", item: "A.10.4",
			j: Judgement{Decision: to(Included), Justification: to("Treats risk R-07")},
			check: func(t *testing.T, r *Result) {
				if r.Decision != Included || r.Justification != "Treats risk R-07" {
					t.Errorf("got decision %s, justification %q", r.Decision, r.Justification)
				}
			}},
		{name: "an inclusion justified with a placeholder is refused", item: "A.10.4",
			j: Judgement{Justification: to("tbd")}, wantErr: "placeholder"},
		{name: "changing the decision without a new justification drops the old one", item: "A.10.4", start: excludedResult("A.10.4"),
			j: Judgement{Decision: to(Included)},
			check: func(t *testing.T, r *Result) {
				if r.Justification != "" {
					t.Errorf("the exclusion's justification %q stayed on the included control", r.Justification)
				}
			}},
		{name: "confirming an exclusion keeps its justification", item: "A.10.4", start: excludedResult("A.10.4"),
			j: Judgement{Decision: to(Excluded)},
			check: func(t *testing.T, r *Result) {
				if r.Justification != goodJustification {
					t.Errorf("justification %q, want it kept", r.Justification)
				}
			}},
		{name: "evidence valid until before it was collected is refused", item: "5.2",
			j:       Judgement{AddEvidence: []Evidence{{Title: "AI policy", Collected: daysBefore(5), ValidUntil: daysBefore(6)}}},
			wantErr: "before it was collected"},
		{name: "evidence with its collected and valid-until dates is added", item: "5.2",
			j: Judgement{AddEvidence: []Evidence{{Title: "AI policy", Collected: daysBefore(5), ValidUntil: daysBefore(-360)}}},
			check: func(t *testing.T, r *Result) {
				if len(r.Evidence) != 1 || !r.Evidence[0].ValidUntil.Equal(daysBefore(-360)) {
					t.Errorf("got evidence %+v", r.Evidence)
				}
			}},
		{name: "an evidence item is edited where it is", item: "5.2", start: &Result{ItemID: "5.2", Evidence: []Evidence{{Title: "Policy"}, {Title: "Minutes"}}},
			j: Judgement{EditEvidence: &EvidenceEdit{Index: 1, Was: Evidence{Title: "Minutes"}, Now: &Evidence{Title: "Board minutes", Collected: daysBefore(3)}}},
			check: func(t *testing.T, r *Result) {
				if len(r.Evidence) != 2 || r.Evidence[1].Title != "Board minutes" || r.Evidence[0].Title != "Policy" {
					t.Errorf("got evidence %+v", r.Evidence)
				}
			}},
		{name: "an evidence item is removed", item: "5.2", start: &Result{ItemID: "5.2", Evidence: []Evidence{{Title: "Policy"}, {Title: "Minutes"}}},
			j: Judgement{EditEvidence: &EvidenceEdit{Index: 0, Was: Evidence{Title: "Policy"}}},
			check: func(t *testing.T, r *Result) {
				if len(r.Evidence) != 1 || r.Evidence[0].Title != "Minutes" {
					t.Errorf("got evidence %+v", r.Evidence)
				}
			}},
		{name: "an evidence item edited without a title is refused", item: "5.2", start: &Result{ItemID: "5.2", Evidence: []Evidence{{Title: "Policy"}}},
			j: Judgement{EditEvidence: &EvidenceEdit{Index: 0, Was: Evidence{Title: "Policy"}, Now: &Evidence{Title: " "}}}, wantErr: "needs a title"},
		{name: "an evidence item edited to expire before it was collected is refused", item: "5.2", start: &Result{ItemID: "5.2", Evidence: []Evidence{{Title: "Policy"}}},
			j:       Judgement{EditEvidence: &EvidenceEdit{Index: 0, Was: Evidence{Title: "Policy"}, Now: &Evidence{Title: "Policy", Collected: daysBefore(1), ValidUntil: daysBefore(2)}}},
			wantErr: "before it was collected"},
		{name: "an evidence item that is not there any more is refused", item: "5.2", start: &Result{ItemID: "5.2", Evidence: []Evidence{{Title: "Policy v2"}}},
			j: Judgement{EditEvidence: &EvidenceEdit{Index: 0, Was: Evidence{Title: "Policy"}}}, wantErr: "changed or removed elsewhere meanwhile"},
		{name: "re-including an excluded control resets it to not assessed", item: "A.10.4", start: excludedResult("A.10.4"),
			j: Judgement{Decision: to(Included)},
			check: func(t *testing.T, r *Result) {
				if r.Status != NotAssessed || r.Decision != Included {
					t.Errorf("got status %s, decision %s; want not assessed, included", r.Status, r.Decision)
				}
			}},
		{name: "re-including and judging in one edit keeps the new status", item: "A.10.4", start: excludedResult("A.10.4"),
			j: Judgement{Decision: to(Included), Status: to(Partial)},
			check: func(t *testing.T, r *Result) {
				if r.Status != Partial {
					t.Errorf("got status %s, want partial", r.Status)
				}
			}},
		{name: "confirming an included control keeps its status", item: "A.10.4",
			start: &Result{ItemID: "A.10.4", Status: Conformant, Decision: Included},
			j:     Judgement{Decision: to(Included)},
			check: func(t *testing.T, r *Result) {
				if r.Status != Conformant {
					t.Errorf("got status %s, want conformant", r.Status)
				}
			}},
		{name: "judging an excluded control other than not applicable is refused", item: "A.10.4", start: excludedResult("A.10.4"),
			j: Judgement{Status: to(Conformant)}, wantErr: "include it first"},
		{name: "excluding and judging conformant in one edit is refused", item: "A.10.4",
			j: Judgement{Decision: to(Excluded), Justification: to(goodJustification), Status: to(Conformant)}, wantErr: "excluded"},
		{name: "an SoA decision on a clause requirement is refused", item: "4.1",
			j: Judgement{Decision: to(Excluded), Justification: to(goodJustification)}, wantErr: "only Annex A controls"},
		{name: "judging a clause heading is refused", item: "4",
			j: Judgement{Status: to(Conformant)}, wantErr: "is a heading"},
		{name: "judging an Annex A objective is refused", item: "A.6.2",
			j: Judgement{Maturity: to(3)}, wantErr: "is a heading"},
		{name: "maturity -1 is refused", item: "5.2", j: Judgement{Maturity: to(-1)}, wantErr: "maturity -1 is outside the scale"},
		{name: "maturity 6 is refused", item: "5.2", j: Judgement{Maturity: to(6)}, wantErr: "maturity 6 is outside the scale"},
		{name: "target 6 is refused", item: "5.2", j: Judgement{Target: to(6)}, wantErr: "target 6 is outside the scale"},
		{name: "target -1 is refused", item: "5.2", j: Judgement{Target: to(-1)}, wantErr: "target -1 is outside the scale"},
		{name: "maturity 1 and target 5 are accepted", item: "5.2", j: Judgement{Maturity: to(1), Target: to(5)},
			check: func(t *testing.T, r *Result) {
				if r.Maturity != 1 || r.Target != 5 || r.EffectiveTarget() != 5 {
					t.Errorf("got maturity %d, target %d", r.Maturity, r.Target)
				}
			}},
		{name: "maturity 0 unsets the rating", item: "5.2", start: &Result{ItemID: "5.2", Status: Partial, Maturity: 2},
			j: Judgement{Maturity: to(0)},
			check: func(t *testing.T, r *Result) {
				if r.Maturity != 0 || r.Judged() {
					t.Errorf("got maturity %d, judged %v; want unset", r.Maturity, r.Judged())
				}
			}},
		{name: "target unset defaults to level 3", item: "5.2", j: Judgement{Target: to(0)},
			check: func(t *testing.T, r *Result) {
				if r.EffectiveTarget() != DefaultTarget || DefaultTarget != 3 {
					t.Errorf("effective target %d, want 3", r.EffectiveTarget())
				}
			}},
		{name: "evidence without a title is refused", item: "5.2",
			j: Judgement{AddEvidence: []Evidence{{Kind: "document", Reference: "POL-1"}}}, wantErr: "needs a title"},
		{name: "evidence with a blank title is refused", item: "5.2",
			j: Judgement{AddEvidence: []Evidence{{Title: " \t"}}}, wantErr: "needs a title"},
		{name: "evidence with a title is added after the existing items", item: "5.2",
			start: &Result{ItemID: "5.2", Status: Conformant, Evidence: []Evidence{{Title: "AI policy v1"}}},
			j:     Judgement{AddEvidence: []Evidence{{Title: "Board minutes"}}},
			check: func(t *testing.T, r *Result) {
				if len(r.Evidence) != 2 || r.Evidence[1].Title != "Board minutes" {
					t.Errorf("got evidence %+v", r.Evidence)
				}
			}},
		{name: "status, text fields and priority are applied together", item: "8.2",
			j: Judgement{Status: to(Partial), Finding: to("No risk criteria"), Recommendation: to("Define criteria"),
				Owner: to("CRO"), Priority: to(High)},
			check: func(t *testing.T, r *Result) {
				if r.Status != Partial || r.Finding != "No risk criteria" || r.Recommendation != "Define criteria" || r.Owner != "CRO" || r.Priority != High {
					t.Errorf("got %+v", r)
				}
			}},
	}
	cat := ruleCatalogue(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			item := ruleItem(t, cat, tt.item)
			r := tt.start
			if r == nil {
				r = NewResult(item)
			}
			before := cloneResult(r)
			got, err := tt.j.Apply(item, r)
			if !reflect.DeepEqual(before, *r) {
				t.Errorf("Apply changed the original result:\nbefore %+v\nafter  %+v", before, *r)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				if got != nil {
					t.Errorf("a refused judgement returned a result: %+v", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

// A refused judgement must leave the stored result exactly as it was, even when the refused
// part comes after acceptable ones, and an accepted one must not write into the original's
// evidence array.
func TestJudgementApplyNeverHalfChanges(t *testing.T) {
	cat := ruleCatalogue(t)
	item := ruleItem(t, cat, "A.6.2.6")
	evidence := make([]Evidence, 1, 4) // spare capacity: an in-place append would leak into it
	evidence[0] = Evidence{Title: "Monitoring dashboard"}
	r := &Result{ItemID: item.ID, Status: Conformant, Maturity: 3, Decision: Included, Evidence: evidence}
	before := cloneResult(r)

	j := Judgement{Status: to(Partial), Maturity: to(2), Finding: to("Drift alerts ignored"),
		AddEvidence: []Evidence{{Title: "Alert log"}, {Title: ""}}}
	if got, err := j.Apply(item, r); err == nil {
		t.Fatalf("judgement with an untitled evidence item accepted: %+v", got)
	}
	if !reflect.DeepEqual(before, cloneResult(r)) {
		t.Errorf("refused judgement changed the result:\nbefore %+v\nafter  %+v", before, *r)
	}

	got, err := Judgement{AddEvidence: []Evidence{{Title: "Alert log"}}}.Apply(item, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Evidence) != 2 || len(r.Evidence) != 1 || r.Evidence[:2][1] != (Evidence{}) {
		t.Errorf("accepted judgement shares the original's evidence array: original %+v, spare %+v", r.Evidence, r.Evidence[:2][1])
	}
}

func TestScaleParsing(t *testing.T) {
	tests := []struct {
		name    string
		parse   func() (string, error)
		want    string
		wantErr bool
	}{
		{name: "status partial accepts its label", parse: parsed(ParseStatus, "partially conformant"), want: "partial"},
		{name: "status na accepts n/a", parse: parsed(ParseStatus, "N/A"), want: "na"},
		{name: "status unknown is refused", parse: parsed(ParseStatus, "compliant"), wantErr: true},
		{name: "SoA decision defaults to included", parse: parsed(ParseDecision, ""), want: "included"},
		{name: "SoA decision unknown is refused", parse: parsed(ParseDecision, "maybe"), wantErr: true},
		{name: "grade accepts its label", parse: parsed(ParseGrade, "opportunity for improvement"), want: "ofi"},
		{name: "grade unknown is refused", parse: parsed(ParseGrade, "critical"), wantErr: true},
		{name: "priority accepts any case", parse: parsed(ParsePriority, "HIGH"), want: "high"},
		{name: "priority unknown is refused", parse: parsed(ParsePriority, "urgent"), wantErr: true},
		{name: "impact unknown is refused", parse: parsed(ParseImpact, "extreme"), wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse()
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("got %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
	if len(Grades) != 5 || len(Statuses) != 5 {
		t.Errorf("§4.1 has five grades and five statuses; got %d and %d", len(Grades), len(Statuses))
	}
}

// parsed adapts a typed parser to a string result, so one table covers every scale.
func parsed[T ~string](parse func(string) (T, error), in string) func() (string, error) {
	return func() (string, error) {
		v, err := parse(in)
		return string(v), err
	}
}

func TestConsistencyWarnings(t *testing.T) {
	highImpact := func(a *Assessment) {
		a.Systems[0].Impact = ImpactHigh
	}
	tests := []struct {
		name   string
		mutate func(a *Assessment)
		want   []string // "kind item", in catalogue order
	}{
		{name: "ready assessment raises no warning", mutate: func(*Assessment) {}},
		{name: "conformant without evidence is an unsupported conformity",
			mutate: func(a *Assessment) { a.Results["5.2"].Evidence = nil },
			want:   []string{"unsupported_conformity 5.2"}},
		{name: "partial without evidence is not an unsupported conformity",
			mutate: func(a *Assessment) { r := a.Results["5.2"]; r.Status, r.Evidence = Partial, nil }},
		{name: "nonconformant at maturity 3 contradicts its status",
			mutate: func(a *Assessment) { a.Results["6.2"].Status = Nonconformant },
			want:   []string{"maturity_contradicts_status 6.2"}},
		{name: "nonconformant at maturity 2 is consistent",
			mutate: func(a *Assessment) { r := a.Results["6.2"]; r.Status, r.Maturity = Nonconformant, 2 }},
		{name: "conformant at maturity 2 contradicts its status",
			mutate: func(a *Assessment) { a.Results["7.3"].Maturity = 2 },
			want:   []string{"maturity_contradicts_status 7.3"}},
		{name: "conformant with maturity unset is not a maturity contradiction",
			mutate: func(a *Assessment) { a.Results["7.3"].Maturity = 0 }},
		{name: "excluding an A.5 control with a high-impact system in scope is flagged",
			mutate: func(a *Assessment) { highImpact(a); excludeDirectly(a, "A.5.4", goodJustification) },
			// A.5.4 is also required for a high-impact system, so the SoA behind 6.1.3 and 8.3 cannot stand.
			want: []string{"checklist_contradicted 6.1.3", "checklist_contradicted 8.3", "exclusion_with_high_impact_system A.5.4"}},
		{name: "excluding an A.6.2 control with a high-impact system in scope is flagged",
			mutate: func(a *Assessment) { highImpact(a); excludeDirectly(a, "A.6.2.7", goodJustification) },
			want:   []string{"exclusion_with_high_impact_system A.6.2.7"}},
		{name: "excluding an A.7 control with a high-impact system in scope is flagged",
			mutate: func(a *Assessment) { highImpact(a); excludeDirectly(a, "A.7.5", goodJustification) },
			want:   []string{"exclusion_with_high_impact_system A.7.5"}},
		{name: "excluding an A.8 control with a high-impact system in scope is flagged",
			mutate: func(a *Assessment) { highImpact(a); excludeDirectly(a, "A.8.3", goodJustification) },
			want:   []string{"exclusion_with_high_impact_system A.8.3"}},
		{name: "excluding an A.9 control with a high-impact system in scope is flagged",
			mutate: func(a *Assessment) { highImpact(a); excludeDirectly(a, "A.9.3", goodJustification) },
			want:   []string{"checklist_contradicted 6.1.3", "checklist_contradicted 8.3", "exclusion_with_high_impact_system A.9.3"}},
		{name: "excluding an A.6.1 control with a high-impact system in scope is not flagged",
			mutate: func(a *Assessment) { highImpact(a); excludeDirectly(a, "A.6.1.3", goodJustification) }},
		{name: "excluding an A.10 control with a high-impact system in scope is not flagged as sensitive",
			mutate: func(a *Assessment) { highImpact(a); excludeDirectly(a, "A.10.2", goodJustification) }},
		{name: "excluding an A.5 control with only medium-impact systems is not flagged",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.5.4", goodJustification) }},
		{name: "excluding an A.5 control with the high-impact system out of scope is not flagged",
			mutate: func(a *Assessment) {
				s := readySystem()
				s.ID, s.Name, s.Impact, s.InScope, s.ExclusionJustification = 2, "Fraud scoring", ImpactHigh, false, "pilot only"
				a.Systems = append(a.Systems, s)
				excludeDirectly(a, "A.5.4", goodJustification)
			}},
		{name: "an excluded control the risk register relies on is flagged",
			mutate: func(a *Assessment) { excludeDirectly(a, "A.7.4", goodJustification) },
			want:   []string{"checklist_contradicted 6.1.3", "checklist_contradicted 8.3", "excluded_control_treats_risk A.7.4"}},
		{name: "an excluded control only a closed risk relied on is not flagged",
			mutate: func(a *Assessment) { a.Risks[0].Status = "closed"; excludeDirectly(a, "A.7.4", goodJustification) }},
		{name: "conformant with all its evidence expired is an unsupported conformity",
			mutate: func(a *Assessment) { a.Results["5.2"].Evidence[0].ValidUntil = daysBefore(1) },
			want:   []string{"unsupported_conformity 5.2"}},
		{name: "conformant with evidence valid until today is supported",
			mutate: func(a *Assessment) { a.Results["5.2"].Evidence[0].ValidUntil = ruleDay }},
		{name: "risk work judged conformant with an empty risk register",
			mutate: func(a *Assessment) { a.Risks = nil },
			want:   []string{"risk_work_without_register 6.1.2", "risk_work_without_register 6.1.3", "risk_work_without_register 8.2", "risk_work_without_register 8.3"}},
		{name: "impact work judged conformant while an in-scope system lacks a current impact assessment",
			mutate: func(a *Assessment) { a.Systems[0].LastChange = daysBefore(1) },
			want: []string{"impact_work_not_done 6.1.4", "impact_work_not_done 8.4", "impact_work_not_done A.5.2",
				"impact_work_not_done A.5.3", "impact_work_not_done A.5.4", "impact_work_not_done A.5.5"}},
		{name: "a medium-impact system's impact assessment 13 months old is overdue for review",
			mutate: func(a *Assessment) {
				a.Systems[0].AISIADate, a.Systems[0].LastChange = ruleDay.AddDate(0, -13, 0), time.Time{}
			},
			want: []string{"impact_work_not_done 6.1.4", "impact_work_not_done 8.4", "impact_work_not_done A.5.2",
				"impact_work_not_done A.5.3", "impact_work_not_done A.5.4", "impact_work_not_done A.5.5", "impact_assessment_overdue Claims triage"}},
		{name: "a medium-impact system's impact assessment 11 months old is current",
			mutate: func(a *Assessment) {
				a.Systems[0].AISIADate, a.Systems[0].LastChange = ruleDay.AddDate(0, -11, 0), time.Time{}
			}},
		{name: "one high-impact system out of scope while another is in",
			mutate: func(a *Assessment) {
				highImpact(a)
				s := readySystem()
				s.ID, s.Name, s.Impact, s.InScope, s.ExclusionJustification = 2, "Hiring screener", ImpactHigh, false, "Run by the group HR company under its own AIMS"
				a.Systems = append(a.Systems, s)
			},
			want: []string{"high_impact_system_out_of_scope Hiring screener"}},
		{name: "a conformant item whose evidence requests are all not available",
			mutate: func(a *Assessment) {
				for _, id := range requestsFor(ruleCatalogue(t), "A.7.5") {
					a.Requests[id] = RequestStatus{State: NotAvailable}
				}
			},
			want: []string{"evidence_not_available A.7.5", "evidence_not_available A.7.6"}}, // the same requests are all A.7.6 has
		{name: "10.2 conformant although gaps exist and no nonconformity was ever raised",
			mutate: func(a *Assessment) { a.NCs = nil; r := a.Results["8.2"]; r.Status, r.Maturity = Partial, 2 },
			want:   []string{"checklist_contradicted 10.2"}},
		{name: "A.10.3 conformant while a supplier-dependent system's supplier is not assessed",
			mutate: func(a *Assessment) {
				a.Systems[0].Suppliers = "Hosted model from Example AI"
				a.Suppliers = []Supplier{{Number: 1, Name: "Example AI", Systems: []int64{1}}}
			},
			want: []string{"kpi_contradicts_judgement A.10.3"}},
		{name: "7.2 and 7.3 conformant without any training record",
			mutate: func(a *Assessment) { a.Training = nil },
			want:   []string{"checklist_contradicted 7.2", "checklist_contradicted 7.3"}},
		{name: "10.2 conformant while a nonconformity is overdue",
			mutate: func(a *Assessment) {
				a.NCs = append(a.NCs, Nonconformity{Number: 2, ItemID: "8.2", Grade: MinorNC, Status: NCOpen, Due: daysBefore(1), CorrectiveAction: "Fix"})
			},
			want: []string{"kpi_contradicts_judgement 10.2"}},
		{name: "6.1.3 conformant while a residual risk is above the appetite",
			mutate: func(a *Assessment) { a.RiskCriteria.Appetite = 4 },
			want:   []string{"kpi_contradicts_judgement 6.1.3"}},
		{name: "an included control the risk register relies on is not flagged",
			mutate: func(a *Assessment) { a.Risks[0].Controls = []string{"A.7.4", "A.10.4"} }},
		{name: "a conformant included control with a failed test is flagged",
			mutate: func(a *Assessment) {
				a.Tests = []ControlTest{{ControlID: "A.6.2.6", Frequency: "monthly", Samples: []Sample{{Ref: "#1", Result: Exception}}}}
			},
			want: []string{"failed_test_conformant A.6.2.6"}},
		{name: "a partially conformant control with a failed test is consistent",
			mutate: func(a *Assessment) {
				a.Results["A.6.2.6"].Status = Partial
				a.Tests = []ControlTest{{ControlID: "A.6.2.6", Frequency: "monthly", Samples: []Sample{{Ref: "#1", Result: Exception}}}}
			}},
		{name: "a conformant control with an effective test is consistent",
			mutate: func(a *Assessment) {
				a.Tests = []ControlTest{{ControlID: "A.6.2.6", Frequency: "monthly", Samples: []Sample{{Ref: "#1", Result: Pass}, {Ref: "#2", Result: Pass}}}}
			}},
		{name: "a risk counted as treated by a control that failed its test",
			mutate: func(a *Assessment) {
				a.Results["A.6.2.6"].Status = Partial
				a.Tests = []ControlTest{{ControlID: "A.6.2.6", Frequency: "monthly", Samples: []Sample{{Ref: "#1", Result: Exception}}}}
				a.Risks = []Risk{{ID: 1, Title: "Undetected drift", Likelihood: 3, Impact: 3, Treatment: "modify", Controls: []string{"A.6.2.6"}, Status: "treated"}}
			},
			want: []string{"risk_treated_by_failed_control A.6.2.6"}},
		{name: "a nonconformant control with an effective test",
			mutate: func(a *Assessment) {
				a.Results["A.6.2.6"].Status, a.Results["A.6.2.6"].Maturity = Nonconformant, 1
				a.Tests = []ControlTest{{ControlID: "A.6.2.6", Frequency: "monthly", Samples: []Sample{{Ref: "#1", Result: Pass}, {Ref: "#2", Result: Pass}}}}
			},
			want: []string{"effective_test_nonconformant A.6.2.6"}},
	}
	listed := map[string]bool{}
	for _, c := range ConsistencyChecks() {
		listed[c.Kind] = true
	}
	raised := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			var got []string
			for _, w := range Warnings(cat, a, ruleDay) {
				raised[w.Kind] = true
				if !listed[w.Kind] {
					t.Errorf("warning kind %s is not in ConsistencyChecks, so the report would not list its check", w.Kind)
				}
				got = append(got, w.Kind+" "+w.Item+w.System)
				if !strings.Contains(w.Detail, w.Item) || !strings.Contains(w.Detail, w.System) {
					t.Errorf("warning detail %q does not name %s%s", w.Detail, w.Item, w.System)
				}
			}
			if !sameStrings(got, tt.want) {
				t.Errorf("warnings %q, want %q", got, tt.want)
			}
		})
	}
	for kind := range listed {
		if !raised[kind] {
			t.Errorf("ConsistencyChecks lists %s, but no row of this test raises it", kind)
		}
	}
}

func TestSensitiveExclusionNamesTheHighImpactSystems(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Systems[0].Impact = ImpactHigh
	excludeDirectly(a, "A.5.5", goodJustification)
	ws := Evaluate(cat, a, ruleDay).WarningsFor("A.5.5")
	if len(ws) != 1 || !strings.Contains(ws[0].Detail, "Claims triage") {
		t.Errorf("got %s, want one warning naming Claims triage", fmt.Sprint(ws))
	}
}
