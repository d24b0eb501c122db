// Package checklists holds the assessment catalogue: the standard's structure (clauses and
// Annex A controls with our own guidance texts) and the supporting tables an assessor works
// with (evidence requests, maturity model, readiness checklist, common gaps, KPIs, roles,
// roadmap phases, framework mapping, Annex C, sampling). The catalogue is data, embedded
// and validated at load; this package knows nothing about assessments.
package checklists

// Kind says what a catalogue entry is.
type Kind string

// The kinds of catalogue entries. Clauses and controls are assessable; headings and
// objectives only group them.
const (
	KindHeading   Kind = "heading"
	KindClause    Kind = "clause"
	KindObjective Kind = "objective"
	KindControl   Kind = "control"
)

// Item is one entry of the standard's tree: a clause heading, a clause requirement, an
// Annex A objective or an Annex A control.
type Item struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Kind     Kind     `json:"kind"`
	Parent   string   `json:"parent,omitempty"`
	Summary  string   `json:"summary,omitempty"`  // headings and objectives: what the group is about
	Verify   string   `json:"verify,omitempty"`   // assessable items: what the assessor checks
	Evidence string   `json:"evidence,omitempty"` // assessable items: typical evidence
	Hint     string   `json:"hint,omitempty"`     // controls: how clients typically implement it
	NIST     []string `json:"nist,omitempty"`     // NIST AI RMF subcategories from the crosswalk
	EUAIAct  []string `json:"eu_ai_act,omitempty"`
}

// Assessable reports whether the assessor records a judgement on the item.
func (it Item) Assessable() bool { return it.Kind == KindClause || it.Kind == KindControl }

// IsControl reports whether the item is an Annex A control (and so has an SoA decision).
func (it Item) IsControl() bool { return it.Kind == KindControl }

// MaturityLevel is one rung of the five-level capability model.
type MaturityLevel struct {
	Level       int    `json:"level"`
	Name        string `json:"name"`
	Readiness   string `json:"readiness"`
	Description string `json:"description"`
}

// EvidenceCategory groups the documents an assessor requests before fieldwork.
type EvidenceCategory struct {
	ID    string         `json:"id"`
	Title string         `json:"title"`
	Items []EvidenceItem `json:"items"`
}

// EvidenceItem is one document or record on the request list and the requirements it supports.
type EvidenceItem struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Supports []string `json:"supports"`
}

// ChecklistEntry is one line of the readiness checklist. It holds when every listed item is
// conformant and every named condition holds (conditions are evaluated by package assessment).
type ChecklistEntry struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Items       []string `json:"items"`
	Conditions  []string `json:"conditions"`
}

// CommonGap is a frequent weakness and the rule that detects it: it is found when every part
// given is true — an item test on the listed items, a non-empty system selection, and a
// failing condition.
type CommonGap struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Items       []string `json:"items"`
	When        string   `json:"when"`
	Systems     string   `json:"systems"`
	Condition   string   `json:"condition"`
}

// KPI is a key performance indicator; Computed names the rule that derives it from assessment
// data, empty when the assessor enters the value.
type KPI struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Formula  string `json:"formula"`
	Computed string `json:"computed"`
	Unit     string `json:"unit"`
}

// GovernanceRole is one of the AIMS roles whose holder the assessor records.
type GovernanceRole struct {
	ID               string `json:"id"`
	Title            string `json:"title"`
	Responsibilities string `json:"responsibilities"`
}

// Phase is a stage of the implementation roadmap; Items are the requirements whose
// remediation belongs in it.
type Phase struct {
	ID           int      `json:"id"`
	Title        string   `json:"title"`
	StartWeek    int      `json:"start_week"`
	EndWeek      int      `json:"end_week"`
	Activities   string   `json:"activities"`
	Deliverables string   `json:"deliverables"`
	Items        []string `json:"items"`
	Before       string   `json:"before,omitempty"` // the certification audit the phase's work must be done by: stage1 or stage2
}

// FrameworkMapping relates an area of the standard to neighbouring frameworks.
type FrameworkMapping struct {
	Area      string   `json:"area"`
	ISO42001  []string `json:"iso42001"`
	EUAIAct   string   `json:"eu_ai_act"`
	NISTAIRMF string   `json:"nist_ai_rmf"`
	ISO27001  string   `json:"iso27001"`
	ISO23894  string   `json:"iso23894"`
}

