package scoping

import (
	"fmt"
	"strings"
	"time"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
)

// sectionBar names the five sections with their counts, the current one highlighted.
func (s *scoping) sectionBar() string {
	st := s.h.Styles()
	a := s.h.Assessment()
	named := 0
	for _, r := range s.h.Catalogue().GovernanceRoles {
		if filled(s.holder(r.ID).Name) {
			named++
		}
	}
	roles := fmt.Sprintf("%d/%d", named, len(s.h.Catalogue().GovernanceRoles))
	long := []string{"Organisation & scope", fmt.Sprintf("Exclusions (%d)", len(a.Scope.Exclusions)),
		"Governance roles " + roles, "Certification plan", fmt.Sprintf("AI systems (%d)", len(a.Systems))}
	short := []string{"Scope", fmt.Sprintf("Exclusions %d", len(a.Scope.Exclusions)), "Roles " + roles,
		"Certification", fmt.Sprintf("AI systems %d", len(a.Systems))}
	render := func(labels []string) string {
		var b strings.Builder
		for i, l := range labels {
			if scopeSection(i) == s.section {
				b.WriteString(st.StepActive.Render(l))
			} else {
				b.WriteString(st.StepIdle.Render(l))
			}
		}
		return b.String()
	}
	bar := render(long)
	if kit.Width(bar)+12 > s.width {
		bar = render(short)
	}
	if hint := st.Subtle.Render("[ ] section"); kit.Width(bar)+kit.Width(hint)+1 <= s.width {
		bar = kit.Pad(bar, s.width-kit.Width(hint)) + hint
	}
	return kit.Truncate(bar, s.width)
}

// listLine draws one row of a left-hand list with a colour-independent mark.
func (s *scoping) listLine(i int, mark, text string, width int) string {
	st := s.h.Styles()
	line := " " + mark + " " + text
	if i == s.row() {
		return st.Selected.Render(kit.Pad(kit.Truncate(line, width), width))
	}
	return kit.Truncate(line, width)
}

func doneMark(ok bool) string {
	if ok {
		return "✓"
	}
	return "·"
}

// blocksList lists the blocks of "Organisation & scope", ✓ when filled.
func (s *scoping) blocksList(width int) string {
	a := s.h.Assessment()
	filledBlock := []bool{filled(a.Organisation.Name), filled(a.Title) && filled(a.Assessor) && !a.StartDate.IsZero(),
		filled(a.Scope.Statement), filled(a.Scope.Boundaries), filled(a.Scope.Interfaces), filled(a.Scope.Alignment)}
	var lines []string
	for i, b := range scopeBlocks {
		lines = append(lines, s.listLine(i, doneMark(filledBlock[i]), b, width))
	}
	return strings.Join(lines, "\n")
}

// fields draws labelled values, each wrapped beside its label; values are stored text.
func (s *scoping) fields(width int, pairs ...string) string {
	st := s.h.Styles()
	labelW := 0
	for i := 0; i < len(pairs); i += 2 {
		labelW = max(labelW, kit.Width(pairs[i]))
	}
	valueW := max(width-labelW-2, 10)
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		v := strings.TrimSpace(pairs[i+1])
		if v == "" {
			v = st.Subtle.Render("—")
		}
		for j, line := range strings.Split(kit.Wrap(v, valueW), "\n") {
			label := ""
			if j == 0 {
				label = pairs[i]
			}
			b.WriteString(st.Label.Render(kit.Pad(label, labelW)) + "  " + line + "\n")
		}
	}
	return b.String()
}

// textBlock shows a stored multi-line text with its title, or what to do when it is empty.
func (s *scoping) textBlock(title, why, text string, width int) string {
	st := s.h.Styles()
	head := st.Title.Render(title) + "\n" + st.Subtle.Render(kit.Wrap(why, width)) + "\n\n"
	if !filled(text) {
		return head + st.Warning.Render("! Not recorded yet.") + " Press enter to write it."
	}
	return head + kit.Wrap(kit.VisText(text), width)
}

