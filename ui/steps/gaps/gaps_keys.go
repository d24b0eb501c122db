package gaps

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
)

var (
	keyConformant = kit.NewBinding("c", "c", "conformant")
	keyPartial    = kit.NewBinding("p", "p", "partial")
	keyNonconf    = kit.NewBinding("n", "n", "nonconformant")
	keyNA         = kit.NewBinding("x", "x", "not applicable")
	keyMaturity   = kit.NewBinding("1 2 3 4 5", "1–5", "maturity")
	keyTarget     = kit.NewBinding("t", "t", "target +1")
	keyEvidence   = kit.NewBinding("e", "e", "add evidence")
	keyEvidences  = kit.NewBinding("E", "E", "edit/remove evidence")
	keyNotes      = kit.NewBinding("enter", "enter", "edit notes")
	keyRaiseNC    = kit.NewBinding("N", "N", "raise NC")
	keySearch     = kit.NewBinding("/", "/", "search")
	keyCycle      = kit.NewBinding("f", "f", "cycle filter")
	keyInterview  = kit.NewBinding("I", "I", "start interview")
	keyEndIntv    = kit.NewBinding("I", "I", "end interview")
	keyEvEdit     = kit.NewBinding("enter", "enter", "edit evidence item")
	keyEvRemove   = kit.NewBinding("d", "d", "remove evidence item")
	keyEvBack     = kit.NewBinding("esc", "esc", "back to the list")
	keyCite       = kit.NewBinding("i", "i", "cite an interview")
	keyAccept     = kit.NewBinding("a", "a", "accept answer as evidence")
	keyAcceptAll  = kit.NewBinding("A", "A", "accept answer into finding too")
	keyReject     = kit.NewBinding("r", "r", "reject answer")
)

// FullHelp lists the keys that work now, from the key table; an open sheet has its own.
func (g *gaps) FullHelp() [][]key.Binding {
	if g.sheet != nil {
		return [][]key.Binding{g.sheet.Keys()}
	}
	return gapKeys.Help(g)
}

