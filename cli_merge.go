package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
)

// mergeJSON is what `merge --json` prints: the plan, and whether it was written.
type mergeJSON struct {
	*assessment.MergePlan
	Merged bool `json:"merged"`
}

// mergeFlags are the merge command's flags.
type mergeFlags struct {
	takes          []string
	dryRun, asJSON bool
	bundle         report.ImportOptions
}

func mergeCmd(opts *options) *cobra.Command {
	var fl mergeFlags
	cmd := &cobra.Command{
		Use:   "merge INTO-ID BUNDLE [--dry-run] [--json] [--take ours=REF|theirs=REF]...",
		Short: "Bring another assessor's bundle into an assessment both copies started from",
		Long: "Merge the bundle of another copy of the same assessment (exported with 'export --format json') field by field:\n" +
			"a field changed in one copy only is taken, new records of both are kept (numbered anew here when their number is\n" +
			"taken), a record deleted in one copy and not changed in the other is deleted, and a field changed differently in\n" +
			"both — or a record deleted in one and changed in the other — is a conflict. --dry-run lists everything and writes\n" +
			"nothing; without it, nothing is written while a conflict is unsettled: settle each with --take ours=REF (keep this\n" +
			"assessment's) or --take theirs=REF (take the bundle's), REF as listed. The merge is one audited transaction.",
		Args: cobra.ExactArgs(2),
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			return fl.merge(cmd, s, args[0], args[1])
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&fl.dryRun, "dry-run", false, "list what the merge takes and every conflict, and write nothing")
	f.BoolVar(&fl.asJSON, "json", false, "print the merge as JSON (fields documented in the README)")
	f.StringArrayVar(&fl.takes, "take", nil, "settle a conflict: ours=REF keeps this assessment's value, theirs=REF takes the bundle's (repeatable)")
	f.BoolVar(&fl.bundle.AnyCatalogueVersion, "any-catalogue-version", false, "accept a bundle made with another version of the loaded catalogue")
	f.BoolVar(&fl.bundle.AcceptBrokenSeal, "accept-broken-seal", false, "merge a sealed bundle whose seal does not hold")
	return cmd
}

// merge plans the merge of the bundle at path into the assessment ref, settles what --take
// says, and writes it unless it is a dry run or a conflict is left; it prints the plan either
// way.
func (fl *mergeFlags) merge(cmd *cobra.Command, s *session, ref, path string) error {
	settled, err := parseTakes(fl.takes)
	if err != nil {
		return usageError{err}
	}
	id, err := s.store.Resolve(ref)
	if err != nil {
		return err
	}
	b, sum, err := readBundleFile(cmd, s, path, fl.bundle)
	if err != nil {
		return err
	}
	in := store.MergeInput{Theirs: b.Assessment, Origin: b.Origin, File: filepath.Base(path), SHA256: sum}
	plan, err := s.store.PlanMerge(id, in)
	if err != nil {
		return fmt.Errorf("%s cannot be merged into %s: %w", path, id, err)
	}
	for ref, side := range settled {
		if err := plan.Settle(ref, side); err != nil {
			return err
		}
	}
	merged := !fl.dryRun && len(plan.Unsettled()) == 0
	if merged {
		if plan, err = s.store.Merge(s.cat, id, in, settled); err != nil {
			return err
		}
	}
	if fl.asJSON {
		err = writeJSON(cmd.OutOrStdout(), mergeJSON{plan, merged})
	} else {
		printMerge(cmd.OutOrStdout(), plan, path, merged)
	}
	if err == nil && !fl.dryRun && !merged {
		err = &store.UnsettledError{Plan: plan}
	}
	return err
}

// parseTakes reads --take values, "ours=REF" or "theirs=REF", into the side chosen for
// each conflict.
func parseTakes(takes []string) (map[string]assessment.Side, error) {
	out := map[string]assessment.Side{}
	for _, take := range takes {
		side, ref, ok := strings.Cut(take, "=")
		if !ok || strings.TrimSpace(ref) == "" {
			return nil, fmt.Errorf("--take %q names no conflict; write --take ours=REF or --take theirs=REF", take)
		}
		s, err := assessment.ParseSide(side)
		if err != nil {
			return nil, errors.New("--take " + err.Error())
		}
		ref = strings.TrimSpace(ref)
		if earlier, twice := out[ref]; twice && earlier != s {
			return nil, fmt.Errorf("--take settles %s both as %s and as %s; keep one of the two", ref, earlier, s)
		}
		out[ref] = s
	}
	return out, nil
}

