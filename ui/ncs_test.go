package ui

import (
	"testing"

	"aimsbench/assessment"
)

// storedNC finds a nonconformity by number in the database.
func storedNC(h *harness, number int) (assessment.Nonconformity, bool) {
	for _, nc := range h.stored().NCs {
		if nc.Number == number {
			return nc, true
		}
	}
	return assessment.Nonconformity{}, false
}

func TestNCTransitionOpenToInProgressIsStored(t *testing.T) {
	h := newHarness(t).open(7)
	if nc, _ := h.app.work.Step(6).(*ncs).selected(); nc.Number != 1 || nc.Status != assessment.NCOpen {
		t.Fatalf("the register should start on the open NC-001, not %s (%s)", nc.Label(), nc.Status)
	}
	h.contains("i → in progress", "c → closed")
	h.keys("i")
	if nc, _ := storedNC(h, 1); nc.Status != assessment.NCInProgress {
		t.Fatalf("NC-001 after i: %s", nc.Status)
	}
	h.contains("NC-001 is now in progress")
}

func TestIllegalNCTransitionIsRefusedWithAMessage(t *testing.T) {
	h := newHarness(t).open(7)
	h.keys("v") // open → verified effective skips closure
	h.contains("cannot move to verified effective")
	if nc, _ := storedNC(h, 1); nc.Status != assessment.NCOpen {
		t.Fatalf("a refused transition was stored: %s", nc.Status)
	}
}

func TestOnlyAllowedNextStatesAreOffered(t *testing.T) {
	h := newHarness(t).open(7)
	n := h.app.work.Step(6).(*ncs)
	offered := map[string]bool{}
	for _, k := range n.transitionKeys() {
		offered[k.Help().Key] = true
	}
	if !offered["i"] || !offered["c"] || offered["v"] || offered["r"] {
		t.Fatalf("an open NC offers %v; want i and c only", offered)
	}
}

func TestNewNCGetsTheNextNumberAndCannotCloseWithoutAction(t *testing.T) {
	h := newHarness(t).open(7)
	want := h.stored().NextNCNumber()
	h.keys("a")
	if !h.app.work.Typing() {
		t.Fatal("a did not open the NC form")
	}
	h.keys("text:A.7.5", "tab", "tab", "tab", "text:quarterly review missed q", "ctrl+s")
	if h.app.quitting {
		t.Fatal("q typed in the description quit the application")
	}
	nc, ok := storedNC(h, want)
	if !ok {
		t.Fatalf("no NC-%03d stored after adding one", want)
	}
	if nc.ItemID != "A.7.5" || nc.Description != "quarterly review missed q" || nc.Status != assessment.NCOpen {
		t.Fatalf("new NC stored as %+v", nc)
	}
	h.contains(nc.Label(), "quarterly review missed q")
	h.keys("c")
	h.contains("cannot be closed without a correction or corrective action")
	if nc, _ := storedNC(h, want); nc.Status != assessment.NCOpen {
		t.Fatalf("an NC without action was closed: %s", nc.Status)
	}
}

func TestNCFormRefusesAnUnknownRequirementAndKeepsTheText(t *testing.T) {
	h := newHarness(t).open(7)
	before := len(h.stored().NCs)
	h.keys("a", "text:Z.9", "tab", "tab", "tab", "text:something", "ctrl+s")
	h.contains("not a requirement or control of the catalogue", "something")
	if !h.app.work.Typing() {
		t.Fatal("the refused form closed")
	}
	h.keys("esc")
	if after := len(h.stored().NCs); after != before {
		t.Fatalf("a refused NC was stored: %d NCs, was %d", after, before)
	}
}

func TestOverdueNCsAreMarkedInWords(t *testing.T) {
	h := newHarness(t).open(7)
	late := 0
	for _, nc := range h.app.work.Assessment().NCs {
		if nc.Overdue(testDay) {
			late++
		}
	}
	if late == 0 {
		t.Skip("the demo has no overdue NC on the test day")
	}
	h.contains("⚠ overdue")
	h.keys("f", "f") // all → open → overdue
	h.contains("filter: overdue")
	if rows := h.app.work.Step(6).(*ncs).rows(); len(rows) != late {
		t.Errorf("the overdue filter shows %d NCs, want %d", len(rows), late)
	}
}
