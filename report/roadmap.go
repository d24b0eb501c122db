package report

import (
	"fmt"

	"aimsbench/assessment"
)

// roadmap prints the implementation phases with the actions that fall in each: every gap,
// open nonconformity, AI system without a current impact assessment and missing register,
// with owner, due date and priority, and warns where a phase runs past a planned audit.
func (d *doc) roadmap() {
	p := d.plan
	d.paraf("The plan counts its weeks from the report date, %s. It turns each gap, open nonconformity, AI system "+
		"without a current impact assessment and missing register into an action with an owner, a due date and a "+
		"phase. Where the assessor recorded no owner or due date, the plan proposes the AIMS manager and the end of the "+
		"action's phase, marked as proposed; where no recommendation was given, the action follows the catalogue's "+
		"guidance, marked as such.", date(d.asOf))
	d.auditDates()
	for _, ph := range p.Phases {
		about := [][2]string{
			{"When", fmt.Sprintf("Weeks %d to %d: %s", ph.Phase.StartWeek, ph.Phase.EndWeek, period(ph.From, ph.To))},
			{"Activities", orDash(ph.Phase.Activities)},
			{"Deliverables", orDash(ph.Phase.Deliverables)},
		}
		d.subheading(fmt.Sprintf("Phase %d: %s", ph.Phase.ID, ph.Phase.Title), d.fieldsHeight(about)+22)
		d.fields(about)
		d.phaseActions(ph.Phase.ID, "No action falls in this phase.")
	}
	if d.hasActionsIn(0) {
		d.subheading("Other actions", 30)
		d.para("These actions concern requirements that no phase of the plan lists; schedule them alongside the phase that suits.")
		d.phaseActions(0, "")
	}
}

// auditDates relates the plan to the Stage 1 and Stage 2 dates and lists every clash.
func (d *doc) auditDates() {
	c := d.a.Certification
	if c.Stage1.IsZero() && c.Stage2.IsZero() {
		d.para("No Stage 1 or Stage 2 date is recorded, so the plan cannot yet be checked against the audits.")
		return
	}
	d.paraf("The Stage 1 audit is planned for %s and the Stage 2 audit for %s.", date(c.Stage1), date(c.Stage2))
	if len(d.plan.Conflicts) == 0 {
		d.para("Every phase ends before the audits it prepares for.")
		return
	}
	var lines []string
	for _, x := range d.plan.Conflicts {
		line := fmt.Sprintf("Phase %d (%s) ends on %s, after the %s audit on %s", x.Phase.ID, x.Phase.Title, date(x.Ends), x.Audit, date(x.AuditDate))
		if x.LateDue > 0 {
			line += fmt.Sprintf("; %s due after that audit", plural(x.LateDue, "of its actions is", "of its actions are"))
		}
		lines = append(lines, line+".")
	}
	d.paragraph("The plan and the audit dates do not agree:", styleBold)
	d.bullets(lines)
}

// hasActionsIn reports whether any action falls in a phase (0: no phase).
func (d *doc) hasActionsIn(phase int) bool {
	for _, act := range d.plan.Actions {
		if act.Phase == phase {
			return true
		}
	}
	return false
}

// phaseActions prints the actions of one phase.
func (d *doc) phaseActions(phase int, empty string) {
	var rows [][]cell
	for _, act := range d.plan.Actions {
		if act.Phase == phase {
			rows = append(rows, actionRow(act))
		}
	}
	if len(rows) == 0 {
		d.none(empty)
		return
	}
	d.table([]column{{"Concerns", 40, ""}, {"Action", 72, ""}, {"Owner", 24, ""}, {"Due", 20, ""}, {"Priority", 14, ""}}, rows)
}

func actionRow(act assessment.Action) []cell {
	do := act.Do
	if act.FromGuidance {
		do += "\n(catalogue guidance)"
	}
	owner := act.Owner
	if act.OwnerProposed {
		owner += "\n(proposed)"
	}
	due := txt(date(act.Due))
	switch {
	case act.DueProposed:
		due = txt(date(act.Due) + "\n(end of phase, proposed)")
	case act.Overdue:
		due = marked(date(act.Due)+"\nOverdue", badFill)
	}
	return []cell{bold(act.Subject), txt(do), txt(owner), due, txt(capitalise(orDash(string(act.Priority))))}
}
