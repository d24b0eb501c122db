package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// WriteQuestionnaire writes the auditee questionnaire of an assessment: a workbook the
// client fills in before the visit, with a cover sheet saying how, one sheet per clause
// heading and Annex A objective with a row per item of R (our question, the evidence we
// usually ask for, and three columns for the client's answer, document reference and
// contact), and a very hidden sheet naming the assessment, the catalogue and the fingerprint
// of everything the client may not change. Our columns are locked; only the answer cells are
// not. opts.AsOf is the date of issue.
func WriteQuestionnaire(w io.Writer, cat *checklists.Catalogue, a *assessment.Assessment, opts Options) error {
	l := questionnaireFor(cat, a, opts.reportDate(a))
	f := excelize.NewFile()
	defer f.Close()
	st, err := newQuestionnaireStyles(f)
	if err != nil {
		return fmt.Errorf("create the questionnaire's styles: %w", err)
	}
	if err := f.SetSheetName("Sheet1", coverSheet); err != nil {
		return err
	}
	if err := writeCover(f, l, st); err != nil {
		return fmt.Errorf("write the %s sheet: %w", coverSheet, err)
	}
	for _, area := range l.Areas {
		if err := writeArea(f, l, area, st); err != nil {
			return fmt.Errorf("write the %s sheet: %w", area.Sheet, err)
		}
	}
	if err := writeManifest(f, l); err != nil {
		return fmt.Errorf("write the questionnaire's identification: %w", err)
	}
	if err := setQuestionnaireProps(f, l); err != nil {
		return fmt.Errorf("set the questionnaire's document properties: %w", err)
	}
	if err := f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}); err != nil {
		return fmt.Errorf("protect the questionnaire's sheets: %w", err)
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// questionnaireStyles are the cell styles of the questionnaire.
type questionnaireStyles struct {
	title, label, text, head, locked, answer int
}

func newQuestionnaireStyles(f *excelize.File) (questionnaireStyles, error) {
	var st questionnaireStyles
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	for _, s := range []struct {
		to    *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: "1F3A5F"}}},
		{&st.label, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}},
		{&st.text, excelize.Style{Alignment: top}},
		{&st.head, excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3A5F"}}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.locked, excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}, Alignment: top,
			Border: cellBorders("BFBFBF")}},
		// Answer cells are text (number format 49), so an answer starting with = stays the
		// words the client typed and never becomes a formula.
		{&st.answer, excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF5CC"}}, Alignment: top,
			Border: cellBorders("BFBFBF"), NumFmt: 49, Protection: &excelize.Protection{Locked: false}}},
	} {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return st, err
		}
		*s.to = id
	}
	return st, nil
}

// cellBorders draws a thin border of one colour round a cell.
func cellBorders(color string) []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: color, Style: 1})
	}
	return out
}

// coverText is what the cover sheet says, label by label: who the questionnaire is for, how
// to fill it in, whom to send it back to and what happens to the answers.
func coverText(l questionnaireLayout) [][2]string {
	assessor := strings.TrimSpace(l.Assessor)
	returnTo := "the assessor who sent you this workbook"
	if assessor != "" {
		returnTo = assessor + ", who sent you this workbook"
	}
	return [][2]string{
		{"Organisation", l.Organisation},
		{"Assessment", l.Title},
		{"Issued", l.Issued.Format("2 January 2006")},
		{"Questions", fmt.Sprintf("%s on %s: one sheet for each clause of ISO/IEC 42001 (4 to 10) and each group of Annex A controls that applies to you.",
			plural(l.questions(), "question", "questions"), plural(len(l.Areas), "sheet", "sheets"))},
		{"", ""},
		{"How to fill it in", "Each row is one requirement of the standard, or one Annex A control in your Statement of Applicability. The grey columns are ours and locked: the item, its title, what we will look at and the evidence we usually ask for."},
		{"", "Write in the three yellow columns. Your answer: what your organisation does today, in a few sentences, including what is not in place yet; a frank answer helps us more than a polished one. Document reference: the documents or records that show it (title, version, where they are kept), so that we can ask for them. Contact: whom we should speak to about it (name and role, or e-mail)."},
		{"", "Leave a row blank if you would rather talk about it during the visit. Please name documents instead of pasting them or pictures into the workbook."},
		{"", "Please do not rename, add or delete sheets or rows, and do not change the grey columns: the workbook is read back by a program that checks them and will not read a changed copy."},
		{"", "Save the workbook as an Excel workbook (.xlsx), under any file name."},
		{"Send it back to", returnTo + "."},
		{"What happens next", "Your answers help us prepare the visit. We read each one and decide, item by item, what to take into the assessment; nothing written here rates your organisation by itself. The documents you name are the ones we will ask to see."},
		{"", ""},
		{"Workbook reference", fmt.Sprintf("Assessment %s, catalogue %s version %s. Please keep this reference with the workbook.", l.Assessment, l.CatalogueID, l.CatalogueVersion)},
	}
}

