package assessment

import (
	"fmt"
	"slices"
	"strings"

	"aimsbench/checklists"
)

// Warning is a consistency warning (§4.2): something an assessor or reviewer should look at
// again. Warnings never block entry.
type Warning struct {
	Kind   string `json:"kind"`
	Item   string `json:"item"`
	Detail string `json:"detail"`
}

// sensitiveObjectives are the Annex A areas whose exclusion needs a strong justification when
// a high-impact AI system is in scope: impacts, life cycle, data, information and use.
var sensitiveObjectives = []string{"A.5", "A.6.2", "A.7", "A.8", "A.9"}

// Warnings returns the consistency warnings of every item, in catalogue order.
func Warnings(cat *checklists.Catalogue, a *Assessment) []Warning {
	return warnings(cat, a, cat.Assessable())
}

func warnings(cat *checklists.Catalogue, a *Assessment, items []checklists.Item) []Warning {
	var out []Warning
	for _, item := range items {
		out = append(out, ItemWarnings(cat, a, item)...)
	}
	return out
}

// ItemWarnings returns the consistency warnings of one item; the TUI shows them beside it.
func ItemWarnings(cat *checklists.Catalogue, a *Assessment, item checklists.Item) []Warning {
	r := a.Result(item)
	var out []Warning
	add := func(kind, format string, args ...any) {
		out = append(out, Warning{Kind: kind, Item: item.ID, Detail: fmt.Sprintf(format, args...)})
	}
	if unsupported(r) {
		add("unsupported_conformity", "%s is judged conformant but no evidence item is recorded", item.ID)
	}
	switch {
	case r.Status == Nonconformant && r.Maturity >= 3:
		add("maturity_contradicts_status", "%s is nonconformant yet rated maturity %d; a defined, operating process would not be nonconformant", item.ID, r.Maturity)
	case r.Status == Conformant && r.Maturity > 0 && r.Maturity <= 2:
		add("maturity_contradicts_status", "%s is conformant yet rated maturity %d; conformity needs at least a defined process (level 3)", item.ID, r.Maturity)
	}
	if !item.IsControl() || r.Decision != Excluded {
		if item.IsControl() && r.Status == Conformant && testConclusion(cat, a, item.ID) == Ineffective {
			add("failed_test_conformant", "%s is judged conformant but its control test concluded ineffective", item.ID)
		}
		return out
	}
	if sensitiveExclusion(cat, a, item) {
		add("exclusion_with_high_impact_system", "%s is excluded while high-impact AI systems are in scope (%s); such an exclusion needs a strong justification", item.ID, strings.Join(HighImpactInScope(a), ", "))
	}
	if risks := risksTreatedBy(a, item.ID); len(risks) > 0 {
		add("excluded_control_treats_risk", "%s is excluded but the risk register relies on it to treat: %s", item.ID, strings.Join(risks, "; "))
	}
	return out
}

// unsupported reports a conformant judgement with no evidence that can support it (a
// questionnaire answer alone cannot: see Evidence.SupportsConformity).
func unsupported(r *Result) bool {
	return r.Status == Conformant && !slices.ContainsFunc(r.Evidence, Evidence.SupportsConformity)
}

// unjustifiedExclusion reports a control excluded from the SoA with no justification, blank
// included: an import or a direct edit can store one that Apply would have refused.
func unjustifiedExclusion(item checklists.Item, r *Result) bool {
	return item.IsControl() && r.Decision == Excluded && strings.TrimSpace(r.Justification) == ""
}

func sensitiveExclusion(cat *checklists.Catalogue, a *Assessment, item checklists.Item) bool {
	if len(HighImpactInScope(a)) == 0 {
		return false
	}
	for id := item.ID; id != ""; {
		if slices.Contains(sensitiveObjectives, id) {
			return true
		}
		parent, ok := cat.Item(id)
		if !ok {
			return false
		}
		id = parent.Parent
	}
	return false
}

// HighImpactInScope names the in-scope AI systems of high impact: their presence raises the
// bar for SoA exclusions and elevates control-testing risk.
func HighImpactInScope(a *Assessment) []string {
	var names []string
	for _, s := range a.Systems {
		if s.InScope && s.Impact == ImpactHigh {
			names = append(names, s.Name)
		}
	}
	return names
}

func risksTreatedBy(a *Assessment, control string) []string {
	var out []string
	for _, r := range a.Risks {
		if slices.Contains(r.Controls, control) {
			out = append(out, r.Title)
		}
	}
	return out
}

// testConclusion is the conclusion of the control's test, or NotConcluded when it has none.
func testConclusion(cat *checklists.Catalogue, a *Assessment, control string) Conclusion {
	for i := range a.Tests {
		if a.Tests[i].ControlID == control {
			return a.Tests[i].Conclusion(cat.Sampling)
		}
	}
	return NotConcluded
}
