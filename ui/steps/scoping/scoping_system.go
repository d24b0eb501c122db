package scoping

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// systemInput holds the AI system form's values.
type systemInput struct {
	name, purpose, owner, suppliers, justification, affected, harms *editText
	stage, impact                                                   string
	roles                                                           []string
	inScope, supplierAssessed, personal, oversight, trace           bool
	aisia, change                                                   string
	before                                                          []string // roles as stored
	euCategory, euArea                                              string   // EU AI Act class, indicative
	euRationale                                                     *editText
}

// editSystem edits inventory entry i, or adds one when i < 0. The form has every field of
// an entry on four pages; the exclusion page appears only when the system is out of scope.
func (s *scoping) editSystem(i int) tea.Cmd {
	sys := assessment.AISystem{InScope: true, Impact: assessment.ImpactMedium}
	label := "New AI system"
	if i >= 0 {
		sys = s.h.Assessment().Systems[i]
		label = "Edit " + kit.Truncate(kit.Vis(sys.Name), 40)
	}
	in := &systemInput{
		name: newEditText(sys.Name), purpose: newEditText(sys.Purpose), owner: newEditText(sys.Owner),
		suppliers: newEditText(sys.Suppliers), justification: newEditText(sys.ExclusionJustification),
		affected: newEditText(sys.AffectedGroups), harms: newEditText(sys.Harms),
		stage: sys.Stage, impact: string(sys.Impact), roles: slices.Clone(sys.Roles),
		inScope: sys.InScope, supplierAssessed: sys.SupplierAssessed, personal: sys.PersonalData,
		oversight: sys.HumanOversight, trace: sys.ImpactToRiskTrace,
		aisia: kit.DateInput(sys.AISIADate), change: kit.DateInput(sys.LastChange), before: slices.Clone(sys.Roles),
		euCategory: sys.EUAIAct.Category, euArea: sys.EUAIAct.Area, euRationale: newEditText(sys.EUAIAct.Rationale),
	}
	if in.impact == "" {
		in.impact = string(assessment.ImpactMedium)
	}
	cat := s.h.Catalogue()
	stages := []huh.Option[string]{huh.NewOption("(not determined yet)", "")}
	for _, t := range cat.LifecycleStages {
		stages = append(stages, huh.NewOption(t.Title, t.ID))
	}
	var roles []huh.Option[string]
	for _, t := range cat.AIRoles {
		roles = append(roles, huh.NewOption(t.Title, t.ID))
	}
	euCategories := []huh.Option[string]{huh.NewOption("(not classified yet)", "")}
	for _, k := range cat.EUAIAct.Categories {
		euCategories = append(euCategories, huh.NewOption(k.Title, k.ID))
	}
	euAreas := []huh.Option[string]{huh.NewOption("(choose the area)", "")}
	for _, a := range cat.EUAIAct.AnnexIII {
		euAreas = append(euAreas, huh.NewOption(fmt.Sprintf("point %s, %s", a.Point, a.Title), a.ID))
	}
	needsArea := func() bool { k, _ := cat.EUAIActCategory(in.euCategory); return k.NeedsArea }
	yes := func(title string, v *bool) *huh.Confirm {
		return huh.NewConfirm().Title(title).Affirmative("Yes").Negative("No").Inline(true).Value(v)
	}
	id := sys.ID
	return s.openForm(true, func() tea.Cmd { return s.applySystem(id, in) },
		huh.NewGroup(
			in.name.input("Name").Validate(required("an AI system needs a name")),
			in.purpose.text("Purpose", 2),
			in.owner.input("Owner (accountable person or function)"),
		).Title(label+" · identity"),
		huh.NewGroup(
			huh.NewSelect[string]().Title("Life-cycle stage").Options(stages...).Value(&in.stage).Inline(s.bodyHeight() < 28),
			huh.NewMultiSelect[string]().Title("The organisation's AI roles for this system (space or x toggles)").Options(roles...).Value(&in.roles).Height(len(roles)+1),
			huh.NewSelect[string]().Title("Impact level").Inline(true).
				Options(huh.NewOptions(string(assessment.ImpactLow), string(assessment.ImpactMedium), string(assessment.ImpactHigh))...).Value(&in.impact),
		).Title(label+" · classification"),
		huh.NewGroup(
			huh.NewSelect[string]().Title("EU AI Act category (indicative, not legal advice)").Options(euCategories...).Value(&in.euCategory),
			in.euRationale.text("Why this category", 2),
		).Title(label+" · EU AI Act"),
		huh.NewGroup(
			huh.NewSelect[string]().Title("Annex III area the use falls in").Options(euAreas...).Value(&in.euArea).
				Validate(func(area string) error {
					return assessment.EUAIActClass{Category: in.euCategory, Area: area}.Check(cat)
				}),
		).Title(label+" · EU AI Act, Annex III").WithHideFunc(func() bool { return !needsArea() }),
		huh.NewGroup(
			yes("In the AIMS scope?", &in.inScope),
			in.suppliers.input("Third-party components and suppliers (models, data, platforms)"),
			yes("Suppliers assessed?", &in.supplierAssessed),
			yes("Personal data involved?", &in.personal),
		).Title(label+" · scope and suppliers"),
		huh.NewGroup(
			in.justification.text("Why is it out of scope?", 4).Validate(func(why string) error {
				return assessment.CheckJustification("taking "+kit.Vis(in.name.result())+" out of scope", why)
			}),
		).Title(label+" · exclusion").WithHideFunc(func() bool { return in.inScope }),
		huh.NewGroup(
			yes("Human oversight documented?", &in.oversight),
			huh.NewInput().Title("Impact assessment (AISIA) date, YYYY-MM-DD; empty when none").Value(&in.aisia).Validate(kit.OptionalDate),
			huh.NewInput().Title("Last significant change, YYYY-MM-DD").Value(&in.change).Validate(kit.OptionalDate),
			in.affected.text("Affected groups the impact assessment considered", 2),
			in.harms.text("Harms considered", 2),
			yes("Impact findings traced to risk treatment?", &in.trace),
		).Title(label+" · oversight and impact assessment"),
	)
}

