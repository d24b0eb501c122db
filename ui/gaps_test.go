package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
)

func TestStatusAndMaturityKeysAreStored(t *testing.T) {
	h := newHarness(t).open(2)
	h.keys("c", "3")
	item, _ := h.app.work.Step(1).(*gaps).selected()
	h.keys("j")
	r := h.stored().Results[item.ID]
	if r == nil || r.Status != assessment.Conformant || r.Maturity != 3 {
		t.Fatalf("%s after c 3: %+v", item.ID, r)
	}
	next, _ := h.app.work.Step(1).(*gaps).selected()
	if next.ID == item.ID {
		t.Error("j did not move to the next item")
	}
}

func TestNotApplicableOnAClauseIsRefusedVisibly(t *testing.T) {
	h := newHarness(t).open(2)
	item, _ := h.app.work.Step(1).(*gaps).selected()
	before := h.stored().Results[item.ID]
	h.keys("x")
	h.contains("cannot be marked not applicable")
	if after := h.stored().Results[item.ID]; after.Status != before.Status {
		t.Errorf("refused status was stored: %s", after.Status)
	}
}

func TestHostileFindingIsShownVisiblyNeverRaw(t *testing.T) {
	h := newHarness(t)
	item, _ := h.cat.Item("4.1")
	finding := "Zoë’s note → 🙂 \x1b]0;pwned\x07 and \x1b[2J cleared? \u202eevil"
	if _, err := h.s.SaveJudgement(h.id, item, assessment.Judgement{Finding: &finding}); err != nil {
		t.Fatal(err)
	}
	h.open(2)
	raw := h.app.content()
	for _, bad := range []string{"\x1b]0;", "\x07", "\x1b[2J", "\u202e"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the frame sends %q to the terminal", bad)
		}
	}
	h.contains("Zoë’s note → 🙂 ⟨ESC⟩]0;pwned⟨U+0007⟩", "⟨U+202E⟩evil")
}

func TestNotesFormStoresFindingAndTypesQ(t *testing.T) {
	h := newHarness(t).open(2)
	item, _ := h.app.work.Step(1).(*gaps).selected()
	h.keys("enter", "ctrl+a") // into the finding; ctrl+a is harmless here
	h.send(tea.PasteMsg{Content: " Quality queue check"})
	if h.app.quitting {
		t.Fatal("typing in the notes form quit the application")
	}
	for i := 0; i < 5; i++ {
		h.keys("tab")
	}
	h.keys("enter")
	if got := h.stored().Results[item.ID].Finding; !strings.Contains(got, "Quality queue check") {
		t.Fatalf("finding not stored: %q\n%s", got, h.screen())
	}
}
