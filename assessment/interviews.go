package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"aimsbench/checklists"
)

// An interview of the log can be cited as evidence for the items it discussed (SPEC §11):
// the evidence item names the interview by its number, so the report can say who said what
// and when, and the interview cannot be deleted while evidence cites it.

// InterviewEvidence is the evidence item that cites an interview of the log: kind interview,
// titled with who was interviewed, dated the day of the interview.
func InterviewEvidence(iv Interview, attachedAt time.Time) Evidence {
	who := iv.Name
	if role := strings.TrimSpace(iv.Role); role != "" {
		who += ", " + role
	}
	return Evidence{Title: fmt.Sprintf("Interview %s with %s", iv.Label(), who), Kind: "interview",
		Reference:  fmt.Sprintf("Interview log %s, %s", iv.Label(), iv.Date.Format(time.DateOnly)),
		AttachedAt: attachedAt, Collected: iv.Date, Interview: iv.Number}
}

// InterviewByNumber returns the interview of the log with the given number.
func (a *Assessment) InterviewByNumber(n int) (Interview, bool) {
	i := slices.IndexFunc(a.Interviews, func(iv Interview) bool { return iv.Number == n })
	if i < 0 {
		return Interview{}, false
	}
	return a.Interviews[i], true
}

// CheckCitations refuses evidence that cites an interview the log does not hold.
func CheckCitations(interviews []Interview, evidence []Evidence) error {
	for _, e := range evidence {
		if e.Interview != 0 && !slices.ContainsFunc(interviews, func(iv Interview) bool { return iv.Number == e.Interview }) {
			return fmt.Errorf("evidence %q cites interview %s, which is not in the interview log; add the interview first or cite another",
				e.Title, Interview{Number: e.Interview}.Label())
		}
	}
	return nil
}

// InterviewCitations lists, in item order, the items whose evidence cites an interview.
func (a *Assessment) InterviewCitations(number int) []string {
	var out []string
	for id, r := range a.Results {
		if slices.ContainsFunc(r.Evidence, func(e Evidence) bool { return e.Interview == number }) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// CheckDeleteInterview refuses to delete an interview that evidence still cites.
func CheckDeleteInterview(results map[string]*Result, number int) error {
	a := Assessment{Results: results}
	if cited := a.InterviewCitations(number); len(cited) > 0 {
		return fmt.Errorf("interview %s is cited as evidence for %s; remove those evidence items first",
			Interview{Number: number}.Label(), strings.Join(cited, ", "))
	}
	return nil
}

// CheckEditInterview refuses to change who was interviewed, in which role or on which day
// while evidence cites the interview: the evidence items carry those words and that date,
// so they would no longer say what was heard. Notes and items discussed may change.
func CheckEditInterview(results map[string]*Result, before, after Interview) error {
	if before.Name == after.Name && before.Role == after.Role && before.Date.Equal(after.Date) {
		return nil
	}
	a := Assessment{Results: results}
	if cited := a.InterviewCitations(before.Number); len(cited) > 0 {
		return fmt.Errorf("interview %s is cited as evidence for %s, so who was interviewed and when cannot change; log a new interview instead, or remove those evidence items first",
			before.Label(), strings.Join(cited, ", "))
	}
	return nil
}

// Discussed reports whether the interview discussed an item, named itself or through a
// clause or objective above it: the log names what was talked about at the level it was.
func (iv Interview) Discussed(cat *checklists.Catalogue, itemID string) bool {
	return namesItem(cat, iv.Items, itemID)
}
