package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// soa prints the Statement of Applicability: every Annex A control with its decision,
// justification, status, the risks it treats and the conclusion of its test.
func (d *doc) soa() {
	var rows [][]cell
	included, excluded := 0, 0
	for _, item := range d.cat.Assessable() {
		if !item.IsControl() {
			continue
		}
		r := d.a.Result(item)
		decision := "Included"
		if r.Decision == assessment.Excluded {
			decision = "Excluded"
			excluded++
		} else {
			included++
		}
		var risks []string
		for _, risk := range assessment.LinkedRisks(d.a, item.ID) {
			risks = append(risks, riskLabel(risk))
		}
		rows = append(rows, []cell{bold(itemTitle(item)), txt(decision), txt(orDash(r.Justification)), statusCell(r.Status),
			txt(orDash(strings.Join(risks, ", "))), txt(d.testResult(item.ID))})
	}
	d.paraf("The Statement of Applicability covers all %d Annex A controls: %d included and %d excluded. Linked risks "+
		"are the entries of the risk register whose treatment relies on the control.", included+excluded, included, excluded)
	d.table([]column{{"Control", 46, ""}, {"Decision", 17, ""}, {"Justification", 45, ""}, {"Status", 22, ""},
		{"Linked risks", 18, ""}, {"Test", 22, ""}}, rows)
}

// testResult is a control's test conclusion as printed, with a mark when it was overridden.
func (d *doc) testResult(control string) string {
	t := d.a.TestOf(control)
	if t == nil {
		return "Not tested"
	}
	c := conclusionLabel(t.Conclusion(d.cat.Sampling))
	if t.ConclusionOverride != "" && t.ConclusionOverride != assessment.NotConcluded {
		c += " (overridden)"
	}
	return c
}

// conclusionLabel prints a test conclusion.
func conclusionLabel(c assessment.Conclusion) string {
	switch c {
	case assessment.Effective:
		return "Effective"
	case assessment.Ineffective:
		return "Ineffective"
	}
	return "Not concluded"
}

// conclusionCell marks a conclusion: effective light, ineffective dark.
func conclusionCell(c assessment.Conclusion) cell {
	switch c {
	case assessment.Effective:
		return marked(conclusionLabel(c), goodFill)
	case assessment.Ineffective:
		return marked(conclusionLabel(c), badFill)
	}
	return txt(conclusionLabel(c))
}

// percentOf prints n of total as a whole percentage.
func percentOf(n, total int) string {
	if total == 0 {
		return "—"
	}
	return fmt.Sprintf("%d%%", (n*100+total/2)/total)
}
