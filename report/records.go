package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"aimsbench/assessment"
)

// The field records (SPEC §11) are printed in one section, "Management system records", set
// right after the readiness checklist and before the KPIs: the checklist's management-cycle
// lines are decided from the internal audits and management reviews, and the KPIs that follow
// are computed from the training, supplier and incident registers, so a certification auditor
// finds the records between the conclusion drawn from them and the figures worked out of them.
// The interview log is printed in the methodology instead, since it says whom the assessor
// spoke to, which is how the evidence was gathered.

// recordLimit is how many entries of a field register the report lists. A longer register is
// summarised, its most recent entries listed, and the reader sent to the XLSX workbook, which
// holds every entry; a 500-row table would bury the section and slow the report.
const recordLimit = 20

// records prints the internal audit programme, the management reviews, the competence and
// training records, the supplier register and the AI incident register.
func (d *doc) records() {
	d.para("These are the records of the management system the assessor examined. The readiness checklist " +
		"draws on the internal audits and management reviews, and the indicators that follow are computed from " +
		"the training, supplier and incident records.")
	d.auditProgramme()
	d.managementReviews()
	d.trainingRecords()
	d.supplierRegister()
	d.incidentRegister()
}

// recent keeps the entries a register prints: all of them up to recordLimit, else the most
// recent recordLimit by the date given, latest first.
func recent[T any](entries []T, when func(T) time.Time) []T {
	if len(entries) <= recordLimit {
		return entries
	}
	out := slices.Clone(entries)
	slices.SortStableFunc(out, func(a, b T) int { return when(b).Compare(when(a)) })
	return out[:recordLimit]
}

// fullListPointer is the sentence before a shortened register saying what is shown and where
// the rest is.
func fullListPointer(n int, what, sheet string) string {
	return fmt.Sprintf("The %d most recent of the %d %s are listed below, latest first; the XLSX workbook lists every one on its %q sheet.",
		recordLimit, n, what, sheet)
}

// kpiValue is the value of the catalogue's KPI computed by a rule, as the KPI section prints it.
func (d *doc) kpiValue(rule string) (string, bool) {
	for _, k := range d.cat.KPIs {
		if k.Computed != rule {
			continue
		}
		for _, r := range d.sum.KPIs {
			if r.ID == k.ID {
				return r.Value, true
			}
		}
	}
	return "", false
}

func (d *doc) auditProgramme() {
	d.subheading("Internal audit programme", 30)
	audits := d.a.Audits
	if len(audits) == 0 {
		d.none("No internal audit, held or planned, is recorded.")
		return
	}
	c := assessment.InternalAuditCoverage(d.cat, d.a, d.asOf)
	held := "no internal audit was held"
	if len(c.Held) > 0 {
		held = plural(len(c.Held), "internal audit was", "internal audits were") + " held (" + shortList(c.Held, listLimit, "") + ")"
	}
	coverage := fmt.Sprintf("In the 12 months from %s to %s, %s. Together they covered %d of the %d clause requirements and %d of the %d included controls",
		date(c.From), date(c.To), held, c.Clauses.Audited, c.Clauses.Total, c.Controls.Audited, c.Controls.Total)
	if planned := c.Clauses.Planned + c.Controls.Planned; planned > 0 {
		coverage += fmt.Sprintf("; planned audits are due to cover %d more", planned)
	}
	coverage += "."
	if len(c.Uncovered()) > 0 {
		coverage += " A certification body expects the audits of one cycle to cover them all."
	}
	d.para(coverage)
	if len(audits) > recordLimit {
		d.para(fullListPointer(len(audits), "audits", sheetAudits))
	}
	var rows [][]cell
	for _, x := range recent(audits, assessment.InternalAudit.Date) {
		when := "Held " + date(x.Held)
		if !x.WasHeld() {
			when = "Planned " + date(x.Planned)
		}
		auditor := orDash(x.Auditor)
		if strings.TrimSpace(x.AuditorArea) != "" {
			auditor += "\n(" + x.AuditorArea + ")"
		}
		var findings []string
		for _, n := range x.Findings {
			findings = append(findings, assessment.Nonconformity{Number: n}.Label())
		}
		rows = append(rows, []cell{bold(x.Label() + "\n" + x.Title), txt(when), txt(auditor), txt(orDash(strings.Join(x.Areas, ", "))),
			txt(orDash(shortList(x.Items, 8, ""))), txt(orDash(strings.Join(findings, ", "))), txt(orDash(x.Conclusion))})
	}
	d.table([]column{{"Audit", 30, ""}, {"Date", 20, ""}, {"Auditor", 22, ""}, {"Areas audited", 24, ""},
		{"Items covered", 24, ""}, {"Findings", 16, ""}, {"Conclusion", 34, ""}}, rows)
}

