package report_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"aimsbench/report"
)

// FuzzWriteDOCX puts hostile text in every field the report prints, as FuzzWritePDF does:
// the Word writer must produce a package whose every XML part is well-formed, and never panic
// or fail.
func FuzzWriteDOCX(f *testing.F) {
	fuzzReport(f, report.WriteDOCX, func(t *testing.T, text string, out []byte) {
		z, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
		if err != nil {
			t.Fatalf("the output is not a zip package: %v", err)
		}
		for _, part := range z.File {
			if strings.HasSuffix(part.Name, ".xml") || strings.HasSuffix(part.Name, ".rels") {
				if err := wellFormed(part); err != nil {
					t.Fatalf("%s is not well-formed XML for %q: %v", part.Name, text, err)
				}
			}
		}
	})
}

// wellFormed reads a part of a package through to its end as XML.
func wellFormed(part *zip.File) error {
	r, err := part.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	dec := xml.NewDecoder(r)
	for {
		if _, err := dec.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}
