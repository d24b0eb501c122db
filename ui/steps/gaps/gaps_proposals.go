package gaps

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// The client's answers to the auditee questionnaire are proposals: kept beside the
// assessment (the assessment as loaded leaves them out), shown on the items they answer, and
// accepted or rejected one by one. Accepting records what the client said as evidence (and,
// when asked, in the finding); it never sets a status or a maturity.

// proposalMark is the list's mark of an item with an answer waiting for a decision: a
// glyph and a word, so it reads without colour.
const proposalMark = "✉ proposal "

// answersMsg carries the client's answers as the store holds them.
type answersMsg struct {
	seq     int
	answers []assessment.Proposal
	err     error
}

// readAnswers reads the client's answers off the UI goroutine; only the reply to the
// latest read is kept.
func (g *gaps) readAnswers() tea.Cmd {
	g.asked++
	if g.store == nil {
		return nil
	}
	s, aid, seq := g.store, g.h.Assessment().ID, g.asked
	return g.h.Background(func() tea.Msg {
		ps, err := s.Proposals(aid)
		return answersMsg{seq: seq, answers: ps, err: err}
	})
}

// answersRead keeps the answers of the latest read.
func (g *gaps) answersRead(msg answersMsg) {
	if msg.seq != g.asked {
		return
	}
	if msg.err != nil {
		g.h.Say("The client's questionnaire answers could not be read: " + msg.err.Error())
		return
	}
	g.answers = map[string]assessment.Proposal{}
	for _, p := range msg.answers {
		g.answers[p.ItemID] = p
	}
	g.rebuild()
}

// pending is the client's answer on an item still waiting for the assessor's decision.
func (g *gaps) pending(itemID string) (assessment.Proposal, bool) {
	p, ok := g.answers[itemID]
	return p, ok && p.State == assessment.ProposalPending
}

// onProposal is true while the list has the keyboard and the selected item has an answer
// waiting.
func (g *gaps) onProposal() bool {
	item, ok := g.selected()
	if !ok || !g.browsing() {
		return false
	}
	_, ok = g.pending(item.ID)
	return ok
}

// accept accepts the selected item's answer as evidence, and into the finding too when
// toFinding.
func (g *gaps) accept(toFinding bool) tea.Cmd {
	item, _ := g.selected()
	return g.h.Apply(steps.AcceptProposal{Item: item, ToFinding: toFinding})
}

// askReject asks why the selected item's answer is rejected; a reason is required, so the
// decision can be explained to the client.
func (g *gaps) askReject(item checklists.Item) tea.Cmd {
	g.sheet = kit.NewSheet("Reject the client's answer on "+item.ID, g.detailWidth()).
		LineField("reason", "Reason", "", "e.g. the policy named is a draft")
	g.sheet.Intro = "Say why the answer is not taken; the reason is kept with it. Nothing else on " + item.ID + " changes."
	g.onSheet = func(s *kit.Sheet) (tea.Cmd, error) {
		reason := strings.TrimSpace(s.Get("reason"))
		if reason == "" {
			return nil, errors.New("give the reason for rejecting the answer")
		}
		return g.h.Apply(steps.RejectProposal{Item: item, Reason: reason}), nil
	}
	return nil
}

// decided marks an answer accepted or rejected once the store has saved the decision, and
// reads the answers again: a read that was under way may have missed the decision.
func (g *gaps) decided(in steps.Intent) tea.Cmd {
	var id, said, reason string
	state := assessment.ProposalAccepted
	switch in := in.(type) {
	case steps.AcceptProposal:
		id, said = in.Item.ID, "The client's answer on "+in.Item.ID+" is now evidence"
		if in.ToFinding {
			said += " and quoted in the finding"
		}
		said += "; the status and maturity are still yours to set."
	case steps.RejectProposal:
		id, state, reason, said = in.Item.ID, assessment.ProposalRejected, in.Reason, "The client's answer on "+in.Item.ID+" rejected; nothing else changed."
	}
	g.h.Say(said)
	if p, ok := g.answers[id]; ok {
		p.State, p.DecidedAt, p.Reason = state, g.h.Now(), reason
		g.answers[id] = p
		g.rebuild()
	}
	return g.readAnswers()
}

// answerView is the client's answer on an item in the detail pane: in full with the keys
// while it waits for a decision, in one line once decided.
func (g *gaps) answerView(itemID string, width int) string {
	p, ok := g.answers[itemID]
	if !ok {
		return ""
	}
	st := g.h.Styles()
	if p.State != assessment.ProposalPending {
		line := fmt.Sprintf("Client's questionnaire answer %s on %s", p.State, kit.DateText(p.DecidedAt))
		if p.Reason != "" {
			line += ": " + kit.Vis(p.Reason)
		}
		return "\n" + st.Subtle.Render(g.wrap(line, width)) + "\n"
	}
	var b strings.Builder
	b.WriteString("\n" + st.Key.Render(g.wrap(proposalMark+"— the client's answer, not yet judged: a takes it as evidence, A also quotes it in the finding, r rejects", width)) + "\n")
	answer := kit.VisText(p.Answer)
	if strings.TrimSpace(answer) == "" {
		answer = st.Subtle.Render("(no answer written)")
	}
	b.WriteString(g.wrap(answer, width) + "\n")
	for _, f := range []struct{ label, text string }{{"Documents", p.Reference}, {"Contact", p.Contact}} {
		b.WriteString(g.wrap(f.label+": "+kit.OrDash(kit.Vis(strings.TrimSpace(f.text))), width) + "\n")
	}
	from := fmt.Sprintf("From %s, sheet %s row %d, received %s", kit.Vis(p.Source.File), kit.Vis(p.Source.Sheet), p.Source.Row, kit.DateText(p.ImportedAt))
	b.WriteString(st.Subtle.Render(g.wrap(from, width)) + "\n")
	return b.String()
}
