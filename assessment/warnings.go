package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"aimsbench/checklists"
)

// Warning is a consistency warning (§4.2): something an assessor or reviewer should look at
// again. Warnings never block entry and never change the level. Item names the requirement
// or control it concerns, System the AI system when it concerns the inventory.
type Warning struct {
	Kind   string `json:"kind"`
	Item   string `json:"item"`
	System string `json:"system,omitempty"`
	Detail string `json:"detail"`
}

// sensitiveObjectives are the Annex A areas whose exclusion needs a strong justification when
// a high-impact AI system is in scope: impacts, life cycle, data, information and use.
var sensitiveObjectives = []string{"A.5", "A.6.2", "A.7", "A.8", "A.9"}

// Warnings returns the consistency warnings as of a date: those of every item, in catalogue
// order, then those of the inventory, of the internal audits' independence, and of the
// certification path's timing.
func Warnings(cat *checklists.Catalogue, a *Assessment, asOf time.Time) []Warning {
	return newFacts(cat, a, asOf).warnings()
}

func (f *facts) warnings() []Warning {
	var out []Warning
	for i, item := range f.items {
		out = append(out, f.itemWarnings(item, f.results[i])...)
	}
	out = append(out, f.systemWarnings()...)
	out = append(out, f.auditIndependenceWarnings()...)
	return append(out, f.certificationWarnings()...)
}

// WarningsFor returns the consistency warnings of one item, from those the evaluation found;
// the TUI shows them beside the item. Looking them up costs nothing like evaluating them,
// which walks the whole inventory and register for some.
func (s Summary) WarningsFor(itemID string) []Warning {
	var out []Warning
	for _, w := range s.Warnings {
		if w.Item == itemID {
			out = append(out, w)
		}
	}
	return out
}

func (f *facts) itemWarnings(item checklists.Item, r *Result) []Warning {
	cat, a := f.cat, f.a
	var out []Warning
	add := func(kind, format string, args ...any) {
		out = append(out, Warning{Kind: kind, Item: item.ID, Detail: fmt.Sprintf(format, args...)})
	}
	if unsupported(r, f.asOf) {
		add("unsupported_conformity", "%s is judged conformant %s", item.ID, unsupportedWhy(r))
	}
	switch {
	case r.Status == Nonconformant && r.Maturity >= 3:
		add("maturity_contradicts_status", "%s is nonconformant yet rated maturity %d; a defined, operating process would not be nonconformant", item.ID, r.Maturity)
	case r.Status == Conformant && r.Maturity > 0 && r.Maturity <= 2:
		add("maturity_contradicts_status", "%s is conformant yet rated maturity %d; conformity needs at least a defined process (level 3)", item.ID, r.Maturity)
	}
	if item.IsControl() && r.Decision == Excluded {
		if sensitiveExclusion(cat, a, item) {
			add("exclusion_with_high_impact_system", "%s is excluded while high-impact AI systems are in scope (%s); such an exclusion needs a strong justification", item.ID, strings.Join(HighImpactInScope(a), ", "))
		}
		if risks := risksRelyingOn(a, item.ID); len(risks) > 0 {
			add("excluded_control_treats_risk", "%s is excluded but the risk register relies on it to treat: %s", item.ID, riskTitles(risks))
		}
		return out
	}
	if item.IsControl() && testConclusion(cat, a, item.ID) == Ineffective {
		var treated []*Risk // a risk counted as treated rests on a control that failed its test
		for _, rk := range risksRelyingOn(a, item.ID) {
			if rk.Status == "treated" {
				treated = append(treated, rk)
			}
		}
		if len(treated) > 0 {
			add("risk_treated_by_failed_control", "%s concluded ineffective in its test, yet the risk register counts these risks as treated with it: %s", item.ID, riskTitles(treated))
		}
	}
	if item.IsControl() && r.Status == Nonconformant && testConclusion(cat, a, item.ID) == Effective {
		add("effective_test_nonconformant", "%s is judged nonconformant but its control test concluded effective; one of the two needs another look", item.ID)
	}
	if r.Status != Conformant {
		return out
	}
	if item.IsControl() && testConclusion(cat, a, item.ID) == Ineffective {
		add("failed_test_conformant", "%s is judged conformant but its control test concluded ineffective", item.ID)
	}
	if requests := requestsFor(cat, item.ID); len(requests) > 0 && allNotAvailable(a, requests) {
		add("evidence_not_available", "%s is judged conformant, but every evidence request that supports it is marked not available (%s)", item.ID, strings.Join(requests, ", "))
	}
	return append(out, f.contradictions(item)...)
}

// systemWarnings are the warnings about the inventory as of the evaluation date: an in-scope
// medium- or low-impact system whose impact assessment is more than 12 months old (for a
// high-impact one it blocks the verdict instead), and a high-impact system left out of scope
// while others stay in (leaving them all out blocks the verdict).
func (f *facts) systemWarnings() []Warning {
	var out []Warning
	someHighInScope := len(HighImpactInScope(f.a)) > 0
	for i := range f.a.Systems {
		s := &f.a.Systems[i]
		switch {
		case s.InScope && s.Impact != ImpactHigh && !s.AISIADate.IsZero() && s.AISIADate.Before(f.yearAgo):
			out = append(out, Warning{Kind: "impact_assessment_overdue", System: s.Name, Detail: fmt.Sprintf(
				"the impact assessment of %s-impact AI system %q dates from %s, more than 12 months ago; plan its review", s.Impact, s.Name, s.AISIADate.Format(time.DateOnly))})
		case !s.InScope && s.Impact == ImpactHigh && someHighInScope:
			out = append(out, Warning{Kind: "high_impact_system_out_of_scope", System: s.Name, Detail: fmt.Sprintf(
				"high-impact AI system %q is out of scope (%s); check that the justification would convince a certification body", s.Name, s.ExclusionJustification)})
		}
	}
	return out
}

func sensitiveExclusion(cat *checklists.Catalogue, a *Assessment, item checklists.Item) bool {
	return len(HighImpactInScope(a)) > 0 && namesItem(cat, sensitiveObjectives, item.ID)
}

// HighImpactInScope names the in-scope AI systems of high impact: their presence raises the
// bar for SoA exclusions and elevates control-testing risk.
func HighImpactInScope(a *Assessment) []string {
	return systemNames(a, func(s *AISystem) bool { return s.InScope && s.Impact == ImpactHigh })
}

func riskTitles(risks []*Risk) string {
	titles := make([]string, len(risks))
	for i, r := range risks {
		titles[i] = r.Title
	}
	return strings.Join(titles, "; ")
}

// requestsFor lists the evidence requests of the catalogue that support an item.
func requestsFor(cat *checklists.Catalogue, itemID string) []string {
	var out []string
	for _, c := range cat.EvidenceRequests {
		for _, e := range c.Items {
			if slices.Contains(e.Supports, itemID) {
				out = append(out, e.ID)
			}
		}
	}
	return out
}

func allNotAvailable(a *Assessment, requests []string) bool {
	for _, id := range requests {
		if a.Requests[id].Current() != NotAvailable {
			return false
		}
	}
	return true
}

// testConclusion is the conclusion of the control's test, or NotConcluded when it has none.
func testConclusion(cat *checklists.Catalogue, a *Assessment, control string) Conclusion {
	if t := a.TestOf(control); t != nil {
		return t.Conclusion(cat.Sampling)
	}
	return NotConcluded
}
