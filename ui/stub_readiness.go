package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type readinessStub struct{ w *workspace }

func newReadiness(w *workspace) step               { return &readinessStub{w} }
func (s *readinessStub) Name() string              { return "Readiness" }
func (s *readinessStub) Update(tea.Msg) tea.Cmd    { return nil }
func (s *readinessStub) View() string              { return "TODO" }
func (s *readinessStub) SetSize(int, int)          {}
func (s *readinessStub) ShortHelp() []key.Binding  { return nil }
func (s *readinessStub) FullHelp() [][]key.Binding { return nil }
func (s *readinessStub) Typing() bool              { return false }
func (s *readinessStub) Progress() (int, int)      { return 0, 0 }
