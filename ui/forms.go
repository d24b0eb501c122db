package ui

import (
	"aimsbench/ui/kit"
	"strings"

	"charm.land/bubbles/v2/key"
)

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
