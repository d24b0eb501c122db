package report

import (
	"slices"

	oscal "github.com/defenseunicorns/go-oscal/src/types/oscal-1-2-2"

	"aimsbench/checklists"
)

// catalogNotice says what the catalog holds of the standard, and what it does not.
const catalogNotice = "This catalog carries only the standard's clause and control identifiers and their " +
	"short titles. Every objective, method and guidance text in it is aimsbench's own wording and does not " +
	"reproduce the standard; assessors need a licensed copy of the standard itself."

// catalog is the assessment catalogue as an OSCAL catalog: clause headings and Annex A
// objectives become groups, clause requirements and controls become controls. Each control
// carries our guidance as parts: what the assessor verifies (the assessment objective that
// findings point at), the typical evidence to examine, and for Annex A controls the
// implementation hint. Its UUIDs depend on the catalogue alone, not on the assessment.
func (x *oscalExport) catalog() oscal.OscalModels {
	children := map[string][]checklists.Item{}
	var top []checklists.Item
	for _, it := range x.cat.Items {
		if it.Parent == "" {
			top = append(top, it)
		} else {
			children[it.Parent] = append(children[it.Parent], it)
		}
	}
	var groups []oscal.Group
	var loose []oscal.Control // assessable entries without a group (a catalogue may have them)
	for _, it := range top {
		if it.Assessable() {
			loose = append(loose, x.catalogControl(it))
		} else {
			groups = append(groups, x.catalogGroup(it, children))
		}
	}
	var p props
	p.ours("catalogue-id", x.cat.ID)
	md := x.metadata(orText(x.cat.Title, x.cat.ID), orText(x.cat.Version, "1"))
	md.Props, md.Remarks = p.list(), catalogNotice
	return oscal.OscalModels{Catalog: &oscal.Catalog{
		UUID:     stableUUID("catalog", x.cat.ID, x.cat.Version),
		Metadata: md,
		Groups:   some(groups),
		Controls: some(loose),
	}}
}

// catalogGroup is a clause heading or Annex A objective with everything under it. An OSCAL
// group holds either groups or controls, so when a heading mixes sub-headings with
// requirements (clause 6 holds 6.1 beside 6.2), the sub-headings become controls that hold
// their requirements, as a control holds its enhancements.
func (x *oscalExport) catalogGroup(it checklists.Item, children map[string][]checklists.Item) oscal.Group {
	g := oscal.Group{ID: x.ids[it.ID], Class: string(it.Kind), Title: markupLine(it.Title, it.ID), Props: labelProp(it), Parts: x.overview(it)}
	mixed := slices.ContainsFunc(children[it.ID], checklists.Item.Assessable)
	var controls []oscal.Control
	var groups []oscal.Group
	for _, c := range children[it.ID] {
		switch {
		case c.Assessable():
			controls = append(controls, x.catalogControl(c))
		case mixed:
			controls = append(controls, x.headingControl(c, children))
		default:
			groups = append(groups, x.catalogGroup(c, children))
		}
	}
	g.Controls, g.Groups = some(controls), some(groups)
	return g
}

// headingControl is a sub-heading placed among requirements: a control with no objective of
// its own that holds the requirements under it.
func (x *oscalExport) headingControl(it checklists.Item, children map[string][]checklists.Item) oscal.Control {
	var controls []oscal.Control
	for _, c := range children[it.ID] {
		if c.Assessable() {
			controls = append(controls, x.catalogControl(c))
		} else {
			controls = append(controls, x.headingControl(c, children))
		}
	}
	return oscal.Control{ID: x.ids[it.ID], Class: string(it.Kind), Title: markupLine(it.Title, it.ID),
		Props: labelProp(it), Parts: x.overview(it), Controls: some(controls)}
}

// overview is a heading's or objective's summary as an overview part.
func (x *oscalExport) overview(it checklists.Item) *[]oscal.Part {
	if it.Summary == "" {
		return nil
	}
	return &[]oscal.Part{{ID: x.ids[it.ID] + "_ovw", Name: "overview", Prose: markupProse(it.Summary)}}
}

// labelProp shows the catalogue's own ID of an entry.
func labelProp(it checklists.Item) *[]oscal.Property {
	var p props
	p.nist("label", it.ID)
	return p.list()
}

// catalogControl is a clause requirement or Annex A control with our guidance as parts and
// the NIST AI RMF and indicative EU AI Act references as properties.
func (x *oscalExport) catalogControl(it checklists.Item) oscal.Control {
	id := x.ids[it.ID]
	var p props
	p.nist("label", it.ID)
	for _, n := range it.NIST {
		p.ours("nist-ai-rmf", n)
	}
	for _, article := range it.EUAIAct {
		p.ours("eu-ai-act-article-indicative", article)
	}
	parts := []oscal.Part{{
		ID: x.objectiveID(it), Name: "assessment-objective", Title: "What to verify", Prose: markupProse(it.Verify),
	}}
	if it.Evidence != "" {
		var method props
		method.nist("method", "EXAMINE")
		parts = append(parts, oscal.Part{
			ID: id + "_asm-examine", Name: "assessment-method", Props: method.list(),
			Parts: &[]oscal.Part{{Name: "assessment-objects", Title: "Typical evidence", Prose: markupProse(it.Evidence)}},
		})
	}
	if it.Hint != "" {
		parts = append(parts, oscal.Part{ID: id + "_gdn", Name: "guidance", Title: "Implementation hint", Prose: markupProse(it.Hint)})
	}
	return oscal.Control{ID: id, Class: string(it.Kind), Title: markupLine(it.Title, it.ID), Props: p.list(), Parts: &parts}
}
