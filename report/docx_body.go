package report

import (
	"fmt"
	"strings"
)

// The Word document's renderer: headings, paragraphs, lists and the front matter. Word
// paginates the document itself, so keep hints are left to the heading styles (every heading
// stays with its next paragraph) and sections that start a fresh page in the PDF break the
// page before their heading.

// bookmark is the name of the bookmark on a section's heading, which the contents links to.
func bookmark(sectionID string) string { return "_Toc_" + sectionID }

// begin writes a section's heading: Heading 1 with its number, bookmarked for the contents,
// on a new page when the section asks for one. The contents' own title is not a heading, so
// the contents do not list themselves.
func (d *docxDoc) begin(s section) {
	if s.draw == nil || s.id == "cover" {
		return
	}
	style, props := "Heading1", ""
	if s.id == "contents" {
		style = "TOCHeading"
	}
	if s.newPage {
		props = "<w:pageBreakBefore/>"
	}
	d.ids++
	d.body.WriteString("<w:p>")
	writeParagraphProps(&d.body, style, props)
	fmt.Fprintf(&d.body, `<w:bookmarkStart w:id="%d" w:name="%s"/>`, d.ids, bookmark(s.id))
	writeRuns(&d.body, d.heading(s), "", false)
	fmt.Fprintf(&d.body, `<w:bookmarkEnd w:id="%d"/></w:p>`, d.ids)
}

// subheading writes a second-level heading.
func (d *docxDoc) subheading(text string, _ float64) {
	d.body.WriteString(paragraphXML("Heading2", "", text, styled))
}

// minorHeading writes a third-level heading.
func (d *docxDoc) minorHeading(text string, _ float64) {
	d.body.WriteString(paragraphXML("Heading3", "", text, styled))
}

// paragraph writes a paragraph: small and italic text in the Note and Remark styles, body
// text in Normal, any other style as Normal with its face, size and colour.
func (d *docxDoc) paragraph(text string, s textStyle) {
	if strings.TrimSpace(text) == "" {
		return
	}
	switch s {
	case styleBody:
		d.body.WriteString(paragraphXML("", "", text, styled))
	case styleSmall:
		d.body.WriteString(paragraphXML(styleIDNote, "", text, styled))
	case styleItalic:
		d.body.WriteString(paragraphXML(styleIDRemark, "", text, styled))
	default:
		d.body.WriteString(paragraphXML("", "", text, s))
	}
}

// bullets writes a bulleted list.
func (d *docxDoc) bullets(items []string) {
	for _, it := range items {
		if strings.TrimSpace(it) != "" {
			d.body.WriteString(paragraphXML(styleIDBullet, "", it, styled))
		}
	}
}

// fieldsHeight is 0: Word keeps headings with what follows by their style.
func (d *docxDoc) fieldsHeight([][2]string) float64 { return 0 }

// textHeight is 0: Word keeps headings with what follows by their style.
func (d *docxDoc) textHeight(string, textStyle) float64 { return 0 }

// coverPage writes the title page: a navy band with the kind of report, the organisation and
// the title, the status, the particulars, and how the report may be handled.
func (d *docxDoc) coverPage(c coverPage) {
	var band strings.Builder
	band.WriteString(paragraphXML("", `<w:spacing w:before="600" w:after="200"/>`, c.kicker, textStyle{"B", 10, rgb{200, 212, 228}, 0}))
	band.WriteString(paragraphXML("Title", "", c.organisation, styled))
	band.WriteString(paragraphXML("Subtitle", `<w:spacing w:after="600"/>`, c.title, styled))
	d.shadedBox(band.String(), navy)
	badge := boxed(navy) + `<w:spacing w:before="480" w:after="240"/><w:ind w:right="` + fmt.Sprint(twips(contentWidth-24)) + `"/><w:jc w:val="center"/>`
	d.body.WriteString(paragraphXML("", badge, c.state, textStyle{"B", 11, navy, 0}))
	d.fields(c.fields)
	d.paragraph(c.draftNote, styleSmall)
	d.paragraph(c.handling, styleSmall)
}

