package report

import (
	"fmt"
	"strings"
	"time"
)

// header prints the running head (organisation and classification) and, on a draft, the
// watermark underneath everything else on the page.
func (d *doc) header() {
	if d.draft() {
		d.watermark()
	}
	if d.pdf.PageNo() == 1 {
		return
	}
	d.font(styleSmall)
	if d.running == nil { // worked out once: the texts may be long, and every page repeats them
		foot := fmt.Sprintf("%s · %s · version %s · %s", d.a.Title, d.kind(), orDash(d.a.ReportVersion), d.state())
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
func (d *doc) footer() {
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

// state is DRAFT or FINAL (SPEC §10a: FINAL only for a complete assessment with the assessor
// named and the sign-off recorded).
func (d *doc) state() string {
	if d.draft() {
		return "DRAFT"
	}
	return "FINAL"
}

// kind names the report: the full readiness report or the gap report.
func (d *doc) kind() string {
	if d.opts.GapOnly {
		return "gap report"
	}
	return "readiness report"
}

// watermark prints DRAFT diagonally in a light grey that never hides the text over it.
func (d *doc) watermark() {
	d.font(textStyle{"B", 110, rgb{236, 236, 236}, 40})
	d.pdf.TransformBegin()
	d.pdf.TransformRotate(50, pageWidth/2, pageHeight/2)
	w := d.pdf.GetStringWidth("DRAFT")
	d.pdf.Text(pageWidth/2-w/2, pageHeight/2+14, "DRAFT")
	d.pdf.TransformEnd()
	d.font(styleBody)
}

// cover prints the title page: who and what was assessed, by whom, when, and how the report
// may be handled.
func (d *doc) cover() {
	d.pdf.AddPage()
	d.found["cover"] = 1
	d.fill(navy)
	d.pdf.Rect(0, 0, pageWidth, 100, "F")
	d.font(textStyle{"B", 10, rgb{200, 212, 228}, 5})
	d.pdf.SetXY(marginLeft, 30)
	d.pdf.CellFormat(contentWidth, 5, "ISO/IEC 42001 READINESS ASSESSMENT · "+strings.ToUpper(d.kind()), "", 1, "L", false, 0, "")
	d.pdf.SetY(40)
	d.textBlock(orDash(d.a.Organisation.Name), marginLeft, contentWidth, textStyle{"B", 26, white, 11})
	d.pdf.SetY(d.y() + 2)
	d.textBlock(d.a.Title, marginLeft, contentWidth, textStyle{"", 13, rgb{225, 232, 242}, 6})

	d.pdf.SetY(112)
	d.statusBadge()
	d.pdf.SetY(d.y() + 6)
	d.fields([][2]string{
		{"Prepared for", orDash(d.a.Organisation.Name)},
		{"Assessor", orDash(d.a.Assessor)},
		{"Report date", date(d.asOf)},
		{"Fieldwork", period(d.a.StartDate, d.a.EndDate)},
		{"Report", capitalise(d.kind())},
		{"Version", orDash(d.a.ReportVersion) + " (" + d.state() + ")"},
		{"Classification", orDash(d.a.Classification)},
		{"Readiness verdict", d.sum.Verdict},
	})
	if d.draft() {
		d.paraStyled("This is a draft: "+joinAnd(d.draftWhy)+". It becomes final once the assessment is complete, "+
			"the assessor is named and the sign-off is recorded.", styleSmall)
	}
	d.pdf.SetY(248)
	d.textBlock(fmt.Sprintf("Classification: %s. This report was prepared for %s and describes its readiness for "+
		"ISO/IEC 42001 certification as found on %s. Share it only with people entitled to see the organisation's "+
		"%s information.", orDash(d.a.Classification), orDash(d.a.Organisation.Name), date(d.asOf),
		strings.ToLower(orDash(d.a.Classification))), marginLeft, contentWidth, styleSmall)
}

// statusBadge prints DRAFT or FINAL in a box.
func (d *doc) statusBadge() {
	d.font(textStyle{"B", 11, navy, 7})
	w := d.pdf.GetStringWidth(d.state()) + 8
	d.stroke(navy)
	d.pdf.SetLineWidth(0.5)
	d.pdf.Rect(marginLeft, d.y(), w, 8, "D")
	d.pdf.SetXY(marginLeft, d.y()+0.5)
	d.pdf.CellFormat(w, 7, d.state(), "", 1, "C", false, 0, "")
	d.pdf.SetLineWidth(0.2)
}

// period prints a date range, or what is known of it.
func period(from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "—"
	case to.IsZero():
		return "from " + date(from)
	case from.IsZero():
		return "until " + date(to)
	}
	return date(from) + " – " + date(to)
}

// documentControl prints the document's identity, including the data fingerprint that ties
// it to the database it came from.
func (d *doc) documentControl() {
	prev := "none (first cycle)"
	if d.a.PreviousID != "" {
		prev = d.a.PreviousID
		if d.opts.Previous != nil {
			prev += " — " + d.opts.Previous.Title
		}
	}
	d.fields([][2]string{
		{"Document", "ISO/IEC 42001 readiness report"},
		{"Organisation", orDash(d.a.Organisation.Name)},
		{"Assessment", d.a.Title + " (ID " + orDash(d.a.ID) + ")"},
		{"Report", capitalise(d.kind())},
		{"Version and status", orDash(d.a.ReportVersion) + ", " + d.state() + d.draftNote()},
		{"Sign-off", d.signOffText()},
		{"Report date", date(d.asOf) + " (rules evaluated as of this date)"},
		{"Classification", orDash(d.a.Classification)},
		{"Prepared by", orDash(d.a.Assessor)},
		{"Catalogue", fmt.Sprintf("%s, version %s", orDash(d.a.CatalogueID), orDash(d.a.CatalogueVersion))},
		{"Previous cycle", prev},
		{"Data fingerprint", orDash(d.opts.Fingerprint)},
		{"Sealed with key", orDash(d.opts.SealedWith)},
	})
	d.subheading("About the data fingerprint", 15)
	if d.opts.Fingerprint == "" {
		d.none("No fingerprint was supplied when this report was produced, so it cannot be tied to a particular state of the database.")
	} else {
		d.para("Every change to the assessment database is recorded in an audit trail in which each entry carries " +
			"a hash of the one before. The fingerprint above is the hash of the latest entry when this report was " +
			"produced. Running 'aimsbench verify' on the same database prints it as the chain head; if the two " +
			"match, the report reflects exactly that data, and any later edit would have produced a different value.")
	}
	d.subheading("Handling", 15)
	d.paraf("This document is classified %s. It records findings about %s's management of artificial "+
		"intelligence and should be stored and shared accordingly. A draft is for discussion and may still "+
		"change; only the final version should be relied on.", strings.ToLower(orDash(d.a.Classification)), orDash(d.a.Organisation.Name))
}

// draftNote says why the report is a draft, or nothing for a final one.
func (d *doc) draftNote() string {
	if !d.draft() {
		return ""
	}
	return " (" + joinAnd(d.draftWhy) + ")"
}

// signOffText is the recorded sign-off as a reader reads it.
func (d *doc) signOffText() string {
	so := d.a.SignOff
	if !so.Recorded() {
		return "Not recorded"
	}
	text := so.By
	if strings.TrimSpace(so.Role) != "" {
		text += ", " + so.Role
	}
	return text + ", on " + date(so.Date)
}

// contents prints the table of contents: every section with its page, each line a link.
func (d *doc) contents() {
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
	d.paraStyled("Each line links to its section; the bookmarks pane of a PDF reader shows the same outline.", styleSmall)
}
