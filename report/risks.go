package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// risks prints the impact assessment of each in-scope AI system, the heat maps and the risk
// register.
func (d *doc) risks() {
	d.impactAssessments()
	d.subheading("Risk heat map", 80)
	if len(d.a.Risks) == 0 {
		d.none("The AI risk register is empty, so there is nothing to plot. A register of AI risks with their treatment is needed before the Statement of Applicability can be checked against it.")
		return
	}
	d.para("Each cell counts the risks rated at that likelihood and impact, before treatment on the left and after it " +
		"on the right. Darker cells are more severe; the severity is also named in the register below.")
	inherent, unratedBefore := assessment.HeatMap(d.a.Risks, false)
	residual, unratedAfter := assessment.HeatMap(d.a.Risks, true)
	d.heatMaps(riskGrid{"Before treatment (inherent)", inherent}, riskGrid{"After treatment (residual)", residual})
	if unratedBefore+unratedAfter > 0 {
		d.paragraph(fmt.Sprintf("Not plotted: %s without an inherent rating and %s without a residual rating.",
			plural(unratedBefore, "risk", "risks"), plural(unratedAfter, "risk", "risks")), styleSmall)
	}
	d.riskRegister()
}

func (d *doc) impactAssessments() {
	d.subheading("Impact assessments", 30)
	var rows [][]cell
	for _, s := range d.a.Systems {
		if !s.InScope {
			continue
		}
		state := "Current"
		if p := assessment.ImpactAssessmentProblem(s, d.asOf); p != "" {
			state = capitalise(p)
		}
		considered := "Affected groups: " + orDash(s.AffectedGroups) + "\nHarms: " + orDash(s.Harms)
		rows = append(rows, []cell{bold(s.Name), impactCell(s.Impact), txt(date(s.AISIADate) + "\n" + state),
			txt(yesNo(s.HumanOversight)), txt(considered), txt(yesNo(s.ImpactToRiskTrace))})
	}
	if len(rows) == 0 {
		d.none("No AI system is in scope, so no impact assessment could be reviewed.")
		return
	}
	d.para("For each AI system in scope: when its impact assessment was last done and whether it is still current " +
		"(no older than twelve months and no older than the system's last significant change), whether human oversight " +
		"is documented, what the assessment considered, and whether its findings are traced into risk treatment.")
	d.table([]column{{"AI system", 30, ""}, {"Impact", 15, ""}, {"Impact assessment", 24, ""}, {"Human oversight", 16, "C"},
		{"Groups and harms considered", 67, ""}, {"Traced to risk treatment", 18, "C"}}, rows)
}

// riskRegister prints every risk with its ratings before and after treatment.
func (d *doc) riskRegister() {
	var rows [][]cell
	for _, r := range d.a.Risks {
		rows = append(rows, []cell{bold(riskLabel(r)), txt(r.Title), txt(d.systemName(r.SystemID)),
			ratingCell(r.Likelihood, r.Impact), txt(capitalise(orDash(r.Treatment))), txt(orDash(strings.Join(r.Controls, ", "))),
			ratingCell(r.ResidualLikelihood, r.ResidualImpact), txt(orDash(r.Owner)), txt(capitalise(orDash(r.Status)))})
	}
	d.titledTable("AI risk register", []column{{"Ref", 11, ""}, {"Risk", 34, ""}, {"AI system", 21, ""}, {"Inherent", 18, ""}, {"Treatment", 15, ""},
		{"Annex A controls", 18, ""}, {"Residual", 18, ""}, {"Owner", 20, ""}, {"Status", 15, ""}}, rows)
}

// ratingCell prints likelihood × impact with its severity, marked by lightness.
func ratingCell(l, i int) cell {
	if l < 1 || i < 1 {
		return txt("Not rated")
	}
	sev := assessment.Severity(l, i)
	text := fmt.Sprintf("%d × %d = %d\n%s", l, i, l*i, capitalise(sev))
	return marked(text, severityFill(sev))
}
