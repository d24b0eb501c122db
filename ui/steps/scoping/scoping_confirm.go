package scoping

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"aimsbench/ui/kit"
)

// askDelete asks before removing an exclusion or an AI system; No is the default.
func (s *scoping) askDelete() {
	switch {
	case s.section == secExclusions && len(s.h.Assessment().Scope.Exclusions) > 0:
		i := s.row()
		e := s.h.Assessment().Scope.Exclusions[i]
		s.confirm = kit.NewConfirm(s.question("Delete the exclusion “"+kit.Vis(e.What)+"” and its justification?"), e.What)
		s.onConfirm = func() tea.Cmd { return s.deleteExclusion(i) }
	case s.section == secInventory && len(s.h.Assessment().Systems) > 0:
		sys := s.h.Assessment().Systems[s.row()]
		q := "Delete the AI system “" + kit.Vis(sys.Name) + "” from the inventory?"
		switch n := len(risksOf(s.h.Assessment(), sys.ID)); {
		case n == 1:
			q += " 1 risk in the register names it and would lose that link."
		case n > 1:
			q += fmt.Sprintf(" %d risks in the register name it and would lose that link.", n)
		}
		s.confirm = kit.NewConfirm(s.question(q), sys.Name)
		id := sys.ID
		s.onConfirm = func() tea.Cmd { return s.deleteSystem(id) }
	}
}

// question wraps a dialog's question to fit the screen with the dialog's frame.
func (s *scoping) question(q string) string {
	return kit.Wrap(kit.Truncate(q, 300), min(max(s.width-12, 30), 70))
}

func (s *scoping) updateConfirm(msg tea.Msg) tea.Cmd {
	done, yes := s.confirm.Update(msg)
	if !done {
		return nil
	}
	apply := s.onConfirm
	s.confirm, s.onConfirm = nil, nil
	if yes && apply != nil {
		return apply()
	}
	s.h.Say("Nothing was deleted.")
	return nil
}
