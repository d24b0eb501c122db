package report

import (
	"fmt"
	"strings"
)

// vmlNamespaces are the namespaces of the legacy drawing (VML) a watermark is made of, which
// Word and LibreOffice both read as the document's watermark.
const vmlNamespaces = `xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
	`xmlns:w10="urn:schemas-microsoft-com:office:word"`

// watermark writes, on a draft, DRAFT across the page behind the text, light and turned as in
// the PDF: word-art text (VML shape type 136, text on a path) anchored to the page's margins in
// a running head, as Word's own watermarks are, so Design ▸ Watermark (Word) and Format ▸
// Watermark (LibreOffice) can change or remove it.
func (d *docxDoc) watermark(b *strings.Builder) {
	if !d.draft() {
		return
	}
	b.WriteString(`<w:r><w:pict>`)
	b.WriteString(`<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">` +
		`<v:formulas>`)
	for _, eqn := range []string{"sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3", "if @0 @3 0",
		"if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5", "mid @7 @8", "mid @6 @7", "sum @6 0 @5"} {
		fmt.Fprintf(b, `<v:f eqn="%s"/>`, eqn)
	}
	b.WriteString(`</v:formulas><v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>` +
		`<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>`)
	fmt.Fprintf(b, `<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" `+
		`style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:130pt;rotation:310;z-index:-251657216;`+
		`mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" `+
		`o:allowincell="f" fillcolor="#%s" stroked="f"><v:fill opacity="1"/>`+
		`<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt;font-weight:bold" string="DRAFT"/>`+
		`<w10:wrap anchorx="margin" anchory="margin"/></v:shape>`, hexOf(watermarkGrey))
	b.WriteString(`</w:pict></w:r>`)
}
