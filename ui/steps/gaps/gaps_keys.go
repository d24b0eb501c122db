package gaps

import (
	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// FullHelp lists the keys that work now, from the key table.
func (g *gaps) FullHelp() [][]key.Binding { return gapKeys.Help(g) }

// gapKeys is the step's key table: dispatch, footer and help read it.
var gapKeys = append(kit.Keys[*gaps]{
	{Binding: kit.KeyUp, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { g.move(-1); return nil }, Enabled: (*gaps).browsing},
	{Binding: kit.KeyDown, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { g.move(1); return nil }, Enabled: (*gaps).browsing},
	{Binding: kit.KeyPgUp, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { g.move(-max(g.height/2, 1)); return nil }, Enabled: (*gaps).browsing},
	{Binding: kit.KeyPgDown, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { g.move(max(g.height/2, 1)); return nil }, Enabled: (*gaps).browsing},
	{Binding: keyConformant, Group: 1, Run: setStatus(assessment.Conformant), Enabled: (*gaps).onItem},
	{Binding: keyPartial, Group: 1, Run: setStatus(assessment.Partial), Enabled: (*gaps).onItem},
	{Binding: keyNonconf, Group: 1, Run: setStatus(assessment.Nonconformant), Enabled: (*gaps).onItem},
	{Binding: keyNA, Group: 1, Run: setStatus(assessment.NotApplicable), Enabled: (*gaps).onItem},
	{Binding: keyMaturity, Group: 1, Enabled: (*gaps).onItem, Run: func(g *gaps, kp tea.KeyPressMsg) tea.Cmd {
		m := int(kp.Code - '0')
		return g.judge(assessment.Judgement{Maturity: &m})
	}},
	{Binding: keyTarget, Group: 1, Enabled: (*gaps).onItem, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd {
		item, _ := g.selected()
		t := g.h.Assessment().Result(item).EffectiveTarget()%5 + 1
		return g.judge(assessment.Judgement{Target: &t})
	}},
	{Binding: keyEvidence, Group: 2, Run: onSelected((*gaps).openEvidence), Enabled: (*gaps).onItem},
	{Binding: keyNotes, Group: 2, Run: onSelected((*gaps).openNotes), Enabled: (*gaps).onItem},
	{Binding: keyRaiseNC, Group: 2, Run: onSelected((*gaps).raiseNC), Enabled: (*gaps).onItem},
	{Binding: keySearch, Group: 2, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { return g.search.Focus() }, Enabled: (*gaps).browsing},
	{Binding: keyCycle, Group: 2, Enabled: (*gaps).browsing, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd {
		g.filter = (g.filter + 1) % gapFilter(len(filterNames))
		g.rebuild()
		return nil
	}},
	{Binding: kit.NewBinding("enter", "enter", "done"), HelpOnly: true, Enabled: func(g *gaps) bool { return g.search.Focused() }},
	{Binding: kit.NewBinding("esc", "esc", "clear filter"), HelpOnly: true, Enabled: func(g *gaps) bool { return g.search.Focused() }},
}, kit.DialogRows(func(g *gaps) bool { return g.editing != nil }, func(*gaps) bool { return false })...)

// browsing is true while the list has the keyboard.
func (g *gaps) browsing() bool { return g.editing == nil && !g.search.Focused() }

// onItem is true while the list has the keyboard and an item is selected.
func (g *gaps) onItem() bool {
	_, ok := g.selected()
	return ok && g.browsing()
}

func setStatus(s assessment.Status) func(*gaps, tea.KeyPressMsg) tea.Cmd {
	return func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { return g.judge(assessment.Judgement{Status: &s}) }
}

func onSelected(open func(*gaps, checklists.Item) tea.Cmd) func(*gaps, tea.KeyPressMsg) tea.Cmd {
	return func(g *gaps, _ tea.KeyPressMsg) tea.Cmd {
		item, _ := g.selected()
		return open(g, item)
	}
}

// judge records a judgement on the selected item.
func (g *gaps) judge(j assessment.Judgement) tea.Cmd {
	item, _ := g.selected()
	return g.h.Apply(steps.Judge{Item: item, Judgement: j})
}
