package assessment

import (
	"fmt"
	"slices"
	"time"

	"aimsbench/checklists"
)

// Milestone is one audit of the certification path (SPEC §11): its name, its date (zero when
// not known) and where the date comes from.
type Milestone struct {
	ID    string // stage1, stage2, surveillance1, surveillance2, recertification
	Title string
	Date  time.Time
	Basis string
}

// The certificate's three-year cycle after Stage 2, in months: a surveillance audit in each of
// the first two years and a recertification audit before the certificate expires.
const (
	surveillance1Months   = 12
	surveillance2Months   = 24
	certificateMonths     = 36
	recertificationMonths = certificateMonths - 3 // the renewal decision must also fall before expiry
)

// CertificationPath lays out the certification audits from the plan: Stage 1 and Stage 2 as
// planned, then surveillance in years 1 and 2 as the latest dates they may fall on, and
// recertification in year 3 three months before the certificate expires. Those three are counted from the planned Stage 2 date, taking the
// certification decision to fall on it: ISO/IEC 17021-1 wants the first surveillance audit
// within 12 months of the decision and the recertification audit before the certificate
// expires three years after it. The certification body fixes the actual dates.
func CertificationPath(p CertificationPlan) []Milestone {
	after := func(months int) time.Time {
		if p.Stage2.IsZero() {
			return time.Time{}
		}
		return day(p.Stage2).AddDate(0, months, 0)
	}
	basis := func(months int) string {
		if p.Stage2.IsZero() {
			return "follows from the Stage 2 date, which is not planned yet"
		}
		return fmt.Sprintf("at the latest %d months after Stage 2, taking the certification decision on the Stage 2 date", months)
	}
	planned := func(t time.Time) string {
		if t.IsZero() {
			return "not planned yet"
		}
		return "planned with the certification body"
	}
	return []Milestone{
		{ID: "stage1", Title: "Stage 1 audit: documentation and readiness", Date: p.Stage1, Basis: planned(p.Stage1)},
		{ID: "stage2", Title: "Stage 2 audit: implementation and effectiveness", Date: p.Stage2, Basis: planned(p.Stage2)},
		{ID: "surveillance1", Title: "Surveillance audit, year 1", Date: after(surveillance1Months), Basis: basis(surveillance1Months)},
		{ID: "surveillance2", Title: "Surveillance audit, year 2", Date: after(surveillance2Months), Basis: basis(surveillance2Months)},
		{ID: "recertification", Title: "Recertification audit, year 3 (before the certificate expires)", Date: after(recertificationMonths), Basis: recertBasis(p, after(certificateMonths))},
	}
}

// recertBasis says why the recertification audit falls three months before the certificate
// expires: the audit, its findings' correction and the renewal decision must all come first.
func recertBasis(p CertificationPlan, expiry time.Time) string {
	if p.Stage2.IsZero() {
		return "follows from the Stage 2 date, which is not planned yet"
	}
	return fmt.Sprintf("about three months before the certificate expires on %s (36 months after Stage 2), leaving time to correct findings and decide on renewal", expiry.Format(time.DateOnly))
}

// stageAudit names a certification audit a phase must precede and gives its planned date.
func stageAudit(p CertificationPlan, id string) (string, time.Time) {
	switch id {
	case "stage1":
		return "Stage 1 audit", p.Stage1
	case "stage2":
		return "Stage 2 audit", p.Stage2
	}
	return "", time.Time{}
}

// phaseDeadline is the certification audit a catalogue phase's work must be done by and its
// planned date; a phase that names none must be done by Stage 2.
func phaseDeadline(p CertificationPlan, ph checklists.Phase) (string, time.Time) {
	if ph.Before == "" {
		return stageAudit(p, "stage2")
	}
	return stageAudit(p, ph.Before)
}