// applySystem saves the form's values over the system as the form showed it; a new system
// (id 0) is numbered by the store, and the list shows it once saved.
func (s *scoping) applySystem(id int64, in *systemInput) tea.Cmd {
	var base *assessment.AISystem
	next := assessment.AISystem{}
	if i := slices.IndexFunc(s.h.Assessment().Systems, func(x assessment.AISystem) bool { return x.ID == id }); id != 0 && i >= 0 {
		base = &s.h.Assessment().Systems[i]
		next = *base
	}
	next.Name, next.Purpose, next.Owner = in.name.result(), in.purpose.result(), in.owner.result()
	next.Stage, next.Roles, next.Impact, next.InScope = in.stage, keepOrder(in.before, in.roles), assessment.Impact(in.impact), in.inScope
	next.ExclusionJustification, next.Suppliers = in.justification.result(), in.suppliers.result()
	next.SupplierAssessed, next.PersonalData, next.HumanOversight = in.supplierAssessed, in.personal, in.oversight
	next.AISIADate, next.LastChange = kit.DateValue(in.aisia), kit.DateValue(in.change)
	next.AffectedGroups, next.Harms, next.ImpactToRiskTrace = in.affected.result(), in.harms.result(), in.trace
	next.EUAIAct = assessment.EUAIActClass{Category: in.euCategory, Area: in.euArea, Rationale: in.euRationale.result()}
	if k, _ := s.h.Catalogue().EUAIActCategory(in.euCategory); !k.NeedsArea {
		next.EUAIAct.Area = "" // an area chosen before the category changed
	}
	if err := next.EUAIAct.Check(s.h.Catalogue()); err != nil {
		return s.h.Refuse(fmt.Errorf("%w; nothing was saved", err))
	}
	if next.InScope {
		next.ExclusionJustification = ""
	} else if err := assessment.CheckJustification(fmt.Sprintf("taking %s out of scope", kit.Vis(next.Name)), next.ExclusionJustification); err != nil {
		return s.h.Refuse(fmt.Errorf("%w; nothing was saved", err))
	}
	return s.h.Apply(steps.PutSystem{Base: base, Next: next})
}

// systemSaved puts the cursor on a system the store has saved.
func (s *scoping) systemSaved(in steps.PutSystem, sys assessment.AISystem) {
	if i := slices.IndexFunc(s.h.Assessment().Systems, func(x assessment.AISystem) bool { return x.ID == sys.ID }); i >= 0 {
		s.cursor[secInventory] = i
	}
	if in.Base == nil {
		s.h.Say("Added " + kit.Vis(sys.Name) + " to the inventory.")
	}
}

// keepOrder lists the selected roles with those already stored first, in their stored
// order, so re-saving an unchanged entry does not record a change.
func keepOrder(before, selected []string) []string {
	out := []string{}
	for _, r := range before {
		if slices.Contains(selected, r) {
			out = append(out, r)
		}
	}
	for _, r := range selected {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	if len(out) == 0 && before == nil {
		return nil
	}
	return out
}
