package assessment

import (
	"fmt"

	"aimsbench/checklists"
)

// The conditions about the Statement of Applicability and the nonconformity register. Each
// holds only when the data shows it: a line of the readiness checklist that rests on them is
// true of the data, not only of the assessor's judgements.

// soaJustified holds when every exclusion has an acceptable justification, none excludes a
// control the situation requires, and none excludes a control a risk is treated with.
func (f *facts) soaJustified() outcome {
	var bad, items []string
	f.excludedControls(func(item checklists.Item, r *Result) {
		var why string
		switch {
		case !AcceptableJustification(r.Justification):
			why = "no acceptable justification"
		case len(f.requiredBy(item.ID)) > 0:
			why = f.requiredBy(item.ID)[0].String()
		case len(risksRelyingOn(f.a, item.ID)) > 0:
			why = "a risk in the register is treated with it"
		default:
			return
		}
		bad = append(bad, fmt.Sprintf("%s (%s)", item.ID, why))
		items = append(items, item.ID)
	})
	o := failIfAny(bad, "exclusions the SoA cannot stand by")
	o.items = items
	return o
}

// includedControlsConformant holds when every included control is conformant and none of them
// failed its operating-effectiveness test.
func (f *facts) includedControlsConformant() outcome {
	var bad []string
	f.inRange(func(item checklists.Item, r *Result) {
		switch {
		case !item.IsControl():
		case r.Status != Conformant:
			bad = append(bad, fmt.Sprintf("%s (%s)", item.ID, r.Status.Label()))
		case testConclusion(f.cat, f.a, item.ID) == Ineffective:
			bad = append(bad, fmt.Sprintf("%s (conformant, but its test concluded ineffective)", item.ID))
		}
	})
	return failIfAny(bad, "included controls not conformant")
}

// exclusionsCredible holds when no exclusion lacks an acceptable justification, none touches a
// sensitive area while high-impact systems are in scope, and no high-impact system is out of
// scope.
func (f *facts) exclusionsCredible() outcome {
	cat, a := f.cat, f.a
	var bad, items []string
	f.excludedControls(func(item checklists.Item, r *Result) {
		switch {
		case !AcceptableJustification(r.Justification):
			bad = append(bad, fmt.Sprintf("%s (no acceptable justification)", item.ID))
		case sensitiveExclusion(cat, a, item):
			bad = append(bad, fmt.Sprintf("%s (excluded despite high-impact systems in scope)", item.ID))
		default:
			return
		}
		items = append(items, item.ID)
	})
	outside := systemNames(a, func(s *AISystem) bool { return !s.InScope && s.Impact == ImpactHigh })
	for _, name := range outside {
		bad = append(bad, fmt.Sprintf("%s (high-impact system left out of scope)", name))
	}
	o := failIfAny(bad, "exclusions without a credible justification")
	o.items, o.systems = items, outside
	return o
}

// nonconformitiesRaised fails when items are partially conformant or nonconformant but no
// nonconformity has ever been raised: corrective action cannot be under control when nothing
// was recorded to act on.
func (f *facts) nonconformitiesRaised() outcome {
	gaps := 0
	f.inRange(func(_ checklists.Item, r *Result) {
		if r.Status == Partial || r.Status == Nonconformant {
			gaps++
		}
	})
	for i := range f.a.NCs {
		if f.a.NCs[i].IsNonconformity() {
			return pass()
		}
	}
	if gaps > 0 {
		return fail("%s partially conformant or nonconformant, yet no nonconformity has been raised", counted(gaps, "item is", "items are"))
	}
	return pass()
}

// auditFindingsAnswered fails when a nonconformity raised by an internal audit has neither a
// correction nor a corrective action: the finding has no agreed response.
func (f *facts) auditFindingsAnswered() outcome {
	var bad []string
	for i := range f.a.NCs {
		if nc := &f.a.NCs[i]; nc.Source == "internal_audit" && nc.IsNonconformity() && !nc.hasAction() {
			bad = append(bad, nc.Label())
		}
	}
	return failIfAny(bad, "internal audit findings without a correction or corrective action")
}
