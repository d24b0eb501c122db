package assessment

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"aimsbench/checklists"
)

// InventoryColumns are the columns an inventory spreadsheet may have, matched by header
// name, case-insensitively. Only name is required.
var InventoryColumns = []string{"name", "purpose", "owner", "lifecycle stage", "roles", "impact level", "in scope",
	"exclusion justification", "suppliers", "personal data", "human oversight", "aisia date", "last significant change"}

// RowError is one bad row of an inventory file.
type RowError struct {
	Line   int
	Reason string
}

// InventoryErrors lists every bad row; an import with any is refused whole.
type InventoryErrors []RowError

func (e InventoryErrors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the inventory file has %d bad row(s); nothing was imported. Fix them and import again:", len(e))
	for _, r := range e {
		fmt.Fprintf(&b, "\n  line %d: %s", r.Line, r.Reason)
	}
	return b.String()
}

// ParseInventoryCSV reads the AI system inventory a client hands over: UTF-8 with or without
// a byte-order mark, comma- or semicolon-separated, columns found by their header. It returns
// every system, or every problem with its line number.
func ParseInventoryCSV(cat *checklists.Catalogue, data []byte) ([]AISystem, error) {
	rows, err := ReadInventoryCSV(cat, data)
	if err != nil {
		return nil, err
	}
	systems := make([]AISystem, len(rows))
	for i, r := range rows {
		systems[i] = r.System
	}
	return systems, nil
}

// InventoryRow is one AI system read from an inventory file: the line it is on, the system,
// and the columns the row gives a value (an empty cell or a missing column gives none).
type InventoryRow struct {
	Line   int
	System AISystem
	Filled []string
}

// ReadInventoryCSV is ParseInventoryCSV keeping each row's line and filled columns, which a
// second import of the same inventory needs to update systems without blanking what the
// file leaves empty.
func ReadInventoryCSV(cat *checklists.Catalogue, data []byte) ([]InventoryRow, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, errors.New("the inventory file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\" and import again")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffSeparator(data)
	r.FieldsPerRecord = -1
	cols, err := inventoryHeader(r)
	if err != nil {
		return nil, err
	}
	var rows []InventoryRow
	var bad InventoryErrors
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var perr *csv.ParseError
			if errors.As(err, &perr) {
				line = perr.Line
			}
			bad = append(bad, RowError{line, "cannot be read as CSV: " + errorsUnwrapText(err)})
			if errors.As(err, &perr) && perr.Err != csv.ErrFieldCount {
				break
			}
			continue
		}
		line, _ := r.FieldPos(0) // only valid after a successful Read
		get := func(col string) string {
			if i, ok := cols[col]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // blank line
		}
		sys, reasons := inventoryRow(cat, get)
		for _, reason := range reasons {
			bad = append(bad, RowError{line, reason})
		}
		row := InventoryRow{Line: line, System: sys}
		for _, col := range InventoryColumns {
			if get(col) != "" {
				row.Filled = append(row.Filled, col)
			}
		}
		rows = append(rows, row)
	}
	if len(bad) > 0 {
		return nil, bad
	}
	if len(rows) == 0 {
		return nil, errors.New("the inventory file has a header but no AI systems")
	}
	return rows, nil
}

// inventoryHeader reads the header row: the position of each known column, refusing an
// unknown column or a file without a name column.
func inventoryHeader(r *csv.Reader) (map[string]int, error) {
	header, err := r.Read()
	if err != nil {
		return nil, errors.New("the inventory file is empty; it needs a header row naming its columns (at least \"name\")")
	}
	cols := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(InventoryColumns, name) {
			return nil, fmt.Errorf("line 1: column %q is not known; use %s", strings.TrimSpace(h), strings.Join(InventoryColumns, ", "))
		}
		cols[name] = i
	}
	if _, ok := cols["name"]; !ok {
		return nil, errors.New("line 1: the header has no \"name\" column, which every inventory needs")
	}
	return cols, nil
}

func errorsUnwrapText(err error) string {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return perr.Err.Error()
	}
	return err.Error()
}

// sniffSeparator picks ';' when the header line has more semicolons than commas, as
// spreadsheets in many European locales write.
func sniffSeparator(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		return ';'
	}
	return ','
}

// inventoryRow converts one row, collecting every problem rather than stopping at the first.
func inventoryRow(cat *checklists.Catalogue, get func(string) string) (AISystem, []string) {
	var reasons []string
	sys := AISystem{Name: get("name"), Purpose: get("purpose"), Owner: get("owner"),
		ExclusionJustification: get("exclusion justification"), Suppliers: get("suppliers"), InScope: true, Impact: ImpactMedium}
	if sys.Name == "" {
		reasons = append(reasons, "the name is empty")
	}
	if v := get("lifecycle stage"); v != "" {
		if sys.Stage = termID(cat.LifecycleStages, v); sys.Stage == "" {
			reasons = append(reasons, fmt.Sprintf("life-cycle stage %q is not known; use one of %s", v, termList(cat.LifecycleStages)))
		}
	}
	for _, role := range strings.FieldsFunc(get("roles"), func(r rune) bool { return r == ';' || r == '|' }) {
		if id := termID(cat.AIRoles, strings.TrimSpace(role)); id != "" {
			sys.Roles = append(sys.Roles, id)
		} else {
			reasons = append(reasons, fmt.Sprintf("AI role %q is not known; use one of %s", strings.TrimSpace(role), termList(cat.AIRoles)))
		}
	}
	if v := get("impact level"); v != "" {
		imp, err := ParseImpact(v)
		if err != nil {
			reasons = append(reasons, err.Error())
		}
		sys.Impact = imp
	}
	for _, b := range []struct {
		col string
		to  *bool
	}{{"in scope", &sys.InScope}, {"personal data", &sys.PersonalData}, {"human oversight", &sys.HumanOversight}} {
		if v := get(b.col); v != "" {
			val, ok := parseYesNo(v)
			if !ok {
				reasons = append(reasons, fmt.Sprintf("%s %q is not yes or no", b.col, v))
			}
			*b.to = val
		}
	}
	for _, d := range []struct {
		col string
		to  *time.Time
	}{{"aisia date", &sys.AISIADate}, {"last significant change", &sys.LastChange}} {
		if v := get(d.col); v != "" {
			t, err := ParseDate(v)
			if err != nil {
				reasons = append(reasons, fmt.Sprintf("%s: %v", d.col, err))
			}
			*d.to = t
		}
	}
	if !sys.InScope && sys.ExclusionJustification == "" {
		reasons = append(reasons, "the system is out of scope but has no exclusion justification")
	}
	return sys, reasons
}

// ParseDate reads a calendar date written as YYYY-MM-DD. Other spellings are refused rather
// than guessed: 03/04/2026 is March in one country and April in the next.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date written as YYYY-MM-DD", s)
	}
	return t, nil
}

func parseYesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "x", "ja", "oui", "sí", "si":
		return true, true
	case "no", "n", "false", "0", "nein", "non":
		return false, true
	}
	return false, false
}

// termID finds a vocabulary entry by ID or title, case-insensitively.
func termID(terms []checklists.Term, s string) string {
	for _, t := range terms {
		if strings.EqualFold(s, t.ID) || strings.EqualFold(s, t.Title) {
			return t.ID
		}
	}
	return ""
}

func termList(terms []checklists.Term) string {
	var ids []string
	for _, t := range terms {
		ids = append(ids, t.ID)
	}
	return strings.Join(ids, ", ")
}
