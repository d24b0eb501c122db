package checklists

import (
	"fmt"
	"strings"
)

// The catalogue tables the field records of the second edition (SPEC §11) refer to: the
// inputs a management review must consider (9.3.2) and the EU AI Act categories an AI system
// may be classified in. They are facts a firm may tailor, so they are data, checked at load.

// EUAIActTable is the catalogue's indicative reading of the EU AI Act (Regulation (EU)
// 2024/1689) for classifying AI systems: the categories, the areas of its Annex III, and the
// obligations each points to. Note says how far a reader may rely on it; it is never legal
// advice.
type EUAIActTable struct {
	Note       string            `json:"note"`
	Categories []EUAIActCategory `json:"categories"`
	AnnexIII   []AnnexIIIArea    `json:"annex_iii_areas"`
}

// EUAIActCategory is one way the Act may treat an AI system (prohibited practice, high-risk,
// transparency obligations, minimal risk). NeedsArea says a system in it must name the
// Annex III area its use falls in.
type EUAIActCategory struct {
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	NeedsArea   bool         `json:"needs_area,omitempty"`
	Obligations []Obligation `json:"obligations"`
}

// AnnexIIIArea is one of the areas of use the Act's Annex III lists as high-risk, with the
// obligations that come on top of those of every high-risk system.
type AnnexIIIArea struct {
	ID          string       `json:"id"`
	Point       string       `json:"point"` // the point number in Annex III
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Obligations []Obligation `json:"obligations"`
}

// Obligation is one duty the Act places, named by its article and said in our own words.
type Obligation struct {
	Article string `json:"article"`
	Duty    string `json:"duty"`
}

// IndicativeClassification is the note a catalogue's EU AI Act classification table carries
// when its file gives none, so no classification is ever shown as legal advice.
const IndicativeClassification = "Indicative only, not legal advice: the category and obligations shown are a first reading of the EU AI Act " +
	"for planning purposes, to be confirmed by the organisation's legal counsel."

// CertificationAudits are the certification body's audits a roadmap phase may have to be
// complete before (Phase.Before).
var CertificationAudits = []string{"stage1", "stage2"}

// EUAIActCategory returns the classification category with the given ID.
func (c *Catalogue) EUAIActCategory(id string) (EUAIActCategory, bool) {
	for _, k := range c.EUAIAct.Categories {
		if k.ID == id {
			return k, true
		}
	}
	return EUAIActCategory{}, false
}

// AnnexIIIArea returns the Annex III area with the given ID.
func (c *Catalogue) AnnexIIIArea(id string) (AnnexIIIArea, bool) {
	for _, a := range c.EUAIAct.AnnexIII {
		if a.ID == id {
			return a, true
		}
	}
	return AnnexIIIArea{}, false
}

// fieldRecordTables checks the management-review inputs, the EU AI Act table and the
// certification audit each roadmap phase must precede.
func (v *validator) fieldRecordTables() {
	c := v.cat
	inputs := c.ManagementReviewInputs
	v.named("management_review_inputs", len(inputs), func(i int) (string, string) { return inputs[i].ID, inputs[i].Title })
	t := &c.EUAIAct
	v.named("eu_ai_act_classification.categories", len(t.Categories), func(i int) (string, string) {
		return t.Categories[i].ID, t.Categories[i].Title
	})
	v.named("eu_ai_act_classification.annex_iii_areas", len(t.AnnexIII), func(i int) (string, string) {
		return t.AnnexIII[i].ID, t.AnnexIII[i].Title
	})
	needsArea := false
	for i, k := range t.Categories {
		p := fmt.Sprintf("eu_ai_act_classification.categories[%d]", i)
		needsArea = needsArea || k.NeedsArea
		if len(k.Obligations) == 0 {
			v.add(p+".obligations", "EU AI Act category %q points to no obligation; name at least one article", k.ID)
		}
		v.obligations(p, k.Obligations)
	}
	for i, a := range t.AnnexIII {
		v.obligations(fmt.Sprintf("eu_ai_act_classification.annex_iii_areas[%d]", i), a.Obligations)
	}
	if needsArea && len(t.AnnexIII) == 0 {
		v.add("eu_ai_act_classification.annex_iii_areas", "a category needs an Annex III area, but the table lists none")
	}
	if len(t.Categories) > 0 && strings.TrimSpace(t.Note) == "" {
		t.Note = IndicativeClassification
	}
	for i, ph := range c.Phases {
		if ph.Before != "" {
			v.vocabulary(fmt.Sprintf("phases[%d].before", i), "certification audit", ph.Before, CertificationAudits)
		}
	}
}

// obligations checks that each obligation names its article and says the duty.
func (v *validator) obligations(path string, list []Obligation) {
	for j, o := range list {
		if strings.TrimSpace(o.Article) == "" || strings.TrimSpace(o.Duty) == "" {
			v.add(fmt.Sprintf("%s.obligations[%d]", path, j), "an obligation needs the article and the duty in words")
		}
	}
}
