package gaps

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

func TestStatusAndMaturityKeysAreStored(t *testing.T) {
	h := open(t)
	h.Press("conformant")
	h.Keys("3") // maturity 3
	item, _ := h.Work.Step(steps.GapAnalysis).(*gaps).selected()
	h.Press("down")
	r := h.Stored().Results[item.ID]
	if r == nil || r.Status != assessment.Conformant || r.Maturity != 3 {
		t.Fatalf("%s after c 3: %+v", item.ID, r)
	}
	next, _ := h.Work.Step(steps.GapAnalysis).(*gaps).selected()
	if next.ID == item.ID {
		t.Error("j did not move to the next item")
	}
}

func TestNotApplicableOnAClauseIsRefusedVisibly(t *testing.T) {
	h := open(t)
	item, _ := h.Work.Step(steps.GapAnalysis).(*gaps).selected()
	before := h.Stored().Results[item.ID]
	h.Press("not applicable")
	h.Contains("cannot be marked not applicable")
	if after := h.Stored().Results[item.ID]; after.Status != before.Status {
		t.Errorf("refused status was stored: %s", after.Status)
	}
}

func TestHostileFindingIsShownVisiblyNeverRaw(t *testing.T) {
	h := uitest.New(t)
	item, _ := h.Cat.Item("4.1")
	finding := "Zoë’s note → 🙂 \x1b]0;pwned\x07 and \x1b[2J cleared? \u202eevil"
	if _, err := h.Store.SaveJudgement(h.ID, item, assessment.Judgement{Finding: &finding}); err != nil {
		t.Fatal(err)
	}
	h.Open(steps.GapAnalysis, func(host steps.Host) steps.Step { return New(host, h.Store) })
	raw := h.Work.View()
	for _, bad := range []string{"\x1b]0;", "\x07", "\x1b[2J", "\u202e"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the frame sends %q to the terminal", bad)
		}
	}
	h.Contains("Zoë’s note → 🙂 ⟨ESC⟩]0;pwned⟨U+0007⟩", "⟨U+202E⟩evil")
}

func TestNotesFormStoresFindingAndTypesQ(t *testing.T) {
	h := open(t)
	item, _ := h.Work.Step(steps.GapAnalysis).(*gaps).selected()
	h.Press("edit notes")
	h.Keys("ctrl+a") // into the finding; ctrl+a is harmless here
	h.Send(tea.PasteMsg{Content: " Quality queue check"})
	if !h.Work.Typing() {
		t.Fatal("typing in the notes form quit the application")
	}
	h.Keys("ctrl+s")
	if got := h.Stored().Results[item.ID].Finding; !strings.Contains(got, "Quality queue check") {
		t.Fatalf("finding not stored: %q\n%s", got, h.Screen())
	}
}
