package report

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

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
	d.barChart(clauses)
	d.subheading("Annex A control objectives", 90)
	d.barChart(objectives)
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

// barChart draws one horizontal bar per group on a 0–5 scale with the level-3 line and the
// group's target; a group with nothing rated says so instead of showing an empty bar.
func (d *doc) barChart(groups []assessment.Group) {
	const labelW, rowH, valueW = 66.0, 6.4, 16.0
	plotW := contentWidth - labelW - valueW
	x0 := marginLeft + labelW
	h := float64(len(groups))*rowH + 10
	d.need(h)
	top := d.y()
	d.stroke(rule)
	d.pdf.SetLineWidth(0.15)
	d.font(styleChartText)
	for lvl := 0; lvl <= 5; lvl++ {
		x := x0 + plotW*float64(lvl)/5
		d.pdf.Line(x, top, x, top+float64(len(groups))*rowH)
		d.pdf.SetXY(x-5, top+float64(len(groups))*rowH+0.8)
		d.pdf.CellFormat(10, 3.4, fmt.Sprint(lvl), "", 0, "C", false, 0, "")
	}
	for i, g := range groups {
		y := top + float64(i)*rowH
		d.font(styleChartText)
		d.pdf.SetXY(marginLeft-d.pdf.GetCellMargin(), y+1.5)
		d.pdf.CellFormat(labelW, 3.4, d.fitText(g.ID+"  "+g.Title, labelW-2), "", 0, "L", false, 0, "")
		if g.Min == 0 {
			d.font(textStyle{"I", 7.5, muted, 3.4})
			d.pdf.SetXY(x0+1, y+1.5)
			d.pdf.CellFormat(plotW, 3.4, "not rated yet", "", 0, "L", false, 0, "")
			continue
		}
		fill := barFill
		if g.Mean < 3 {
			fill = barLow
		}
		d.fill(fill)
		d.pdf.Rect(x0, y+1.2, plotW*float64(g.Mean)/5, rowH-2.4, "F")
		d.targetMarker(x0+plotW*float64(assessment.GroupTarget(d.cat, d.a, g.ID))/5, y)
		d.font(textStyle{"B", 7.5, ink, 3.4})
		d.pdf.SetXY(x0+plotW+1, y+1.5)
		d.pdf.CellFormat(valueW, 3.4, g.Mean.String(), "", 0, "L", false, 0, "")
	}
	line := x0 + plotW*3/5
	d.stroke(ink)
	d.pdf.SetLineWidth(0.45)
	d.pdf.SetDashPattern([]float64{1.6, 1.1}, 0)
	d.pdf.Line(line, top-1.5, line, top+float64(len(groups))*rowH+0.5)
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetY(top + h)
	d.font(styleBody)
}

// targetMarker draws a small downward triangle above a bar at the target.
func (d *doc) targetMarker(x, y float64) {
	d.fill(navy)
	d.pdf.Polygon([]fpdf.PointType{{X: x - 1.1, Y: y + 0.1}, {X: x + 1.1, Y: y + 0.1}, {X: x, Y: y + 1.5}}, "F")
}

// fitText shortens text with an ellipsis so it fits width w in the current font.
func (d *doc) fitText(text string, w float64) string {
	text = drawable(text, false)
	if d.pdf.GetStringWidth(text) <= w {
		return text
	}
	// Binary search for the longest prefix that fits with the ellipsis.
	r := []rune(text)
	fits := func(n int) bool { return d.pdf.GetStringWidth(strings.TrimSpace(string(r[:n]))+"…") <= w }
	lo, hi := 1, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}
