package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
)

func summaryCmd(opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "summary ID",
		Short: "Print the verdict, level, roll-ups and what holds the assessment down",
		Args:  cobra.ExactArgs(1),
		RunE: withSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			a, err := s.load(args[0])
			if err != nil {
				return err
			}
			sum := assessment.Evaluate(s.cat, a, today())
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), struct {
					assessment.Summary
					Finalised *assessment.SignOff `json:"finalised,omitempty"`
				}{sum, signedOff(a)})
			}
			printSummary(cmd.OutOrStdout(), a, sum)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields documented in the README)")
	return cmd
}

func printSummary(w io.Writer, a *assessment.Assessment, sum assessment.Summary) {
	v := func(s string) string { return assessment.Visible(s, false) }
	fmt.Fprintf(w, "%s — %s (%s)\n\n", v(a.Organisation.Name), v(a.Title), a.ID)
	fmt.Fprintf(w, "Verdict   %s\n", sum.Verdict)
	fmt.Fprintf(w, "Level     %d %s%s\n", sum.Level, sum.LevelName, map[bool]string{false: " (provisional)", true: ""}[sum.Complete])
	fmt.Fprintf(w, "Progress  %d of %d assessed; floor %d, mean %s\n", sum.Assessed, sum.Total, sum.Floor, sum.Mean)
	fmt.Fprintf(w, "Standing  %s\n", sum.CountLine())
	if a.Finalised() {
		fmt.Fprintf(w, "Status    finalised, %s; report version %s is FINAL\n", v(a.SignOff.Describe()), v(a.ReportVersion))
	}
	printLadder(w, sum)
	fmt.Fprintf(w, "\n%-6s %-50s %9s %5s %4s\n", "GROUP", "TITLE", "ASSESSED", "MEAN", "MIN")
	for _, g := range sum.Groups {
		mean, low := g.Mean.String(), fmt.Sprint(g.Min)
		if g.Min == 0 {
			mean, low = "—", "—"
		}
		fmt.Fprintf(w, "%-6s %-50s %4d/%-4d %5s %4s\n", g.ID, column(g.Title, 50), g.Assessed, g.Total, mean, low)
	}
	if len(sum.CommonGaps) > 0 {
		fmt.Fprintf(w, "\nCommon gaps detected (%d):\n", len(sum.CommonGaps))
		for _, g := range sum.CommonGaps {
			fmt.Fprintf(w, "  - %s: %s\n", g.Title, v(g.Detail))
		}
	}
	if len(sum.Warnings) > 0 {
		fmt.Fprintf(w, "\nConsistency warnings: %d (see 'summary --json')\n", len(sum.Warnings))
	}
}

// printLadder says what stands between the assessment and levels 3, 4 and 5: each blocker that
// caps the level at 2 in full, the blockers of each other kind as one line naming what they
// concern, and the items rated below each level.
func printLadder(w io.Writer, sum assessment.Summary) {
	shown := 0
	for _, r := range sum.Ladder() {
		if r.Level <= sum.Level {
			continue
		}
		fmt.Fprintf(w, "\nTo reach level %d: %s\n", r.Level, stepsText(r))
		var kinds []string
		byKind := map[string][]assessment.Blocker{}
		for _, b := range r.Blockers[shown:] {
			if _, seen := byKind[b.Kind]; !seen {
				kinds = append(kinds, b.Kind)
			}
			byKind[b.Kind] = append(byKind[b.Kind], b)
		}
		for _, kind := range kinds {
			printBlockers(w, byKind[kind])
		}
		shown = len(r.Blockers)
		if len(r.Below) > 0 {
			var ids []string
			for _, it := range r.Below {
				ids = append(ids, it.Item)
			}
			fmt.Fprintf(w, "  - rated below level %d: %s\n", r.Level, strings.Join(ids, ", "))
		}
	}
}

