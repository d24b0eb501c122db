package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// register is a table for a spreadsheet: a name, column headings with widths (in characters)
// and rows of text.
type register struct {
	name   string
	header []string
	widths []float64
	rows   [][]string
}

// neutralise keeps a spreadsheet from reading a cell as a formula: text starting with =, +,
// -, @, a tab or a carriage return gets a leading single quote.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// isoDate prints a date for a spreadsheet (YYYY-MM-DD), empty when unset.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func number(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// gapTable is the gap register: one row per gap in catalogue order.
func gapTable(cat *checklists.Catalogue, a *assessment.Assessment, asOf time.Time) register {
	reg := register{name: "Gap register",
		header: []string{"Item", "Title", "Clause or objective", "Status", "Maturity", "Target", "Why a gap", "Finding", "Recommendation", "Owner", "Due", "Priority"},
		widths: []float64{9, 36, 12, 18, 9, 8, 30, 50, 50, 20, 11, 9}}
	for _, g := range assessment.GapRegister(cat, a, asOf) {
		r := g.Result
		reg.rows = append(reg.rows, []string{g.Item.ID, g.Item.Title, g.Group, r.Status.Label(), number(r.Maturity),
			fmt.Sprint(r.EffectiveTarget()), strings.Join(g.Reasons, "; "), r.Finding, r.Recommendation, r.Owner,
			isoDate(r.Due), string(r.Priority)})
	}
	return reg
}

// soaTable is the Statement of Applicability: one row per Annex A control.
func soaTable(cat *checklists.Catalogue, a *assessment.Assessment) register {
	reg := register{name: "Statement of Applicability",
		header: []string{"Control", "Title", "Decision", "Justification", "Status", "Maturity", "Linked risks", "Test conclusion"},
		widths: []float64{9, 40, 10, 50, 18, 9, 16, 16}}
	for _, item := range cat.Assessable() {
		if !item.IsControl() {
			continue
		}
		r := a.Result(item)
		var risks []string
		for _, risk := range assessment.LinkedRisks(a, item.ID) {
			risks = append(risks, riskLabel(risk))
		}
		test := "not tested"
		if t := a.TestOf(item.ID); t != nil {
			test = strings.ToLower(conclusionLabel(t.Conclusion(cat.Sampling)))
		}
		reg.rows = append(reg.rows, []string{item.ID, item.Title, string(r.Decision), r.Justification, r.Status.Label(),
			number(r.Maturity), strings.Join(risks, ", "), test})
	}
	return reg
}

// ncTable lists the nonconformities.
func ncTable(a *assessment.Assessment, asOf time.Time) register {
	reg := register{name: "Nonconformities",
		header: []string{"NC", "Item", "Source", "Grade", "Description", "Root cause", "Correction", "Corrective action", "Owner", "Raised", "Due", "Overdue", "Status", "Closed", "Check date", "Checked by", "Check result"},
		widths: []float64{8, 9, 10, 16, 50, 40, 36, 40, 20, 11, 11, 8, 14, 11, 11, 16, 36}}
	for _, nc := range a.NCs {
		reg.rows = append(reg.rows, []string{nc.Label(), nc.ItemID, nc.Source, nc.Grade.Label(), nc.Description, nc.RootCause,
			nc.Correction, nc.CorrectiveAction, nc.Owner, isoDate(nc.Raised), isoDate(nc.Due), yesNo(nc.Overdue(asOf)),
			nc.Status.Label(), isoDate(nc.Closed), isoDate(nc.CheckDate), nc.CheckBy, nc.CheckResult})
	}
	return reg
}

// inventoryTable lists the AI systems.
func inventoryTable(cat *checklists.Catalogue, a *assessment.Assessment) register {
	reg := register{name: "AI systems",
		header: []string{"Name", "Purpose", "Owner", "Life-cycle stage", "AI roles", "Impact", "In scope", "Exclusion justification", "Suppliers", "Personal data", "Human oversight", "Impact assessment", "Last significant change"},
		widths: []float64{30, 50, 20, 18, 22, 8, 8, 36, 36, 8, 8, 12, 12}}
	for _, s := range a.Systems {
		var roles []string
		for _, r := range s.Roles {
			roles = append(roles, termTitle(cat.AIRoles, r))
		}
		reg.rows = append(reg.rows, []string{s.Name, s.Purpose, s.Owner, termTitle(cat.LifecycleStages, s.Stage), strings.Join(roles, "; "),
			string(s.Impact), yesNo(s.InScope), s.ExclusionJustification, s.Suppliers, yesNo(s.PersonalData), yesNo(s.HumanOversight),
			isoDate(s.AISIADate), isoDate(s.LastChange)})
	}
	return reg
}

// writeCSV writes a register as UTF-8 CSV with a byte-order mark (so spreadsheet programs
// read the accents right) and every cell neutralised.
func writeCSV(w io.Writer, reg register) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(reg.header); err != nil {
		return err
	}
	for _, row := range reg.rows {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = neutralise(c)
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
