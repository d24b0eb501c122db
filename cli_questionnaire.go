package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/report"
)

// questionnaireImportJSON is the stable output of `import --format questionnaire --json`.
type questionnaireImportJSON struct {
	Assessment string                       `json:"assessment"`
	File       string                       `json:"file"`
	SHA256     string                       `json:"sha256"`
	Issued     string                       `json:"issued"`
	Questions  int                          `json:"questions"`
	Answered   int                          `json:"answered"`
	Imported   []assessment.ProposalReceipt `json:"imported"`
}

// importQuestionnaire reads the workbook the client filled in and stores its answers as
// proposals of the assessment, then says, item by item, what each answer did.
func importQuestionnaire(cmd *cobra.Command, s *session, into, path string, asJSON bool) error {
	if into == "" {
		return usageError{errors.New("--into is required: name the assessment the questionnaire was exported from")}
	}
	a, err := s.load(into)
	if err != nil {
		return err
	}
	q, err := report.ReadQuestionnaireFile(path, s.cat, a)
	if err != nil {
		return err
	}
	receipts, err := s.store.ReceiveProposals(a.ID, q.Answers)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(cmd.OutOrStdout(), questionnaireImportJSON{a.ID, path, q.SHA256, q.Issued.Format(time.DateOnly), q.Questions, len(q.Answers), nonNilReceipts(receipts)})
	}
	w := cmd.OutOrStdout()
	if len(receipts) == 0 {
		fmt.Fprintf(w, "%s has no answers yet: all %d questions are blank, so nothing was imported\n", path, q.Questions)
		return nil
	}
	fmt.Fprintf(w, "read %s from %s (%d questions, issued %s):\n", plural(len(receipts), "answer", "answers"), path, q.Questions, q.Issued.Format(time.DateOnly))
	counts := map[assessment.ProposalOutcome]int{}
	for _, r := range receipts {
		counts[r.Outcome]++
		fmt.Fprintf(w, "  %-8s sheet %q, row %d: %s\n", r.ItemID, r.Sheet, r.Row, r.Outcome.Describe())
	}
	var parts []string
	for _, o := range []assessment.ProposalOutcome{assessment.ProposalAdded, assessment.ProposalReplaced, assessment.ProposalUnchanged, assessment.ProposalAlreadyAccepted, assessment.ProposalAlreadyRejected} {
		if counts[o] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[o], strings.ReplaceAll(string(o), "_", " ")))
		}
	}
	fmt.Fprintf(w, "%s; review them with 'aimsbench proposals %s'\n", strings.Join(parts, ", "), a.ID)
	return nil
}

func nonNilReceipts(r []assessment.ProposalReceipt) []assessment.ProposalReceipt {
	if r == nil {
		return []assessment.ProposalReceipt{}
	}
	return r
}

// proposalJSON is the stable JSON shape of one proposal in `proposals --json`.
type proposalJSON struct {
	Item       string    `json:"item"`
	Title      string    `json:"title"`
	State      string    `json:"state"`
	Answer     string    `json:"answer"`
	Reference  string    `json:"reference"`
	Contact    string    `json:"contact"`
	File       string    `json:"file"`
	SHA256     string    `json:"sha256"`
	Issued     string    `json:"issued"`
	Sheet      string    `json:"sheet"`
	Row        int       `json:"row"`
	ImportedBy string    `json:"imported_by"`
	ImportedAt time.Time `json:"imported_at"`
	DecidedBy  string    `json:"decided_by,omitempty"`
	DecidedAt  time.Time `json:"decided_at,omitzero"`
	Reason     string    `json:"reason,omitempty"`
	ToFinding  bool      `json:"to_finding,omitempty"`
}

func toProposalJSON(cat *checklists.Catalogue, p assessment.Proposal) proposalJSON {
	item, _ := cat.Item(p.ItemID)
	return proposalJSON{Item: p.ItemID, Title: item.Title, State: string(p.State), Answer: p.Answer, Reference: p.Reference, Contact: p.Contact,
		File: p.Source.File, SHA256: p.Source.SHA256, Issued: p.Source.Issued.Format(time.DateOnly), Sheet: p.Source.Sheet, Row: p.Source.Row,
		ImportedBy: p.ImportedBy, ImportedAt: p.ImportedAt, DecidedBy: p.DecidedBy, DecidedAt: p.DecidedAt, Reason: p.Reason, ToFinding: p.ToFinding}
}

// proposalFlags are the choices of the proposals command.
type proposalFlags struct {
	accept, reject, toFinding, all, asJSON bool
	reason                                 string
}

func proposalsCmd(opts *options) *cobra.Command {
	var fl proposalFlags
	cmd := &cobra.Command{
		Use:   "proposals ID [ITEM] [--accept [--to-finding] | --reject [--reason TEXT]] [--all] [--json]",
		Short: "List the client's questionnaire answers and accept or reject them one by one",
		Long: "The answers of an imported questionnaire are proposals: nothing in the assessment changes until you decide.\n" +
			"Without ITEM, list the pending proposals (--all: decided ones too); with ITEM alone, show its proposal in full.\n" +
			"--accept adds the answer to the item as an evidence item of kind questionnaire, with the client's document\n" +
			"reference and contact; --to-finding also quotes the answer in the finding. --reject sets it aside, with\n" +
			"--reason when you give one. Neither sets a status or a maturity: judge the item yourself with 'assess'.",
		Args: cobra.RangeArgs(1, 2),
		RunE: withSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			if err := fl.check(cmd, len(args) == 2); err != nil {
				return err
			}
			id, err := s.store.Resolve(args[0])
			if err != nil {
				return err
			}
			if len(args) == 2 {
				return decideProposal(cmd, s, id, args[1], fl)
			}
			return listProposals(cmd.OutOrStdout(), s, id, fl)
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&fl.accept, "accept", false, "accept the item's proposal: the answer becomes a questionnaire evidence item")
	f.BoolVar(&fl.toFinding, "to-finding", false, "with --accept: also quote the answer in the item's finding")
	f.BoolVar(&fl.reject, "reject", false, "reject the item's proposal")
	f.StringVar(&fl.reason, "reason", "", "with --reject: why the answer was set aside")
	f.BoolVar(&fl.all, "all", false, "list accepted and rejected proposals too")
	f.BoolVar(&fl.asJSON, "json", false, "print JSON (fields documented in the README)")
	return cmd
}

// check refuses flags that do not go together.
func (fl proposalFlags) check(cmd *cobra.Command, item bool) error {
	set := cmd.Flags().Changed
	switch {
	case fl.accept && fl.reject:
		return usageError{errors.New("--accept and --reject exclude each other; choose one")}
	case (fl.accept || fl.reject) && !item:
		return usageError{errors.New("name the item to decide, e.g. 'aimsbench proposals ID 5.2 --accept'")}
	case set("to-finding") && !fl.accept:
		return usageError{errors.New("--to-finding goes with --accept")}
	case set("reason") && !fl.reject:
		return usageError{errors.New("--reason goes with --reject")}
	case set("all") && item:
		return usageError{errors.New("--all lists every item; leave out ITEM or --all")}
	}
	return nil
}
