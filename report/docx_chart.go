package report

import (
	"fmt"
	"strings"

	"aimsbench/assessment"
)

// The Word document's charts: the PDF's maturity bar charts and heat maps drawn as pictures
// with the same geometry, colours and typeface, each with a description that gives its
// figures in words for a screen reader.

// barChart draws the bars as a picture: one bar per group on the 0–5 scale, the dashed
// level-3 line and a triangle at each group's target.
func (d *docxDoc) barChart(bars []bar) {
	const labelW, rowH, valueW, top = 66.0, 6.4, 16.0, 2.0
	plotW := contentWidth - labelW - valueW
	rows := float64(len(bars)) * rowH
	c := newCanvas(contentWidth, rows+top+6)
	for lvl := 0; lvl <= 5; lvl++ {
		x := labelW + plotW*float64(lvl)/5
		c.vline(x, top, top+rows, 0.15, rule)
		c.text(x-5, top+rows+0.8, 10, 3.4, fmt.Sprint(lvl), styleChartText, "C")
	}
	var words []string
	for i, b := range bars {
		y := top + float64(i)*rowH
		c.text(0, y+1.5, labelW-2, 3.4, b.label, styleChartText, "L")
		if !b.rated {
			c.text(labelW+1, y+1.5, plotW, 3.4, notRatedYet, textStyle{"I", 7.5, muted, 3.4}, "L")
			words = append(words, b.label+": "+notRatedYet)
			continue
		}
		fill := barFill
		if b.mean < 3 {
			fill = barLow
		}
		c.rect(labelW, y+1.2, plotW*float64(b.mean)/5, rowH-2.4, fill)
		c.triangleDown(labelW+plotW*float64(b.target)/5, y+0.1, 1.1, 1.4, navy)
		c.text(labelW+plotW+1, y+1.5, valueW, 3.4, b.mean.String(), textStyle{"B", 7.5, ink, 3.4}, "L")
		words = append(words, fmt.Sprintf("%s: %s (target %s)", b.label, b.mean, b.target))
	}
	c.vline(labelW+plotW*3/5, top-1.5, top+rows+0.5, 0.45, ink, 1.6, 1.1)
	d.picture(c, "Mean maturity on a scale of 0 to 5, with level 3 marked: "+strings.Join(words, "; ")+".")
}

// heatMaps draws the two 5×5 grids side by side as one picture.
func (d *docxDoc) heatMaps(before, after riskGrid) {
	const cellW = 10.5
	c := newCanvas(14+10*cellW+30+2, 5*cellW+17)
	var words []string
	for i, g := range []riskGrid{before, after} {
		x := 14 + float64(i)*(5*cellW+30)
		c.heatGrid(x, 0, cellW, g)
		words = append(words, g.title+": "+gridInWords(g.counts))
	}
	d.picture(c, "Risks by likelihood (1 to 5, up) and impact (1 to 5, across). "+strings.Join(words, ". ")+".")
}

// heatGrid draws one grid: likelihood up the side, impact along the bottom, each cell shaded
// by severity and holding its count of risks.
func (c *canvas) heatGrid(x, y, w float64, g riskGrid) {
	c.text(x, y, 5*w, 4.5, g.title, styleLabel, "C")
	top := y + 6
	for l := 5; l >= 1; l-- {
		for i := 1; i <= 5; i++ {
			cx, cy := x+float64(i-1)*w, top+float64(5-l)*w
			fill := severityFill(assessment.Severity(l, i))
			c.rect(cx+0.3, cy+0.3, w-0.6, w-0.6, fill)
			if n := g.counts[l-1][i-1]; n > 0 {
				s := textStyle{"B", 9, ink, 4}
				if fill.dark() {
					s.colour = white
				}
				c.text(cx, cy+w/2-2, w, 4, fmt.Sprint(n), s, "C")
			}
		}
		c.text(x-6, top+float64(5-l)*w+w/2-1.7, 5, 3.4, fmt.Sprint(l), styleChartText, "R")
	}
	for i := 1; i <= 5; i++ {
		c.text(x+float64(i-1)*w, top+5*w+0.8, w, 3.4, fmt.Sprint(i), styleChartText, "C")
	}
	c.text(x, top+5*w+4.5, 5*w, 3.4, "Impact", styleChartText, "C")
	c.textUp(x-9, top+2.5*w, "Likelihood", styleChartText)
}

// gridInWords lists a grid's non-empty cells: "2 at likelihood 4 × impact 5, …".
func gridInWords(counts [5][5]int) string {
	var cells []string
	for l := 5; l >= 1; l-- {
		for i := 5; i >= 1; i-- {
			if n := counts[l-1][i-1]; n > 0 {
				cells = append(cells, fmt.Sprintf("%d at likelihood %d × impact %d", n, l, i))
			}
		}
	}
	if len(cells) == 0 {
		return "no risk rated"
	}
	return strings.Join(cells, ", ")
}

// picture places a drawing in its own paragraph at its size, with a description.
func (d *docxDoc) picture(c *canvas, description string) {
	data := c.png()
	if data == nil {
		return
	}
	n := len(d.pictures) + 1
	name := fmt.Sprintf("chart%d.png", n)
	d.pictures = append(d.pictures, picture{name: name, png: data})
	d.ids++
	b := c.img.Bounds()
	cx, cy := emu(float64(b.Dx())/pxPerMM), emu(float64(b.Dy())/pxPerMM)
	fmt.Fprintf(&d.body, `<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:drawing>`+
		`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="Chart %d" descr="%s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdPicture%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, d.ids, n, escaped(printable(description, true)), d.ids, name, n, cx, cy)
}
