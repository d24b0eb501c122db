package kit

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// NewBinding builds a key binding from space-separated keys, the key text the help shows
// and what the key does.
func NewBinding(keys, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(strings.Split(keys, " ")...), key.WithHelp(helpKey, desc))
}

// Bindings every list screen shares.
var (
	KeyUp     = NewBinding("up k", "↑/k", "up")
	KeyDown   = NewBinding("down j", "↓/j", "down")
	KeyPgDown = NewBinding("pgdown ctrl+d", "pgdn", "page down")
	KeyPgUp   = NewBinding("pgup ctrl+u", "pgup", "page up")
)

// Key is one row of a screen's key table: the binding (keys and help text), the column of
// the help it is listed in, when it is offered, and what it does. Dispatch, the footer and
// the ? help all read the same table, so the help always tells the truth.
type Key[M any] struct {
	Binding key.Binding
	// Group is the column of the full help the key is listed in; keys of a group are shown
	// together.
	Group int
	// Enabled says whether the key works now; nil means always.
	Enabled func(m M) bool
	// Run does what the key does.
	Run func(m M, msg tea.KeyPressMsg) tea.Cmd
	// HelpOnly marks a row shown in the help but handled elsewhere (a widget's own keys).
	HelpOnly bool
	// Hidden marks a row dispatched but not listed: a key whose refusal explains itself
	// (e.g. a move a nonconformity may not make).
	Hidden bool
}

// Keys is a screen's key table, in the order the footer lists the keys.
type Keys[M any] []Key[M]

func (k Key[M]) on(m M) bool { return k.Enabled == nil || k.Enabled(m) }

// Dispatch runs the first enabled row whose binding matches the key and reports whether
// one did.
func (t Keys[M]) Dispatch(m M, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	for _, k := range t {
		if !k.HelpOnly && k.Run != nil && key.Matches(msg, k.Binding) && k.on(m) {
			return k.Run(m, msg), true
		}
	}
	return nil, false
}

// Help lists the enabled bindings by group, for the footer and the ? screen.
func (t Keys[M]) Help(m M) [][]key.Binding {
	var groups [][]key.Binding
	index := map[int]int{}
	for _, k := range t {
		if k.Hidden || !k.on(m) {
			continue
		}
		i, ok := index[k.Group]
		if !ok {
			i = len(groups)
			index[k.Group] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], k.Binding)
	}
	return groups
}

// Find returns the row whose help text names desc, for tests that press a key by meaning.
func (t Keys[M]) Find(desc string) (key.Binding, bool) {
	for _, k := range t {
		if k.Binding.Help().Desc == desc {
			return k.Binding, true
		}
	}
	return key.Binding{}, false
}

// FooterText lists key bindings as "key desc · key desc".
func FooterText(groups [][]key.Binding) string {
	return strings.Join(footerParts(groups, false), " · ")
}

// Footer is the footer line of a screen within width cells: its keys, then tail (the keys
// every screen shares, e.g. "? help · q quit"). When they do not fit, the moves every list
// shares (up, down, page, scroll) go first, then the line is cut before tail, so the keys
// of the screen's own work and the way to the full help always show.
func Footer(groups [][]key.Binding, tail string, width int) string {
	join := func(parts []string) string {
		if tail != "" {
			parts = append(parts, tail)
		}
		return strings.Join(parts, " · ")
	}
	if text := join(footerParts(groups, false)); Width(text) <= width {
		return text
	}
	own := strings.Join(footerParts(groups, true), " · ")
	if tail == "" {
		return Truncate(own, width)
	}
	if Width(own)+3+Width(tail) <= width {
		return own + " · " + tail
	}
	return Truncate(own, max(width-Width(tail)-3, 1)) + " · " + tail
}

// moves are the keys of movement every list shares; the footer leaves them out first.
var moves = map[string]bool{KeyUp.Help().Key: true, KeyDown.Help().Key: true, KeyPgUp.Help().Key: true,
	KeyPgDown.Help().Key: true, KeyScrollDown.Help().Key: true, KeyScrollUp.Help().Key: true}

func footerParts(groups [][]key.Binding, withoutMoves bool) []string {
	var parts []string
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() && !(withoutMoves && moves[b.Help().Key]) {
				parts = append(parts, b.Help().Key+" "+b.Help().Desc)
			}
		}
	}
	return parts
}

// DialogRows are help-only rows (both conditions are required) for a screen's table: the keys of an open form or sheet
// while editing says one is open, and those of a confirmation while asking says one is.
func DialogRows[M any](editing, asking func(M) bool) Keys[M] {
	var rows Keys[M]
	for _, b := range FormKeys() {
		rows = append(rows, Key[M]{Binding: b, Group: 90, Enabled: editing, HelpOnly: true})
	}
	for _, b := range ConfirmKeys() {
		rows = append(rows, Key[M]{Binding: b, Group: 91, Enabled: asking, HelpOnly: true})
	}
	return rows
}
