package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"aimsbench/assessment"
)

// answers are what an import of a filled questionnaire hands the store.
func answers(text map[string]string) []assessment.Proposal {
	var out []assessment.Proposal
	for _, item := range []string{"4.1", "5.2", "A.5.4"} {
		if t, ok := text[item]; ok {
			out = append(out, assessment.Proposal{ItemID: item, Answer: t, Reference: "DOC-" + item, Contact: "Jane Roe",
				Source: assessment.ProposalSource{File: "answers.xlsx", Sheet: "sheet of " + item, Row: 2}})
		}
	}
	return out
}

func outcomes(rs []assessment.ProposalReceipt) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ItemID+" "+string(r.Outcome))
	}
	return strings.Join(out, ", ")
}

func TestProposalsAreReceivedOnceAndDecidedOneByOne(t *testing.T) {
	s := openTemp(t)
	cat := catalogue(t)
	day := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return day })
	id, err := s.Create(sample())
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Load(id)
	first := map[string]string{"4.1": "We review context twice a year.", "5.2": "Approved in March.", "A.5.4": "See the AIA method."}
	got, err := s.ReceiveProposals(id, answers(first))
	if err != nil || outcomes(got) != "4.1 added, 5.2 added, A.5.4 added" {
		t.Fatalf("first import: %s, %v", outcomes(got), err)
	}
	got, _ = s.ReceiveProposals(id, answers(first))
	if outcomes(got) != "4.1 unchanged, 5.2 unchanged, A.5.4 unchanged" {
		t.Errorf("the same workbook again: %s", outcomes(got))
	}
	got, _ = s.ReceiveProposals(id, answers(map[string]string{"5.2": "Approved in March; published in April."}))
	if outcomes(got) != "5.2 replaced" {
		t.Errorf("a newer answer: %s", outcomes(got))
	}
	ps, _ := s.Proposals(id)
	if len(ps) != 3 || ps[1].Answer != "Approved in March; published in April." || ps[0].ImportedBy != s.actor || !ps[0].ImportedAt.Equal(day) || ps[0].State != assessment.ProposalPending {
		t.Fatalf("proposals %+v", ps)
	}
	if after, _ := s.Load(id); !reflect.DeepEqual(before.Results, after.Results) {
		t.Error("receiving proposals changed the assessment's results")
	}

	item41, _ := cat.Item("4.1")
	r, err := s.AcceptProposal(id, item41, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RejectProposal(id, "5.2", "The minutes say otherwise."); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Load(id)
	res := a.Results["4.1"]
	added := res.Evidence[len(res.Evidence)-1]
	if !reflect.DeepEqual(res, r) || res.Status != assessment.Conformant || res.Maturity != 3 || len(res.Evidence) != 2 ||
		added.Kind != assessment.EvidenceQuestionnaire || added.Reference != "DOC-4.1" || !strings.Contains(res.Finding, "We review context twice a year.") {
		t.Errorf("4.1 after accepting: %+v", res)
	}
	if _, ok := a.Results["5.2"]; ok {
		t.Error("rejecting 5.2 wrote a judgement")
	}
	ps, _ = s.Proposals(id)
	if ps[0].State != assessment.ProposalAccepted || !ps[0].ToFinding || ps[1].State != assessment.ProposalRejected || ps[1].Reason != "The minutes say otherwise." || ps[2].State != assessment.ProposalPending {
		t.Errorf("after deciding: %+v", ps)
	}

	got, _ = s.ReceiveProposals(id, answers(first))
	if outcomes(got) != "4.1 already_accepted, 5.2 added, A.5.4 unchanged" {
		t.Errorf("the first workbook again after deciding: %s", outcomes(got))
	}
	if _, err := s.AcceptProposal(id, item41, false); err == nil || !strings.Contains(err.Error(), "already accepted") {
		t.Errorf("accepting twice: %v", err)
	}
	if a2, _ := s.Load(id); len(a2.Results["4.1"].Evidence) != 2 {
		t.Error("a refused second acceptance added evidence")
	}
	item62, _ := cat.Item("6.2")
	if _, err := s.AcceptProposal(id, item62, false); !errors.Is(err, ErrNoProposal) {
		t.Errorf("accepting an item the client did not answer: %v", err)
	}
	var audited int
	s.db.QueryRow("SELECT COUNT(*) FROM audit WHERE assessment_id = ? AND kind = ?", id, kindProposal).Scan(&audited)
	if audited < 6 {
		t.Errorf("%d audit rows for proposals, want every receipt and decision audited", audited)
	}
	if rep, err := s.Verify(); err != nil || !rep.OK {
		t.Errorf("verify after proposals: %+v, %v", rep, err)
	}
}

func TestProposalsOfAnUnknownAssessment(t *testing.T) {
	s := openTemp(t)
	if _, err := s.ReceiveProposals("nope", answers(map[string]string{"4.1": "x"})); !errors.Is(err, ErrNotFound) {
		t.Errorf("receive: %v", err)
	}
	if _, err := s.Proposals("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("list: %v", err)
	}
	if err := s.RejectProposal("nope", "4.1", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("reject: %v", err)
	}
}

func TestDeletingAnAssessmentDeletesItsProposals(t *testing.T) {
	s := openTemp(t)
	id, _ := s.Create(sample())
	if _, err := s.ReceiveProposals(id, answers(map[string]string{"4.1": "x"})); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	var left int
	s.db.QueryRow("SELECT COUNT(*) FROM records WHERE kind = ?", kindProposal).Scan(&left)
	if left != 0 {
		t.Errorf("%d proposals left after deleting the assessment", left)
	}
}
