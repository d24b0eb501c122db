package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type testingStub struct{ w *workspace }

func newTesting(w *workspace) step               { return &testingStub{w} }
func (s *testingStub) Name() string              { return "Control testing" }
func (s *testingStub) Update(tea.Msg) tea.Cmd    { return nil }
func (s *testingStub) View() string              { return "TODO" }
func (s *testingStub) SetSize(int, int)          {}
func (s *testingStub) ShortHelp() []key.Binding  { return nil }
func (s *testingStub) FullHelp() [][]key.Binding { return nil }
func (s *testingStub) Typing() bool              { return false }
func (s *testingStub) Progress() (int, int)      { return 0, 0 }
