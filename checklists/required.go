package checklists

import (
	"fmt"
	"slices"
	"strings"
)

// ControlRequirement is one row of the table of controls the organisation's situation
// requires: when any in-scope AI system has one of Roles, is in one of Stages, is of one of
// Impacts, or (Suppliers) relies on third-party components, none of Controls may be excluded
// from the Statement of Applicability. A firm may tailor the table in its own catalogue.
type ControlRequirement struct {
	ID        string   `json:"id"`
	Roles     []string `json:"roles,omitempty"`     // AI role IDs
	Stages    []string `json:"stages,omitempty"`    // life-cycle stage IDs
	Impacts   []string `json:"impacts,omitempty"`   // impact levels (ImpactLevels)
	Suppliers bool     `json:"suppliers,omitempty"` // the system is built on third-party components
	// AnySystem applies the row whenever an AI system is in scope: the controls that carry
	// out what clauses 4–10 require of every AI management system.
	AnySystem bool     `json:"any_system,omitempty"`
	Because   string   `json:"because,omitempty"` // the reason in the catalogue's words, if not worded from the situation
	Controls  []string `json:"controls"`          // Annex A controls it requires
}

// Sources says where the catalogue's cross-references come from and how far a reader may
// rely on them: the NIST AI RMF crosswalk used (and the entries left out of it), and the
// status of the EU AI Act alignment, which is indicative only.
type Sources struct {
	NISTAIRMF string `json:"nist_ai_rmf"`
	EUAIAct   string `json:"eu_ai_act"`
}

// requiredControls checks the table of controls the situation requires: each row has an ID,
// at least one criterion from the catalogue's vocabularies and at least one Annex A control.
func (v *validator) requiredControls() {
	c := v.cat
	roles, stages, ids := termIDs(c.AIRoles), termIDs(c.LifecycleStages), map[string]bool{}
	for i, r := range c.RequiredControls {
		p := fmt.Sprintf("required_controls[%d]", i)
		switch {
		case strings.TrimSpace(r.ID) == "":
			v.add(p+".id", "a required-controls row has no id")
		case ids[r.ID]:
			v.add(p+".id", "duplicate ID %q", r.ID)
		}
		ids[r.ID] = true
		if len(r.Roles) == 0 && len(r.Stages) == 0 && len(r.Impacts) == 0 && !r.Suppliers && !r.AnySystem {
			v.add(p, "required-controls row %q names no situation (roles, stages, impacts, suppliers or any_system), so it never applies", r.ID)
		}
		for j, role := range r.Roles {
			if !roles[role] {
				v.add(fmt.Sprintf("%s.roles[%d]", p, j), "unknown AI role %q; the catalogue's ai_roles define the IDs", role)
			}
		}
		for j, stage := range r.Stages {
			if !stages[stage] {
				v.add(fmt.Sprintf("%s.stages[%d]", p, j), "unknown life-cycle stage %q; the catalogue's lifecycle_stages define the IDs", stage)
			}
		}
		for j, impact := range r.Impacts {
			v.vocabulary(fmt.Sprintf("%s.impacts[%d]", p, j), "impact level", impact, ImpactLevels)
		}
		if len(r.Controls) == 0 {
			v.add(p+".controls", "required-controls row %q requires no control", r.ID)
		}
		v.controlRefs(p+".controls", r.Controls)
	}
}

// controlRefs checks that every ID in a list names an Annex A control.
func (v *validator) controlRefs(path string, ids []string) {
	v.refs(path, ids)
	for j, id := range ids {
		if at, ok := v.seen[id]; ok && v.cat.Items[indexOf(at)].Kind == KindClause {
			v.add(fmt.Sprintf("%s[%d]", path, j), "reference to %q, which is a clause requirement, not an Annex A control", id)
		}
	}
}

// IndicativeEUAIAct is the label a catalogue's EU AI Act alignment carries when its file
// gives none: no official control-level mapping between the standard and the Act exists.
const IndicativeEUAIAct = "Indicative only: no official control-level mapping between ISO/IEC 42001 and the EU AI Act exists. " +
	"The articles named are where a reader would look first, not a statement of legal compliance, and are not legal advice."

// labelSources gives a catalogue that maps items to the EU AI Act, but does not say how far
// to rely on that, the indicative label, so no output shows the articles unlabelled.
func (v *validator) labelSources() {
	c := v.cat
	if strings.TrimSpace(c.Sources.EUAIAct) == "" && slices.ContainsFunc(c.Items, func(it Item) bool { return len(it.EUAIAct) > 0 }) {
		c.Sources.EUAIAct = IndicativeEUAIAct
	}
}

func termIDs(terms []Term) map[string]bool {
	ids := make(map[string]bool, len(terms))
	for _, t := range terms {
		ids[t.ID] = true
	}
	return ids
}