func (d *doc) managementReviews() {
	d.subheading("Management reviews", 30)
	reviews := d.a.Reviews
	if len(reviews) == 0 {
		d.none("No management review meeting is recorded.")
		return
	}
	total := len(d.cat.ManagementReviewInputs)
	if len(reviews) > recordLimit {
		d.para(fullListPointer(len(reviews), "reviews", sheetReviews))
	}
	var rows [][]cell
	for _, r := range recent(reviews, func(r assessment.ManagementReview) time.Time { return r.Date }) {
		when, inputs := date(r.Date), fmt.Sprintf("%d of %d", len(r.Inputs), total)
		if r.Date.After(d.asOf) { // a meeting to come has considered nothing yet
			when, inputs = date(r.Date)+" (planned)", "—"
		}
		rows = append(rows, []cell{bold(r.Label()), txt(when), txt(orDash(strings.Join(r.Attendees, ", "))),
			txt(inputs), txt(orDash(r.Decisions))})
	}
	d.table([]column{{"Review", 16, ""}, {"Date", 22, ""}, {"Attendees", 44, ""}, {"Inputs considered", 22, ""},
		{"Decisions and actions", 66, ""}}, rows)
	last := assessment.LastManagementReview(d.cat, d.a, d.asOf)
	if last.Review == nil {
		d.none("No management review has been held yet; every meeting above is planned.")
		return
	}
	var inputs [][]cell
	for _, in := range last.Inputs {
		considered := marked("Not considered", badFill)
		if in.Considered {
			considered = marked("Considered", goodFill)
		}
		inputs = append(inputs, []cell{txt(in.Input.Title), considered})
	}
	d.minorHeading(fmt.Sprintf("Inputs of the last review held, %s on %s", last.Review.Label(), date(last.Review.Date)), 30)
	d.table([]column{{"Input the review must consider", 130, ""}, {"At this review", 40, ""}}, inputs)
}

func (d *doc) trainingRecords() {
	d.subheading("Competence and training", 30)
	records := d.a.Training
	if len(records) == 0 {
		d.none("No competence or training record is entered.")
		return
	}
	if v, ok := d.kpiValue("training_completion"); ok {
		d.paraf("Training completion over the last 12 months: %s.", v)
	}
	if len(records) > recordLimit {
		d.para(fullListPointer(len(records), "training records", sheetTraining))
	}
	var rows [][]cell
	for _, r := range recent(records, func(r assessment.TrainingRecord) time.Time { return r.Date }) {
		rows = append(rows, []cell{bold(r.Label()), txt(orDash(r.Group)), txt(orDash(r.Training)), txt(fmt.Sprint(r.Due)),
			txt(fmt.Sprint(r.Completed)), txt(completion(r)), txt(date(r.Date))})
	}
	d.table([]column{{"Record", 16, ""}, {"Role or group", 36, ""}, {"Training", 50, ""}, {"Due", 14, "R"},
		{"Done", 14, "R"}, {"Share", 16, "R"}, {"As of", 24, ""}}, rows)
}

// completion is the share of people due who completed a training, or a dash when none is due.
func completion(r assessment.TrainingRecord) string {
	if r.Due == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", math.Round(float64(r.Completed)*100/float64(r.Due)))
}

