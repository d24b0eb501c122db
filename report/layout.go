package report

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// Page geometry of the A4 report in millimetres.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 20.0
	marginRight  = 20.0
	marginTop    = 24.0
	marginBottom = 20.0
	contentWidth = pageWidth - marginLeft - marginRight
	pageBottom   = pageHeight - marginBottom
)

// rgb is a colour; the palette keeps clear differences in lightness so that a greyscale
// print still separates what the colours separate, and a word always says it too.
type rgb struct{ r, g, b int }

var (
	ink      = rgb{26, 26, 26}
	muted    = rgb{90, 90, 90}
	navy     = rgb{31, 58, 95}
	white    = rgb{255, 255, 255}
	rule     = rgb{196, 202, 210}
	zebra    = rgb{244, 246, 249}
	panel    = rgb{232, 237, 244}
	barFill  = rgb{74, 111, 165}
	barLow   = rgb{170, 186, 209}
	goodFill = rgb{214, 234, 216}
	midFill  = rgb{246, 214, 140}
	badFill  = rgb{150, 40, 34}
)

// dark reports whether white text reads better than black on the colour.
func (c rgb) dark() bool { return 299*c.r+587*c.g+114*c.b < 128*1000 }

// textStyle is one step of the type scale: face, size in points, colour and line height.
type textStyle struct {
	face   string
	size   float64
	colour rgb
	line   float64 // mm
}

var (
	styleBody       = textStyle{"", 9.5, ink, 4.7}
	styleBold       = textStyle{"B", 9.5, ink, 4.7}
	styleItalic     = textStyle{"I", 9.5, muted, 4.7}
	styleSmall      = textStyle{"", 8, muted, 3.9}
	styleCell       = textStyle{"", 8, ink, 3.7}
	styleCellBold   = textStyle{"B", 8, ink, 3.7}
	styleCellHead   = textStyle{"B", 8, white, 3.7}
	styleH1         = textStyle{"B", 17, navy, 8}
	styleH2         = textStyle{"B", 12, navy, 6}
	styleH3         = textStyle{"B", 10, ink, 5}
	styleLabel      = textStyle{"B", 8.5, muted, 4.4}
	styleChartText  = textStyle{"", 7.5, ink, 3.4}
	styleCode       = textStyle{"", 7, muted, 3.7}
	styleCellItalic = textStyle{"I", 8, muted, 3.7}
)

// section is one part of the report: a heading in the contents, a bookmark and a page
// where it starts.
type section struct {
	id, title string
	numbered  bool // printed with its number ("4 Gap register")
	newPage   bool // starts on a fresh page
	draw      func(d *doc)
}

// doc is one pass of laying out the report.
type doc struct {
	pdf *fpdf.Fpdf
	*facts
	cat   *checklists.Catalogue
	a     *assessment.Assessment
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

func (d *doc) font(s textStyle) {
	d.style = s
	d.pdf.SetFont(family, s.face, s.size)
	d.pdf.SetTextColor(s.colour.r, s.colour.g, s.colour.b)
}

func (d *doc) fill(c rgb)   { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) stroke(c rgb) { d.pdf.SetDrawColor(c.r, c.g, c.b) }

// y is the current vertical position.
func (d *doc) y() float64 { return d.pdf.GetY() }

// room is the height left on the current page.
func (d *doc) room() float64 { return pageBottom - d.y() }

// need starts a new page unless h millimetres are left on this one.
func (d *doc) need(h float64) {
	if d.room() < h {
		d.pdf.AddPage()
	}
}

// gap moves down by h millimetres, or to the top of the next page if that would run off it.
func (d *doc) gap(h float64) {
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
func (d *doc) begin(s section) {
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

// heading is a section's title as printed, with its number when it has one.
func (d *doc) heading(s section) string {
	if n := d.numbers[s.id]; n != "" {
		return n + "  " + s.title
	}
	return s.title
}

// subheading prints a second-level heading, kept with at least keep millimetres of what
// follows so it never ends a page on its own. A bookmark is added under the section.
func (d *doc) subheading(text string, keep float64) {
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
func (d *doc) minorHeading(text string, keep float64) {
	d.need(styleH3.line + 2 + keep)
	d.font(styleH3)
	d.pdf.SetX(marginLeft - d.pdf.GetCellMargin())
	d.pdf.CellFormat(contentWidth, styleH3.line, drawable(text, false), "", 1, "L", false, 0, "")
	d.pdf.SetY(d.y() + 1)
	d.font(styleBody)
}

// wrap splits text into lines that fit width w in the current font (the cell margin
// included), keeping the assessor's line breaks.
func (d *doc) wrap(text string, w float64) []string {
	text = strings.TrimRight(drawable(text, true), "\n ")
	if text == "" {
		return nil
	}
	return d.pdf.SplitText(text, w)
}

// textBlock prints wrapped text at x with width w in a style. A paragraph that does not fit
// is split between pages only where at least two lines stay on each side.
func (d *doc) textBlock(text string, x, w float64, s textStyle) {
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

// textHeight is the height text takes when printed by textBlock with width w.
func (d *doc) textHeight(text string, w float64, s textStyle) float64 {
	d.font(s)
	n := len(d.wrap(text, w+2*d.pdf.GetCellMargin()))
	d.font(styleBody)
	return float64(n) * s.line
}

// para prints a paragraph of body text followed by a little space.
func (d *doc) para(text string) {
	d.paraStyled(text, styleBody)
}

// paraStyled prints a paragraph in a given style followed by a little space.
func (d *doc) paraStyled(text string, s textStyle) {
	d.need(2 * s.line)
	d.textBlock(text, marginLeft, contentWidth, s)
	d.gap(2)
}

// paraf prints a formatted paragraph.
func (d *doc) paraf(format string, args ...any) { d.para(fmt.Sprintf(format, args...)) }

// bullets prints a list with hanging indents.
func (d *doc) bullets(items []string) {
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

// none prints the sentence that explains why a part of the report is empty.
func (d *doc) none(text string) {
	d.paraStyled(text, styleItalic)
}
