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
	d.heatMaps()
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

// heatMaps draws the inherent and residual 5×5 grids side by side.
func (d *doc) heatMaps() {
	const cellW = 10.5
	d.need(5*cellW + 22)
	top := d.y()
	inherent, unratedBefore := assessment.HeatMap(d.a.Risks, false)
	residual, unratedAfter := assessment.HeatMap(d.a.Risks, true)
	d.heatGrid(marginLeft+14, top, cellW, "Before treatment (inherent)", inherent)
	d.heatGrid(marginLeft+14+5*cellW+30, top, cellW, "After treatment (residual)", residual)
	d.pdf.SetY(top + 5*cellW + 17)
	if unratedBefore+unratedAfter > 0 {
		d.paraStyled(fmt.Sprintf("Not plotted: %s without an inherent rating and %s without a residual rating.",
			plural(unratedBefore, "risk", "risks"), plural(unratedAfter, "risk", "risks")), styleSmall)
	}
}

// heatGrid draws one 5×5 grid: likelihood up the side, impact along the bottom.
func (d *doc) heatGrid(x, y, w float64, title string, grid [5][5]int) {
	d.font(styleLabel)
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(5*w, 4.5, title, "", 0, "C", false, 0, "")
	top := y + 6
	for l := 5; l >= 1; l-- {
		for i := 1; i <= 5; i++ {
			cx, cy := x+float64(i-1)*w, top+float64(5-l)*w
			fill := map[string]rgb{"high": badFill, "medium": midFill, "low": goodFill}[assessment.Severity(l, i)]
			d.fill(fill)
			d.stroke(white)
			d.pdf.SetLineWidth(0.6)
			d.pdf.Rect(cx, cy, w, w, "FD")
			if n := grid[l-1][i-1]; n > 0 {
				s := textStyle{"B", 9, ink, 4}
				if fill.dark() {
					s.colour = white
				}
				d.font(s)
				d.pdf.SetXY(cx, cy+w/2-2)
				d.pdf.CellFormat(w, 4, fmt.Sprint(n), "", 0, "C", false, 0, "")
			}
		}
		d.font(styleChartText)
		d.pdf.SetXY(x-6, top+float64(5-l)*w+w/2-1.7)
		d.pdf.CellFormat(5, 3.4, fmt.Sprint(l), "", 0, "R", false, 0, "")
	}
	d.pdf.SetLineWidth(0.2)
	for i := 1; i <= 5; i++ {
		d.pdf.SetXY(x+float64(i-1)*w, top+5*w+0.8)
		d.pdf.CellFormat(w, 3.4, fmt.Sprint(i), "", 0, "C", false, 0, "")
	}
	d.pdf.SetXY(x, top+5*w+4.5)
	d.pdf.CellFormat(5*w, 3.4, "Impact", "", 0, "C", false, 0, "")
	cx, cy := x-9, top+2.5*w
	d.pdf.TransformBegin()
	d.pdf.TransformRotate(90, cx, cy)
	d.pdf.Text(cx-d.pdf.GetStringWidth("Likelihood")/2, cy+1.2, "Likelihood")
	d.pdf.TransformEnd()
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
	return marked(text, map[string]rgb{"high": badFill, "medium": midFill, "low": goodFill}[sev])
}
