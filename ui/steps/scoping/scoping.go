package scoping

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
	"aimsbench/store"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// scopeSection is one part of the scoping step, switched with [ and ].
type scopeSection int

const (
	secScope scopeSection = iota
	secExclusions
	secRoles
	secCertification
	secInventory
	scopeSectionCount
)

// scopeBlocks are the editable blocks of the "Organisation & scope" section, in list order.
var scopeBlocks = []string{"Organisation", "Assessment details", "Scope statement", "Boundaries",
	"Interfaces & responsibility", "ISO 27001/27701 alignment"}

// scoping is step 1: the organisation, the assessment's metadata, the AIMS scope and its
// exclusions, who holds each governance role, the certification plan and the AI system
// inventory. Each section is a list or table beside or above its detail; every edit is an
// embedded form whose result is saved at once.
type scoping struct {
	h       steps.Host
	section scopeSection
	cursor  [scopeSectionCount]int

	form     *kit.Form
	formWide bool // the form takes the whole width (no list beside it)

	confirm   *kit.Confirm
	onConfirm func() tea.Cmd
	sheet     *kit.Sheet // the path of an inventory file to import

	importSeq  int              // tags inventory reads so a stale reply is dropped
	importing  string           // the path being read; empty when idle
	importPath string           // the last path typed, offered again
	importFail *importFailure   // why the last import was refused, until dismissed
	review     *inventoryReview // an inventory file read, waiting for the assessor's word
	detail     kit.Pane         // the selected AI system in full, scrolled with J and K

	width, height int
}

// importFailure is a refused inventory import as shown on the screen.
type importFailure struct {
	path    string
	rows    assessment.InventoryErrors
	message string // a whole-file problem (unreadable, not UTF-8, unknown column)
}

var (
	scopeKeySection = kit.NewBinding("[ ] left right", "[ ]", "section")
	scopeKeyEdit    = kit.NewBinding("enter e", "enter", "edit")
	scopeKeyAdd     = kit.NewBinding("a", "a", "add")
	scopeKeyDelete  = kit.NewBinding("d", "d", "delete")
	scopeKeyImport  = kit.NewBinding("i", "i", "import CSV")
	scopeKeyDismiss = kit.NewBinding("x", "x", "dismiss import errors")
	scopeKeyApply   = kit.NewBinding("enter", "enter", "import these changes")
	scopeKeyMissing = kit.NewBinding("m", "m", "delete/keep systems not in the file")
	scopeKeyDiscard = kit.NewBinding("esc", "esc", "discard the import")
)

// New builds the scoping step.
func New(h steps.Host) steps.Step { return &scoping{h: h} }

func (s *scoping) Name() string { return "Scoping" }

func (s *scoping) Typing() bool { return s.form != nil || s.confirm != nil || s.sheet != nil }

func (s *scoping) SetSize(w, h int) {
	s.width, s.height = w, h
	if s.sheet != nil {
		s.sheet.SetWidth(w - 2)
	}
}

// bodyHeight is the room below the section bar.
func (s *scoping) bodyHeight() int { return max(s.height-2, 3) }

// Progress counts the scope essentials that are filled and the inventory entries that are
// complete: organisation, assessor and dates, scope statement, boundaries, interfaces,
// 27001/27701 alignment, justified exclusions, each governance role, and each AI system (an
// empty inventory counts as one missing entry).
func (s *scoping) Progress() (done, total int) {
	count := func(ok bool) {
		total++
		if ok {
			done++
		}
	}
	a := s.h.Assessment()
	count(filled(a.Organisation.Name))
	count(filled(a.Assessor) && !a.StartDate.IsZero())
	for _, t := range []string{a.Scope.Statement, a.Scope.Boundaries, a.Scope.Interfaces, a.Scope.Alignment} {
		count(filled(t))
	}
	count(unjustifiedExclusions(a) == 0)
	for _, r := range s.h.Catalogue().GovernanceRoles {
		count(filled(s.holder(r.ID).Name))
	}
	if len(a.Systems) == 0 {
		count(false)
	}
	for _, sys := range a.Systems {
		count(len(systemGaps(sys)) == 0)
	}
	return done, total
}

func filled(s string) bool { return strings.TrimSpace(s) != "" }

func unjustifiedExclusions(a *assessment.Assessment) int {
	n := 0
	for _, e := range a.Scope.Exclusions {
		if !filled(e.Justification) {
			n++
		}
	}
	return n
}

// systemGaps names what an inventory entry lacks: the fields the readiness checklist's
// "inventory complete" condition asks for, and the justification of an excluded system.
func systemGaps(sys assessment.AISystem) []string {
	missing := sys.MissingEntries()
	if !sys.InScope && !filled(sys.ExclusionJustification) {
		missing = append(missing, "exclusion justification")
	}
	return missing
}

