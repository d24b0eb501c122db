package workspace

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"aimsbench/ui/kit"
	"aimsbench/ui/steps"
)

// keys is the workspace's key table: the keys that work on every step unless a field has
// the keyboard. Dispatch, the footer and the ? help read it.
var keys = kit.Keys[*Model]{
	{Binding: kit.NewBinding("tab", "tab", "next step"), Run: func(w *Model, _ tea.KeyPressMsg) tea.Cmd {
		return w.show((w.active + 1) % len(w.steps))
	}, Enabled: notTyping},
	{Binding: kit.NewBinding("shift+tab", "shift+tab", "previous step"), Run: func(w *Model, _ tea.KeyPressMsg) tea.Cmd {
		return w.show((w.active + len(w.steps) - 1) % len(w.steps))
	}, Enabled: notTyping},
	{Binding: kit.NewBinding("esc", "esc", "home"), Run: (*Model).back, Enabled: notTyping},
	{Binding: kit.NewBinding("ctrl+s", "ctrl+s", "retry failed save"), Run: (*Model).retrySave,
		Enabled: func(w *Model) bool { return w.retry != nil && !w.Typing() }},
	{Binding: kit.NewBinding("ctrl+r", "ctrl+r", "reload from the database"), Run: func(w *Model, _ tea.KeyPressMsg) tea.Cmd {
		return w.reload("Reloaded: the screen shows what the database holds now.")
	}, Enabled: notTyping},
	{Binding: kit.NewBinding("1 2 3 4 5 6 7 8 9 0", "1–9 0", "go to step"), Run: goToStep,
		Enabled: func(w *Model) bool { return !w.Typing() && !w.ratesWithDigits() }},
	{Binding: kit.NewBinding("6 7 8 9", "6–9", "go to step"), Run: goToStep,
		Enabled: func(w *Model) bool { return !w.Typing() && w.ratesWithDigits() }},
	{Binding: kit.NewBinding("alt+1 alt+2 alt+3 alt+4 alt+5 alt+6 alt+7 alt+8 alt+9 alt+0", "alt+1–9 alt+0", "go to step"), Run: goToStep,
		Enabled: func(w *Model) bool { return !w.Typing() && w.ratesWithDigits() }},
	{Binding: kit.NewBinding("alt+1 alt+2 alt+3 alt+4 alt+5 alt+6 alt+7 alt+8 alt+9 alt+0", "", ""), Run: goToStep, Hidden: true, Enabled: notTyping},
}

func notTyping(w *Model) bool { return !w.Typing() }

// goToStep shows the step a digit names: 1–9 the first nine, 0 the tenth. On the rating
// screens 0 is the step's own (maturity clears with it), so the tenth is alt+0 there.
func goToStep(w *Model, msg tea.KeyPressMsg) tea.Cmd {
	if msg.Code == '0' {
		return w.show(9)
	}
	return w.show(int(msg.Code - '1'))
}

// StepKey is the digit that shows step i (counted from 0): 1–9, then 0 for the tenth.
func StepKey(i int) string { return strconv.Itoa((i + 1) % 10) }

// ratesWithDigits reports whether the step on screen rates maturity with the number row
// (the gap analysis and maturity steps): there 1–5 rate and alt+digit changes step.
func (w *Model) ratesWithDigits() bool {
	d, ok := w.current().(steps.DigitUser)
	return ok && d.UsesDigits()
}

// show puts step i on screen.
func (w *Model) show(i int) tea.Cmd {
	if i >= 0 && i < len(w.steps) {
		w.active = i
	}
	w.status = kit.Status{}
	return nil
}

// back leaves the step's inner level, or the assessment.
func (w *Model) back(tea.KeyPressMsg) tea.Cmd {
	if b, ok := w.current().(steps.Backer); ok && b.Back() {
		return nil
	}
	return func() tea.Msg { return CloseMsg{} }
}

// FullHelp lists the keys of the step on screen, then the workspace's, for the ? help.
func (w *Model) FullHelp() [][]key.Binding {
	var mine []key.Binding
	for _, g := range keys.Help(w) {
		mine = append(mine, g...)
	}
	return append(w.current().FullHelp(), mine)
}