func (d *doc) supplierRegister() {
	d.subheading("Suppliers", 30)
	suppliers := d.a.Suppliers
	if len(suppliers) == 0 {
		d.none("No supplier is recorded in the supplier register.")
		return
	}
	if v, ok := d.kpiValue("suppliers_assessed"); ok {
		d.paraf("Supplier-dependent AI systems whose suppliers all had their due diligence in the last 12 months: %s.", v)
	}
	if len(suppliers) > recordLimit {
		d.para(fullListPointer(len(suppliers), "suppliers by due-diligence date", sheetSuppliers))
	}
	var rows [][]cell
	for _, s := range recent(suppliers, func(s assessment.Supplier) time.Time { return s.Assessed }) {
		var systems []string
		for _, id := range s.Systems {
			systems = append(systems, d.systemName(id))
		}
		rows = append(rows, []cell{bold(s.Label() + "\n" + s.Name), txt(orDash(s.Provides)), txt(orDash(shortList(systems, 6, ""))),
			dueDiligenceCell(s), txt(orDash(s.Note))})
	}
	d.table([]column{{"Supplier", 34, ""}, {"Provides", 40, ""}, {"AI systems relying on it", 36, ""},
		{"Due diligence", 26, ""}, {"Note", 34, ""}}, rows)
}

// dueDiligenceCell is a supplier's last due diligence, its result and date, shaded by result.
func dueDiligenceCell(s assessment.Supplier) cell {
	if s.Result == "" {
		return marked("Not assessed", badFill)
	}
	text := capitalise(string(s.Result)) + "\n" + date(s.Assessed)
	switch s.Result {
	case assessment.Satisfactory:
		return marked(text, goodFill)
	case assessment.Conditional:
		return marked(text, midFill)
	}
	return marked(text, badFill)
}

func (d *doc) incidentRegister() {
	d.subheading("AI incidents", 30)
	incidents := d.a.Incidents
	if len(incidents) == 0 {
		d.none("No AI incident is recorded.")
		return
	}
	open := 0
	for _, x := range incidents {
		if x.Open() {
			open++
		}
	}
	d.paraf("The register holds %s, %d of them still open.", plural(len(incidents), "AI incident", "AI incidents"), open)
	if v, ok := d.kpiValue("incident_response"); ok {
		d.paraf("Measured from the register: %s.", v)
	}
	if len(incidents) > recordLimit {
		d.para(fullListPointer(len(incidents), "incidents by detection date", sheetIncidents))
	}
	var rows [][]cell
	for _, x := range recent(incidents, func(x assessment.Incident) time.Time { return x.Detected }) {
		resolved := txt(date(x.Resolved))
		if x.Open() {
			resolved = marked("Open", midFill)
		}
		system := "—"
		if x.SystemID != 0 {
			system = d.systemName(x.SystemID)
		}
		rows = append(rows, []cell{bold(x.Label()), txt(orDash(x.Title)), txt(system), txt(date(x.Occurred)), txt(date(x.Detected)),
			txt(date(x.Reported)), resolved})
	}
	d.table([]column{{"Incident", 16, ""}, {"What happened", 46, ""}, {"AI system", 28, ""}, {"Began", 20, ""},
		{"Detected", 20, ""}, {"Reported", 20, ""}, {"Resolved", 20, ""}}, rows)
}

// interviewLog prints whom the assessor interviewed, when, and about which items.
func (d *doc) interviewLog() {
	d.subheading("Interviews", 25)
	interviews := d.a.Interviews
	if len(interviews) == 0 {
		d.none("No interview is recorded in the interview log.")
		return
	}
	d.paraf("The assessor held %s; evidence may cite an interview by its reference.", plural(len(interviews), "interview", "interviews"))
	if len(interviews) > recordLimit {
		d.para(fullListPointer(len(interviews), "interviews", sheetInterviews))
	}
	var rows [][]cell
	for _, x := range recent(interviews, func(x assessment.Interview) time.Time { return x.Date }) {
		rows = append(rows, []cell{bold(x.Label()), txt(orDash(x.Name)), txt(orDash(x.Role)), txt(date(x.Date)),
			txt(orDash(shortList(x.Items, 10, "")))})
	}
	d.table([]column{{"Interview", 18, ""}, {"Person", 34, ""}, {"Role", 40, ""}, {"Date", 22, ""}, {"Items discussed", 56, ""}}, rows)
}

// The sheets of the XLSX workbook holding the field registers, which a shortened register
// points to.
const (
	sheetAudits     = "Internal audits"
	sheetReviews    = "Management reviews"
	sheetTraining   = "Training"
	sheetSuppliers  = "Suppliers"
	sheetIncidents  = "AI incidents"
	sheetInterviews = "Interviews"
)
