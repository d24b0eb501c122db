package assessment

import (
	"strings"
	"testing"

	"aimsbench/checklists"
)

// clientAnswer is a pending proposal as an import leaves it.
func clientAnswer(answer string) Proposal {
	return Proposal{ItemID: "5.2", Answer: answer, Reference: "POL-AI-002 v2.1", Contact: "Jane Roe, CISO",
		Source: ProposalSource{File: "answers.xlsx", Sheet: "5 Leadership", Row: 3}, ImportedBy: "alice", ImportedAt: daysBefore(2), State: ProposalPending}
}

func decided(p Proposal, s ProposalState) *Proposal {
	p.State, p.DecidedBy, p.DecidedAt = s, "alice", daysBefore(1)
	return &p
}

func TestReceive(t *testing.T) {
	pending := clientAnswer("The board approved the AI policy.")
	tests := []struct {
		name        string
		current     *Proposal
		incoming    Proposal
		wantOutcome ProposalOutcome
		wantStored  bool
	}{
		{"an answer to an item without a proposal is added", nil, pending, ProposalAdded, true},
		{"a different answer replaces the pending one", &pending, clientAnswer("Approved in March."), ProposalReplaced, true},
		{"a changed reference alone replaces the pending one", &pending, func() Proposal { p := pending; p.Reference = "v3"; return p }(), ProposalReplaced, true},
		{"the same answer again leaves the pending one as it is", &pending, pending, ProposalUnchanged, false},
		{"the same answer as an accepted one is not proposed again", decided(pending, ProposalAccepted), pending, ProposalAlreadyAccepted, false},
		{"the same answer as a rejected one is not proposed again", decided(pending, ProposalRejected), pending, ProposalAlreadyRejected, false},
		{"a new answer after a decision is a new proposal", decided(pending, ProposalRejected), clientAnswer("Now approved."), ProposalAdded, true},
		{"an incoming answer always arrives pending", nil, *decided(pending, ProposalAccepted), ProposalAdded, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, outcome := Receive(tt.current, tt.incoming)
			if outcome != tt.wantOutcome || (next != nil) != tt.wantStored {
				t.Fatalf("got %s, stored %v; want %s, stored %v", outcome, next != nil, tt.wantOutcome, tt.wantStored)
			}
			if next != nil && (next.State != ProposalPending || next.DecidedBy != "" || !next.DecidedAt.IsZero() || next.Answer != tt.incoming.Answer) {
				t.Errorf("stored %+v, want the incoming answer pending", next)
			}
		})
	}
}

func TestAcceptProposal(t *testing.T) {
	at := ruleDay
	judged := func() *Result {
		return &Result{ItemID: "5.2", Status: Partial, Maturity: 2, Target: 4, Finding: "Policy exists but is not communicated.",
			Evidence: []Evidence{{Title: "AI policy v2", Kind: "document"}}}
	}
	tests := []struct {
		name        string
		proposal    Proposal
		current     *Result
		toFinding   bool
		wantTitle   string
		wantFinding string
	}{
		{"the answer becomes a questionnaire evidence item and the finding stays the assessor's", clientAnswer("The board approved the AI policy."), judged(), false,
			"Questionnaire answer (Jane Roe, CISO, received 2025-06-28): The board approved the AI policy.", "Policy exists but is not communicated."},
		{"to the finding: the answer follows the assessor's words, marked as the client's", clientAnswer("The board approved it.\nIt is on the intranet."), judged(), true,
			"Questionnaire answer (Jane Roe, CISO, received 2025-06-28): The board approved it. It is on the intranet.",
			"Policy exists but is not communicated.\n\nThe client answered in the questionnaire (Jane Roe, CISO, received 2025-06-28): The board approved it.\nIt is on the intranet."},
		{"to the finding of an item with none yet", clientAnswer("Approved."), &Result{ItemID: "5.2", Status: NotAssessed}, true,
			"Questionnaire answer (Jane Roe, CISO, received 2025-06-28): Approved.", "The client answered in the questionnaire (Jane Roe, CISO, received 2025-06-28): Approved."},
		{"a reference without an answer is still evidence of what to ask for", func() Proposal { p := clientAnswer(""); p.Contact = ""; return p }(), judged(), true,
			"Questionnaire answer (contact not named, received 2025-06-28): documents named, no answer written", "Policy exists but is not communicated."},
		{"a contact alone is recorded as such", func() Proposal { p := clientAnswer(""); p.Reference = ""; return p }(), judged(), false,
			"Questionnaire answer (Jane Roe, CISO, received 2025-06-28): a contact named, no answer written", "Policy exists but is not communicated."},
		{"a long answer is shortened in the title", clientAnswer(strings.Repeat("x", 500)), judged(), false,
			"Questionnaire answer (Jane Roe, CISO, received 2025-06-28): " + strings.Repeat("x", 120) + "…", "Policy exists but is not communicated."},
	}
	item := ruleItem(t, ruleCatalogue(t), "5.2")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, p, err := tt.proposal.Accept(tt.current, "bob", at, tt.toFinding)
			if err != nil {
				t.Fatal(err)
			}
			next, err := j.Apply(item, tt.current)
			if err != nil {
				t.Fatal(err)
			}
			added := next.Evidence[len(next.Evidence)-1]
			if added.Title != tt.wantTitle || added.Kind != EvidenceQuestionnaire || added.Reference != tt.proposal.Reference || !added.AttachedAt.Equal(at) {
				t.Errorf("evidence %+v, want title %q", added, tt.wantTitle)
			}
			if next.Finding != tt.wantFinding {
				t.Errorf("finding %q, want %q", next.Finding, tt.wantFinding)
			}
			if next.Status != tt.current.Status || next.Maturity != tt.current.Maturity || next.Target != tt.current.Target || len(next.Evidence) != len(tt.current.Evidence)+1 {
				t.Errorf("accepting changed the judgement: %+v", next)
			}
			if p.State != ProposalAccepted || p.DecidedBy != "bob" || !p.DecidedAt.Equal(at) || p.ToFinding != tt.toFinding {
				t.Errorf("proposal after accepting: %+v", p)
			}
		})
	}
}

