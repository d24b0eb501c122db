package report

import (
	"fmt"
	"strings"
)

// Tables in the Word document: fixed column widths in the PDF's proportions, the header row
// repeated on every page the table runs onto, shaded cells where the PDF shades them (the
// word in the cell always says what the shade does), and a rule under every row.

// cellMargin is the space left and right of a cell's text, in millimetres, set on every
// table (LibreOffice does not take it from the Normal Table style).
const cellMargin = 1.5

// ruleBorder is the thin line under a row, in the PDF's rule colour.
var ruleBorder = `w:val="single" w:sz="2" w:space="0" w:color="` + hexOf(rule) + `"`

// tableStart opens a table with fixed column widths in millimetres and, when ruled, a rule
// under every row.
func tableStart(b *strings.Builder, cols []column, ruled bool) {
	borders := ""
	if ruled {
		borders = `<w:tblBorders><w:bottom ` + ruleBorder + `/><w:insideH ` + ruleBorder + `/></w:tblBorders>`
	}
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s`+
		`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`+
		`<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`+
		`</w:tblPr><w:tblGrid>`, twips(totalWidth(cols)), borders, twips(cellMargin), twips(cellMargin))
	for _, c := range cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, twips(c.width))
	}
	b.WriteString(`</w:tblGrid>`)
}

// cellProps are what a cell may add to its width, in the order the schema wants them:
// borders (the content of <w:tcBorders>), a shade and a vertical alignment.
type cellProps struct {
	borders string
	fill    *rgb
	vAlign  string
}

// writeCell writes one cell of a column: its text in the Table Text style, in the cell's own
// style where it has one, aligned as the column.
func writeCell(b *strings.Builder, c column, v cell, p cellProps) {
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, twips(c.width))
	if p.borders != "" {
		b.WriteString("<w:tcBorders>" + p.borders + "</w:tcBorders>")
	}
	if p.fill != nil {
		fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, hexOf(*p.fill))
	}
	if p.vAlign != "" {
		fmt.Fprintf(b, `<w:vAlign w:val="%s"/>`, p.vAlign)
	}
	b.WriteString(`</w:tcPr><w:p>`)
	writeParagraphProps(b, styleIDTableText, justification(c))
	if v.text != "" {
		rPr := ""
		if s := cellStyle(v); s != styleCell {
			rPr = runProps(s)
		}
		writeRuns(b, v.text, rPr, true)
	}
	b.WriteString(`</w:p></w:tc>`)
}

// justification is a column's alignment as paragraph properties.
func justification(c column) string {
	switch alignOf(c) {
	case "C":
		return `<w:jc w:val="center"/>`
	case "R":
		return `<w:jc w:val="right"/>`
	}
	return ""
}

// table writes rows under a header row in white on navy that Word repeats on every page;
// every other row is shaded, and a cell with its own shade keeps it.
func (d *docxDoc) table(cols []column, rows [][]cell) {
	cols, rows, same := uniformColumns(cols, rows)
	if len(same) > 0 {
		d.paragraph(strings.Join(same, " "), styleSmall)
	}
	cols = balance(fitColumns(cols), rows, 2*cellMargin, d.longestWord)
	var b strings.Builder
	tableStart(&b, cols, true)
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	for _, c := range cols {
		writeCell(&b, c, cell{text: c.title, style: &styleCellHead}, cellProps{fill: &navy})
	}
	b.WriteString(`</w:tr>`)
	for i, r := range rows {
		b.WriteString(`<w:tr>`)
		for j, c := range cols {
			v, fill := cell{}, (*rgb)(nil)
			if j < len(r) {
				v, fill = r[j], r[j].fill
			}
			if fill == nil && i%2 == 1 {
				fill = &zebra
			}
			writeCell(&b, c, v, cellProps{fill: fill})
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	d.body.WriteString(b.String())
	d.spacer()
}

// spacer writes an empty paragraph after a table: Word needs one between two tables, and it
// keeps the next heading or paragraph off the table's last rule.
func (d *docxDoc) spacer() {
	d.body.WriteString(`<w:p><w:pPr><w:spacing w:after="0" w:line="120" w:lineRule="exact"/></w:pPr></w:p>`)
}

// titledTable writes a second-level heading and the table under it.
func (d *docxDoc) titledTable(title string, cols []column, rows [][]cell) {
	d.subheading(title, 0)
	d.table(cols, rows)
}

// fields writes label–value pairs as a two-column table without a header.
func (d *docxDoc) fields(pairs [][2]string) {
	var b strings.Builder
	tableStart(&b, fieldColumns, true)
	for _, p := range pairs {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for j, v := range fieldRow(p) {
			writeCell(&b, fieldColumns[j], v, cellProps{})
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	d.body.WriteString(b.String())
	d.spacer()
}

// verdictPanel writes the level in a navy square beside the verdict and the count line on a
// light panel.
func (d *docxDoc) verdictPanel(v verdictFigure) {
	cols := []column{{width: 26}, {width: contentWidth - 26}}
	var b strings.Builder
	tableStart(&b, cols, false)
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="%s"/><w:vAlign w:val="center"/></w:tcPr>`,
		twips(cols[0].width), hexOf(navy))
	b.WriteString(paragraphXML("", `<w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/>`, v.level, textStyle{"B", 30, white, 0}))
	b.WriteString(paragraphXML("", `<w:spacing w:after="120"/><w:jc w:val="center"/>`, strings.ToUpper(levelLabel), textStyle{"", 7, white, 0}))
	fmt.Fprintf(&b, `</w:tc><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="%s"/><w:tcMar><w:left w:w="227" w:type="dxa"/></w:tcMar></w:tcPr>`,
		twips(cols[1].width), hexOf(panel))
	b.WriteString(paragraphXML("", `<w:spacing w:before="120" w:after="40"/>`, verdictLabel, styleLabel))
	b.WriteString(paragraphXML("", `<w:spacing w:after="60"/>`, v.verdict, textStyle{"B", 15, navy, 0}))
	b.WriteString(paragraphXML("", `<w:spacing w:after="120"/>`, v.counts, styled))
	b.WriteString(`</w:tc></w:tr></w:tbl>`)
	d.body.WriteString(b.String())
	d.spacer()
}

// keyFigures writes a row of boxed figures, each a value over its label.
func (d *docxDoc) keyFigures(figures [][2]string) {
	if len(figures) == 0 {
		return
	}
	w := contentWidth / float64(len(figures))
	var b strings.Builder
	fmt.Fprintf(&b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders><w:top %s/><w:left %s/><w:bottom %s/><w:right %s/><w:insideV %s/></w:tblBorders>`+
		`<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`, twips(contentWidth), ruleBorder, ruleBorder, ruleBorder, ruleBorder, ruleBorder)
	for range figures {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, twips(w))
	}
	b.WriteString(`</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	for _, f := range figures {
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, twips(w))
		b.WriteString(paragraphXML("", `<w:spacing w:before="80" w:after="0"/><w:jc w:val="center"/>`, f[0], textStyle{"B", 14, navy, 0}))
		b.WriteString(paragraphXML("", `<w:spacing w:after="80"/><w:jc w:val="center"/>`, f[1], textStyle{"", 7, muted, 0}))
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr></w:tbl>`)
	d.body.WriteString(b.String())
	d.spacer()
}
