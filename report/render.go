package report

import (
	"fmt"

	"aimsbench/assessment"
)

// renderer is what the report is written onto: the PDF (pdfDoc) or the Word document
// (docxDoc). The sections, methods of doc, decide every heading, sentence, table and figure
// once; a renderer only sets them out in its format. A new section is written against these
// primitives and appears in both formats.
type renderer interface {
	// begin starts a section: its heading, its place in the contents and its bookmark, on a
	// fresh page when the section asks for one.
	begin(s section)
	// subheading and minorHeading print a second- and third-level heading. keep is how many
	// millimetres of what follows must share the heading's page: the PDF, which paginates
	// itself, honours it; the Word document keeps every heading with its next paragraph.
	subheading(text string, keep float64)
	minorHeading(text string, keep float64)
	// paragraph prints text in one of the report's text styles (styleBody, styleSmall,
	// styleItalic for what is empty, styleBold), keeping the assessor's line breaks.
	paragraph(text string, s textStyle)
	bullets(items []string)
	// table prints rows under a header row repeated on every page the table runs onto; a
	// column that says the same in every row of a longer table is said once above it
	// (uniformColumns).
	table(cols []column, rows [][]cell)
	// titledTable prints a second-level heading kept with the start of the table under it.
	titledTable(title string, cols []column, rows [][]cell)
	// fields prints label–value pairs as a two-column list without a header.
	fields(pairs [][2]string)

	coverPage(c coverPage)
	// contents lists every section but the cover and the contents with where it starts.
	contents()
	verdictPanel(v verdictFigure)
	// keyFigures prints a row of figures, each a value over its label.
	keyFigures(figures [][2]string)
	// barChart draws one bar per group on the 0–5 maturity scale with the level-3 line and
	// each group's target.
	barChart(bars []bar)
	// heatMaps draws the 5×5 likelihood × impact grids before and after treatment.
	heatMaps(before, after riskGrid)
	// signatureBlock prints a role with lines for name, signature and date; name and on
	// (the date) are filled in when known.
	signatureBlock(role, name, on string)

	// fieldsHeight and textHeight say how tall a field list or a paragraph in full width will
	// be, so that a heading can be kept with them. They are the one part of the layout the
	// sections ask about; the Word document, which the word processor paginates, answers 0.
	fieldsHeight(pairs [][2]string) float64
	textHeight(text string, s textStyle) float64
}

// doc is one writing of the report onto a renderer: the facts it states and the format it
// states them in. Every section is a method of doc.
type doc struct {
	*facts
	renderer
}

// para prints a paragraph of body text.
func (d *doc) para(text string) { d.paragraph(text, styleBody) }

// paraf prints a formatted paragraph.
func (d *doc) paraf(format string, args ...any) { d.para(fmt.Sprintf(format, args...)) }

// none prints the sentence that explains why a part of the report is empty.
func (d *doc) none(text string) { d.paragraph(text, styleItalic) }

// writeSections writes every section in order, telling progress after each (done counts on
// from the steps done before).
func (d *doc) writeSections(progress func(int, int), done, steps int) {
	for i, s := range d.sections {
		d.begin(s)
		s.draw(d)
		if progress != nil {
			progress(done+i+1, steps)
		}
	}
}

// coverPage is what the title page says: who and what was assessed, the report's status and
// how it may be handled.
type coverPage struct {
	kicker       string      // the kind of document, in capitals
	organisation string      // the organisation assessed
	title        string      // the assessment's title
	state        string      // DRAFT or FINAL
	fields       [][2]string // prepared for, assessor, dates, version, classification, verdict
	draftNote    string      // why it is a draft; empty for a final report
	handling     string      // the classification and who may see the report
}

// The labels of the verdict panel and of a group not rated on a maturity chart.
const (
	levelLabel   = "Readiness level"
	verdictLabel = "Readiness verdict"
	notRatedYet  = "not rated yet"
)

// verdictFigure is the verdict as the executive summary opens with it.
type verdictFigure struct {
	level   string // the readiness level, or a dash before anything is rated
	verdict string // the verdict in words
	counts  string // the count line shared with the workbench and summary --json
}

// bar is one clause's or Annex A objective's bar on a maturity chart.
type bar struct {
	label  string          // "4  Context of the organisation"
	mean   assessment.Mean // the mean maturity of its rated items
	target assessment.Mean // the mean of its items' targets
	rated  bool            // false: nothing in the group is rated yet, and the chart says so
}

// riskGrid is one heat map: how many risks are rated at each likelihood (first index) and
// impact (second index), both counted from 1.
type riskGrid struct {
	title  string
	counts [5][5]int
}

// severityFill is the shade of a severity (assessment.Severity): high dark, medium mid, low light.
func severityFill(severity string) rgb {
	return map[string]rgb{"high": badFill, "medium": midFill, "low": goodFill}[severity]
}
