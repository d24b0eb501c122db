package scoping

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// maxInventoryBytes bounds an inventory file: a spreadsheet of AI systems is small, and a
// wrong path to a disk image should be refused, not read.
const maxInventoryBytes = 16 << 20

// invColumn is one column of the inventory table.
type invColumn struct {
	title string
	width int
	cell  func(assessment.AISystem) string
}

// inventoryColumns fits the table to the width: fixed columns first, the name takes the rest.
func (s *scoping) inventoryColumns(width int) []invColumn {
	cat := s.h.Catalogue()
	narrow := width < 110
	stageW, rolesW := 24, 18
	if narrow {
		stageW, rolesW = 14, 14
	}
	cols := []invColumn{
		{"Name", 0, func(a assessment.AISystem) string { return kit.Vis(a.Name) }},
		{"Stage", stageW, func(a assessment.AISystem) string {
			if a.Stage == "" {
				return "—"
			}
			return termTitle(cat.LifecycleStages, a.Stage)
		}},
		{"AI roles", rolesW, func(a assessment.AISystem) string { return kit.OrDash(roleNames(cat, a.Roles, true)) }},
		{"Impact", 6, func(a assessment.AISystem) string { return kit.OrDash(kit.Vis(string(a.Impact))) }},
		{"Scope", 5, func(a assessment.AISystem) string {
			if a.InScope {
				return "in"
			}
			return "out"
		}},
		{"AISIA", 11, func(a assessment.AISystem) string {
			d := kit.DateText(a.AISIADate)
			if a.AISIADate.IsZero() {
				d = "none"
			}
			if a.InScope && assessment.ImpactAssessmentProblem(a, s.h.Now()) != "" {
				return "!" + d
			}
			return " " + d
		}},
	}
	if !narrow { // on narrow terminals these two are in the detail below the table
		cols = append(cols,
			invColumn{"Oversight", 9, func(a assessment.AISystem) string { return yesOrNo(a.HumanOversight) }},
			invColumn{"Pers. data", 10, func(a assessment.AISystem) string { return yesOrNo(a.PersonalData) }})
	}
	if width >= 130 { // the class in short; the detail below says it in full
		cols = append(cols, invColumn{"EU AI Act", 11, func(a assessment.AISystem) string { return euShort(cat, a.EUAIAct) }})
	}
	fixed := 2 // cursor mark
	for _, c := range cols[1:] {
		fixed += c.width + 1
	}
	cols[0].width = max(width-fixed-1, 12)
	return cols
}

// euShort is an EU AI Act class for a table cell: the category's ID and, for a use listed
// in Annex III, the point ("high-risk 4"); a dash when not classified.
func euShort(cat *checklists.Catalogue, c assessment.EUAIActClass) string {
	if !c.Classified() {
		return "—"
	}
	if a, ok := cat.AnnexIIIArea(c.Area); ok {
		return c.Category + " " + a.Point
	}
	return c.Category
}

// euClass is a system's EU AI Act class in words, labelled indicative.
func euClass(cat *checklists.Catalogue, c assessment.EUAIActClass) string {
	if !c.Classified() {
		return "not classified yet"
	}
	return c.Describe(cat) + " (indicative, not legal advice)"
}

// euObligations are the obligations a system's class points to, under the catalogue's note
// that they are indicative and not legal advice.
func (s *scoping) euObligations(sys assessment.AISystem, width int) string {
	st, cat := s.h.Styles(), s.h.Catalogue()
	obligations := sys.EUAIAct.Obligations(cat)
	if len(obligations) == 0 {
		return ""
	}
	out := st.Label.Render("EU AI Act obligations it points to") + "\n"
	for _, o := range obligations {
		out += kit.Wrap("· "+o.Article+": "+o.Duty, width) + "\n"
	}
	return out + st.Subtle.Render(kit.Wrap(cat.EUAIAct.Note, width)) + "\n"
}

// roleNames lists AI roles by title; short drops the leading "AI ".
func roleNames(cat *checklists.Catalogue, ids []string, short bool) string {
	var names []string
	for _, id := range ids {
		t := termTitle(cat.AIRoles, id)
		if short {
			t = strings.TrimPrefix(t, "AI ")
		}
		names = append(names, t)
	}
	return strings.Join(names, ", ")
}

// inventoryView draws the inventory table and, below it, the selected system's detail or
// the reasons the last import was refused.
func (s *scoping) inventoryView(width, height int) string {
	st := s.h.Styles()
	systems := s.h.Assessment().Systems
	var b strings.Builder
	if len(systems) == 0 {
		b.WriteString(st.Subtle.Render(kit.Wrap("The inventory is empty. Press a to add an AI system, or i to import the client's inventory "+
			"spreadsheet saved as CSV (columns found by their header: "+strings.Join(assessment.InventoryColumns, ", ")+").", width)) + "\n")
	} else {
		cols := s.inventoryColumns(width)
		var head []string
		for _, c := range cols {
			head = append(head, kit.Pad(c.title, c.width))
		}
		b.WriteString(st.Label.Render("  "+strings.Join(head, " ")) + "\n")
		room := max(min(len(systems), height/2-1), min(len(systems), 3))
		switch {
		case s.importFail != nil: // the refused rows matter more than the table now
			need := max(len(s.importFail.rows), 3) + 3
			room = max(min(room, height-need-3), min(len(systems), 3))
		case s.review != nil: // and so does what an import would change
			room = max(min(room, height-13), min(len(systems), 3))
		}
		first := max(0, min(s.row()-room/2, len(systems)-room))
		for i := first; i < first+room && i < len(systems); i++ {
			sys := systems[i]
			mark := "  "
			if len(systemGaps(sys)) > 0 {
				mark = "! "
			}
			var cells []string
			for _, c := range cols {
				cells = append(cells, kit.Pad(kit.Truncate(c.cell(sys), c.width), c.width))
			}
			line := mark + strings.Join(cells, " ")
			if i == s.row() {
				line = st.Selected.Render(kit.Pad(kit.Truncate(line, width), width))
			}
			b.WriteString(kit.Truncate(line, width) + "\n")
		}
		legend := "! before a name: incomplete entry · ! before a date: impact assessment not current"
		if len(systems) > room {
			legend = fmt.Sprintf("%d–%d of %d · ", first+1, min(first+room, len(systems)), len(systems)) + legend
		}
		b.WriteString(st.Subtle.Render(kit.Truncate("  "+legend, width)) + "\n")
	}
	b.WriteString("\n")
	switch {
	case s.form != nil:
		b.WriteString(s.form.View(s.h.Styles()))
	case s.importing != "":
		b.WriteString(st.Subtle.Render(kit.Wrap("Reading "+kit.Vis(s.importing)+"… the table updates when the whole file is checked.", width)))
	case s.review != nil:
		b.WriteString(s.reviewView(width, height-lineCount(b.String())))
	case s.importFail != nil:
		b.WriteString(s.importFailureView(width, height-lineCount(b.String())))
	case len(systems) > 0:
		b.WriteString(s.detail.View(s.systemView(systems[s.row()], width), height-lineCount(b.String()), s.h.Styles()))
	}
	return b.String()
}

