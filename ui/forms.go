package ui

import (
	"aimsbench/ui/kit"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// newForm builds an embedded huh form: its help is hidden (the footer shows keys), its size
// is explicit, and submit or cancel come back to the owning step as formDoneMsg.
func newForm(title string, width, height int, fields ...huh.Field) *huh.Form {
	f := huh.NewForm(huh.NewGroup(fields...).Title(title)).WithShowHelp(false).
		WithWidth(max(width, 30)).WithHeight(max(height, 10))
	f.SubmitCmd = func() tea.Msg { return formDoneMsg{} }
	f.CancelCmd = func() tea.Msg { return formDoneMsg{} }
	return f
}

// updateForm passes a message to a step's open form. esc cancels; when the form closes,
// onDone runs after a submit, and a cancel says that nothing changed. Both pointers are
// cleared once the form is closed.
func updateForm(w *workspace, form **huh.Form, onDone *func() tea.Cmd, msg tea.Msg) tea.Cmd {
	closed, submitted := false, false
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		closed = msg.String() == "esc"
	case formDoneMsg:
		closed, submitted = true, (*form).State == huh.StateCompleted
	}
	if !closed {
		m, cmd := (*form).Update(msg)
		*form = m.(*huh.Form)
		return cmd
	}
	apply := *onDone
	*form, *onDone = nil, nil
	if submitted && apply != nil {
		return apply()
	}
	w.status = kit.Status{Text: "Cancelled; nothing changed."}
	return nil
}

// bigDigits draws the readiness level in large type, five rows high.
var bigDigits = map[int][5]string{
	0: {"█▀▀█", "█  █", "█  █", "█  █", "█▄▄█"},
	1: {" ▄█ ", "  █ ", "  █ ", "  █ ", " ▄█▄"},
	2: {"▀▀▀█", "   █", "█▀▀▀", "█   ", "█▄▄▄"},
	3: {"▀▀▀█", "   █", " ▀▀█", "   █", "▄▄▄█"},
	4: {"█  █", "█  █", "▀▀▀█", "   █", "   █"},
	5: {"█▀▀▀", "█   ", "▀▀▀█", "   █", "▄▄▄█"},
}

func bigDigit(n int) string {
	d, ok := bigDigits[n]
	if !ok {
		d = bigDigits[0]
	}
	return "Level " + "\n" + strings.Join(d[:], "\n")
}

// dialogKeys are the keys of an open form or confirmation, shared by the steps that have
// both, so their help shows them only while one is open.
type dialogKeys struct {
	FormNext, FormPrev, FormCancel key.Binding
	Yes, No, Toggle                key.Binding
}

// newDialogKeys builds them; yes describes what answering yes does.
func newDialogKeys(yes string) dialogKeys {
	return dialogKeys{
		FormNext:   kit.NewBinding("tab", "tab/enter", "next field"),
		FormPrev:   kit.NewBinding("shift+tab", "shift+tab", "previous field"),
		FormCancel: kit.NewBinding("esc", "esc", "cancel"),
		Yes:        kit.NewBinding("y", "y", yes),
		No:         kit.NewBinding("n esc", "n/esc", "no"),
		Toggle:     kit.NewBinding("left right", "←/→", "choose"),
	}
}

// enable turns the form keys on while a form is open and the answer keys while a question is.
func (k *dialogKeys) enable(editing, asking bool) {
	for _, b := range []*key.Binding{&k.FormNext, &k.FormPrev, &k.FormCancel} {
		b.SetEnabled(editing)
	}
	for _, b := range []*key.Binding{&k.Yes, &k.No, &k.Toggle} {
		b.SetEnabled(asking)
	}
}
