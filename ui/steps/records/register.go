package records

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"aimsbench/assessment"
	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// One screen serves the six field registers: a table of entries, the selected entry in full
// below it, and add, edit and delete. What differs between registers is a registerSpec.

// entryPtr is a pointer to a register entry: what the store numbers and checks.
type entryPtr[T any] interface {
	*T
	assessment.Entry
}

// column is one column of a register's table; the last one takes the rest of the line.
type column[T any] struct {
	title string
	width int
	cell  func(h steps.Host, x T) string
}

// field is one line of the detail: a label and its value.
type field struct{ label, value string }

// registerSpec describes a register: where its entries are, how they are shown and edited.
type registerSpec[T any] struct {
	tab, noun, plural string // "Audits", "internal audit", "internal audits"
	list              func(a *assessment.Assessment) []T
	name              func(x T) string // what the entry is about, for the delete question
	columns           []column[T]
	detail            func(h steps.Host, x T) []field
	blank             func(h steps.Host) T // a new entry as its form opens
	// form builds the fields of the entry's form from *x and the function that writes the
	// typed values back into *x when it is submitted.
	form func(h steps.Host, x *T) ([]huh.Field, func() error)
	// canDelete refuses a deletion the rules forbid; nil allows every one.
	canDelete func(a *assessment.Assessment, x T) error
}

// register is one register's tab.
type register[T any, P entryPtr[T]] struct {
	h       steps.Host
	spec    registerSpec[T]
	keys    kit.Keys[*register[T, P]]
	cursor  int
	editing *kit.Form
	ask     *kit.Confirm
	askFor  T
	pane    kit.Pane
	room    room
}

// Keys every register offers.
var (
	regKeyAdd    = kit.NewBinding("a", "a", "add")
	regKeyEdit   = kit.NewBinding("enter e", "enter", "edit")
	regKeyDelete = kit.NewBinding("d", "d", "delete")
)

func newRegister[T any, P entryPtr[T]](h steps.Host, spec registerSpec[T]) *register[T, P] {
	r := &register[T, P]{h: h, spec: spec}
	type R = *register[T, P]
	move := func(to func(R) int) func(R, tea.KeyPressMsg) tea.Cmd {
		return func(r R, _ tea.KeyPressMsg) tea.Cmd {
			r.cursor = kit.Clamp(to(r), len(r.entries()))
			r.pane.Reset()
			return nil
		}
	}
	r.keys = append(kit.Keys[R]{
		{Binding: kit.KeyUp, Run: move(func(r R) int { return r.cursor - 1 }), Enabled: R.browsing},
		{Binding: kit.KeyDown, Run: move(func(r R) int { return r.cursor + 1 }), Enabled: R.browsing},
		{Binding: kit.KeyPgUp, Run: move(func(r R) int { return r.cursor - 10 }), Enabled: R.browsing},
		{Binding: kit.KeyPgDown, Run: move(func(r R) int { return r.cursor + 10 }), Enabled: R.browsing},
		{Binding: kit.KeyScrollDown, Run: func(r R, _ tea.KeyPressMsg) tea.Cmd { r.pane.Scroll(1); return nil }, Enabled: R.scrolls},
		{Binding: kit.KeyScrollUp, Run: func(r R, _ tea.KeyPressMsg) tea.Cmd { r.pane.Scroll(-1); return nil }, Enabled: R.scrolls},
		{Binding: regKeyAdd, Group: 1, Enabled: R.browsing, Run: func(r R, _ tea.KeyPressMsg) tea.Cmd { return r.open(r.spec.blank(r.h), nil) }},
		{Binding: regKeyEdit, Group: 1, Enabled: R.onEntry, Run: func(r R, _ tea.KeyPressMsg) tea.Cmd {
			x := r.entries()[r.cursor]
			base := x
			return r.open(x, &base)
		}},
		{Binding: regKeyDelete, Group: 1, Enabled: R.onEntry, Run: R.askDelete},
	}, kit.DialogRows(func(r R) bool { return r.editing != nil }, func(r R) bool { return r.ask != nil })...)
	return r
}

func (r *register[T, P]) title() string { return r.spec.tab }

func (r *register[T, P]) setSize(s room) { r.room = s }

func (r *register[T, P]) typing() bool { return r.editing != nil || r.ask != nil }

func (r *register[T, P]) browsing() bool { return !r.typing() }

func (r *register[T, P]) onEntry() bool { return r.browsing() && len(r.entries()) > 0 }

func (r *register[T, P]) scrolls() bool { return r.browsing() && r.pane.Scrolls() }

func (r *register[T, P]) help() [][]key.Binding { return r.keys.Help(r) }

func (r *register[T, P]) reloaded() { r.cursor = kit.Clamp(r.cursor, len(r.entries())) }

// entries are the register's entries in the snapshot on screen, in number order.
func (r *register[T, P]) entries() []T { return r.spec.list(r.h.Assessment()) }

func label[T any, P entryPtr[T]](x T) string { return P(&x).Label() }

// saved selects an entry just added, with the number the store gave it.
func (r *register[T, P]) saved(msg steps.Saved) {
	in, ok := msg.Intent.(steps.PutRecord)
	rec, mine := msg.Record.(T)
	if !ok || !mine || msg.Err != nil || in.Base != nil {
		return
	}
	n := P(&rec).EntryNumber()
	if i := slices.IndexFunc(r.entries(), func(x T) bool { return P(&x).EntryNumber() == n }); i >= 0 {
		r.cursor = i
	}
	r.h.Say(fmt.Sprintf("%s added to the %s.", label[T, P](rec), r.spec.plural))
}

