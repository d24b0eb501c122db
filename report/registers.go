package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// valueKind says how a spreadsheet column's values are stored and shown.
type valueKind int

const (
	textValue   valueKind = iota // text, wrapped
	numberValue                  // a number the spreadsheet can sum and sort
	dateValue                    // a calendar date, stored as a date
	statusValue                  // a status word, coloured by what it says
)

// sheetColumn is one column of a register: its heading, width in characters and kind.
type sheetColumn struct {
	title string
	width float64
	kind  valueKind
}

func textCol(title string, width float64) sheetColumn { return sheetColumn{title, width, textValue} }
func numberCol(title string, width float64) sheetColumn {
	return sheetColumn{title, width, numberValue}
}
func dateCol(title string) sheetColumn { return sheetColumn{title, 11, dateValue} }
func statusCol(title string, width float64) sheetColumn {
	return sheetColumn{title, width, statusValue}
}

// register is a table for a spreadsheet or CSV file. A row holds strings, ints, float64s
// and time.Times; an unset number is nil and an unset date the zero time, both left empty.
type register struct {
	name string
	cols []sheetColumn
	rows [][]any
}

// headers are the column headings.
func (reg register) headers() []string {
	out := make([]string, len(reg.cols))
	for i, c := range reg.cols {
		out[i] = c.title
	}
	return out
}

// neutralise keeps a spreadsheet from reading a cell as a formula: text starting with =, +,
// -, @, a tab or a carriage return gets a leading single quote.
func neutralise(s string) string {
	if formulaLike(s) {
		return "'" + s
	}
	return s
}

// formulaLike reports whether a spreadsheet would take text for a formula.
func formulaLike(s string) bool { return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) }

// plainValue is a value as CSV text: dates as YYYY-MM-DD, unset values empty.
func plainValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case time.Time:
		return isoDate(x)
	}
	return fmt.Sprint(v)
}

