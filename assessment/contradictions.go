package assessment

import (
	"fmt"
	"slices"

	"aimsbench/checklists"
)

// A conformant judgement the data contradicts is a consistency warning (§4.2). Each pair
// below names the items an assessor may judge conformant, the fact the data must show for
// that judgement to stand (a condition of the readiness checklist, or a computed KPI at full
// coverage), and what the check looks at, so the warning says what it checked.

// conditionChecks pair items with the condition the data must meet for them to be conformant.
var conditionChecks = []struct {
	kind, condition, checked string
	items                    []string
}{
	{"risk_work_without_register", "risk_register_present", "the AI risk register", []string{"6.1.2", "6.1.3", "8.2", "8.3"}},
	{"impact_work_not_done", "impact_assessments_current", "the impact assessments of the in-scope AI systems", []string{"6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"}},
	{"checklist_contradicted", "governance_lead_named", "who holds the AIMS manager role", []string{"5.3"}},
	{"checklist_contradicted", "inventory_complete", "the AI system inventory", []string{"4.3", "A.4.2"}},
	{"checklist_contradicted", "roles_per_system", "the AI roles recorded for each system", []string{"4.1"}},
	{"checklist_contradicted", "scope_defined", "the scope statement and boundaries", []string{"4.3"}},
	{"checklist_contradicted", "soa_justified", "the SoA exclusions against the situation and the risk register", []string{"6.1.3", "8.3"}},
	{"checklist_contradicted", "nonconformities_raised", "the nonconformity register against the gaps found", []string{"10.2"}},
	{"checklist_contradicted", "audit_findings_answered", "the responses to internal audit findings", []string{"9.2.2"}},
	{"checklist_contradicted", "training_recorded", "the competence and training records", []string{"7.2", "7.3"}},
}

// kpiChecks pair items with the computed KPI that must show full coverage for them to be
// conformant; the KPI is found in the catalogue by its rule.
var kpiChecks = []struct {
	rule  string
	items []string
}{
	{"suppliers_assessed", []string{"A.10.3"}},
	{"nonconformities", []string{"10.2"}},
	{"open_risks", []string{"6.1.3"}},
}

// contradictions returns the warnings of a conformant item that the data contradicts.
func (f *facts) contradictions(item checklists.Item) []Warning {
	var out []Warning
	for _, c := range conditionChecks {
		if !slices.Contains(c.items, item.ID) {
			continue
		}
		if o := f.condition(c.condition); !o.holds {
			out = append(out, Warning{Kind: c.kind, Item: item.ID, Detail: fmt.Sprintf(
				"%s is judged conformant, but what the records show of %s contradicts it: %s", item.ID, c.checked, o.why)})
		}
	}
	for _, c := range kpiChecks {
		if !slices.Contains(c.items, item.ID) {
			continue
		}
		for _, k := range f.kpiReadings() {
			if k.rule == c.rule && k.Measured && k.short {
				out = append(out, Warning{Kind: "kpi_contradicts_judgement", Item: item.ID, Detail: fmt.Sprintf(
					"%s is judged conformant, but %s %s reads %s", item.ID, k.ID, k.Title, k.Value)})
			}
		}
	}
	return out
}
