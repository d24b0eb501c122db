package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type nCsStub struct{ w *workspace }

func newNCs(w *workspace) step               { return &nCsStub{w} }
func (s *nCsStub) Name() string              { return "Nonconformities" }
func (s *nCsStub) Update(tea.Msg) tea.Cmd    { return nil }
func (s *nCsStub) View() string              { return "TODO" }
func (s *nCsStub) SetSize(int, int)          {}
func (s *nCsStub) ShortHelp() []key.Binding  { return nil }
func (s *nCsStub) FullHelp() [][]key.Binding { return nil }
func (s *nCsStub) Typing() bool              { return false }
func (s *nCsStub) Progress() (int, int)      { return 0, 0 }
