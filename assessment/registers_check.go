package assessment

import (
	"fmt"
	"strings"
	"time"
)

// The refusals of the field registers' entries on their own: what a screen, the command line
// and an imported bundle all meet before an entry is stored. Each is one sentence saying what
// is wrong and what to do.

// Check refuses an audit without a title or a date, a held audit without its auditor, and an
// audit that covers nothing.
func (x InternalAudit) Check() error {
	name := x.Label()
	switch {
	case strings.TrimSpace(x.Title) == "":
		return fmt.Errorf("internal audit %s needs a title saying what it audits", name)
	case x.Planned.IsZero() && x.Held.IsZero():
		return fmt.Errorf("internal audit %s needs the date it is planned for or the date it was held", name)
	case x.WasHeld() && strings.TrimSpace(x.Auditor) == "":
		return fmt.Errorf("internal audit %s was held, so it needs the name of its auditor", name)
	case len(x.Items) == 0:
		return fmt.Errorf("internal audit %s covers no clause or control; list what it audits", name)
	}
	return nil
}

// Check refuses a review without a date, and an input listed twice. A review dated after
// today is planned; its attendees and inputs are filled in once it is held.
func (x ManagementReview) Check() error {
	name := x.Label()
	if x.Date.IsZero() {
		return fmt.Errorf("management review %s needs the date it was (or is to be) held", name)
	}
	if dup := firstDuplicate(x.Inputs); dup != "" {
		return fmt.Errorf("management review %s lists input %s twice; list each input it considered once", name, dup)
	}
	return nil
}

// Check refuses a supplier without a name, a due-diligence result without its date (or the
// reverse), and an unknown result.
func (x Supplier) Check() error {
	name := x.Label()
	switch {
	case strings.TrimSpace(x.Name) == "":
		return fmt.Errorf("supplier %s needs a name", name)
	case x.Result != "" && x.Result != Satisfactory && x.Result != Conditional && x.Result != Unsatisfactory:
		return fmt.Errorf("supplier %s has the due-diligence result %q; use satisfactory, conditional or unsatisfactory", name, x.Result)
	case x.Result != "" && x.Assessed.IsZero():
		return fmt.Errorf("supplier %s has a due-diligence result but no date; give the day the due diligence was completed", name)
	case x.Result == "" && !x.Assessed.IsZero():
		return fmt.Errorf("supplier %s has a due-diligence date but no result; say whether it was satisfactory, conditional or unsatisfactory", name)
	}
	return nil
}

// Check refuses a training record without its group, training or date, and counts that do
// not add up: nobody due, or more people completed than were due.
func (x TrainingRecord) Check() error {
	name := x.Label()
	switch {
	case strings.TrimSpace(x.Group) == "" || strings.TrimSpace(x.Training) == "":
		return fmt.Errorf("training record %s needs the role or group of people and the training they need", name)
	case x.Due < 1:
		return fmt.Errorf("training record %s has %d people due; at least one person must be due to take the training", name, x.Due)
	case x.Completed < 0 || x.Completed > x.Due:
		return fmt.Errorf("training record %s has %d people completed out of %d due; completed must be between 0 and the number due", name, x.Completed, x.Due)
	case x.Date.IsZero():
		return fmt.Errorf("training record %s needs the date its figures were taken", name)
	}
	return nil
}

// Check refuses an incident without a title or detection date, and dates out of order: an
// incident cannot be detected before it began, nor reported or resolved before it was
// detected.
func (x Incident) Check() error {
	name := x.Label()
	switch {
	case strings.TrimSpace(x.Title) == "":
		return fmt.Errorf("AI incident %s needs a title saying what happened", name)
	case x.Detected.IsZero():
		return fmt.Errorf("AI incident %s needs the date it was detected", name)
	}
	if err := incidentInOrder(name, x.Occurred, "began", x.Detected, "was detected"); err != nil {
		return err
	}
	if err := incidentInOrder(name, x.Detected, "was detected", x.Reported, "was reported"); err != nil {
		return err
	}
	return incidentInOrder(name, x.Detected, "was detected", x.Resolved, "was resolved")
}

// incidentInOrder refuses an incident whose later event is dated before the earlier one; a date not
// recorded is never out of order.
func incidentInOrder(name string, first time.Time, firstWhat string, then time.Time, thenWhat string) error {
	if inOrder(first, then) {
		return nil
	}
	return fmt.Errorf("AI incident %s %s on %s, before it %s on %s; check the two dates",
		name, thenWhat, then.Format(time.DateOnly), firstWhat, first.Format(time.DateOnly))
}

// Check refuses an interview without the person's name, a date or the items discussed.
func (x Interview) Check() error {
	name := x.Label()
	switch {
	case strings.TrimSpace(x.Name) == "":
		return fmt.Errorf("interview %s needs the name of the person interviewed", name)
	case x.Date.IsZero():
		return fmt.Errorf("interview %s needs the date it was held", name)
	case len(x.Items) == 0:
		return fmt.Errorf("interview %s lists no item discussed; name the clauses or controls the interview covered", name)
	}
	return nil
}

// Check refuses a certification plan whose Stage 2 audit comes before its Stage 1 audit.
func (p CertificationPlan) Check() error {
	return CheckDateOrder("the planned Stage 2 audit", p.Stage2, "the planned Stage 1 audit", p.Stage1)
}

// firstDuplicate returns the first value a list holds twice, "" when none.
func firstDuplicate[T comparable](list []T) T {
	seen := map[T]bool{}
	var zero T
	for _, v := range list {
		if seen[v] {
			return v
		}
		seen[v] = true
	}
	return zero
}
