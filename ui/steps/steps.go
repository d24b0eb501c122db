// Package steps is the contract between the workspace and the screens of an assessment's
// steps: what a step is, what it may read (Host), how it asks for a change (intents), how
// replies and moves between steps are addressed. It is its own small package so that the
// workspace and every step package can import it without importing each other; the step
// packages live below it (steps/gaps, steps/ncs, …) and never import one another.
package steps

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/checklists"
	"aimsbench/ui/theme"
)

// ID names a step; replies and moves are addressed by it. The order is the workflow's.
type ID int

// The steps of the workflow, in order.
const (
	Scoping ID = iota
	GapAnalysis
	SoA
	Risks
	ControlTesting
	Maturity
	Nonconformities
	Records // the evidence request list and the field registers
	Readiness
	Report
)

// Step is the contract of every screen inside an assessment.
type Step interface {
	Name() string
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	// FullHelp lists the keys that work now, by column, for the footer and the ? help; it
	// is read from the step's key table.
	FullHelp() [][]key.Binding
	// Typing reports whether a text field, filter or dialog has the keyboard, so global
	// keys (q, digits, tab) must go to it instead.
	Typing() bool
	Progress() (done, total int)
}

// Backer is a step with an inner level (e.g. the samples of a control test) that esc leaves
// before it leaves the assessment. Back reports whether it went back.
type Backer interface{ Back() bool }

// DigitUser is a step that uses the digit keys 1–5 itself (maturity); 6–9 still switch steps,
// and alt+digit switches from it.
type DigitUser interface{ UsesDigits() bool }

// Host is what a step may know of the open assessment and the workbench. The assessment it
// returns is the snapshot on screen: steps read it and never change it; a change is an
// intent given to Apply, and the workspace replaces the snapshot with a new one.
type Host interface {
	Assessment() *assessment.Assessment
	Summary() *assessment.Summary
	Catalogue() *checklists.Catalogue
	Styles() theme.Styles
	Now() time.Time
	// WorkDir is where exports go by default: the folder the workbench was started in.
	WorkDir() string
	// Apply checks an intent against the rules, shows its effect and queues it for the
	// store; a refusal is shown in the footer and nothing changes.
	Apply(Intent) tea.Cmd
	// Say shows a line in the footer until the next key.
	Say(text string)
	// Refuse shows why something was not done.
	Refuse(err error) tea.Cmd
	// Background runs work off the UI goroutine; its message comes back to this step,
	// whether or not it is on screen.
	Background(work func() tea.Msg) tea.Cmd
	// Copy is a deep copy of the assessment for background work to read.
	Copy() *assessment.Assessment
}

// Reply is a message addressed to one step: the workspace delivers Msg to step To even
// when another step is on screen.
type Reply struct {
	To  ID
	Msg tea.Msg
}

// JumpTo moves to a step and shows one thing there: an item of the catalogue, an AI system
// or a nonconformity. The target step receives the message itself and finds the thing.
type JumpTo struct {
	Step   ID
	Item   string
	System int64
	NC     int
}

// Opened tells every step that the assessment has just been opened: a step that shows
// something read beside the snapshot (the client's questionnaire answers) reads it now, so
// the first frame is complete.
type Opened struct{}

// Reloaded tells every step that the assessment was read again from the store (ctrl+r, or
// the terminal regained focus after another program changed it): keep cursors in range.
type Reloaded struct{}
