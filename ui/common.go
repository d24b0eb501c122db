// Package ui is the terminal workbench: a home screen of assessments and, inside one, a
// screen per step of the assessment workflow. Every edit goes to the store at once, in a
// command, through one ordered writer; nothing is held only in memory.
package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/store"
)

// Common is what every screen shares: the store, the catalogue, the palette, the clock and
// the ordered writer. It is passed to constructors, never kept in package globals.
type Common struct {
	Store  *store.Store
	Cat    *checklists.Catalogue
	Styles Styles
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

// vis makes stored text safe for one line of the terminal.
func vis(s string) string { return assessment.Visible(s, false) }

// visText makes stored multi-line text safe for the terminal.
func visText(s string) string {
	return strings.ReplaceAll(assessment.Visible(s, true), "\t", "    ")
}

// truncate cuts s to width cells with an ellipsis, keeping styling intact.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// pad fills s with spaces to width cells.
func pad(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// wrap breaks text into lines of at most width cells.
func wrap(s string, width int) string {
	return lipgloss.NewStyle().Width(width).Render(s)
}

func binding(keys, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(strings.Split(keys, " ")...), key.WithHelp(helpKey, desc))
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2006-01-02")
}

// statusMsg is a line shown in the footer until the next key.
type statusMsg struct {
	text string
	err  bool
}

// visibleNames makes a list of stored names safe for the terminal.
func visibleNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = vis(n)
	}
	return out
}
