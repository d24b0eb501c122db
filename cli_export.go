package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
)

// exportCommands are the commands that write reports and exchange files: export, JSON
// import and compare.
func exportCommands(opts *options) []*cobra.Command {
	return []*cobra.Command{exportCmd(opts), compareCmd(opts)}
}

func exportCmd(opts *options) *cobra.Command {
	var format, out, asOf string
	var gapOnly, draft, force, sealed bool
	cmd := &cobra.Command{
		Use:   "export ID --format pdf|docx|csv|xlsx|json|oscal|questionnaire [--out FILE] [--force] [--gap-only] [--draft]",
		Short: "Write the report (PDF, or Word to edit), the registers (CSV, XLSX), the whole assessment (JSON), OSCAL or the client questionnaire",
		Long: "Write the readiness report as PDF, or as a Word document (DOCX) to edit before it goes to the client, the gap register and Statement of Applicability as CSV (three files: FILE,\n" +
			"FILE-soa and FILE-results), the working workbook as XLSX, the whole assessment as a versioned JSON bundle that 'import --format json' restores, or\n" +
			"NIST OSCAL " + report.OSCALVersion + " (catalog, assessment plan, assessment results and POA&M) into the folder --out,\n" +
			"or the auditee questionnaire (XLSX) the client fills in and 'import --format questionnaire' reads back.\n" +
			"Without --out the file or folder is named after the organisation, the date and the assessment ID, in the current folder.\n" +
			"An existing file is replaced only with --force; the database and its companion files never are.",
		Args: cobra.ExactArgs(1),
		RunE: withSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			if !slices.Contains(report.Formats, format) {
				return usageError{fmt.Errorf("--format %q is not known; use %s", format, strings.Join(report.Formats, ", "))}
			}
			if (gapOnly || draft) && format != "pdf" && format != "docx" {
				return usageError{errors.New("--gap-only and --draft apply to the PDF report only, and to its Word version; use them with --format pdf or docx")}
			}
			if sealed && format != "json" {
				return usageError{errors.New("--sealed applies to the JSON bundle only; use it with --format json")}
			}
			day, err := reportDay(asOf)
			if err != nil {
				return err
			}
			a, err := s.load(args[0])
			if err != nil {
				return err
			}
			ro, err := reportOptions(cmd, s, a, day)
			if err != nil {
				return err
			}
			ro.GapOnly, ro.Draft, ro.MayWrite = gapOnly, draft, s.store.OutputGuard(force)
			if out == "" {
				out = report.DefaultFileName(a, format, day)
			}
			if format == "json" {
				return exportBundle(cmd, s, a, out, force, sealed)
			}
			if err := report.ExportFile(out, format, s.cat, a, ro); err != nil {
				return err
			}
			for _, path := range report.OutputPaths(out, format) {
				fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
			}
			return nil
		}),
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "", "pdf, docx, csv, xlsx, json, oscal or questionnaire (required)")
	f.StringVar(&out, "out", "", "file to write, or folder for oscal (default: organisation and date)")
	f.BoolVar(&gapOnly, "gap-only", false, "PDF, DOCX: the gap report only (summary, gaps, NCs, common gaps, roadmap)")
	f.BoolVar(&draft, "draft", false, "PDF, DOCX: mark every page DRAFT")
	f.StringVar(&asOf, "as-of", "", "date the report is evaluated at and dated with, YYYY-MM-DD (default today)")
	f.BoolVar(&force, "force", false, "replace the file if it exists (never the database or its companion files)")
	f.BoolVar(&sealed, "sealed", false, "json: seal the bundle with your signing key (see verify-bundle)")
	return cmd
}

// reportDay parses --as-of, defaulting to today.
func reportDay(s string) (time.Time, error) {
	if s == "" {
		return today(), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, usageError{fmt.Errorf("--as-of %q is not a date; write it as YYYY-MM-DD", s)}
	}
	return t, nil
}

