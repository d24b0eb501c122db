// Package theme is the workbench's one palette and set of styles, built once and handed to
// every screen, so a colour or a badge means the same thing everywhere.
package theme

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
)

// Styles is the one palette of the application, built once. It uses the 16 ANSI colours,
// which every terminal theme adapts for light and dark backgrounds, and every status also
// has a word or glyph, so colour never carries meaning alone.
type Styles struct {
	App, Header, HeaderDim, StepActive, StepIdle, Footer, Title, Subtle, Label, Value,
	Selected, Border, Error, Saved, Warning, Good, Bad, Mid, Panel, Key, Big, Dialog lipgloss.Style
}

// The ANSI colours the palette is made of; Grey also serves text fields' placeholders.
var (
	Red    = lipgloss.Color("1")
	Green  = lipgloss.Color("2")
	Yellow = lipgloss.Color("3")
	Blue   = lipgloss.Color("4")
	Grey   = lipgloss.Color("8")
)

// New builds the palette.
func New() Styles {
	s := lipgloss.NewStyle
	return Styles{
		App:        s(),
		Header:     s().Bold(true),
		HeaderDim:  s().Foreground(Grey),
		StepActive: s().Bold(true).Reverse(true).Padding(0, 1),
		StepIdle:   s().Padding(0, 1),
		Footer:     s().Foreground(Grey),
		Title:      s().Bold(true).Underline(true),
		Subtle:     s().Foreground(Grey),
		Label:      s().Bold(true),
		Value:      s(),
		Selected:   s().Reverse(true),
		Border:     s().Border(lipgloss.RoundedBorder()).BorderForeground(Grey).Padding(0, 1),
		Error:      s().Foreground(Red).Bold(true),
		Saved:      s().Foreground(Green),
		Warning:    s().Foreground(Yellow),
		Good:       s().Foreground(Green),
		Bad:        s().Foreground(Red),
		Mid:        s().Foreground(Yellow),
		Panel:      s().Padding(0, 1),
		Key:        s().Bold(true).Foreground(Blue),
		Big:        s().Bold(true).Padding(0, 2).Border(lipgloss.DoubleBorder()),
		Dialog:     s().Border(lipgloss.DoubleBorder()).Padding(1, 2),
	}
}

// StatusBadge is the short, colour-independent mark of a status in lists.
func (st Styles) StatusBadge(s assessment.Status) string {
	switch s {
	case assessment.Conformant:
		return st.Good.Render("✓ C ")
	case assessment.Partial:
		return st.Mid.Render("◐ P ")
	case assessment.Nonconformant:
		return st.Bad.Render("✗ NC")
	case assessment.NotApplicable:
		return st.Subtle.Render("– NA")
	}
	return st.Subtle.Render("·   ")
}

// PlainBadge is the status mark without colour, for a highlighted row.
func PlainBadge(s assessment.Status) string {
	switch s {
	case assessment.Conformant:
		return "✓ C "
	case assessment.Partial:
		return "◐ P "
	case assessment.Nonconformant:
		return "✗ NC"
	case assessment.NotApplicable:
		return "– NA"
	}
	return "·   "
}

// Mark colours a ✓ / ✗ / ! mark; the glyph itself carries the meaning.
func (st Styles) Mark(mark string) lipgloss.Style {
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

// LevelColour picks the colour of a maturity or readiness level.
func LevelColour(level int) color.Color {
	switch {
	case level >= 3:
		return Green
	case level == 2:
		return Yellow
	case level == 1:
		return Red
	}
	return Grey
}

// Level is the style of a maturity or readiness level.
func Level(level int) lipgloss.Style { return lipgloss.NewStyle().Foreground(LevelColour(level)) }
