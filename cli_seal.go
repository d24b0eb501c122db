package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
	"aimsbench/userfile"
)

// signingKey is the user's signing key, made on first use; making it is announced on stderr
// with where it is and how to keep it.
func signingKey(cmd *cobra.Command) (*report.SigningKey, error) {
	folder, err := store.ConfigFolder()
	if err != nil {
		return nil, err
	}
	key, created, err := report.LoadOrCreateKey(folder)
	if err != nil {
		return nil, err
	}
	if created {
		fmt.Fprintf(cmd.ErrOrStderr(), "aimsbench: made your signing key %s (fingerprint %s); back up that folder, since what you seal can only be matched to this key\n",
			key.Path, key.Fingerprint())
	}
	return key, nil
}

// exportBundle writes the JSON bundle with its origin, so the copy can be merged later, and
// sealed with the user's key when asked.
func exportBundle(cmd *cobra.Command, s *session, a *assessment.Assessment, out string, force, sealed bool) error {
	origin, err := s.store.Origin(a.ID)
	if err != nil {
		return err
	}
	opts := report.BundleOptions{Origin: origin, SealedAt: time.Now(), SealedBy: origin.Exported.By}
	if sealed {
		if opts.Key, err = signingKey(cmd); err != nil {
			return err
		}
	}
	if err := report.ExportBundle(out, a, opts, s.store.OutputGuard(force)); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", out)
	if sealed {
		fmt.Fprintf(cmd.OutOrStdout(), "sealed with key %s; check it with 'aimsbench verify-bundle %s --key \"%s\"'\n",
			opts.Key.Fingerprint(), out, opts.Key.Fingerprint())
	}
	return nil
}

func verifyBundleCmd() *cobra.Command {
	var key string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "verify-bundle FILE [--key FINGERPRINT] [--json]",
		Short: "Check a sealed bundle offline: unchanged since it was sealed, and by which key",
		Long: "Check a bundle written with 'export --format json --sealed' against its signed manifest, offline and without a\n" +
			"database: exit 0 when every part is as sealed, exit 1 naming each part changed, added or removed, a signature that\n" +
			"does not match, or (with --key) a key other than the one given. The fingerprint is printed on the finalised report.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if key != "" && !report.ValidFingerprint(key) {
				return usageError{fmt.Errorf("--key %q is not a whole fingerprint; give all 64 hexadecimal digits as the report prints them", key)}
			}
			data, err := userfile.Read(args[0], report.MaxBundleSize, "the bundle")
			if err != nil {
				return err
			}
			check, err := report.VerifySeal(data, key)
			if err != nil {
				if asJSON { // a script reads the answer from stdout whatever it is
					writeJSON(cmd.OutOrStdout(), report.SealCheck{Problem: err.Error(), Changed: []string{}, Added: []string{}, Removed: []string{}})
				}
				return fmt.Errorf("%s: %w", args[0], err)
			}
			if asJSON {
				if err := writeJSON(cmd.OutOrStdout(), check); err != nil {
					return err
				}
			} else if check.Intact {
				fmt.Fprintln(cmd.OutOrStdout(), sealedBy(check))
			}
			if !check.Intact {
				return fmt.Errorf("%s: %s", args[0], check.Problem)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&key, "key", "", "the fingerprint the bundle must be sealed with (as the report prints it)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the check as JSON (fields documented in the README)")
	return cmd
}

// sealedBy says who sealed an intact bundle with which key, when.
func sealedBy(c *report.SealCheck) string {
	by := ""
	if strings.TrimSpace(c.SealedBy) != "" {
		by = " by " + c.SealedBy
	}
	return fmt.Sprintf("sealed by key %s on %s%s; all %d parts are as sealed", c.Fingerprint,
		c.SealedAt.UTC().Format("2006-01-02 15:04 UTC"), by, c.Parts)
}

// reportSeal tells, on w, what the check of an imported or merged bundle's seal found.
func reportSeal(w io.Writer, path string, c *report.SealCheck) {
	switch {
	case c == nil:
	case c.Intact:
		fmt.Fprintf(w, "aimsbench: %s: %s\n", path, sealedBy(c))
	default:
		fmt.Fprintf(w, "aimsbench: warning: %s: read although its seal does not hold: %s\n", path, c.Problem)
	}
}

// readBundleFile reads a bundle for import or merge, checking its seal when it has one, and
// returns it with the file's SHA-256.
func readBundleFile(cmd *cobra.Command, s *session, path string, opts report.ImportOptions) (*report.Bundle, string, error) {
	b, check, sum, err := report.OpenBundle(path, s.cat, opts)
	if err != nil {
		return nil, "", err
	}
	reportSeal(cmd.ErrOrStderr(), path, check)
	if b.SignOffDropped {
		fmt.Fprintf(cmd.ErrOrStderr(), "aimsbench: warning: %s: its sign-off was not kept, because no intact seal by the signer's key vouches for it; the assessment comes in as a draft to finalise again\n", path)
	}
	return b, sum, nil
}

// shortTime prints a time of the audit trail for a table, "2026-12-02 14:05"; nothing when
// it is not known.
func shortTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}
