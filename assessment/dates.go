package assessment

import (
	"fmt"
	"time"
)

// CheckDateOrder is the one rule for two dates of a record that follow each other: an
// assessment ends on or after its start, a test period likewise, Stage 2 comes on or after
// Stage 1, a nonconformity is due and checked on or after the day it was raised, evidence
// stays valid until on or after the day it was collected. A date not known yet (zero) passes.
// later and earlier name the dates as a reader would ("the end date", "the start date"); the
// error is one sentence that says which date to correct.
func CheckDateOrder(laterName string, later time.Time, earlierName string, earlier time.Time) error {
	if inOrder(earlier, later) {
		return nil
	}
	return fmt.Errorf("%s %s is before %s %s; correct one of the two dates",
		laterName, later.Format(time.DateOnly), earlierName, earlier.Format(time.DateOnly))
}

// inOrder reports whether later is not before earlier, by calendar day; an unknown date is
// in order with anything.
func inOrder(earlier, later time.Time) bool {
	return earlier.IsZero() || later.IsZero() || !day(later).Before(day(earlier))
}

// checkDates refuses an assessment whose end date or Stage 2 audit comes before its start
// date or Stage 1 audit.
func (a *Assessment) checkDates() []error {
	var out []error
	for _, e := range []error{
		CheckDateOrder("the end date", a.EndDate, "the start date", a.StartDate),
		a.Certification.Check(),
	} {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}