// Term is a named entry of a short vocabulary: AI roles, life-cycle stages, Annex C objectives
// and risk sources.
type Term struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

// Sampling is the control-testing sample-size methodology.
type Sampling struct {
	Source      string           `json:"source"`
	Frequencies []FrequencySize  `json:"frequencies"`
	EventDriven []PopulationSize `json:"event_driven"`
}

// FrequencySize gives the sample size for a control that operates at a fixed frequency.
type FrequencySize struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Normal   int    `json:"normal"`
	Elevated int    `json:"elevated"`
}

// PopulationSize gives the sample size for an event-driven control whose population is at
// most MaxPopulation (0: no upper bound). All means the whole population is tested.
type PopulationSize struct {
	MaxPopulation int  `json:"max_population"`
	All           bool `json:"all,omitempty"`
	Normal        int  `json:"normal,omitempty"`
	Elevated      int  `json:"elevated,omitempty"`
}

// Catalogue is a complete, validated catalogue. Build one with Load or Builtin.
type Catalogue struct {
	ID                 string               `json:"id"`
	Version            string               `json:"version"`
	Title              string               `json:"title"`
	Items              []Item               `json:"items"`
	MaturityLevels     []MaturityLevel      `json:"maturity_levels"`
	EvidenceRequests   []EvidenceCategory   `json:"evidence_requests"`
	ReadinessChecklist []ChecklistEntry     `json:"readiness_checklist"`
	CommonGaps         []CommonGap          `json:"common_gaps"`
	KPIs               []KPI                `json:"kpis"`
	GovernanceRoles    []GovernanceRole     `json:"governance_roles"`
	Phases             []Phase              `json:"phases"`
	FrameworkMapping   []FrameworkMapping   `json:"framework_mapping"`
	AnnexCObjectives   []Term               `json:"annex_c_objectives"`
	AnnexCRiskSources  []Term               `json:"annex_c_risk_sources"`
	AIRoles            []Term               `json:"ai_roles"`
	LifecycleStages    []Term               `json:"lifecycle_stages"`
	Sampling           Sampling             `json:"sampling"`
	RequiredControls   []ControlRequirement `json:"required_controls"`
	Sources            Sources              `json:"sources"`

	ManagementReviewInputs []Term       `json:"management_review_inputs,omitempty"` // what a management review must consider (9.3.2)
	EUAIAct                EUAIActTable `json:"eu_ai_act_classification,omitzero"`

	index map[string]int
}

// Item returns the entry with the given ID.
func (c *Catalogue) Item(id string) (Item, bool) {
	i, ok := c.index[id]
	if !ok {
		return Item{}, false
	}
	return c.Items[i], true
}

// Assessable returns the clause requirements and controls in document order.
func (c *Catalogue) Assessable() []Item {
	var out []Item
	for _, it := range c.Items {
		if it.Assessable() {
			out = append(out, it)
		}
	}
	return out
}

// Groups returns the roll-up groups: the clause headings (4–10) and the top-level Annex A
// objectives (A.2–A.10), in document order.
func (c *Catalogue) Groups() []Item {
	var out []Item
	for _, it := range c.Items {
		if it.Parent == "" && (it.Kind == KindHeading || it.Kind == KindObjective) {
			out = append(out, it)
		}
	}
	return out
}

// GroupOf returns the top-level group (clause heading or Annex A objective) an entry belongs to.
func (c *Catalogue) GroupOf(id string) string {
	for {
		it, ok := c.Item(id)
		if !ok || it.Parent == "" {
			return id
		}
		id = it.Parent
	}
}

// Depth is the number of ancestors of an entry; top-level groups have depth 0.
func (c *Catalogue) Depth(id string) int {
	d := 0
	for {
		it, ok := c.Item(id)
		if !ok || it.Parent == "" {
			return d
		}
		d++
		id = it.Parent
	}
}

// MaturityName returns the name of a maturity level, or "" when the level is not in the model.
func (c *Catalogue) MaturityName(level int) string {
	for _, m := range c.MaturityLevels {
		if m.Level == level {
			return m.Name
		}
	}
	return ""
}
