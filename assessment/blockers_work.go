package assessment

import (
	"fmt"
	"time"

	"aimsbench/checklists"
)

// The finders of the verdict rules about the work judged: the items' statuses and evidence,
// the nonconformities, the control tests and the KPIs.

func (f *facts) nonconformant() []Blocker {
	var out []Blocker
	f.inRange(func(item checklists.Item, r *Result) {
		if r.Status == Nonconformant {
			out = append(out, Blocker{Item: item.ID, Detail: fmt.Sprintf("%s %s is nonconformant", item.ID, item.Title)})
		}
	})
	return out
}

func (f *facts) partialWithoutAction() []Blocker {
	var out []Blocker
	f.inRange(func(item checklists.Item, r *Result) {
		if r.Status == Partial && f.actionFor(item.ID) == nil {
			out = append(out, Blocker{Item: item.ID, Detail: fmt.Sprintf(
				"%s %s is partially conformant, and no open nonconformity against it carries a corrective action and a due date", item.ID, item.Title)})
		}
	})
	return out
}

func (f *facts) partialConformity() []Blocker {
	var out []Blocker
	f.inRange(func(item checklists.Item, r *Result) {
		if nc := f.actionFor(item.ID); r.Status == Partial && nc != nil {
			out = append(out, Blocker{Item: item.ID, Ref: nc.Label(), Detail: fmt.Sprintf("%s %s is partially conformant; %s plans its corrective action, due %s",
				item.ID, item.Title, nc.Label(), nc.Due.Format(time.DateOnly))})
		}
	})
	return out
}

func (f *facts) unsupportedConformity() []Blocker {
	var out []Blocker
	f.inRange(func(item checklists.Item, r *Result) {
		if unsupported(r, f.asOf) {
			out = append(out, Blocker{Item: item.ID, Detail: fmt.Sprintf("%s %s is judged conformant %s", item.ID, item.Title, unsupportedWhy(r))})
		}
	})
	return out
}

func (f *facts) openMajorNCs() []Blocker {
	var out []Blocker
	for i := range f.a.NCs {
		nc := &f.a.NCs[i]
		if nc.Grade != MajorNC || nc.Status == NCVerified {
			continue
		}
		state := nc.Status.Label()
		if nc.Status == NCClosed {
			state = "closed but not yet verified effective"
		}
		label := nc.Label()
		out = append(out, Blocker{Item: nc.ItemID, Ref: label, Detail: fmt.Sprintf("%s, a major nonconformity against %s, is %s", label, nc.ItemID, state)})
	}
	return out
}

func (f *facts) overdueNCs() []Blocker {
	var out []Blocker
	for i := range f.a.NCs {
		if nc := &f.a.NCs[i]; nc.Overdue(f.asOf) {
			label := nc.Label()
			out = append(out, Blocker{Item: nc.ItemID, Ref: label, Detail: fmt.Sprintf("%s, a %s against %s, was due on %s and is still %s",
				label, nc.Grade.Label(), nc.ItemID, nc.Due.Format(time.DateOnly), nc.Status.Label())})
		}
	}
	return out
}

func (f *facts) ineffectiveControls() []Blocker {
	var out []Blocker
	f.inRange(func(item checklists.Item, _ *Result) {
		if t := f.a.TestOf(item.ID); t != nil && t.Conclusion(f.cat.Sampling) == Ineffective {
			out = append(out, Blocker{Item: item.ID, Detail: fmt.Sprintf("the operating-effectiveness test of %s %s concluded ineffective (%s)", item.ID, item.Title, testSummary(t))})
		}
	})
	return out
}

func (f *facts) controlsNotTested() []Blocker {
	var out []Blocker
	f.inRange(func(item checklists.Item, _ *Result) {
		if !item.IsControl() {
			return
		}
		t := f.a.TestOf(item.ID)
		switch {
		case t == nil:
			out = append(out, Blocker{Item: item.ID, Detail: fmt.Sprintf("%s %s has not been tested for operating effectiveness", item.ID, item.Title)})
		case t.Conclusion(f.cat.Sampling) == NotConcluded:
			out = append(out, Blocker{Item: item.ID, Detail: fmt.Sprintf("the operating-effectiveness test of %s %s is not concluded (%s)", item.ID, item.Title, testSummary(t))})
		}
	})
	return out
}

// testSummary says how far a test got, e.g. "1 exception in 5 samples tested" or
// "concluded by the assessor: …".
func testSummary(t *ControlTest) string {
	if t.ConclusionOverride != "" && t.ConclusionOverride != NotConcluded {
		return "concluded by the assessor: " + t.OverrideJustification
	}
	return fmt.Sprintf("%s in %s tested", counted(t.Exceptions(), "exception", "exceptions"), counted(t.Tested(), "sample", "samples"))
}

func (f *facts) kpisNotMeasured() []Blocker {
	var out []Blocker
	for _, k := range f.kpiReadings() {
		if !k.Measured {
			out = append(out, Blocker{Ref: k.ID, Detail: fmt.Sprintf("%s %s is not measured: %s", k.ID, k.Title, k.why)})
		}
	}
	return out
}
