package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type reportStepStub struct{ w *workspace }

func newReportStep(w *workspace) step               { return &reportStepStub{w} }
func (s *reportStepStub) Name() string              { return "Report" }
func (s *reportStepStub) Update(tea.Msg) tea.Cmd    { return nil }
func (s *reportStepStub) View() string              { return "TODO" }
func (s *reportStepStub) SetSize(int, int)          {}
func (s *reportStepStub) ShortHelp() []key.Binding  { return nil }
func (s *reportStepStub) FullHelp() [][]key.Binding { return nil }
func (s *reportStepStub) Typing() bool              { return false }
func (s *reportStepStub) Progress() (int, int)      { return 0, 0 }
