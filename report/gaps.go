package report

import (
	"fmt"
	"strings"
	"time"

	"aimsbench/assessment"
)

// gapColumns are the gap register's columns; the finding and the recommended action share
// the widest one so each gap reads as one row.
var gapColumns = []column{{"Item", 32, ""}, {"Status", 23, ""}, {"Maturity / target", 14, "C"},
	{"Finding and recommended action", 77, ""}, {"Owner, due date, priority", 24, ""}}

// gapRegister prints every gap grouped by clause and Annex A objective, then the items still
// to be assessed.
func (d *doc) gapRegister() {
	d.paraf("%s recorded. Each is listed under its clause or Annex A objective with the finding, the "+
		"recommended action, its owner, due date and priority. The methodology explains when an item counts as a gap.",
		capitalise(plural(len(d.gaps), "gap is", "gaps are")))
	if len(d.gaps) == 0 {
		d.none("No gaps were found among the items judged so far.")
	}
	for _, g := range d.cat.Groups() {
		var rows [][]cell
		for _, gap := range d.gaps {
			if gap.Group == g.ID {
				rows = append(rows, d.gapRow(gap))
			}
		}
		if len(rows) == 0 {
			continue
		}
		d.titledTable(fmt.Sprintf("%s %s (%d)", g.ID, g.Title, len(rows)), gapColumns, rows)
	}
	d.subheading("Items not yet assessed", 20)
	if len(d.unassessed) == 0 {
		d.none("Every item that counts towards the verdict has a status and a maturity.")
		return
	}
	var ids []string
	for _, it := range d.unassessed {
		ids = append(ids, it.ID)
	}
	d.paraf("These %s still lack a status or a maturity and so cannot yet be counted as met or as gaps: %s.",
		plural(len(ids), "item", "items"), shortList(ids, 24, "Appendix 1"))
}

func (d *doc) gapRow(g assessment.Gap) []cell {
	r := g.Result
	text := "Finding: " + orDash(r.Finding)
	if strings.TrimSpace(r.Recommendation) != "" {
		text += "\nAction: " + r.Recommendation
	}
	text += "\nWhy a gap: " + strings.Join(g.Reasons, "; ")
	return []cell{bold(d.itemTitle(g.Item)), statusCell(r.Status), txt(fmt.Sprintf("%s / %d", maturity(r.Maturity), r.EffectiveTarget())),
		txt(text), txt(ownerDue(r.Owner, r.Due, r.Priority))}
}

// ownerDue stacks who, by when and how urgent in one narrow cell.
func ownerDue(owner string, due time.Time, p assessment.Priority) string {
	text := orDash(owner) + "\nDue " + date(due)
	if p != "" {
		text += "\n" + capitalise(string(p)) + " priority"
	}
	return text
}
