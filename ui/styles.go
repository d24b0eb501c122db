package ui

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

var (
	red    = lipgloss.Color("1")
	green  = lipgloss.Color("2")
	yellow = lipgloss.Color("3")
	blue   = lipgloss.Color("4")
	grey   = lipgloss.Color("8")
)

// NewStyles builds the palette.
func NewStyles() Styles {
	s := lipgloss.NewStyle
	return Styles{
		App:        s(),
		Header:     s().Bold(true),
		HeaderDim:  s().Foreground(grey),
		StepActive: s().Bold(true).Reverse(true).Padding(0, 1),
		StepIdle:   s().Padding(0, 1),
		Footer:     s().Foreground(grey),
		Title:      s().Bold(true).Underline(true),
		Subtle:     s().Foreground(grey),
		Label:      s().Bold(true),
		Value:      s(),
		Selected:   s().Reverse(true),
		Border:     s().Border(lipgloss.RoundedBorder()).BorderForeground(grey).Padding(0, 1),
		Error:      s().Foreground(red).Bold(true),
		Saved:      s().Foreground(green),
		Warning:    s().Foreground(yellow),
		Good:       s().Foreground(green),
		Bad:        s().Foreground(red),
		Mid:        s().Foreground(yellow),
		Panel:      s().Padding(0, 1),
		Key:        s().Bold(true).Foreground(blue),
		Big:        s().Bold(true).Padding(0, 2).Border(lipgloss.DoubleBorder()),
		Dialog:     s().Border(lipgloss.DoubleBorder()).Padding(1, 2),
	}
}

// statusBadge is the short, colour-independent mark of a status in lists.
func (st Styles) statusBadge(s assessment.Status) string {
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

// levelColour picks the colour of a maturity or readiness level.
func levelColour(level int) color.Color {
	switch {
	case level >= 3:
		return green
	case level == 2:
		return yellow
	case level == 1:
		return red
	}
	return grey
}
