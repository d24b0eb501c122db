package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type scopingStub struct{ w *workspace }

func newScoping(w *workspace) step               { return &scopingStub{w} }
func (s *scopingStub) Name() string              { return "Scoping" }
func (s *scopingStub) Update(tea.Msg) tea.Cmd    { return nil }
func (s *scopingStub) View() string              { return "TODO" }
func (s *scopingStub) SetSize(int, int)          {}
func (s *scopingStub) ShortHelp() []key.Binding  { return nil }
func (s *scopingStub) FullHelp() [][]key.Binding { return nil }
func (s *scopingStub) Typing() bool              { return false }
func (s *scopingStub) Progress() (int, int)      { return 0, 0 }
