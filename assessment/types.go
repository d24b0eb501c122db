package assessment

import "time"

// Assessment is one readiness assessment of one organisation: everything the assessor
// records, in plain values. Package store persists it; the rules in this package judge it.
type Assessment struct {
	ID               string       `json:"id"`
	Title            string       `json:"title"`
	Organisation     Organisation `json:"organisation"`
	Assessor         string       `json:"assessor"`
	StartDate        time.Time    `json:"start_date"`
	EndDate          time.Time    `json:"end_date"`
	Classification   string       `json:"classification"` // e.g. "Confidential"
	ReportVersion    string       `json:"report_version"` // version printed on the report, e.g. "1.0"
	CatalogueID      string       `json:"catalogue_id"`   // catalogue the assessment was made with
	CatalogueVersion string       `json:"catalogue_version"`
	PreviousID       string       `json:"previous_id"` // the earlier cycle this one was copied from
	Created          time.Time    `json:"created"`
	Updated          time.Time    `json:"updated"`
	SignOff          SignOff      `json:"sign_off,omitzero"` // recorded when the report is finalised

	Scope         Scope                    `json:"scope"`
	Certification CertificationPlan        `json:"certification"`
	RoleHolders   []RoleHolder             `json:"role_holders"`
	Systems       []AISystem               `json:"systems"`
	Results       map[string]*Result       `json:"results"` // by catalogue item ID
	Risks         []Risk                   `json:"risks"`
	Tests         []ControlTest            `json:"tests"`
	NCs           []Nonconformity          `json:"nonconformities"`
	Requests      map[string]RequestStatus `json:"evidence_requests"` // by evidence request ID
	KPIValues     map[string]KPIValue      `json:"kpi_values"`        // manual KPIs by KPI ID
	RiskCriteria  RiskCriteria             `json:"risk_criteria,omitzero"`

	// The field records of SPEC §11; each is left out of a bundle when empty, so a bundle
	// written before them imports unchanged.
	Audits     []InternalAudit    `json:"internal_audits,omitempty"`
	Reviews    []ManagementReview `json:"management_reviews,omitempty"`
	Suppliers  []Supplier         `json:"suppliers,omitempty"`
	Training   []TrainingRecord   `json:"training,omitempty"`
	Incidents  []Incident         `json:"incidents,omitempty"`
	Interviews []Interview        `json:"interviews,omitempty"`
}

// RiskCriteria are the organisation's AI risk criteria (6.1.1) on the 5×5 scale, as scores of
// likelihood × impact from 1 to 25. Appetite is the highest residual score the organisation is
// prepared to carry; Acceptance the score up to which a risk owner may accept a residual risk
// without escalation. Zero means not recorded.
type RiskCriteria struct {
	Appetite   int `json:"appetite"`
	Acceptance int `json:"acceptance"`
}

// Organisation is the client being assessed.
type Organisation struct {
	Name    string `json:"name"`
	Sector  string `json:"sector"`
	Size    string `json:"size"`
	Address string `json:"address"`
	Contact string `json:"contact"`
}

// Scope is the AIMS scope as the assessor found it.
type Scope struct {
	Statement  string      `json:"statement"`
	Boundaries string      `json:"boundaries"` // units, sites, cloud environments, product lines
	Interfaces string      `json:"interfaces"` // third parties and how responsibility is split
	Exclusions []Exclusion `json:"exclusions"`
	Alignment  string      `json:"alignment"` // relation to ISO/IEC 27001/27701 scopes
}

// Exclusion is something left out of the AIMS scope, with the reason.
type Exclusion struct {
	What          string `json:"what"`
	Justification string `json:"justification"`
}

// CertificationPlan records the certification body and the Stage 1 and Stage 2 audit dates
// when known; the later audits of the certificate's three-year cycle follow from Stage 2
// (CertificationPath).
type CertificationPlan struct {
	Body   string    `json:"body"`
	Stage1 time.Time `json:"stage1"`
	Stage2 time.Time `json:"stage2"`
}

// RoleHolder names who holds one of the catalogue's governance roles at the client.
type RoleHolder struct {
	RoleID  string `json:"role_id"`
	Name    string `json:"name"`
	Contact string `json:"contact"`
}

