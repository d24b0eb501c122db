package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
)

// session is what a command that works on the database needs: the open store and the
// active catalogue.
type session struct {
	store *store.Store
	cat   *checklists.Catalogue
}

// open loads the catalogue and opens the database, announcing a new file on stderr so a
// mistyped --db never passes silently.
func (o *options) open(cmd *cobra.Command) (*session, error) {
	cat, err := o.loadCatalogue()
	if err != nil {
		return nil, err
	}
	var s *store.Store
	if o.db != "" {
		s, err = store.Open(o.db)
	} else {
		s, err = store.OpenDefault()
	}
	if err != nil {
		return nil, err
	}
	if s.Created() {
		fmt.Fprintf(cmd.ErrOrStderr(), "aimsbench: created a new database at %s\n", s.Path())
	}
	return &session{store: s, cat: cat}, nil
}

// withSession runs fn with an open session and closes it afterwards. A database that failed
// its integrity check is open read-only; the user is told so, and to restore it, whatever the
// command.
func withSession(opts *options, fn func(cmd *cobra.Command, s *session, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		s, err := opts.open(cmd)
		if err != nil {
			return err
		}
		defer s.store.Close()
		if s.store.Damaged() {
			fmt.Fprintf(cmd.ErrOrStderr(), "aimsbench: %s: %s\n", s.store.Path(), s.store.ReadOnlyReason())
		}
		return fn(cmd, s, args)
	}
}

// withWritingSession is withSession for a command that changes the database: it warns first
// when a workbench has the database open, since that screen shows the change only once it
// reloads.
func withWritingSession(opts *options, fn func(cmd *cobra.Command, s *session, args []string) error) func(*cobra.Command, []string) error {
	return withSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
		if inUse := s.store.InUse(); inUse != nil && !s.store.ReadOnly() {
			warnInUse(cmd.ErrOrStderr(), inUse)
		}
		return fn(cmd, s, args)
	})
}

// warnInUse tells the user, in one sentence on stderr, who has the database open.
func warnInUse(w io.Writer, inUse *store.InUseError) {
	if inUse.Unrelated != "" {
		fmt.Fprintf(w, "aimsbench: warning: %s\n", inUse.Error())
		return
	}
	fmt.Fprintf(w, "aimsbench: warning: the workbench of %s has this database open and shows this change only once it reloads (ctrl+r)\n", inUse.Holder)
}

// today is the date rules are evaluated at.
func today() time.Time { return time.Now().UTC() }

// load resolves an ID (or unique prefix) and loads the assessment.
func (s *session) load(ref string) (*assessment.Assessment, error) {
	id, err := s.store.Resolve(ref)
	if err != nil {
		return nil, err
	}
	return s.store.Load(id)
}

func printID(w io.Writer, id string, asJSON bool) error {
	if asJSON {
		return writeJSON(w, map[string]string{"id": id})
	}
	_, err := fmt.Fprintln(w, id)
	return err
}

func newCmd(opts *options) *cobra.Command {
	var org, title, assessor string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "new --org NAME [--title T]",
		Short: "Create an assessment and print its ID",
		Args:  cobra.NoArgs,
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, _ []string) error {
			if strings.TrimSpace(org) == "" {
				return usageError{errors.New("--org is required: name the organisation being assessed")}
			}
			now := today()
			a := &assessment.Assessment{
				Title: title, Organisation: assessment.Organisation{Name: strings.TrimSpace(org)}, Assessor: assessor,
				StartDate: now, Classification: "Confidential", ReportVersion: "0.1",
				CatalogueID: s.cat.ID, CatalogueVersion: s.cat.Version,
			}
			if a.Title == "" {
				a.Title = fmt.Sprintf("ISO/IEC 42001 readiness assessment %d", now.Year())
			}
			id, err := s.store.Create(a)
			if err != nil {
				return err
			}
			return printID(cmd.OutOrStdout(), id, asJSON)
		}),
	}
	cmd.Flags().StringVar(&org, "org", "", "organisation being assessed (required)")
	cmd.Flags().StringVar(&title, "title", "", "assessment title")
	cmd.Flags().StringVar(&assessor, "assessor", currentUser(), "assessor's name")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"id": "..."}`)
	return cmd
}

func currentUser() string {
	for _, v := range []string{"USER", "USERNAME"} {
		if u := os.Getenv(v); u != "" {
			return u
		}
	}
	return ""
}

func demoCmd(opts *options) *cobra.Command {
	var size string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "demo [--size standard|large]",
		Short: "Create a realistic, fictitious demo assessment",
		Args:  cobra.NoArgs,
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, _ []string) error {
			if size != string(assessment.DemoStandard) && size != string(assessment.DemoLarge) {
				return usageError{fmt.Errorf("--size %q is not known; use standard or large", size)}
			}
			a, err := assessment.Demo(s.cat, assessment.DemoSize(size), today())
			if err != nil {
				return err
			}
			id, err := s.store.Create(a)
			if err != nil {
				return err
			}
			return printID(cmd.OutOrStdout(), id, asJSON)
		}),
	}
	cmd.Flags().StringVar(&size, "size", "standard", "standard, or large for benchmarks")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"id": "..."}`)
	return cmd
}

