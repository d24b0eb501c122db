package report

import (
	"fmt"
	"strings"
)

// The Word document's styles, made from the same type scale and palette as the PDF. The
// headings are Word's built-in "heading 1" to "heading 3" with outline levels, so the
// navigation pane and the contents field list them, and a consultant who restyles a heading
// restyles every one.

// Paragraph styles the body refers to by ID.
const (
	styleIDNote      = "Note"       // small print: explanations, notes under tables
	styleIDRemark    = "Remark"     // italic: why a part of the report is empty
	styleIDTableText = "TableText"  // table cells
	styleIDBullet    = "ListBullet" // a bulleted list's items
)

// docxStyle is one paragraph style: ID, the name Word knows it by, what it is based on,
// paragraph properties and the text style of its runs.
type docxStyle struct {
	id, name, basedOn string
	pPr               string
	text              textStyle
}

// paragraphStyles are the report's paragraph styles.
func paragraphStyles() []docxStyle {
	heading := func(level int, text textStyle, before, after int) docxStyle {
		return docxStyle{id: fmt.Sprintf("Heading%d", level), name: fmt.Sprintf("heading %d", level), basedOn: "Normal",
			pPr:  fmt.Sprintf(`<w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="%d"/><w:outlineLvl w:val="%d"/>`, before, after, level-1),
			text: text}
	}
	right := fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, twips(contentWidth))
	return []docxStyle{
		{id: "Normal", name: "Normal", pPr: `<w:spacing w:after="113" w:line="264" w:lineRule="auto"/>`, text: styleBody},
		heading(1, styleH1, 0, 200),
		heading(2, styleH2, 160, 80),
		heading(3, styleH3, 120, 60),
		{id: "Title", name: "Title", basedOn: "Normal", pPr: `<w:spacing w:after="120" w:line="240" w:lineRule="auto"/>`, text: textStyle{"B", 26, white, 0}},
		{id: "Subtitle", name: "Subtitle", basedOn: "Normal", pPr: `<w:spacing w:after="240"/>`, text: textStyle{"", 13, rgb{225, 232, 242}, 0}},
		{id: "TOCHeading", name: "TOC Heading", basedOn: "Heading1", pPr: `<w:outlineLvl w:val="9"/>`, text: styleH1},
		{id: "TOC1", name: "toc 1", basedOn: "Normal",
			pPr:  fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%d"/></w:tabs><w:spacing w:after="60"/>`, twips(contentWidth)),
			text: styled},
		{id: styleIDNote, name: "Note", basedOn: "Normal", text: styleSmall},
		{id: styleIDRemark, name: "Remark", basedOn: "Normal", text: styleItalic},
		{id: styleIDTableText, name: "Table Text", basedOn: "Normal", pPr: `<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>`, text: styleCell},
		{id: styleIDBullet, name: "List Bullet", basedOn: "Normal", pPr: `<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="40"/>`, text: styled},
		{id: "Header", name: "header", basedOn: "Normal", pPr: right + `<w:spacing w:after="0"/>`, text: styleSmall},
		{id: "Footer", name: "footer", basedOn: "Normal", pPr: right + `<w:spacing w:after="0"/>`, text: styleSmall},
	}
}

// styles is word/styles.xml: the document defaults (Arial, which Liberation Sans stands in for
// where Arial is not installed, British English) and the paragraph styles.
func styles() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>`+
		`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="113"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		hexOf(styleBody.colour), halfPoints(styleBody.size), halfPoints(styleBody.size))
	for _, s := range paragraphStyles() {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"`, s.id)
		if s.id == "Normal" {
			b.WriteString(` w:default="1"`)
		}
		fmt.Fprintf(&b, `><w:name w:val="%s"/>`, s.name)
		if s.basedOn != "" {
			fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, s.basedOn)
		}
		if strings.HasPrefix(s.id, "Heading") || s.id == "Title" {
			b.WriteString(`<w:next w:val="Normal"/>`)
		}
		b.WriteString(`<w:qFormat/>`)
		if s.pPr != "" {
			b.WriteString("<w:pPr>" + s.pPr + "</w:pPr>")
		}
		b.WriteString(runProps(s.text))
		b.WriteString(`</w:style>`)
	}
	fmt.Fprintf(&b, `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>`+
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/>`+
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`, twips(cellMargin), twips(cellMargin))
	b.WriteString(`</w:styles>`)
	return b.String()
}
