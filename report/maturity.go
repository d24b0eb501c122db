package report

import (
	"fmt"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// maturity prints the maturity of each clause and Annex A objective as bar charts with the
// level-3 line, then as a table with the target.
func (d *doc) maturity() {
	clauses, objectives := d.splitGroups()
	d.para("Each bar is the mean maturity of the group's items that count towards the verdict; the dashed line marks " +
		"level 3, certification-ready, and the small triangle the group's target. A group whose bar stops short of " +
		"the line needs work before a certification audit.")
	d.subheading("Clauses 4 to 10", 70)
	d.barChart(d.bars(clauses))
	d.subheading("Annex A control objectives", 90)
	d.barChart(d.bars(objectives))
	d.subheading("Maturity table", 40)
	var rows [][]cell
	for _, g := range d.sum.Groups {
		by := g.ByStatus
		rows = append(rows, []cell{txt(g.ID + " " + g.Title), txt(fmt.Sprintf("%d of %d", g.Assessed, g.Total)),
			txt(fmt.Sprintf("%d / %d / %d / %d", by[assessment.Conformant], by[assessment.Partial], by[assessment.Nonconformant], by[assessment.NotAssessed])),
			txt(meanText(g)), txt(maturity(g.Min)), txt(assessment.GroupTarget(d.cat, d.a, g.ID).String())})
	}
	o := d.sum.Overall
	rows = append(rows, []cell{bold("Overall"), bold(fmt.Sprintf("%d of %d", o.Assessed, o.Total)),
		bold(fmt.Sprintf("%d / %d / %d / %d", o.ByStatus[assessment.Conformant], o.ByStatus[assessment.Partial], o.ByStatus[assessment.Nonconformant], o.ByStatus[assessment.NotAssessed])),
		bold(meanText(o)), bold(maturity(o.Min)), bold("")})
	d.table([]column{{"Clause or objective", 66, ""}, {"Assessed", 20, "C"}, {"Conformant / partial / nonconformant / not assessed", 40, "C"},
		{"Mean", 14, "C"}, {"Lowest", 15, "C"}, {"Target", 15, "C"}}, rows)
}

// splitGroups separates the roll-ups of clause headings from those of Annex A objectives.
func (d *doc) splitGroups() (clauses, objectives []assessment.Group) {
	for _, g := range d.sum.Groups {
		if it, ok := d.cat.Item(g.ID); ok && it.Kind == checklists.KindObjective {
			objectives = append(objectives, g)
		} else {
			clauses = append(clauses, g)
		}
	}
	return clauses, objectives
}

// bars are the groups' bars on a maturity chart.
func (d *doc) bars(groups []assessment.Group) []bar {
	out := make([]bar, len(groups))
	for i, g := range groups {
		out[i] = bar{label: g.ID + "  " + g.Title, mean: g.Mean, target: assessment.GroupTarget(d.cat, d.a, g.ID), rated: g.Min > 0}
	}
	return out
}
