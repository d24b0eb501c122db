// Package records is the records step: the catalogue's evidence request list as a working
// list (who was asked for which document, and where each request stands), and the field
// registers kept on site (internal audits, management reviews, interviews, AI incidents,
// training records, suppliers). A sub-tab line switches between them.
package records

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// tab is one sub-screen of the step: the request list or one register.
type tab interface {
	title() string
	setSize(r room)
	update(msg tea.Msg) tea.Cmd
	view() string
	help() [][]key.Binding
	typing() bool
	saved(msg steps.Saved)
	reloaded()
}

// records is the step: its tabs and which one is on screen.
type records struct {
	h      steps.Host
	tabs   []tab
	active int
	width  int
	height int
}

// Keys of the step itself; each tab has its own table.
var (
	keyNextTab = kit.NewBinding("] right", "]/→", "next list")
	keyPrevTab = kit.NewBinding("[ left", "[/←", "previous list")
)

var recordKeys = kit.Keys[*records]{
	{Binding: keyNextTab, Group: 5, Enabled: (*records).browsing, Run: func(r *records, _ tea.KeyPressMsg) tea.Cmd {
		r.active = (r.active + 1) % len(r.tabs)
		return nil
	}},
	{Binding: keyPrevTab, Group: 5, Enabled: (*records).browsing, Run: func(r *records, _ tea.KeyPressMsg) tea.Cmd {
		r.active = (r.active + len(r.tabs) - 1) % len(r.tabs)
		return nil
	}},
}

// New builds the records step.
func New(h steps.Host) steps.Step {
	return &records{h: h, tabs: []tab{
		newRequests(h),
		newRegister(h, audits),
		newRegister(h, reviews),
		newRegister(h, interviews),
		newRegister(h, incidents),
		newRegister(h, training),
		newRegister(h, suppliers),
	}}
}

func (r *records) Name() string { return "Records" }

func (r *records) Typing() bool { return r.tabs[r.active].typing() }

func (r *records) browsing() bool { return !r.Typing() }

// SetSize gives each tab the room under the tab line.
func (r *records) SetSize(w, h int) {
	r.width, r.height = w, h
	for _, t := range r.tabs {
		t.setSize(room{w: w, h: max(h-1, 1)})
	}
}

// room is the size a tab has, in cells.
type room struct{ w, h int }

// Progress counts the evidence requests in hand (received or reviewed) of the catalogue's list.
func (r *records) Progress() (int, int) {
	t := assessment.TallyRequests(r.h.Catalogue(), r.h.Assessment())
	return t.InHand(), t.Total
}

// FullHelp lists the keys of the tab on screen, then the keys that switch tabs.
func (r *records) FullHelp() [][]key.Binding {
	return append(r.tabs[r.active].help(), recordKeys.Help(r)...)
}

// Update routes replies to every tab (each takes its own) and keys to the tab on screen,
// after the keys that switch tabs while nothing has the keyboard.
func (r *records) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case steps.Saved:
		for _, t := range r.tabs {
			t.saved(msg)
		}
		return nil
	case steps.Reloaded:
		for _, t := range r.tabs {
			t.reloaded()
		}
		return nil
	case tea.KeyPressMsg:
		if !r.Typing() {
			if cmd, ok := recordKeys.Dispatch(r, msg); ok {
				return cmd
			}
		}
	}
	return r.tabs[r.active].update(msg)
}

// View draws the tab line and the tab on screen below it.
func (r *records) View() string {
	st := r.h.Styles()
	var parts []string
	for i, t := range r.tabs {
		if i == r.active {
			parts = append(parts, st.StepActive.Render(t.title()))
		} else {
			parts = append(parts, st.Subtle.Render(" "+t.title()+" "))
		}
	}
	line := kit.Truncate(strings.Join(parts, st.Subtle.Render("·")), r.width)
	return line + "\n" + r.tabs[r.active].view()
}
