package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/userfile"
)

// BundleFormat names the JSON bundle format; BundleVersion is the version this build writes
// and the newest it reads.
const (
	BundleFormat  = "aimsbench-assessment"
	BundleVersion = 1
)

// MaxBundleSize is the largest bundle import reads: sixty times the large demo's bundle,
// so a wrong or endless file is refused instead of exhausting memory.
const MaxBundleSize = 64 << 20

// ImportOptions relax DecodeBundle's checks where the user explicitly asks.
type ImportOptions struct {
	// AnyCatalogueVersion accepts a bundle made with another version of the loaded
	// catalogue (`import --any-catalogue-version`); its items are checked against the loaded
	// one all the same.
	AnyCatalogueVersion bool
}

// Bundle is the versioned JSON form of a whole assessment, written by `export --format json`
// and restored by `import --format json`. Format and Version come first so a reader can tell
// what it holds before reading the rest.
type Bundle struct {
	Format     string                 `json:"format"`
	Version    int                    `json:"version"`
	Assessment *assessment.Assessment `json:"assessment"`
}

// EncodeBundle writes an assessment as a bundle: indented, keys in a fixed order, so two
// exports of the same data are identical and a diff between cycles is readable.
func EncodeBundle(w io.Writer, a *assessment.Assessment) error {
	if a == nil {
		return errors.New("there is no assessment to export")
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(Bundle{Format: BundleFormat, Version: BundleVersion, Assessment: a}); err != nil {
		return fmt.Errorf("encode the bundle: %w", err)
	}
	return nil
}

// DecodeBundle reads a bundle and checks all of it against the catalogue and the assessment
// rules (assessment.Validate). It returns the assessment without its ID, ready to be stored as
// a new one, or an error naming every problem: a bundle is taken whole or not at all. It reads
// at most MaxBundleSize bytes of UTF-8 (a byte-order mark is allowed) and refuses a bundle made
// with another catalogue, or another version of this one unless opts allow it.
func DecodeBundle(r io.Reader, cat *checklists.Catalogue, opts ImportOptions) (*assessment.Assessment, error) {
	data, err := userfile.ReadAll(r, MaxBundleSize, "the bundle")
	var tooLarge *userfile.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("cannot read the bundle: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, errors.New("the file is not UTF-8 text, so it is not an aimsbench bundle or it was damaged; export it again")
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil || head.Format != BundleFormat {
		return nil, errors.New("the file is not an aimsbench assessment bundle; export one with 'aimsbench export ID --format json'")
	}
	if head.Version > BundleVersion || head.Version < 1 {
		return nil, fmt.Errorf("the bundle is format version %d, but this aimsbench reads up to version %d; import it with a newer aimsbench", head.Version, BundleVersion)
	}
	var b Bundle
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("the bundle is damaged or was edited by hand (%v); export it again", err)
	}
	a := b.Assessment
	if a == nil {
		return nil, errors.New("the bundle holds no assessment; export it again")
	}
	if a.CatalogueID != "" && a.CatalogueID != cat.ID {
		return nil, fmt.Errorf("the bundle was made with catalogue %q but %q is loaded; run the import with --catalogue naming that catalogue's file", a.CatalogueID, cat.ID)
	}
	if a.CatalogueVersion != "" && a.CatalogueVersion != cat.Version && !opts.AnyCatalogueVersion {
		return nil, fmt.Errorf("the bundle was made with version %s of catalogue %q but version %s is loaded; load that version with --catalogue, or import it into this one with --any-catalogue-version", a.CatalogueVersion, cat.ID, cat.Version)
	}
	if err := assessment.Validate(cat, a); err != nil {
		return nil, fmt.Errorf("the bundle was not imported because it has %w; correct the source assessment and export it again", err)
	}
	if a.Results == nil {
		a.Results = map[string]*assessment.Result{}
	}
	if a.Requests == nil {
		a.Requests = map[string]assessment.RequestStatus{}
	}
	if a.KPIValues == nil {
		a.KPIValues = map[string]assessment.KPIValue{}
	}
	a.ID = ""
	return a, nil
}
