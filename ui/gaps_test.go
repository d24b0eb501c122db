package ui

import (
	"testing"

	"aimsbench/assessment"
)

func TestStatusAndMaturityKeysAreStored(t *testing.T) {
	h := newHarness(t).open(2)
	h.keys("7", "c", "3") // 7 is a maturity key here? no: digits 1–5 only; 7 must not switch steps on this screen
	item, _ := h.app.work.steps[1].(*gaps).selected()
	h.keys("j")
	r := h.stored().Results[item.ID]
	if r == nil || r.Status != assessment.Conformant || r.Maturity != 3 {
		t.Fatalf("%s after c 3: %+v", item.ID, r)
	}
	next, _ := h.app.work.steps[1].(*gaps).selected()
	if next.ID == item.ID {
		t.Error("j did not move to the next item")
	}
}

func TestNotApplicableOnAClauseIsRefusedVisibly(t *testing.T) {
	h := newHarness(t).open(2)
	item, _ := h.app.work.steps[1].(*gaps).selected()
	before := h.stored().Results[item.ID]
	h.keys("x")
	h.contains("cannot be marked not applicable")
	if after := h.stored().Results[item.ID]; after.Status != before.Status {
		t.Errorf("refused status was stored: %s", after.Status)
	}
}