// boxed is a paragraph's border all round in a colour (the paragraph properties' <w:pBdr>).
func boxed(c rgb) string {
	var b strings.Builder
	b.WriteString("<w:pBdr>")
	for _, side := range []string{"top", "left", "bottom", "right"} {
		fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="12" w:space="3" w:color="%s"/>`, side, hexOf(c))
	}
	b.WriteString("</w:pBdr>")
	return b.String()
}

// shadedBox writes paragraphs in a full-width box of one colour: a table of one cell.
func (d *docxDoc) shadedBox(content string, fill rgb) {
	w := twips(contentWidth)
	fmt.Fprintf(&d.body, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`+
		`<w:tblCellMar><w:left w:w="284" w:type="dxa"/><w:right w:w="284" w:type="dxa"/></w:tblCellMar></w:tblPr>`+
		`<w:tblGrid><w:gridCol w:w="%d"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`+
		`<w:shd w:val="clear" w:color="auto" w:fill="%s"/></w:tcPr>%s</w:tc></w:tr></w:tbl>`, w, w, w, hexOf(fill), content)
}

// contents writes a contents field listing the sections' headings (level 1) with their
// pages. Only the word processor knows the pages, so the field comes with the entries
// already listed, each linked to its heading, and the pages are added when the field is
// updated: Word offers to on opening, LibreOffice does it with Tools ▸ Update ▸ Update All.
func (d *docxDoc) contents() {
	var entries []section
	for _, s := range d.sections {
		if s.id != "cover" && s.id != "contents" {
			entries = append(entries, s)
		}
	}
	for i, s := range entries {
		d.body.WriteString("<w:p>")
		writeParagraphProps(&d.body, "TOC1", "")
		if i == 0 {
			d.body.WriteString(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>` +
				`<w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z \u </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		fmt.Fprintf(&d.body, `<w:hyperlink w:anchor="%s" w:history="1">`, bookmark(s.id))
		writeRuns(&d.body, d.heading(s), "", false)
		d.body.WriteString(`</w:hyperlink>`)
		if i == len(entries)-1 {
			d.body.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		d.body.WriteString("</w:p>")
	}
	d.paragraph("Each line links to its section, and Word's navigation pane shows the same outline. The page numbers "+
		"come from a contents field: Word offers to update it when the document opens; after editing, select it and "+
		"press F9 (in LibreOffice: Tools ▸ Update ▸ Update All).", styleSmall)
}

// signatureBlock writes a role and a row of lines for name, signature and date, the name and
// date filled in when known.
func (d *docxDoc) signatureBlock(role, name, on string) {
	d.body.WriteString(paragraphXML("", `<w:keepNext/><w:spacing w:before="240"/>`, role, styleH3))
	cols := []column{{"Name", 86, ""}, {"", 3, ""}, {"Signature", 52, ""}, {"", 3, ""}, {"Date", 26, ""}}
	values := []string{name, "", "", "", on}
	line := `<w:bottom w:val="single" w:sz="4" w:space="0" w:color="` + hexOf(ink) + `"/>`
	var b strings.Builder
	tableStart(&b, cols, false)
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="` + fmt.Sprint(twips(12)) + `"/></w:trPr>`)
	for i, c := range cols {
		p := cellProps{borders: line, vAlign: "bottom"}
		if c.title == "" { // the gap between two lines
			p.borders = ""
		}
		writeCell(&b, c, txt(values[i]), p)
	}
	b.WriteString(`</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	for _, c := range cols {
		writeCell(&b, c, cell{text: c.title, style: &styleSmall}, cellProps{})
	}
	b.WriteString(`</w:tr></w:tbl>`)
	d.body.WriteString(b.String())
	d.spacer() // and the document never ends on a table, which Word does not allow
}