// AISystem is one entry of the AI system inventory.
type AISystem struct {
	ID                     int64        `json:"id"`
	Name                   string       `json:"name"`
	Purpose                string       `json:"purpose"`
	Owner                  string       `json:"owner"`
	Stage                  string       `json:"stage"` // catalogue life-cycle stage ID
	Roles                  []string     `json:"roles"` // catalogue AI role IDs
	Impact                 Impact       `json:"impact"`
	InScope                bool         `json:"in_scope"`
	ExclusionJustification string       `json:"exclusion_justification"`
	Suppliers              string       `json:"suppliers"`         // third-party components, models, data
	SupplierAssessed       bool         `json:"supplier_assessed"` // superseded by the supplier register, which KPI-09 reads; kept so older bundles import
	PersonalData           bool         `json:"personal_data"`
	HumanOversight         bool         `json:"human_oversight"`      // documented human oversight
	AISIADate              time.Time    `json:"aisia_date"`           // last impact assessment; zero: none
	LastChange             time.Time    `json:"last_change"`          // last significant change
	AffectedGroups         string       `json:"affected_groups"`      // who the impact assessment considered
	Harms                  string       `json:"harms"`                // harms considered
	ImpactToRiskTrace      bool         `json:"impact_to_risk_trace"` // impact findings traced to risk treatment
	EUAIAct                EUAIActClass `json:"eu_ai_act,omitzero"`   // indicative, never legal advice
}

// Result is the assessor's judgement of one clause requirement or Annex A control.
type Result struct {
	ItemID         string     `json:"item_id"`
	Status         Status     `json:"status"`
	Maturity       int        `json:"maturity"` // 1–5, 0 unset
	Target         int        `json:"target"`   // 1–5, 0 means DefaultTarget
	Decision       Decision   `json:"soa"`      // controls only
	Justification  string     `json:"soa_justification"`
	Evidence       []Evidence `json:"evidence"`
	Finding        string     `json:"finding"`
	Recommendation string     `json:"recommendation"`
	Owner          string     `json:"owner"`
	Due            time.Time  `json:"due"`
	Priority       Priority   `json:"priority"`
}

// Evidence is one item of evidence seen for a requirement. A file is referenced, not copied:
// its path, size and SHA-256 at attach time let verify detect later changes. Collected is the
// day the evidence was produced or obtained, ValidUntil the last day it may be relied on (a
// certificate's expiry, a report's review date); both are optional, and zero means not known
// or without end.
type Evidence struct {
	Title      string    `json:"title"`
	Kind       string    `json:"kind"` // document, record, interview, observation, system
	Reference  string    `json:"reference"`
	Path       string    `json:"path"`
	Size       int64     `json:"size"`
	SHA256     string    `json:"sha256"`
	AttachedAt time.Time `json:"attached_at"`
	Collected  time.Time `json:"collected,omitzero"`
	ValidUntil time.Time `json:"valid_until,omitzero"`
	Interview  int       `json:"interview,omitempty"` // the interview log entry it cites (kind interview)
}

// Risk is an entry of the light AI risk register.
type Risk struct {
	ID                 int64     `json:"id"`
	Title              string    `json:"title"`
	SystemID           int64     `json:"system_id"`  // 0: not tied to one system
	Source             string    `json:"source"`     // Annex C risk source ID
	Objective          string    `json:"objective"`  // Annex C objective ID
	Likelihood         int       `json:"likelihood"` // 1–5
	Impact             int       `json:"impact"`     // 1–5
	Treatment          string    `json:"treatment"`  // modify, avoid, share, retain
	Controls           []string  `json:"controls"`   // Annex A controls that treat it
	ResidualLikelihood int       `json:"residual_likelihood"`
	ResidualImpact     int       `json:"residual_impact"`
	Owner              string    `json:"owner"`
	Status             string    `json:"status"` // open, treated, accepted, closed
	Raised             time.Time `json:"raised"`
}