// update takes keys for the open dialog or form first, then the table's keys.
func (r *register[T, P]) update(msg tea.Msg) tea.Cmd {
	switch {
	case r.ask != nil:
		done, yes := r.ask.Update(msg)
		if !done {
			return nil
		}
		r.ask = nil
		if !yes {
			r.h.Say("Not deleted.")
			return nil
		}
		r.h.Say(label[T, P](r.askFor) + " deleted; its number is not given out again.")
		x := r.askFor
		return r.h.Apply(steps.DeleteRecord{Entry: P(&x)})
	case r.editing != nil:
		cmd, cancelled := kit.UpdateForm(&r.editing, msg)
		if cancelled {
			r.h.Say("Cancelled; nothing changed.")
		}
		return cmd
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		cmd, _ := r.keys.Dispatch(r, kp)
		return cmd
	}
	return nil
}

// askDelete asks before deleting the selected entry, unless the rules forbid it.
func (r *register[T, P]) askDelete(tea.KeyPressMsg) tea.Cmd {
	x := r.entries()[r.cursor]
	if r.spec.canDelete != nil {
		if err := r.spec.canDelete(r.h.Assessment(), x); err != nil {
			return r.h.Refuse(err)
		}
	}
	q := fmt.Sprintf("Delete %s “%s” from the %s? Its number is not given out again.", label[T, P](x), kit.Vis(r.spec.name(x)), r.spec.plural)
	r.ask, r.askFor = kit.NewConfirm(kit.Wrap(q, kit.DialogWidth(r.room.w)), label[T, P](x)), x
	return nil
}

// open edits x (base is the entry as on screen; nil for a new one). An entry the rules
// refuse opens again with what was typed, the reason in the footer.
func (r *register[T, P]) open(x T, base *T) tea.Cmd {
	restore := kit.EditStrings(&x) // stored text shown safely; untouched fields saved as stored
	fields, apply := r.spec.form(r.h, &x)
	title := "New " + r.spec.noun
	if base != nil {
		title = "Edit " + label[T, P](*base)
	}
	r.editing = kit.NewForm(title, min(r.room.w-2, 78), max(r.room.h, 10), func() tea.Cmd {
		err := apply()
		restore()
		if err == nil {
			err = P(&x).Check()
		}
		if err != nil {
			return tea.Batch(r.h.Refuse(err), r.open(x, base))
		}
		var b assessment.Entry // nil, not a nil pointer, for a new entry
		if base != nil {
			b = P(base)
			r.h.Say(label[T, P](x) + " saved.")
		}
		return r.h.Apply(steps.PutRecord{Base: b, Next: P(&x)})
	}, fields...)
	return r.editing.Init()
}

// view draws the table and the selected entry below it; an open form or dialog takes the room.
func (r *register[T, P]) view() string {
	st := r.h.Styles()
	w, h := r.room.w, r.room.h
	if r.ask != nil {
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, r.ask.View(st))
	}
	if r.editing != nil {
		return r.editing.View(st)
	}
	list := r.entries()
	r.cursor = kit.Clamp(r.cursor, len(list))
	lines := []string{st.Label.Render(kit.Truncate(fmt.Sprintf("%s · %s", capital(r.spec.plural), entryCount(len(list))), w))}
	cells := func(mark string, cell func(c column[T]) string) string {
		var b strings.Builder
		b.WriteString(mark)
		for i, c := range r.spec.columns {
			if i == len(r.spec.columns)-1 {
				b.WriteString(cell(c))
				break
			}
			b.WriteString(kit.Fit(cell(c), c.width-1) + " ")
		}
		return b.String()
	}
	lines = append(lines, st.Subtle.Render(kit.Truncate(cells("  ", func(c column[T]) string { return c.title }), w)))
	detailH := max((h-2)*2/5, 4)
	rows := max(h-2-detailH-1, 1)
	if len(list) == 0 {
		lines = append(lines, kit.Truncate(fmt.Sprintf("  No %s yet; press a to add one.", r.spec.noun), w))
	}
	first := kit.ScrollStart(r.cursor, rows, len(list))
	for i := first; i < len(list) && i < first+rows; i++ {
		x := list[i]
		line := cells("  ", func(c column[T]) string { return kit.Vis(c.cell(r.h, x)) })
		if i == r.cursor {
			line = st.Selected.Render(kit.Fit("▸"+line[1:], w))
		} else {
			line = kit.Truncate(line, w)
		}
		lines = append(lines, line)
	}
	for len(lines) < rows+2 {
		lines = append(lines, "")
	}
	out := strings.Join(lines, "\n") + "\n" + st.Subtle.Render(strings.Repeat("─", w))
	if len(list) > 0 {
		out += "\n" + r.pane.View(r.detail(list[r.cursor], w), detailH, st)
	}
	return out
}

// detail is the entry in full, each value wrapped under its label's indent.
func (r *register[T, P]) detail(x T, width int) string {
	st := r.h.Styles()
	var b strings.Builder
	b.WriteString(st.Title.Render(label[T, P](x)) + " " + kit.Truncate(kit.Vis(r.spec.name(x)), width-10) + "\n")
	for _, f := range r.spec.detail(r.h, x) {
		value := kit.Wrap(kit.OrDash(kit.VisText(f.value)), max(width-16, 10))
		value = strings.ReplaceAll(value, "\n", "\n"+strings.Repeat(" ", 16))
		b.WriteString(st.Label.Render(kit.Pad(f.label, 15)) + " " + value + "\n")
	}
	return b.String()
}

// entryCount counts entries in words.
func entryCount(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
