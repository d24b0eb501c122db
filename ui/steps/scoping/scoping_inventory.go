package scoping

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

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
	fixed := 2 // cursor mark
	for _, c := range cols[1:] {
		fixed += c.width + 1
	}
	cols[0].width = max(width-fixed-1, 12)
	return cols
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
		if s.importFail != nil { // the refused rows matter more than the table now
			need := max(len(s.importFail.rows), 3) + 3
			room = max(min(room, height-need-3), min(len(systems), 3))
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
	case s.importFail != nil:
		b.WriteString(s.importFailureView(width, height-lineCount(b.String())))
	case len(systems) > 0:
		b.WriteString(s.systemView(systems[s.row()], width))
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
		"Traceability", "impact findings traced to risk treatment: "+yesOrNo(sys.ImpactToRiskTrace)))
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

// inventoryReadMsg carries an inventory file read and parsed off the UI goroutine.
type inventoryReadMsg struct {
	aid     string
	seq     int
	path    string
	systems []assessment.AISystem
	err     error
}

// openImport asks for the path of an inventory CSV.
func (s *scoping) openImport() tea.Cmd {
	path := s.importPath
	in := huh.NewInput().Title("Path of the inventory CSV file").Value(&path).CharLimit(4096).
		Description("Columns are found by their header: " + strings.Join(assessment.InventoryColumns, ", ") +
			" (only name is required). Comma or semicolon separated, UTF-8. If any row is wrong, nothing is imported.").
		Validate(func(v string) error {
			if !filled(v) {
				return errors.New("type the path of the file, e.g. ~/Downloads/inventory.csv")
			}
			return nil
		})
	return s.openForm(true, func() tea.Cmd { return s.readInventory(path) }, huh.NewGroup(in).Title("Import AI systems from a CSV file"))
}

// readInventory reads and parses the file in a command; the reply is tagged so a late
// answer to an earlier import is dropped.
func (s *scoping) readInventory(path string) tea.Cmd {
	path = cleanPath(path)
	s.importPath, s.importing, s.importFail = path, path, nil
	s.importSeq++
	seq, aid, cat := s.importSeq, s.h.Assessment().ID, s.h.Catalogue()
	s.h.Say("Reading " + kit.Vis(path) + "…")
	return s.h.Background(func() (out tea.Msg) {
		msg := inventoryReadMsg{aid: aid, seq: seq, path: path}
		defer func() {
			if p := recover(); p != nil { // a parser bug must not take the workbench down
				msg.systems, msg.err = nil, fmt.Errorf("%s could not be read as an inventory (%v); check it is a CSV file saved from the spreadsheet", path, p)
				out = msg
			}
		}()
		info, err := os.Stat(path)
		switch {
		case err != nil:
			msg.err = fmt.Errorf("cannot open %s: %w; check the path", path, errors.Unwrap(err))
		case info.IsDir():
			msg.err = fmt.Errorf("%s is a folder; give the path of the CSV file inside it", path)
		case info.Size() > maxInventoryBytes:
			msg.err = fmt.Errorf("%s is %d MB, too large for an inventory; is it the right file?", path, info.Size()>>20)
		default:
			var data []byte
			if data, err = os.ReadFile(path); err != nil {
				msg.err = fmt.Errorf("cannot read %s: %w", path, err)
			} else {
				msg.systems, msg.err = assessment.ParseInventoryCSV(cat, data)
			}
		}
		return msg
	})
}

// cleanPath accepts a path as typed or dropped on the terminal: quoted, or starting with ~.
func cleanPath(p string) string {
	p = strings.TrimSpace(p)
	if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
		p = p[1 : len(p)-1]
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	return p
}

// inventoryRead adds every parsed system, in memory and in one all-or-nothing write, or
// shows every problem of the file.
func (s *scoping) inventoryRead(m inventoryReadMsg) tea.Cmd {
	if m.aid != s.h.Assessment().ID || m.seq != s.importSeq {
		return nil // an earlier import, overtaken
	}
	s.importing = ""
	if m.err != nil {
		f := &importFailure{path: m.path}
		var rows assessment.InventoryErrors
		if errors.As(m.err, &rows) {
			f.rows = rows
		} else {
			f.message = m.err.Error()
		}
		s.importFail = f
		s.h.Refuse(errors.New("import refused; nothing was imported. The problems are listed under the table"))
		return nil
	}
	return s.h.Apply(steps.ImportSystems{Systems: m.systems, From: m.path})
}

// imported shows the systems the store added, with the numbers it gave them.
func (s *scoping) imported(in steps.ImportSystems, added []assessment.AISystem) {
	s.section, s.cursor[secInventory] = secInventory, max(len(s.h.Assessment().Systems)-len(added), 0)
	s.h.Say(fmt.Sprintf("Imported %s from %s.", kit.Plural(len(added), "AI system"), kit.Vis(filepath.Base(in.From))))
}

// deleteSystem removes a system from the inventory; the list follows once it is deleted.
func (s *scoping) deleteSystem(id int64) tea.Cmd {
	i := slices.IndexFunc(s.h.Assessment().Systems, func(sys assessment.AISystem) bool { return sys.ID == id })
	if i < 0 {
		return nil
	}
	return s.h.Apply(steps.DeleteSystem{System: s.h.Assessment().Systems[i]})
}