// blockView shows one block of "Organisation & scope".
func (s *scoping) blockView(i, width int) string {
	st := s.h.Styles()
	a := s.h.Assessment()
	switch i {
	case 0:
		o := a.Organisation
		return st.Title.Render("Organisation") + "\n\n" + s.fields(width, "Name", kit.Vis(o.Name), "Sector", kit.Vis(o.Sector),
			"Size", kit.Vis(o.Size), "Address", kit.Vis(o.Address), "Contact", kit.Vis(o.Contact))
	case 1:
		cat := a.CatalogueID + " " + a.CatalogueVersion
		return st.Title.Render("Assessment details") + "\n\n" + s.fields(width, "Title", kit.Vis(a.Title), "Assessor", kit.Vis(a.Assessor),
			"Start", kit.DateText(a.StartDate), "End", kit.DateText(a.EndDate), "Classification", kit.Vis(a.Classification),
			"Report version", kit.Vis(a.ReportVersion), "Catalogue", kit.Vis(cat))
	case 2:
		return s.textBlock("AIMS scope statement", "What the AI management system covers: activities, AI systems, products and services (clause 4.3).", a.Scope.Statement, width)
	case 3:
		return s.textBlock("Boundaries", "Organisational units, sites, cloud environments and product lines inside the scope.", a.Scope.Boundaries, width)
	case 4:
		return s.textBlock("Interfaces with third parties", "Suppliers, partners and group entities at the edge of the scope, and how responsibility is split with each.", a.Scope.Interfaces, width)
	default:
		return s.textBlock("Alignment with ISO/IEC 27001 and 27701", "How the AIMS scope relates to existing ISMS and PIMS certificates: shared processes, differences to explain at Stage 1.", a.Scope.Alignment, width)
	}
}

// exclusionsList lists what is left out of the AIMS scope.
func (s *scoping) exclusionsList(width int) string {
	st := s.h.Styles()
	ex := s.h.Assessment().Scope.Exclusions
	if len(ex) == 0 {
		return st.Subtle.Render(kit.Wrap("No exclusion recorded. Press a to add one.", width))
	}
	var lines []string
	for i, e := range ex {
		mark := "✓"
		if !filled(e.Justification) {
			mark = "!"
		}
		lines = append(lines, s.listLine(i, mark, kit.Vis(e.What), width))
	}
	return strings.Join(lines, "\n")
}

// exclusionView shows the selected exclusion and, for context, the AI systems the inventory
// puts out of scope.
func (s *scoping) exclusionView(width int) string {
	st := s.h.Styles()
	var b strings.Builder
	if ex := s.h.Assessment().Scope.Exclusions; len(ex) > 0 {
		e := ex[s.row()]
		b.WriteString(st.Title.Render(kit.Truncate(kit.Vis(e.What), width)) + "\n\n" + st.Label.Render("Justification") + "\n")
		if filled(e.Justification) {
			b.WriteString(kit.Wrap(kit.VisText(e.Justification), width) + "\n")
		} else {
			b.WriteString(st.Warning.Render(kit.Wrap("! No justification: an exclusion without one will not survive Stage 1. Press enter to add it.", width)) + "\n")
		}
	} else {
		b.WriteString(st.Subtle.Render(kit.Wrap("Exclusions are parts of the organisation, activities or services deliberately left outside the AIMS scope, each with its justification. Press a to add one.", width)) + "\n")
	}
	var out []string
	for _, sys := range s.h.Assessment().Systems {
		if !sys.InScope {
			out = append(out, "• "+kit.Vis(sys.Name)+": "+kit.OrDash(kit.Vis(sys.ExclusionJustification)))
		}
	}
	if len(out) > 0 {
		b.WriteString("\n" + st.Label.Render("AI systems out of scope (see AI systems)") + "\n" + kit.Wrap(strings.Join(out, "\n"), width) + "\n")
	}
	return b.String()
}

