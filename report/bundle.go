package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/userfile"
)

// BundleFormat names the JSON bundle format; BundleVersion is the newest version this build
// writes and reads. Version 2 adds the origin (for merging two copies) and the seal; a bundle
// without either is written as version 1, which every aimsbench reads.
const (
	BundleFormat  = "aimsbench-assessment"
	BundleVersion = 2
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
	// AcceptBrokenSeal imports a sealed bundle whose seal does not hold
	// (`import --accept-broken-seal`); the check is reported all the same.
	AcceptBrokenSeal bool
}

// Bundle is the versioned JSON form of a whole assessment, written by `export --format json`
// and restored by `import --format json`. Format and Version come first so a reader can tell
// what it holds before reading the rest.
type Bundle struct {
	Format     string                 `json:"format"`
	Version    int                    `json:"version"`
	Assessment *assessment.Assessment `json:"assessment"`
	// Origin says where this copy of the assessment started and what was done to it since,
	// so it can be merged with another copy (version 2).
	Origin *assessment.Origin `json:"origin,omitempty"`
	// Seal is the exporter's signed manifest of the bundle's parts (version 2).
	Seal *Seal `json:"seal,omitempty"`
	// SignOffDropped is set on reading when the bundle claimed a sign-off that its seal does
	// not vouch for; the assessment comes in as a draft.
	SignOffDropped bool `json:"-"`
}

// EncodeBundle writes an assessment as a bundle: indented, keys in a fixed order, so two
// exports of the same data are identical and a diff between cycles is readable.
func EncodeBundle(w io.Writer, a *assessment.Assessment) error {
	return EncodeBundleWith(w, a, BundleOptions{})
}

// BundleOptions say what a bundle carries besides the assessment.
type BundleOptions struct {
	Origin   *assessment.Origin // where the copy started, for merging (store.Origin)
	Key      *SigningKey        // seals the bundle when set
	SealedAt time.Time          // when it is sealed
	SealedBy string             // who seals it
}

// EncodeBundleWith writes an assessment as a bundle with its origin, sealed when opts give
// a key (see Seal).
func EncodeBundleWith(w io.Writer, a *assessment.Assessment, opts BundleOptions) error {
	if a == nil {
		return errors.New("there is no assessment to export")
	}
	b := Bundle{Format: BundleFormat, Version: 1, Assessment: a, Origin: opts.Origin}
	if opts.Origin != nil || opts.Key != nil {
		b.Version = BundleVersion
	}
	if opts.Key != nil {
		seal, err := sealBundle(&b, opts.Key, opts.SealedAt, opts.SealedBy)
		if err != nil {
			return err
		}
		b.Seal = seal
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("encode the bundle: %w", err)
	}
	return nil
}

// ExportBundle writes the bundle to path like every export (ExportFile): checked by
// mayWrite before and after it is produced, staged privately and renamed into place.
func ExportBundle(path string, a *assessment.Assessment, opts BundleOptions, mayWrite func(string) error) error {
	if mayWrite == nil {
		mayWrite = refuseExisting
	}
	return writeAtomic(map[string]func(io.Writer) error{path: func(w io.Writer) error { return EncodeBundleWith(w, a, opts) }}, mayWrite)
}

// DecodeBundle reads a bundle and checks all of it against the catalogue and the assessment
// rules (assessment.Validate). It returns the assessment without its ID, ready to be stored as
// a new one, or an error naming every problem: a bundle is taken whole or not at all. It reads
// at most MaxBundleSize bytes of UTF-8 (a byte-order mark is allowed) and refuses a bundle made
// with another catalogue, or another version of this one unless opts allow it.
func DecodeBundle(r io.Reader, cat *checklists.Catalogue, opts ImportOptions) (*assessment.Assessment, error) {
	b, _, err := ReadBundle(r, cat, opts)
	if err != nil {
		return nil, err
	}
	return b.Assessment, nil
}

