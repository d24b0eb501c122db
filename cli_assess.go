package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
	"aimsbench/userfile"
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
				return writeJSON(cmd.OutOrStdout(), sum)
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
	if len(sum.Blockers) > 0 {
		fmt.Fprintf(w, "\nWhat holds it down (%d):\n", len(sum.Blockers))
		for _, b := range sum.Blockers {
			fmt.Fprintf(w, "  - %s\n", v(b.Detail))
		}
	}
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

func assessCmd(opts *options) *cobra.Command {
	var status, soa, justification, note string
	var maturity, target int
	var evidence []string
	cmd := &cobra.Command{
		Use:   "assess ID ITEM [--status S] [--maturity N] [--target N] [--note TEXT] [--evidence TITLE]... [--soa included|excluded --justification TEXT]",
		Short: "Record one judgement durably",
		Long:  "Record one judgement of a clause requirement or Annex A control. It is on disk before 'ok' is printed.\nStatus is conformant, partial, nonconformant or na (Annex A controls excluded in the SoA only).",
		Args:  cobra.ExactArgs(2),
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			id, err := s.store.Resolve(args[0])
			if err != nil {
				return err
			}
			item, ok := s.cat.Item(args[1])
			if !ok {
				return fmt.Errorf("%q is not a clause or control of %s; run 'aimsbench catalogue' to see the IDs", args[1], s.cat.ID)
			}
			j, err := judgementFromFlags(cmd, status, soa, justification, note, maturity, target, evidence)
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
	f.StringVar(&status, "status", "", "conformant, partial, nonconformant or na")
	f.IntVar(&maturity, "maturity", 0, "maturity 1-5")
	f.IntVar(&target, "target", 0, "target maturity 1-5 (default 3)")
	f.StringVar(&note, "note", "", "finding text")
	f.StringArrayVar(&evidence, "evidence", nil, "add an evidence item with this title (repeatable)")
	f.StringVar(&soa, "soa", "", "Statement of Applicability: included or excluded (controls only)")
	f.StringVar(&justification, "justification", "", "why a control is excluded")
	return cmd
}

// judgementFromFlags turns the flags the user gave into a judgement; flags not given stay nil.
func judgementFromFlags(cmd *cobra.Command, status, soa, justification, note string, maturity, target int, evidence []string) (assessment.Judgement, error) {
	var j assessment.Judgement
	set := cmd.Flags().Changed
	if set("status") {
		st, err := assessment.ParseStatus(status)
		if err != nil {
			return j, err
		}
		j.Status = &st
	}
	for _, m := range []struct {
		flag string
		val  int
		to   **int
	}{{"maturity", maturity, &j.Maturity}, {"target", target, &j.Target}} {
		if set(m.flag) {
			if m.val < 1 || m.val > 5 {
				return j, fmt.Errorf("--%s %d is outside the scale; use 1 to 5", m.flag, m.val)
			}
			v := m.val
			*m.to = &v
		}
	}
	if set("soa") {
		d, err := assessment.ParseDecision(soa)
		if err != nil {
			return j, err
		}
		j.Decision = &d
	}
	if set("justification") {
		j.Justification = &justification
	}
	if set("note") {
		j.Finding = &note
	}
	for _, title := range evidence {
		j.AddEvidence = append(j.AddEvidence, assessment.Evidence{Title: title, Kind: "document", AttachedAt: today()})
	}
	if !set("status") && !set("maturity") && !set("target") && !set("soa") && !set("justification") && !set("note") && len(evidence) == 0 {
		return j, usageError{errors.New("nothing to record; give at least one of --status, --maturity, --target, --note, --evidence, --soa")}
	}
	return j, nil
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
	var bundle report.ImportOptions
	cmd := &cobra.Command{
		Use:   "import --format inventory-csv|json [--into ID] FILE",
		Short: "Import an AI system inventory (CSV) into an assessment, or restore a JSON bundle as a new one",
		Args:  cobra.ExactArgs(1),
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			switch format {
			case "inventory-csv":
			case "json":
				return importBundle(cmd, s, into, args[0], bundle)
			default:
				return usageError{fmt.Errorf("--format %q is not known; use inventory-csv or json", format)}
			}
			if into == "" {
				return usageError{errors.New("--into is required: name the assessment to add the systems to")}
			}
			id, err := s.store.Resolve(into)
			if err != nil {
				return err
			}
			data, err := userfile.Read(args[0], assessment.MaxInventoryBytes, "the inventory file")
			if err != nil {
				return err
			}
			systems, err := assessment.ParseInventoryCSV(s.cat, data)
			if err != nil {
				return err
			}
			if err := s.store.AddSystems(id, systems); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %d AI systems: %s\n", len(systems), systemNames(systems))
			return nil
		}),
	}
	cmd.Flags().StringVar(&format, "format", "", "inventory-csv or json")
	cmd.Flags().StringVar(&into, "into", "", "inventory-csv: the assessment ID to import into")
	cmd.Flags().BoolVar(&bundle.AnyCatalogueVersion, "any-catalogue-version", false, "json: accept a bundle made with another version of the loaded catalogue")
	return cmd
}

// importedNamesShown is how many names the import confirmation lists before it counts the rest.
const importedNamesShown = 10

// systemNames lists the first imported systems by name for the confirmation line.
func systemNames(systems []assessment.AISystem) string {
	var names []string
	for _, sys := range systems[:min(len(systems), importedNamesShown)] {
		names = append(names, sys.Name)
	}
	if more := len(systems) - importedNamesShown; more > 0 {
		names = append(names, fmt.Sprintf("and %d more", more))
	}
	return strings.Join(names, ", ")
}