// listEntry is one line of `list --json`. Damaged names the record that keeps a damaged
// assessment from being read (only for such an assessment, whose progress and verdict are
// then empty).
type listEntry struct {
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	Organisation string    `json:"organisation"`
	Updated      time.Time `json:"updated"`
	Assessed     int       `json:"assessed"`
	Total        int       `json:"total"`
	Verdict      string    `json:"verdict"`
	Damaged      string    `json:"damaged,omitempty"`
	// Finalised is the sign-off of a finalised assessment, which takes no edit until reopened.
	Finalised *assessment.SignOff `json:"finalised,omitempty"`
}

func listCmd(opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List assessments with progress and verdict",
		Args:  cobra.NoArgs,
		RunE: withSession(opts, func(cmd *cobra.Command, s *session, _ []string) error {
			entries := []listEntry{}
			err := s.store.Walk(func(l store.Listing, a *assessment.Assessment) error {
				e := listEntry{ID: l.ID, Title: l.Title, Organisation: l.Organisation, Updated: l.Updated}
				if l.Damage != nil {
					e.Damaged = l.Damage.Record() + " cannot be read"
					fmt.Fprintf(cmd.ErrOrStderr(), "aimsbench: %s\n", l.Damage)
				} else {
					sum := assessment.Evaluate(s.cat, a, today())
					e.Assessed, e.Total, e.Verdict, e.Finalised = sum.Assessed, sum.Total, sum.Verdict, signedOff(a)
				}
				entries = append(entries, e)
				return nil
			})
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), entries)
			}
			printList(cmd.OutOrStdout(), entries)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// column fits stored text to a table column of n characters, made visible first so the
// stand-ins for hidden characters count towards the width.
func column(s string, n int) string { return assessment.Shorten(assessment.Visible(s, false), n) }

// printList writes the list as a table; a damaged assessment says which record is lost.
func printList(w io.Writer, entries []listEntry) {
	if len(entries) == 0 {
		fmt.Fprintln(w, "No assessments yet. Create one with 'aimsbench new --org NAME' or try 'aimsbench demo'.")
		return
	}
	fmt.Fprintf(w, "%-8s  %-28s  %-36s  %-16s  %-9s  %s\n", "ID", "ORGANISATION", "TITLE", "UPDATED", "PROGRESS", "VERDICT")
	for _, e := range entries {
		progress, verdict := fmt.Sprintf("%3d/%-5d", e.Assessed, e.Total), e.Verdict
		if e.Damaged != "" {
			progress, verdict = fmt.Sprintf("%-9s", "—"), "DAMAGED: "+e.Damaged+"; restore from a backup"
		}
		if e.Finalised != nil {
			verdict += " (finalised)"
		}
		fmt.Fprintf(w, "%-8s  %-28s  %-36s  %-16s  %s  %s\n", e.ID, column(e.Organisation, 28), column(e.Title, 36),
			e.Updated.Local().Format("2006-01-02 15:04"), progress, verdict)
	}
}

func copyCmd(opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "copy ID",
		Short: "Start the next assessment cycle from an assessment",
		Long:  "Start the next cycle: scope, inventory, risks, evidence references, SoA decisions and open nonconformities carry over;\njudgements and tests start afresh. The new assessment is linked to the old one for comparison. Prints the new ID.",
		Args:  cobra.ExactArgs(1),
		RunE: withWritingSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			prev, err := s.load(args[0])
			if err != nil {
				return err
			}
			id, err := s.store.Create(assessment.NextCycle(prev, today()))
			if err != nil {
				return err
			}
			return printID(cmd.OutOrStdout(), id, asJSON)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"id": "..."}`)
	return cmd
}
