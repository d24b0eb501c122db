package risks

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// risks is the risk-and-impact step: the impact assessment (AISIA) of each in-scope AI
// system, the AI risk register and a heat map of the open risks. One cursor runs through
// both tables, systems first, so every row is reached with the same keys.
type risks struct {
	h        steps.Host
	cursor   int  // index over the in-scope systems, then the risks
	other    int  // where the cursor was in the other table, for the switch key
	residual bool // the heat map shows ratings after treatment
	editing  *kit.Form
	onDone   func() tea.Cmd // applies the open form's values
	ask      *kit.Confirm   // delete confirmation
	askRisk  assessment.Risk
	width    int
	height   int
}

// Keys of the step, listed in its key table.
var (
	riskKeyTop       = kit.NewBinding("home g", "g", "first")
	riskKeyBottom    = kit.NewBinding("end G", "G", "last")
	riskKeySwitch    = kit.NewBinding("t", "t", "other table")
	riskKeyEditAISIA = kit.NewBinding("enter e", "enter", "edit impact assessment")
	riskKeyEditRisk  = kit.NewBinding("enter e", "enter", "edit risk")
	riskKeyAdd       = kit.NewBinding("a", "a", "add risk")
	riskKeyDelete    = kit.NewBinding("d", "d", "delete risk")
	riskKeyMap       = kit.NewBinding("m", "m", "heat map inherent/residual")
	riskKeyCriteria  = kit.NewBinding("c", "c", "risk appetite and acceptance")
)

// riskKeys is the step's key table: dispatch, footer and help read it.
var riskKeys = append(kit.Keys[*risks]{
	{Binding: kit.KeyUp, Run: riskMove(func(r *risks) int { return r.cursor - 1 }), Enabled: (*risks).browsing},
	{Binding: kit.KeyDown, Run: riskMove(func(r *risks) int { return r.cursor + 1 }), Enabled: (*risks).browsing},
	{Binding: kit.KeyPgUp, Run: riskMove(func(r *risks) int { return r.cursor - max(r.height/3, 1) }), Enabled: (*risks).browsing},
	{Binding: kit.KeyPgDown, Run: riskMove(func(r *risks) int { return r.cursor + max(r.height/3, 1) }), Enabled: (*risks).browsing},
	{Binding: riskKeyTop, Run: riskMove(func(*risks) int { return 0 }), Enabled: (*risks).browsing},
	{Binding: riskKeyBottom, Run: riskMove(func(r *risks) int { return r.rows() - 1 }), Enabled: (*risks).browsing},
	{Binding: riskKeySwitch, Run: func(r *risks, _ tea.KeyPressMsg) tea.Cmd { r.switchTable(); return nil }, Enabled: (*risks).browsing},
	{Binding: riskKeyEditAISIA, Group: 1, Enabled: func(r *risks) bool { sys, _ := r.selected(); return r.browsing() && sys != nil },
		Run: func(r *risks, _ tea.KeyPressMsg) tea.Cmd { sys, _ := r.selected(); return r.openAISIA(*sys) }},
	{Binding: riskKeyEditRisk, Group: 1, Enabled: (*risks).onRisk,
		Run: func(r *risks, _ tea.KeyPressMsg) tea.Cmd { _, i := r.selected(); return r.openRisk(i) }},
	{Binding: riskKeyAdd, Group: 1, Run: func(r *risks, _ tea.KeyPressMsg) tea.Cmd { return r.openRisk(-1) }, Enabled: (*risks).browsing},
	{Binding: riskKeyDelete, Group: 1, Enabled: (*risks).onRisk, Run: func(r *risks, _ tea.KeyPressMsg) tea.Cmd {
		_, i := r.selected()
		risk := r.h.Assessment().Risks[i]
		question := kit.Wrap(fmt.Sprintf("Delete %s “%s” from the risk register?", kit.RiskLabel(risk), kit.Vis(risk.Title)), kit.DialogWidth(r.width))
		r.ask, r.askRisk = kit.NewConfirm(question, kit.RiskLabel(risk)), risk
		return nil
	}},
	{Binding: riskKeyMap, Group: 1, Run: func(r *risks, _ tea.KeyPressMsg) tea.Cmd { r.residual = !r.residual; return nil }, Enabled: (*risks).browsing},
	{Binding: riskKeyCriteria, Group: 1, Run: func(r *risks, _ tea.KeyPressMsg) tea.Cmd { return r.openCriteria() }, Enabled: (*risks).browsing},
}, kit.DialogRows(func(r *risks) bool { return r.editing != nil }, func(r *risks) bool { return r.ask != nil })...)

// browsing is true while no form or dialog is open.
func (r *risks) browsing() bool { return r.editing == nil && r.ask == nil }

// onRisk is true while a risk of the register is selected.
func (r *risks) onRisk() bool {
	_, i := r.selected()
	return r.browsing() && i >= 0
}

