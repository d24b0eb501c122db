// Package merge is the screen that brings another assessor's copy of an assessment into this
// one (SPEC §12 "Two laptops"): it reads the bundle the other laptop exported, shows what the
// merge takes and every conflict side by side, lets the assessor settle each, and merges in
// one transaction once they confirm. It plans and merges through the store (store.PlanMerge,
// store.Merge); nothing is written before the confirmation, and esc leaves the database as
// it was.
package merge

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/report"
	"aimsbench/store"
	"aimsbench/ui/kit"
)

// DoneMsg says the merge screen is finished: Text is what to tell the assessor on the home
// screen (the merge's result, or that nothing was written), Merged whether the database
// changed.
type DoneMsg struct {
	Text   string
	Merged bool
}

// stage is where the assessor is in the merge.
type stage int

const (
	askingPath stage = iota // typing the bundle's path
	planning                // the bundle is read and the merge worked out in the background
	reviewing               // the plan is shown; conflicts are settled one by one
	confirming              // "Merge now?" is asked
	merging                 // the merge is being written
)

type (
	// plannedMsg carries the plan of a merge, worked out without writing anything.
	plannedMsg struct {
		req  int
		in   store.MergeInput
		plan *assessment.MergePlan
		seal *report.SealCheck
		err  error
	}
	// mergedMsg carries the merge as written, or why it was not.
	mergedMsg struct {
		plan *assessment.MergePlan
		err  error
	}
)

// Model is the merge screen for one assessment.
type Model struct {
	c       *kit.Session
	id      string // the assessment merged into
	title   string // its title, for the heading
	path    kit.Input
	spin    spinner.Model
	stage   stage
	req     int // the plan asked for last; a reply to an earlier one is dropped
	in      store.MergeInput
	plan    *assessment.MergePlan
	seal    *report.SealCheck
	current int // the conflict on screen
	confirm *kit.Confirm
	status  kit.Status
	width   int
	height  int
}

var (
	keyRead   = kit.NewBinding("enter", "enter", "read the bundle")
	keyOurs   = kit.NewBinding("o", "o", "keep ours")
	keyTheirs = kit.NewBinding("t", "t", "take theirs")
	keyNext   = kit.NewBinding("down j n", kit.KeyDown.Help().Key, "next conflict") // a move: the footer leaves it out first
	keyPrev   = kit.NewBinding("up k p", kit.KeyUp.Help().Key, "previous conflict")
	keyMerge  = kit.NewBinding("enter", "enter", "merge")
	keyPath   = kit.NewBinding("b", "b", "other file")
	keyCancel = kit.NewBinding("esc", "esc", "leave")
)

// New opens the merge screen on the assessment id (titled title), asking for the bundle.
func New(c *kit.Session, id, title string) *Model {
	m := &Model{c: c, id: id, title: title, path: kit.NewInput(), spin: spinner.New(spinner.WithSpinner(spinner.Dot))}
	m.path.Placeholder = "path of the bundle the other laptop exported (.json)"
	return m
}

// Init gives the path field the keyboard.
func (m *Model) Init() tea.Cmd { return m.path.Focus() }

// SetSize follows the terminal's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.path.SetWidth(max(w-14, 20))
}

// Typing reports whether the path field or the confirmation has the keyboard, where q and ?
// are letters or answers.
func (m *Model) Typing() bool { return m.stage == askingPath || m.stage == confirming }

// FullHelp lists the keys that work now, from the key table.
func (m *Model) FullHelp() [][]key.Binding { return mergeKeys.Help(m) }

