package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type soaStub struct{ w *workspace }

func newSoA(w *workspace) step               { return &soaStub{w} }
func (s *soaStub) Name() string              { return "SoA" }
func (s *soaStub) Update(tea.Msg) tea.Cmd    { return nil }
func (s *soaStub) View() string              { return "TODO" }
func (s *soaStub) SetSize(int, int)          {}
func (s *soaStub) ShortHelp() []key.Binding  { return nil }
func (s *soaStub) FullHelp() [][]key.Binding { return nil }
func (s *soaStub) Typing() bool              { return false }
func (s *soaStub) Progress() (int, int)      { return 0, 0 }
