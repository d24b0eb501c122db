package report

import (
	"fmt"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"

	"aimsbench/assessment"
)

// riskStates maps the register's risk statuses onto OSCAL's: a treated risk is resolved to
// its residual rating, an accepted one is an approved deviation. The register's own word
// stays in the risk-status property.
var riskStates = map[string]string{
	"open":     "open",
	"treated":  "closed",
	"accepted": "deviation-approved",
	"closed":   "closed",
}

// risk is the UUID of a risk of the register.
func (x *oscalExport) risk(r assessment.Risk) string { return x.uuid("risk", fmt.Sprint(r.ID)) }

// registerRisks is the organisation's AI risk register as OSCAL risks: the ratings before and
// after treatment as facets, the Annex A controls that treat each risk as mitigating factors
// and the treatment option as a remediation.
func (x *oscalExport) registerRisks() []oscal.Risk {
	var out []oscal.Risk
	for _, r := range x.a.Risks {
		state, ok := riskStates[r.Status]
		if !ok {
			state = "open"
		}
		var p props
		p.ours("risk-status", r.Status)
		p.ours("owner", r.Owner)
		p.ours("raised", isoDate(r.Raised))
		p.ours("annex-c-risk-source", r.Source)
		p.ours("annex-c-objective", r.Objective)
		if s := x.systemName(r.SystemID); s != "" {
			p.ours("ai-system", s)
		}
		risk := oscal.Risk{
			UUID: x.risk(r), Title: markupLine(riskLabel(r)+" "+r.Title, riskLabel(r)), Status: state, Props: p.list(),
			Description: "A risk of the organisation's AI risk register.", Statement: ratingSentence(r),
			Characterizations: x.ratings(r), MitigatingFactors: some(x.mitigations(r)),
		}
		if r.Treatment != "" {
			lifecycle := "planned"
			if state != "open" {
				lifecycle = "completed"
			}
			risk.Remediations = &[]oscal.Response{{UUID: x.uuid("risk-treatment", fmt.Sprint(r.ID)), Lifecycle: lifecycle,
				Title: markupLine("Treatment: "+r.Treatment, "Treatment"), Description: "The treatment option the register records for the risk."}}
		}
		out = append(out, risk)
	}
	return out
}

// systemName is the name of an AI system of the inventory, "" when there is none.
func (x *oscalExport) systemName(id int64) string {
	for _, s := range x.a.Systems {
		if s.ID == id && id != 0 {
			return s.Name
		}
	}
	return ""
}

// ratingSentence states a risk's ratings before and after treatment.
func ratingSentence(r assessment.Risk) string {
	rating := func(l, i int) string {
		if l < 1 || l > 5 || i < 1 || i > 5 {
			return "not rated"
		}
		return fmt.Sprintf("likelihood %d × impact %d (%s)", l, i, assessment.Severity(l, i))
	}
	return fmt.Sprintf("Before treatment: %s. After treatment: %s.",
		rating(r.Likelihood, r.Impact), rating(r.ResidualLikelihood, r.ResidualImpact))
}

// ratings are a risk's likelihood and impact before and after treatment as facets, as the
// organisation's register gives them.
func (x *oscalExport) ratings(r assessment.Risk) *[]oscal.Characterization {
	var facets []oscal.Facet
	for _, f := range []struct {
		name  string
		value int
	}{{"likelihood", r.Likelihood}, {"impact", r.Impact}, {"residual-likelihood", r.ResidualLikelihood}, {"residual-impact", r.ResidualImpact}} {
		if f.value >= 1 && f.value <= 5 {
			facets = append(facets, oscal.Facet{Name: f.name, System: oscalNS, Value: fmt.Sprint(f.value)})
		}
	}
	if len(facets) == 0 {
		return nil
	}
	origin := oscal.Origin{Actors: []oscal.OriginActor{{Type: "party", ActorUuid: x.organisation(), RoleId: "prepared-for"}}}
	return &[]oscal.Characterization{{Origin: origin, Facets: facets}}
}

// mitigations are the Annex A controls a risk is treated with, each saying whether the
// Statement of Applicability includes it.
func (x *oscalExport) mitigations(r assessment.Risk) []oscal.MitigatingFactor {
	var out []oscal.MitigatingFactor
	for _, id := range r.Controls {
		text := "Treated with " + escapeMarkdown(plainText(id))
		if item, ok := x.cat.Item(id); ok {
			text = fmt.Sprintf("Treated with %s, which the Statement of Applicability has %s.",
				markupLine(item.ID+" "+item.Title, item.ID), x.a.Result(item).Decision)
		}
		out = append(out, oscal.MitigatingFactor{UUID: x.uuid("risk-control", fmt.Sprint(r.ID), id), Description: text})
	}
	return out
}
