package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
)

var registerDay = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// The store numbers each register's entries after the highest number it ever gave, never
// reusing a deleted one, and every save and delete leaves an audited, verifiable trail.
func TestRegisterEntriesAreNumberedAndNeverReused(t *testing.T) {
	s := openTemp(t)
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	type register struct {
		name   string
		save   func() (int, error)
		delete func(n int) error
	}
	registers := []register{
		{"internal audits", func() (int, error) {
			x, err := s.SaveAudit(id, nil, assessment.InternalAudit{Title: "Clause 8", Planned: registerDay, Items: []string{"8"}})
			return x.Number, err
		}, func(n int) error { return s.DeleteAudit(id, n) }},
		{"management reviews", func() (int, error) {
			x, err := s.SaveReview(id, nil, assessment.ManagementReview{Date: registerDay, Inputs: []string{"MRI-A"}})
			return x.Number, err
		}, func(n int) error { return s.DeleteReview(id, n) }},
		{"suppliers", func() (int, error) {
			x, err := s.SaveSupplier(id, nil, assessment.Supplier{Name: "Łódź Analytics", Systems: []int64{1}})
			return x.Number, err
		}, func(n int) error { return s.DeleteSupplier(id, n) }},
		{"training records", func() (int, error) {
			x, err := s.SaveTraining(id, nil, assessment.TrainingRecord{Group: "Handlers", Training: "Triage", Due: 5, Completed: 2, Date: registerDay})
			return x.Number, err
		}, func(n int) error { return s.DeleteTraining(id, n) }},
		{"AI incidents", func() (int, error) {
			x, err := s.SaveIncident(id, nil, assessment.Incident{Title: "Wrong route", SystemID: 1, Detected: registerDay})
			return x.Number, err
		}, func(n int) error { return s.DeleteIncident(id, n) }},
		{"interviews", func() (int, error) {
			x, err := s.SaveInterview(id, nil, assessment.Interview{Name: "Zoë", Date: registerDay, Items: []string{"5.2"}})
			return x.Number, err
		}, func(n int) error { return s.DeleteInterview(id, n) }},
	}
	for _, r := range registers {
		t.Run(r.name, func(t *testing.T) {
			var got []int
			for range 2 {
				n, err := r.save()
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, n)
			}
			if err := r.delete(2); err != nil {
				t.Fatal(err)
			}
			n, err := r.save()
			if err != nil {
				t.Fatal(err)
			}
			if got = append(got, n); !reflect.DeepEqual(got, []int{1, 2, 3}) {
				t.Errorf("numbers %v, want 1, 2, then 3 after deleting 2", got)
			}
		})
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]int{"audits": len(a.Audits), "reviews": len(a.Reviews), "suppliers": len(a.Suppliers),
		"training": len(a.Training), "incidents": len(a.Incidents), "interviews": len(a.Interviews)} {
		if n != 2 {
			t.Errorf("%d %s loaded, want 2", n, name)
		}
	}
	if a.Audits[0].Number != 1 || a.Audits[1].Number != 3 {
		t.Errorf("audits loaded as %d, %d; want 1, 3 in order", a.Audits[0].Number, a.Audits[1].Number)
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify: %+v %v", rep, err)
	}
}

// A refused entry changes nothing and the refusal is the rule's own sentence; an edit keeps
// the entry's number.
func TestRegisterSavesRefuseAndEdit(t *testing.T) {
	s := openTemp(t)
	id, _ := s.Create(sample())
	before := auditCount(t, s)
	_, err := s.SaveIncident(id, nil, assessment.Incident{Title: "Late", Detected: registerDay, Resolved: registerDay.AddDate(0, 0, -1)})
	if err == nil || !strings.Contains(err.Error(), "was resolved on 2026-11-19, before it was detected on 2026-11-20") {
		t.Errorf("err = %v, want the dates refused", err)
	}
	if auditCount(t, s) != before {
		t.Error("a refused entry wrote to the database")
	}
	saved, err := s.SaveTraining(id, nil, assessment.TrainingRecord{Group: "Handlers", Training: "Triage", Due: 5, Completed: 2, Date: registerDay})
	if err != nil {
		t.Fatal(err)
	}
	edited := saved
	edited.Completed = 5
	if got, err := s.SaveTraining(id, &saved, edited); err != nil || got.Number != saved.Number || got.Completed != 5 {
		t.Errorf("edit gave %+v, %v", got, err)
	}
	a, _ := s.Load(id)
	if len(a.Training) != 1 || a.Training[0].Completed != 5 {
		t.Errorf("training after the edit: %+v", a.Training)
	}
	if _, err := s.SaveAudit("nosuch", nil, assessment.InternalAudit{Title: "X", Planned: registerDay, Items: []string{"8"}}); err == nil {
		t.Error("an entry was saved into an assessment that does not exist")
	}
}

