package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// newForm builds an embedded huh form: its help is hidden (the footer shows keys), its size
// is explicit, and submit or cancel come back to the owning step as formDoneMsg.
func newForm(title string, width, height int, fields ...huh.Field) *huh.Form {
	f := huh.NewForm(huh.NewGroup(fields...).Title(title)).WithShowHelp(false).
		WithWidth(max(width, 30)).WithHeight(max(height, 10))
	f.SubmitCmd = func() tea.Msg { return formDoneMsg{} }
	f.CancelCmd = func() tea.Msg { return formDoneMsg{} }
	return f
}

// updateEmbeddedForm passes a message to an open form. It returns the form (nil once it is
// closed), whether it was submitted, and the form's command. esc cancels.
func updateEmbeddedForm(f *huh.Form, msg tea.Msg) (*huh.Form, bool, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "esc" {
			return nil, false, nil
		}
	case formDoneMsg:
		return nil, f.State == huh.StateCompleted, nil
	}
	m, cmd := f.Update(msg)
	return m.(*huh.Form), false, cmd
}

// bigDigits draws the readiness level in large type, five rows high.
var bigDigits = map[int][5]string{
	0: {"█▀▀█", "█  █", "█  █", "█  █", "█▄▄█"},
	1: {" ▄█ ", "  █ ", "  █ ", "  █ ", " ▄█▄"},
	2: {"▀▀▀█", "   █", "█▀▀▀", "█   ", "█▄▄▄"},
	3: {"▀▀▀█", "   █", " ▀▀█", "   █", "▄▄▄█"},
	4: {"█  █", "█  █", "▀▀▀█", "   █", "   █"},
	5: {"█▀▀▀", "█   ", "▀▀▀█", "   █", "▄▄▄█"},
}

func bigDigit(n int) string {
	d, ok := bigDigits[n]
	if !ok {
		d = bigDigits[0]
	}
	return "Level " + "\n" + strings.Join(d[:], "\n")
}

// joinSide places two blocks next to each other, gap cells apart.
func joinSide(left, right string, gap int) string {
	return lipgloss.JoinHorizontal(lipgloss.Top, left, strings.Repeat(" ", gap), right)
}

// markStyle colours a ✓ / ✗ / ! mark; the glyph itself carries the meaning.
func markStyle(st Styles, mark string) lipgloss.Style {
	switch mark {
	case "✓":
		return st.Good
	case "✗":
		return st.Bad
	case "!":
		return st.Warning
	}
	return st.Subtle
}