// mergeKeys is the screen's key table: dispatch, footer and help read it.
var mergeKeys = append(kit.Keys[*Model]{
	{Binding: keyRead, Enabled: func(m *Model) bool { return m.stage == askingPath }, Run: (*Model).readBundle},
	{Binding: keyOurs, Enabled: (*Model).onConflict, Run: func(m *Model, _ tea.KeyPressMsg) tea.Cmd { return m.settle(assessment.Ours) }},
	{Binding: keyTheirs, Enabled: (*Model).onConflict, Run: func(m *Model, _ tea.KeyPressMsg) tea.Cmd { return m.settle(assessment.Theirs) }},
	{Binding: keyNext, Enabled: (*Model).onConflict, Run: func(m *Model, _ tea.KeyPressMsg) tea.Cmd {
		m.current = min(m.current+1, len(m.plan.Conflicts)-1)
		return nil
	}},
	{Binding: keyPrev, Enabled: (*Model).onConflict, Run: func(m *Model, _ tea.KeyPressMsg) tea.Cmd { m.current = max(m.current-1, 0); return nil }},
	{Binding: keyMerge, Group: 1, Enabled: (*Model).mayMerge, Run: func(m *Model, _ tea.KeyPressMsg) tea.Cmd {
		m.confirm = kit.NewConfirm(m.question(), m.id)
		m.stage = confirming
		return nil
	}},
	{Binding: keyPath, Group: 1, Enabled: func(m *Model) bool { return m.stage == reviewing }, Run: func(m *Model, _ tea.KeyPressMsg) tea.Cmd {
		m.stage, m.plan = askingPath, nil
		return m.path.FocusSelected()
	}},
	{Binding: keyCancel, Group: 1, Enabled: func(m *Model) bool { return m.stage != merging && m.stage != confirming }, Run: func(m *Model, _ tea.KeyPressMsg) tea.Cmd {
		return done("Merge cancelled; nothing was written.", false)
	}},
}, kit.DialogRows(func(*Model) bool { return false }, func(m *Model) bool { return m.stage == confirming })...)

// onConflict is true while the plan is shown and has conflicts to settle.
func (m *Model) onConflict() bool {
	return m.stage == reviewing && m.plan != nil && len(m.plan.Conflicts) > 0
}

// mayMerge is true once every conflict is settled: nothing is merged while one is open.
func (m *Model) mayMerge() bool {
	return m.stage == reviewing && m.plan != nil && len(m.plan.Unsettled()) == 0
}

func done(text string, merged bool) tea.Cmd {
	return func() tea.Msg { return DoneMsg{Text: text, Merged: merged} }
}

// Update handles the path field, the replies of the background work, the settling keys and
// the confirmation.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if m.stage != planning && m.stage != merging {
			return nil // the spinner stops with the work it shows
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return cmd
	case plannedMsg:
		return m.planned(msg)
	case mergedMsg:
		return m.merged(msg)
	}
	kp, isKey := msg.(tea.KeyPressMsg)
	if m.stage == confirming {
		if ok, yes := m.confirm.Update(msg); ok {
			m.confirm, m.stage = nil, reviewing
			if yes {
				return m.merge()
			}
			m.status = kit.Status{Text: "Nothing was merged yet; enter asks again, esc leaves without writing."}
		}
		return nil
	}
	if isKey {
		m.status = kit.Status{}
		if cmd, handled := mergeKeys.Dispatch(m, kp); handled || m.stage != askingPath {
			return cmd
		}
	}
	if m.stage == askingPath {
		var cmd tea.Cmd
		m.path, cmd = m.path.Update(msg)
		return cmd
	}
	return nil
}

