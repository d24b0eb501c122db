package kit

import (
	"aimsbench/ui/theme"
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// View draws the sheet within its width, or the question whether to discard it.
func (s *Sheet) View(st theme.Styles) string {
	if s.ask != nil {
		return s.ask.View(st)
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(Truncate(s.Title, s.width)) + "\n")
	if s.Intro != "" {
		b.WriteString(st.Subtle.Render(Wrap(s.Intro, s.width)) + "\n")
	}
	if s.Err != "" {
		b.WriteString(st.Error.Render(Wrap("✗ "+Vis(s.Err), s.width)) + "\n")
	}
	lw := s.labelWidth()
	iw := s.inputWidth()
	for i, f := range s.fields {
		focused := i == s.focus
		label := Pad(Truncate(f.label, lw-1), lw)
		mark := "  "
		if focused {
			label = st.Key.Render(label)
			mark = st.Key.Render("› ")
		} else {
			label = st.Subtle.Render(label)
		}
		var val string
		switch {
		case f.kind == sheetChoice && focused:
			val = "◂ " + f.names[f.chosen] + " ▸"
		case f.kind == sheetChoice:
			val = f.names[f.chosen]
		case f.kind == sheetLong && focused:
			val = sheetIndentRest(f.long.View(), lw+2)
		case f.kind == sheetLong:
			val = Truncate(strings.ReplaceAll(VisText(f.long.Value()), "\n", " ⏎ "), iw)
		case focused:
			val = f.line.View()
		default:
			val = Truncate(Vis(f.line.Value()), iw)
			if val == "" {
				val = st.Subtle.Render(Truncate(f.line.Placeholder, iw))
			}
		}
		b.WriteString(mark + label + val + "\n")
		if focused && f.note != nil {
			if note := f.note(f.value()); note != "" {
				b.WriteString(strings.Repeat(" ", lw+2) + st.Subtle.Render(Truncate(note, iw)) + "\n")
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// sheetIndentRest indents every line but the first by n spaces.
func sheetIndentRest(s string, n int) string {
	return strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", n))
}

// sheetInputStyles are plain, theme-neutral styles with a steady cursor.
func sheetInputStyles() textinput.Styles {
	s := textinput.DefaultStyles(true)
	s.Focused.Text, s.Blurred.Text = lipgloss.NewStyle(), lipgloss.NewStyle()
	s.Focused.Placeholder = lipgloss.NewStyle().Foreground(theme.Grey)
	s.Blurred.Placeholder = s.Focused.Placeholder
	s.Focused.Prompt, s.Blurred.Prompt = lipgloss.NewStyle(), lipgloss.NewStyle()
	s.Cursor.Blink = false
	s.Cursor.Color = lipgloss.NoColor{}
	return s
}

// sheetAreaStyles are plain, theme-neutral styles with a steady cursor.
func sheetAreaStyles() textarea.Styles {
	s := textarea.DefaultStyles(true)
	plain := lipgloss.NewStyle()
	for _, st := range []*textarea.StyleState{&s.Focused, &s.Blurred} {
		st.Base, st.Text, st.CursorLine, st.EndOfBuffer, st.Prompt = plain, plain, plain, plain, plain
		st.Placeholder = plain.Foreground(theme.Grey)
	}
	s.Cursor.Blink = false
	s.Cursor.Color = lipgloss.NoColor{}
	return s
}
