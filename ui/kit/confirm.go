package kit

import (
	tea "charm.land/bubbletea/v2"

	"aimsbench/ui/theme"
)

// Confirm asks before something destructive or a loss of typed text. No is the default:
// enter alone never destroys.
type Confirm struct {
	Question string
	// Target names what the question is about, so the caller acts on what was asked.
	Target string
	yes    bool
	width  int // of the text inside the frame
}

// NewConfirm asks question about target, with No highlighted.
func NewConfirm(question, target string) *Confirm {
	return &Confirm{Question: question, Target: target, width: 66}
}

// Fit narrows the dialog, frame included, to width cells: for a dialog in a pane.
func (c *Confirm) Fit(width int) *Confirm {
	c.width = max(min(width-6, 66), 20) // a double border and two cells of padding each side
	return c
}

// DialogWidth is the text width of a dialog on a screen this wide.
func DialogWidth(screen int) int { return max(min(screen-12, 64), 30) }

// Update reports whether the dialog is finished and whether the answer is yes.
func (c *Confirm) Update(msg tea.Msg) (done, yes bool) {
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

// View draws the dialog: the question and the two answers, the default one highlighted.
func (c *Confirm) View(st theme.Styles) string {
	no, yes := "[ No ]", "  Yes  "
	if c.yes {
		no, yes = "  No  ", "[ Yes ]"
	}
	return st.Dialog.Render(st.Warning.Render("Please confirm") + "\n\n" + Wrap(c.Question, c.width) + "\n\n" + no + "   " + yes +
		"\n\n" + st.Subtle.Render(Wrap("y yes · n/esc no · enter: the highlighted answer", c.width)))
}
