package report

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// WriteDOCX writes the readiness report as a Word document the consultant can edit before it
// goes to the client: the sections, headings, paragraphs, tables and verdict of the PDF, its
// charts as pictures, a contents field that Word and LibreOffice fill in, document properties,
// headings that the navigation pane lists, and page numbers and the DRAFT mark in the running
// head and foot. The same assessment, catalogue and options always give the same bytes: every
// date in the file is the report's date, never the clock.
func WriteDOCX(w io.Writer, cat *checklists.Catalogue, a *assessment.Assessment, opts Options) (err error) {
	if cat == nil || a == nil {
		return errors.New("the report needs an assessment and its catalogue")
	}
	facts := gather(cat, a, opts)
	steps := len(facts.sections) + 1
	x := &docxDoc{facts: facts, typeface: newTypeface()}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the Word report could not be written (%v); please report this with the assessment's JSON export", r)
		}
	}()
	(&doc{facts, x}).writeSections(opts.Progress, 0, steps)
	if err := x.pack(w); err != nil {
		return fmt.Errorf("write the Word document: %w", err)
	}
	if opts.Progress != nil {
		opts.Progress(steps, steps)
	}
	return nil
}

// docxDoc writes the report's body as WordprocessingML and collects the pictures it shows.
type docxDoc struct {
	*facts
	body      strings.Builder
	pictures  []picture
	*typeface     // measures words so that table columns fit them
	ids       int // the last number given to a bookmark or a drawing, which Word wants unique
}

// picture is a chart drawn as a PNG image and stored in the document.
type picture struct {
	name string // file name in word/media
	png  []byte
}

// docxPart is one file of the document's package.
type docxPart struct {
	name, content string
	data          []byte // binary content (a picture) instead of content
}

// pack writes the document's package: a zip archive whose every entry carries the report's
// date, in a fixed order, so the same report gives the same bytes.
func (d *docxDoc) pack(w io.Writer) error {
	zw := zip.NewWriter(w)
	for _, p := range d.parts() {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: d.packDate()})
		if err != nil {
			return err
		}
		data := p.data
		if data == nil {
			data = []byte(p.content)
		}
		if _, err := f.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// packDate is the time every entry of the package carries: the report's date, or the
// earliest a zip archive can record when the report is dated earlier.
func (d *docxDoc) packDate() time.Time {
	earliest := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	if d.asOf.Before(earliest) {
		return earliest
	}
	return d.asOf
}

// parts lists every file of the package, the content types first as readers expect.
func (d *docxDoc) parts() []docxPart {
	parts := []docxPart{
		{name: "[Content_Types].xml", content: d.contentTypes()},
		{name: "_rels/.rels", content: packageRels},
		{name: "docProps/core.xml", content: d.coreProperties()},
		{name: "docProps/app.xml", content: appProperties},
		{name: "word/document.xml", content: d.document()},
		{name: "word/_rels/document.xml.rels", content: d.documentRels()},
		{name: "word/styles.xml", content: styles()},
		{name: "word/settings.xml", content: settings},
		{name: "word/numbering.xml", content: numbering},
		{name: "word/header1.xml", content: d.runningHead()},
		{name: "word/footer1.xml", content: d.runningFootXML()},
		{name: "word/header2.xml", content: d.coverHead()},
		{name: "word/footer2.xml", content: headOrFoot("ftr", "Footer", func(*strings.Builder) {})},
	}
	for _, p := range d.pictures {
		parts = append(parts, docxPart{name: "word/media/" + p.name, data: p.png})
	}
	return parts
}
