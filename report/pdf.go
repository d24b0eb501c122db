// Package report turns an assessment into what leaves the assessor's laptop: the PDF
// readiness report, the gap register and Statement of Applicability as CSV and XLSX, and the
// versioned JSON bundle that import restores. It takes a snapshot of an assessment and the
// catalogue and writes bytes; every figure and verdict comes from package assessment.
package report

import (
	"errors"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// Options choose what a report contains and how it is stamped.
type Options struct {
	GapOnly     bool      // the gap report only: summary, gaps, NCs, common gaps, roadmap
	Draft       bool      // mark every page DRAFT; otherwise the report is FINAL
	AsOf        time.Time // the date rules are evaluated at and the report is dated; zero: the assessment's last update
	Fingerprint string    // the audit chain head the data was read at (store.ChainHead)
	SealedWith  string    // fingerprint of the key that sealed the finalised assessment (its SignOff.Key) or this export
	// Previous is the cycle this assessment was copied from, when known; the report then
	// shows the progress since it.
	Previous *assessment.Assessment
	// Progress, when set, is told how far the export has got (done of total steps).
	Progress func(done, total int)
	// MayWrite decides whether ExportFile may write each file: the program passes
	// store.(*Store).OutputGuard. Nil refuses every file that exists already.
	MayWrite func(path string) error
}

// reportDate is the date the report is evaluated at and dated with.
func (o Options) reportDate(a *assessment.Assessment) time.Time {
	t := o.AsOf
	if t.IsZero() {
		t = a.Updated
	}
	if t.IsZero() {
		t = a.Created
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// WritePDF writes the readiness report of an assessment. The same assessment, catalogue and
// options always give the same bytes. The document is laid out twice: the first pass finds
// the page each section starts on, the second prints those pages in the table of contents.
func WritePDF(w io.Writer, cat *checklists.Catalogue, a *assessment.Assessment, opts Options) error {
	if cat == nil || a == nil {
		return errors.New("the report needs an assessment and its catalogue")
	}
	facts := gather(cat, a, opts)
	steps := 2*len(facts.sections) + 1
	first, err := layout(facts, nil, 0, opts.Progress, 0, steps)
	if err != nil {
		return err
	}
	second, err := layout(facts, first.found, first.pdf.PageNo(), opts.Progress, len(facts.sections), steps)
	if err != nil {
		return err
	}
	if err := second.pdf.Output(w); err != nil {
		return fmt.Errorf("write the PDF: %w", err)
	}
	if opts.Progress != nil {
		opts.Progress(steps, steps)
	}
	return nil
}

// layout draws the whole document once. pages and total come from an earlier pass (nil and 0
// on the first), so the table of contents and footers can print them.
func layout(facts *facts, pages map[string]int, total int, progress func(int, int), done, steps int) (p *pdfDoc, err error) {
	p = newPDFDoc(facts, pages, total)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the report could not be laid out (%v); please report this with the assessment's JSON export", r)
		}
	}()
	(&doc{facts, p}).writeSections(progress, done, steps)
	if e := p.pdf.Error(); e != nil {
		return nil, fmt.Errorf("lay out the PDF: %w", e)
	}
	return p, nil
}

// newPDFDoc sets up an A4 document with the embedded fonts, fixed dates and metadata.
func newPDFDoc(f *facts, pages map[string]int, total int) *pdfDoc {
	pdf := fpdf.New("P", "mm", "A4", "")
	for _, face := range fontFaces {
		pdf.AddUTF8FontFromBytes(family, face.style, face.ttf)
	}
	pdf.SetCatalogSort(true)
	stamp := f.asOf
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetCompression(true)
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetAutoPageBreak(false, marginBottom)
	pdf.SetTitle(drawable(f.a.Organisation.Name+" — "+f.a.Title, false), true)
	pdf.SetAuthor(drawable(f.a.Assessor, false), true)
	pdf.SetSubject("ISO/IEC 42001 readiness report", true)
	pdf.SetCreator("aimsbench", true)
	pdf.SetProducer("aimsbench", true)
	pdf.SetLang("en-GB")
	pdf.SetDisplayMode("fullwidth", "continuous")
	d := &pdfDoc{pdf: pdf, facts: f, known: pages, total: total, found: map[string]int{}, links: map[string]int{}}
	for _, s := range f.sections {
		d.links[s.id] = pdf.AddLink()
	}
	pdf.SetHeaderFunc(d.header)
	pdf.SetFooterFunc(d.footer)
	d.font(styleBody)
	return d
}
