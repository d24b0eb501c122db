package report

import (
	"fmt"

	"aimsbench/assessment"
)

// roadmap prints the implementation phases with the gaps and open nonconformities that fall
// in each, their owners and due dates.
func (d *doc) roadmap() {
	d.paraf("The plan below counts its weeks from the report date, %s. Each gap and each open nonconformity sits in "+
		"the phase that deals with its requirement; phases overlap where the work can run in parallel.", date(d.asOf))
	if c := d.a.Certification; !c.Stage1.IsZero() {
		d.paraf("The Stage 1 audit is planned for %s and the Stage 2 audit for %s.", date(c.Stage1), date(c.Stage2))
	}
	for _, p := range d.phases {
		about := [][2]string{
			{"When", fmt.Sprintf("Weeks %d to %d: %s", p.Phase.StartWeek, p.Phase.EndWeek, period(p.From, p.To))},
			{"Activities", orDash(p.Phase.Activities)},
			{"Deliverables", orDash(p.Phase.Deliverables)},
		}
		d.subheading(fmt.Sprintf("Phase %d: %s", p.Phase.ID, p.Phase.Title), d.fieldsHeight(about)+22)
		d.fields(about)
		d.phaseActions(p.Gaps, p.OpenNCs, "No gap or open nonconformity falls in this phase.")
	}
	if len(d.unplanned)+len(d.unplannedNCs) > 0 {
		d.subheading("Other actions", 30)
		d.para("These gaps and nonconformities concern requirements that no phase of the plan lists; schedule them alongside the phase that suits.")
		d.phaseActions(d.unplanned, d.unplannedNCs, "")
	}
}

// phaseActions prints the actions of one phase: each gap's recommendation and each open
// nonconformity's corrective action, with owner and due date.
func (d *doc) phaseActions(gaps []assessment.Gap, ncs []assessment.Nonconformity, empty string) {
	if len(gaps)+len(ncs) == 0 {
		d.none(empty)
		return
	}
	var rows [][]cell
	for _, g := range gaps {
		r := g.Result
		action := r.Recommendation
		if action == "" {
			action = "Close the gap: " + joinAnd(g.Reasons) + "."
		}
		rows = append(rows, []cell{bold(itemTitle(g.Item)), txt(action), txt(orDash(r.Owner)), txt(date(r.Due)),
			txt(capitalise(orDash(string(r.Priority))))})
	}
	for _, nc := range ncs {
		action := nc.CorrectiveAction
		if action == "" {
			action = nc.Description
		}
		due := txt(date(nc.Due))
		if nc.Overdue(d.asOf) {
			due = marked(date(nc.Due)+"\nOverdue", badFill)
		}
		rows = append(rows, []cell{bold(nc.Label() + " (" + nc.ItemID + ")"), txt(orDash(action)), txt(orDash(nc.Owner)), due,
			txt(capitalise(nc.Grade.Label()))})
	}
	d.table([]column{{"Gap or nonconformity", 42, ""}, {"Action", 70, ""}, {"Owner", 22, ""}, {"Due", 16, ""}, {"Priority or grade", 20, ""}}, rows)
}
