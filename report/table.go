package report

import (
	"fmt"
	"strings"
)

// column is one column of a table: its heading, width in millimetres and alignment
// ("L", "C" or "R").
type column struct {
	title string
	width float64
	align string
}

// cell is one table cell: its text, and optionally a style and a background that mark it.
type cell struct {
	text  string
	style *textStyle
	fill  *rgb
}

// txt is a plain cell.
func txt(s string) cell { return cell{text: s} }

// bold is a cell in bold.
func bold(s string) cell { return cell{text: s, style: &styleCellBold} }

// marked is a cell with a background colour; the text still says what the colour means.
func marked(s string, c rgb) cell { return cell{text: s, fill: &c} }

// texts turns strings into plain cells.
func texts(ss ...string) []cell {
	out := make([]cell, len(ss))
	for i, s := range ss {
		out[i] = txt(s)
	}
	return out
}

// cellPad is the space above and below the text of a table cell.
const cellPad = 1.3

// table prints rows under a header row. Each row is as tall as its tallest cell once the text
// is wrapped, so nothing overflows; a row that does not fit moves to the next page, where the
// header is repeated, and only a row taller than a whole page is split across pages.
//
// A column that says the same in every row of a longer table is said once, above it, instead.
func (d *doc) table(cols []column, rows [][]cell) {
	cols, rows, same := uniformColumns(cols, rows)
	if len(same) > 0 {
		d.paraStyled(strings.Join(same, " "), styleSmall)
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
func (d *doc) lead(cols []column, rows [][]cell) float64 {
	first := 3*styleCell.line + 2*cellPad
	if len(rows) > 0 {
		if h := d.rowHeight(cols, rows[0]); h < pageBottom-marginTop-30 {
			first = h
		}
	}
	return d.headerHeight(cols) + first
}

// tableLead is lead for a table not laid out yet: what a heading must be kept with.
func (d *doc) tableLead(cols []column, rows [][]cell) float64 {
	cols, rows, same := uniformColumns(cols, rows)
	extra := 0.0
	if len(same) > 0 {
		extra = 2*styleSmall.line + 2
	}
	return d.lead(d.balance(fitColumns(cols), rows), rows) + extra
}

// uniformMinRows is the fewest rows a table needs before a column that repeats one value in
// every row is said once instead.
const uniformMinRows = 4

// uniformColumns takes out of a table each column (the first excepted) whose every row says
// the same, widening the others to fill the page, and returns a sentence for each saying what
// all the rows share.
func uniformColumns(cols []column, rows [][]cell) ([]column, [][]cell, []string) {
	if len(rows) < uniformMinRows {
		return cols, rows, nil
	}
	var keep []int
	var same []string
	for i, c := range cols {
		if i == 0 || !sameInEveryRow(rows, i) || c.title == "" {
			keep = append(keep, i)
			continue
		}
		value := strings.ReplaceAll(rows[0][i].text, "\n", ", ")
		if value == "" || value == "—" {
			value = "none"
		}
		same = append(same, fmt.Sprintf("%s: %s in every row.", c.title, value))
	}
	if len(same) == 0 {
		return cols, rows, nil
	}
	width := 0.0
	for _, i := range keep {
		width += cols[i].width
	}
	outCols := make([]column, len(keep))
	for j, i := range keep {
		outCols[j] = cols[i]
		outCols[j].width *= min(totalWidth(cols), contentWidth) / width
	}
	outRows := make([][]cell, len(rows))
	for r, row := range rows {
		for _, i := range keep {
			if i < len(row) {
				outRows[r] = append(outRows[r], row[i])
			}
		}
	}
	return outCols, outRows, same
}

// sameInEveryRow reports whether column i has the same text in every row.
func sameInEveryRow(rows [][]cell, i int) bool {
	for _, r := range rows {
		if i >= len(r) || i >= len(rows[0]) || r[i].text != rows[0][i].text {
			return false
		}
	}
	return true
}

// titledTable prints a second-level heading kept together with the header and first row of
// the table under it.
func (d *doc) titledTable(title string, cols []column, rows [][]cell) {
	d.subheading(title, d.tableLead(cols, rows))
	d.table(cols, rows)
}

// fieldColumns are the label and value columns of a field list.
var fieldColumns = []column{{width: 46}, {width: contentWidth - 46}}

// fieldLabel is the style of a field list's labels.
var fieldLabel = textStyle{"B", styleCell.size, muted, styleCell.line}

func fieldRow(p [2]string) []cell { return []cell{{text: p[0], style: &fieldLabel}, txt(p[1])} }

// fields prints label–value pairs as a two-column list without a header.
func (d *doc) fields(pairs [][2]string) {
	for _, p := range pairs {
		d.tableRow(fieldColumns, fieldRow(p), false, nil)
	}
	d.font(styleBody)
	d.gap(3)
}

// fieldsHeight is the height fields will take.
func (d *doc) fieldsHeight(pairs [][2]string) float64 {
	h := 3.0
	for _, p := range pairs {
		h += d.rowHeight(fieldColumns, fieldRow(p))
	}
	return h
}

// longestWordCap is the widest a column grows to keep its longest word whole; longer tokens
// (web addresses, file paths) are broken instead.
const longestWordCap = 42.0

// balance widens a column whose longest word would not fit (so "Nonconformant" never breaks
// mid-word) by taking the room from columns that have more than their own longest word needs.
func (d *doc) balance(cols []column, rows [][]cell) []column {
	need := make([]float64, len(cols))
	slack, deficit := 0.0, 0.0
	pad := 2*d.pdf.GetCellMargin() + 0.4
	for i, c := range cols {
		d.font(styleCellHead)
		need[i] = d.longestWord(c.title)
		for _, r := range rows {
			if i < len(r) {
				d.font(cellStyle(r[i]))
				need[i] = max(need[i], d.longestWord(r[i].text))
			}
		}
		need[i] = min(need[i]+pad, longestWordCap)
		if gap := need[i] - c.width; gap > 0 {
			deficit += gap
		} else {
			slack -= gap
		}
	}
	if deficit == 0 || slack == 0 {
		return cols
	}
	take := min(deficit, slack)
	out := make([]column, len(cols))
	for i, c := range cols {
		if c.width < need[i] {
			c.width += (need[i] - c.width) * take / deficit
		} else {
			c.width -= (c.width - need[i]) * take / slack
		}
		out[i] = c
	}
	return out
}

// longestWord is the width of the widest word of text in the current font.
func (d *doc) longestWord(text string) float64 {
	w := 0.0
	for _, word := range strings.Fields(drawable(text, true)) {
		w = max(w, d.pdf.GetStringWidth(word))
	}
	return w
}

// fitColumns scales the widths down proportionally if they add up to more than the page.
func fitColumns(cols []column) []column {
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	if total <= contentWidth+0.01 {
		return cols
	}
	out := make([]column, len(cols))
	for i, c := range cols {
		c.width *= contentWidth / total
		out[i] = c
	}
	return out
}

// cellStyle is the style a cell's text is printed in: white bold on a dark background.
func cellStyle(c cell) textStyle {
	s := styleCell
	if c.style != nil {
		s = *c.style
	}
	if c.fill != nil && c.fill.dark() {
		s.colour, s.face = white, "B"
	}
	return s
}

func (d *doc) cellLines(c cell, width float64) ([]string, textStyle) {
	s := cellStyle(c)
	d.font(s)
	return d.wrap(c.text, width), s
}

func (d *doc) rowHeight(cols []column, r []cell) float64 {
	n := 1
	for i, c := range cols {
		if i < len(r) {
			lines, _ := d.cellLines(r[i], c.width)
			n = max(n, len(lines))
		}
	}
	return float64(n)*styleCell.line + 2*cellPad
}

func (d *doc) headerHeight(cols []column) float64 {
	n := 1
	d.font(styleCellHead)
	for _, c := range cols {
		n = max(n, len(d.wrap(c.title, c.width)))
	}
	return float64(n)*styleCellHead.line + 2*cellPad
}

// tableHeader prints the header row in white on navy.
func (d *doc) tableHeader(cols []column) {
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

func totalWidth(cols []column) float64 {
	w := 0.0
	for _, c := range cols {
		w += c.width
	}
	return w
}

func alignOf(c column) string {
	if c.align == "" {
		return "L"
	}
	return c.align
}

// tableRow prints one row, moving it to a fresh page (and calling header there) when it does
// not fit, and splitting it between pages only when it is taller than a page.
func (d *doc) tableRow(cols []column, r []cell, shaded bool, header func()) {
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
func (d *doc) rowSlice(cols []column, r []cell, lines [][]string, styles []textStyle, start, take int, shaded bool) {
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