// readBundle reads the bundle named in the path field and plans the merge in the background.
func (m *Model) readBundle(tea.KeyPressMsg) tea.Cmd {
	path := strings.TrimSpace(m.path.Value())
	if path == "" {
		m.status = kit.Status{Text: "Type the path of the bundle the other laptop exported, then press enter.", Err: true}
		return nil
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(m.c.WorkDir, path)
	}
	if m.c.ReadOnly != "" {
		m.status = kit.Status{Text: "Nothing can be merged: this session is read-only. " + m.c.ReadOnly, Err: true}
		return nil
	}
	m.path.Blur()
	m.stage, m.req = planning, m.req+1
	s, cat, id, req := m.c.Store, m.c.Cat, m.id, m.req
	plan := func() tea.Msg {
		b, seal, sum, err := report.OpenBundle(path, cat, report.ImportOptions{})
		if seal != nil && !seal.Intact { // said for the workbench: the command line's way round it is no help here
			err = fmt.Errorf("%s was changed after it was sealed (%s); ask your colleague to export it again", filepath.Base(path), seal.Problem)
		}
		if err != nil {
			return plannedMsg{req: req, err: err}
		}
		in := store.MergeInput{Theirs: b.Assessment, Origin: b.Origin, File: filepath.Base(path), SHA256: sum}
		p, err := s.PlanMerge(id, in)
		if err != nil {
			err = fmt.Errorf("%s cannot be merged into this assessment: %w", filepath.Base(path), err)
		}
		return plannedMsg{req: req, in: in, plan: p, seal: seal, err: err}
	}
	return tea.Batch(plan, m.spin.Tick)
}

// planned shows the plan, or asks for the path again with the reason the bundle was refused.
func (m *Model) planned(msg plannedMsg) tea.Cmd {
	if msg.req != m.req || m.stage != planning {
		return nil // a reply to a bundle the assessor has since left
	}
	if msg.err != nil {
		m.stage = askingPath
		m.status = kit.Status{Text: msg.err.Error(), Err: true}
		return m.path.FocusSelected()
	}
	m.stage, m.in, m.plan, m.seal, m.current = reviewing, msg.in, msg.plan, msg.seal, 0
	return nil
}

// settle chooses a side for the conflict on screen and moves to the next one still open.
func (m *Model) settle(side assessment.Side) tea.Cmd {
	c := m.plan.Conflicts[m.current]
	if err := m.plan.Settle(c.Ref, side); err != nil {
		m.status = kit.Status{Text: err.Error(), Err: true}
		return nil
	}
	for i := range m.plan.Conflicts {
		if next := (m.current + 1 + i) % len(m.plan.Conflicts); m.plan.Conflicts[next].Take == "" {
			m.current = next
			return nil
		}
	}
	m.status = kit.Status{Text: "Every conflict is settled: press enter to merge, or change a choice first."}
	return nil
}

// question is the confirmation asked before the merge is written.
func (m *Model) question() string {
	return kit.Wrap(fmt.Sprintf("Merge %s into %q now? %s taken from the bundle and %s settled as chosen, in one transaction the audit trail records.",
		kit.Vis(m.in.File), kit.Vis(m.title), kit.Plural(len(m.plan.Taken), "change"), kit.Plural(len(m.plan.Conflicts), "conflict")), kit.DialogWidth(m.width))
}

// merge writes the merge through the ordered writer, so it reaches the disk after every
// edit made before it and quitting waits for it.
func (m *Model) merge() tea.Cmd {
	m.stage = merging
	s, cat, id, in, settled := m.c.Store, m.c.Cat, m.id, m.in, m.plan.Settlements()
	write := m.c.Writer.Queue(func() tea.Msg {
		plan, err := s.Merge(cat, id, in, settled)
		return mergedMsg{plan: plan, err: err}
	})
	return tea.Batch(write, m.spin.Tick)
}

// merged reports the merge written, or shows why not: when the assessment changed since the
// plan and the merge now has conflicts not yet settled, the new plan is shown to settle.
func (m *Model) merged(msg mergedMsg) tea.Cmd {
	m.stage = reviewing
	var unsettled *store.UnsettledError
	switch {
	case errors.As(msg.err, &unsettled):
		m.plan, m.current = unsettled.Plan, 0
		m.status = kit.Status{Text: "The assessment changed since the bundle was read: settle the conflicts still open, then merge. Nothing was written.", Err: true}
		return nil
	case msg.err != nil:
		m.status = kit.Status{Text: "Nothing was merged: " + msg.err.Error(), Err: true}
		return nil
	}
	return done(fmt.Sprintf("Merged %s: taken %d, conflicts settled %d.", kit.Vis(m.in.File), len(msg.plan.Taken), len(msg.plan.Conflicts)), true)
}
