package gaps

import (
	"strings"
	"testing"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// withAnswers opens the gap analysis after the client's questionnaire answered 7.4 and
// A.2.2, and selects 7.4.
func withAnswers(t *testing.T) *uitest.Harness {
	t.Helper()
	h := uitest.New(t)
	src := assessment.ProposalSource{File: "northwind-questionnaire.xlsx", Sheet: "Clauses", Row: 31}
	_, err := h.Store.ReceiveProposals(h.ID, []assessment.Proposal{
		{ItemID: "7.4", Answer: "We publish an AI communication plan every quarter.", Reference: "COM-PLAN-2026 v2", Contact: "Dana Okafor", Source: src},
		{ItemID: "A.2.2", Answer: "See the AI policy.", Contact: "Helena Marsh", Source: src},
	})
	if err != nil {
		t.Fatal(err)
	}
	h.Open(steps.GapAnalysis, func(host steps.Host) steps.Step { return New(host, h.Store) })
	h.Send(steps.JumpTo{Step: steps.GapAnalysis, Item: "7.4"})
	return h
}

// answer is the stored answer of the client on an item.
func answer(t *testing.T, h *uitest.Harness, itemID string) assessment.Proposal {
	t.Helper()
	ps, err := h.Store.Proposals(h.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.ItemID == itemID {
			return p
		}
	}
	t.Fatalf("no answer on %s", itemID)
	return assessment.Proposal{}
}

func TestAnsweredItemsAreMarkedAndFilteredWithTheAnswerInTheDetail(t *testing.T) {
	h := withAnswers(t)
	h.Contains("7.4      ·    ·  ✉ proposal Communication", "We publish an AI communication plan every quarter.",
		"Documents: COM-PLAN-2026 v2", "Contact: Dana Okafor", "From northwind-questionnaire.xlsx, sheet Clauses row 31")
	for range 4 {
		h.Press("cycle filter")
	}
	h.Contains("Filter: proposals · 2 shown")
	var shown []string
	for _, it := range selectedItem(h).rows {
		if it.Assessable() {
			shown = append(shown, it.ID)
		}
	}
	if strings.Join(shown, " ") != "7.4 A.2.2" {
		t.Errorf("the proposals filter shows %q", shown)
	}
	h.Press("search")
	h.Keys("text:COM-PLAN")
	h.Contains("7.4      ·    ·  ✉ proposal answer: …COM-PLAN-2026 v2")
}

func TestAcceptingAnAnswerRecordsItAndJudgesNothing(t *testing.T) {
	tests := []struct {
		press     string
		inFinding bool
	}{
		{"accept answer as evidence", false},
		{"accept answer into finding too", true},
	}
	for _, tt := range tests {
		t.Run(tt.press, func(t *testing.T) {
			h := withAnswers(t)
			before := *h.Stored().Result(mustItem(t, h, "7.4"))
			h.Press(tt.press)
			h.Contains("The client's answer on 7.4 is now evidence", "still yours to set", "Client's questionnaire answer accepted on 2026-11-26")
			if strings.Contains(h.Screen(), "✉ proposal Communication") {
				t.Error("7.4 is still marked as waiting for a decision")
			}
			r := h.Stored().Result(mustItem(t, h, "7.4"))
			if r.Status != before.Status || r.Maturity != before.Maturity {
				t.Errorf("accepting judged 7.4: %s %d, was %s %d", r.Status, r.Maturity, before.Status, before.Maturity)
			}
			if n := len(r.Evidence); n != len(before.Evidence)+1 || r.Evidence[n-1].Kind != assessment.EvidenceQuestionnaire {
				t.Errorf("evidence after accepting: %+v", r.Evidence)
			}
			if got := strings.Contains(r.Finding, "communication plan every quarter"); got != tt.inFinding {
				t.Errorf("finding %q quotes the answer: %v, want %v", r.Finding, got, tt.inFinding)
			}
			if got := h.Work.Assessment().Results["7.4"]; len(got.Evidence) != len(r.Evidence) {
				t.Errorf("the screen shows %d evidence items, the store %d", len(got.Evidence), len(r.Evidence))
			}
			if p := answer(t, h, "7.4"); p.State != assessment.ProposalAccepted {
				t.Errorf("answer %s", p.State)
			}
		})
	}
}

func TestRejectingAnAnswerNeedsAReasonAndChangesNothingElse(t *testing.T) {
	h := withAnswers(t)
	before := *h.Stored().Result(mustItem(t, h, "7.4"))
	h.Press("reject answer")
	h.Keys("enter")
	h.Contains("give the reason for rejecting the answer")
	if p := answer(t, h, "7.4"); p.State != assessment.ProposalPending {
		t.Fatalf("rejected without a reason: %s", p.State)
	}
	h.Keys("text:The plan named is a draft", "enter")
	h.Contains("rejected; nothing else changed", "rejected on 2026-11-26: The plan named")
	p := answer(t, h, "7.4")
	if p.State != assessment.ProposalRejected || p.Reason != "The plan named is a draft" {
		t.Errorf("answer %s %q", p.State, p.Reason)
	}
	if r := h.Stored().Result(mustItem(t, h, "7.4")); r.Status != before.Status || len(r.Evidence) != len(before.Evidence) || r.Finding != before.Finding {
		t.Errorf("rejecting changed 7.4: %+v", r)
	}
	h.Press("cycle filter")
	h.Keys("f", "f", "f")
	h.Contains("Filter: proposals · 1 shown")
}

func TestAnAnswerIsReadAfterAReload(t *testing.T) {
	h := withAnswers(t)
	if _, err := h.Store.AcceptProposal(h.ID, mustItem(t, h, "A.2.2"), false); err != nil {
		t.Fatal(err)
	}
	h.Keys("ctrl+r")
	h.Send(steps.JumpTo{Step: steps.GapAnalysis, Item: "A.2.2"})
	h.Contains("Client's questionnaire answer accepted")
}

func mustItem(t *testing.T, h *uitest.Harness, id string) checklists.Item {
	t.Helper()
	it, ok := h.Cat.Item(id)
	if !ok {
		t.Fatalf("no item %s", id)
	}
	return it
}

func TestAnAnswerDecidedElsewhereIsShownAsStoredWhenAcceptingFails(t *testing.T) {
	h := withAnswers(t)
	if err := h.Store.RejectProposal(h.ID, "7.4", "decided on the command line"); err != nil {
		t.Fatal(err)
	}
	h.Press("accept answer as evidence")
	h.Contains("Not saved", "already rejected", "rejected on 2026-11-26: decided on the")
	if n := len(h.Stored().Result(mustItem(t, h, "7.4")).Evidence); n != 0 {
		t.Errorf("7.4 has %d evidence items after a refused accept", n)
	}
}
