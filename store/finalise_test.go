package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
)

var day0 = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

// complete judges every item of the assessment (controls excluded with a reason) and names
// the assessor, so that it may be finalised.
func complete(t *testing.T, s *Store, id string) {
	t.Helper()
	cat := catalogue(t)
	for _, item := range cat.Assessable() {
		j := assessment.Judgement{Status: ptr(assessment.Conformant), Maturity: ptr(3)}
		if item.IsControl() {
			j = assessment.Judgement{Status: ptr(assessment.NotApplicable), Maturity: ptr(3), Decision: ptr(assessment.Excluded),
				Justification: ptr("No AI system of the client needs this control")}
		}
		if _, err := s.SaveJudgement(id, item, j); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	a.Assessor = "Ana Lima"
	if _, err := s.SaveHeader(nil, a); err != nil {
		t.Fatal(err)
	}
}

// finalise completes the assessment and finalises it.
func finalise(t *testing.T, s *Store, id string) *assessment.Assessment {
	t.Helper()
	complete(t, s, id)
	a, err := s.Finalise(catalogue(t), id, assessment.SignOff{By: "Ana Lima", Role: "Lead assessor", Date: day0, Key: "ab12"}, day0)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestFinaliseIsRefusedWithEveryReason(t *testing.T) {
	s := openTemp(t)
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Finalise(catalogue(t), id, assessment.SignOff{Date: day0}, day0)
	var refused *FinaliseRefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("an incomplete assessment was finalised: %v", err)
	}
	want := []string{"the assessment is not complete (1 of 70 items assessed)", "no assessor is named", "no one is named to sign it off"}
	if strings.Join(refused.Reasons, "|") != strings.Join(want, "|") {
		t.Errorf("reasons %q, want %q", refused.Reasons, want)
	}
	if first, _, _ := strings.Cut(err.Error(), "\n"); !strings.HasSuffix(first, "finalise it again:") || strings.Count(err.Error(), "\n  - ") != 3 {
		t.Errorf("the refusal should be a sentence, then one line per reason: %q", err)
	}
	if a, _ := s.Load(id); a.Finalised() {
		t.Error("a refused finalisation recorded a sign-off")
	}
}

func TestAFinalisedAssessmentRefusesEveryEdit(t *testing.T) {
	s := openTemp(t)
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReceiveProposals(id, []assessment.Proposal{{ItemID: "5.2", Answer: "We have a policy"}}); err != nil {
		t.Fatal(err)
	}
	a := finalise(t, s, id)
	if a.ReportVersion != "1.0" || !a.Finalised() {
		t.Errorf("finalised with version %q, finalised %v; want 1.0 and true", a.ReportVersion, a.Finalised())
	}
	item, _ := catalogue(t).Item("4.1")
	proposed, _ := catalogue(t).Item("5.2")
	edits := []struct {
		name string
		edit func() error
	}{
		{"assess", func() error { _, err := s.SaveJudgement(id, item, assessment.Judgement{Maturity: ptr(4)}); return err }},
		{"assess with the same values", func() error { _, err := s.SaveJudgement(id, item, assessment.Judgement{Maturity: ptr(3)}); return err }},
		{"the details", func() error { h := *a; h.Title = "x"; _, err := s.SaveHeader(nil, &h); return err }},
		{"an AI system", func() error { _, err := s.SaveSystem(id, nil, assessment.AISystem{Name: "x"}); return err }},
		{"an inventory import", func() error {
			_, err := s.ImportInventory(id, assessment.InventoryPlan{New: []assessment.AISystem{{Name: "x"}}}, false)
			return err
		}},
		{"deleting an AI system", func() error { return s.DeleteSystem(id, 1) }},
		{"a risk", func() error { _, err := s.SaveRisk(id, nil, assessment.Risk{Title: "x"}); return err }},
		{"deleting a risk", func() error { return s.DeleteRisk(id, 1) }},
		{"a control test", func() error { _, err := s.SaveTest(id, nil, assessment.ControlTest{ControlID: "A.6.2.4"}); return err }},
		{"a nonconformity", func() error { _, err := s.SaveNC(id, nil, assessment.Nonconformity{ItemID: "4.1"}); return err }},
		{"an evidence request", func() error {
			_, err := s.UpdateRequest(id, "EV-GOV-02", assessment.RequestChange{State: assessment.Requested}, day0)
			return err
		}},
		{"a KPI reading", func() error { _, err := s.SetKPI(id, "KPI-04", nil, assessment.KPIValue{Value: "1"}); return err }},
		{"a role holder", func() error { _, err := s.SaveRoleHolder(id, nil, assessment.RoleHolder{RoleID: "ciso"}); return err }},
		{"receiving proposals", func() error {
			_, err := s.ReceiveProposals(id, []assessment.Proposal{{ItemID: "4.1", Answer: "x"}})
			return err
		}},
		{"accepting a proposal", func() error { _, err := s.AcceptProposal(id, proposed, false); return err }},
		{"rejecting a proposal", func() error { return s.RejectProposal(id, "5.2", "") }},
		{"deleting the assessment", func() error { return s.Delete(id) }},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			err := e.edit()
			if !errors.Is(err, ErrFinalised) {
				t.Fatalf("got %v, want the edit refused", err)
			}
			want := "assessment " + id + " is finalised (signed off by Ana Lima, Lead assessor, on 2026-12-02); reopen it with 'aimsbench reopen " + id + " --reason …' to change it"
			if err.Error() != want && !strings.HasSuffix(err.Error(), ": "+want) {
				t.Errorf("refusal %q, want %q", err, want)
			}
		})
	}
	if b, _ := s.Load(id); b.Title != a.Title || len(b.Systems) != len(a.Systems) {
		t.Error("a refused edit changed the assessment")
	}
	if _, err := s.Create(sample()); err != nil {
		t.Errorf("a new assessment (copy, import) beside a finalised one: %v", err)
	}
}

