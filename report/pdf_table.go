package report

import (
	"strings"
)

// cellPad is the space above and below the text of a table cell.
const cellPad = 1.3

// table prints rows under a header row. Each row is as tall as its tallest cell once the text
// is wrapped, so nothing overflows; a row that does not fit moves to the next page, where the
// header is repeated, and only a row taller than a whole page is split across pages.
//
// A column that says the same in every row of a longer table is said once, above it, instead.
func (d *pdfDoc) table(cols []column, rows [][]cell) {
	cols, rows, same := uniformColumns(cols, rows)
	if len(same) > 0 {
		d.paragraph(strings.Join(same, " "), styleSmall)
	}
	cols = d.balance(fitColumns(cols), rows)
	d.need(d.lead(cols, rows))
	d.tableHeader(cols)
	header := func() { d.tableHeader(cols) }
	for i, r := range rows {
		if i == len(rows)-2 && i > 0 { // never leave the last row alone on a new page
			both := d.rowHeight(cols, r) + d.rowHeight(cols, rows[i+1])
			if both > d.room() && both < pageBottom-marginTop-30 {
				d.pdf.AddPage()
				header()
			}
		}
		d.tableRow(cols, r, i%2 == 1, header)
	}
	d.font(styleBody)
	d.gap(3.5)
}

// lead is the height of a table's header and first row, which are kept together (and with
// any heading above them); a first row taller than a page is allowed three lines.
func (d *pdfDoc) lead(cols []column, rows [][]cell) float64 {
	first := 3*styleCell.line + 2*cellPad
	if len(rows) > 0 {
		if h := d.rowHeight(cols, rows[0]); h < pageBottom-marginTop-30 {
			first = h
		}
	}
	return d.headerHeight(cols) + first
}

// tableLead is lead for a table not laid out yet: what a heading must be kept with.
func (d *pdfDoc) tableLead(cols []column, rows [][]cell) float64 {
	cols, rows, same := uniformColumns(cols, rows)
	extra := 0.0
	if len(same) > 0 {
		extra = 2*styleSmall.line + 2
	}
	return d.lead(d.balance(fitColumns(cols), rows), rows) + extra
}

// titledTable prints a second-level heading kept together with the header and first row of
// the table under it.
func (d *pdfDoc) titledTable(title string, cols []column, rows [][]cell) {
	d.subheading(title, d.tableLead(cols, rows))
	d.table(cols, rows)
}

// fields prints label–value pairs as a two-column list without a header.
func (d *pdfDoc) fields(pairs [][2]string) {
	for _, p := range pairs {
		d.tableRow(fieldColumns, fieldRow(p), false, nil)
	}
	d.font(styleBody)
	d.gap(3)
}

// fieldsHeight is the height fields will take.
func (d *pdfDoc) fieldsHeight(pairs [][2]string) float64 {
	h := 3.0
	for _, p := range pairs {
		h += d.rowHeight(fieldColumns, fieldRow(p))
	}
	return h
}

// balance widens a column whose longest word would not fit, measured in the PDF's font.
func (d *pdfDoc) balance(cols []column, rows [][]cell) []column {
	return balance(cols, rows, 2*d.pdf.GetCellMargin(), func(text string, s textStyle) float64 {
		d.font(s)
		return d.longestWord(text)
	})
}

// longestWord is the width of the widest word of text in the current font.
func (d *pdfDoc) longestWord(text string) float64 {
	w := 0.0
	for _, word := range strings.Fields(drawable(text, true)) {
		w = max(w, d.pdf.GetStringWidth(word))
	}
	return w
}

func (d *pdfDoc) cellLines(c cell, width float64) ([]string, textStyle) {
	s := cellStyle(c)
	d.font(s)
	return d.wrap(c.text, width), s
}

func (d *pdfDoc) rowHeight(cols []column, r []cell) float64 {
	n := 1
	for i, c := range cols {
		if i < len(r) {
			lines, _ := d.cellLines(r[i], c.width)
			n = max(n, len(lines))
		}
	}
	return float64(n)*styleCell.line + 2*cellPad
}