// ControlTest is an operating-effectiveness test of one included control.
type ControlTest struct {
	ControlID             string     `json:"control_id"`
	Procedure             string     `json:"procedure"`
	Methods               []string   `json:"methods"`   // inquiry, observation, inspection, reperformance
	Nature                string     `json:"nature"`    // manual, automated
	Frequency             string     `json:"frequency"` // catalogue frequency ID, or "event"
	PeriodStart           time.Time  `json:"period_start"`
	PeriodEnd             time.Time  `json:"period_end"`
	Population            int        `json:"population"`
	Elevated              bool       `json:"elevated"` // covers an in-scope high-impact system
	SizeOverride          int        `json:"size_override"`
	OverrideReason        string     `json:"override_reason"`
	Seed                  uint64     `json:"seed"`
	Samples               []Sample   `json:"samples"`
	ConclusionOverride    Conclusion `json:"conclusion_override"`
	OverrideJustification string     `json:"override_justification"`
}

// Sample is one selected item of a control test.
type Sample struct {
	Ref      string       `json:"ref"`
	Result   SampleResult `json:"result"`
	Note     string       `json:"note"`
	Evidence string       `json:"evidence"`
}

// SampleResult is the outcome of testing one sample.
type SampleResult string

// Sample outcomes.
const (
	NotTested SampleResult = "not_tested"
	Pass      SampleResult = "pass"
	Exception SampleResult = "exception"
)

// Conclusion is the outcome of a control test.
type Conclusion string

// Test conclusions of §5.
const (
	NotConcluded Conclusion = "not_concluded"
	Effective    Conclusion = "effective"
	Ineffective  Conclusion = "ineffective"
)

// Nonconformity is a finding tracked to verified closure.
type Nonconformity struct {
	Number           int       `json:"number"` // shown as NC-001
	ItemID           string    `json:"item_id"`
	Source           string    `json:"source"` // gap, test, internal_audit, other
	Grade            Grade     `json:"grade"`
	Description      string    `json:"description"`
	RootCause        string    `json:"root_cause"`
	Correction       string    `json:"correction"`
	CorrectiveAction string    `json:"corrective_action"`
	Owner            string    `json:"owner"`
	Due              time.Time `json:"due"`
	Status           NCStatus  `json:"status"`
	Raised           time.Time `json:"raised"`
	Closed           time.Time `json:"closed"`
	CheckDate        time.Time `json:"check_date"`
	CheckBy          string    `json:"check_by"`
	CheckResult      string    `json:"check_result"`
	// Withdrawn is the day a nonconformity raised in error was withdrawn, with the reason;
	// both are empty for every other one (and in bundles written before withdrawal existed).
	Withdrawn       time.Time `json:"withdrawn,omitzero"`
	WithdrawnReason string    `json:"withdrawn_reason,omitempty"`
}

// RequestState is where an evidence request stands in its life: asked for, in hand, looked
// at, or reported missing by the client.
type RequestState string

// Evidence request states; an absent entry or an empty state means not requested yet.
const (
	NotRequested RequestState = "not_requested"
	Requested    RequestState = "requested"
	Received     RequestState = "received"
	Reviewed     RequestState = "reviewed"
	NotAvailable RequestState = "not_available"
)

// RequestStatus is one entry of the evidence request working list: its state, the day it
// reached each state, and who at the client provides it. Databases and version-1 bundles
// hold the state alone, as a string; UnmarshalJSON reads both forms.
type RequestStatus struct {
	State       RequestState `json:"state"`
	Requested   time.Time    `json:"requested,omitzero"`
	Received    time.Time    `json:"received,omitzero"`
	Reviewed    time.Time    `json:"reviewed,omitzero"`
	Unavailable time.Time    `json:"not_available,omitzero"` // the day the client said it does not exist
	Contact     string       `json:"contact,omitzero"`       // who at the client provides it
	Note        string       `json:"note,omitzero"`
}

// SignOff records who signed the report off as final, in what capacity and when. Recording it
// finalises the assessment (see Finalised): its report is FINAL and it takes no edit until it
// is reopened.
type SignOff struct {
	By   string    `json:"by"`
	Role string    `json:"role"`
	Date time.Time `json:"date"`
	Key  string    `json:"key,omitempty"` // fingerprint of the signing key of whoever finalised it
}

// KPIValue is a manually entered KPI reading.
type KPIValue struct {
	Value  string    `json:"value"`
	Target string    `json:"target"`
	Date   time.Time `json:"date"`
}

// Header is what a list of assessments shows without loading each one whole.
type Header struct {
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	Organisation string    `json:"organisation"`
	Updated      time.Time `json:"updated"`
}