// certificationWarnings are the plan's timing problems as of the evaluation date: each roadmap
// phase (with work in it) that ends after the certification audit it must precede, each open
// nonconformity due after the audit its item's phase must precede, and each internal audit or
// management review planned after Stage 1, which checks that both have been carried out.
func (f *facts) certificationWarnings() []Warning {
	plan := f.a.Certification
	if plan.Stage1.IsZero() && plan.Stage2.IsZero() {
		return nil
	}
	phases, phaseOf := roadmapPhases(f.cat, plan, f.asOf)
	work := make([]bool, len(phases))
	f.inRange(func(item checklists.Item, _ *Result) {
		if i, ok := phaseOf[item.ID]; ok && !work[i] && len(GapReasons(f.a, item, f.asOf)) > 0 {
			work[i] = true
		}
	})
	var late []Warning
	for k := range f.a.NCs {
		nc := &f.a.NCs[k]
		if !nc.IsOpen() {
			continue
		}
		audit, date := stageAudit(plan, "stage2")
		if i, ok := phaseOf[nc.ItemID]; ok {
			work[i] = true
			audit, date = phases[i].MustPrecede, phases[i].Deadline
		}
		late = append(late, ncDueAfter(nc, audit, date)...)
	}
	var out []Warning
	for i, p := range phases {
		if work[i] && p.Late() {
			out = append(out, Warning{Kind: "phase_after_certification_audit", Detail: fmt.Sprintf(
				"phase %d %s runs until %s, after the %s on %s that its work must precede; start it earlier, shorten it or move the audit",
				p.Phase.ID, p.Phase.Title, p.To.Format(time.DateOnly), p.MustPrecede, p.Deadline.Format(time.DateOnly))})
		}
	}
	out = append(out, late...)
	return append(out, f.cycleAfterStage1()...)
}

// ncDueAfter warns when an open nonconformity is due after the audit it must precede.
func ncDueAfter(nc *Nonconformity, audit string, date time.Time) []Warning {
	if date.IsZero() || nc.Due.IsZero() || !day(nc.Due).After(day(date)) {
		return nil
	}
	return []Warning{{Kind: "nc_due_after_certification_audit", Item: nc.ItemID, Detail: fmt.Sprintf(
		"%s against %s is due on %s, after the %s on %s that it must precede; bring its due date forward or move the audit",
		nc.Label(), nc.ItemID, nc.Due.Format(time.DateOnly), audit, date.Format(time.DateOnly))}}
}

// cycleAfterStage1 warns about each internal audit or management review planned after Stage 1
// that the cycle still depends on, since Stage 1 checks that both have been carried out: an
// audit due to cover items of R no audit of the cycle has covered, a review while none held
// in the cycle has considered every input.
func (f *facts) cycleAfterStage1() []Warning {
	stage1 := f.a.Certification.Stage1
	if stage1.IsZero() {
		return nil
	}
	var out []Warning
	uncovered := map[string]bool{}
	for _, it := range f.auditCoverage().Uncovered() {
		uncovered[it.Item.ID] = true
	}
	for i := range f.a.Audits {
		x := &f.a.Audits[i]
		if f.heldBy(x) || !day(x.Date()).After(day(stage1)) || !slices.ContainsFunc(f.covers(x.Items), func(id string) bool { return uncovered[id] }) {
			continue
		}
		out = append(out, Warning{Kind: "audit_after_stage1", Item: "9.2.2", Detail: fmt.Sprintf(
			"internal audit %s (%s) is planned for %s, after the Stage 1 audit on %s, and the cycle needs it to cover items no audit has; Stage 1 checks that internal audits have been carried out, so hold it before",
			x.Label(), x.Title, x.Date().Format(time.DateOnly), stage1.Format(time.DateOnly))})
	}
	if len(f.cycleRecords().reviews) == 0 {
		return out
	}
	for i := range f.a.Reviews {
		r := &f.a.Reviews[i]
		if day(r.Date).After(day(f.asOf)) && day(r.Date).After(day(stage1)) {
			out = append(out, Warning{Kind: "review_after_stage1", Item: "9.3.1", Detail: fmt.Sprintf(
				"management review %s is planned for %s, after the Stage 1 audit on %s, and no review held in the last 12 months considered every input; Stage 1 checks that a management review has been held, so hold it before",
				r.Label(), r.Date.Format(time.DateOnly), stage1.Format(time.DateOnly))})
		}
	}
	return out
}
