package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// Limits on what a questionnaire import reads. A filled questionnaire is a few hundred
// kilobytes; the limits refuse a wrong or hostile file before it costs memory.
const (
	// MaxQuestionnaireBytes is the largest workbook file import reads.
	MaxQuestionnaireBytes = 10 << 20
	// maxUnpackedBytes is the most the workbook may unpack to (a zip bomb is refused).
	maxUnpackedBytes = 64 << 20
	// maxCellUnits is the most a spreadsheet cell holds, in UTF-16 units as Excel counts.
	maxCellUnits = excelize.TotalCellChars
)

// oleSignature opens an old binary Excel file and a workbook encrypted with a password.
var oleSignature = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// Questionnaire is a filled questionnaire as read back: which assessment it belongs to, when
// it was issued, and the client's answers as proposals (one per row with anything written;
// who imported them and when is for the store to set).
type Questionnaire struct {
	Assessment   string
	Organisation string // as written on the questionnaire when it was issued
	Issued       time.Time
	Questions    int    // rows in the workbook
	SHA256       string // of the whole file
	Answers      []assessment.Proposal
}

// ReadQuestionnaireFile reads a questionnaire the client filled in for assessment a. It only
// reads answers: formulas are taken as the text the client typed and never evaluated, and
// control characters are kept as written (show them with assessment.Visible). It refuses,
// in one sentence naming the sheet and row where there is one, a file too large or not an
// XLSX workbook, a workbook that is not a questionnaire, one issued for another assessment or
// with another catalogue, and one changed outside its answer columns (a question, ID or
// heading edited, rows or sheets added, removed or renamed, the hidden identification
// edited).
func ReadQuestionnaireFile(path string, cat *checklists.Catalogue, a *assessment.Assessment) (q *Questionnaire, err error) {
	defer func() {
		// The spreadsheet parser is third-party code reading a file from outside: whatever
		// it does with a damaged workbook, the import refuses it instead of crashing.
		if r := recover(); r != nil {
			q, err = nil, fmt.Errorf("%s is damaged and cannot be read as a questionnaire (%v); ask the client to save it again", path, r)
		}
	}()
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	wb, err := openWorkbook(path, data)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	l, err := readManifest(path, wb, cat, a)
	if err != nil {
		return nil, err
	}
	if err := checkSheets(path, wb, l); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	q = &Questionnaire{Assessment: l.Assessment, Organisation: l.Organisation, Issued: l.Issued, Questions: l.questions(), SHA256: hex.EncodeToString(sum[:])}
	for _, area := range l.Areas {
		answers, err := readArea(path, wb, area)
		if err != nil {
			return nil, err
		}
		for i := range answers {
			answers[i].Source.File, answers[i].Source.SHA256, answers[i].Source.Issued = filepath.Base(path), q.SHA256, l.Issued
		}
		q.Answers = append(q.Answers, answers...)
	}
	return q, nil
}

// readLimited reads the whole file, refusing a folder and anything over the size limit.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, fmt.Errorf("%s is a folder; give the questionnaire workbook (.xlsx) the client sent back", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxQuestionnaireBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	if len(data) > MaxQuestionnaireBytes {
		return nil, fmt.Errorf("%s is larger than %d MB, far more than a filled questionnaire; check it is the right file, or ask the client to take out pasted pictures or documents", path, MaxQuestionnaireBytes>>20)
	}
	return data, nil
}

// openWorkbook opens the file as an XLSX workbook within the unpacking limit.
func openWorkbook(path string, data []byte) (*excelize.File, error) {
	if bytes.HasPrefix(data, oleSignature) {
		return nil, fmt.Errorf("%s is an old-style Excel file (.xls) or is locked with a password to open; ask the client to save it as an .xlsx workbook without a password", path)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnpackedBytes, UnzipXMLSizeLimit: maxUnpackedBytes})
	switch {
	case err != nil && strings.Contains(err.Error(), "unzip size exceeds"):
		return nil, fmt.Errorf("%s unpacks to more than %d MB, which no filled questionnaire does; it was not read", path, maxUnpackedBytes>>20)
	case err != nil:
		if wb != nil {
			wb.Close()
		}
		return nil, fmt.Errorf("%s is not an Excel workbook (.xlsx) that can be read (%v); ask the client to save the questionnaire again as .xlsx", path, err)
	}
	return wb, nil
}

