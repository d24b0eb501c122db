package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// nonconformities prints every nonconformity with its root cause, corrective action,
// effectiveness check and where it stands.
func (d *doc) nonconformities() {
	t := d.ncs
	if t.Total == 0 {
		d.none("No nonconformity, observation or opportunity for improvement has been raised in this assessment.")
		return
	}
	d.paraf("%s raised: %d open (%d of them major, %d past their due date), %d closed awaiting a check of "+
		"effectiveness and %d verified effective. Overdue items are marked.",
		capitalise(plural(t.Total, "finding was", "findings were")), t.Open, t.OpenMajor, t.Overdue, t.Closed, t.Verified)
	var rows [][]cell
	for _, nc := range d.a.NCs {
		rows = append(rows, d.ncRow(nc))
	}
	d.table([]column{{"NC", 14, ""}, {"Item", 13, ""}, {"Grade", 20, ""}, {"Description and root cause", 46, ""},
		{"Correction, corrective action and check", 43, ""}, {"Owner and due date", 20, ""}, {"Status", 14, ""}}, rows)
}

func (d *doc) ncRow(nc assessment.Nonconformity) []cell {
	desc := orDash(nc.Description)
	if strings.TrimSpace(nc.RootCause) != "" {
		desc += "\nRoot cause: " + nc.RootCause
	}
	var action []string
	if strings.TrimSpace(nc.Correction) != "" {
		action = append(action, "Correction: "+nc.Correction)
	}
	if strings.TrimSpace(nc.CorrectiveAction) != "" {
		action = append(action, "Corrective action: "+nc.CorrectiveAction)
	}
	if !nc.CheckDate.IsZero() || strings.TrimSpace(nc.CheckResult) != "" {
		action = append(action, fmt.Sprintf("Check on %s by %s: %s", date(nc.CheckDate), orDash(nc.CheckBy), orDash(nc.CheckResult)))
	}
	due := txt(orDash(nc.Owner) + "\nDue " + date(nc.Due))
	if nc.Overdue(d.asOf) {
		due = marked(orDash(nc.Owner)+"\nDue "+date(nc.Due)+"\nOverdue", badFill)
	}
	grade := txt(capitalise(nc.Grade.Label()))
	if nc.Grade == assessment.MajorNC {
		grade = bold(capitalise(nc.Grade.Label()))
	}
	return []cell{bold(nc.Label()), txt(orDash(nc.ItemID)), grade, txt(desc), txt(orDash(strings.Join(action, "\n"))),
		due, txt(capitalise(nc.Status.Label()))}
}