func (d *pdfDoc) headerHeight(cols []column) float64 {
	n := 1
	d.font(styleCellHead)
	for _, c := range cols {
		n = max(n, len(d.wrap(c.title, c.width)))
	}
	return float64(n)*styleCellHead.line + 2*cellPad
}

// tableHeader prints the header row in white on navy.
func (d *pdfDoc) tableHeader(cols []column) {
	h := d.headerHeight(cols)
	y := d.y()
	d.fill(navy)
	d.pdf.Rect(marginLeft, y, totalWidth(cols), h, "F")
	x := marginLeft
	for _, c := range cols {
		d.font(styleCellHead)
		for j, line := range d.wrap(c.title, c.width) {
			d.pdf.SetXY(x, y+cellPad+float64(j)*styleCellHead.line)
			d.pdf.CellFormat(c.width, styleCellHead.line, line, "", 0, alignOf(c), false, 0, "")
		}
		x += c.width
	}
	d.pdf.SetY(y + h)
}

// tableRow prints one row, moving it to a fresh page (and calling header there) when it does
// not fit, and splitting it between pages only when it is taller than a page.
func (d *pdfDoc) tableRow(cols []column, r []cell, shaded bool, header func()) {
	lines := make([][]string, len(cols))
	styles := make([]textStyle, len(cols))
	n := 1
	for i, c := range cols {
		styles[i] = styleCell
		if i < len(r) {
			lines[i], styles[i] = d.cellLines(r[i], c.width)
			n = max(n, len(lines[i]))
		}
	}
	d.tallestRow = max(d.tallestRow, float64(n)*styleCell.line+2*cellPad)
	page := float64(pageBottom-marginTop) - 12 // a fresh page less a repeated header
	fresh := false                             // a page was just started for this row: print what fits on it, whatever it is
	for start := 0; start < n && !d.pdf.Err(); {
		rest := n - start
		fits := int((d.room() - 2*cellPad) / styleCell.line)
		whole := float64(rest)*styleCell.line+2*cellPad <= page
		if fits < rest && !fresh && (whole || fits < 3) {
			d.pdf.AddPage()
			if header != nil {
				header()
			}
			fresh = true
			continue
		}
		take := min(rest, max(fits, 1))
		d.rowSlice(cols, r, lines, styles, start, take, shaded)
		start += take
		fresh = false
	}
}

// rowSlice prints lines [start, start+take) of every cell of a row.
func (d *pdfDoc) rowSlice(cols []column, r []cell, lines [][]string, styles []textStyle, start, take int, shaded bool) {
	y := d.y()
	h := float64(take)*styleCell.line + 2*cellPad
	if shaded {
		d.fill(zebra)
		d.pdf.Rect(marginLeft, y, totalWidth(cols), h, "F")
	}
	x := marginLeft
	for i, c := range cols {
		if i < len(r) && r[i].fill != nil {
			d.fill(*r[i].fill)
			d.pdf.Rect(x+0.4, y+0.4, c.width-0.8, h-0.8, "F")
		}
		if i == 0 && start > 0 && start >= len(lines[0]) {
			d.font(textStyle{"I", styleCell.size, muted, styleCell.line})
			d.pdf.SetXY(x, y+cellPad)
			d.pdf.CellFormat(c.width, styleCell.line, "(continued)", "", 0, "L", false, 0, "")
			x += c.width
			continue
		}
		d.font(styles[i])
		end := min(start+take, len(lines[i]))
		for j := start; j < end; j++ {
			d.pdf.SetXY(x, y+cellPad+float64(j-start)*styleCell.line)
			d.pdf.CellFormat(c.width, styleCell.line, lines[i][j], "", 0, alignOf(c), false, 0, "")
		}
		x += c.width
	}
	d.stroke(rule)
	d.pdf.SetLineWidth(0.15)
	d.pdf.Line(marginLeft, y+h, marginLeft+totalWidth(cols), y+h)
	d.pdf.SetY(y + h)
}
