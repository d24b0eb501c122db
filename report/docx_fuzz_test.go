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
	cat := builtin(f)
	for _, seed := range hostileSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var buf bytes.Buffer
		if err := report.WriteDOCX(&buf, cat, hostile(cat, text), report.Options{AsOf: fuzzDay, Fingerprint: text}); err != nil {
			t.Fatalf("WriteDOCX(%q): %v", text, err)
		}
		z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatalf("the output is not a zip package: %v", err)
		}
		for _, part := range z.File {
			if !strings.HasSuffix(part.Name, ".xml") && !strings.HasSuffix(part.Name, ".rels") {
				continue
			}
			r, err := part.Open()
			if err != nil {
				t.Fatal(err)
			}
			dec := xml.NewDecoder(r)
			for err == nil {
				_, err = dec.Token()
			}
			r.Close()
			if err != io.EOF {
				t.Fatalf("%s is not well-formed XML for %q: %v", part.Name, text, err)
			}
		}
	})
}
