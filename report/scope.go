package report

import (
	"fmt"
	"slices"
	"strings"

	"aimsbench/assessment"
	"aimsbench/checklists"
)

// scope prints the organisation, the AIMS scope, the governance role holders, the
// certification plan and the AI system inventory.
func (d *doc) scope() {
	o := d.a.Organisation
	d.fields([][2]string{
		{"Organisation", orDash(o.Name)}, {"Sector", orDash(o.Sector)}, {"Size", orDash(o.Size)},
		{"Address", orDash(o.Address)}, {"Contact", orDash(o.Contact)},
	})
	sc := d.a.Scope
	d.subheading("Scope of the AI management system", 20)
	d.fields([][2]string{
		{"Scope statement", orDash(sc.Statement)},
		{"Boundaries", orDash(sc.Boundaries)},
		{"Third-party interfaces", orDash(sc.Interfaces)},
		{"Alignment with other management systems", orDash(sc.Alignment)},
	})
	d.minorHeading("Exclusions from the scope", 15)
	if len(sc.Exclusions) == 0 {
		d.none("The scope statement records no exclusions.")
	} else {
		var rows [][]cell
		for _, e := range sc.Exclusions {
			rows = append(rows, texts(e.What, orDash(e.Justification)))
		}
		d.table([]column{{"Excluded", 60, ""}, {"Justification", 110, ""}}, rows)
	}
	d.roleHolders()
	d.inventory()
}

func (d *doc) roleHolders() {
	var rows [][]cell
	for _, role := range d.cat.GovernanceRoles {
		name, contact := "Not assigned", ""
		for _, h := range d.a.RoleHolders {
			if h.RoleID == role.ID && strings.TrimSpace(h.Name) != "" {
				name, contact = h.Name, h.Contact
			}
		}
		rows = append(rows, []cell{bold(role.Title), txt(name), txt(orDash(contact))})
	}
	d.titledTable("Governance roles", []column{{"Role", 55, ""}, {"Holder", 45, ""}, {"Contact", 70, ""}}, rows)
	c := d.a.Certification
	d.minorHeading("Certification plan", 12)
	if strings.TrimSpace(c.Body) == "" && c.Stage1.IsZero() && c.Stage2.IsZero() {
		d.none("No certification body or audit dates have been recorded yet.")
		return
	}
	d.fields([][2]string{{"Certification body", orDash(c.Body)}})
	var path [][]cell
	for _, m := range assessment.CertificationPath(c) {
		path = append(path, []cell{bold(m.Title), txt(date(m.Date)), txt(capitalise(m.Basis))})
	}
	d.table([]column{{"Audit", 64, ""}, {"Date", 24, ""}, {"Where the date comes from", 82, ""}}, path)
}

// inventory prints the AI systems in scope and those left out with the reason.
func (d *doc) inventory() {
	d.subheading("AI system inventory", 30)
	if len(d.a.Systems) == 0 {
		d.none("The AI system inventory is empty. An AI management system that governs no AI system cannot be certified, so building the inventory comes first.")
		return
	}
	in, out := 0, 0
	var rows, excluded [][]cell
	for _, s := range d.a.Systems {
		if !s.InScope {
			out++
			excluded = append(excluded, texts(s.Name, orDash(s.ExclusionJustification)))
			continue
		}
		in++
		rows = append(rows, []cell{bold(s.Name), txt(orDash(s.Purpose)), txt(orDash(s.Owner)),
			txt(termTitle(d.cat.LifecycleStages, s.Stage)), txt(d.roles(s.Roles)), impactCell(s.Impact), txt(d.shortClass(s.EUAIAct))})
	}
	d.paraf("The inventory lists %s: %d in scope and %d left out of scope.", plural(len(d.a.Systems), "AI system", "AI systems"), in, out)
	if len(rows) > 0 {
		d.table([]column{{"AI system", 30, ""}, {"Purpose", 42, ""}, {"Owner", 22, ""}, {"Life-cycle stage", 20, ""},
			{"AI roles", 22, ""}, {"Impact", 14, ""}, {"EU AI Act class", 20, ""}}, rows)
	}
	if len(excluded) > 0 {
		d.minorHeading("AI systems outside the scope", 15)
		d.table([]column{{"AI system", 50, ""}, {"Why it is outside the scope", 120, ""}}, excluded)
	}
	if len(rows) > 0 {
		d.euAIActObligations()
	}
}