// printMerge lists what the merge takes, renumbers and leaves to settle, conflicts side by
// side with who changed each value and when.
func printMerge(w io.Writer, p *assessment.MergePlan, file string, merged bool) {
	verb := "Merging"
	if merged {
		verb = "Merged"
	}
	fmt.Fprintf(w, "%s %s (exported from %s on %s) into %s; both are copies of %s.\n", verb, file, p.From, shortTime(p.Exported), p.Into, p.Lineage)
	if len(p.Taken) == 0 {
		fmt.Fprintln(w, "\nTaken from the bundle: nothing")
	} else {
		fmt.Fprintf(w, "\nTaken from the bundle (%d):\n", len(p.Taken))
	}
	for _, c := range p.Taken {
		what := c.Record
		if c.Field != "" {
			what += ", " + c.Field + " → " + valueText(c.Value, 40)
		}
		fmt.Fprintf(w, "  %-8s %-64s %s\n", c.Action, what, who(c.By, c.At.IsZero(), shortTime(c.At)))
	}
	for _, n := range p.Renumbered {
		fmt.Fprintf(w, "  %s of the bundle is added as %s: its number is taken here\n",
			assessment.PartLabel(assessment.PartName(n.Kind, fmt.Sprint(n.Theirs))), assessment.PartLabel(assessment.PartName(n.Kind, fmt.Sprint(n.Ours))))
	}
	if len(p.Conflicts) == 0 {
		fmt.Fprintln(w, "\nNo conflicts.")
		return
	}
	if n := len(p.Unsettled()); n > 0 {
		fmt.Fprintf(w, "\nConflicts (%d, %d unsettled): this assessment's value stays until each is settled\n", len(p.Conflicts), n)
	} else {
		fmt.Fprintf(w, "\nConflicts (%d), all settled:\n", len(p.Conflicts))
	}
	fmt.Fprintf(w, "  %-30s %-16s %-36s %s\n", "RECORD", "FIELD", "OURS", "THEIRS")
	for _, c := range p.Conflicts {
		field := c.Field
		if field == "" {
			field = "(the record)"
		}
		fmt.Fprintf(w, "  %-30s %-16s %-36s %s\n", column(c.Record, 30), column(field, 16), column(versionText(c.Ours), 36), column(versionText(c.Theirs), 48))
		fmt.Fprintf(w, "  %-30s %-16s %-36s %s\n", "", "", who(c.Ours.By, c.Ours.At.IsZero(), shortTime(c.Ours.At)), who(c.Theirs.By, c.Theirs.At.IsZero(), shortTime(c.Theirs.At)))
		if c.Take != "" {
			fmt.Fprintf(w, "  %-47s settled: %s\n", "", c.Take)
		} else {
			fmt.Fprintf(w, "  %-47s settle with --take ours=%s or --take theirs=%s\n", "", c.Ref, c.Ref)
		}
	}
}

// versionText is one side's value of a conflict as the table shows it.
func versionText(v assessment.Version) string {
	if v.Deleted {
		return "(deleted)"
	}
	return valueText(v.Value, 48)
}

// valueText shows a field's JSON text in n characters: a list as its length, a record as
// "(the record)", anything else as written.
func valueText(v string, n int) string {
	var list []json.RawMessage
	switch {
	case strings.HasPrefix(v, "[") && json.Unmarshal([]byte(v), &list) == nil:
		return plural(len(list), "entry", "entries")
	case strings.HasPrefix(v, "{"):
		return "(the record)"
	}
	return column(v, n)
}

// who says who changed a value and when, as far as the audit trail tells.
func who(by string, unknown bool, at string) string {
	switch {
	case by == "" && unknown:
		return "(not in the audit trail)"
	case unknown:
		return "by " + by
	}
	return fmt.Sprintf("by %s, %s", by, at)
}
