package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// confirm asks before something destructive. No is the default: enter alone never destroys.
type confirm struct {
	question string
	target   string
	yes      bool
}

func newConfirm(question, target string) *confirm {
	return &confirm{question: question, target: target}
}

// update reports whether the dialog is finished and whether the answer is yes.
func (c *confirm) update(msg tea.Msg) (done, yes bool) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, false
	}
	switch kp.String() {
	case "y", "Y":
		return true, true
	case "n", "N", "esc":
		return true, false
	case "left", "right", "tab", "h", "l":
		c.yes = !c.yes
	case "enter":
		return true, c.yes
	}
	return false, false
}

func (c *confirm) view(st Styles) string {
	no, yes := "[ No ]", "  Yes  "
	if c.yes {
		no, yes = "  No  ", "[ Yes ]"
	}
	return st.Dialog.Render(st.Warning.Render("Please confirm") + "\n\n" + wrap(c.question, 66) + "\n\n" + no + "   " + yes +
		"\n\n" + st.Subtle.Render("y yes · n/esc no · enter: the highlighted answer"))
}

// footerText lists key bindings as "key desc · key desc".
func footerText(groups [][]key.Binding) string {
	var parts []string
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() {
				parts = append(parts, b.Help().Key+" "+b.Help().Desc)
			}
		}
	}
	return strings.Join(parts, " · ")
}

func lineWidth(s string) int { return lipgloss.Width(s) }

func levelStyle(level int) lipgloss.Style { return lipgloss.NewStyle().Foreground(levelColour(level)) }
