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
	"exclusion justification", "suppliers", "personal data", "human oversight", "aisia date", "last significant change",
	"eu ai act classification"}

// RowError is one bad row of an inventory file.
type RowError struct {
	Line   int
	Reason string
}

// InventoryErrors lists every bad row; an import with any is refused whole.
type InventoryErrors []RowError

// shownRowErrors is how many bad rows an InventoryErrors message lists before it counts the rest.
const shownRowErrors = 50

func (e InventoryErrors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the inventory file has %d bad row(s); nothing was imported. Fix them and import again:", len(e))
	for _, r := range e[:min(len(e), shownRowErrors)] {
		fmt.Fprintf(&b, "\n  line %d: %s", r.Line, r.Reason)
	}
	if len(e) > shownRowErrors {
		fmt.Fprintf(&b, "\n  … and %d more", len(e)-shownRowErrors)
	}
	return b.String()
}

// The most an inventory import takes: far above any real inventory, low enough that a wrong
// file (a database dump, an endless stream) is refused instead of exhausting the machine.
const (
	MaxInventoryBytes = 32 << 20
	MaxInventoryRows  = 100_000
)

// ParseInventoryCSV reads the AI system inventory a client hands over: UTF-8 with or without
// a byte-order mark, comma- or semicolon-separated, any line-ending style, columns found by
// their header. It is strict where silence would lose data — a duplicate column, or text in a
// cell beyond the header, is refused with its line — and lenient where a spreadsheet is merely
// untidy: blank lines and empty trailing cells are skipped. It returns every system, or every
// problem with its line number; its time grows linearly with the file.
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
	filled uint32 // bit i: InventoryColumns[i] has a value; a set, not a slice, for 100,000 rows
}

// Filled reports whether the row gives the column a value.
func (r InventoryRow) Filled(column string) bool {
	i := slices.Index(InventoryColumns, column)
	return i >= 0 && r.filled&(1<<i) != 0
}

// ReadInventoryCSV is ParseInventoryCSV keeping each row's line and filled columns, which a
// second import of the same inventory needs to update systems without blanking what the
// file leaves empty.
func ReadInventoryCSV(cat *checklists.Catalogue, data []byte) ([]InventoryRow, error) {
	if len(data) > MaxInventoryBytes {
		return nil, fmt.Errorf("the inventory file is larger than %d MiB, the most aimsbench imports; check that it is the right file", MaxInventoryBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, errors.New("the inventory file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\" and import again")
	}
	data = unixLineEnds(data)
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffSeparator(data)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, errors.New("the inventory file is empty; it needs a header row naming its columns (at least \"name\")")
	}
	headerLine, _ := r.FieldPos(0)
	cols, err := inventoryHeader(header, headerLine)
	if err != nil {
		return nil, err
	}
	rows := make([]InventoryRow, 0, min(bytes.Count(data, []byte("\n")), MaxInventoryRows)) // a row is large: grow once
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
			break
		}
		line, _ := r.FieldPos(0) // only valid after a successful Read
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue // blank line
		}
		if len(rows) == MaxInventoryRows {
			return nil, fmt.Errorf("line %d: the inventory file has more than %d AI systems, the most aimsbench imports at once; split it into several files", line, MaxInventoryRows)
		}
		get := cols.get(rec)
		sys, reasons := inventoryRow(cat, get)
		for _, reason := range append(cols.stray(rec), reasons...) {
			bad = append(bad, RowError{line, reason})
		}
		row := InventoryRow{Line: line, System: sys}
		for i, col := range InventoryColumns {
			if get(col) != "" {
				row.filled |= 1 << i
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

// unixLineEnds turns Windows (CR LF) and classic Mac (bare CR) line ends into LF, so every
// style reads as the same rows and bare CRs never merge two rows into one.
func unixLineEnds(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	return bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
}

// inventoryColumns maps each named column of the header to its position.
type inventoryColumns struct {
	index map[string]int
	named []bool // named[i]: column i has a header
}

// inventoryHeader reads the header row: every name must be a known column, and appear once.
// An empty header cell is a column without a name, whose cells must stay empty.
func inventoryHeader(header []string, line int) (inventoryColumns, error) {
	cols := inventoryColumns{index: map[string]int{}, named: make([]bool, len(header))}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		switch first, seen := cols.index[name]; {
		case name == "":
			continue
		case !slices.Contains(InventoryColumns, name):
			return cols, fmt.Errorf("line %d: column %q is not known; use %s", line, strings.TrimSpace(h), strings.Join(InventoryColumns, ", "))
		case seen:
			return cols, fmt.Errorf("line %d: the column %q appears twice (columns %d and %d); keep one of them", line, strings.TrimSpace(h), first+1, i+1)
		}
		cols.index[name] = i
		cols.named[i] = true
	}
	if _, ok := cols.index["name"]; !ok {
		return cols, fmt.Errorf("line %d: the header has no \"name\" column, which every inventory needs", line)
	}
	return cols, nil
}

// get returns the reader of one row's cells by column name.
func (c inventoryColumns) get(rec []string) func(string) string {
	return func(col string) string {
		if i, ok := c.index[col]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
}

// stray names each non-empty cell that no header names: beyond the header, or under an empty
// header cell. Importing without it would drop the text silently.
func (c inventoryColumns) stray(rec []string) []string {
	var out []string
	for i, cell := range rec {
		if strings.TrimSpace(cell) == "" || (i < len(c.named) && c.named[i]) {
			continue
		}
		where := fmt.Sprintf("is beyond the header's %d columns", len(c.named))
		if i < len(c.named) {
			where = "is under a column without a header"
		}
		out = append(out, fmt.Sprintf("cell %d (%q) %s; name its column in the header or clear it", i+1, Visible(Shorten(cell, 40), false), where))
	}
	return out
}

func errorsUnwrapText(err error) string {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return perr.Err.Error()
	}
	return err.Error()
}

// sniffSeparator picks ';' when the header line (the first that is not blank) has more
// semicolons than commas, as spreadsheets in many European locales write.
func sniffSeparator(data []byte) rune {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	for len(bytes.TrimSpace(first)) == 0 && len(rest) > 0 {
		first, rest, _ = bytes.Cut(rest, []byte("\n"))
	}
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
	var err error
	if sys.EUAIAct, err = ParseEUAIActClass(cat, get("eu ai act classification")); err != nil {
		reasons = append(reasons, err.Error())
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
	// Year 1 is how an empty date is stored, so it would vanish silently; no date an
	// assessment records lies that far out.
	if t.Year() < 1900 || t.Year() > 2199 {
		return time.Time{}, fmt.Errorf("%q is outside the years 1900 to 2199; check the year", s)
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
