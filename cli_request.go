package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// requestJSON is the stable JSON shape of one entry of the evidence request working list:
// dates as YYYY-MM-DD, left out when not recorded.
type requestJSON struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Category     string   `json:"category"`
	Status       string   `json:"status"`
	Requested    string   `json:"requested,omitempty"`
	Received     string   `json:"received,omitempty"`
	Reviewed     string   `json:"reviewed,omitempty"`
	NotAvailable string   `json:"not_available,omitempty"`
	Contact      string   `json:"contact,omitempty"`
	Note         string   `json:"note,omitempty"`
	Supports     []string `json:"supports"`
}

func newRequestJSON(e checklists.EvidenceItem, c checklists.EvidenceCategory, r assessment.RequestStatus) requestJSON {
	iso := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	return requestJSON{ID: e.ID, Title: e.Title, Category: c.Title, Status: string(r.Current()),
		Requested: iso(r.Requested), Received: iso(r.Received), Reviewed: iso(r.Reviewed), NotAvailable: iso(r.Unavailable),
		Contact: r.Contact, Note: r.Note, Supports: nonNil(e.Supports)}
}

// requestFlags are what `request` may change.
type requestFlags struct {
	status, date, contact, note string
	asJSON                      bool
}

func requestCmd(opts *options) *cobra.Command {
	var fl requestFlags
	cmd := &cobra.Command{
		Use:   "request ID [EV-ID] [--status S [--date YYYY-MM-DD] [--contact NAME] [--note TEXT]] [--json]",
		Short: "Show or update the evidence request working list",
		Long: "Without EV-ID, print the evidence request list with each request's status and dates. With EV-ID and --status,\n" +
			"move that request to not_requested, requested, received, reviewed or not_available on --date (default today);\n" +
			"the change is on disk before it is printed. Moving back clears the dates of the steps undone.",
		Args: cobra.RangeArgs(1, 2),
		RunE: withSession(opts, func(cmd *cobra.Command, s *session, args []string) error {
			id, err := s.store.Resolve(args[0])
			if err != nil {
				return err
			}
			if len(args) == 1 {
				if changesRequest(cmd.Flags().Changed) {
					return usageError{errors.New("name the request to change, e.g. 'aimsbench request ID EV-GOV-01 --status received'")}
				}
				return listRequests(cmd.OutOrStdout(), s, id, fl.asJSON)
			}
			return updateRequest(cmd, s, id, args[1], fl)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&fl.status, "status", "", "not_requested, requested, received, reviewed or not_available")
	f.StringVar(&fl.date, "date", "", "the day it happened, YYYY-MM-DD (default today)")
	f.StringVar(&fl.contact, "contact", "", "who at the client provides the document")
	f.StringVar(&fl.note, "note", "", "a note, e.g. why it is not available")
	f.BoolVar(&fl.asJSON, "json", false, "print JSON (fields documented in the README)")
	return cmd
}

// changesRequest reports whether any flag that changes a request was given.
func changesRequest(set func(string) bool) bool {
	return set("status") || set("date") || set("contact") || set("note")
}

// updateRequest applies the flags to one request and prints the entry as saved.
func updateRequest(cmd *cobra.Command, s *session, aid, ref string, fl requestFlags) error {
	e, c, ok := assessment.FindRequest(s.cat, ref)
	if !ok {
		return fmt.Errorf("%q is not on the evidence request list of %s; run 'aimsbench request %s' to see the IDs", ref, s.cat.ID, aid)
	}
	a, err := s.store.Load(aid)
	if err != nil {
		return err
	}
	set := cmd.Flags().Changed
	if !set("status") {
		if changesRequest(set) {
			return usageError{errors.New("--date, --contact and --note go with --status; give the status the request moves to")}
		}
		return printRequest(cmd.OutOrStdout(), newRequestJSON(e, c, a.Requests[e.ID]), fl.asJSON)
	}
	change, err := requestChange(set, fl)
	if err != nil {
		return err
	}
	saved, err := s.store.UpdateRequest(aid, e.ID, change, today())
	if err != nil {
		return fmt.Errorf("%s was not changed: %w", e.ID, err)
	}
	return printRequest(cmd.OutOrStdout(), newRequestJSON(e, c, saved), fl.asJSON)
}

// requestChange turns the flags into a change; a date or status that does not parse is a
// usage mistake.
func requestChange(set func(string) bool, fl requestFlags) (assessment.RequestChange, error) {
	var c assessment.RequestChange
	state, err := assessment.ParseRequestState(fl.status)
	if err != nil {
		return c, usageError{err}
	}
	c.State = state
	if fl.date != "" {
		d, err := time.Parse("2006-01-02", fl.date)
		if err != nil {
			return c, usageError{fmt.Errorf("--date %q is not a date; write it as YYYY-MM-DD", fl.date)}
		}
		c.Date = d
	}
	if set("contact") {
		c.Contact = &fl.contact
	}
	if set("note") {
		c.Note = &fl.note
	}
	return c, nil
}

// listRequests prints the whole working list in catalogue order.
func listRequests(w io.Writer, s *session, aid string, asJSON bool) error {
	a, err := s.store.Load(aid)
	if err != nil {
		return err
	}
	list := []requestJSON{}
	for _, c := range s.cat.EvidenceRequests {
		for _, e := range c.Items {
			list = append(list, newRequestJSON(e, c, a.Requests[e.ID]))
		}
	}
	return printRequests(w, list, asJSON)
}

// printRequest prints one entry: a JSON object, or the text list's header and line.
func printRequest(w io.Writer, r requestJSON, asJSON bool) error {
	if asJSON {
		return writeJSON(w, r)
	}
	return printRequests(w, []requestJSON{r}, false)
}

// printRequests prints entries as JSON (always an array) or as aligned text.
func printRequests(w io.Writer, list []requestJSON, asJSON bool) error {
	if asJSON {
		return writeJSON(w, list)
	}
	v := func(s string) string { return assessment.Visible(s, false) }
	fmt.Fprintf(w, "%-12s %-40s %-14s %-10s %s\n", "ID", "DOCUMENT OR RECORD", "STATUS", "SINCE", "SUPPORTS")
	for _, r := range list {
		since := map[string]string{"requested": r.Requested, "received": r.Received, "reviewed": r.Reviewed, "not_available": r.NotAvailable}[r.Status]
		status, _ := assessment.ParseRequestState(r.Status)
		fmt.Fprintf(w, "%-12s %-40s %-14s %-10s %s\n", r.ID, assessment.Shorten(v(r.Title), 40), status.Label(), orDash(since), strings.Join(r.Supports, ", "))
		var about []string
		for _, part := range []string{r.Contact, r.Note} {
			if part != "" {
				about = append(about, v(part))
			}
		}
		if len(about) > 0 {
			fmt.Fprintf(w, "%-12s %s\n", "", strings.Join(about, " — "))
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