// roles prints AI role IDs as their titles.
func (d *doc) roles(ids []string) string {
	if len(ids) == 0 {
		return "None determined"
	}
	var names []string
	for _, id := range ids {
		names = append(names, termTitle(d.cat.AIRoles, id))
	}
	return strings.Join(names, ", ")
}

// termTitle is the title of a vocabulary term, or the ID when the catalogue lacks it.
func termTitle(terms []checklists.Term, id string) string {
	for _, t := range terms {
		if t.ID == id {
			return t.Title
		}
	}
	return orDash(id)
}

// impactCell marks an impact level; high is dark, medium mid, low light.
func impactCell(i assessment.Impact) cell {
	switch i {
	case assessment.ImpactHigh:
		return marked("High", badFill)
	case assessment.ImpactMedium:
		return marked("Medium", midFill)
	case assessment.ImpactLow:
		return marked("Low", goodFill)
	}
	return txt(orDash(string(i)))
}

// systemName is the name of the AI system with an ID, or a dash.
func (d *doc) systemName(id int64) string { return systemName(d.a, id) }

// systemName is the name of an assessment's AI system with an ID; 0 means every system.
func systemName(a *assessment.Assessment, id int64) string {
	for _, s := range a.Systems {
		if s.ID == id {
			return s.Name
		}
	}
	if id == 0 {
		return "All systems"
	}
	return fmt.Sprintf("system %d", id)
}

// shortClass is an AI system's EU AI Act class as the inventory prints it: the category, and
// for a use listed in Annex III the point it falls under.
func (d *doc) shortClass(c assessment.EUAIActClass) string {
	k, ok := d.cat.EUAIActCategory(c.Category)
	if !ok {
		return "Not classified"
	}
	if a, ok := d.cat.AnnexIIIArea(c.Area); ok {
		title, _, _ := strings.Cut(k.Title, ":")
		return fmt.Sprintf("%s, Annex III point %s", title, a.Point)
	}
	return k.Title
}

// euAIActObligations says once that the EU AI Act classes are indicative and not legal advice,
// then lists the obligations of each class the in-scope systems fall in, once per class
// rather than once per system.
func (d *doc) euAIActObligations() {
	type class struct {
		c       assessment.EUAIActClass
		systems []string
	}
	var classes []*class
	unclassified := 0
	for _, s := range d.a.Systems {
		if !s.InScope {
			continue
		}
		if !s.EUAIAct.Classified() {
			unclassified++
			continue
		}
		key := assessment.EUAIActClass{Category: s.EUAIAct.Category, Area: s.EUAIAct.Area}
		i := slices.IndexFunc(classes, func(x *class) bool { return x.c == key })
		if i < 0 {
			classes = append(classes, &class{c: key})
			i = len(classes) - 1
		}
		classes[i].systems = append(classes[i].systems, s.Name)
	}
	note := strings.TrimSpace(d.cat.EUAIAct.Note)
	if note == "" {
		note = checklists.IndicativeClassification
	}
	d.subheading("EU AI Act classes and their obligations", d.textHeight(note, styleItalic)+30)
	d.paragraph(note, styleItalic)
	if unclassified > 0 {
		d.paraf("%s in scope not classified under the EU AI Act yet.", capitalise(plural(unclassified, "AI system is", "AI systems are")))
	}
	if len(classes) == 0 {
		return
	}
	rank := func(c assessment.EUAIActClass) int {
		i := slices.IndexFunc(d.cat.EUAIAct.Categories, func(k checklists.EUAIActCategory) bool { return k.ID == c.Category })
		j := slices.IndexFunc(d.cat.EUAIAct.AnnexIII, func(a checklists.AnnexIIIArea) bool { return a.ID == c.Area })
		return i*1000 + j
	}
	slices.SortStableFunc(classes, func(a, b *class) int { return rank(a.c) - rank(b.c) })
	// A heading and a list of duties per class, rather than a table, so that the long list of a
	// high-risk class runs on over a page break instead of moving whole to the next page.
	for _, x := range classes {
		var duties []string
		for _, o := range x.c.Obligations(d.cat) {
			duties = append(duties, o.Article+": "+o.Duty)
		}
		d.minorHeading(x.c.Describe(d.cat), 20)
		d.paraf("In scope: %s.", shortList(x.systems, 6, "the inventory"))
		if len(duties) == 0 {
			d.none("The catalogue lists no obligation for this class.")
			continue
		}
		d.bullets(duties)
	}
}
