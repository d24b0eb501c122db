package report

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// Formats are the export formats, as given to ExportFile and `export --format`.
var Formats = []string{"pdf", "docx", "csv", "xlsx", "json", "oscal", "questionnaire"}

// ExportFile writes an assessment to path in a format (pdf, docx, csv, xlsx, json, oscal or
// questionnaire, the auditee questionnaire workbook). Every file it writes must first pass
// opts.MayWrite (never the database, an existing file only when the user said so). Each
// file is written beside its destination under a temporary name with mode 0600 and renamed
// into place only when complete, so a failed export never leaves a partial file. The csv
// format writes three files: the gap register at path, the Statement of Applicability at
// SoAPath(path) and the results annex at ResultsPath(path); the oscal format writes the
// OSCALFiles into the folder path. OutputPaths lists what a format writes.
func ExportFile(path, format string, cat *checklists.Catalogue, a *assessment.Assessment, opts Options) error {
	if cat == nil || a == nil {
		return fmt.Errorf("export %s: the export needs an assessment and its catalogue", path)
	}
	var files map[string]func(io.Writer) error
	switch format {
	case "pdf":
		files = map[string]func(io.Writer) error{path: func(w io.Writer) error { return WritePDF(w, cat, a, opts) }}
	case "docx":
		files = map[string]func(io.Writer) error{path: func(w io.Writer) error { return WriteDOCX(w, cat, a, opts) }}
	case "csv":
		files = map[string]func(io.Writer) error{
			path:              func(w io.Writer) error { return WriteGapCSV(w, cat, a, opts.reportDate(a)) },
			SoAPath(path):     func(w io.Writer) error { return WriteSoACSV(w, cat, a) },
			ResultsPath(path): func(w io.Writer) error { return WriteResultsCSV(w, cat, a) },
		}
	case "xlsx":
		files = map[string]func(io.Writer) error{path: func(w io.Writer) error { return WriteXLSX(w, cat, a, opts) }}
	case "json":
		files = map[string]func(io.Writer) error{path: func(w io.Writer) error { return EncodeBundle(w, a) }}
	case "questionnaire":
		files = map[string]func(io.Writer) error{path: func(w io.Writer) error { return WriteQuestionnaire(w, cat, a, opts) }}
	case "oscal":
		return exportOSCAL(path, cat, a, opts)
	default:
		return fmt.Errorf("the export format %q is not known; use %s", format, strings.Join(Formats, ", "))
	}
	return writeAtomic(files, opts.mayWrite())
}

// mayWrite is the check every exported file passes: the caller's, or refuseExisting.
func (o Options) mayWrite() func(string) error {
	if o.MayWrite == nil {
		return refuseExisting
	}
	return o.MayWrite
}

// refuseExisting is the check of an export given none: any file that exists is refused.
func refuseExisting(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; choose another file name", path)
	}
	return nil
}

// OutputPaths lists the files an export to path in a format writes.
func OutputPaths(path, format string) []string {
	switch format {
	case "csv":
		return []string{path, SoAPath(path), ResultsPath(path)}
	case "oscal":
		var out []string
		for _, name := range OSCALFiles {
			out = append(out, filepath.Join(path, name))
		}
		return out
	}
	return []string{path}
}

// SoAPath is where the csv export writes the Statement of Applicability: beside the gap
// register, with "-soa" before the extension.
func SoAPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "-soa" + ext
}

// ResultsPath is where the csv export writes the results annex (every item with its judgement
// and evidence): beside the gap register, with "-results" before the extension.
func ResultsPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "-results" + ext
}

// writeAtomic produces every file in memory first, then writes each to a private temporary
// file beside its destination and renames them into place once all are written. Each
// destination must pass mayWrite before anything is produced, and again just before the
// renames, so a file that appeared meanwhile is not replaced either.
func writeAtomic(files map[string]func(io.Writer) error, mayWrite func(string) error) error {
	dests := slices.Sorted(maps.Keys(files))
	checkAll := func() error {
		for _, dest := range dests {
			if err := mayWrite(dest); err != nil {
				return err
			}
		}
		return nil
	}
	if err := checkAll(); err != nil {
		return err
	}
	type staged struct{ tmp, dest string }
	var done []staged
	cleanup := func() {
		for _, s := range done {
			os.Remove(s.tmp)
		}
	}
	for _, dest := range dests {
		var buf bytes.Buffer
		if err := files[dest](&buf); err != nil {
			cleanup()
			return fmt.Errorf("export %s: %w", dest, err)
		}
		tmp, err := stage(dest, buf.Bytes())
		if err != nil {
			cleanup()
			return err
		}
		done = append(done, staged{tmp, dest})
	}
	if err := checkAll(); err != nil {
		cleanup()
		return err
	}
	for i, s := range done {
		if err := os.Rename(s.tmp, s.dest); err != nil {
			cleanup()
			for _, earlier := range done[:i] {
				os.Remove(earlier.dest)
			}
			return fmt.Errorf("cannot move the export into place at %s: %w", s.dest, err)
		}
	}
	return nil
}

// stage writes data to a new private file in dest's directory and returns its name.
func stage(dest string, data []byte) (string, error) {
	dir := filepath.Dir(dest)
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot write the export in %s (does the folder exist and is it writable?): %w", dir, err)
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", fmt.Errorf("cannot write the export %s: %w", dest, err)
	}
	if err := f.Chmod(0o600); err != nil {
		return fail(err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("cannot write the export %s: %w", dest, err)
	}
	return name, nil
}

// DefaultFileName is a file name for an export: the organisation, the date and the
// assessment's ID, in letters, digits and dashes only, with the format's extension (the oscal
// format's folder ends in "-oscal"; the questionnaire is an .xlsx named as one). The ID keeps
// two cycles of one organisation exported on the same day apart.
func DefaultFileName(a *assessment.Assessment, format string, asOf time.Time) string {
	org, id := "", ""
	if a != nil {
		org, id = a.Organisation.Name, slug(a.ID)
	}
	kind := "readiness"
	if format == "questionnaire" {
		kind = "questionnaire"
	}
	name := fmt.Sprintf("%s-iso42001-%s-%s", slug(org), kind, asOf.Format("2006-01-02"))
	if a != nil && a.ID != "" {
		name += "-" + id
	}
	switch format {
	case "oscal":
		return name + "-oscal"
	case "questionnaire":
		return name + ".xlsx"
	}
	return name + "." + format
}

// slug keeps letters and digits (accents dropped), turns everything else into single dashes
// and caps the length, so the name is safe on every file system.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case (unicode.IsLetter(r) || unicode.IsDigit(r)) && r != unicode.ReplacementChar:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := []rune(strings.Trim(b.String(), "-"))
	if len(out) > 60 {
		out = []rune(strings.Trim(string(out[:60]), "-"))
	}
	if len(out) == 0 {
		return "assessment"
	}
	return norm.NFC.String(string(out))
}