func TestReopenNeedsAReasonAndStartsTheNextVersion(t *testing.T) {
	s := openTemp(t)
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	finalise(t, s, id)
	if _, err := s.Reopen(id, "tbd"); err == nil || !strings.Contains(err.Error(), "placeholder") {
		t.Errorf("reopening without a reason: %v", err)
	}
	reason := "The client sent the signed AI policy after the report was issued"
	a, err := s.Reopen(id, reason)
	if err != nil {
		t.Fatal(err)
	}
	if a.Finalised() || a.ReportVersion != "1.1" {
		t.Errorf("reopened: finalised %v, version %q; want false and 1.1", a.Finalised(), a.ReportVersion)
	}
	var old, why string
	if err := s.db.QueryRow("SELECT old, new FROM audit WHERE assessment_id = ? AND field = ?", id, fieldReopened).Scan(&old, &why); err != nil || why != reason || !strings.Contains(old, "Ana Lima") {
		t.Errorf("the audit trail records the reopening as %q, %q (%v)", old, why, err)
	}
	item, _ := catalogue(t).Item("4.1")
	if _, err := s.SaveJudgement(id, item, assessment.Judgement{Maturity: ptr(4)}); err != nil {
		t.Errorf("a reopened assessment refuses an edit: %v", err)
	}
	if _, err := s.Reopen(id, reason); err == nil || !strings.Contains(err.Error(), "is not finalised") {
		t.Errorf("reopening an open assessment: %v", err)
	}
	again, err := s.Finalise(catalogue(t), id, assessment.SignOff{By: "Ana Lima", Date: day0}, day0)
	if err != nil || again.ReportVersion != "1.1" {
		t.Errorf("finalising again: version %q (%v), want 1.1 issued", again.ReportVersion, err)
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify after finalise and reopen: %+v %v", rep, err)
	}
}

func TestOnlyFinaliseRecordsASignOff(t *testing.T) {
	s := openTemp(t)
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Load(id)
	a.SignOff = assessment.SignOff{By: "Someone", Date: day0}
	if _, err := s.SaveHeader(nil, a); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.Load(id); b.Finalised() {
		t.Error("saving the details recorded a sign-off, finalising an incomplete assessment")
	}
}

func TestABundleOfAFinalisedAssessmentImportsFinalised(t *testing.T) {
	s := openTemp(t)
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	a := finalise(t, s, id)
	o, err := s.Origin(id)
	if err != nil {
		t.Fatal(err)
	}
	copyID, err := s.Import(a, o)
	if err != nil {
		t.Fatalf("importing a finalised assessment's bundle: %v", err)
	}
	c, _ := s.Load(copyID)
	if !c.Finalised() || c.SignOff != a.SignOff {
		t.Errorf("the imported copy's sign-off is %+v, want %+v", c.SignOff, a.SignOff)
	}
}