// reportOptions gathers what the report needs from the database: the audit chain head as the
// data fingerprint and the previous cycle, when this one was copied from it.
func reportOptions(cmd *cobra.Command, s *session, a *assessment.Assessment, day time.Time) (report.Options, error) {
	head, err := s.store.ChainHead()
	if err != nil {
		return report.Options{}, fmt.Errorf("cannot read the audit chain head for the data fingerprint: %w", err)
	}
	ro := report.Options{AsOf: day, Fingerprint: head, SealedWith: a.SignOff.Key} // recorded only while finalised
	if a.PreviousID != "" {
		prev, err := s.store.Load(a.PreviousID)
		switch {
		case errors.Is(err, store.ErrNotFound):
			fmt.Fprintf(cmd.ErrOrStderr(), "aimsbench: the previous cycle %s is not in this database, so the report shows no progress since it\n", a.PreviousID)
		case err != nil:
			return ro, err
		default:
			ro.Previous = prev
		}
	}
	return ro, nil
}

func compareCmd(opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "compare OLD NEW [--json]",
		Short: "Show the progress between two assessment cycles",
		Args:  cobra.ExactArgs(2),
		RunE: withSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			prev, err := s.load(args[0])
			if err != nil {
				return err
			}
			cur, err := s.load(args[1])
			if err != nil {
				return err
			}
			p := assessment.Compare(s.cat, prev, cur, today())
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), p)
			}
			printProgress(cmd.OutOrStdout(), p)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (fields documented in the README)")
	return cmd
}

func printProgress(w io.Writer, p assessment.Progress) {
	v := func(s string) string { return assessment.Visible(s, false) }
	fmt.Fprintf(w, "%-10s %-40s %s\n", "", "PREVIOUS ("+p.Previous.ID+")", "CURRENT ("+p.Current.ID+")")
	fmt.Fprintf(w, "%-10s %-40s %s\n", "Verdict", column(p.Previous.Verdict, 40), p.Current.Verdict)
	fmt.Fprintf(w, "%-10s %-40s %s\n", "Level", fmt.Sprintf("%d %s", p.Previous.Level, p.Previous.LevelName), fmt.Sprintf("%d %s", p.Current.Level, p.Current.LevelName))
	fmt.Fprintf(w, "%-10s %-40s %s\n", "Mean", p.Previous.Mean, p.Current.Mean)
	fmt.Fprintf(w, "\n%-6s %-50s %8s %8s %7s\n", "GROUP", "TITLE", "BEFORE", "NOW", "CHANGE")
	for _, g := range p.Groups {
		fmt.Fprintf(w, "%-6s %-50s %8s %8s %7s\n", g.ID, column(g.Title, 50), meanText(g.Previous), meanText(g.Current), meanText(g.Change))
	}
	for _, part := range []struct {
		title string
		items []assessment.ItemChange
	}{{"Improved", p.Improved}, {"Regressed", p.Regressed}} {
		fmt.Fprintf(w, "\n%s (%d)\n", part.title, len(part.items))
		for _, c := range part.items {
			fmt.Fprintf(w, "  %-8s %s → %s, maturity %d → %d\n", c.Item, c.PreviousStatus.Label(), c.CurrentStatus.Label(), c.PreviousMaturity, c.CurrentMaturity)
		}
	}
	for _, part := range []struct {
		title string
		ncs   []assessment.NCChange
	}{{"Nonconformities closed", p.NCsClosed}, {"Still open", p.NCsStillOpen}, {"Raised this cycle", p.NCsNew}} {
		var ids []string
		for _, c := range part.ncs {
			ids = append(ids, c.ID+" ("+v(c.Item)+")")
		}
		fmt.Fprintf(w, "\n%s (%d): %s\n", part.title, len(part.ncs), strings.Join(ids, ", "))
	}
}

func meanText(m *assessment.Mean) string {
	if m == nil {
		return "—"
	}
	return m.String()
}

// importBundle restores a JSON bundle as a new assessment and prints its ID. The bundle is
// checked whole before anything is written, and stored in one transaction.
func importBundle(cmd *cobra.Command, s *session, into, path string, opts report.ImportOptions) error {
	if into != "" {
		return usageError{errors.New("a JSON bundle always becomes a new assessment; leave out --into")}
	}
	b, _, err := readBundleFile(cmd, s, path, opts)
	if err != nil {
		return err
	}
	id, err := s.store.Import(b.Assessment, b.Origin)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(cmd.OutOrStdout(), id)
	return err
}