// printBlockers prints the blockers of one kind: each in full while there are a few, else one
// line naming what they concern.
func printBlockers(w io.Writer, bs []assessment.Blocker) {
	if len(bs) <= 3 {
		for _, b := range bs {
			fmt.Fprintf(w, "  - %s\n", assessment.Visible(b.Detail, false))
		}
		return
	}
	var refs []string // an item may hold several blockers of one kind: named once
	for _, b := range bs {
		if ref := cmp.Or(b.Item, b.Ref, b.System); ref != "" && !slices.Contains(refs, ref) {
			refs = append(refs, ref)
		}
	}
	fmt.Fprintf(w, "  - %s (%d): %s\n", bs[0].Kind, len(bs), assessment.Visible(strings.Join(refs, ", "), false))
}

// stepsText says how many steps a rung needs: "clear 3 blockers and raise 5 items".
func stepsText(r assessment.Rung) string {
	var parts []string
	if n := len(r.Blockers); n > 0 {
		parts = append(parts, "clear "+plural(n, "blocker", "blockers"))
	}
	if n := len(r.Below); n > 0 {
		parts = append(parts, fmt.Sprintf("raise %s to at least %d", plural(n, "item", "items"), r.Level))
	}
	return strings.Join(parts, " and ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func assessCmd(opts *options) *cobra.Command {
	var fl assessFlags
	cmd := &cobra.Command{
		Use:   "assess ID ITEM [--status S] [--maturity N] [--target N] [--note TEXT] [--recommendation TEXT] [--owner NAME] [--due YYYY-MM-DD] [--priority P] [--evidence TITLE [--evidence-ref REF]]... [--evidence-collected YYYY-MM-DD] [--evidence-valid-until YYYY-MM-DD] [--soa included|excluded] [--justification TEXT]",
		Short: "Record one judgement durably",
		Long: "Record one judgement of a clause requirement or Annex A control. It is on disk before 'ok' is printed.\n" +
			"Status is conformant, partial, nonconformant or na (Annex A controls excluded in the SoA only).\n" +
			"--justification is the reason for the control's SoA decision, inclusion or exclusion: an exclusion needs one of at\n" +
			"least 20 characters and three words, and a placeholder such as n/a or tbd is refused.",
		Args: cobra.ExactArgs(2),
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			id, err := s.store.Resolve(args[0])
			if err != nil {
				return err
			}
			item, ok := s.cat.Item(args[1])
			if !ok {
				return fmt.Errorf("%q is not a clause or control of %s; run 'aimsbench catalogue' to see the IDs", args[1], s.cat.ID)
			}
			j, err := fl.judgement(cmd.Flags().Changed)
			if err != nil {
				return err
			}
			if _, err := s.store.SaveJudgement(id, item, j); err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), "ok")
			return err
		}),
	}
	f := cmd.Flags()
	f.StringVar(&fl.status, "status", "", "conformant, partial, nonconformant or na")
	f.IntVar(&fl.maturity, "maturity", 0, "maturity 1-5")
	f.IntVar(&fl.target, "target", 0, "target maturity 1-5 (default 3)")
	f.StringVar(&fl.note, "note", "", "finding text")
	f.StringVar(&fl.recommendation, "recommendation", "", "what the client should do")
	f.StringVar(&fl.owner, "owner", "", "who at the client owns the remediation")
	f.StringVar(&fl.due, "due", "", "remediation due date, YYYY-MM-DD (empty clears it)")
	f.StringVar(&fl.priority, "priority", "", "remediation priority: high, medium or low (empty clears it)")
	f.StringArrayVar(&fl.evidence, "evidence", nil, "add an evidence item with this title (repeatable)")
	f.StringArrayVar(&fl.evidenceRefs, "evidence-ref", nil, "the reference (document number, location) of the --evidence before it, in order (repeatable)")
	f.StringVar(&fl.evidenceCollected, "evidence-collected", "", "date the --evidence items were produced or obtained, YYYY-MM-DD")
	f.StringVar(&fl.evidenceValidUntil, "evidence-valid-until", "", "last day the --evidence items may be relied on, YYYY-MM-DD")
	f.StringVar(&fl.soa, "soa", "", "Statement of Applicability: included or excluded (controls only)")
	f.StringVar(&fl.justification, "justification", "", "why the control is included or excluded in the SoA")
	return cmd
}

