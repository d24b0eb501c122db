package kit

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Input is a one-line text field that can open with its value selected, as a file dialog
// does with a path it suggests: the first character typed or pasted replaces the whole
// value, backspace clears it, and an arrow key or home/end keeps it to edit. A path typed
// into a field that already holds one is never appended to it.
type Input struct {
	textinput.Model
	selected bool
}

// NewInput builds an empty field with no prompt.
func NewInput() Input {
	ti := textinput.New()
	ti.Prompt = ""
	return Input{Model: ti}
}

// Selected reports whether the value is selected, so typing replaces it.
func (in *Input) Selected() bool { return in.selected }

// FocusSelected gives the field the keyboard with its whole value selected.
func (in *Input) FocusSelected() tea.Cmd {
	in.selected = in.Value() != ""
	in.CursorEnd()
	return in.Focus()
}

// Blur takes the keyboard away; the selection goes with it.
func (in *Input) Blur() {
	in.selected = false
	in.Model.Blur()
}

// Update edits the value; while it is selected, a typed or pasted character replaces it.
func (in Input) Update(msg tea.Msg) (Input, tea.Cmd) {
	if in.selected {
		switch msg := msg.(type) {
		case tea.PasteMsg:
			in.selected = false
			in.SetValue("")
		case tea.KeyPressMsg:
			switch msg.String() {
			case "backspace", "delete", "ctrl+u", "ctrl+k", "ctrl+w":
				in.selected = false
				in.SetValue("")
				return in, nil
			case "left", "right", "home", "end", "ctrl+a", "ctrl+e":
				in.selected = false
			default:
				if msg.Text != "" {
					in.selected = false
					in.SetValue("")
				}
			}
		}
	}
	var cmd tea.Cmd
	in.Model, cmd = in.Model.Update(msg)
	return in, cmd
}

// View draws the field, a selected value highlighted.
func (in Input) View() string {
	if !in.selected || !in.Focused() {
		return in.Model.View()
	}
	return in.Prompt + lipgloss.NewStyle().Reverse(true).Render(Truncate(in.Value(), max(in.Width(), 1)))
}
