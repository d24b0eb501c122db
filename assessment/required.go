package assessment

import (
	"fmt"
	"slices"
	"strings"

	"aimsbench/checklists"
)

// Requirement is one reason the organisation's situation requires a control (the catalogue's
// required-controls table): the rule, what about the in-scope systems triggers it, and which
// systems those are.
type Requirement struct {
	Rule    string   `json:"rule"`    // catalogue row ID, e.g. RQ-01
	Because string   `json:"because"` // e.g. "an in-scope system has the AI producer role"
	Systems []string `json:"systems"` // the in-scope systems that meet it
}

// String is the reason as the SoA shows it next to the control:
// "required because an in-scope system has the AI producer role (Fraud scoring, Pricing)".
func (r Requirement) String() string {
	names := r.Systems
	if len(names) > 3 { // a reason, not the inventory
		names = append(slices.Clone(names[:3]), fmt.Sprintf("%d more", len(r.Systems)-3))
	}
	return fmt.Sprintf("required because %s (%s)", r.Because, strings.Join(names, ", "))
}

// RequiredControls returns, for each Annex A control the situation requires, the reasons it
// is required: the SoA screen shows them as "required because …", and excluding such a
// control blocks the verdict (required_control_excluded). Controls nothing requires are
// absent from the map.
func RequiredControls(cat *checklists.Catalogue, a *Assessment) map[string][]Requirement {
	return requiredControls(cat, a)
}

func requiredControls(cat *checklists.Catalogue, a *Assessment) map[string][]Requirement {
	out := map[string][]Requirement{}
	for _, row := range cat.RequiredControls {
		systems := systemNames(a, func(s *AISystem) bool { return s.InScope && meets(row, s) })
		if len(systems) == 0 {
			continue
		}
		req := Requirement{Rule: row.ID, Because: because(cat, row), Systems: systems}
		for _, c := range row.Controls {
			out[c] = append(out[c], req)
		}
	}
	return out
}

// meets reports whether a system is in the situation a row describes.
func meets(row checklists.ControlRequirement, s *AISystem) bool {
	return row.AnySystem ||
		slices.ContainsFunc(s.Roles, func(r string) bool { return slices.Contains(row.Roles, r) }) ||
		slices.Contains(row.Stages, s.Stage) ||
		slices.Contains(row.Impacts, string(s.Impact)) ||
		(row.Suppliers && strings.TrimSpace(s.Suppliers) != "")
}

// because words a row's situation from the catalogue's own titles, e.g. "an in-scope system
// has third-party components or has the AI customer role".
func because(cat *checklists.Catalogue, row checklists.ControlRequirement) string {
	if row.Because != "" {
		return row.Because
	}
	var parts []string
	if row.Suppliers {
		parts = append(parts, "has third-party components")
	}
	if len(row.Roles) > 0 {
		parts = append(parts, fmt.Sprintf("has the %s role", orList(termTitles(cat.AIRoles, row.Roles, false))))
	}
	if len(row.Stages) > 0 {
		parts = append(parts, "is in "+orList(termTitles(cat.LifecycleStages, row.Stages, true)))
	}
	if len(row.Impacts) > 0 {
		parts = append(parts, "is "+orList(row.Impacts)+"-impact")
	}
	return "an in-scope system " + strings.Join(parts, " or ")
}

// termTitles looks up the titles of vocabulary IDs, lower-cased when they run inside a sentence.
func termTitles(terms []checklists.Term, ids []string, lower bool) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		title := id
		if i := slices.IndexFunc(terms, func(t checklists.Term) bool { return t.ID == id }); i >= 0 {
			title = terms[i].Title
		}
		if lower {
			title = lowerFirst(title)
		}
		out = append(out, title)
	}
	return out
}
