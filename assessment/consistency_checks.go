package assessment

import "slices"

// ConsistencyCheck is one check of §4.2: the warning kind it raises, a short name, and what
// it looks for, in plain words. The report's assessment-quality section prints this table, so
// it lists exactly the checks the rules run.
type ConsistencyCheck struct {
	Kind     string
	Name     string
	LooksFor string
}

// ConsistencyChecks returns the checks behind the consistency warnings, in the order the
// report lists them. A test proves every warning the rules raise has its row here.
func ConsistencyChecks() []ConsistencyCheck { return slices.Clone(consistencyChecks) }

var consistencyChecks = []ConsistencyCheck{
	{"unsupported_conformity", "Conformant without valid evidence", "an item judged conformant with no evidence item that can support it and is still valid"},
	{"maturity_contradicts_status", "Maturity at odds with status", "nonconformant with maturity 3 or more, or conformant with maturity 2 or less"},
	{"risk_work_without_register", "Risk work with an empty register", "6.1.2, 6.1.3, 8.2 or 8.3 judged conformant while the AI risk register is empty"},
	{"impact_work_not_done", "Impact work not done", "6.1.4, 8.4 or A.5.2 to A.5.5 judged conformant while an in-scope AI system has no current impact assessment"},
	{"impact_assessment_overdue", "Impact assessment over a year old", "an in-scope medium- or low-impact AI system whose impact assessment is more than 12 months old"},
	{"high_impact_system_out_of_scope", "High-impact system out of scope", "a high-impact AI system left out of scope while other high-impact systems are in"},
	{"evidence_not_available", "Evidence requests not available", "an item judged conformant although every evidence request supporting it is marked not available"},
	{"checklist_contradicted", "Readiness checklist contradicted", "an item judged conformant while the readiness-checklist condition resting on it does not hold in the data"},
	{"kpi_contradicts_judgement", "KPI contradicts the judgement", "an item judged conformant while the computed KPI behind it falls short of full coverage"},
	{"failed_test_conformant", "Conformant despite a failed test", "a control judged conformant whose operating-effectiveness test concluded ineffective"},
	{"effective_test_nonconformant", "Nonconformant despite an effective test", "a control judged nonconformant whose operating-effectiveness test concluded effective"},
	{"risk_treated_by_failed_control", "Risk treated by a failed control", "a risk the register counts as treated with a control whose operating-effectiveness test concluded ineffective"},
	{"exclusion_with_high_impact_system", "Exclusion while high-impact systems are in scope", "an impact, life-cycle, data, information or use control excluded while a high-impact AI system is in scope"},
	{"excluded_control_treats_risk", "Excluded control relied on by a risk", "an excluded control that the risk register treats a risk with"},
}