func TestDecidedProposalsAreNotDecidedAgain(t *testing.T) {
	for _, state := range []ProposalState{ProposalAccepted, ProposalRejected} {
		p := decided(clientAnswer("Approved."), state)
		if _, _, err := p.Accept(&Result{}, "bob", ruleDay, false); err == nil || !strings.Contains(err.Error(), "was already "+string(state)+" on 2025-06-29") {
			t.Errorf("accepting a proposal %s: %v", state, err)
		}
		if _, err := p.Reject("bob", ruleDay, ""); err == nil {
			t.Errorf("rejecting a proposal %s was allowed", state)
		}
	}
}

func TestRejectProposalKeepsTheReasonAndNothingElse(t *testing.T) {
	p, err := clientAnswer("Approved.").Reject("bob", ruleDay, "  Contradicts the minutes we saw.  ")
	if err != nil {
		t.Fatal(err)
	}
	if p.State != ProposalRejected || p.Reason != "Contradicts the minutes we saw." || p.DecidedBy != "bob" || p.Answer != "Approved." {
		t.Errorf("rejected: %+v", p)
	}
}

func TestAQuestionnaireAnswerAloneDoesNotSupportConformity(t *testing.T) {
	cat, a := readyAssessment(t)
	a.Results["5.2"].Evidence = []Evidence{{Title: "Questionnaire answer", Kind: EvidenceQuestionnaire}}
	if !hasBlocker(Evaluate(cat, a, ruleDay), "unsupported_conformity", "5.2") {
		t.Error("5.2 conformant on the client's questionnaire answer alone is not flagged as unsupported")
	}
	a.Results["5.2"].Evidence = append(a.Results["5.2"].Evidence, Evidence{Title: "AI policy v2, signed", Kind: "document"})
	if hasBlocker(Evaluate(cat, a, ruleDay), "unsupported_conformity", "5.2") {
		t.Error("5.2 with the policy document seen is still flagged as unsupported")
	}
}

func hasBlocker(s Summary, kind, item string) bool {
	for _, b := range s.Blockers {
		if b.Kind == kind && b.Item == item {
			return true
		}
	}
	return false
}

func TestClientQuestion(t *testing.T) {
	const closing = " " + closingQuestion
	tests := []struct {
		name, verify, want string
	}{
		{"an instruction becomes what we will do", "Ask for the AI policy.", "We will ask for the AI policy."},
		{"the organisation is addressed as yours", "Check that the organisation has recorded its role.", "We will check that your organisation has recorded its role."},
		{"an opening clause keeps its place", "For each party, see which needs the organisation meets.", "For each party, we will see which needs your organisation meets."},
		{"also stays with the verb", "Also check support arrangements.", "We will also check support arrangements."},
		{"warnings about weak answers are for the assessor", "Review the plan. A weak answer is a generic template.", "We will review the plan."},
		{"so is a caution", "Read the scope. Be wary of a scope drawn too narrowly.", "We will read the scope."},
		{"and a remark that is not an instruction", "Pick one system. Routine releases belong elsewhere.", "We will pick one system."},
		{"an acronym keeps its capitals", "Review AIMS documents.", "We will review AIMS documents."},
		{"guidance with no instruction asks by the title", "A policy is expected here.", "We will look at how your organisation meets 5.2 AI policy."},
		{"no guidance at all asks by the title", "", "We will look at how your organisation meets 5.2 AI policy."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClientQuestion(checklists.Item{ID: "5.2", Title: "AI policy", Kind: checklists.KindClause, Verify: tt.verify})
			if got != tt.want+closing {
				t.Errorf("got  %q\nwant %q", got, tt.want+closing)
			}
		})
	}
}

func TestEveryBuiltinItemGetsAQuestionForTheClient(t *testing.T) {
	for _, item := range ruleCatalogue(t).Assessable() {
		q := ClientQuestion(item)
		if !strings.HasPrefix(q, "We will ") || strings.Contains(strings.ToLower(q), "weak") || strings.Contains(q, "Be wary") ||
			strings.Contains(q, "the organisation") || strings.Count(q, "We will") < 1 || len(q) > 1200 {
			t.Errorf("%s: %q", item.ID, q)
		}
	}
}

func TestOrderAndPendingProposals(t *testing.T) {
	cat := ruleCatalogue(t)
	ps := []Proposal{{ItemID: "A.2.2", State: ProposalPending}, {ItemID: "X.1", State: ProposalPending}, {ItemID: "10.2", State: ProposalRejected},
		{ItemID: "4.1", State: ProposalPending}, {ItemID: "9.2.1", State: ProposalAccepted}}
	var got []string
	for _, p := range PendingProposals(cat, ps) {
		got = append(got, p.ItemID)
	}
	if strings.Join(got, " ") != "4.1 A.2.2 X.1" {
		t.Errorf("pending in catalogue order: %v", got)
	}
	got = nil
	for _, p := range OrderProposals(cat, ps) {
		got = append(got, p.ItemID)
	}
	if strings.Join(got, " ") != "4.1 9.2.1 10.2 A.2.2 X.1" {
		t.Errorf("all in catalogue order: %v", got)
	}
}