// riskMove puts the cursor on the row to returns, kept among the rows.
func riskMove(to func(*risks) int) func(*risks, tea.KeyPressMsg) tea.Cmd {
	return func(r *risks, _ tea.KeyPressMsg) tea.Cmd {
		r.cursor = to(r)
		r.selected() // clamp the cursor
		return nil
	}
}

// New builds the risk and impact step.
func New(h steps.Host) steps.Step { return &risks{h: h} }

func (r *risks) Name() string { return "Risk & impact" }

func (r *risks) Typing() bool { return r.editing != nil || r.ask != nil }

func (r *risks) SetSize(w, h int) { r.width, r.height = w, h }

// Progress counts the in-scope systems whose impact assessment is current.
func (r *risks) Progress() (int, int) {
	systems := r.systems()
	done := 0
	for _, s := range systems {
		if assessment.ImpactAssessmentProblem(s, r.h.Now()) == "" {
			done++
		}
	}
	return done, len(systems)
}

// systems are the in-scope AI systems, in inventory order.
func (r *risks) systems() []assessment.AISystem {
	var out []assessment.AISystem
	for _, s := range r.h.Assessment().Systems {
		if s.InScope {
			out = append(out, s)
		}
	}
	return out
}

// rows is the number of rows the cursor runs over.
func (r *risks) rows() int { return len(r.systems()) + len(r.h.Assessment().Risks) }

// selected returns the row under the cursor: a system, or the index of a risk.
func (r *risks) selected() (sys *assessment.AISystem, risk int) {
	systems := r.systems()
	r.cursor = max(0, min(r.cursor, r.rows()-1))
	if r.cursor < len(systems) {
		return &systems[r.cursor], -1
	}
	if i := r.cursor - len(systems); i < len(r.h.Assessment().Risks) {
		return nil, i
	}
	return nil, -1
}

// FullHelp lists the keys that work now, from the key table.
func (r *risks) FullHelp() [][]key.Binding { return riskKeys.Help(r) }

// Update routes keys to the open dialog or form first, then to the tables.
func (r *risks) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case steps.Saved:
		r.saved(msg)
		return nil
	case steps.JumpTo:
		for i, sys := range r.systems() {
			if sys.ID == msg.System {
				r.cursor = i
			}
		}
		return nil
	case steps.Reloaded:
		r.selected() // clamp the cursor
		return nil
	}
	if r.ask != nil {
		return r.updateConfirm(msg)
	}
	if r.editing != nil {
		cmd, cancelled := kit.UpdateForm(&r.editing, msg)
		if cancelled {
			r.h.Say("Cancelled; nothing changed.")
		}
		return cmd
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := riskKeys.Dispatch(r, kp)
		return cmd
	}
	return nil
}

// saved follows what the store saved: a new risk is selected with the number it was given.
func (r *risks) saved(msg steps.Saved) {
	in, ok := msg.Intent.(steps.PutRisk)
	if !ok || in.Base != nil || msg.Err != nil {
		return
	}
	risk := msg.Record.(assessment.Risk)
	if i := slices.IndexFunc(r.h.Assessment().Risks, func(x assessment.Risk) bool { return x.ID == risk.ID }); i >= 0 {
		r.cursor = len(r.systems()) + i
	}
	r.h.Say(kit.RiskLabel(risk) + " “" + kit.Vis(risk.Title) + "” added to the register.")
}

// switchTable moves the cursor between the impact assessments and the register, back to
// where it was in the other table.
func (r *risks) switchTable() {
	n := len(r.systems())
	inSystems := r.cursor < n
	r.cursor, r.other = r.other, r.cursor
	if inSystems && r.cursor < n {
		r.cursor = n // first visit to the register
	}
	if !inSystems && r.cursor >= n {
		r.cursor = 0
	}
}

func (r *risks) updateConfirm(msg tea.Msg) tea.Cmd {
	done, yes := r.ask.Update(msg)
	if !done {
		return nil
	}
	r.ask = nil
	if !yes {
		r.h.Say("Not deleted.")
		return nil
	}
	r.h.Say(kit.RiskLabel(r.askRisk) + " deleted.")
	return r.h.Apply(steps.DeleteRisk{Risk: r.askRisk})
}

// putRisk saves a new risk (no base; the store numbers it) or an edited one.
func (r *risks) putRisk(base *assessment.Risk, next assessment.Risk) tea.Cmd {
	if base != nil {
		r.h.Say(kit.RiskLabel(next) + " saved.")
	}
	return r.h.Apply(steps.PutRisk{Base: base, Next: next})
}

// putSystem saves an AI system whose impact assessment was edited.
func (r *risks) putSystem(base *assessment.AISystem, next assessment.AISystem) tea.Cmd {
	r.h.Say("Impact assessment of " + kit.Vis(next.Name) + " saved.")
	return r.h.Apply(steps.PutSystem{Base: base, Next: next})
}
