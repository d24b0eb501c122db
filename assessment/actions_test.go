package assessment

import (
	"strings"
	"testing"
	"time"
)

// planAction returns the plan's action about a subject, failing when there is none.
func planAction(t *testing.T, p Plan, subject string) Action {
	t.Helper()
	for _, act := range p.Actions {
		if act.Subject == subject {
			return act
		}
	}
	var subjects []string
	for _, act := range p.Actions {
		subjects = append(subjects, act.Subject)
	}
	t.Fatalf("no action about %q; the plan has %q", subject, subjects)
	return Action{}
}

func TestRoadmapTurnsEveryProblemIntoAnAction(t *testing.T) {
	due := daysBefore(-40)
	tests := []struct {
		name    string
		mutate  func(a *Assessment)
		subject string
		check   func(t *testing.T, act Action)
	}{
		{name: "a gap keeps the assessor's recommendation, owner and date",
			mutate: func(a *Assessment) {
				r := a.Results["6.1.2"]
				r.Status, r.Maturity, r.Recommendation, r.Owner, r.Due = Partial, 2, "Write the risk method", "Ana", due
			},
			subject: "6.1.2 AI risk assessment",
			check: func(t *testing.T, act Action) {
				if act.Do != "Write the risk method" || act.Owner != "Ana" || !act.Due.Equal(due) || act.OwnerProposed || act.DueProposed || act.Phase != 2 {
					t.Errorf("%+v", act)
				}
			}},
		{name: "a gap without a recommendation follows the control's hint, owner and date proposed",
			mutate:  func(a *Assessment) { a.Results["A.6.2.6"].Status, a.Results["A.6.2.6"].Maturity = Nonconformant, 1 },
			subject: "A.6.2.6 AI system operation and monitoring",
			check: func(t *testing.T, act Action) {
				if !act.FromGuidance || !strings.HasPrefix(act.Do, "Start with a few metrics") || act.Owner != "Priya Shah" ||
					!act.OwnerProposed || !act.DueProposed || act.Priority != High || act.Phase != 3 {
					t.Errorf("%+v", act)
				}
			}},
		{name: "conformity without evidence asks for the evidence",
			mutate:  func(a *Assessment) { a.Results["5.2"].Evidence = nil },
			subject: "5.2 AI policy",
			check: func(t *testing.T, act Action) {
				if !strings.HasPrefix(act.Do, "Record the evidence the conformant judgement rests on, such as: approved AI policy") {
					t.Errorf("%q", act.Do)
				}
			}},
		{name: "an open nonconformity carries its corrective action",
			mutate: func(a *Assessment) {
				a.NCs = []Nonconformity{{Number: 3, ItemID: "9.2.2", Grade: MajorNC, Status: NCOpen, CorrectiveAction: "Hire an auditor", Owner: "Sam", Due: daysBefore(5)}}
			},
			subject: "NC-003 (9.2.2)",
			check: func(t *testing.T, act Action) {
				if act.Do != "Hire an auditor" || act.Owner != "Sam" || !act.Overdue || act.Priority != High || act.Phase != 4 {
					t.Errorf("%+v", act)
				}
			}},
		{name: "a system without an impact assessment gets one, owned by its owner",
			mutate:  func(a *Assessment) { a.Systems[0].AISIADate = time.Time{} },
			subject: "AI system Claims triage",
			check: func(t *testing.T, act Action) {
				if !strings.HasPrefix(act.Do, "Carry out and record an impact assessment of Claims triage") || act.Owner != "Dana Lee" || act.Phase != 2 {
					t.Errorf("%+v", act)
				}
			}},
		{name: "an empty risk register is set up",
			mutate:  func(a *Assessment) { a.Risks = nil },
			subject: "AI risk register",
			check: func(t *testing.T, act Action) {
				if !strings.HasPrefix(act.Do, "Set up the AI risk register") || act.Phase != 2 || act.Priority != High {
					t.Errorf("%+v", act)
				}
			}},
		{name: "vacant governance roles are named",
			mutate:  func(a *Assessment) {},
			subject: "Governance roles",
			check: func(t *testing.T, act Action) {
				if !strings.Contains(act.Do, "Top management / Board") || strings.Contains(act.Do, "AIMS manager") {
					t.Errorf("%q", act.Do)
				}
			}},
		{name: "with nobody named, the owner proposed is the role to fill",
			mutate:  func(a *Assessment) { a.RoleHolders = nil; a.Risks = nil },
			subject: "AI risk register",
			check: func(t *testing.T, act Action) {
				if act.Owner != "AIMS manager (to be appointed)" || !act.OwnerProposed {
					t.Errorf("%+v", act)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, a := readyAssessment(t)
			tt.mutate(a)
			p := RoadmapPlan(cat, a, ruleDay)
			tt.check(t, planAction(t, p, tt.subject))
			for _, act := range p.Actions {
				if act.Owner == "" || act.Due.IsZero() {
					t.Errorf("action %q has no owner or date: %+v", act.Subject, act)
				}
			}
		})
	}
}

func TestRoadmapWarnsWhenAPhaseEndsAfterAnAudit(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Results["9.2.2"].Status, a.Results["9.2.2"].Due = Partial, daysBefore(-200)
	a.Certification.Stage1, a.Certification.Stage2 = daysBefore(-100), daysBefore(-300)
	p := RoadmapPlan(cat, a, ruleDay)
	var got []string
	for _, c := range p.Conflicts {
		got = append(got, c.Audit+" phase "+string(rune('0'+c.Phase.ID)))
		if c.Phase.ID == 4 && c.Audit == "Stage 1" && c.LateDue != 1 {
			t.Errorf("phase 4 has %d actions due after Stage 1, want 1", c.LateDue)
		}
	}
	// Week 18 ends 125 days after the start, week 28 195 days after: phases 3 and 4 end after
	// Stage 1 at day 100; none ends after Stage 2 at day 300.
	if strings.Join(got, ", ") != "Stage 1 phase 3, Stage 1 phase 4" {
		t.Errorf("conflicts %v", got)
	}
	a.Certification = CertificationPlan{}
	if p := RoadmapPlan(cat, a, ruleDay); len(p.Conflicts) != 0 {
		t.Errorf("conflicts without audit dates: %+v", p.Conflicts)
	}
}

func TestFieldworkCountsOnlyWhatIsOnRecord(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Results["5.2"].Evidence = []Evidence{{Title: "Policy", Kind: "document", SHA256: "ab"}, {Title: "Talk", Kind: "interview"}}
	a.Results["5.3"].Evidence = nil
	a.Results["4.1"].Status = NotAssessed
	w := TallyFieldwork(cat, a, ruleDay)
	if w.Items != 70 || w.Judged != 69 || w.OnEvidence != 68 || strings.Join(w.WithoutEvidence, ",") != "5.3" ||
		w.Files != 1 || w.Interviewed != 1 || w.Evidence["interview"] != 1 {
		t.Errorf("fieldwork %+v", w)
	}
	if w.ControlsTested != 0 || len(w.Untested) != 38 || w.SystemsInScope != 1 || w.ImpactCurrent != 1 || w.Requests.InHand() != 45 {
		t.Errorf("tests and registers %+v", w)
	}
	a.Tests = []ControlTest{{ControlID: "A.6.2.4", Frequency: "annual", Samples: []Sample{{Ref: "r1", Result: Pass}}}}
	if w := TallyFieldwork(cat, a, ruleDay); w.ControlsTested != 1 || w.TestsEffective != 1 || w.SamplesTested != 1 || len(w.Untested) != 37 {
		t.Errorf("one effective test: %+v", w)
	}
}
