package gaps

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// raiseNC raises a nonconformity pre-filled from the item; the store numbers it. A slip of
// N must not raise a second finding or contradict a judgement: an item that has an open
// nonconformity is offered it instead, and a conformant item asks for the grade.
func (g *gaps) raiseNC(item checklists.Item) tea.Cmd {
	a := g.h.Assessment()
	for _, nc := range a.NCs {
		if nc.ItemID == item.ID && nc.IsOpen() {
			q := fmt.Sprintf("%s (%s, %s) is already open against %s. Open it on step 7 instead of raising another? "+
				"To raise a second finding anyway, press a on step 7.", nc.Label(), nc.Grade.Label(), nc.Status.Label(), item.ID)
			g.ask = kit.NewConfirm(q, item.ID).Fit(g.detailWidth())
			number := nc.Number
			g.onYes = func() tea.Cmd {
				return func() tea.Msg { return steps.JumpTo{Step: steps.Nonconformities, NC: number} }
			}
			return nil
		}
	}
	nc := assessment.NewNonconformity(0, a.Result(item), item.Title, g.h.Now())
	if a.Result(item).Status != assessment.Conformant {
		return g.h.Apply(steps.PutNC{Next: nc})
	}
	grades, names := make([]string, len(assessment.Grades)), make([]string, len(assessment.Grades))
	for i, gr := range assessment.Grades {
		grades[i], names[i] = string(gr), gr.Label()
	}
	g.sheet = kit.NewSheet("Raise a finding against "+item.ID, g.detailWidth()).
		ChoiceField("grade", "Grade", grades, names, string(assessment.Observation))
	g.sheet.Intro = item.ID + " is judged conformant, so a nonconformity would contradict it. Choose the grade with ←/→ " +
		"(an observation or an opportunity for improvement fits a conformant item), enter raises it, esc raises nothing."
	g.onSheet = func(s *kit.Sheet) (tea.Cmd, error) {
		nc.Grade = assessment.Grade(s.Get("grade"))
		return g.h.Apply(steps.PutNC{Next: nc}), nil
	}
	return nil
}

// updateAsk answers the open question: only yes does what it asks.
func (g *gaps) updateAsk(msg tea.Msg) tea.Cmd {
	done, yes := g.ask.Update(msg)
	if !done {
		return nil
	}
	onYes := g.onYes
	g.ask, g.onYes = nil, nil
	if !yes {
		g.h.Say("Nothing changed.")
		return nil
	}
	return onYes()
}

// updateSheet passes keys to the open sheet; saving applies it, and a refusal keeps it open
// with the reason and everything typed.
func (g *gaps) updateSheet(msg tea.Msg) tea.Cmd {
	switch g.sheet.Update(msg) {
	case kit.Cancelled:
		g.sheet, g.onSheet = nil, nil
		g.h.Say("Cancelled; nothing changed.")
	case kit.Saved:
		cmd, err := g.onSheet(g.sheet)
		if err != nil {
			g.sheet.Err = err.Error()
			return nil
		}
		g.sheet, g.onSheet = nil, nil
		return cmd
	}
	return nil
}
