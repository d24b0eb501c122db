package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// InventoryPlan is what importing an inventory file into an assessment does, system by
// system, matched by name: the client's spreadsheet comes back updated, and importing it
// again must update the inventory, never duplicate it. Nothing is deleted unless the
// assessor asks: a system missing from the file may simply be one the client forgot.
type InventoryPlan struct {
	New       []AISystem     // in the file only: added
	Changed   []SystemUpdate // in both, and the file changes something: updated
	Unchanged []AISystem     // in both, and the file changes nothing
	Missing   []AISystem     // in the inventory only: kept unless the assessor deletes them
}

// SystemUpdate is one AI system of the inventory and what the file makes of it.
type SystemUpdate struct {
	Stored AISystem // as in the inventory
	Next   AISystem // with the file's values
	Fields []string // the file's columns that change it, in column order
}

// Writes is the number of systems the plan adds or updates.
func (p InventoryPlan) Writes() int { return len(p.New) + len(p.Changed) }

// PlanInventoryImport matches the rows of an inventory file to the AI systems of an
// inventory by name (ignoring case, accents' encoding and runs of spaces): an unmatched row
// is a new system, a matched one is updated with the values its row gives (an empty cell
// keeps what is stored, so details the assessor added survive), and a system the file does
// not name is missing. A file that names one system twice is refused with both lines.
func PlanInventoryImport(current []AISystem, rows []InventoryRow) (InventoryPlan, error) {
	byName := map[string]int{} // name → index in current; the first of a duplicated name
	for i, s := range current {
		if _, dup := byName[nameKey(s.Name)]; !dup {
			byName[nameKey(s.Name)] = i
		}
	}
	var plan InventoryPlan
	var bad InventoryErrors
	seen := map[string]int{} // name → line of the file
	matched := make([]bool, len(current))
	var newRows []int // rows that add a system, copied once at the end: an import can hold 100,000
	for r, row := range rows {
		key := nameKey(row.System.Name)
		if first, dup := seen[key]; dup {
			bad = append(bad, RowError{row.Line, fmt.Sprintf("the AI system %q is already on line %d; list each system once", row.System.Name, first)})
			continue
		}
		seen[key] = row.Line
		i, ok := byName[key]
		if !ok {
			newRows = append(newRows, r)
			continue
		}
		matched[i] = true
		if u := updateFrom(current[i], row); len(u.Fields) > 0 {
			plan.Changed = append(plan.Changed, u)
		} else {
			plan.Unchanged = append(plan.Unchanged, current[i])
		}
	}
	if len(bad) > 0 {
		return InventoryPlan{}, bad
	}
	plan.New = make([]AISystem, len(newRows))
	for i, r := range newRows {
		plan.New[i] = rows[r].System
	}
	for i, s := range current {
		if !matched[i] {
			plan.Missing = append(plan.Missing, s)
		}
	}
	return plan, nil
}

// nameKey is a system's name as matched: composed, lower case, single spaces.
func nameKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(name)), " "))
}

// updateFrom applies the values a row gives to a stored system. A system the file brings
// into scope drops its exclusion justification, as the inventory form does.
func updateFrom(stored AISystem, row InventoryRow) SystemUpdate {
	u := SystemUpdate{Stored: stored, Next: stored}
	u.Next.Roles = slices.Clone(stored.Roles)
	for _, f := range inventoryFields {
		if row.Filled(f.column) && f.take(&u.Next, &row.System) {
			u.Fields = append(u.Fields, f.column)
		}
	}
	if u.Next.InScope && u.Next.ExclusionJustification != "" && !stored.InScope {
		u.Next.ExclusionJustification = ""
	}
	return u
}

// inventoryField is one column of the inventory file and the field of an AI system it sets.
type inventoryField struct {
	column string
	take   func(to, from *AISystem) (changed bool)
}

// field sets one field of type T, reporting whether the value changed.
func field[T any](column string, at func(*AISystem) *T, same func(a, b T) bool) inventoryField {
	return inventoryField{column, func(to, from *AISystem) bool {
		if same(*at(to), *at(from)) {
			return false
		}
		*at(to) = *at(from)
		return true
	}}
}

func equal[T comparable](a, b T) bool { return a == b }
func sameDay(a, b time.Time) bool     { return a.Equal(b) }

// inventoryFields are the file's columns other than the name, in InventoryColumns order.
var inventoryFields = []inventoryField{
	field("purpose", func(s *AISystem) *string { return &s.Purpose }, equal),
	field("owner", func(s *AISystem) *string { return &s.Owner }, equal),
	field("lifecycle stage", func(s *AISystem) *string { return &s.Stage }, equal),
	field("roles", func(s *AISystem) *[]string { return &s.Roles }, slices.Equal),
	field("impact level", func(s *AISystem) *Impact { return &s.Impact }, equal),
	field("in scope", func(s *AISystem) *bool { return &s.InScope }, equal),
	field("exclusion justification", func(s *AISystem) *string { return &s.ExclusionJustification }, equal),
	field("suppliers", func(s *AISystem) *string { return &s.Suppliers }, equal),
	field("personal data", func(s *AISystem) *bool { return &s.PersonalData }, equal),
	field("human oversight", func(s *AISystem) *bool { return &s.HumanOversight }, equal),
	field("aisia date", func(s *AISystem) *time.Time { return &s.AISIADate }, sameDay),
	field("last significant change", func(s *AISystem) *time.Time { return &s.LastChange }, sameDay),
}
