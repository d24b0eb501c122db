package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type risksStub struct{ w *workspace }

func newRisks(w *workspace) step               { return &risksStub{w} }
func (s *risksStub) Name() string              { return "Risk & impact" }
func (s *risksStub) Update(tea.Msg) tea.Cmd    { return nil }
func (s *risksStub) View() string              { return "TODO" }
func (s *risksStub) SetSize(int, int)          {}
func (s *risksStub) ShortHelp() []key.Binding  { return nil }
func (s *risksStub) FullHelp() [][]key.Binding { return nil }
func (s *risksStub) Typing() bool              { return false }
func (s *risksStub) Progress() (int, int)      { return 0, 0 }
