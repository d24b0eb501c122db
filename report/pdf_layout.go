package report

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// pdfDoc is one pass of laying out the report as a PDF.
type pdfDoc struct {
	pdf *fpdf.Fpdf
	*facts
	known map[string]int // section → page, from the first pass
	total int            // page count, from the first pass
	found map[string]int // section → page, in this pass
	links map[string]int // section → internal link
	style textStyle

	running    *running // the running head and foot, worked out on the first page that has them
	tallestRow float64  // the tallest table row laid out, in millimetres
}

// running is the text every page but the cover repeats: organisation and classification at
// the head, title, kind, version and status at the foot.
type running struct{ org, class, foot string }

func (d *pdfDoc) font(s textStyle) {
	d.style = s
	d.pdf.SetFont(family, s.face, s.size)
	d.pdf.SetTextColor(s.colour.r, s.colour.g, s.colour.b)
}

func (d *pdfDoc) fill(c rgb)   { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *pdfDoc) stroke(c rgb) { d.pdf.SetDrawColor(c.r, c.g, c.b) }

// y is the current vertical position.
func (d *pdfDoc) y() float64 { return d.pdf.GetY() }

// room is the height left on the current page.
func (d *pdfDoc) room() float64 { return pageBottom - d.y() }

// need starts a new page unless h millimetres are left on this one.
func (d *pdfDoc) need(h float64) {
	if d.room() < h {
		d.pdf.AddPage()
	}
}

// gap moves down by h millimetres, or to the top of the next page if that would run off it.
func (d *pdfDoc) gap(h float64) {
	if d.room() <= h {
		d.pdf.AddPage()
		return
	}
	d.pdf.SetY(d.y() + h)
}

// tailHeight is how much of a page the end of a section may fill before the next section,
// which would start on a fresh page, runs on below it instead.
const tailHeight = (pageBottom - marginTop) / 3

// begin starts a section: a fresh page when it asks for one, the heading, its bookmark and
// the target of its contents link.
func (d *pdfDoc) begin(s section) {
	if s.draw == nil || s.id == "cover" {
		return
	}
	switch {
	case s.newPage && d.pdf.PageNo() > 1 && d.y() <= marginTop+0.5: // already at the top of a fresh page
	case s.newPage && (d.pdf.PageNo() <= 1 || d.y() > marginTop+tailHeight):
		d.pdf.AddPage()
	default: // run on below the short tail of the section before, so it never stands alone
		d.need(40)
		d.gap(4)
	}
	d.found[s.id] = d.pdf.PageNo()
	d.pdf.SetLink(d.links[s.id], d.y(), -1)
	title := d.heading(s)
	d.pdf.Bookmark(title, 0, -1)
	d.font(styleH1)
	d.pdf.SetX(marginLeft - d.pdf.GetCellMargin())
	d.pdf.CellFormat(contentWidth, styleH1.line, title, "", 1, "L", false, 0, "")
	d.stroke(navy)
	d.pdf.SetLineWidth(0.5)
	d.pdf.Line(marginLeft, d.y()+0.8, marginLeft+18, d.y()+0.8)
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetY(d.y() + 4.5)
	d.font(styleBody)
}

// subheading prints a second-level heading, kept with at least keep millimetres of what
// follows so it never ends a page on its own. A bookmark is added under the section.
func (d *pdfDoc) subheading(text string, keep float64) {
	d.need(styleH2.line + 3 + keep)
	if d.y() > marginTop+1 {
		d.gap(2.5)
	}
	text = drawable(text, false)
	d.pdf.Bookmark(text, 1, -1)
	d.font(styleH2)
	d.pdf.SetX(marginLeft - d.pdf.GetCellMargin())
	d.pdf.CellFormat(contentWidth, styleH2.line, text, "", 1, "L", false, 0, "")
	d.pdf.SetY(d.y() + 1.5)
	d.font(styleBody)
}

// minorHeading prints a third-level heading kept with keep millimetres of what follows.
func (d *pdfDoc) minorHeading(text string, keep float64) {
	d.need(styleH3.line + 2 + keep)
	d.font(styleH3)
	d.pdf.SetX(marginLeft - d.pdf.GetCellMargin())
	d.pdf.CellFormat(contentWidth, styleH3.line, drawable(text, false), "", 1, "L", false, 0, "")
	d.pdf.SetY(d.y() + 1)
	d.font(styleBody)
}

// wrap splits text into lines that fit width w in the current font (the cell margin
// included), keeping the assessor's line breaks.
func (d *pdfDoc) wrap(text string, w float64) []string {
	text = strings.TrimRight(drawable(text, true), "\n ")
	if text == "" {
		return nil
	}
	return d.pdf.SplitText(text, w)
}

// textBlock prints wrapped text at x with width w in a style. A paragraph that does not fit
// is split between pages only where at least two lines stay on each side.
func (d *pdfDoc) textBlock(text string, x, w float64, s textStyle) {
	d.font(s)
	cm := d.pdf.GetCellMargin()
	lines := d.wrap(text, w+2*cm)
	for i := 0; i < len(lines) && !d.pdf.Err(); {
		rest, fit := len(lines)-i, int(d.room()/s.line)
		take := rest
		if fit < rest {
			if fit < 2 || rest <= 3 {
				d.pdf.AddPage()
				d.font(s)
				continue
			}
			take = min(fit, rest-2)
		}
		for _, line := range lines[i : i+take] {
			d.pdf.SetX(x - cm)
			d.pdf.CellFormat(w+2*cm, s.line, line, "", 1, "L", false, 0, "")
		}
		i += take
		if i < len(lines) {
			d.pdf.AddPage()
			d.font(s)
		}
	}
	d.font(styleBody)
}

// textHeight is the height text takes when printed in full width.
func (d *pdfDoc) textHeight(text string, s textStyle) float64 {
	d.font(s)
	n := len(d.wrap(text, contentWidth+2*d.pdf.GetCellMargin()))
	d.font(styleBody)
	return float64(n) * s.line
}

// paragraph prints a paragraph in a given style followed by a little space.
func (d *pdfDoc) paragraph(text string, s textStyle) {
	d.need(2 * s.line)
	d.textBlock(text, marginLeft, contentWidth, s)
	d.gap(2)
}

// bullets prints a list with hanging indents.
func (d *pdfDoc) bullets(items []string) {
	const indent = 5.0
	for _, it := range items {
		d.font(styleBody)
		lines := d.wrap(it, contentWidth-indent+2*d.pdf.GetCellMargin())
		if len(lines) == 0 {
			continue
		}
		d.need(float64(min(len(lines), 2)) * styleBody.line)
		d.pdf.SetX(marginLeft + 0.8)
		d.pdf.CellFormat(4, styleBody.line, "•", "", 0, "L", false, 0, "")
		d.textBlock(it, marginLeft+indent, contentWidth-indent, styleBody)
		d.pdf.SetY(d.y() + 0.8)
	}
	d.gap(1.5)
}

// fitText shortens text with an ellipsis so it fits width w in the current font.
func (d *pdfDoc) fitText(text string, w float64) string {
	return ellipsise(drawable(text, false), w, d.pdf.GetStringWidth)
}