// rolesList lists the catalogue's governance roles, ✓ when someone holds the role.
func (s *scoping) rolesList(width int) string {
	var lines []string
	for i, r := range s.h.Catalogue().GovernanceRoles {
		lines = append(lines, s.listLine(i, doneMark(filled(s.holder(r.ID).Name)), r.Title, width))
	}
	return strings.Join(lines, "\n")
}

func (s *scoping) roleView(width int) string {
	st := s.h.Styles()
	if len(s.h.Catalogue().GovernanceRoles) == 0 {
		return st.Subtle.Render("The catalogue names no governance roles.")
	}
	r := s.h.Catalogue().GovernanceRoles[s.row()]
	h := s.holder(r.ID)
	out := st.Title.Render(kit.Truncate(r.Title, width)) + "\n\n"
	if filled(h.Name) {
		out += s.fields(width, "Held by", kit.Vis(h.Name), "Contact", kit.Vis(h.Contact))
	} else {
		out += st.Warning.Render("! Vacant: nobody is named for this role.") + " Press enter to name them.\n"
	}
	return out + "\n" + st.Label.Render("Responsibilities") + "\n" + kit.Wrap(r.Responsibilities, width)
}

// certificationView shows the certification plan and what its dates mean today.
func (s *scoping) certificationView(width int) string {
	st := s.h.Styles()
	c := s.h.Assessment().Certification
	out := st.Title.Render("Certification plan") + "\n" +
		st.Subtle.Render(kit.Wrap("The certification body and the planned audit dates, when known. Press enter to edit.", width)) + "\n\n" +
		s.fields(width, "Certification body", kit.Vis(c.Body), "Stage 1 audit", kit.DateText(c.Stage1)+s.daysAway(c.Stage1),
			"Stage 2 audit", kit.DateText(c.Stage2)+s.daysAway(c.Stage2)) +
		"\n" + st.Label.Render("After Stage 2, at the latest (taking the certification decision on the Stage 2 date)") + "\n" +
		kit.Wrap(laterAudits(c.Stage2), width) + "\n"
	var notes []string
	if !c.Stage1.IsZero() && !c.Stage2.IsZero() && c.Stage2.Before(c.Stage1) {
		notes = append(notes, "! Stage 2 is planned before Stage 1.")
	}
	if end := s.h.Assessment().EndDate; !c.Stage1.IsZero() && !end.IsZero() && c.Stage1.Before(end) {
		notes = append(notes, "! Stage 1 is planned before this readiness assessment ends ("+kit.DateText(end)+").")
	}
	if !filled(c.Body) {
		notes = append(notes, "No certification body is named yet; the readiness checklist asks for one.")
	}
	if len(notes) > 0 {
		out += "\n" + st.Warning.Render(kit.Wrap(strings.Join(notes, "\n"), width))
	}
	return out
}

// daysAway says how far a date is from today, e.g. " (in 119 days)".
func (s *scoping) daysAway(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	now := s.h.Now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	d := int(t.Sub(today).Hours() / 24)
	switch {
	case d == 0:
		return " (today)"
	case d > 0:
		return fmt.Sprintf(" (in %s)", kit.Plural(d, "day"))
	}
	return fmt.Sprintf(" (%s ago)", kit.Plural(-d, "day"))
}

// risksOf lists the titles of the risks that name an AI system.
func risksOf(a *assessment.Assessment, id int64) []string {
	var out []string
	for _, r := range a.Risks {
		if r.SystemID == id {
			out = append(out, r.Title)
		}
	}
	return out
}

// termTitle is the title of a vocabulary entry, or the stored ID made visible when the
// catalogue does not know it.
func termTitle(terms []checklists.Term, id string) string {
	for _, t := range terms {
		if t.ID == id {
			return t.Title
		}
	}
	return kit.Vis(id)
}

func yesOrNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