// writeCover fills the cover sheet and locks it.
func writeCover(f *excelize.File, l questionnaireLayout, st questionnaireStyles) error {
	const sheet = coverSheet
	widths := []float64{22, 100}
	err := errors.Join(f.SetCellStr(sheet, "A1", "ISO/IEC 42001 readiness questionnaire"),
		f.SetCellStyle(sheet, "A1", "A1", st.title), f.SetRowHeight(sheet, 1, 26))
	for i, line := range coverText(l) {
		row := i + 3
		err = errors.Join(err, f.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &[]string{line[0], line[1]}),
			f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), st.label),
			f.SetCellStyle(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), st.text),
			f.SetRowHeight(sheet, row, rowHeight(line[:], widths)))
	}
	if err = errors.Join(err, setColWidths(f, sheet, widths), setPrintLayout(f, sheet, l, "")); err != nil {
		return err
	}
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

// areaWidths are the column widths of an area sheet, in characters.
var areaWidths = []float64{9, 26, 62, 44, 50, 30, 26}

// writeArea fills one area sheet: the header, a row per question, our columns locked and
// the answer cells open, the header and item columns frozen, printed landscape on A4 one page
// wide with the header repeated.
func writeArea(f *excelize.File, l questionnaireLayout, area questionnaireArea, st questionnaireStyles) error {
	sheet := area.Sheet
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	if err := errors.Join(f.SetSheetRow(sheet, "A1", &questionnaireHeader), f.SetRowHeight(sheet, 1, 30)); err != nil {
		return err
	}
	for i, row := range area.Rows {
		cells := row.Locked[:]
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &cells); err != nil {
			return err
		}
		if err := f.SetRowHeight(sheet, i+2, max(rowHeight(row.Locked[:], areaWidths), 60)); err != nil {
			return err
		}
	}
	last := len(area.Rows) + 1
	for _, s := range []struct {
		from, to string
		style    int
	}{{"A1", "G1", st.head}, {"A2", fmt.Sprintf("D%d", last), st.locked}, {"E2", fmt.Sprintf("G%d", last), st.answer}} {
		if err := f.SetCellStyle(sheet, s.from, s.to, s.style); err != nil {
			return err
		}
	}
	if err := setColWidths(f, sheet, areaWidths); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "E2", ActiveCell: "E2", Pane: "bottomRight"}}}); err != nil {
		return err
	}
	if err := setPrintLayout(f, sheet, l, "$1:$1"); err != nil {
		return err
	}
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

// setPrintLayout prints a sheet landscape on A4, one page wide, with the organisation in the
// header and page numbers in the footer; titleRows repeat on every page when given.
func setPrintLayout(f *excelize.File, sheet string, l questionnaireLayout, titleRows string) error {
	a4, landscape, wide, tall, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	org := strings.ReplaceAll(shortenName(assessment.Visible(l.Organisation, false), 60), "&", "&&")
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + org + "&RISO/IEC 42001 readiness questionnaire",
		OddFooter: "&L&A&RPage &P of &N",
	}); err != nil {
		return err
	}
	if titleRows == "" {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + titleRows})
}

// writeManifest writes the hidden sheet that identifies the questionnaire, very hidden (a
// spreadsheet program's "unhide" does not list it) and locked.
func writeManifest(f *excelize.File, l questionnaireLayout) error {
	if _, err := f.NewSheet(manifestSheet); err != nil {
		return err
	}
	for i, row := range l.manifest() {
		if err := f.SetSheetRow(manifestSheet, fmt.Sprintf("A%d", i+1), &row); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(manifestSheet, false, true); err != nil {
		return err
	}
	return f.ProtectSheet(manifestSheet, &excelize.SheetProtectionOptions{})
}

// Names of the questionnaire's custom document properties: a second copy of its identity
// where spreadsheet programs keep it out of sight.
const (
	propFormat      = "aimsbench format"
	propAssessment  = "aimsbench assessment"
	propFingerprint = "aimsbench fingerprint"
)

// setQuestionnaireProps titles the workbook and records its identity in the document
// properties.
func setQuestionnaireProps(f *excelize.File, l questionnaireLayout) error {
	issued := l.Issued.Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: "ISO/IEC 42001 readiness questionnaire — " + l.Organisation, Subject: l.Title, Creator: "aimsbench",
		Identifier: l.Assessment, Keywords: questionnaireFormat, Created: issued, Modified: issued,
		Description: "Fill in the yellow columns and send the workbook back; see the Read me sheet.",
	}); err != nil {
		return err
	}
	for _, p := range []excelize.CustomProperty{
		{Name: propFormat, Value: questionnaireFormat + " " + questionnaireVersion},
		{Name: propAssessment, Value: l.Assessment},
		{Name: propFingerprint, Value: l.fingerprint()},
	} {
		if err := f.SetCustomProps(p); err != nil {
			return err
		}
	}
	return nil
}
