package checklists

// The names below are the vocabulary a catalogue's rules may use. Package assessment
// implements each one; its tests fail if a name here has no implementation.

// Conditions are facts about the assessment data that readiness checklist entries require
// and common gaps detect when they fail.
var Conditions = []string{
	"governance_lead_named",         // the AIMS manager role has a named holder
	"inventory_complete",            // inventory non-empty; every system has owner, stage and a role
	"roles_per_system",              // every system has at least one AI role
	"scope_defined",                 // scope statement and boundaries recorded
	"risk_register_present",         // at least one risk in the register
	"impact_assessments_current",    // every in-scope system has a current impact assessment
	"soa_justified",                 // every exclusion is justified, not required, not relied on by a risk
	"included_controls_conformant",  // every included control is conformant, none tested ineffective
	"ncs_verified",                  // every nonconformity is verified effective
	"evidence_requests_received",    // every evidence request is received
	"certification_body_named",      // the certification plan names a body
	"exclusions_credible",           // no exclusion is weak or touches a high-impact system
	"nonconformities_raised",        // gaps have led to at least one nonconformity being raised
	"audit_findings_answered",       // every internal-audit finding has a correction or corrective action
	"internal_audit_cycle_complete", // internal audits held in the last 12 months cover every item of R
	"management_review_complete",    // a management review of the last 12 months considered every 9.3.2 input
	"training_recorded",             // training records of the last 12 months exist
}

// ItemTests are the tests a common gap applies to its listed items; the gap is found when any
// listed item passes the test.
var ItemTests = []string{
	"nonconformant",          // judged nonconformant
	"not_conformant",         // judged partially conformant or nonconformant
	"unassessed_or_excluded", // not assessed yet, or excluded in the SoA
}

// SystemSelectors pick the AI systems a common gap is about; the gap needs at least one.
var SystemSelectors = []string{
	"with_suppliers",                // in scope and built on third-party components
	"in_operation",                  // in scope and in operation
	"high_impact_without_oversight", // in scope, high impact, no documented human oversight
}

// ComputedKPIs are the KPI rules derived from assessment data.
var ComputedKPIs = []string{
	"impact_assessment_coverage",
	"controls_effective",
	"open_risks",
	"nonconformities",
	"suppliers_assessed",
	"human_oversight_coverage",
	"training_completion", // the competence and training records of the last 12 months
	"incident_response",   // MTTD and MTTR from the AI incident register
}

// ImpactLevels are the impact levels an AI system may have; required-controls rows may name them.
var ImpactLevels = []string{"low", "medium", "high"}
