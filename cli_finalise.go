package main

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/store"
)

// finalisedJSON is the state `finalise`, `reopen`, `list --json` and `summary --json` show:
// the assessment, its report version and, while it is finalised, its sign-off.
type finalisedJSON struct {
	ID            string              `json:"id"`
	ReportVersion string              `json:"report_version"`
	Finalised     *assessment.SignOff `json:"finalised"`
}

// signedOff is the sign-off of a finalised assessment, nil for one that takes edits.
func signedOff(a *assessment.Assessment) *assessment.SignOff {
	if !a.Finalised() {
		return nil
	}
	so := a.SignOff
	return &so
}

func finaliseCmd(opts *options) *cobra.Command {
	var by, role, date string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "finalise ID [--by NAME] [--role ROLE] [--date YYYY-MM-DD] [--json]",
		Short: "Record the sign-off and lock the assessment: its report becomes FINAL",
		Long: "Record the sign-off (by the assessor unless --by names someone else, dated today unless --date says otherwise)\n" +
			"and lock the assessment: every later edit is refused until 'aimsbench reopen ID --reason TEXT'. It is refused, with\n" +
			"every reason, while the assessment is not complete or names no assessor. A draft's report version becomes 1.0.\n" +
			"The sign-off carries the fingerprint of your signing key, which the PDF prints; the key is made on first use.",
		Args: cobra.ExactArgs(1),
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			a, err := s.load(args[0])
			if err != nil {
				return err
			}
			if a.Finalised() {
				return &store.FinalisedError{Assessment: a.ID, SignOff: a.SignOff}
			}
			so := assessment.SignOff{By: cmp.Or(strings.TrimSpace(by), strings.TrimSpace(a.Assessor)), Role: strings.TrimSpace(role),
				Date: today().Truncate(24 * time.Hour)}
			if signed, err := optionalDate("--date", date); err != nil {
				return usageError{err}
			} else if !signed.IsZero() {
				so.Date = signed
			}
			if why := assessment.FinaliseRefusals(s.cat, a, so, today()); len(why) > 0 { // before a key is made for nothing
				return &store.FinaliseRefusedError{Assessment: a.ID, Reasons: why}
			}
			key, err := signingKey(cmd)
			if err != nil {
				return err
			}
			so.Key = key.Fingerprint()
			done, err := s.store.Finalise(s.cat, a.ID, so, today())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), finalisedJSON{ID: done.ID, ReportVersion: done.ReportVersion, Finalised: signedOff(done)})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "finalised %s: %s; report version %s is FINAL and sealed with key %s\n",
				done.ID, done.SignOff.Describe(), done.ReportVersion, so.Key)
			fmt.Fprintf(cmd.OutOrStdout(), "every edit is now refused; to change it, run 'aimsbench reopen %s --reason TEXT'\n", done.ID)
			return nil
		}),
	}
	cmd.Flags().StringVar(&by, "by", "", "who signs the report off (default: the assessment's assessor)")
	cmd.Flags().StringVar(&role, "role", "", "in what capacity, e.g. \"Lead assessor\"")
	cmd.Flags().StringVar(&date, "date", "", "date of the sign-off, YYYY-MM-DD (default today)")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"id", "report_version", "finalised": {"by", "role", "date", "key"}}`)
	return cmd
}

func reopenCmd(opts *options) *cobra.Command {
	var reason string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "reopen ID --reason TEXT [--json]",
		Short: "Unlock a finalised assessment for changes; the report becomes the next version's draft",
		Long: "Clear the sign-off of a finalised assessment so it takes edits again. The reason is required (at least 20 characters\n" +
			"and three words, not a placeholder) and is kept in the audit trail; the report version becomes the next revision\n" +
			"(1.0 → 1.1), DRAFT until the assessment is finalised again.",
		Args: cobra.ExactArgs(1),
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return usageError{errors.New("--reason is required: say why the signed-off assessment must change")}
			}
			id, err := s.store.Resolve(args[0])
			if err != nil {
				return err
			}
			done, err := s.store.Reopen(id, reason)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), finalisedJSON{ID: done.ID, ReportVersion: done.ReportVersion})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "reopened %s: it takes edits again; its report is version %s, DRAFT until it is finalised again\n",
				done.ID, done.ReportVersion)
			return nil
		}),
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why the signed-off assessment must change (required; kept in the audit trail)")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"id", "report_version", "finalised": null}`)
	return cmd
}
