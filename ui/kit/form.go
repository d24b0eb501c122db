package kit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"aimsbench/ui/theme"
)

// Dialog keys every form and sheet shares, so each one saves and cancels alike.
var (
	KeySave    = NewBinding("ctrl+s", "ctrl+s", "save")
	KeyCancel  = NewBinding("esc", "esc", "cancel")
	KeyNext    = NewBinding("tab enter", "tab/enter", "next field")
	KeyPrev    = NewBinding("shift+tab", "shift+tab", "previous field")
	KeyYes     = NewBinding("y", "y", "yes")
	KeyNo      = NewBinding("n esc", "n/esc", "no")
	KeyToggle  = NewBinding("left right", "←/→", "choose")
	discardAsk = "Discard what you typed? Nothing of it has been saved."
)

// FormKeys are the keys an open form offers, for a screen's footer.
func FormKeys() []key.Binding { return []key.Binding{KeyNext, KeyPrev, KeySave, KeyCancel} }

// ConfirmKeys are the keys an open confirmation offers, for a screen's footer.
func ConfirmKeys() []key.Binding { return []key.Binding{KeyYes, KeyNo, KeyToggle} }

// Form is an embedded huh form: its help is hidden (the footer shows keys), its size is
// explicit, ctrl+s saves from any field, and esc asks before it throws typed text away.
type Form struct {
	form  *huh.Form
	save  func() tea.Cmd
	typed bool // a key that edits a value was pressed
	ask   *Confirm
	width int
}

// errorLines is the room under a form's fields for the reason a value is refused.
const errorLines = 3

// formDoneMsg tells a form's owner that huh submitted or aborted it.
type formDoneMsg struct{ form *huh.Form }

// NewForm builds a one-page form of fields; save runs when it is submitted and returns what
// the screen does with the values.
func NewForm(title string, width, height int, save func() tea.Cmd, fields ...huh.Field) *Form {
	return NewPagedForm(width, height, save, huh.NewGroup(fields...).Title(title))
}

// NewPagedForm builds a form of titled pages in width×height cells; the fields get all but
// the last three lines, where huh shows why a value is refused, so no refusal is cut off.
func NewPagedForm(width, height int, save func() tea.Cmd, pages ...*huh.Group) *Form {
	f := &Form{save: save, width: max(width, 30)}
	f.form = huh.NewForm(pages...).WithShowHelp(false).WithWidth(max(width, 30)).WithHeight(max(height-errorLines, 7))
	f.form.SubmitCmd = func() tea.Msg { return formDoneMsg{f.form} }
	f.form.CancelCmd = func() tea.Msg { return formDoneMsg{f.form} }
	return f
}

// Init starts the form's first field.
func (f *Form) Init() tea.Cmd { return f.form.Init() }

// Typed reports whether a key that edits a value was pressed since the form opened.
func (f *Form) Typed() bool { return f.typed }

// KeyBinds are the keys of the focused field, for a screen's help.
func (f *Form) KeyBinds() []key.Binding { return f.form.KeyBinds() }

// View draws the form, or the question whether to discard it.
func (f *Form) View(st theme.Styles) string {
	if f.ask != nil {
		return f.ask.View(st)
	}
	return f.form.View()
}

// submit moves through every remaining field and page, so each is validated as if the
// assessor had tabbed through it, and reports whether the form is complete. It stops on
// the first field whose value is refused, with the reason shown under it.
func (f *Form) submit() bool {
	for range 500 { // more than any form has fields
		if f.form.State == huh.StateCompleted {
			return true
		}
		if f.form.State != huh.StateNormal {
			return false
		}
		before := f.form.GetFocusedField()
		f.form.NextField()
		if f.form.GetFocusedField() != before || f.form.State != huh.StateNormal {
			continue
		}
		if len(f.form.Errors()) > 0 { // the field refused its value: it keeps the keyboard
			f.refocus(before)
			return false
		}
		f.form.NextGroup() // the last field of a page: on to the next page, or done
		if f.form.State == huh.StateNormal && f.form.GetFocusedField() == before {
			f.refocus(before)
			return false
		}
	}
	return false
}

// refocus gives the keyboard back to a field that refused its value, and redraws the form
// so the field shows that it has it.
func (f *Form) refocus(field huh.Field) {
	field.Focus()
	f.form.Update(redrawMsg{})
}

// redrawMsg makes huh draw a form again; it means nothing to any field.
type redrawMsg struct{}

// navigation keys move between fields and pages without changing a value.
var navigation = map[string]bool{"tab": true, "shift+tab": true, "enter": true, "up": true, "down": true, "esc": true, "ctrl+s": true}

// UpdateForm passes msg to an open form. When the form closes, *open becomes nil; after a
// submit the save's command is returned, after a cancel cancelled is true.
func UpdateForm(open **Form, msg tea.Msg) (cmd tea.Cmd, cancelled bool) {
	f := *open
	if f.ask != nil {
		done, yes := f.ask.Update(msg)
		switch {
		case done && yes:
			*open = nil
			return nil, true
		case done:
			f.ask = nil
		}
		return nil, false
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if !navigation[msg.String()] {
			f.typed = true
		}
		switch {
		case key.Matches(msg, KeyCancel) && f.Typed():
			f.ask = NewConfirm(discardAsk, "").Fit(f.width)
			return nil, false
		case key.Matches(msg, KeyCancel):
			*open = nil
			return nil, true
		case key.Matches(msg, KeySave):
			if f.submit() {
				*open = nil
				return f.save(), false
			}
			return nil, false
		}
	case formDoneMsg:
		if msg.form != f.form {
			return nil, false
		}
		*open = nil
		if f.form.State == huh.StateCompleted {
			return f.save(), false
		}
		return nil, true
	}
	m, cmd := f.form.Update(msg)
	f.form = m.(*huh.Form)
	return cmd, false
}