// holder is who holds a governance role (empty when vacant).
func (s *scoping) holder(roleID string) assessment.RoleHolder {
	for _, h := range s.h.Assessment().RoleHolders {
		if h.RoleID == roleID {
			return h
		}
	}
	return assessment.RoleHolder{RoleID: roleID}
}

// rowCount is the number of rows the cursor moves over in the current section.
func (s *scoping) rowCount() int {
	switch s.section {
	case secScope:
		return len(scopeBlocks)
	case secExclusions:
		return len(s.h.Assessment().Scope.Exclusions)
	case secRoles:
		return len(s.h.Catalogue().GovernanceRoles)
	case secInventory:
		return len(s.h.Assessment().Systems)
	}
	return 1
}

// row is the cursor of the current section, kept inside its rows.
func (s *scoping) row() int {
	n := s.rowCount()
	c := min(s.cursor[s.section], n-1)
	return max(c, 0)
}

func (s *scoping) move(delta int) {
	s.cursor[s.section] = max(min(s.row()+delta, s.rowCount()-1), 0)
	s.detail.Reset()
}

// FullHelp lists the keys of the current state only, from the key table; the path sheet
// has its own.
func (s *scoping) FullHelp() [][]key.Binding {
	if s.sheet != nil {
		return [][]key.Binding{s.sheet.Keys()}
	}
	return scopeKeys.Help(s)
}

// scopeKeys is the step's key table: dispatch, footer and help read it.
var scopeKeys = append(kit.Keys[*scoping]{
	{Binding: scopeKeyApply, Run: run((*scoping).applyImport), Enabled: (*scoping).reviewing},
	{Binding: scopeKeyMissing, Enabled: func(s *scoping) bool { return s.reviewing() && len(s.review.plan.Missing) > 0 },
		Run: func(s *scoping, _ tea.KeyPressMsg) tea.Cmd {
			s.review.deleteMissing = !s.review.deleteMissing
			return nil
		}},
	{Binding: scopeKeyDiscard, HelpOnly: true, Enabled: (*scoping).reviewing},
	{Binding: scopeKeyAdd, Run: run((*scoping).add), Enabled: func(s *scoping) bool { return s.browsing() && s.listed() }},
	{Binding: scopeKeyEdit, Run: run((*scoping).edit), Enabled: func(s *scoping) bool { return s.browsing() && (!s.listed() || s.rowCount() > 0) }},
	{Binding: scopeKeyDelete, Enabled: func(s *scoping) bool { return s.browsing() && s.listed() && s.rowCount() > 0 },
		Run: func(s *scoping, _ tea.KeyPressMsg) tea.Cmd { s.askDelete(); return nil }},
	{Binding: scopeKeyImport, Run: run((*scoping).openImport), Enabled: func(s *scoping) bool { return s.browsing() && s.section == secInventory }},
	{Binding: scopeKeyDismiss, Enabled: func(s *scoping) bool { return s.browsing() && s.section == secInventory && s.importFail != nil },
		Run: func(s *scoping, _ tea.KeyPressMsg) tea.Cmd { s.importFail = nil; return nil }},
	{Binding: scopeKeySection, Group: 1, Enabled: (*scoping).browsing, Run: func(s *scoping, kp tea.KeyPressMsg) tea.Cmd {
		step := scopeSection(1)
		if k := kp.String(); k == "[" || k == "left" {
			step = scopeSectionCount - 1
		}
		s.section = (s.section + step) % scopeSectionCount
		return nil
	}},
	{Binding: kit.KeyUp, Group: 1, Run: moveBy(-1), Enabled: func(s *scoping) bool { return s.browsing() && s.section != secCertification }},
	{Binding: kit.KeyDown, Group: 1, Run: moveBy(1), Enabled: func(s *scoping) bool { return s.browsing() && s.section != secCertification }},
	{Binding: kit.KeyScrollDown, Group: 2, Enabled: (*scoping).scrolls, Run: func(s *scoping, _ tea.KeyPressMsg) tea.Cmd { s.detail.Scroll(1); return nil }},
	{Binding: kit.KeyScrollUp, Group: 2, Enabled: (*scoping).scrolls, Run: func(s *scoping, _ tea.KeyPressMsg) tea.Cmd { s.detail.Scroll(-1); return nil }},
	{Binding: kit.KeyPgUp, Group: 2, Enabled: func(s *scoping) bool { return s.browsing() && s.section == secInventory },
		Run: func(s *scoping, _ tea.KeyPressMsg) tea.Cmd { s.move(-max(s.bodyHeight()/2, 1)); return nil }},
	{Binding: kit.KeyPgDown, Group: 2, Enabled: func(s *scoping) bool { return s.browsing() && s.section == secInventory },
		Run: func(s *scoping, _ tea.KeyPressMsg) tea.Cmd { s.move(max(s.bodyHeight()/2, 1)); return nil }},
}, kit.DialogRows(func(s *scoping) bool { return s.form != nil }, func(s *scoping) bool { return s.confirm != nil })...)

