package report

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"aimsbench/assessment"
)

// lockedNames name our columns in a refusal, in column order.
var lockedNames = [lockedColumns]string{"item ID", "requirement title", "question", "typical evidence"}

// answerFields name the client's columns in a refusal, in column order after ours.
var answerFields = []string{"answer", "document reference", "contact"}

// keepAnswers is the refusal's advice when the client changed something outside the answers.
const keepAnswers = "only the answer columns " + answerColumns + " may be filled in, so ask the client to copy their answers into a freshly exported questionnaire"

// readArea reads one area sheet: it checks the header and every protected cell against the
// layout, refuses rows added after the last question or removed before it and text outside
// the answer columns, and returns the answers of the rows the client wrote in.
func readArea(path string, wb *excelize.File, area questionnaireArea) ([]assessment.Proposal, error) {
	rows, err := wb.Rows(area.Sheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q cannot be read (%v); ask the client to save the questionnaire again", path, area.Sheet, err)
	}
	var written [][]string // the cells of each question row, in order
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns()
		if err == nil {
			err = checkRow(area, n, cells)
		}
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: sheet %q, %w", path, area.Sheet, err)
		}
		if n > 1 && n <= len(area.Rows)+1 {
			written = append(written, cells)
		}
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("%s: sheet %q cannot be read (%v); ask the client to save the questionnaire again", path, area.Sheet, err)
	}
	if len(written) < len(area.Rows) {
		missing := area.Rows[len(written)].Item.ID
		return nil, fmt.Errorf("%s: sheet %q, row %d (item %s) is missing: rows were removed; %s", path, area.Sheet, len(written)+2, missing, keepAnswers)
	}
	var out []assessment.Proposal
	for i, cells := range written {
		p, err := readAnswer(wb, area, i+2, cells)
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %q, %w", path, area.Sheet, err)
		}
		if !p.Empty() {
			out = append(out, p)
		}
	}
	return out, nil
}

// checkRow compares one row with the layout: the header in row 1, our columns of each
// question, nothing beyond the answer columns, and nothing at all after the last question.
func checkRow(area questionnaireArea, n int, cells []string) error {
	cell := func(i int) string {
		if i < len(cells) {
			return strings.ReplaceAll(cells[i], "\r\n", "\n")
		}
		return ""
	}
	for i := len(questionnaireHeader); i < len(cells); i++ {
		if strings.TrimSpace(cells[i]) != "" {
			name, _ := excelize.CoordinatesToCellName(i+1, n)
			return fmt.Errorf("row %d: cell %s holds text outside the questionnaire's columns; %s", n, name, keepAnswers)
		}
	}
	switch {
	case n == 1:
		for i, h := range questionnaireHeader {
			if cell(i) != h {
				return fmt.Errorf("row 1: the heading of column %c was changed from %q; %s", 'A'+i, h, keepAnswers)
			}
		}
	case n <= len(area.Rows)+1:
		row := area.Rows[n-2]
		for i, want := range row.Locked {
			if cell(i) == want {
				continue
			}
			if i == 0 && strings.TrimSpace(strings.Join(cells, "")) == "" {
				return fmt.Errorf("row %d is empty where item %s belongs: rows were added, removed or moved; %s", n, row.Item.ID, keepAnswers)
			}
			if i == 0 {
				if at := rowOf(area, cell(0)); at > 0 {
					return fmt.Errorf("row %d holds item %s, which belongs in row %d: rows were added, removed or moved; %s", n, assessment.Visible(cell(0), false), at, keepAnswers)
				}
			}
			return fmt.Errorf("row %d (item %s): the %s was changed; %s", n, row.Item.ID, lockedNames[i], keepAnswers)
		}
	default:
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				return fmt.Errorf("row %d was added after the last question (row %d); %s", n, len(area.Rows)+1, keepAnswers)
			}
		}
	}
	return nil
}

// rowOf is the row an item ID belongs in on the area's sheet, or 0 when it is not there.
func rowOf(area questionnaireArea, id string) int {
	for i, row := range area.Rows {
		if row.Item.ID == id {
			return i + 2
		}
	}
	return 0
}

// readAnswer reads the client's three cells of question row n as a pending proposal. A
// formula is taken as the text the client typed ("=" and the formula), never evaluated; a
// cell longer than a spreadsheet program can write is refused.
func readAnswer(wb *excelize.File, area questionnaireArea, n int, cells []string) (assessment.Proposal, error) {
	row := area.Rows[n-2]
	var text [3]string
	for i := range text {
		col := lockedColumns + i
		name, _ := excelize.CoordinatesToCellName(col+1, n)
		if col < len(cells) {
			text[i] = cells[col]
		}
		if formula, err := wb.GetCellFormula(area.Sheet, name); err == nil && formula != "" {
			text[i] = "=" + formula
		}
		if units := utf16Units(text[i]); units > maxCellUnits {
			return assessment.Proposal{}, fmt.Errorf("row %d (item %s): the %s in %s is %d characters long, more than a spreadsheet cell holds (%d), so the file was not saved by a spreadsheet program; ask the client for the workbook as they saved it",
				n, row.Item.ID, answerFields[i], name, units, maxCellUnits)
		}
		text[i] = strings.TrimSpace(strings.ReplaceAll(text[i], "\r\n", "\n"))
	}
	return assessment.Proposal{ItemID: row.Item.ID, Answer: text[0], Reference: text[1], Contact: text[2],
		State: assessment.ProposalPending, Source: assessment.ProposalSource{Sheet: area.Sheet, Row: n}}, nil
}

// utf16Units is the length of s as a spreadsheet program counts it.
func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}