func verifyCmd(opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "verify",
		Short: "Check file integrity, the audit chain and evidence file hashes",
		Args:  cobra.NoArgs,
		RunE: withSession(opts, func(cmd *cobra.Command, s *session, _ []string) error {
			rep, err := s.store.Verify()
			if err != nil {
				return err
			}
			if asJSON {
				if err := writeJSON(cmd.OutOrStdout(), rep); err != nil {
					return err
				}
			} else {
				printVerify(cmd.OutOrStdout(), s.store, rep)
			}
			if !rep.OK {
				return errors.New("verify found problems (listed above); restore from a backup or investigate the changes")
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printVerify(w io.Writer, s *store.Store, rep *store.VerifyReport) {
	fmt.Fprintf(w, "Database      %s\n", s.Path())
	fmt.Fprintf(w, "Integrity     %s\n", rep.Integrity)
	fmt.Fprintf(w, "Audit trail   %d rows, chain head %s\n", rep.AuditRows, rep.ChainHead)
	if rep.BrokenLink != "" {
		fmt.Fprintf(w, "Broken link   %s\n", rep.BrokenLink)
	}
	for _, t := range rep.Tampered {
		fmt.Fprintf(w, "Changed       %s\n", t)
	}
	for _, e := range rep.EvidenceFail {
		fmt.Fprintf(w, "Evidence      %s (%s, item %s): %s\n", assessment.Visible(e.Path, false), e.Assessment, e.Item, e.Problem)
	}
	if rep.OK {
		fmt.Fprintln(w, "Result        ok")
	}
}

func backupCmd(opts *options) *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "backup --out FILE [--force]",
		Short: "Write a consistent copy of the database",
		Args:  cobra.NoArgs,
		RunE: withSession(opts, func(cmd *cobra.Command, s *session, _ []string) error {
			if out == "" {
				return usageError{errors.New("--out is required: name the backup file")}
			}
			if err := s.store.Backup(out, force); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "backup written to %s\n", out)
			return nil
		}),
	}
	cmd.Flags().StringVar(&out, "out", "", "backup file to write")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists (never the database or its companion files)")
	return cmd
}

func importCmd(opts *options) *cobra.Command {
	var format, into string
	var asJSON bool
	var bundle report.ImportOptions
	var inventory inventoryOptions
	cmd := &cobra.Command{
		Use:   "import --format inventory-csv|questionnaire --into ID FILE, or --format json FILE",
		Short: "Import an AI system inventory (CSV) or the client's questionnaire into an assessment, or restore a JSON bundle",
		Args:  cobra.ExactArgs(1),
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			if asJSON && format != "questionnaire" {
				return usageError{errors.New("--json goes with --format questionnaire")}
			}
			switch format {
			case "inventory-csv":
			case "json":
				return importBundle(cmd, s, into, args[0], bundle)
			case "questionnaire":
				return importQuestionnaire(cmd, s, into, args[0], asJSON)
			default:
				return usageError{fmt.Errorf("--format %q is not known; use inventory-csv, questionnaire or json", format)}
			}
			if into == "" {
				return usageError{errors.New("--into is required: name the assessment to add the systems to")}
			}
			id, err := s.store.Resolve(into)
			if err != nil {
				return err
			}
			return importInventory(cmd, s, id, args[0], inventory)
		}),
	}
	cmd.Flags().StringVar(&format, "format", "", "inventory-csv, questionnaire (the client's filled workbook) or json")
	cmd.Flags().StringVar(&into, "into", "", "assessment ID to import into")
	cmd.Flags().BoolVar(&asJSON, "json", false, "questionnaire: print what was imported as JSON")
	cmd.Flags().BoolVar(&bundle.AnyCatalogueVersion, "any-catalogue-version", false, "json: accept a bundle made with another version of the loaded catalogue")
	cmd.Flags().BoolVar(&bundle.AcceptBrokenSeal, "accept-broken-seal", false, "json: import a sealed bundle whose seal does not hold")
	cmd.Flags().BoolVar(&inventory.dryRun, "dry-run", false, "inventory-csv: show what the file adds, changes and leaves out, and write nothing")
	cmd.Flags().BoolVar(&inventory.deleteMissing, "delete-missing", false, "inventory-csv: delete the AI systems the file no longer lists")
	return cmd
}
