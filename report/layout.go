package report

// Page geometry of the A4 report in millimetres, the PDF's and the Word document's.
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

	watermarkGrey = rgb{236, 236, 236} // light enough that DRAFT never hides the text over it
)

// dark reports whether white text reads better than black on the colour.
func (c rgb) dark() bool { return 299*c.r+587*c.g+114*c.b < 128*1000 }

// textStyle is one step of the type scale: face, size in points, colour and line height
// (which only the PDF uses; the Word document spaces lines by the size).
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
// where it starts; draw writes its content.
type section struct {
	id, title string
	numbered  bool // printed with its number ("4 Gap register")
	newPage   bool // starts on a fresh page
	draw      func(d *doc)
}