// level is a maturity or target as a number, nil when unset.
func level(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// writeCSV writes a register as UTF-8 CSV with a byte-order mark (so spreadsheet programs
// read the accents right) and every cell neutralised.
func writeCSV(w io.Writer, reg register) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(reg.headers()); err != nil {
		return err
	}
	for _, row := range reg.rows {
		out := make([]string, len(row))
		for i, v := range row {
			out[i] = neutralise(plainValue(v))
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteGapCSV writes the gap register as of a date as CSV: one row per gap, in catalogue order.
func WriteGapCSV(w io.Writer, cat *checklists.Catalogue, a *assessment.Assessment, asOf time.Time) error {
	return writeCSV(w, gapTable(cat, a, asOf))
}

// WriteSoACSV writes the Statement of Applicability as CSV: one row per Annex A control.
func WriteSoACSV(w io.Writer, cat *checklists.Catalogue, a *assessment.Assessment) error {
	return writeCSV(w, soaTable(cat, a))
}

// WriteResultsCSV writes the results annex as CSV: every clause requirement and Annex A
// control with its judgement and the evidence it rests on.
func WriteResultsCSV(w io.Writer, cat *checklists.Catalogue, a *assessment.Assessment) error {
	return writeCSV(w, resultsTable(cat, a))
}

// gapTable is the gap register: one row per gap in catalogue order.
func gapTable(cat *checklists.Catalogue, a *assessment.Assessment, asOf time.Time) register {
	reg := register{name: "Gap register", cols: []sheetColumn{textCol("Item", 9), textCol("Title", 36), textCol("Clause or objective", 12),
		statusCol("Status", 18), numberCol("Maturity", 9), numberCol("Target", 8), textCol("Why a gap", 30), textCol("Finding", 50),
		textCol("Recommendation", 50), textCol("Owner", 20), dateCol("Due"), statusCol("Priority", 9)}}
	for _, g := range assessment.GapRegister(cat, a, asOf) {
		r := g.Result
		reg.rows = append(reg.rows, []any{g.Item.ID, g.Item.Title, g.Group, r.Status.Label(), level(r.Maturity),
			r.EffectiveTarget(), strings.Join(g.Reasons, "; "), r.Finding, r.Recommendation, r.Owner, r.Due, string(r.Priority)})
	}
	return reg
}

// soaTable is the Statement of Applicability: one row per Annex A control, with the reason
// for including or excluding it, its implementation, test conclusion and evidence.
func soaTable(cat *checklists.Catalogue, a *assessment.Assessment) register {
	reg := register{name: "Statement of Applicability", cols: []sheetColumn{textCol("Control", 9), textCol("Title", 40),
		textCol("Decision", 10), textCol("Justification", 50), textCol("Justification recorded", 12), statusCol("Implementation", 18),
		statusCol("Status", 18), numberCol("Maturity", 9), textCol("Linked risks", 16), statusCol("Test conclusion", 16), textCol("Evidence", 30)}}
	for _, item := range cat.Assessable() {
		if !item.IsControl() {
			continue
		}
		r := a.Result(item)
		var risks []string
		for _, risk := range assessment.LinkedRisks(a, item.ID) {
			risks = append(risks, riskLabel(risk))
		}
		why, given := soaJustification(a, item.ID, r)
		reg.rows = append(reg.rows, []any{item.ID, item.Title, string(r.Decision), why, yesNo(given), implementation(r),
			r.Status.Label(), level(r.Maturity), strings.Join(risks, ", "), strings.ToLower(testLabel(cat, a, item.ID)), evidenceRef(r)})
	}
	return reg
}

// testLabel is a control's test conclusion, or "Not tested".
func testLabel(cat *checklists.Catalogue, a *assessment.Assessment, control string) string {
	if t := a.TestOf(control); t != nil {
		return conclusionLabel(t.Conclusion(cat.Sampling))
	}
	return "Not tested"
}

// resultsTable is the results annex: every assessable item with its judgement, whether it
// counts towards the verdict, and the evidence it rests on.
func resultsTable(cat *checklists.Catalogue, a *assessment.Assessment) register {
	reg := register{name: "Items", cols: []sheetColumn{textCol("Item", 9), textCol("Title", 36), textCol("Clause or objective", 12),
		textCol("Counts towards the verdict", 12), textCol("SoA decision", 10), statusCol("Status", 18), numberCol("Maturity", 9),
		numberCol("Target", 8), textCol("Finding", 50), numberCol("Evidence items", 9), textCol("Evidence", 60),
		textCol("Recommendation", 50), textCol("Owner", 20), dateCol("Due"), statusCol("Priority", 9)}}
	for _, item := range cat.Assessable() {
		r := a.Result(item)
		var evidence []string
		for _, e := range r.Evidence {
			evidence = append(evidence, evidenceLine(e))
		}
		reg.rows = append(reg.rows, []any{item.ID, item.Title, cat.GroupOf(item.ID), yesNo(a.InReadinessScope(item)), string(r.Decision),
			r.Status.Label(), level(r.Maturity), r.EffectiveTarget(), r.Finding, len(r.Evidence), strings.Join(evidence, "\n"),
			r.Recommendation, r.Owner, r.Due, string(r.Priority)})
	}
	return reg
}

// evidenceTable lists every evidence item, one row each, with its file fingerprint.
func evidenceTable(cat *checklists.Catalogue, a *assessment.Assessment) register {
	reg := register{name: "Evidence", cols: []sheetColumn{textCol("Item", 9), textCol("Item title", 36), textCol("Kind", 12),
		textCol("Title", 40), textCol("Reference", 30), textCol("File", 30), numberCol("Size (bytes)", 12), textCol("SHA-256", 66),
		dateCol("Recorded")}}
	for _, item := range cat.Assessable() {
		for _, e := range a.Result(item).Evidence {
			var size any
			if e.Path != "" {
				size = e.Size
			}
			reg.rows = append(reg.rows, []any{item.ID, item.Title, e.Kind, e.Title, e.Reference, e.Path, size, e.SHA256, e.AttachedAt})
		}
	}
	return reg
}

// isoDate is a date as YYYY-MM-DD, empty when unset.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
