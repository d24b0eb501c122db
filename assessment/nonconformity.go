package assessment

import (
	"fmt"
	"strings"
	"time"
)

// NCStatus is where a nonconformity stands in its life cycle.
type NCStatus string

// The nonconformity life cycle of §6: open → in progress → closed → verified effective,
// with reopening when a fix proves ineffective. A nonconformity raised in error is
// withdrawn (Withdraw): it stays in the register and the audit trail, and no rule counts it.
const (
	NCOpen       NCStatus = "open"
	NCInProgress NCStatus = "in_progress"
	NCClosed     NCStatus = "closed"
	NCVerified   NCStatus = "verified"
	NCReopened   NCStatus = "reopened"
	NCWithdrawn  NCStatus = "withdrawn"
)

// NCStatuses lists the states of the life cycle in order; withdrawn stands outside it.
var NCStatuses = []NCStatus{NCOpen, NCInProgress, NCClosed, NCVerified, NCReopened}

// Label is the state as a reader sees it.
func (s NCStatus) Label() string {
	switch s {
	case NCInProgress:
		return "in progress"
	case NCVerified:
		return "verified effective"
	}
	return string(s)
}

// ParseNCStatus accepts a state's code or label.
func ParseNCStatus(s string) (NCStatus, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, st := range append(NCStatuses, NCWithdrawn) {
		if s == string(st) || s == st.Label() {
			return st, nil
		}
	}
	return "", fmt.Errorf("nonconformity status %q is not known; use open, in_progress, closed, verified, reopened or withdrawn", s)
}

// nextStates are the transitions the life cycle allows.
var nextStates = map[NCStatus][]NCStatus{
	NCOpen:       {NCInProgress, NCClosed},
	NCInProgress: {NCClosed},
	NCClosed:     {NCVerified, NCReopened},
	NCVerified:   {NCReopened},
	NCReopened:   {NCInProgress, NCClosed},
}

// NextStates returns the states a nonconformity may move to from its current one.
func (nc Nonconformity) NextStates() []NCStatus { return nextStates[nc.Status] }

// IsOpen reports whether the nonconformity still needs work (open, in progress or reopened).
func (nc Nonconformity) IsOpen() bool {
	return nc.Status == NCOpen || nc.Status == NCInProgress || nc.Status == NCReopened
}

// IsNonconformity reports whether the finding is a nonconformity (major or minor), not an
// observation, an opportunity for improvement or good practice.
func (nc Nonconformity) IsNonconformity() bool { return nc.Grade == MajorNC || nc.Grade == MinorNC }

// CarriesAction reports whether the record plans the fix of its item: an open nonconformity
// with a corrective action and a due date, which is what turns a partially conformant item
// from a blocker into planned work (§4.4).
func (nc Nonconformity) CarriesAction() bool {
	return nc.IsOpen() && nc.IsNonconformity() && strings.TrimSpace(nc.CorrectiveAction) != "" && !nc.Due.IsZero()
}

// Overdue reports whether an open nonconformity is past its due date.
func (nc Nonconformity) Overdue(asOf time.Time) bool {
	return nc.IsOpen() && !nc.Due.IsZero() && nc.Due.Before(day(asOf))
}

// Label is the NC's reference as printed, e.g. NC-007.
func (nc Nonconformity) Label() string { return fmt.Sprintf("NC-%03d", nc.Number) }

// Transition moves a nonconformity to a new state, refusing moves the life cycle does not
// allow and closures that lack what an auditor needs to see.
func (nc *Nonconformity) Transition(to NCStatus, on time.Time) error {
	allowed := false
	for _, s := range nextStates[nc.Status] {
		allowed = allowed || s == to
	}
	if !allowed {
		return fmt.Errorf("%s is %s and cannot move to %s; allowed next: %s", nc.Label(), nc.Status.Label(), to.Label(), joinStates(nextStates[nc.Status]))
	}
	switch to {
	case NCClosed:
		if !nc.hasAction() {
			return fmt.Errorf("%s cannot be closed without a correction or corrective action; record what was done first", nc.Label())
		}
		nc.Closed = day(on)
	case NCVerified:
		if !nc.hasCheck() {
			return fmt.Errorf("%s cannot be verified effective without an effectiveness check (date, by whom, result)", nc.Label())
		}
	case NCReopened:
		nc.Closed = time.Time{}
	}
	nc.Status = to
	return nil
}

// hasAction reports whether something was done about the nonconformity.
func (nc *Nonconformity) hasAction() bool {
	return strings.TrimSpace(nc.CorrectiveAction) != "" || strings.TrimSpace(nc.Correction) != ""
}

// hasCheck reports whether the effectiveness check is recorded in full.
func (nc *Nonconformity) hasCheck() bool {
	return !nc.CheckDate.IsZero() && strings.TrimSpace(nc.CheckBy) != "" && strings.TrimSpace(nc.CheckResult) != ""
}

// Check refuses an edited record that contradicts its state: a nonconformity needs a
// description, a closed one keeps what was done, a verified one keeps its effectiveness check,
// a withdrawn one its reason; no date of it comes before the day it was raised.
func (nc *Nonconformity) Check() error {
	switch {
	case strings.TrimSpace(nc.Description) == "":
		return fmt.Errorf("describe the nonconformity: what was found, where, and against which requirement")
	case nc.Status == NCWithdrawn:
		if err := nc.checkWithdrawal(); err != nil {
			return err
		}
	case !nc.IsOpen() && !nc.hasAction():
		return fmt.Errorf("%s is %s: keep its correction or corrective action, or reopen it first", nc.Label(), nc.Status.Label())
	case nc.Status == NCVerified && !nc.hasCheck():
		return fmt.Errorf("%s is verified effective: keep its effectiveness check (date, by whom, result), or reopen it first", nc.Label())
	}
	return nc.checkDates()
}

func joinStates(ss []NCStatus) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Label())
	}
	return strings.Join(out, ", ")
}

// NewNonconformity pre-fills a nonconformity raised from a gap: the item, its finding as the
// description, a grade that follows the status, and the item's owner and due date.
func NewNonconformity(number int, r *Result, title string, raised time.Time) Nonconformity {
	nc := Nonconformity{Number: number, Source: "gap", Grade: MinorNC, Status: NCOpen, Raised: day(raised)}
	if r == nil {
		return nc
	}
	nc.ItemID = r.ItemID
	nc.Owner, nc.Due = r.Owner, r.Due
	if r.Status == Nonconformant {
		nc.Grade = MajorNC
	}
	nc.Description = strings.TrimSpace(r.Finding)
	if nc.Description == "" {
		nc.Description = fmt.Sprintf("%s %s judged %s.", r.ItemID, title, r.Status.Label())
	}
	return nc
}

// NextNCNumber is the number the next nonconformity of an assessment gets.
func (a *Assessment) NextNCNumber() int {
	n := 0
	for _, nc := range a.NCs {
		n = max(n, nc.Number)
	}
	return n + 1
}

// day truncates a time to its calendar day in UTC, so date comparisons ignore the clock.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
