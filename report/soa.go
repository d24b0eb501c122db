package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// soa prints the Statement of Applicability: every Annex A control with its decision and the
// justification for including or excluding it (6.1.3), its implementation status, the
// conclusion of its test and the evidence it rests on.
func (d *doc) soa() {
	var rows [][]cell
	required := assessment.RequiredControls(d.cat, d.a)
	included, excluded, unjustified := 0, 0, 0
	for _, item := range d.cat.Assessable() {
		if !item.IsControl() {
			continue
		}
		r := d.a.Result(item)
		if r.Decision == assessment.Excluded {
			excluded++
		} else {
			included++
		}
		why, given := soaJustification(d.a, item.ID, r)
		if !given {
			unjustified++
		}
		decision := "Included"
		if r.Decision == assessment.Excluded {
			decision = "Excluded"
		}
		for _, req := range required[item.ID] {
			why += fmt.Sprintf(" Required because %s (%s).", req.Because, shortList(req.Systems, 2, ""))
		}
		rows = append(rows, []cell{bold(d.itemTitle(item)), txt(decision + ". " + why), implementationCell(r),
			txt(d.testResult(item.ID)), txt(evidenceRef(r))})
	}
	d.paraf("The Statement of Applicability covers all %d Annex A controls: %d included and %d excluded. Clause 6.1.3 asks "+
		"for the reason behind every decision, inclusion as well as exclusion; where the assessor recorded none for an "+
		"included control, the risks it treats are shown instead; a control the organisation's situation requires says "+
		"why. %s. Appendix 1 lists all the evidence of each control.",
		included+excluded, included, excluded, capitalise(plural(unjustified, "decision has", "decisions have"))+" no justification recorded")
	d.table([]column{{"Control", 40, ""}, {"Decision and justification", 62, ""}, {"Implementation", 22, ""},
		{"Test", 20, ""}, {"Evidence", 26, ""}}, rows)
}

// soaJustification is why a control is included or excluded, and whether the assessor gave
// the reason: their own words when recorded, else for an included control the risks of the
// register it treats (a long list is counted, the register has them all).
func soaJustification(a *assessment.Assessment, control string, r *assessment.Result) (string, bool) {
	if text := strings.TrimSpace(r.Justification); text != "" {
		return text, true
	}
	if r.Decision == assessment.Excluded {
		return "No justification recorded.", false
	}
	var risks []string
	for _, risk := range assessment.LinkedRisks(a, control) {
		risks = append(risks, riskLabel(risk))
	}
	if len(risks) > 0 {
		return fmt.Sprintf("Treats %s in the register: %s.", plural(len(risks), "risk", "risks"), shortList(risks, 4, "")), false
	}
	return "No justification recorded, and no risk in the register relies on it.", false
}

// implementation names a control's status the way a Statement of Applicability does.
func implementation(r *assessment.Result) string {
	if r.Decision == assessment.Excluded {
		return "Not applicable"
	}
	switch r.Status {
	case assessment.Conformant:
		return "Implemented"
	case assessment.Partial:
		return "Partly implemented"
	case assessment.Nonconformant:
		return "Not implemented"
	}
	return "Not assessed"
}

// implementationCell marks the implementation status with the status's shade.
func implementationCell(r *assessment.Result) cell {
	c := statusCell(r.Status)
	c.text = implementation(r)
	return c
}

// evidenceRef points at the evidence a result rests on: the first item's reference (or
// title) and how many more there are.
func evidenceRef(r *assessment.Result) string {
	if len(r.Evidence) == 0 {
		return "None recorded"
	}
	e := r.Evidence[0]
	ref := strings.TrimSpace(e.Reference)
	if ref == "" {
		ref = e.Title
	}
	if n := len(r.Evidence) - 1; n > 0 {
		ref += fmt.Sprintf(" (+%d more)", n)
	}
	return ref
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
