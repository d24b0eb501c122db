package report

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"aimsbench/assessment"
)

// verdictPanel prints the level and the verdict in a shaded box.
func (d *pdfDoc) verdictPanel(v verdictFigure) {
	y := d.y()
	d.fill(panel)
	d.pdf.Rect(marginLeft, y, contentWidth, 26, "F")
	d.fill(navy)
	d.pdf.Rect(marginLeft, y, 26, 26, "F")
	d.font(textStyle{"B", 30, white, 12})
	d.pdf.SetXY(marginLeft, y+5)
	d.pdf.CellFormat(26, 12, v.level, "", 0, "C", false, 0, "")
	d.font(textStyle{"", 7, white, 3})
	d.pdf.SetXY(marginLeft, y+18)
	d.pdf.CellFormat(26, 3, strings.ToUpper(levelLabel), "", 0, "C", false, 0, "")
	d.font(styleLabel)
	d.pdf.SetXY(marginLeft+31, y+4)
	d.pdf.CellFormat(contentWidth-35, 4.5, verdictLabel, "", 1, "L", false, 0, "")
	d.pdf.SetY(y + 9)
	d.textBlock(v.verdict, marginLeft+31, contentWidth-35, textStyle{"B", 15, navy, 6.5})
	d.textBlock(v.counts, marginLeft+31, contentWidth-35, styleBody)
	d.pdf.SetY(y + 30)
}

// keyFigures prints a row of boxed figures.
func (d *pdfDoc) keyFigures(figures [][2]string) {
	w := contentWidth / float64(len(figures))
	y := d.y()
	for i, f := range figures {
		x := marginLeft + float64(i)*w
		d.stroke(rule)
		d.pdf.Rect(x+0.8, y, w-1.6, 17, "D")
		d.font(textStyle{"B", 14, navy, 7})
		d.pdf.SetXY(x, y+2)
		d.pdf.CellFormat(w, 7, f[0], "", 0, "C", false, 0, "")
		d.font(textStyle{"", 7, muted, 3.5})
		d.pdf.SetXY(x, y+10.5)
		d.pdf.CellFormat(w, 3.5, f[1], "", 0, "C", false, 0, "")
	}
	d.pdf.SetY(y + 21)
	d.font(styleBody)
}

// barChart draws one horizontal bar per group on a 0–5 scale with the level-3 line and the
// group's target; a group with nothing rated says so instead of showing an empty bar.
func (d *pdfDoc) barChart(bars []bar) {
	const labelW, rowH, valueW = 66.0, 6.4, 16.0
	plotW := contentWidth - labelW - valueW
	x0 := marginLeft + labelW
	h := float64(len(bars))*rowH + 10
	d.need(h)
	top := d.y()
	d.stroke(rule)
	d.pdf.SetLineWidth(0.15)
	d.font(styleChartText)
	for lvl := 0; lvl <= 5; lvl++ {
		x := x0 + plotW*float64(lvl)/5
		d.pdf.Line(x, top, x, top+float64(len(bars))*rowH)
		d.pdf.SetXY(x-5, top+float64(len(bars))*rowH+0.8)
		d.pdf.CellFormat(10, 3.4, fmt.Sprint(lvl), "", 0, "C", false, 0, "")
	}
	for i, b := range bars {
		y := top + float64(i)*rowH
		d.font(styleChartText)
		d.pdf.SetXY(marginLeft-d.pdf.GetCellMargin(), y+1.5)
		d.pdf.CellFormat(labelW, 3.4, d.fitText(b.label, labelW-2), "", 0, "L", false, 0, "")
		if !b.rated {
			d.font(textStyle{"I", 7.5, muted, 3.4})
			d.pdf.SetXY(x0+1, y+1.5)
			d.pdf.CellFormat(plotW, 3.4, notRatedYet, "", 0, "L", false, 0, "")
			continue
		}
		fill := barFill
		if b.mean < 3 {
			fill = barLow
		}
		d.fill(fill)
		d.pdf.Rect(x0, y+1.2, plotW*float64(b.mean)/5, rowH-2.4, "F")
		d.targetMarker(x0+plotW*float64(b.target)/5, y)
		d.font(textStyle{"B", 7.5, ink, 3.4})
		d.pdf.SetXY(x0+plotW+1, y+1.5)
		d.pdf.CellFormat(valueW, 3.4, b.mean.String(), "", 0, "L", false, 0, "")
	}
	line := x0 + plotW*3/5
	d.stroke(ink)
	d.pdf.SetLineWidth(0.45)
	d.pdf.SetDashPattern([]float64{1.6, 1.1}, 0)
	d.pdf.Line(line, top-1.5, line, top+float64(len(bars))*rowH+0.5)
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetY(top + h)
	d.font(styleBody)
}