// browsing is true while no form, dialog or import review is open.
func (s *scoping) browsing() bool {
	return s.form == nil && s.confirm == nil && s.sheet == nil && s.review == nil
}

// scrolls is true on the inventory while the selected system's detail is taller than its room.
func (s *scoping) scrolls() bool {
	return s.browsing() && s.section == secInventory && s.importFail == nil && s.detail.Scrolls()
}

// listed is true on the sections that are lists the assessor adds to.
func (s *scoping) listed() bool { return s.section == secExclusions || s.section == secInventory }

func run(f func(*scoping) tea.Cmd) func(*scoping, tea.KeyPressMsg) tea.Cmd {
	return func(s *scoping, _ tea.KeyPressMsg) tea.Cmd { return f(s) }
}

func moveBy(delta int) func(*scoping, tea.KeyPressMsg) tea.Cmd {
	return func(s *scoping, _ tea.KeyPressMsg) tea.Cmd { s.move(delta); return nil }
}

// Update gives the keyboard to an open dialog or form first, then handles the section keys.
func (s *scoping) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case inventoryReadMsg:
		return s.inventoryRead(msg)
	case steps.Saved:
		s.saved(msg)
		return nil
	case steps.JumpTo:
		s.section = secInventory
		if i := slices.IndexFunc(s.h.Assessment().Systems, func(x assessment.AISystem) bool { return x.ID == msg.System }); i >= 0 {
			s.cursor[secInventory] = i
		}
		return nil
	}
	switch {
	case s.confirm != nil:
		return s.updateConfirm(msg)
	case s.form != nil:
		return s.updateForm(msg)
	case s.sheet != nil:
		return s.updateSheet(msg)
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := scopeKeys.Dispatch(s, kp)
		return cmd
	}
	return nil
}

// saved follows what the store saved: the cursor goes to a new system, a deleted one leaves.
func (s *scoping) saved(msg steps.Saved) {
	if msg.Err != nil {
		return
	}
	switch in := msg.Intent.(type) {
	case steps.ImportInventory:
		s.imported(in, msg.Record.(store.InventoryImported))
	case steps.PutSystem:
		s.systemSaved(in, msg.Record.(assessment.AISystem))
	case steps.DeleteSystem:
		s.move(0)
		s.h.Say("Deleted " + kit.Vis(in.System.Name) + " from the inventory.")
	case steps.PutHeader:
		s.move(0)
	}
}

// edit opens the form of the row under the cursor.
func (s *scoping) edit() tea.Cmd {
	switch s.section {
	case secScope:
		return s.editScopeBlock(s.row())
	case secExclusions:
		if len(s.h.Assessment().Scope.Exclusions) > 0 {
			return s.editExclusion(s.row())
		}
	case secRoles:
		if len(s.h.Catalogue().GovernanceRoles) > 0 {
			return s.editRole(s.h.Catalogue().GovernanceRoles[s.row()])
		}
	case secCertification:
		return s.editCertification()
	case secInventory:
		if len(s.h.Assessment().Systems) > 0 {
			return s.editSystem(s.row())
		}
	}
	return nil
}

func (s *scoping) add() tea.Cmd {
	switch s.section {
	case secExclusions:
		return s.editExclusion(-1)
	case secInventory:
		return s.editSystem(-1)
	}
	return nil
}

// listWidth is the width of the list beside a detail pane.
func (s *scoping) listWidth() int { return min(max(s.width/4, 26), 36) }

// View draws the section bar and the current section, form or dialog.
func (s *scoping) View() string {
	st := s.h.Styles()
	h := s.bodyHeight()
	var body string
	switch {
	case s.confirm != nil:
		body = lipgloss.Place(s.width, h, lipgloss.Center, lipgloss.Center, s.confirm.View(st))
	case s.sheet != nil:
		body = s.sheet.View(st)
	case s.form != nil && s.formWide:
		body = s.form.View(st)
	case s.section == secCertification:
		body = s.certificationView(s.width)
	case s.section == secInventory:
		body = s.inventoryView(s.width, h)
	default:
		lw := s.listWidth()
		var left, right string
		switch s.section {
		case secScope:
			left, right = s.blocksList(lw), s.blockView(s.row(), s.width-lw-3)
		case secExclusions:
			left, right = s.exclusionsList(lw), s.exclusionView(s.width-lw-3)
		case secRoles:
			left, right = s.rolesList(lw), s.roleView(s.width-lw-3)
		}
		if s.form != nil {
			right = s.form.View(st)
		}
		body = kit.JoinColumns(left, right, lw, h, st)
	}
	return s.sectionBar() + "\n\n" + body
}
