package workspace_test

import (
	"reflect"
	"slices"
	"testing"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// openWith opens the demo with a blank step whose host the test keeps, to give intents.
func openWith(t *testing.T) (*uitest.Harness, steps.Host, *uitest.Blank) {
	var host steps.Host
	blank := &uitest.Blank{}
	h := uitest.New(t).Open(steps.Scoping, func(hst steps.Host) steps.Step { host = hst; return blank })
	return h, host, blank
}

func TestEveryIntentMakesANewSnapshotAndShowsWhatTheStoreHolds(t *testing.T) {
	text := func(s string) *string { return &s }
	tests := []struct {
		name   string
		intent func(a *assessment.Assessment, h *uitest.Harness) steps.Intent
		shown  func(a *assessment.Assessment) bool // the new snapshot shows the stored record
	}{
		{"a judgement", func(a *assessment.Assessment, h *uitest.Harness) steps.Intent {
			item, _ := h.Cat.Item("4.1")
			return steps.Judge{Item: item, Judgement: assessment.Judgement{Finding: text("new finding")}}
		}, func(a *assessment.Assessment) bool { return a.Results["4.1"].Finding == "new finding" }},
		{"an edited AI system", func(a *assessment.Assessment, _ *uitest.Harness) steps.Intent {
			next := a.Systems[0]
			next.Name = "Renamed"
			return steps.PutSystem{Base: &a.Systems[0], Next: next}
		}, func(a *assessment.Assessment) bool { return a.Systems[0].Name == "Renamed" }},
		{"a new AI system gets the store's number", func(*assessment.Assessment, *uitest.Harness) steps.Intent {
			return steps.PutSystem{Next: assessment.AISystem{Name: "New bot"}}
		}, func(a *assessment.Assessment) bool {
			last := a.Systems[len(a.Systems)-1]
			return last.Name == "New bot" && last.ID > 0
		}},
		{"a deleted AI system", func(a *assessment.Assessment, _ *uitest.Harness) steps.Intent {
			return steps.DeleteSystem{System: a.Systems[0]}
		}, func(a *assessment.Assessment) bool { return a.Systems[0].Name != "Renamed" }},
		{"an imported inventory", func(a *assessment.Assessment, _ *uitest.Harness) steps.Intent {
			changed := a.Systems[1]
			changed.Owner = "Imported owner"
			plan := assessment.InventoryPlan{New: []assessment.AISystem{{Name: "Imported"}},
				Changed: []assessment.SystemUpdate{{Stored: a.Systems[1], Next: changed, Fields: []string{"owner"}}}, Missing: a.Systems[2:3]}
			return steps.ImportInventory{Plan: plan, DeleteMissing: true, From: "x.csv"}
		}, func(a *assessment.Assessment) bool {
			last := a.Systems[len(a.Systems)-1]
			return last.Name == "Imported" && last.ID > 0 && a.Systems[1].Owner == "Imported owner" && len(a.Systems) == 12
		}},
		{"a new risk gets the store's number", func(*assessment.Assessment, *uitest.Harness) steps.Intent {
			return steps.PutRisk{Next: assessment.Risk{Title: "New risk", Likelihood: 2, Impact: 2}}
		}, func(a *assessment.Assessment) bool {
			last := a.Risks[len(a.Risks)-1]
			return last.Title == "New risk" && last.ID > 0
		}},
		{"an edited nonconformity", func(a *assessment.Assessment, _ *uitest.Harness) steps.Intent {
			next := a.NCs[0]
			next.Owner = "Bea"
			return steps.PutNC{Base: &a.NCs[0], Next: next}
		}, func(a *assessment.Assessment) bool { return a.NCs[0].Owner == "Bea" }},
		{"a KPI reading", func(*assessment.Assessment, *uitest.Harness) steps.Intent {
			return steps.PutKPI{ID: "kpi-x", Next: assessment.KPIValue{Value: "7"}}
		}, func(a *assessment.Assessment) bool { return a.KPIValues["kpi-x"].Value == "7" }},
		{"a role holder", func(a *assessment.Assessment, _ *uitest.Harness) steps.Intent {
			return steps.PutRole{Next: assessment.RoleHolder{RoleID: "role-x", Name: "Cy"}}
		}, func(a *assessment.Assessment) bool {
			return slices.ContainsFunc(a.RoleHolders, func(r assessment.RoleHolder) bool { return r.RoleID == "role-x" && r.Name == "Cy" })
		}},
		{"the assessment details", func(a *assessment.Assessment, _ *uitest.Harness) steps.Intent {
			next := *a
			next.Title = "Renamed assessment"
			return steps.PutHeader{Base: a, Next: &next}
		}, func(a *assessment.Assessment) bool {
			return a.Title == "Renamed assessment" && len(a.Systems) > 0 && len(a.Audits) > 0 && len(a.Interviews) > 0
		}},
		{"an evidence request's move", func(*assessment.Assessment, *uitest.Harness) steps.Intent {
			return steps.UpdateRequest{ID: "EV-GOV-05", Change: assessment.RequestChange{State: assessment.NotAvailable, Note: text("never written")}}
		}, func(a *assessment.Assessment) bool {
			r := a.Requests["EV-GOV-05"]
			return r.State == assessment.NotAvailable && r.Note == "never written" && !r.Unavailable.IsZero()
		}},
		{"a new internal audit gets the store's number", func(*assessment.Assessment, *uitest.Harness) steps.Intent {
			return steps.PutRecord{Next: &assessment.InternalAudit{Title: "New audit", Planned: uitest.Day, Items: []string{"9.2"}}}
		}, func(a *assessment.Assessment) bool {
			last := a.Audits[len(a.Audits)-1]
			return last.Title == "New audit" && last.Number > 0
		}},
		{"an edited supplier", func(a *assessment.Assessment, _ *uitest.Harness) steps.Intent {
			next := a.Suppliers[0]
			next.Note = "re-checked"
			return steps.PutRecord{Base: &a.Suppliers[0], Next: &next}
		}, func(a *assessment.Assessment) bool { return a.Suppliers[0].Note == "re-checked" }},
		{"a deleted training record", func(a *assessment.Assessment, _ *uitest.Harness) steps.Intent {
			return steps.DeleteRecord{Entry: &assessment.TrainingRecord{Number: 1}}
		}, func(a *assessment.Assessment) bool {
			return !slices.ContainsFunc(a.Training, func(x assessment.TrainingRecord) bool { return x.Number == 1 })
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, host, blank := openWith(t)
			before := h.Work.Assessment()
			untouched := before.Clone()
			h.Run(host.Apply(tt.intent(before, h)))
			if !reflect.DeepEqual(before, untouched) {
				t.Fatal("the intent changed the snapshot steps were reading")
			}
			if !tt.shown(h.Work.Assessment()) {
				t.Error("the screen does not show the record as stored")
			}
			if !tt.shown(h.Stored()) {
				t.Error("the store does not hold the record")
			}
			saved, ok := blank.Got[len(blank.Got)-1].(steps.Saved)
			if !ok || saved.Err != nil {
				t.Errorf("the step that asked heard %v", blank.Got[len(blank.Got)-1])
			}
		})
	}
}

func TestARefusedJudgementChangesNothing(t *testing.T) {
	h, host, _ := openWith(t)
	clause, _ := h.Cat.Item("4.1")
	na := assessment.NotApplicable
	before := h.Work.Assessment()
	h.Run(host.Apply(steps.Judge{Item: clause, Judgement: assessment.Judgement{Status: &na}}))
	if h.Work.Assessment() != before || h.Work.Pending() != 0 {
		t.Fatal("a judgement the rules refuse changed the snapshot or was queued")
	}
	h.Contains("cannot be marked not applicable")
}

func TestAnInterviewCitedAsEvidenceIsNotDeleted(t *testing.T) {
	h, host, _ := openWith(t)
	before := h.Work.Assessment()
	cited := 0
	for _, iv := range before.Interviews {
		if len(before.InterviewCitations(iv.Number)) > 0 {
			cited = iv.Number
			break
		}
	}
	if cited == 0 {
		t.Fatal("the demo cites no interview as evidence")
	}
	h.Run(host.Apply(steps.DeleteRecord{Entry: &assessment.Interview{Number: cited}}))
	if h.Work.Assessment() != before || h.Work.Pending() != 0 {
		t.Fatal("the delete of a cited interview changed the snapshot or was queued")
	}
	if _, ok := h.Stored().InterviewByNumber(cited); !ok {
		t.Fatal("the cited interview was deleted")
	}
	h.Contains("is cited as evidence for")
}

// rater is a blank step that rates with the number row, as gaps and maturity do.
type rater struct{ uitest.Blank }

func (*rater) UsesDigits() bool { return true }

func TestZeroShowsTheTenthStepExceptWhereDigitsRate(t *testing.T) {
	h := uitest.New(t).Open(steps.Scoping, func(steps.Host) steps.Step { return &uitest.Blank{} })
	h.Keys("0")
	if h.Work.Active() != steps.Report {
		t.Fatalf("0 showed step %d, not the report", h.Work.Active())
	}
	h.Keys("8")
	if h.Work.Active() != steps.Records {
		t.Fatalf("8 showed step %d, not the records", h.Work.Active())
	}

	r := &rater{}
	h = uitest.New(t).Open(steps.Maturity, func(steps.Host) steps.Step { return r })
	h.Keys("0")
	if h.Work.Active() != steps.Maturity || len(r.Got) == 0 {
		t.Fatal("0 left the rating step instead of reaching it")
	}
	h.Keys("alt+0")
	if h.Work.Active() != steps.Report {
		t.Fatalf("alt+0 showed step %d, not the report", h.Work.Active())
	}
	h.Work.Show(steps.Maturity)
	h.Keys("9")
	if h.Work.Active() != steps.Readiness {
		t.Fatalf("9 on a rating step showed step %d, not readiness", h.Work.Active())
	}
}
