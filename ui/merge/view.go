package merge

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
)

// View draws the path field, the planning spinner, or the plan with the conflict on screen.
func (m *Model) View() string {
	st := m.c.Styles
	var b strings.Builder
	b.WriteString(st.Header.Render("Merge another laptop's copy") + st.HeaderDim.Render(" into "+kit.Truncate(kit.Vis(m.title), max(m.width-40, 10))) + "\n\n")
	if m.stage == confirming {
		return b.String() + lipgloss.Place(m.width, max(m.height-4, 10), lipgloss.Center, lipgloss.Center, m.confirm.View(st))
	}
	switch m.stage {
	case askingPath:
		b.WriteString(kit.Wrap("Bring in the bundle your colleague exported from their copy of this assessment (export --format json, or the JSON bundle of the Report step). Nothing is written until you have seen every change and settled every conflict.", m.width-2) + "\n\n")
		b.WriteString("  Bundle  " + m.path.View() + "\n")
	case planning:
		b.WriteString("  Bundle  " + kit.Vis(m.path.Value()) + "\n\n  " + m.spin.View() + " Reading the bundle and comparing it with this assessment…\n")
	default:
		b.WriteString(m.planView())
		if m.stage == merging {
			b.WriteString("\n  " + m.spin.View() + " Merging in one transaction…\n")
		}
	}
	b.WriteString("\n")
	switch {
	case m.status.Err:
		b.WriteString(kit.ErrorLines(st.Error, m.status.Text, m.width-2) + "\n")
	case m.status.Text != "":
		b.WriteString(st.Saved.Render(kit.Truncate(kit.Vis(m.status.Text), m.width-2)) + "\n")
	}
	tail := "? help"
	if m.Typing() { // ? is a letter in the path and an answer in the confirmation
		tail = ""
	}
	b.WriteString(st.Footer.Render(kit.Footer(m.FullHelp(), tail, m.width)))
	return b.String()
}

// planView lists what the merge takes, the renumbered entries and the conflict on screen.
func (m *Model) planView() string {
	st, p := m.c.Styles, m.plan
	var b strings.Builder
	from := fmt.Sprintf("%s, exported from %s on %s", kit.Vis(m.in.File), kit.Vis(p.From), when(p.Exported))
	if m.seal != nil && m.seal.Intact {
		from += "; sealed by key " + m.seal.Fingerprint
	}
	b.WriteString(kit.Wrap(from+".", m.width-2) + "\n\n")
	conflictLines := 0
	if len(p.Conflicts) > 0 {
		conflictLines = 12
	}
	room := max(m.height-12-conflictLines-strings.Count(b.String(), "\n"), 2)
	b.WriteString(st.Label.Render(fmt.Sprintf("Taken from the bundle: %d", len(p.Taken))) + "\n")
	lines := m.takenLines()
	if len(lines) > room {
		lines = append(lines[:room-1], st.Subtle.Render(fmt.Sprintf("  … and %d more (the command line's merge --dry-run lists them all)", len(lines)-room+1)))
	}
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if len(p.Conflicts) == 0 {
		b.WriteString("\n" + st.Good.Render("No conflicts: ") + "press enter to merge.\n")
		return b.String()
	}
	b.WriteString("\n" + m.conflictView())
	return b.String()
}

// takenLines are the changes the merge takes, then the new entries numbered anew here.
func (m *Model) takenLines() []string {
	var out []string
	w := m.width - 4
	for _, c := range m.plan.Taken {
		what := kit.Vis(c.Record)
		if c.Field != "" {
			what += ", " + kit.Vis(c.Field) + " → " + valueText(c.Value)
		}
		out = append(out, "  "+kit.Truncate(fmt.Sprintf("%-8s %s  %s", c.Action, what, who(c.By, c.At)), w))
	}
	for _, n := range m.plan.Renumbered {
		theirs := assessment.PartLabel(assessment.PartName(n.Kind, fmt.Sprint(n.Theirs)))
		ours := assessment.PartLabel(assessment.PartName(n.Kind, fmt.Sprint(n.Ours)))
		out = append(out, "  "+kit.Truncate(fmt.Sprintf("renumbered: %s of the bundle is added as %s, as its number is taken here", theirs, ours), w))
	}
	return out
}

// conflictView shows the conflict on screen side by side: the value both copies started
// from, then ours and theirs with who changed each, when.
func (m *Model) conflictView() string {
	st, p := m.c.Styles, m.plan
	c := p.Conflicts[m.current]
	open := len(p.Unsettled())
	var b strings.Builder
	head := fmt.Sprintf("Conflict %d of %d", m.current+1, len(p.Conflicts))
	if open > 0 {
		head += fmt.Sprintf(" (%d still to settle)", open)
	} else {
		head += " (all settled)"
	}
	b.WriteString(st.Label.Render(head) + "\n")
	field := "the whole record"
	if c.Field != "" {
		field = kit.Vis(c.Field)
	}
	b.WriteString(kit.Truncate("  "+kit.Vis(c.Record)+" · "+field, m.width-2) + "\n")
	base := "(new in both copies)"
	if c.Base != "" {
		base = valueText(c.Base)
	}
	b.WriteString(st.Subtle.Render(kit.Truncate("  Both started from: "+base, m.width-2)) + "\n\n")
	colW := max((m.width-7)/2, 20)
	side := func(title string, v assessment.Version, chosen bool) string {
		if chosen {
			title = "✓ " + title + " — chosen"
		}
		text := valueText(v.Value)
		if v.Deleted {
			text = "(deleted)"
		}
		lines := strings.Split(kit.Wrap(text, colW), "\n")
		if len(lines) > 5 {
			lines = append(lines[:4], "…")
		}
		return st.Label.Render(title) + "\n" + strings.Join(lines, "\n") + "\n" + st.Subtle.Render(kit.Truncate(who(v.By, v.At), colW))
	}
	ours := side("o  OURS (this database)", c.Ours, c.Take == assessment.Ours)
	theirs := side("t  THEIRS (the bundle)", c.Theirs, c.Take == assessment.Theirs)
	rows := max(strings.Count(ours, "\n"), strings.Count(theirs, "\n")) + 1
	b.WriteString(kit.JoinColumns(ours, theirs, colW+2, rows, st) + "\n")
	return b.String()
}

// valueText shows a field's JSON text as the assessor wrote it: a text unquoted with its
// control characters made visible, a list as its length, a whole record as such.
func valueText(v string) string {
	var text string
	var list []json.RawMessage
	switch {
	case v == "" || v == "null" || v == `""`:
		return "(empty)"
	case json.Unmarshal([]byte(v), &text) == nil:
		return kit.Vis(text)
	case strings.HasPrefix(v, "[") && json.Unmarshal([]byte(v), &list) == nil:
		if len(list) == 1 {
			return "1 entry"
		}
		return fmt.Sprintf("%d entries", len(list))
	case strings.HasPrefix(v, "{"):
		return "(the whole record)"
	}
	return kit.Vis(v)
}

// who says who changed a value and when, as far as the audit trail tells.
func who(by string, at time.Time) string {
	switch {
	case by == "" && at.IsZero():
		return "(before the copies parted)"
	case at.IsZero():
		return "by " + kit.Vis(by)
	}
	return "by " + kit.Vis(by) + ", " + when(at)
}

// when is a time of the audit trail as the tables print it.
func when(t time.Time) string {
	if t.IsZero() {
		return "an unknown date"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}
