package report

import (
	"fmt"
	"strings"
)

// The fixed parts of the Word document's package and the ones made from the report's facts:
// content types, relationships, document properties, page set-up, running head and foot.

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// wordNamespaces are the namespaces of the main document, its head and its foot.
const wordNamespaces = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`

const relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relationshipType + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relationshipType + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appProperties = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>aimsbench</Application></Properties>`

// settings ask the word processor to update the fields (the contents, the page numbers) when
// the document is opened, and set the language to British English; the elements are in the
// schema's order, which Word insists on.
const settings = xmlHeader + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-GB"/>` +
	`</w:settings>`

// numbering defines the bullet of the report's lists (number 1, used by the List Bullet style).
const numbering = xmlHeader + `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
	`<w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

// contentTypes names the type of every part of the package.
func (d *docxDoc) contentTypes() string {
	const doc = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	for _, o := range [][2]string{
		{"/word/document.xml", doc + "document.main+xml"}, {"/word/styles.xml", doc + "styles+xml"},
		{"/word/settings.xml", doc + "settings+xml"}, {"/word/numbering.xml", doc + "numbering+xml"},
		{"/word/header1.xml", doc + "header+xml"}, {"/word/footer1.xml", doc + "footer+xml"},
		{"/word/header2.xml", doc + "header+xml"}, {"/word/footer2.xml", doc + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, o[0], o[1])
	}
	b.WriteString(`</Types>`)
	return b.String()
}

// documentRels links the main document to its styles, settings, numbering, running heads and
// feet (the cover's are the second) and pictures; picture n is rIdPicture<n>.
func (d *docxDoc) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range [][3]string{{"rIdStyles", "styles", "styles.xml"}, {"rIdSettings", "settings", "settings.xml"},
		{"rIdNumbering", "numbering", "numbering.xml"}, {"rIdHeader", "header", "header1.xml"}, {"rIdFooter", "footer", "footer1.xml"},
		{"rIdCoverHeader", "header", "header2.xml"}, {"rIdCoverFooter", "footer", "footer2.xml"}} {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, r[0], relationshipType, r[1], r[2])
	}
	for i, p := range d.pictures {
		fmt.Fprintf(&b, `<Relationship Id="rIdPicture%d" Type="%simage" Target="media/%s"/>`, i+1, relationshipType, p.name)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// coreProperties are the document properties a file manager and Word's Info pane show:
// title, subject, author, keywords, status, version and dates, every date the report's.
func (d *docxDoc) coreProperties() string {
	stamp := d.asOf.Format("2006-01-02T15:04:05Z")
	org := printable(d.a.Organisation.Name, false)
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, p := range [][2]string{
		{"dc:title", org + " — " + printable(d.a.Title, false)},
		{"dc:subject", "ISO/IEC 42001 " + d.kind()},
		{"dc:creator", printable(d.a.Assessor, false)},
		{"cp:lastModifiedBy", printable(d.a.Assessor, false)},
		{"cp:keywords", "ISO/IEC 42001, AI management system, readiness assessment, " + org},
		{"dc:description", "Readiness verdict: " + d.sum.Verdict + ". Data fingerprint (audit chain head): " + orDash(d.opts.Fingerprint) + "."},
		{"cp:category", capitalise(d.kind())},
		{"cp:contentStatus", d.state()},
		{"cp:version", printable(orDash(d.a.ReportVersion), false)},
		{"dc:language", "en-GB"},
	} {
		fmt.Fprintf(&b, "<%s>%s</%s>", p[0], escaped(p[1]), p[0])
	}
	fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, stamp)
	fmt.Fprintf(&b, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, stamp)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

// document is the main document: the body the sections wrote, then the page set-up (A4, the
// PDF's margins, the cover without running head and foot).
func (d *docxDoc) document() string {
	var b strings.Builder
	b.Grow(d.body.Len() + 1024)
	b.WriteString(xmlHeader + `<w:document ` + wordNamespaces + `><w:body>`)
	b.WriteString(d.body.String())
	fmt.Fprintf(&b, `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdCoverHeader"/>`+
		`<w:footerReference w:type="default" r:id="rIdFooter"/><w:footerReference w:type="first" r:id="rIdCoverFooter"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`<w:titlePg/></w:sectPr>`,
		twips(pageWidth), twips(pageHeight), twips(marginTop), twips(marginRight), twips(marginBottom), twips(marginLeft), twips(11), twips(10))
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// runningHead is the head of every page but the cover: the organisation on the left; the DRAFT
// mark, while the report is a draft, and the classification on the right; and a draft's
// watermark.
func (d *docxDoc) runningHead() string {
	return headOrFoot("hdr", "Header", func(b *strings.Builder) {
		d.watermark(b)
		writeRuns(b, d.a.Organisation.Name, "", false)
		b.WriteString(`<w:r><w:tab/></w:r>`)
		if d.draft() {
			writeRuns(b, "DRAFT · ", runProps(textStyle{"B", 8, badFill, 0}), false)
		}
		writeRuns(b, strings.ToUpper(orDash(d.a.Classification)), runProps(textStyle{"B", 8, navy, 0}), false)
	})
}

// coverHead is the cover's head: nothing but a draft's watermark.
func (d *docxDoc) coverHead() string {
	return headOrFoot("hdr", "Header", d.watermark)
}

// runningFootXML is the foot of every page but the cover: title, kind, version and status on
// the left, "Page X of Y" on the right.
func (d *docxDoc) runningFootXML() string {
	return headOrFoot("ftr", "Footer", func(b *strings.Builder) {
		writeRuns(b, d.runningFoot(), "", false)
		b.WriteString(`<w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>`)
		field(b, "PAGE", "", "1")
		b.WriteString(`<w:r><w:t xml:space="preserve"> of </w:t></w:r>`)
		field(b, "NUMPAGES", "", "1")
	})
}

// headOrFoot is a running head (<w:hdr>) or foot (<w:ftr>) of one paragraph in a style.
func headOrFoot(root, style string, content func(*strings.Builder)) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:` + root + ` ` + wordNamespaces + ` ` + vmlNamespaces + `><w:p>`)
	writeParagraphProps(&b, style, "")
	content(&b)
	b.WriteString(`</w:p></w:` + root + `>`)
	return b.String()
}
