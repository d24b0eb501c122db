package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type maturityStub struct{ w *workspace }

func newMaturity(w *workspace) step               { return &maturityStub{w} }
func (s *maturityStub) Name() string              { return "Maturity" }
func (s *maturityStub) Update(tea.Msg) tea.Cmd    { return nil }
func (s *maturityStub) View() string              { return "TODO" }
func (s *maturityStub) SetSize(int, int)          {}
func (s *maturityStub) ShortHelp() []key.Binding  { return nil }
func (s *maturityStub) FullHelp() [][]key.Binding { return nil }
func (s *maturityStub) Typing() bool              { return false }
func (s *maturityStub) Progress() (int, int)      { return 0, 0 }