// targetMarker draws a small downward triangle above a bar at the target.
func (d *pdfDoc) targetMarker(x, y float64) {
	d.fill(navy)
	d.pdf.Polygon([]fpdf.PointType{{X: x - 1.1, Y: y + 0.1}, {X: x + 1.1, Y: y + 0.1}, {X: x, Y: y + 1.5}}, "F")
}

// heatMaps draws the inherent and residual 5×5 grids side by side.
func (d *pdfDoc) heatMaps(before, after riskGrid) {
	const cellW = 10.5
	d.need(5*cellW + 22)
	top := d.y()
	d.heatGrid(marginLeft+14, top, cellW, before)
	d.heatGrid(marginLeft+14+5*cellW+30, top, cellW, after)
	d.pdf.SetY(top + 5*cellW + 17)
}

// heatGrid draws one 5×5 grid: likelihood up the side, impact along the bottom.
func (d *pdfDoc) heatGrid(x, y, w float64, g riskGrid) {
	d.font(styleLabel)
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(5*w, 4.5, g.title, "", 0, "C", false, 0, "")
	top := y + 6
	for l := 5; l >= 1; l-- {
		for i := 1; i <= 5; i++ {
			cx, cy := x+float64(i-1)*w, top+float64(5-l)*w
			fill := severityFill(assessment.Severity(l, i))
			d.fill(fill)
			d.stroke(white)
			d.pdf.SetLineWidth(0.6)
			d.pdf.Rect(cx, cy, w, w, "FD")
			if n := g.counts[l-1][i-1]; n > 0 {
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

// signatureBlock prints a role with name, signature and date lines; the date is filled in
// when the sign-off is on record.
func (d *pdfDoc) signatureBlock(role, name, on string) {
	d.need(34)
	d.gap(4)
	d.font(styleH3)
	d.pdf.SetX(marginLeft - d.pdf.GetCellMargin())
	d.pdf.CellFormat(contentWidth, 5, role, "", 1, "L", false, 0, "")
	y := d.y() + 3
	x := marginLeft
	for _, f := range []struct {
		label string
		width float64
		value string
	}{{"Name", 86, name}, {"Signature", 52, ""}, {"Date", 26, on}} {
		if strings.TrimSpace(f.value) != "" {
			d.font(styleBody)
			d.pdf.SetXY(x-d.pdf.GetCellMargin(), y+6)
			d.pdf.CellFormat(f.width, 5, d.fitText(f.value, f.width-2), "", 0, "L", false, 0, "")
		}
		d.stroke(ink)
		d.pdf.SetLineWidth(0.25)
		d.pdf.Line(x, y+12, x+f.width-3, y+12)
		d.font(styleSmall)
		d.pdf.SetXY(x-d.pdf.GetCellMargin(), y+13)
		d.pdf.CellFormat(f.width, 4, f.label, "", 0, "L", false, 0, "")
		x += f.width + 3
	}
	d.pdf.SetY(y + 20)
	d.font(styleBody)
}
