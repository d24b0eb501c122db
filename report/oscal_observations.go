package report

import (
	"fmt"
	"slices"
	"strings"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// evidenceMethods maps an evidence item's kind onto the OSCAL method that produced it:
// documents, records, systems and what was seen on site are examined; interviews, and the
// client's written answers to the questionnaire, are inquiry. Tests carry TEST (see
// testObservation).
var evidenceMethods = map[string]string{
	"document":                       methodExamine,
	"record":                         methodExamine,
	"observation":                    methodExamine,
	"system":                         methodExamine,
	"interview":                      methodInterview,
	assessment.EvidenceQuestionnaire: methodInterview,
}

// testMethods maps a control test's methods onto OSCAL's: inquiry is an interview,
// observation and inspection examine, re-performance tests.
var testMethods = map[string]string{
	"inquiry":       methodInterview,
	"observation":   methodExamine,
	"inspection":    methodExamine,
	"reperformance": methodTest,
}

// observations lists what the findings rest on: one observation per evidence item of each
// item of R, one per operating-effectiveness test of an included control and one per
// interview of the log (related to the finding of every item it discussed). It returns
// them with their UUIDs by item ID, and a back-matter resource for each evidence file
// holding its path and SHA-256.
func (x *oscalExport) observations() (out []oscal.Observation, byItem map[string][]string, files []oscal.Resource) {
	byItem = map[string][]string{}
	for _, item := range x.items {
		for i, e := range x.a.Result(item).Evidence {
			obs, file := x.evidenceObservation(item, i, e)
			out = append(out, obs)
			byItem[item.ID] = append(byItem[item.ID], obs.UUID)
			if file != nil {
				files = append(files, *file)
			}
		}
		if t := x.a.TestOf(item.ID); t != nil {
			obs := x.testObservation(item, t)
			out = append(out, obs)
			byItem[item.ID] = append(byItem[item.ID], obs.UUID)
		}
	}
	for _, iv := range x.a.Interviews {
		obs := x.interviewObservation(iv)
		out = append(out, obs)
		for _, item := range x.items {
			if iv.Discussed(x.cat, item.ID) {
				byItem[item.ID] = append(byItem[item.ID], obs.UUID)
			}
		}
	}
	return out, byItem, files
}

// interviewObservation is an interview of the log as an observation made by INTERVIEW. Its
// subject is the organisation assessed, a party, since OSCAL's subjects are parties,
// components and the like, not requirements; the items discussed are named in a property
// each and reached from their findings, which relate the observation.
func (x *oscalExport) interviewObservation(iv assessment.Interview) oscal.Observation {
	var p props
	p.ours("interview", iv.Label())
	for _, id := range iv.Items {
		p.ours("item-discussed", id)
	}
	who := markupLine(iv.Name, "someone unnamed")
	if role := markupLine(iv.Role, ""); role != "" {
		who += ", " + role
	}
	description := fmt.Sprintf("Interview %s with %s on %s.", iv.Label(), who, isoDate(iv.Date))
	if len(iv.Items) > 0 {
		description += " Items discussed: " + markupLine(strings.Join(iv.Items, ", "), "none") + "."
	}
	if notes := markupProse(iv.Notes); notes != "" {
		description += "\n\n" + notes
	}
	return oscal.Observation{
		UUID: x.uuid("observation", "interview", fmt.Sprint(iv.Number)), Title: "Interview " + iv.Label(),
		Description: description, Methods: []string{methodInterview}, Types: &[]string{"control-objective"},
		Collected: x.at(iv.Date), Props: p.list(),
		Subjects: &[]oscal.SubjectReference{{SubjectUuid: x.organisation(), Type: "party", Title: who}},
	}
}

// evidenceObservation is one evidence item as an observation, with its file as a resource
// when one was fingerprinted.
func (x *oscalExport) evidenceObservation(item checklists.Item, n int, e assessment.Evidence) (oscal.Observation, *oscal.Resource) {
	method, ok := evidenceMethods[e.Kind]
	if !ok {
		method = methodExamine
	}
	kind := orText(plainText(e.Kind), "evidence")
	about := markupLine(item.ID+" "+item.Title, item.ID)
	var p props
	p.ours("evidence-kind", e.Kind)
	obs := oscal.Observation{
		UUID: x.uuid("observation", item.ID, fmt.Sprint(n)), Title: markupLine(e.Title, kind),
		Description: fmt.Sprintf("Evidence (%s) for %s.", escapeMarkdown(kind), about),
		Methods:     []string{method}, Types: &[]string{"control-objective"},
		Collected: x.at(e.AttachedAt), Props: p.list(),
	}
	evidence := oscal.RelevantEvidence{Description: markupProse(orText(e.Reference, orText(e.Title, kind)))}
	var file *oscal.Resource
	if strings.TrimSpace(e.Path) != "" {
		id := x.uuid("evidence-file", item.ID, fmt.Sprint(n))
		link := oscal.ResourceLink{Href: fileURI(e.Path)}
		if sum := plainText(e.SHA256); sum != "" {
			link.Hashes = &[]oscal.Hash{{Algorithm: "SHA-256", Value: sum}}
		}
		var fp props
		fp.ours("size-bytes", fmt.Sprint(e.Size))
		file = &oscal.Resource{UUID: id, Title: markupLine(e.Title, kind), Rlinks: &[]oscal.ResourceLink{link}, Props: fp.list()}
		evidence.Href = "#" + id
	}
	obs.RelevantEvidence = &[]oscal.RelevantEvidence{evidence}
	return obs, file
}

// testObservation is an operating-effectiveness test as an observation made by TEST (and
// whatever its methods add), with each sample as relevant evidence.
func (x *oscalExport) testObservation(item checklists.Item, t *assessment.ControlTest) oscal.Observation {
	methods := []string{methodTest}
	for _, m := range t.Methods {
		if om, ok := testMethods[m]; ok && !slices.Contains(methods, om) {
			methods = append(methods, om)
		}
	}
	slices.Sort(methods) // EXAMINE, INTERVIEW, TEST
	size := t.Size(x.cat.Sampling)
	conclusion := t.Conclusion(x.cat.Sampling)
	var p props
	p.ours("conclusion", string(conclusion))
	p.ours("sample-size", fmt.Sprint(size))
	p.ours("population", fmt.Sprint(t.Population))
	p.ours("seed", fmt.Sprint(t.Seed))
	p.ours("exceptions", fmt.Sprint(t.Exceptions()))
	description := fmt.Sprintf("%d of a sample of %d tested, with %d exceptions; conclusion: %s.",
		t.Tested(), size, t.Exceptions(), markupLine(strings.ReplaceAll(string(conclusion), "_", " "), "not concluded"))
	if proc := markupProse(t.Procedure); proc != "" {
		description = proc + "\n\n" + description
	}
	if why := markupProse(t.OverrideJustification); why != "" && t.ConclusionOverride != "" {
		description += " The assessor overrode the conclusion: " + why
	}
	var samples []oscal.RelevantEvidence
	for _, s := range t.Samples {
		var sp props
		sp.ours("sample-result", string(s.Result))
		text := markupLine(s.Ref, "sample") + ": " + markupLine(strings.ReplaceAll(string(s.Result), "_", " "), "not tested")
		if note := markupProse(s.Note); note != "" {
			text += ". " + note
		}
		samples = append(samples, oscal.RelevantEvidence{Description: text, Props: sp.list(), Remarks: markupProse(s.Evidence)})
	}
	return oscal.Observation{
		UUID:        x.uuid("observation", item.ID, "test"),
		Title:       markupLine("Operating-effectiveness test of "+item.ID+" "+item.Title, item.ID),
		Description: description, Methods: methods, Types: &[]string{"control-objective"},
		Collected: x.at(t.PeriodEnd), Props: p.list(), RelevantEvidence: some(samples),
	}
}
