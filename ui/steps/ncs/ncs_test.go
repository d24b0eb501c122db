package ncs

import (
	"testing"

	"aimsbench/assessment"
	"aimsbench/ui/internal/uitest"
	"aimsbench/ui/steps"
)

// storedNC finds a nonconformity by number in the database.
func storedNC(h *uitest.Harness, number int) (assessment.Nonconformity, bool) {
	for _, nc := range h.Stored().NCs {
		if nc.Number == number {
			return nc, true
		}
	}
	return assessment.Nonconformity{}, false
}

func TestNCTransitionOpenToInProgressIsStored(t *testing.T) {
	h := uitest.New(t).Open(steps.Nonconformities, New)
	if nc, _ := h.Work.Step(steps.Nonconformities).(*ncs).selected(); nc.Number != 1 || nc.Status != assessment.NCOpen {
		t.Fatalf("the register should start on the open NC-001, not %s (%s)", nc.Label(), nc.Status)
	}
	h.Contains("i → in progress", "c → closed")
	h.Keys("i")
	if nc, _ := storedNC(h, 1); nc.Status != assessment.NCInProgress {
		t.Fatalf("NC-001 after i: %s", nc.Status)
	}
	h.Contains("NC-001 is now in progress")
}

func TestIllegalNCTransitionIsRefusedWithAMessage(t *testing.T) {
	h := uitest.New(t).Open(steps.Nonconformities, New)
	h.Keys("v") // open → verified effective skips closure
	h.Contains("cannot move to verified effective")
	if nc, _ := storedNC(h, 1); nc.Status != assessment.NCOpen {
		t.Fatalf("a refused transition was stored: %s", nc.Status)
	}
}

func TestOnlyAllowedNextStatesAreOffered(t *testing.T) {
	h := uitest.New(t).Open(steps.Nonconformities, New)
	n := h.Work.Step(steps.Nonconformities).(*ncs)
	offered := map[string]bool{}
	for _, k := range n.transitionKeys() {
		offered[k.Help().Key] = true
	}
	if !offered["i"] || !offered["c"] || offered["v"] || offered["r"] {
		t.Fatalf("an open NC offers %v; want i and c only", offered)
	}
}

func TestNewNCGetsTheNextNumberAndCannotCloseWithoutAction(t *testing.T) {
	h := uitest.New(t).Open(steps.Nonconformities, New)
	want := h.Stored().NextNCNumber()
	h.Keys("a")
	if !h.Work.Typing() {
		t.Fatal("a did not open the NC form")
	}
	h.Keys("text:A.7.5", "tab", "tab", "tab", "text:quarterly review missed q", "ctrl+s")
	nc, ok := storedNC(h, want)
	if !ok {
		t.Fatalf("no NC-%03d stored after adding one", want)
	}
	if nc.ItemID != "A.7.5" || nc.Description != "quarterly review missed q" || nc.Status != assessment.NCOpen {
		t.Fatalf("new NC stored as %+v", nc)
	}
	h.Contains(nc.Label(), "quarterly review missed q")
	h.Keys("c")
	h.Contains("cannot be closed without a correction or corrective action")
	if nc, _ := storedNC(h, want); nc.Status != assessment.NCOpen {
		t.Fatalf("an NC without action was closed: %s", nc.Status)
	}
}

func TestNCFormRefusesAnUnknownRequirementAndKeepsTheText(t *testing.T) {
	h := uitest.New(t).Open(steps.Nonconformities, New)
	before := len(h.Stored().NCs)
	h.Keys("a", "text:Z.9", "tab", "tab", "tab", "text:something", "ctrl+s")
	h.Contains("not a requirement or control of the catalogue", "something")
	if !h.Work.Typing() {
		t.Fatal("the refused form closed")
	}
	h.Keys("esc")
	if after := len(h.Stored().NCs); after != before {
		t.Fatalf("a refused NC was stored: %d NCs, was %d", after, before)
	}
}

func TestOverdueNCsAreMarkedInWords(t *testing.T) {
	h := uitest.New(t).Open(steps.Nonconformities, New)
	late := 0
	for _, nc := range h.Work.Assessment().NCs {
		if nc.Overdue(uitest.Day) {
			late++
		}
	}
	if late == 0 {
		t.Skip("the demo has no overdue NC on the test day")
	}
	h.Contains("⚠ overdue")
	h.Keys("f", "f") // all → open → overdue
	h.Contains("filter: overdue")
	if rows := h.Work.Step(steps.Nonconformities).(*ncs).rows(); len(rows) != late {
		t.Errorf("the overdue filter shows %d NCs, want %d", len(rows), late)
	}
}

func TestTheLifeCycleMovesOnlyWhereTheRulesAllow(t *testing.T) {
	tests := []struct {
		name  string
		moves []string // bindings pressed, by what they do
		want  assessment.NCStatus
		offer []string // what the footer offers afterwards
	}{
		{"an open NC is taken in hand", []string{"→ in progress"}, assessment.NCInProgress, []string{"→ closed"}},
		{"an open NC with its action can be closed", []string{"→ closed"}, assessment.NCClosed, []string{"→ verified effective", "→ reopened"}},
		{"a closed NC found not effective is reopened", []string{"→ closed", "→ reopened"}, assessment.NCReopened, []string{"→ in progress"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := uitest.New(t).Open(steps.Nonconformities, New)
			for _, m := range tt.moves {
				h.Press(m)
			}
			if nc, _ := storedNC(h, 1); nc.Status != tt.want {
				t.Fatalf("NC-001 stored as %s, want %s\n%s", nc.Status, tt.want, h.Screen())
			}
			for _, o := range tt.offer {
				h.Contains(o)
			}
		})
	}
}

func TestAnNCRaisedInErrorIsWithdrawnWithItsReason(t *testing.T) {
	tests := []struct {
		name     string
		reason   string
		withdraw bool
		screen   string
	}{
		{"a reason withdraws it and it stays in the register", "Raised by a slip of the N key on the wrong item", true, "⊘ withdrawn"},
		{"a placeholder is refused and the text kept", "tbd", false, "placeholder, not a reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := uitest.New(t).Open(steps.Nonconformities, New)
			h.Press("withdraw…")
			h.Keys("text:"+tt.reason, "ctrl+s")
			h.Contains(tt.screen)
			nc, _ := storedNC(h, 1)
			if nc.IsWithdrawn() != tt.withdraw {
				t.Fatalf("NC-001 withdrawn %v, want %v", nc.IsWithdrawn(), tt.withdraw)
			}
			if !tt.withdraw {
				if s := h.Work.Step(steps.Nonconformities).(*ncs).sheet; s == nil || s.Get("reason") != tt.reason {
					t.Fatal("the refused reason was not kept in the open sheet")
				}
				return
			}
			if nc.WithdrawnReason != tt.reason || nc.Description == "" {
				t.Errorf("stored %+v", nc)
			}
			for _, b := range h.Work.Summary().Blockers {
				if b.Ref == "NC-001" {
					t.Errorf("the withdrawn NC still blocks: %+v", b)
				}
			}
		})
	}
}