func lineCount(s string) int { return strings.Count(s, "\n") }

// systemView is the detail of one AI system.
func (s *scoping) systemView(sys assessment.AISystem, width int) string {
	st := s.h.Styles()
	cat := s.h.Catalogue()
	var b strings.Builder
	b.WriteString(st.Title.Render(kit.Truncate(kit.Vis(sys.Name), width)) + "\n")
	if filled(sys.Purpose) {
		b.WriteString(kit.Wrap(kit.Vis(sys.Purpose), width) + "\n")
	}
	scope := "in scope"
	if !sys.InScope {
		scope = "out of scope: " + kit.OrDash(kit.Vis(sys.ExclusionJustification))
	}
	stage := "—"
	if sys.Stage != "" {
		stage = termTitle(cat.LifecycleStages, sys.Stage)
	}
	aisia := kit.DateText(sys.AISIADate)
	if p := assessment.ImpactAssessmentProblem(sys, s.h.Now()); p != "" && sys.InScope {
		aisia += "  ! not current: " + p
	}
	supp := kit.OrDash(kit.Vis(sys.Suppliers))
	if filled(sys.Suppliers) {
		supp += " (supplier assessed: " + yesOrNo(sys.SupplierAssessed) + ")"
	}
	b.WriteString(s.fields(width,
		"Owner", kit.Vis(sys.Owner), "Stage", stage, "AI roles", roleNames(cat, sys.Roles, false),
		"Impact", kit.Vis(string(sys.Impact))+" · "+scope, "Suppliers", supp,
		"Oversight", "human oversight documented: "+yesOrNo(sys.HumanOversight)+" · personal data: "+yesOrNo(sys.PersonalData),
		"AISIA", aisia, "Last change", kit.DateText(sys.LastChange),
		"Affected groups", kit.Vis(sys.AffectedGroups), "Harms", kit.Vis(sys.Harms),
		"Traceability", "impact findings traced to risk treatment: "+yesOrNo(sys.ImpactToRiskTrace),
		"EU AI Act", euClass(cat, sys.EUAIAct), "Why this class", kit.Vis(sys.EUAIAct.Rationale)))
	b.WriteString(s.euObligations(sys, width))
	if gaps := systemGaps(sys); len(gaps) > 0 {
		b.WriteString(st.Warning.Render(kit.Wrap("! Incomplete entry: no "+strings.Join(gaps, ", no ")+". Press enter to complete it.", width)) + "\n")
	}
	if risks := risksOf(s.h.Assessment(), sys.ID); len(risks) > 0 {
		for i := range risks {
			risks[i] = kit.Vis(risks[i])
		}
		b.WriteString(st.Subtle.Render(kit.Wrap(kit.Plural(len(risks), "risk")+" in the register: "+strings.Join(risks, "; "), width)) + "\n")
	}
	return b.String()
}

// importFailureView lists why the last import was refused, as many lines as fit.
func (s *scoping) importFailureView(width, height int) string {
	st := s.h.Styles()
	f := s.importFail
	head := st.Error.Render(kit.Truncate("✗ Import of "+kit.Vis(f.path)+" refused; nothing was imported.", width)) + "\n"
	if f.message != "" {
		return head + kit.Wrap(kit.Vis(f.message), width) + "\n" + st.Subtle.Render("Fix the file and press i to import again; x dismisses this.")
	}
	head += fmt.Sprintf("%s — fix them in the file and press i to import again; x dismisses this.\n", kit.Plural(len(f.rows), "problem"))
	room := max(height-3, 1)
	var lines []string
	for i, r := range f.rows {
		if i == room-1 && len(f.rows) > room {
			lines = append(lines, st.Subtle.Render(fmt.Sprintf("… and %d more", len(f.rows)-i)))
			break
		}
		lines = append(lines, kit.Truncate(fmt.Sprintf("  line %d: %s", r.Line, kit.Vis(r.Reason)), width))
	}
	return head + strings.Join(lines, "\n")
}

// deleteSystem removes a system from the inventory; the list follows once it is deleted.
func (s *scoping) deleteSystem(id int64) tea.Cmd {
	i := slices.IndexFunc(s.h.Assessment().Systems, func(sys assessment.AISystem) bool { return sys.ID == id })
	if i < 0 {
		return nil
	}
	return s.h.Apply(steps.DeleteSystem{System: s.h.Assessment().Systems[i]})
}
