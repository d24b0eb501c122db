// Package kit holds the widgets and helpers every screen of the workbench shares: text that
// is safe for the terminal, the key table with its footer and help, the entry sheet, the
// confirmation dialog, embedded huh forms and the cursor list. No screen defines its own.
package kit

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"aimsbench/assessment"
	"aimsbench/ui/theme"
)

// Vis makes stored text safe for one line of the terminal.
func Vis(s string) string { return assessment.Visible(s, false) }

// VisText makes stored multi-line text safe for the terminal.
func VisText(s string) string {
	return strings.ReplaceAll(assessment.Visible(s, true), "\t", "    ")
}

// VisibleNames makes a list of stored names safe for the terminal.
func VisibleNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = Vis(n)
	}
	return out
}

// Truncate cuts s to width cells with an ellipsis, keeping escape sequences intact. It
// measures once, so long stored texts cost no more than short ones.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// Pad fills s with spaces to width cells.
func Pad(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// Fit cuts or pads s to exactly width cells.
func Fit(s string, width int) string { return Pad(Truncate(s, width), width) }

// Wrap breaks text into lines of at most width cells.
func Wrap(s string, width int) string {
	return lipgloss.NewStyle().Width(width).Render(s)
}

// Width is the number of cells the widest line of s takes.
func Width(s string) int { return lipgloss.Width(s) }

// OrDash shows an empty value as a dash, so a blank is visibly blank.
func OrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// DateText shows a date as YYYY-MM-DD, or a dash when there is none.
func DateText(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2006-01-02")
}

// Plural says "1 thing" or "n things".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// JoinSide places two blocks next to each other, gap cells apart.
func JoinSide(left, right string, gap int) string {
	return lipgloss.JoinHorizontal(lipgloss.Top, left, strings.Repeat(" ", gap), right)
}

// JoinColumns places two blocks side by side with a divider, each cut to height.
func JoinColumns(left, right string, leftW, height int, st theme.Styles) string {
	l := strings.Split(left, "\n")
	r := strings.Split(right, "\n")
	var b strings.Builder
	for i := 0; i < height; i++ {
		var a, c string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			c = r[i]
		}
		b.WriteString(Fit(a, leftW) + st.Subtle.Render(" │ ") + c)
		if i < height-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Status is a line shown in the footer until the next key.
type Status struct {
	Text string
	Err  bool
}

// ErrorLines draws an error for the line above a footer: one line when it fits, else wrapped
// onto up to three, so the sentence that says what to do is read whole even at 80 columns.
func ErrorLines(st lipgloss.Style, text string, width int) string {
	text = "✗ " + Vis(text)
	if Width(text) <= width {
		return st.Render(text)
	}
	wrapped := strings.SplitN(Wrap(text, width), "\n", 4)
	if len(wrapped) > 3 {
		wrapped = wrapped[:3]
		wrapped[2] = Truncate(wrapped[2]+" …", width)
	}
	for i := range wrapped {
		wrapped[i] = st.Render(strings.TrimRight(wrapped[i], " "))
	}
	return strings.Join(wrapped, "\n")
}

// ForEditing is stored text as a form field shows it: control characters, escape sequences
// and bidi overrides made visible, so an edit field never sends them to the terminal.
func ForEditing(stored string) string {
	if strings.Contains(stored, "\n") {
		return VisText(stored)
	}
	return Vis(stored)
}

// Edited is what to store for a field a form opened with ForEditing(stored): the stored text
// when the assessor left the field as shown, so opening and saving a form never rewrites a
// field nobody touched; what they typed otherwise, without surrounding spaces.
func Edited(stored, typed string) string {
	if typed == ForEditing(stored) {
		return stored
	}
	return strings.TrimSpace(typed)
}

// EditStrings shows every text field of the struct rec points to ForEditing, for a form
// bound to those fields, and returns the function that puts back, after the form, the
// stored text of each field left as shown (Edited).
func EditStrings(rec any) (restore func()) {
	v := reflect.ValueOf(rec).Elem()
	stored := map[int]string{}
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.String && f.CanSet() {
			stored[i] = f.String()
			f.SetString(ForEditing(f.String()))
		}
	}
	return func() {
		for i, s := range stored {
			f := v.Field(i)
			f.SetString(Edited(s, f.String()))
		}
	}
}
