package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// listPreview is how much of an answer the list shows; `proposals ID ITEM` shows it whole.
const listPreview = 300

// listProposals prints the pending proposals of an assessment (every proposal with --all).
func listProposals(w io.Writer, s *session, id string, fl proposalFlags) error {
	ps, err := s.store.Proposals(id)
	if err != nil {
		return err
	}
	shown := assessment.PendingProposals(s.cat, ps)
	if fl.all {
		shown = assessment.OrderProposals(s.cat, ps)
	}
	if fl.asJSON {
		out := []proposalJSON{}
		for _, p := range shown {
			out = append(out, toProposalJSON(s.cat, p))
		}
		return writeJSON(w, out)
	}
	if len(shown) == 0 {
		fmt.Fprintf(w, "No proposals are waiting in assessment %s. Send the client a questionnaire with 'aimsbench export %s --format questionnaire' and read it back with 'aimsbench import --format questionnaire --into %s FILE'.\n", id, id, id)
		return nil
	}
	for _, p := range shown {
		printProposal(w, s.cat, p, listPreview)
	}
	fmt.Fprintf(w, "%s waiting. 'aimsbench proposals %s ITEM' shows an answer in full; decide with 'aimsbench proposals %s ITEM --accept [--to-finding]' or '--reject [--reason TEXT]'.\n",
		plural(len(assessment.PendingProposals(s.cat, ps)), "proposal", "proposals"), id, id)
	return nil
}

// printProposal prints one proposal as a block, the answer shortened to preview characters
// (0: whole). Every text from the workbook is shown with control characters made visible.
func printProposal(w io.Writer, cat *checklists.Catalogue, p assessment.Proposal, preview int) {
	v := func(s string) string { return assessment.Visible(s, false) }
	item, _ := cat.Item(p.ItemID)
	fmt.Fprintf(w, "%s %s — %s\n", v(p.ItemID), item.Title, p.State)
	answer := assessment.Visible(p.Answer, true)
	if preview > 0 {
		answer = assessment.Shorten(v(p.Answer), preview)
	}
	for _, line := range [][2]string{{"Answer", answer}, {"Reference", v(p.Reference)}, {"Contact", v(p.Contact)}} {
		if line[1] == "" {
			line[1] = "—"
		}
		fmt.Fprintf(w, "    %-10s %s\n", line[0], line[1])
	}
	fmt.Fprintf(w, "    %-10s %s, sheet %q row %d, imported %s by %s\n", "From", v(p.Source.File), v(p.Source.Sheet), p.Source.Row, p.ImportedAt.Local().Format("2006-01-02 15:04"), v(p.ImportedBy))
	if p.State != assessment.ProposalPending {
		decision := fmt.Sprintf("%s %s by %s", p.State, p.DecidedAt.Local().Format("2006-01-02 15:04"), v(p.DecidedBy))
		if p.Reason != "" {
			decision += ": " + v(p.Reason)
		}
		fmt.Fprintf(w, "    %-10s %s\n", "Decision", decision)
	}
	fmt.Fprintln(w)
}

// decideProposal shows, accepts or rejects the proposal of one item.
func decideProposal(cmd *cobra.Command, s *session, id, itemID string, fl proposalFlags) error {
	item, ok := s.cat.Item(itemID)
	if !ok {
		return fmt.Errorf("%q is not a clause or control of %s; run 'aimsbench catalogue' to see the IDs", itemID, s.cat.ID)
	}
	w := cmd.OutOrStdout()
	switch {
	case fl.accept:
		r, err := s.store.AcceptProposal(id, item, fl.toFinding)
		if err != nil {
			return err
		}
		if !fl.asJSON {
			fmt.Fprintf(w, "accepted the client's answer on %s: added as questionnaire evidence%s; its status (%s) and maturity (%s) are unchanged, judge them with 'aimsbench assess'\n",
				item.ID, map[bool]string{true: " and quoted in the finding"}[fl.toFinding], r.Status.Label(), maturityText(r.Maturity))
			return nil
		}
	case fl.reject:
		if err := s.store.RejectProposal(id, item.ID, fl.reason); err != nil {
			return err
		}
		if !fl.asJSON {
			fmt.Fprintf(w, "rejected the client's answer on %s; nothing else changed\n", item.ID)
			return nil
		}
	}
	ps, err := s.store.Proposals(id)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if p.ItemID == item.ID {
			if fl.asJSON {
				return writeJSON(w, toProposalJSON(s.cat, p))
			}
			printProposal(w, s.cat, p, 0)
			return nil
		}
	}
	return fmt.Errorf("the client has not answered %s in any questionnaire imported into assessment %s; run 'aimsbench proposals %s' to see the items with an answer", item.ID, id, id)
}

// maturityText prints a maturity level, or "not rated".
func maturityText(m int) string {
	if m == 0 {
		return "not rated"
	}
	return fmt.Sprint(m)
}
