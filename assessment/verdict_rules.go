package assessment

import (
	"slices"
	"time"

	"aimsbench/checklists"
)

// VerdictRule is one row of the readiness verdict's rule table (SPEC §4.4): the kind of
// blocker, the highest level it allows, and when it applies, in plain words. Evaluate applies
// exactly these rules, and the report's methodology prints this same table, so what the
// report says and what the code does cannot drift apart.
type VerdictRule struct {
	Kind string
	Cap  int
	When string
	find func(f *facts) []Blocker
}

// VerdictRules returns the rule table in the order Evaluate applies it: the rules that cap
// the level at 2 (certification would fail), then those that cap it at 3 (certifiable, not
// yet a strong position).
func VerdictRules() []VerdictRule { return slices.Clone(verdictRules) }

var verdictRules = []VerdictRule{
	{"no_ai_system_in_scope", 2, "No AI system is in scope: a management system that governs no AI system cannot be certified.",
		(*facts).noSystemInScope},
	{"missing_impact_assessment", 2, "An AI system in scope has no impact assessment, or one dated after the report date: an assessment not yet done.",
		(*facts).missingImpactAssessments},
	{"stale_impact_assessment", 2, "An AI system in scope has an impact assessment older than its last significant change, or, for a high-impact system, older than 12 months.",
		(*facts).staleImpactAssessments},
	{"high_impact_out_of_scope", 2, "The inventory holds high-impact AI systems and every one of them is out of scope.",
		(*facts).highImpactOutOfScope},
	{"nonconformant", 2, "A clause requirement or included control is judged nonconformant.",
		(*facts).nonconformant},
	{"partial_without_action", 2, "A requirement or included control is partially conformant, and no open nonconformity against it carries a corrective action and a due date.",
		(*facts).partialWithoutAction},
	{"management_cycle_incomplete", 2, "An internal audit (9.2) or management review (9.3) requirement is not conformant, or the records show the cycle incomplete: no internal audit held in the last 12 months, items of R that none of those audits covered, or no management review in the last 12 months that considered every input 9.3.2 asks for. Certification bodies expect one full cycle of both before Stage 2.",
		(*facts).managementCycleIncomplete},
	{"open_major_nc", 2, "A major nonconformity has not been verified effective: it is open, in progress, reopened, or closed without its effectiveness check.",
		(*facts).openMajorNCs},
	{"unsupported_conformity", 2, "A requirement or included control is judged conformant without any evidence item that is still valid.",
		(*facts).unsupportedConformity},
	{"unjustified_exclusion", 2, "A control is excluded from the Statement of Applicability without an acceptable justification (at least 20 characters and three words, and not a placeholder such as n/a or tbd).",
		(*facts).unjustifiedExclusions},
	{"required_control_excluded", 2, "A control is excluded although the organisation's situation requires it, for example the life-cycle controls when an in-scope system has the AI producer role.",
		(*facts).requiredControlsExcluded},
	{"exclusion_contradicts_risk_treatment", 2, "A control is excluded although a risk in the register is treated with it: the Statement of Applicability must match the risk treatment (6.1.3).",
		(*facts).exclusionsContradictingRiskTreatment},
	{"ineffective_control", 2, "An included control's operating-effectiveness test concluded ineffective, and the assessor has not overridden that conclusion with a justification.",
		(*facts).ineffectiveControls},
	{"partial_conformity", 3, "A requirement or included control is partially conformant, with its corrective action planned in an open nonconformity.",
		(*facts).partialConformity},
	{"controls_not_tested", 3, "An included control has no operating-effectiveness test concluded effective.",
		(*facts).controlsNotTested},
	{"kpis_not_measured", 3, "A KPI has no current value: a manual one not entered in the last 12 months, or a computed one without the data it needs.",
		(*facts).kpisNotMeasured},
	{"overdue_nc", 3, "A nonconformity or other finding is still open after its due date.",
		(*facts).overdueNCs},
}

// blockers applies the rule table: every blocker found, rule by rule, each stamped with its
// rule's kind and cap.
func (f *facts) blockers() []Blocker {
	found, n := make([][]Blocker, len(verdictRules)), 0
	for i, rule := range verdictRules {
		found[i] = rule.find(f)
		n += len(found[i])
	}
	out := make([]Blocker, 0, n)
	for i, rule := range verdictRules {
		for _, b := range found[i] {
			b.Kind, b.Cap = rule.Kind, rule.Cap
			out = append(out, b)
		}
	}
	return out
}

// Blockers lists what holds the level down as of a date (§4.4), rule by rule.
func Blockers(cat *checklists.Catalogue, a *Assessment, asOf time.Time) []Blocker {
	return newFacts(cat, a, asOf).blockers()
}

// managementCycle are the clause headings whose requirements make up one internal audit and
// management review cycle.
var managementCycle = []string{"9.2", "9.3"}

// inRange calls fn for each item of R (clause requirements and included controls) with its result.
func (f *facts) inRange(fn func(item checklists.Item, r *Result)) {
	for i, item := range f.items {
		if f.inR[i] {
			fn(item, f.results[i])
		}
	}
}

// excludedControls calls fn for each control the SoA excludes, with its result.
func (f *facts) excludedControls(fn func(item checklists.Item, r *Result)) {
	for i, item := range f.items {
		if !f.inR[i] {
			fn(item, f.results[i])
		}
	}
}
