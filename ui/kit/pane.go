package kit

import (
	"fmt"
	"strings"

	"aimsbench/ui/theme"
)

// Keys that scroll a detail pane, the same on every screen that has one. ctrl+d and ctrl+u
// page the list beside it, so the pane has its own keys.
var (
	KeyScrollDown = NewBinding("J", "J", "scroll detail down")
	KeyScrollUp   = NewBinding("K", "K", "scroll detail up")
)

// Pane is a detail pane taller than its room: it shows a window of its lines, says how many
// are hidden above and below, and scrolls with J and K. A screen resets it when it shows
// something else.
type Pane struct {
	top    int
	height int // the room of the last frame
	lines  int // the line count of the last frame's text
}

// Reset goes back to the top, for a new thing to show.
func (p *Pane) Reset() { p.top = 0 }

// Scroll moves the window by delta lines, half a window for ±1 pages.
func (p *Pane) Scroll(delta int) {
	step := max(p.height/2, 1)
	p.top = max(0, min(p.top+delta*step, p.lines-p.height+1))
}

// Scrolls reports whether the last frame had lines out of view, so J and K are offered.
func (p *Pane) Scrolls() bool { return p.lines > p.height }

// View is the window of text that fits height lines. When lines are hidden, the first or
// last line of the window says how many and which key shows them.
func (p *Pane) View(text string, height int, st theme.Styles) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	p.height, p.lines = max(height, 1), len(lines)
	if len(lines) <= p.height {
		p.top = 0
		return strings.Join(lines, "\n")
	}
	p.top = max(0, min(p.top, len(lines)-p.height+1))
	room := p.height
	if p.top > 0 {
		room-- // one line says what is hidden above
	}
	if len(lines)-p.top > room {
		room-- // and one what is hidden below
	}
	end := min(p.top+room, len(lines))
	var out []string
	if p.top > 0 {
		out = append(out, st.Subtle.Render(fmt.Sprintf("↑ %s above · K", Plural(p.top, "line"))))
	}
	out = append(out, lines[p.top:end]...)
	if below := len(lines) - end; below > 0 {
		out = append(out, st.Subtle.Render(fmt.Sprintf("↓ %s below · J", Plural(below, "more line"))))
	}
	return strings.Join(out, "\n")
}
