package report

import (
	"fmt"
	"strings"
	"time"
)

// state is DRAFT or FINAL (SPEC §10a: FINAL only for a complete assessment with the assessor
// named and the sign-off recorded).
func (f *facts) state() string {
	if f.draft() {
		return "DRAFT"
	}
	return "FINAL"
}

// kind names the report: the full readiness report or the gap report.
func (f *facts) kind() string {
	if f.opts.GapOnly {
		return "gap report"
	}
	return "readiness report"
}

// cover is the title page: who and what was assessed, by whom, when, and how the report may
// be handled.
func (d *doc) cover() {
	c := coverPage{
		kicker:       "ISO/IEC 42001 READINESS ASSESSMENT · " + strings.ToUpper(d.kind()),
		organisation: orDash(d.a.Organisation.Name),
		title:        d.a.Title,
		state:        d.state(),
		fields: [][2]string{
			{"Prepared for", orDash(d.a.Organisation.Name)},
			{"Assessor", orDash(d.a.Assessor)},
			{"Report date", date(d.asOf)},
			{"Fieldwork", d.fieldworkPeriod()},
			{"Report", capitalise(d.kind())},
			{"Version", orDash(d.a.ReportVersion) + " (" + d.state() + ")"},
			{"Classification", orDash(d.a.Classification)},
			{"Readiness verdict", d.sum.Verdict},
		},
		handling: fmt.Sprintf("Classification: %s. This report was prepared for %s and describes its readiness for "+
			"ISO/IEC 42001 certification as found on %s. Share it only with people entitled to see the organisation's "+
			"%s information.", orDash(d.a.Classification), orDash(d.a.Organisation.Name), date(d.asOf),
			strings.ToLower(orDash(d.a.Classification))),
	}
	if d.draft() {
		c.draftNote = "This is a draft: " + joinAnd(d.draftWhy) + ". It becomes final once the assessment is complete, " +
			"the assessor is named and the sign-off is recorded."
	}
	d.coverPage(c)
}

// runningFoot is what the foot of every page but the cover says: the title, the kind of
// report, its version and status.
func (f *facts) runningFoot() string { return f.a.Title + f.footStatus() }

// footStatus is the part of the running foot that must always show whole: the kind of
// report, its version and DRAFT or FINAL. A long title gives way to it.
func (f *facts) footStatus() string {
	return fmt.Sprintf(" · %s · version %s · %s", f.kind(), orDash(f.a.ReportVersion), f.state())
}

// fieldworkPeriod is the assessment's period as of the report date: fieldwork planned to end
// later is still going on, and the report says so rather than claim the later days.
func (d *doc) fieldworkPeriod() string {
	if !d.a.EndDate.IsZero() && d.a.EndDate.Truncate(24*time.Hour).After(d.asOf.Truncate(24*time.Hour)) {
		return period(d.a.StartDate, d.a.EndDate) + " (in progress at the report date)"
	}
	return period(d.a.StartDate, d.a.EndDate)
}

// period prints a date range, or what is known of it.
func period(from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "—"
	case to.IsZero():
		return "from " + date(from)
	case from.IsZero():
		return "until " + date(to)
	}
	return date(from) + " – " + date(to)
}

// documentControl prints the document's identity, including the data fingerprint that ties
// it to the database it came from.
func (d *doc) documentControl() {
	prev := "none (first cycle)"
	if d.a.PreviousID != "" {
		prev = d.a.PreviousID
		if d.opts.Previous != nil {
			prev += " — " + d.opts.Previous.Title
		}
	}
	d.fields([][2]string{
		{"Document", "ISO/IEC 42001 readiness report"},
		{"Organisation", orDash(d.a.Organisation.Name)},
		{"Assessment", d.a.Title + " (ID " + orDash(d.a.ID) + ")"},
		{"Report", capitalise(d.kind())},
		{"Version and status", orDash(d.a.ReportVersion) + ", " + d.state() + d.draftNote()},
		{"Sign-off", d.signOffText()},
		{"Report date", date(d.asOf) + " (rules evaluated as of this date)"},
		{"Classification", orDash(d.a.Classification)},
		{"Prepared by", orDash(d.a.Assessor)},
		{"Catalogue", fmt.Sprintf("%s, version %s", orDash(d.a.CatalogueID), orDash(d.a.CatalogueVersion))},
		{"Previous cycle", prev},
		{"Data fingerprint", orDash(d.opts.Fingerprint)},
		{"Sealed with key", orDash(d.opts.SealedWith)},
	})
	d.subheading("About the data fingerprint", 15)
	if d.opts.Fingerprint == "" {
		d.none("No fingerprint was supplied when this report was produced, so it cannot be tied to a particular state of the database.")
	} else {
		d.para("Every change to the assessment database is recorded in an audit trail in which each entry carries " +
			"a hash of the one before. The fingerprint above is the hash of the latest entry when this report was " +
			"produced. Running 'aimsbench verify' on the same database prints it as the chain head; if the two " +
			"match, the report reflects exactly that data, and any later edit would have produced a different value.")
	}
	d.subheading("Handling", 15)
	d.paraf("This document is classified %s. It records findings about %s's management of artificial "+
		"intelligence and should be stored and shared accordingly. A draft is for discussion and may still "+
		"change; only the final version should be relied on.", strings.ToLower(orDash(d.a.Classification)), orDash(d.a.Organisation.Name))
}

// draftNote says why the report is a draft, or nothing for a final one.
func (f *facts) draftNote() string {
	if !f.draft() {
		return ""
	}
	return " (" + joinAnd(f.draftWhy) + ")"
}

// signOffText is the recorded sign-off as a reader reads it.
func (f *facts) signOffText() string {
	so := f.a.SignOff
	if !so.Recorded() {
		return "Not recorded"
	}
	text := so.By
	if strings.TrimSpace(so.Role) != "" {
		text += ", " + so.Role
	}
	return text + ", on " + date(so.Date)
}
