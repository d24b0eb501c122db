package assessment

import (
	"fmt"
	"slices"
	"time"
)

// Expired reports whether an evidence item may no longer be relied on as of a date: its
// valid-until day has passed. Evidence valid until today is still valid today; evidence
// without a valid-until date never expires.
func (e Evidence) Expired(asOf time.Time) bool {
	return !e.ValidUntil.IsZero() && day(e.ValidUntil).Before(day(asOf))
}

// checkDates refuses an evidence item that would expire before it was collected.
func (e Evidence) checkDates() error {
	if !inOrder(e.Collected, e.ValidUntil) {
		return fmt.Errorf("evidence %q is valid until %s, before it was collected on %s; check the two dates",
			e.Title, e.ValidUntil.Format(time.DateOnly), e.Collected.Format(time.DateOnly))
	}
	return nil
}

// SupportedOn reports whether a result has at least one evidence item that can support it
// and is still valid as of a date: what a conformant judgement must rest on (§4.4
// unsupported_conformity). A questionnaire answer alone cannot (Evidence.SupportsConformity).
func (r *Result) SupportedOn(asOf time.Time) bool {
	for _, e := range r.Evidence {
		if e.SupportsConformity() && !e.Expired(asOf) {
			return true
		}
	}
	return false
}

// unsupported reports a conformant judgement without any evidence item still valid.
func unsupported(r *Result, asOf time.Time) bool {
	return r.Status == Conformant && !r.SupportedOn(asOf)
}

// unsupportedWhy says why a conformant judgement is unsupported: no evidence at all, or all of
// it expired (naming the last day any of it was valid).
func unsupportedWhy(r *Result) string {
	if !slices.ContainsFunc(r.Evidence, Evidence.SupportsConformity) {
		if len(r.Evidence) > 0 {
			return "with only the client's questionnaire answers as evidence"
		}
		return "without any evidence item"
	}
	var last time.Time
	for _, e := range r.Evidence {
		if e.ValidUntil.After(last) {
			last = e.ValidUntil
		}
	}
	return fmt.Sprintf("but all its evidence has expired (the last was valid until %s)", last.Format(time.DateOnly))
}
