package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The WordprocessingML the Word document is written in, a few elements at a time: text is
// escaped once here, and every element's children are written in the order the schema
// requires (Word refuses a file whose properties are out of order).

// twips converts millimetres to twentieths of a point, Word's unit of length.
func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// emu converts millimetres to English Metric Units, DrawingML's unit of length.
func emu(mm float64) int { return int(mm * 36000) }

// hexOf is a colour as Word writes it: "1F3A5F".
func hexOf(c rgb) string { return fmt.Sprintf("%02X%02X%02X", c.r, c.g, c.b) }

// writeEscaped writes text as XML character data or an attribute value: markup characters
// escaped and any character XML 1.0 cannot carry (which printable has already made visible,
// but a noncharacter such as U+FFFE is not a control character) replaced with U+FFFD.
func writeEscaped(b *strings.Builder, s string) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case !xmlChar(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
}

// escaped is writeEscaped into a new string, for attributes.
func escaped(s string) string {
	var b strings.Builder
	writeEscaped(&b, s)
	return b.String()
}

// xmlChar reports whether XML 1.0 allows a character in a document.
func xmlChar(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r':
		return true
	case r < 0x20, r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff, r > 0x10ffff:
		return false
	}
	return true
}

// styled is the text style of runs that take everything from their paragraph's style, so a
// consultant who changes the style changes them too.
var styled = textStyle{}

// runProps is the run properties (<w:rPr>) of a text style: bold, italic, size and colour;
// none for styled runs.
func runProps(s textStyle) string {
	if s == styled {
		return ""
	}
	var b strings.Builder
	b.WriteString("<w:rPr>")
	if strings.Contains(s.face, "B") {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if strings.Contains(s.face, "I") {
		b.WriteString("<w:i/><w:iCs/>")
	}
	fmt.Fprintf(&b, `<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hexOf(s.colour), halfPoints(s.size), halfPoints(s.size))
	b.WriteString("</w:rPr>")
	return b.String()
}

// halfPoints is a size in points as Word stores it.
func halfPoints(pt float64) int { return int(pt*2 + 0.5) }

// writeRuns writes text as runs with the given run properties, a line break (<w:br/>) for
// each of the assessor's line breaks when multiline, and a tab as a space.
func writeRuns(b *strings.Builder, text, rPr string, multiline bool) {
	text = strings.ReplaceAll(printable(text, multiline), "\t", " ")
	b.WriteString("<w:r>")
	b.WriteString(rPr)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		writeEscaped(b, line)
		b.WriteString("</w:t>")
	}
	b.WriteString("</w:r>")
}

// paragraphXML is a paragraph in a named style (empty: Normal) with extra paragraph
// properties in schema order after the style, holding text in one style.
func paragraphXML(style, props, text string, s textStyle) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	writeParagraphProps(&b, style, props)
	writeRuns(&b, text, runProps(s), true)
	b.WriteString("</w:p>")
	return b.String()
}

// writeParagraphProps writes <w:pPr> with a style and further properties, or nothing.
func writeParagraphProps(b *strings.Builder, style, props string) {
	if style == "" && props == "" {
		return
	}
	b.WriteString("<w:pPr>")
	if style != "" {
		fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, style)
	}
	b.WriteString(props)
	b.WriteString("</w:pPr>")
}

// field writes a complex field (a page number, a page reference) with the result a reader
// sees until the word processor updates it.
func field(b *strings.Builder, instruction, rPr, result string) {
	fmt.Fprintf(b, `<w:r>%s<w:fldChar w:fldCharType="begin"/></w:r>`, rPr)
	fmt.Fprintf(b, `<w:r>%s<w:instrText xml:space="preserve"> %s </w:instrText></w:r>`, rPr, instruction)
	fmt.Fprintf(b, `<w:r>%s<w:fldChar w:fldCharType="separate"/></w:r>`, rPr)
	fmt.Fprintf(b, `<w:r>%s<w:t>%s</w:t></w:r>`, rPr, escaped(result))
	fmt.Fprintf(b, `<w:r>%s<w:fldChar w:fldCharType="end"/></w:r>`, rPr)
}