// gapKeys is the step's key table: dispatch, footer and help read it.
var gapKeys = append(kit.Keys[*gaps]{
	{Binding: kit.KeyUp, Run: pickBy(-1), Enabled: (*gaps).picking},
	{Binding: kit.KeyDown, Run: pickBy(1), Enabled: (*gaps).picking},
	{Binding: keyEvEdit, Group: 1, Enabled: (*gaps).picking, Run: onSelected(func(g *gaps, item checklists.Item) tea.Cmd { return g.openEvidence(item, g.pick) })},
	{Binding: keyEvRemove, Group: 1, Enabled: (*gaps).picking, Run: onSelected(func(g *gaps, item checklists.Item) tea.Cmd { return g.askRemoveEvidence(item, g.pick) })},
	{Binding: keyEvBack, Group: 1, Enabled: (*gaps).picking, HelpOnly: true},
	{Binding: kit.KeyUp, Run: moveBy(func(*gaps) int { return -1 }), Enabled: (*gaps).browsing},
	{Binding: kit.KeyDown, Run: moveBy(func(*gaps) int { return 1 }), Enabled: (*gaps).browsing},
	{Binding: kit.KeyPgUp, Run: moveBy(func(g *gaps) int { return -max(g.height/2, 1) }), Enabled: (*gaps).browsing},
	{Binding: kit.KeyPgDown, Run: moveBy(func(g *gaps) int { return max(g.height/2, 1) }), Enabled: (*gaps).browsing},
	{Binding: kit.KeyScrollDown, Run: scrollBy(1), Enabled: (*gaps).scrolls},
	{Binding: kit.KeyScrollUp, Run: scrollBy(-1), Enabled: (*gaps).scrolls},
	{Binding: keyMaturity, Group: 1, Enabled: (*gaps).onItem, Run: func(g *gaps, kp tea.KeyPressMsg) tea.Cmd {
		m := int(kp.Code - '0')
		return g.judgeSelected(assessment.Judgement{Maturity: &m})
	}},
	{Binding: keyConformant, Group: 1, Run: setStatus(assessment.Conformant), Enabled: (*gaps).onItem},
	{Binding: keyPartial, Group: 1, Run: setStatus(assessment.Partial), Enabled: (*gaps).onItem},
	{Binding: keyNonconf, Group: 1, Run: setStatus(assessment.Nonconformant), Enabled: (*gaps).onItem},
	{Binding: keyNA, Group: 1, Run: setStatus(assessment.NotApplicable), Enabled: (*gaps).onItem},
	{Binding: keyTarget, Group: 1, Enabled: (*gaps).onItem, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd {
		item, _ := g.selected()
		t := g.h.Assessment().Result(item).EffectiveTarget()%5 + 1
		return g.judgeSelected(assessment.Judgement{Target: &t})
	}},
	{Binding: keyNotes, Group: 2, Run: onSelected((*gaps).openNotes), Enabled: (*gaps).onItem},
	{Binding: keyEvidence, Group: 2, Run: onSelected(func(g *gaps, item checklists.Item) tea.Cmd { return g.openEvidence(item, -1) }), Enabled: (*gaps).onItem},
	{Binding: keyEvidences, Group: 2, Enabled: func(g *gaps) bool { return g.onItem() && g.evidenceCount() > 0 },
		Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { g.pick = 0; return nil }},
	{Binding: keyRaiseNC, Group: 2, Run: onSelected((*gaps).raiseNC), Enabled: (*gaps).onItem},
	{Binding: keyCite, Group: 2, Run: onSelected((*gaps).citeInterview),
		Enabled: func(g *gaps) bool { return g.onItem() && len(g.h.Assessment().Interviews) > 0 }},
	{Binding: keyAccept, Group: 2, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { return g.accept(false) }, Enabled: (*gaps).onProposal},
	{Binding: keyAcceptAll, Group: 2, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { return g.accept(true) }, Enabled: (*gaps).onProposal},
	{Binding: keyReject, Group: 2, Run: onSelected((*gaps).askReject), Enabled: (*gaps).onProposal},
	{Binding: keySearch, Group: 3, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { return g.search.Focus() }, Enabled: (*gaps).browsing},
	{Binding: keyCycle, Group: 3, Enabled: (*gaps).browsing, Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd {
		g.filter = (g.filter + 1) % gapFilter(len(filterNames))
		g.rebuild()
		return nil
	}},
	{Binding: keyInterview, Group: 3, Enabled: func(g *gaps) bool { return g.browsing() && g.session == nil },
		Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { return g.startInterview() }},
	{Binding: keyEndIntv, Group: 3, Enabled: func(g *gaps) bool { return g.browsing() && g.session != nil },
		Run: func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { return g.endInterview() }},
	{Binding: kit.NewBinding("enter", "enter", "done"), HelpOnly: true, Enabled: func(g *gaps) bool { return g.search.Focused() }},
	{Binding: kit.NewBinding("esc", "esc", "clear search"), HelpOnly: true, Enabled: func(g *gaps) bool { return g.search.Focused() }},
}, kit.DialogRows(func(g *gaps) bool { return g.editing != nil }, func(g *gaps) bool { return g.ask != nil })...)

// idle is true while no dialog, form or the search field has the keyboard.
func (g *gaps) idle() bool {
	return g.editing == nil && g.sheet == nil && g.ask == nil && !g.search.Focused()
}

// browsing is true while the list has the keyboard.
func (g *gaps) browsing() bool { return g.idle() && g.pick < 0 }

// onItem is true while the list has the keyboard and an item is selected.
func (g *gaps) onItem() bool {
	_, ok := g.selected()
	return ok && g.browsing()
}

// scrolls is true while the list or the evidence has the keyboard and the detail is taller
// than its room.
func (g *gaps) scrolls() bool { return g.idle() && g.detail.Scrolls() }

func setStatus(s assessment.Status) func(*gaps, tea.KeyPressMsg) tea.Cmd {
	return func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { return g.judgeSelected(assessment.Judgement{Status: &s}) }
}

func onSelected(open func(*gaps, checklists.Item) tea.Cmd) func(*gaps, tea.KeyPressMsg) tea.Cmd {
	return func(g *gaps, _ tea.KeyPressMsg) tea.Cmd {
		item, _ := g.selected()
		return open(g, item)
	}
}

func moveBy(delta func(*gaps) int) func(*gaps, tea.KeyPressMsg) tea.Cmd {
	return func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { g.move(delta(g)); return nil }
}

func scrollBy(delta int) func(*gaps, tea.KeyPressMsg) tea.Cmd {
	return func(g *gaps, _ tea.KeyPressMsg) tea.Cmd { g.detail.Scroll(delta); return nil }
}

func pickBy(delta int) func(*gaps, tea.KeyPressMsg) tea.Cmd {
	return func(g *gaps, _ tea.KeyPressMsg) tea.Cmd {
		g.pick = max(0, min(g.pick+delta, g.evidenceCount()-1))
		return nil
	}
}