// Evidence may cite an interview of the log; the judgement is refused when the interview is
// not in the log, and the interview cannot be deleted while evidence cites it.
func TestInterviewCitationsInTheStore(t *testing.T) {
	cat := catalogue(t)
	s := openTemp(t)
	id, _ := s.Create(sample())
	item, _ := cat.Item("5.2")
	ghost := assessment.InterviewEvidence(assessment.Interview{Number: 7, Name: "Nobody", Date: registerDay}, registerDay)
	if _, err := s.SaveJudgement(id, item, assessment.Judgement{AddEvidence: []assessment.Evidence{ghost}}); err == nil ||
		!strings.Contains(err.Error(), "cites interview INT-07, which is not in the interview log") {
		t.Errorf("citing a missing interview: %v", err)
	}
	iv, err := s.SaveInterview(id, nil, assessment.Interview{Name: "Helena Marsh", Role: "COO", Date: registerDay, Items: []string{"5.2"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveJudgement(id, item, assessment.Judgement{AddEvidence: []assessment.Evidence{assessment.InterviewEvidence(iv, registerDay)}}); err != nil {
		t.Fatalf("citing the interview: %v", err)
	}
	if err := s.DeleteInterview(id, iv.Number); err == nil || !strings.Contains(err.Error(), "cited as evidence for 5.2") {
		t.Errorf("deleting a cited interview: %v", err)
	}
	a, _ := s.Load(id)
	if len(a.Interviews) != 1 || a.Results["5.2"].Evidence[0].Interview != iv.Number {
		t.Errorf("interviews %+v, evidence %+v", a.Interviews, a.Results["5.2"].Evidence)
	}
}

// Both demos, with every register filled, come back from the database exactly as built.
func TestDemosRoundTripWithTheirRegisters(t *testing.T) {
	cat := catalogue(t)
	for _, size := range []assessment.DemoSize{assessment.DemoStandard, assessment.DemoLarge} {
		t.Run(string(size), func(t *testing.T) {
			s := openTemp(t)
			a, err := assessment.Demo(cat, size, registerDay)
			if err != nil {
				t.Fatal(err)
			}
			id, err := s.Create(a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			for name, pair := range map[string][2]any{
				"internal audits": {got.Audits, a.Audits}, "management reviews": {got.Reviews, a.Reviews},
				"suppliers": {got.Suppliers, a.Suppliers}, "training": {got.Training, a.Training},
				"incidents": {got.Incidents, a.Incidents}, "interviews": {got.Interviews, a.Interviews},
				"inventory": {got.Systems, a.Systems},
			} {
				if !reflect.DeepEqual(pair[0], pair[1]) {
					t.Errorf("%s changed on the way through the database", name)
				}
			}
		})
	}
}

// A register entry is edited field by field like every record: two writers who change
// different fields both keep their change; the same field changed differently is refused with
// a conflict that shows both values, and the stored entry keeps the first writer's.
func TestRegisterEditsOfTwoWritersMerge(t *testing.T) {
	s := openTemp(t)
	id, _ := s.Create(sample())
	saved, err := s.SaveAudit(id, nil, assessment.InternalAudit{Title: "Risk process", Planned: registerDay, Auditor: "Ana", Items: []string{"6.1.2"}})
	if err != nil {
		t.Fatal(err)
	}
	theirs := saved
	theirs.Auditor = "Bea"
	if _, err := s.SaveAudit(id, &saved, theirs); err != nil {
		t.Fatal(err)
	}
	mine := saved
	mine.Conclusion = "Process defined, records partial"
	got, err := s.SaveAudit(id, &saved, mine)
	if err != nil || got.Auditor != "Bea" || got.Conclusion != mine.Conclusion {
		t.Fatalf("different fields: %+v, %v; want Bea's auditor and my conclusion", got, err)
	}
	clash := saved
	clash.Auditor = "Cem"
	_, err = s.SaveAudit(id, &saved, clash)
	var conflict *ConflictError
	if !errors.As(err, &conflict) || !strings.Contains(err.Error(), "Bea") || !strings.Contains(err.Error(), "Cem") {
		t.Fatalf("the same field changed differently: %v; want a conflict naming both values", err)
	}
	a, _ := s.Load(id)
	if a.Audits[0].Auditor != "Bea" {
		t.Errorf("after the refused edit the auditor is %q", a.Audits[0].Auditor)
	}
}
