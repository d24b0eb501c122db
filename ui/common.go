// Package ui is the terminal workbench: a home screen of assessments and, inside one, a
// screen per step of the assessment workflow. Every edit goes to the store at once, in a
// command, through one ordered writer; nothing is held only in memory.
package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/checklists"
	"aimsbench/store"
	"aimsbench/ui/theme"
)

// Common is what every screen shares: the store, the catalogue, the palette, the clock and
// the ordered writer. It is passed to constructors, never kept in package globals.
type Common struct {
	Store  *store.Store
	Cat    *checklists.Catalogue
	Styles theme.Styles
	Now    func() time.Time
	// WorkDir is where exports go by default: the folder the workbench was started in.
	WorkDir string
	// ReadOnly says why edits are not accepted ("" when they are).
	ReadOnly string
	saver    *saver
}

// step is the contract of every screen inside an assessment.
type step interface {
	Name() string
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Typing reports whether a text field, filter or dialog has the keyboard, so global
	// keys (q, digits, tab) must go to it instead.
	Typing() bool
	Progress() (done, total int)
}
