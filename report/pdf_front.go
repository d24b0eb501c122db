package report

import (
	"fmt"
	"strings"
)

// header prints the running head (organisation and classification) and, on a draft, the
// watermark underneath everything else on the page.
func (d *pdfDoc) header() {
	if d.draft() {
		d.watermark()
	}
	if d.pdf.PageNo() == 1 {
		return
	}
	d.font(styleSmall)
	if d.running == nil { // worked out once: the texts may be long, and every page repeats them
		status := drawable(d.footStatus(), false)
		foot := d.fitText(d.a.Title, max(contentWidth*0.75-2-d.pdf.GetStringWidth(status), 10)) + status
		d.running = &running{org: d.fitText(d.a.Organisation.Name, contentWidth*0.7-2), foot: d.fitText(foot, contentWidth*0.75-2)}
		d.font(textStyle{"B", 8, navy, 4})
		d.running.class = d.fitText(strings.ToUpper(orDash(d.a.Classification)), contentWidth*0.3-2)
		d.font(styleSmall)
	}
	d.pdf.SetXY(marginLeft, 11)
	d.pdf.CellFormat(contentWidth*0.7, 4, d.running.org, "", 0, "L", false, 0, "")
	d.font(textStyle{"B", 8, navy, 4})
	d.pdf.SetXY(marginLeft+contentWidth*0.7, 11)
	d.pdf.CellFormat(contentWidth*0.3, 4, d.running.class, "", 0, "R", false, 0, "")
	d.stroke(rule)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(marginLeft, 16, pageWidth-marginRight, 16)
	d.pdf.SetY(marginTop)
	d.font(styleBody)
}

// footer prints the document's name, kind, version and status and "Page X of Y".
func (d *pdfDoc) footer() {
	if d.pdf.PageNo() == 1 {
		return
	}
	total := d.total
	if total == 0 {
		total = d.pdf.PageNo() // first pass: the count is not known yet and is not printed
	}
	d.stroke(rule)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(marginLeft, pageHeight-14, pageWidth-marginRight, pageHeight-14)
	d.font(styleSmall)
	d.pdf.SetXY(marginLeft, pageHeight-12.5)
	d.pdf.CellFormat(contentWidth*0.75, 4, d.running.foot, "", 0, "L", false, 0, "")
	d.pdf.CellFormat(contentWidth*0.25, 4, fmt.Sprintf("Page %d of %d", d.pdf.PageNo(), total), "", 0, "R", false, 0, "")
}

// watermark prints DRAFT diagonally in a light grey that never hides the text over it.
func (d *pdfDoc) watermark() {
	d.font(textStyle{"B", 110, watermarkGrey, 40})
	d.pdf.TransformBegin()
	d.pdf.TransformRotate(50, pageWidth/2, pageHeight/2)
	w := d.pdf.GetStringWidth("DRAFT")
	d.pdf.Text(pageWidth/2-w/2, pageHeight/2+14, "DRAFT")
	d.pdf.TransformEnd()
	d.font(styleBody)
}

// coverPage prints the title page under a navy band.
func (d *pdfDoc) coverPage(c coverPage) {
	d.pdf.AddPage()
	d.found["cover"] = 1
	d.fill(navy)
	d.pdf.Rect(0, 0, pageWidth, 100, "F")
	d.font(textStyle{"B", 10, rgb{200, 212, 228}, 5})
	d.pdf.SetXY(marginLeft, 30)
	d.pdf.CellFormat(contentWidth, 5, c.kicker, "", 1, "L", false, 0, "")
	d.pdf.SetY(40)
	d.textBlock(c.organisation, marginLeft, contentWidth, textStyle{"B", 26, white, 11})
	d.pdf.SetY(d.y() + 2)
	d.textBlock(c.title, marginLeft, contentWidth, textStyle{"", 13, rgb{225, 232, 242}, 6})

	d.pdf.SetY(112)
	d.statusBadge(c.state)
	d.pdf.SetY(d.y() + 6)
	d.fields(c.fields)
	if c.draftNote != "" {
		d.paragraph(c.draftNote, styleSmall)
	}
	d.pdf.SetY(248)
	d.textBlock(c.handling, marginLeft, contentWidth, styleSmall)
}

// statusBadge prints DRAFT or FINAL in a box.
func (d *pdfDoc) statusBadge(state string) {
	d.font(textStyle{"B", 11, navy, 7})
	w := d.pdf.GetStringWidth(state) + 8
	d.stroke(navy)
	d.pdf.SetLineWidth(0.5)
	d.pdf.Rect(marginLeft, d.y(), w, 8, "D")
	d.pdf.SetXY(marginLeft, d.y()+0.5)
	d.pdf.CellFormat(w, 7, state, "", 1, "C", false, 0, "")
	d.pdf.SetLineWidth(0.2)
}

// contents prints the table of contents: every section with its page, each line a link.
func (d *pdfDoc) contents() {
	for _, s := range d.sections {
		if s.id == "cover" || s.id == "contents" {
			continue
		}
		d.need(7)
		y := d.y()
		page := "—"
		if p, ok := d.known[s.id]; ok {
			page = fmt.Sprint(p)
		}
		num, title := d.numbers[s.id], s.title
		d.font(styleBody)
		if num == "" {
			d.font(styleBold)
		}
		d.pdf.SetXY(marginLeft, y)
		d.pdf.CellFormat(10, 6.5, num, "", 0, "L", false, 0, "")
		tw := d.pdf.GetStringWidth(title)
		d.pdf.CellFormat(tw+2, 6.5, title, "", 0, "L", false, 0, "")
		d.font(styleSmall)
		lead := contentWidth - 10 - tw - 2 - 12
		dots := strings.Repeat(". ", max(0, int(lead/d.pdf.GetStringWidth(". "))))
		d.pdf.CellFormat(lead, 6.5, dots, "", 0, "R", false, 0, "")
		d.font(styleBody)
		d.pdf.CellFormat(12, 6.5, page, "", 1, "R", false, 0, "")
		d.pdf.Link(marginLeft, y, contentWidth, 6.5, d.links[s.id])
	}
	d.gap(4)
	d.paragraph("Each line links to its section; the bookmarks pane of a PDF reader shows the same outline.", styleSmall)
}