// ReadBundle is DecodeBundle keeping the whole bundle: the assessment (without its ID), the
// origin — for a bundle written before origins, the assessment it was exported from — and,
// for a sealed bundle, the check of its seal (nil when it has none). A broken seal refuses
// the bundle unless opts accept it.
func ReadBundle(r io.Reader, cat *checklists.Catalogue, opts ImportOptions) (*Bundle, *SealCheck, error) {
	data, err := readBundleFile(r)
	if err != nil {
		return nil, nil, err
	}
	var check *SealCheck
	if sealed(data) {
		if check, err = VerifySeal(data, ""); err != nil {
			return nil, nil, err
		}
		if !check.Intact && !opts.AcceptBrokenSeal {
			return nil, check, fmt.Errorf("the bundle's seal does not hold: %s; ask for the bundle again, or import it with --accept-broken-seal if you trust where it came from", check.Problem)
		}
	}
	var b Bundle
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, check, fmt.Errorf("the bundle is damaged or was edited by hand (%v); export it again", err)
	}
	if err := checkBundle(b.Assessment, cat, opts); err != nil {
		return nil, check, err
	}
	a := b.Assessment
	if a.SignOff.Recorded() && !vouches(check, a.SignOff) {
		a.SignOff, b.SignOffDropped = assessment.SignOff{}, true
	}
	if b.Origin == nil && a.ID != "" { // written before origins: it started from the assessment it was exported from
		b.Origin = &assessment.Origin{Lineage: a.ID, Exported: assessment.Handover{From: a.ID, At: a.Updated}}
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
	return &b, check, nil
}

// vouches reports whether a seal proves a sign-off: a sign-off is a line of JSON anyone can
// type, so a bundle keeps it only when its seal holds and was made with the key the sign-off
// names.
func vouches(check *SealCheck, so assessment.SignOff) bool {
	return check != nil && check.Intact && so.Key != "" && strings.EqualFold(check.Fingerprint, so.Key)
}

// readBundleFile reads at most MaxBundleSize bytes and checks they are UTF-8 and a bundle of a
// version this build reads.
func readBundleFile(r io.Reader) ([]byte, error) {
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
	err = json.Unmarshal(data, &head)
	var syntax *json.SyntaxError
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, errors.New("the file is empty, so it holds no bundle; export it again")
	case (errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF)) && bytes.Contains(data[:min(len(data), 200)], []byte(`"`+BundleFormat+`"`)):
		// It starts as a bundle: it was cut short or damaged on the way.
		part, where := locateDamage(data)
		return nil, fmt.Errorf("the bundle is cut short or damaged: %s can no longer be read (%v); copy or export it again", part, where)
	case err != nil || head.Format != BundleFormat:
		return nil, errors.New("the file is not an aimsbench assessment bundle; export one with 'aimsbench export ID --format json'")
	}
	if head.Version > BundleVersion || head.Version < 1 {
		return nil, fmt.Errorf("the bundle is format version %d, but this aimsbench reads up to version %d; import it with a newer aimsbench", head.Version, BundleVersion)
	}
	return data, nil
}

// checkBundle checks a decoded bundle's assessment against the catalogue and the rules.
func checkBundle(a *assessment.Assessment, cat *checklists.Catalogue, opts ImportOptions) error {
	if a == nil {
		return errors.New("the bundle holds no assessment; export it again")
	}
	if a.CatalogueID != "" && a.CatalogueID != cat.ID {
		return fmt.Errorf("the bundle was made with catalogue %q but %q is loaded; run the import with --catalogue naming that catalogue's file", a.CatalogueID, cat.ID)
	}
	if a.CatalogueVersion != "" && a.CatalogueVersion != cat.Version && !opts.AnyCatalogueVersion {
		return fmt.Errorf("the bundle was made with version %s of catalogue %q but version %s is loaded; load that version with --catalogue, or import it into this one with --any-catalogue-version", a.CatalogueVersion, cat.ID, cat.Version)
	}
	if err := assessment.Validate(cat, a); err != nil {
		return fmt.Errorf("the bundle was not imported because it has %w; correct the source assessment and export it again", err)
	}
	return nil
}