// readManifest reads the hidden identification sheet, checks that the questionnaire is for
// this assessment and this catalogue and that its identification is as written, and returns
// the layout it describes.
func readManifest(path string, wb *excelize.File, cat *checklists.Catalogue, a *assessment.Assessment) (questionnaireLayout, error) {
	var l questionnaireLayout
	notOurs := fmt.Errorf("%s is not an aimsbench questionnaire (it carries no questionnaire identification); export one with 'aimsbench export ID --format questionnaire'", path)
	if idx, err := wb.GetSheetIndex(manifestSheet); err != nil || idx < 0 {
		return l, notOurs
	}
	values, items, err := readManifestRows(wb, len(cat.Items))
	if err != nil {
		return l, fmt.Errorf("%s: %w", path, err)
	}
	if values["format"] != questionnaireFormat {
		return l, notOurs
	}
	if v := values["version"]; v != questionnaireVersion {
		return l, fmt.Errorf("%s is a questionnaire of format version %q, which this aimsbench does not know (it reads version %s); import it with the aimsbench that exported it", path, v, questionnaireVersion)
	}
	l = questionnaireLayout{Assessment: values["assessment"], Organisation: values["organisation"], Title: values["title"], Assessor: values["assessor"],
		CatalogueID: values["catalogue"], CatalogueVersion: values["catalogue version"]}
	if l.Assessment != a.ID {
		return l, fmt.Errorf("%s is the questionnaire of assessment %s (%s), not of %s (%s); import it into its own assessment with --into %s",
			path, assessment.Visible(l.Assessment, false), assessment.Visible(l.Organisation, false), a.ID, assessment.Visible(a.Organisation.Name, false), assessment.Visible(l.Assessment, false))
	}
	if l.CatalogueID != cat.ID || l.CatalogueVersion != cat.Version {
		return l, fmt.Errorf("%s was issued with catalogue %s version %s, but %s version %s is loaded; load the catalogue it was issued with (--catalogue FILE) to import it",
			path, assessment.Visible(l.CatalogueID, false), assessment.Visible(l.CatalogueVersion, false), cat.ID, cat.Version)
	}
	tampered := fmt.Errorf("%s: the questionnaire's hidden identification was changed, so its questions cannot be matched to the assessment; ask the client to copy their answers into a freshly exported questionnaire", path)
	if l.Issued, err = time.Parse(time.DateOnly, values["issued"]); err != nil {
		return l, tampered
	}
	list, ok := manifestItems(cat, items)
	if !ok {
		return l, tampered
	}
	l.Areas = questionnaireAreas(cat, list)
	if values["fingerprint"] != l.fingerprint() || !propsAgree(wb, l) {
		return l, tampered
	}
	return l, nil
}

// readManifestRows reads the hidden sheet's name and value rows and its item rows. A sheet
// longer than any questionnaire's (identity rows plus one row per catalogue entry) is not
// read further.
func readManifestRows(wb *excelize.File, catalogueSize int) (map[string]string, []string, error) {
	rows, err := wb.Rows(manifestSheet)
	if err != nil {
		return nil, nil, fmt.Errorf("the questionnaire's identification cannot be read (%v); ask the client to save the questionnaire again", err)
	}
	defer rows.Close()
	values, items := map[string]string{}, []string{}
	for n := 0; rows.Next(); n++ {
		if n > catalogueSize+20 {
			return nil, nil, errors.New("the questionnaire's hidden identification was changed (it has rows no questionnaire has); ask the client to copy their answers into a freshly exported questionnaire")
		}
		cells, err := rows.Columns()
		if err != nil {
			return nil, nil, fmt.Errorf("the questionnaire's identification cannot be read (%v); ask the client to save the questionnaire again", err)
		}
		if len(cells) < 2 {
			continue
		}
		if cells[0] == "item" {
			items = append(items, cells[1])
		} else if _, seen := values[cells[0]]; !seen {
			values[cells[0]] = cells[1]
		}
	}
	return values, items, rows.Error()
}

// manifestItems turns the hidden sheet's item IDs into catalogue items; it reports false for
// an ID the catalogue does not have as an assessable item, or one listed twice.
func manifestItems(cat *checklists.Catalogue, ids []string) ([]checklists.Item, bool) {
	seen := map[string]bool{}
	var out []checklists.Item
	for _, id := range ids {
		item, ok := cat.Item(id)
		if !ok || !item.Assessable() || seen[id] {
			return nil, false
		}
		seen[id] = true
		out = append(out, item)
	}
	return out, len(out) > 0
}

// propsAgree reports whether the document properties, where a spreadsheet program kept them,
// name the same assessment and fingerprint as the hidden sheet.
func propsAgree(wb *excelize.File, l questionnaireLayout) bool {
	props, err := wb.GetCustomProps()
	if err != nil {
		return true // the properties are a second copy; the hidden sheet decides
	}
	for _, p := range props {
		v := fmt.Sprint(p.Value)
		switch {
		case p.Name == propAssessment && v != l.Assessment:
			return false
		case p.Name == propFingerprint && v != l.fingerprint():
			return false
		}
	}
	return true
}

// checkSheets refuses a workbook whose sheets are not the questionnaire's: one missing
// (renamed or deleted) or one added.
func checkSheets(path string, wb *excelize.File, l questionnaireLayout) error {
	want := map[string]bool{coverSheet: true, manifestSheet: true}
	for _, area := range l.Areas {
		want[area.Sheet] = true
	}
	have := map[string]bool{}
	for _, name := range wb.GetSheetList() {
		have[name] = true
	}
	for _, name := range append([]string{coverSheet}, sheetNames(l)...) {
		if !have[name] {
			return fmt.Errorf("%s has no sheet %q (it was renamed or deleted); ask the client to copy their answers into a freshly exported questionnaire", path, name)
		}
	}
	for _, name := range wb.GetSheetList() {
		if !want[name] {
			return fmt.Errorf("%s has a sheet %q that the questionnaire did not have (a sheet was added); ask the client to copy their answers into a freshly exported questionnaire", path, assessment.Visible(name, false))
		}
	}
	return nil
}

// sheetNames lists the area sheets in order.
func sheetNames(l questionnaireLayout) []string {
	var out []string
	for _, area := range l.Areas {
		out = append(out, area.Sheet)
	}
	return out
}
